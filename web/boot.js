// What the page needs before the app's scripts: the failure note (evShell.fail, also called by
// platform/main.cpp), Emscripten's Module settings, and no context menu over the canvas. A file, not
// an inline <script>, so the Content-Security-Policy can say script-src 'self'; for the same reason
// a failed load of evcharge.js is caught here rather than by an onerror attribute.
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
  if (src && /\/evcharge\.js(\?|$)/.test(src)) evShell.fail('load');
}, true);
