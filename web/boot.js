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
// The app's words but English are files (lang/<code>.bin), fetched when the app first speaks them
// (platform/translations.cpp calls evShell.fetchLang). The phone's language, or the one chosen in
// the app's settings (localStorage 'preferences'), is asked for now, beside the wasm, so that the
// first frame, which waits for it, is not late; the app itself picks among the deployment's languages.
evShell.lang = {};
evShell.fetchLang = function (code) {
  var p = evShell.lang[code];
  if (!p) {
    p = evShell.lang[code] = fetch('lang/' + code + '.bin', { cache: 'no-cache', credentials: 'omit' })
      .then(function (r) { if (!r.ok) throw new Error('lang/' + code + '.bin: ' + r.status); return r.arrayBuffer(); });
    p.catch(function () { if (evShell.lang[code] === p) delete evShell.lang[code]; });
  }
  return p;
};
(function () {
  var tags = [];
  try {
    var prefs = JSON.parse(window.localStorage.getItem('preferences') || '{}');
    if (prefs && typeof prefs.language === 'string' && prefs.language) tags.push(prefs.language);
  } catch (e) {}
  tags = tags.concat(navigator.languages || [navigator.language || 'en']);
  for (var i = 0; i < tags.length; i++) {
    var m = /^([a-z]{2})(?:[-_]|$)/i.exec(String(tags[i]));
    var code = m && m[1].toLowerCase();
    if (code === 'en') return;
    if (code === 'nl' || code === 'de' || code === 'fr') { evShell.fetchLang(code).catch(function () {}); return; }
  }
})();
// The app's code comes in two parts (tools/split/split_wasm.py): what the first screen needs, in
// evcharge.wasm, and the rest, evcharge.deferred.wasm, fetched and compiled once the map is up (the
// first touch or key, or the page quiet for a second), or at once when the page comes from the
// service worker's cache or opens on a charger's link (?evse=, ?qr=), whose first screens need it;
// the app then starts only once it is here. Emscripten calls Module.loadSplitModule when the first part
// first calls into the second: from the compiled copy, or, if that is not here yet, fetched and
// compiled there and then (a pause, counted in evShell.code.syncLoads). The whole text faces
// (evcharge.fonts.ttc; the first part holds the first screen's cut of them) come with the second
// part, asked for first as they are smaller; platform/dpi_scale.cpp takes them through onFonts.
evShell.code = { url: 'evcharge.deferred.wasm', fontsUrl: 'evcharge.fonts.ttc', module: null, promise: null,
  fonts: null, fontsPromise: null, fontWaiters: [], syncLoads: 0 };
evShell.code.loadFonts = function () {
  var c = evShell.code;
  if (c.fonts) return Promise.resolve(c.fonts);
  if (!c.fontsPromise) {
    c.fontsPromise = fetch(c.fontsUrl, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw new Error(c.fontsUrl + ': ' + r.status);
      return r.arrayBuffer();
    }).then(c.fontsArrived);
    c.fontsPromise.catch(function () { c.fontsPromise = null; });
  }
  return c.fontsPromise;
};
// A file's bytes, synchronously (a document may not ask for an ArrayBuffer so); null when it cannot be had.
evShell.code.fetchNow = function (url) {
  var xhr = new XMLHttpRequest();
  xhr.open('GET', url, false);
  xhr.overrideMimeType('text/plain; charset=x-user-defined');
  xhr.send(null);
  if (xhr.status !== 200) return null;
  var text = xhr.responseText, bytes = new Uint8Array(text.length);
  for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
};
evShell.code.fontsArrived = function (b) {
  var c = evShell.code;
  if (c.fonts) return c.fonts;
  c.fonts = b;
  var waiting = c.fontWaiters;
  c.fontWaiters = [];
  waiting.forEach(function (f) { f(b); });
  return b;
};
evShell.code.onFonts = function (f) {
  var c = evShell.code;
  if (c.fonts) f(c.fonts); else c.fontWaiters.push(f);
};
evShell.code.load = function () {
  var c = evShell.code;
  var fonts = c.loadFonts();
  if (!c.module && !c.promise) {
    c.promise = fetch(c.url, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw new Error(c.url + ': ' + r.status);
      return WebAssembly.compileStreaming ? WebAssembly.compileStreaming(r) : r.arrayBuffer().then(WebAssembly.compile);
    }).then(function (m) { c.module = m; return m; });
    c.promise.catch(function () { c.promise = null; });
  }
  return Promise.all([c.module || c.promise, fonts]).then(function () { return c.module; });
};
Module.loadSplitModule = function (file, imports) {
  var c = evShell.code;
  if (!c.module) {
    c.syncLoads++;
    // The screen about to show needs the whole fonts too, or its headings would mix bold and regular.
    if (!c.fonts) {
      var faces = c.fetchNow(c.fontsUrl);
      if (faces) c.fontsArrived(faces.buffer);
    }
    var bytes = c.fetchNow(c.url);
    if (!bytes) throw new Error(c.url + ': not loaded');
    c.module = new WebAssembly.Module(bytes);
  }
  return [new WebAssembly.Instance(c.module, imports), c.module];
};
(function () {
  var c = evShell.code;
  var early = !!(navigator.serviceWorker && navigator.serviceWorker.controller) || location.search !== '' ||
    !/\/(index\.html)?$/.test(location.pathname);
  if (early) {
    c.load().catch(function () {});
    Module.preRun = [function () {
      Module.addRunDependency('deferred-code');
      var go = function () { Module.removeRunDependency('deferred-code'); };
      c.load().then(go, go);
    }];
    return;
  }
  var start = function () {
    removeEventListener('pointerdown', start, true);
    removeEventListener('keydown', start, true);
    c.load().catch(function () {});
  };
  addEventListener('pointerdown', start, true);
  addEventListener('keydown', start, true);
  // Quiet: a second without a frame once the first one is drawn (window.__frames, frame_loop.cpp).
  var last = -1, still = 0, waited = 0;
  var poll = setInterval(function () {
    if (c.module || c.promise) { clearInterval(poll); return; }
    var now = window.__frames || 0;
    waited += 250;
    still = now > 0 && now === last ? still + 250 : 0;
    last = now;
    if (still >= 1000 || (now > 0 && waited >= 10000)) { clearInterval(poll); start(); }
  }, 250);
})();
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
