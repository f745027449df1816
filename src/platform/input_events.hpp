// Browser input listeners (html5.h) that feed the input queue.
#pragma once

namespace platform::input {

void install_touch();       // on #canvas: tap = hover, press, release; drag = scroll
void install_mouse_keys();  // mouse and wheel on #canvas, keys on the window

}  // namespace platform::input
