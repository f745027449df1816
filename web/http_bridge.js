// fetch() for the app's HTTP effects: same origin, one AbortController per request id, the
// effect's timeout covering the whole exchange. Every request ends in exactly one
// _ev_http_done(id, status, body, length); status 0 means no HTTP answer.
(function () {
  'use strict';
  var inflight = new Map();

  function deliver(id, status, text) {
    var n = Module.lengthBytesUTF8(text) + 1, p = Module._malloc(n);
    Module.stringToUTF8(text, p, n);
    try { Module._ev_http_done(id, status, p, n - 1); } finally { Module._free(p); }
  }

  window.evHttp = {
    send: function (id, method, path, headerLines, body, timeoutMs) {
      var ctrl = new AbortController();
      var timer = setTimeout(function () { ctrl.abort(); }, timeoutMs);
      inflight.set(id, ctrl);
      var headers = {}, lines = headerLines.split('\n');
      for (var i = 0; i + 1 < lines.length; i += 2) headers[lines[i]] = lines[i + 1];
      var init = { method: method, headers: headers, signal: ctrl.signal, cache: 'no-store',
                   credentials: 'same-origin', redirect: 'follow' };
      if (body && method !== 'GET' && method !== 'HEAD') init.body = body;
      fetch(path, init)
        .then(function (r) { return r.text().then(function (t) { return [r.status, t]; }); })
        .catch(function () { return [0, '']; })
        .then(function (result) {
          clearTimeout(timer);
          inflight.delete(id);
          deliver(id, result[0], result[1]);
        });
    },
    abort: function (id) {
      var ctrl = inflight.get(id);
      if (ctrl) ctrl.abort();
    },
    pending: function () { return inflight.size; }
  };
})();
