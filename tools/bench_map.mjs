// Prints what the map costs with about 10,000 chargers in view, in the WASM build in headless
// Chromium against serve.py's simulator (21,787 locations): CPU time per frame (UI and whole frame)
// while a finger pans, clustered and with clustering off; frames per second while panning; the time
// from the end of a pan to the new area's markers on screen; frames drawn while idle; and, with
// a pan fed one move per animation frame from inside the page, each frame's work and the frame
// interval achieved (the 60 fps question).
// Usage: node tools/bench_map.mjs [--pans N] [--synthetic]   (needs a web build in build/web/dist)
import path from 'node:path';
import { launchBrowser } from '../tests/browser/lib/app_driver.mjs';
import { startServer, repoRoot } from '../tests/browser/lib/serve_process.mjs';
import { touchPaths, mapBox, openMapAt } from '../tests/browser/lib/map_touch.mjs';

const pans = Number(process.argv[process.argv.indexOf('--pans') + 1]) || 5;
const onlySynthetic = process.argv.includes('--synthetic');  // just the synthetic pan figures
const dist = path.join(repoRoot, 'build/web/dist');
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const pct = (xs, p) => { const s = sorted(xs); return s[Math.min(s.length - 1, Math.floor(s.length * p))]; };
const fmt = (x) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The whole of the Netherlands on a phone: 12,990 simulated locations in the box.
const COUNTRY = { lat: 52.15, lng: 5.3, zoom: 7.0 };

const open = (browser, server, query, cam) => openMapAt(`${server.url}/${query}`, cam, { browser });

// Waits until no area is loading and the list has been drawn; returns the chargers in view.
async function loaded(app, page, timeout = 600000) {
  const end = Date.now() + timeout;
  for (;;) {
    const state = await page.evaluate(() => ({
      loading: !!window.evMirror.find('status', 'Loading chargers…'), pending: window.evHttp.pending(),
      count: (window.evMirror.nodes().find((n) => /^[\d,]+ chargers? in view/.test(n.name)) || {}).name || '',
      rows: window.evMirror.nodes().filter((n) => n.role === 'option' && / free$/.test(n.name)).length,
    }));
    // The list draws only its rows on screen; its count line says how many are in view.
    if (!state.loading && state.pending === 0 && state.rows > 0) return parseInt(state.count.replace(/,/g, ''), 10) || state.rows;
    if (Date.now() > end) throw new Error('map still loading after ' + timeout + ' ms');
    await sleep(100);
  }
}

// Pans back and forth for a while and returns the frames drawn meanwhile: [ui ms, total ms] each.
async function panFrames(app, page) {
  const box = await mapBox(app);
  await app.waitIdle({ quietMs: 300 });
  const before = await page.evaluate(() => window.__frames);
  const t0 = Date.now();
  for (let i = 0; i < 4; i++) {
    const dx = i % 2 ? 80 : -80;
    await touchPaths(page, [[box.cx - dx / 2, box.cy, box.cx + dx / 2, box.cy]], { steps: 20, stepMs: 16, holdMs: 50 });
  }
  const seconds = (Date.now() - t0) / 1000;
  const after = await page.evaluate(() => window.__frames);
  const n = after - before;
  const times = await page.evaluate((n) => (window.__frameTimes || []).slice(-n), Math.min(n, 600));
  return { times, fps: n / seconds };
}

// A one-finger pan driven from inside the page: one touchmove per animation frame (6 px each, back
// and forth), so the input keeps pace with the display whatever CDP's latency. Returns each app
// frame's work (CPU ms, whole frame incl. GL submit) and the interval between app frames.
async function syntheticPan(app, page, seconds = 5) {
  const box = await mapBox(app);
  await app.waitIdle({ quietMs: 300 });
  const { start, end } = await page.evaluate(async ({ box, seconds }) => {
    const canvas = document.getElementById('canvas');
    const fire = (type, x, y) => {
      const t = new Touch({ identifier: 11, target: canvas, clientX: x, clientY: y, pageX: x, pageY: y, screenX: x, screenY: y });
      const down = type === 'touchend' ? [] : [t];
      canvas.dispatchEvent(new TouchEvent(type, { touches: down, targetTouches: down, changedTouches: [t], bubbles: true, cancelable: true }));
    };
    let x = box.cx, dir = -1;
    fire('touchstart', x, box.cy);
    const start = performance.now();
    await new Promise((resolve) => {
      const step = () => {
        if (performance.now() - start > seconds * 1000) { resolve(); return; }
        x += dir * 6;
        if (Math.abs(x - box.cx) > box.w * 0.3) dir = -dir;
        fire('touchmove', x, box.cy);
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });
    const end = performance.now();
    await new Promise((r) => setTimeout(r, 200));  // a rest: no glide afterwards
    fire('touchend', x, box.cy);
    return { start, end };
  }, { box, seconds });
  const frames = (await page.evaluate(() => window.__frameTimes || [])).filter((f) => f[2] >= start && f[2] <= end);
  const intervals = frames.slice(1).map((f, i) => f[2] - frames[i][2]);
  return { work: frames.map((f) => f[1]), intervals, seconds: (end - start) / 1000 };
}

// The browser's own frame interval while the app draws nothing (a bare requestAnimationFrame loop).
async function idleInterval(page) {
  return page.evaluate(() => new Promise((resolve) => {
    const gaps = [];
    let last = 0;
    const t0 = performance.now();
    const step = (t) => {
      if (last) gaps.push(t - last);
      last = t;
      if (t - t0 < 1500) requestAnimationFrame(step);
      else resolve(gaps.sort((a, b) => a - b)[Math.floor(gaps.length / 2)]);
    };
    requestAnimationFrame(step);
  }));
}

// The same page with its canvas at 1 device px per CSS px: how much of the interval is the
// software rasteriser filling a phone-sized backing store.
async function atDpr(page, dpr) {
  const cdp = await page.context().newCDPSession(page);
  const vp = page.viewportSize();
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: vp.width, height: vp.height, deviceScaleFactor: dpr, mobile: true });
  await cdp.detach();
}

function reportSynthetic(label, inView, { work, intervals, seconds }) {
  console.log(`${label}: ${inView} chargers in view, ${work.length} frames in ${fmt(seconds)} s of one-finger pan ` +
    `(one move per animation frame)`);
  console.log(`  frame work (CPU, incl. GL submit)  median ${fmt(pct(work, 0.5))} ms, p95 ${fmt(pct(work, 0.95))} ms`);
  console.log(`  frame interval achieved           median ${fmt(pct(intervals, 0.5))} ms, p95 ${fmt(pct(intervals, 0.95))} ms ` +
    `(${fmt(1000 / pct(intervals, 0.5))} frames/s at the median)`);
}

function report(label, inView, { times, fps }) {
  const ui = times.map((t) => t[0]), total = times.map((t) => t[1]);
  console.log(`${label}: ${inView} chargers in view, ${times.length} frames while panning, ${fmt(fps)} frames/s`);
  console.log(`  UI (layout, markers, clusters)  median ${fmt(pct(ui, 0.5))} ms, p95 ${fmt(pct(ui, 0.95))} ms`);
  console.log(`  whole frame incl. GL submit     median ${fmt(pct(total, 0.5))} ms, p95 ${fmt(pct(total, 0.95))} ms`);
}

const server = await startServer(['--root', dist, '--rate-limit', '0']);
const browser = await launchBrowser();
try {
  {
    const { page, app, close } = await open(browser, server, '', COUNTRY);
    const t0 = Date.now();
    const inView = await loaded(app, page);
    console.log(`loading ${inView} chargers for the country view took ${Date.now() - t0} ms`);
    if (!onlySynthetic) report('clustered', inView, await panFrames(app, page));
    await app.waitIdle({ quietMs: 300 });
    console.log(`browser's own frame interval with the map idle: median ${fmt(await idleInterval(page))} ms`);
    reportSynthetic('clustered, synthetic pan', inView, await syntheticPan(app, page));
    await atDpr(page, 1);
    await loaded(app, page);
    reportSynthetic('clustered, synthetic pan, canvas at DPR 1', inView, await syntheticPan(app, page));
    await atDpr(page, 2.625);
    await loaded(app, page);
    if (!onlySynthetic) {
      const idle = await app.waitIdle({ quietMs: 300 });
      await sleep(3000);
      console.log(`frames drawn during 3 s idle: ${(await app.frames()) - idle}`);
      // The same chargers, every one drawn as its own marker.
      await page.evaluate(() => Module._ev_map_clustering(0));
      report('clustering off', inView, await panFrames(app, page));
    }
    await close();
  }
  if (!onlySynthetic) {
    // End of a pan to the new area's markers on screen, in a city at street level (new areas each time).
    const { page, app, close } = await open(browser, server, '', { lat: 52.37, lng: 4.89, zoom: 14 });
    await loaded(app, page);
    const box = await mapBox(app);
    const waits = [];
    for (let i = 0; i < pans; i++) {
      await app.waitIdle({ quietMs: 300 });
      await touchPaths(page, [[box.cx + box.w * 0.45, box.cy, box.cx - box.w * 0.45, box.cy]], { steps: 12, stepMs: 16, holdMs: 100 });
      const ended = Date.now();
      const startFrame = await page.evaluate(() => window.__frames);
      // New markers are on screen in the first frame drawn after the last area answered.
      await page.waitForFunction(() => window.evHttp.pending() === 0 && !window.evMirror.find('status', 'Loading chargers…'),
        null, { timeout: 30000, polling: 5 });
      await page.waitForFunction((f) => window.__frames > f, startFrame, { timeout: 5000, polling: 5 });
      waits.push(Date.now() - ended);
    }
    console.log(`end of pan to new markers (street level, ${pans} pans of 0.9 screen): median ${pct(waits, 0.5)} ms, max ${Math.max(...waits)} ms`);
    await close();
  }
} finally {
  await browser.close();
  await server.stop();
}
