// ImGui's clipboard hooks (1.86: io.Get/SetClipboardTextFn).
#pragma once

struct ImGuiIO;

namespace platform::clipboard {

void install(ImGuiIO& io);

}  // namespace platform::clipboard
