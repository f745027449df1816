// The page's life around the app: online/offline, other tabs writing storage, and the Screen
// Wake Lock the core asks for while charging.
#pragma once

namespace platform::page_events {

// Sends the current online state and listens for changes, for other tabs' storage writes and for
// a new version of the app installed and waiting (UpdateReady).
void install();
// Holds a screen wake lock while `on` (where the browser has one), taken again when the page
// comes back into view, since browsers release it when hidden.
void keep_awake(bool on);
// The waiting new version (web/boot.js registered its service worker) takes over; the page reloads.
void apply_update();
// The page speaks `code` ("de"): <html lang>, which screen readers follow for the mirror's words.
// Cheap to call every frame: the page is told only of a change.
void speak(const char* code);

}  // namespace platform::page_events
