// The WebGL2 context on #canvas, and what to do when the browser takes it away.
#pragma once

namespace platform::gl {

bool create();  // false when WebGL2 is not available
void install_loss_handlers();  // pause on webglcontextlost, rebuild GL objects on restore

}  // namespace platform::gl
