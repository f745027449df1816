// What the page needs before the app's scripts: the failure note (evShell.fail, also called by
// platform/main.cpp), Emscripten's Module settings, and no context menu over the canvas. A file, not
// an inline <script>, so the Content-Security-Policy can say script-src 'self'; for the same reason
// a failed load of evcharge.js (evcharge.<hash>.js once built) is caught here rather than by an onerror
// attribute.
var evShell = {
  fail: function (reason) {
    var text = reason === 'webgl2'
      ? 'This browser cannot show the app: it needs WebGL 2, which is turned off or not supported here. Try an up-to-date Chrome, Safari or Firefox.'
      : 'The app could not be loaded. Check your connection and reload the page.';
    var l = document.getElementById('loading');
    if (l) l.remove();
    var f = document.getElementById('fail');
    f.textContent = text;
    f.hidden = false;
    document.getElementById('canvas').hidden = true;
  }
};
var Module = {
  canvas: document.getElementById('canvas'),
  onAbort: function () { evShell.fail('load'); },
  print: function (t) { console.log(t); },
  printErr: function (t) { console.warn(t); }
};
document.addEventListener('contextmenu', function (e) { e.preventDefault(); });
// Load errors do not bubble, but a capturing listener on the window sees them.
window.addEventListener('error', function (e) {
  var src = e.target && e.target.src;
  if (src && /\/evcharge(\.[0-9a-f]{16})?\.js(\?|$)/.test(src)) evShell.fail('load');
}, true);
// The service worker (sw.js) opens the app with no network. A new version installs beside the old
// one and waits; evShell.update.ready says so, and evShell.takeUpdate() (which the app calls only
// away from a running session) lets it take over and reloads once it has.
evShell.update = { ready: false, registration: null };
if ('serviceWorker' in navigator) {
  window.addEventListener('load', function () {
    navigator.serviceWorker.register('sw.js').then(function (reg) {
      evShell.update.registration = reg;
      var check = function () {
        if (!reg.waiting || !navigator.serviceWorker.controller || evShell.update.ready) return;
        evShell.update.ready = true;
        if (evShell.onUpdate) evShell.onUpdate();
      };
      check();
      // A kiosk or a phone that keeps the page open for days looks for a new version now and then,
      // and whenever the page comes back into view; the browser only looks on navigations.
      var look = function () { if (navigator.onLine !== false) reg.update().catch(function () {}); };
      setInterval(look, 30 * 60 * 1000);
      document.addEventListener('visibilitychange', function () { if (!document.hidden) look(); });
      reg.addEventListener('updatefound', function () {
        var w = reg.installing;
        if (w) w.addEventListener('statechange', function () { if (w.state === 'installed') check(); });
      });
    }).catch(function (e) { console.warn('service worker not registered: ' + e); });
  });
}
evShell.takeUpdate = function () {
  var reg = evShell.update.registration;
  if (!reg || !reg.waiting) return false;
  navigator.serviceWorker.addEventListener('controllerchange', function () { location.reload(); });
  reg.waiting.postMessage('take-over');
  return true;
};
