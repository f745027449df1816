// The translations the web build does not link (Dutch, German, French): fetched as files
// (dist/lang/<code>.bin, tools/make_strings.py) when the app is first to speak them, and installed
// into the string table. boot.js asks for the phone's language beside the wasm.
#pragma once
#include <optional>

#include "core/text/text.hpp"

namespace platform::translations {

// The language to draw this frame in, for `wanted` (the one the model speaks): `wanted` once its
// texts are here, asking for them otherwise. Until they come, nullopt before any frame was drawn
// (the first frame waits, so it is in the right language) and the language drawn last after that;
// English when they cannot be had (tr() falls back to English text by text anyway).
std::optional<core::Language> to_draw(core::Language wanted);

}  // namespace platform::translations
