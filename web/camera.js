// The scanner's camera: the rear camera in a <video> placed over the box the scan screen reserves,
// and a decode loop with one frame in flight — the browser's BarcodeDetector where it reads QR
// codes, otherwise ZXing (zxing-wasm, served by this app) in a module worker, loaded only when
// the scanner first opens. Codes go to the app as untrusted text (_ev_qr_decoded); camera states
// as numbers (_ev_camera_report, the order of core::CameraStatus).
(function () {
  'use strict';
  var STATUS = { off: 0, starting: 1, live: 2, denied: 3, none: 4, unsupported: 5, failed: 6 };
  var video = document.getElementById('camera');
  var box = document.getElementById('camera-box');  // holds the video and the viewfinder, clips both
  var want = false, stream = null, track = null, torchOn = false;
  var decoder = null;        // a promise of {name, decode(source) -> Promise<text|null>}
  var busy = false;          // one frame in flight
  var delivered = null;      // the text handed over last: a sticker in view is decoded on every frame,
                             // and each hand-over costs the app a frame; the app says when to hand it over again
  var grab = null;           // canvas for the worker path
  var stats = { engine: '', decodes: 0, found: 0, decodeMs: [], workerReadyMs: null, opened: 0, live: 0, firstFound: null };

  function report(status, torch) { Module._ev_camera_report(status, torch ? 1 : 0); }

  function deliver(text) {
    var n = Module.lengthBytesUTF8(text) + 1, p = Module._malloc(n);
    Module.stringToUTF8(text, p, n);
    try { Module._ev_qr_decoded(p, n - 1); } finally { Module._free(p); }
  }

  // ZXing in a worker: frames go over as transferred RGBA buffers and come back as text or null.
  function zxingDecoder() {
    var worker = new Worker('qr_worker.js', { type: 'module' });
    var waiting = new Map(), next = 1, started = performance.now();
    worker.onmessage = function (e) {
      var d = e.data;
      if (d.ready) { stats.workerReadyMs = performance.now() - started; return; }
      var done = waiting.get(d.id);
      waiting.delete(d.id);
      if (d.ms != null) stats.decodeMs.push(d.ms);
      if (done) done(d.text || null);
    };
    worker.onerror = function () {
      waiting.forEach(function (done) { done(null); });
      waiting.clear();
    };
    return {
      name: 'zxing-wasm',
      decode: function (source) {
        // The middle square of the picture, where the viewfinder is; at most 640 px a side.
        var vw = source.videoWidth, vh = source.videoHeight;
        if (!vw || !vh) return Promise.resolve(null);
        var side = Math.min(vw, vh), out = Math.min(side, 640);
        if (!grab) grab = document.createElement('canvas');
        if (grab.width !== out) { grab.width = out; grab.height = out; }
        var g = grab.getContext('2d', { willReadFrequently: true });
        g.drawImage(source, (vw - side) / 2, (vh - side) / 2, side, side, 0, 0, out, out);
        var img = g.getImageData(0, 0, out, out), id = next++;
        return new Promise(function (resolve) {
          waiting.set(id, resolve);
          worker.postMessage({ id: id, width: out, height: out, buf: img.data.buffer }, [img.data.buffer]);
        });
      }
    };
  }

  function loadDecoder() {
    if (decoder) return decoder;
    var native = ('BarcodeDetector' in window && BarcodeDetector.getSupportedFormats)
      ? BarcodeDetector.getSupportedFormats().then(function (f) { return f.indexOf('qr_code') >= 0; }, function () { return false; })
      : Promise.resolve(false);
    decoder = native.then(function (ok) {
      if (!ok) return zxingDecoder();
      var bd = new BarcodeDetector({ formats: ['qr_code'] });
      return {
        name: 'BarcodeDetector',
        decode: function (source) {
          var t0 = performance.now();
          return bd.detect(source).then(function (r) {
            stats.decodeMs.push(performance.now() - t0);
            return r.length ? r[0].rawValue : null;
          });
        }
      };
    });
    return decoder;
  }

  function onFrame() {
    if (!want || !stream) return;
    schedule();
    if (busy || video.readyState < 2) return;
    busy = true;
    decoder.then(function (d) {
      stats.engine = d.name;
      stats.decodes++;
      return d.decode(video);
    }).then(function (text) {
      busy = false;
      if (text && want) {
        stats.found++;
        if (stats.firstFound === null) stats.firstFound = performance.now();
        if (text !== delivered) { delivered = text; deliver(text); }
      }
    }, function () { busy = false; });
  }

  function schedule() {
    if (video.requestVideoFrameCallback) video.requestVideoFrameCallback(onFrame);
    else requestAnimationFrame(onFrame);
  }

  function torchSupported() {
    try {
      var caps = track && track.getCapabilities ? track.getCapabilities() : null;
      return !!(caps && caps.torch);
    } catch (e) { return false; }
  }

  function setTorch(on) {
    if (!track || !torchSupported() || on === torchOn) return;
    torchOn = on;
    track.applyConstraints({ advanced: [{ torch: on }] }).catch(function () { torchOn = false; });
  }

  function start(torch) {
    stats.opened = performance.now();
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) { report(STATUS.unsupported); return; }
    loadDecoder();
    navigator.mediaDevices.getUserMedia({
      audio: false,
      video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } }
    }).then(function (s) {
      if (!want) { s.getTracks().forEach(function (t) { t.stop(); }); return; }
      stream = s;
      track = s.getVideoTracks()[0] || null;
      torchOn = false;
      video.srcObject = s;
      return video.play().then(function () {
        stats.live = performance.now();
        report(STATUS.live, torchSupported());
        if (torch) setTorch(true);
        schedule();
      });
    }).catch(function (e) {
      if (!want) return;
      stop();
      want = false;
      var name = e && e.name;
      report(name === 'NotAllowedError' || name === 'SecurityError' ? STATUS.denied
        : name === 'NotFoundError' || name === 'OverconstrainedError' ? STATUS.none : STATUS.failed);
    });
  }

  function stop() {
    if (stream) stream.getTracks().forEach(function (t) { t.stop(); });
    stream = null;
    track = null;
    torchOn = false;
    video.srcObject = null;
  }

  window.evCamera = {
    // From the app's Camera effects.
    // Asked to be on while already on: look afresh (the driver wants the same code tried again).
    set: function (on, torch) {
      delivered = null;
      if (on && !want) { want = true; start(torch); }
      else if (!on && want) { want = false; stop(); }
      else if (on) setTorch(torch);
    },
    // Where the picture goes, CSS px; a zero width hides it.
    place: function (x, y, w, h) {
      var show = w > 0 && h > 0;
      box.hidden = !show;
      if (show) { box.style.left = x + 'px'; box.style.top = y + 'px'; box.style.width = w + 'px'; box.style.height = h + 'px'; }
    },
    // For benchmarks and diagnostics: which decoder ran and how long each decode took (ms).
    stats: function () { return JSON.parse(JSON.stringify(stats)); }
  };
})();
