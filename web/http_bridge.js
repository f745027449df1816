// fetch() for the app's HTTP effects: same origin, one AbortController per request id, the
// effect's timeout covering the whole exchange. Every request ends in exactly one
// _ev_http_done(id, status, body, length, headers); status 0 means no HTTP answer. A request that
// asks for bytes (a PDF, a CSV file) gets the body as it came, others as text (UTF-8).
(function () {
  'use strict';
  var inflight = new Map();
  var HEADERS = ['content-type', 'retry-after'];  // the ones the core reads

  function copy(text) {
    var n = Module.lengthBytesUTF8(text) + 1, p = Module._malloc(n);
    Module.stringToUTF8(text, p, n);
    return p;
  }

  function deliver(id, status, body, headerLines) {
    var p, length;
    if (body instanceof ArrayBuffer) {
      var bytes = new Uint8Array(body);
      length = bytes.length;
      p = Module._malloc(Math.max(1, length));
      Module.HEAPU8.set(bytes, p);  // read after malloc: the heap may have grown
    } else {
      p = copy(body);
      length = Module.lengthBytesUTF8(body);
    }
    var h = copy(headerLines);
    try { Module._ev_http_done(id, status, p, length, h); } finally { Module._free(p); Module._free(h); }
  }

  window.evHttp = {
    send: function (id, method, path, headerLines, body, timeoutMs, binary) {
      var ctrl = new AbortController();
      var timer = setTimeout(function () { ctrl.abort(); }, timeoutMs);
      inflight.set(id, ctrl);
      var headers = {}, lines = headerLines.split('\n');
      for (var i = 0; i + 1 < lines.length; i += 2) headers[lines[i]] = lines[i + 1];
      var init = { method: method, headers: headers, signal: ctrl.signal, cache: 'no-store',
                   credentials: 'same-origin', redirect: 'follow' };
      if (body && method !== 'GET' && method !== 'HEAD') init.body = body;
      fetch(path, init)
        .then(function (r) {
          var kept = '';
          HEADERS.forEach(function (name) {
            var v = r.headers.get(name);
            if (v !== null) kept += name + '\n' + v.replace(/\n/g, ' ') + '\n';
          });
          return (binary ? r.arrayBuffer() : r.text()).then(function (b) { return [r.status, b, kept]; });
        })
        .catch(function () { return [0, '', '']; })
        .then(function (result) {
          clearTimeout(timer);
          inflight.delete(id);
          deliver(id, result[0], result[1], result[2]);
        });
    },
    abort: function (id) {
      var ctrl = inflight.get(id);
      if (ctrl) ctrl.abort();
    },
    pending: function () { return inflight.size; }
  };
})();
