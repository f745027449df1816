// Scan benchmark: a phone-sized headless Chromium whose fake camera films a blank wall for a
// second and then the seed QR sticker. Prints, per run and as medians: the bytes loaded when the
// scanner opens, the decode time per frame in the worker, and the time from the first camera
// frame with the QR code in it to the EVSE on screen.
//
//   node tools/bench_scan.mjs [--runs 5] [--dpr 2.625]      (after bash tools/build.sh web)
//
// Headless Chromium draws WebGL in software (SwiftShader), so a frame of the phone profile costs
// far more here than on a phone's GPU; --dpr 1 shows how much of the time is drawing.
import { rmSync } from 'node:fs';
import path from 'node:path';

import { openApp, launchBrowser } from '../tests/browser/lib/app_driver.mjs';
import { startServer, repoRoot } from '../tests/browser/lib/serve_process.mjs';
import { stickerVideo, fakeCameraArgs } from '../tests/browser/lib/fake_camera.mjs';

const SEED_QR = 'https://a.greenflux.app/qr/gsop/greenflux/d17c60e1-655f-4ff7-a802-15ccb2e7eb7f';
const arg = (name, fallback) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback);
const runs = arg('--runs', 5);
const dpr = arg('--dpr', 2.625);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '-');

// In the page: watch the camera's frames for the first one with dark pixels (the QR code: the
// wall before it is white), and the frames for the first one showing the found EVSE.
function instrument() {
  window.__bench = { qrInView: null, evseShown: null, frames: [] };
  // Long main-thread tasks while scanning: drawing a frame is the usual one.
  new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__bench.frames.push(e.duration))).observe({ type: 'longtask' });
  const video = document.getElementById('camera');
  const c = document.createElement('canvas');
  c.width = 32; c.height = 24;
  const g = c.getContext('2d', { willReadFrequently: true });
  const onVideoFrame = () => {
    if (window.__bench.qrInView !== null) return;
    const now = performance.now();
    if (video.videoWidth) {
      g.drawImage(video, 0, 0, 32, 24);
      const d = g.getImageData(0, 0, 32, 24).data;
      let min = 255;
      for (let i = 0; i < d.length; i += 4) min = Math.min(min, d[i]);
      if (min < 100) { window.__bench.qrInView = now; return; }
    }
    video.requestVideoFrameCallback(onVideoFrame);
  };
  video.requestVideoFrameCallback(onVideoFrame);
  const onFrame = () => {
    const shown = window.evMirror && window.evMirror.nodes().some((n) => n.role === 'text' && n.name.startsWith('Charger ID: '));
    if (shown) { window.__bench.evseShown = performance.now(); return; }
    requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);
}

const server = await startServer(['--root', path.join(repoRoot, 'build/web/dist')]);
const video = stickerVideo(SEED_QR, { blankSeconds: 1, seconds: 6 });
const rows = [];
try {
  const browser = await launchBrowser({ args: fakeCameraArgs(video.file) });
  try {
    for (let run = 1; run <= runs; run++) {
      const { page, app, context, close } = await openApp(server.url + '/', { browser, context: { deviceScaleFactor: dpr } });
      try {
        await app.waitFor('option', /free$/, { timeout: 15000 });
        await app.waitIdle();
        const loads = [];
        context.on('requestfinished', async (r) => {
          const sizes = await r.sizes().catch(() => null);
          if (sizes && !r.url().includes('/api/')) loads.push({ url: r.url(), bytes: sizes.responseBodySize + sizes.responseHeadersSize });
        });
        await page.evaluate(instrument);
        await app.tap('button', 'Scan QR code');
        await page.waitForFunction(() => window.__bench.evseShown !== null, null, { timeout: 30000 });
        await app.waitIdle();
        const b = await page.evaluate(() => window.__bench);
        const stats = await page.evaluate(() => window.evCamera.stats());
        // The app's frames from the QR code in view to the EVSE on screen: run, and drawn on the canvas.
        const frames = await page.evaluate(([from, to]) => (window.__frameTimes || []).filter((f) => f[2] >= from && f[2] <= to), [b.qrInView, b.evseShown]);
        const api = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /api\/(qr|locations\/evse)/.test(e.name))
          .map((e) => e.responseEnd - e.startTime));
        rows.push({
          run, engine: stats.engine, bytes: loads.reduce((s, l) => s + l.bytes, 0), files: loads.map((l) => new URL(l.url).pathname),
          workerReady: stats.workerReadyMs, decodes: stats.decodeMs, qrToEvse: b.evseShown - b.qrInView,
          openToLive: stats.live - stats.opened, qrToDecoded: stats.firstFound - b.qrInView,
          workerReadyAfterQr: stats.opened + stats.workerReadyMs - b.qrInView, api, longTasks: b.frames,
          framesRun: frames.length, framesDrawn: frames.filter((f) => f[3]).length,
          drawnMs: frames.filter((f) => f[3]).map((f) => f[1]), repeatMs: frames.filter((f) => !f[3]).map((f) => f[1]),
        });
      } finally {
        await close();
      }
    }
  } finally {
    await browser.close();
  }
} finally {
  await server.stop();
  rmSync(video.dir, { recursive: true, force: true });
}

console.log(`scanner benchmark, ${runs} runs (headless Chromium, 412x860 CSS px at DPR ${dpr}, fake camera 640x480 @15 fps, decoder: ${rows[0]?.engine})`);
console.log('run  bytes on open  worker ready ms  decodes  decode ms median / p95 / first  QR in view -> EVSE on screen ms');
for (const r of rows) {
  const steady = r.decodes.slice(1);
  console.log(`${String(r.run).padStart(3)}  ${String(r.bytes).padStart(13)}  ${f1(r.workerReady).padStart(15)}  ${String(r.decodes.length).padStart(7)}  ` +
    `${f1(median(steady))} / ${f1(pct(steady, 0.95))} / ${f1(r.decodes[0])}`.padStart(32) + `  ${f1(r.qrToEvse).padStart(30)}`);
}
const all = rows.flatMap((r) => r.decodes.slice(1));
console.log(`files loaded when the scanner opens (first run): ${rows[0]?.files.join(', ')}`);
console.log(`median bytes on open: ${median(rows.map((r) => r.bytes))}`);
console.log(`decode per frame in the worker (all runs, first decode of each run excluded): median ${f1(median(all))} ms, p95 ${f1(pct(all, 0.95))} ms, n=${all.length}`);
console.log(`first decode (wasm compile included): median ${f1(median(rows.map((r) => r.decodes[0])))} ms`);
console.log(`QR in view -> decoded: median ${f1(median(rows.map((r) => r.qrToDecoded)))} ms; worker ready relative to QR in view: ${rows.map((r) => f1(r.workerReadyAfterQr)).join(', ')} ms`);
console.log(`API round trips (POST /qr, GET /locations/evse): median ${f1(median(rows.flatMap((r) => r.api)))} ms`);
const longs = rows.flatMap((r) => r.longTasks);
console.log(`main-thread tasks over 50 ms while scanning (mostly drawing frames): n=${longs.length}, median ${f1(median(longs))} ms`);
console.log(`app frames from QR in view to EVSE on screen: run median ${median(rows.map((r) => r.framesRun))}, drawn median ${median(rows.map((r) => r.framesDrawn))}; ` +
  `main thread per frame: drawn median ${f1(median(rows.flatMap((r) => r.drawnMs)))} ms, not drawn (the same picture) median ${f1(median(rows.flatMap((r) => r.repeatMs)))} ms`);
console.log(`camera open to live: median ${f1(median(rows.map((r) => r.openToLive)))} ms`);
console.log(`QR in view -> EVSE on screen: median ${f1(median(rows.map((r) => r.qrToEvse)))} ms (min ${f1(Math.min(...rows.map((r) => r.qrToEvse)))}, max ${f1(Math.max(...rows.map((r) => r.qrToEvse)))})`);
