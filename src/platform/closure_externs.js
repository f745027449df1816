/**
 * @fileoverview Names the Closure Compiler must keep when it minifies evcharge.js (the EM_JS code
 * in src/platform/*.cpp and Emscripten's runtime): everything that crosses to the page's own
 * scripts (web/*.js, shell/index.html), to JSON read from the server, to the browser tests, or to
 * browser APIs newer than the compiler's own externs. A name missing here is renamed in
 * evcharge.js and silently stops matching: tools/check_closure_names.py, run when dist/ is made
 * (CMakeLists.txt), fails the build when a property an EM_JS block uses was renamed.
 * @externs
 */

// The page's bridges (web/*.js), called from EM_JS.
var evCamera = {};
evCamera.place = function(x, y, w, h) {};
evCamera.set = function(on, torch) {};
var evDocuments = {};
evDocuments.download = function(name, mime, bytes) {};
evDocuments.print = function(html) {};
evDocuments.openLink = function(url) {};
var evShell = {};
evShell.fail = function(reason) {};
evShell.onUpdate = function() {};
evShell.takeUpdate = function() {};
evShell.update = {};
evShell.update.ready;
evShell.fetchLang = function(code) {};
evShell.code = {};
evShell.code.onFonts = function(callback) {};
var evHttp = {};
evHttp.send = function(id, method, path, headers, body, timeoutMs, binary) {};
evHttp.abort = function(id) {};
var evMirror = {};
evMirror.update = function(data, dpr) {};
evMirror.announce = function(text) {};
var evText = {};
evText.focus = function(numeric, label, x, y, w, h, force) {};
evText.place = function(x, y, w, h) {};
evText.blur = function() {};
evText.isFocused = function() {};
var evWake;
var evPersistAsked;
var matchMedia = function(query) {};

/** Read by the browser tests and benchmarks (window.__…), and by serve.py's map-config.json. */
var EvcNames = {};
EvcNames.__frames;
EvcNames.__drawn;
EvcNames.__frameTimes;
EvcNames.__mapMoves;
EvcNames.__mapView;
EvcNames.__tileFetchesMax;
EvcNames.__tileAborts;
EvcNames.x;
EvcNames.y;
EvcNames.w;
EvcNames.h;
EvcNames.tileUrl;
EvcNames.attribution;
EvcNames.dataAttribution;

/** Browser API names the compiler's externs may lack. */
EvcNames.colorScheme;
EvcNames.resolvedOptions;
EvcNames.timeZone;
EvcNames.theme;
EvcNames.wakeLock;
EvcNames.request;
EvcNames.release;
EvcNames.visualViewport;
EvcNames.offsetTop;
EvcNames.cache;
EvcNames.credentials;
EvcNames.signal;
EvcNames.enableHighAccuracy;
EvcNames.maximumAge;
EvcNames.timeout;
