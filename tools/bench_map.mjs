// Prints what the map costs with about 10,000 chargers in view, in the WASM build in headless
// Chromium against serve.py's simulator (21,787 locations): CPU time per frame (UI and whole frame)
// while a finger pans, clustered and with clustering off; frames per second while panning; the time
// from the end of a pan to the new area's markers on screen; frames drawn while idle.
// Usage: node tools/bench_map.mjs [--pans N]   (needs a web build in build/web/dist)
import path from 'node:path';
import { openApp, launchBrowser } from '../tests/browser/lib/app_driver.mjs';
import { startServer, repoRoot } from '../tests/browser/lib/serve_process.mjs';
import { touchPaths, mapBox } from '../tests/browser/lib/map_touch.mjs';

const pans = Number(process.argv[process.argv.indexOf('--pans') + 1]) || 5;
const dist = path.join(repoRoot, 'build/web/dist');
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const pct = (xs, p) => { const s = sorted(xs); return s[Math.min(s.length - 1, Math.floor(s.length * p))]; };
const fmt = (x) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The whole of the Netherlands on a phone: 12,990 simulated locations in the box.
const COUNTRY = { lat: 52.15, lng: 5.3, zoom: 7.0 };

async function open(browser, server, query, cam) {
  const o = await openApp(`${server.url}/${query}`, { browser });
  await o.page.evaluate((c) => localStorage.setItem('mapCamera', JSON.stringify(c)), cam);
  await o.page.reload();
  await o.app.waitReady();
  return o;
}

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
    report('clustered', inView, await panFrames(app, page));
    const idle = await app.waitIdle({ quietMs: 300 });
    await sleep(3000);
    console.log(`frames drawn during 3 s idle: ${(await app.frames()) - idle}`);
    // The same chargers, every one drawn as its own marker.
    await page.evaluate(() => Module._ev_map_clustering(0));
    report('clustering off', inView, await panFrames(app, page));
    await close();
  }

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
} finally {
  await browser.close();
  await server.stop();
}
