// Frames per event: a phone-sized headless Chromium walks the driver's journey (search, open a place from
// the list, its connector, Start, Stop, the receipt) and prints, per step, how many frames the app
// ran, how many of those it drew on the canvas (a frame that repeats the picture before it is not
// drawn), the main thread's long tasks, and the time from the tap until the step's answer shows.
//
//   node tools/bench_frames.mjs [--runs 3] [--dpr 2.625] [--dist build/web/dist]
//
// Headless Chromium draws WebGL in software, so a drawn frame at the phone profile costs far more
// here than on a phone's GPU; that is what makes each drawn frame visible in the figures.
import path from 'node:path';

import { openApp, launchBrowser } from '../tests/browser/lib/app_driver.mjs';
import { startServer, repoRoot } from '../tests/browser/lib/serve_process.mjs';
import { addCardByApi, stopCharging } from '../tests/browser/lib/charge_steps.mjs';

const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const runs = Number(arg('--runs', 3));
const dpr = Number(arg('--dpr', 2.625));
const dist = path.resolve(repoRoot, arg('--dist', 'build/web/dist'));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const f0 = (x) => (Number.isFinite(x) ? x.toFixed(0) : '-');

// Each step: what the driver does, and what on screen says it has been answered.
const STEPS = [
  ['search "marga"', async (app) => {
    const field = await app.tap('textbox', 'Search chargers');
    await app.page.waitForFunction((key) => document.activeElement?.id === 'text-input'
      && window.evMirror.nodes().some((x) => x.key === key && x.focused), field.key);
    await app.page.keyboard.insertText('marga');
  }, (app) => app.waitFor('option', /^Marga · /)],
  ['tap a place in the list', (app) => app.tap('option', /^Marga · /), (app) => app.waitFor('button', 'Charge at Chargestation-1, connector 1')],
  ['tap its connector', (app) => app.tap('button', 'Charge at Chargestation-1, connector 1'), (app) => app.waitFor('button', 'Start charging', { enabled: true, timeout: 20000 })],
  ['tap Start charging', (app) => app.tap('button', 'Start charging'), (app) => app.waitFor('button', 'Stop charging', { timeout: 30000 })],
  ['tap Stop twice', (app) => stopCharging(app), (app) => app.waitFor('button', /^Receipt|^Done|^Back to the map/, { timeout: 60000 })],
];

function instrument() {
  window.__long = [];
  new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(e.duration))).observe({ type: 'longtask' });
}
const counters = (page) => page.evaluate(() => ({ run: window.__frames || 0, drawn: window.__drawn ?? window.__frames ?? 0, long: (window.__long || []).slice() }));

const server = await startServer(['--root', dist]);
const rows = STEPS.map(() => []);
try {
  const browser = await launchBrowser();
  try {
    for (let run = 1; run <= runs; run++) {
      const { page, app, close } = await openApp(server.url + '/', { browser, context: { deviceScaleFactor: dpr } });
      try {
        await app.waitFor('option', /free$/, { timeout: 15000 });
        await addCardByApi(page);
        // The simulator checks a new card for a few seconds: wait, so the steps time the app.
        for (let t = Date.now(); ; await new Promise((r) => setTimeout(r, 250))) {
          const wallet = await page.evaluate(async () => (await fetch(`/api/payment/${encodeURIComponent(localStorage.getItem('appToken'))}/wallet`)).text());
          if (/"verificationStatus": ?"VALID"/.test(wallet)) break;
          if (Date.now() - t > 30000) throw new Error(`the card was not checked: ${wallet}`);
        }
        await app.waitIdle();
        await page.evaluate(instrument);
        for (const [i, [, act, answered]] of STEPS.entries()) {
          const before = await counters(page);
          const t0 = Date.now();
          await act(app);
          await answered(app);
          const shownMs = Date.now() - t0;
          await app.waitIdle();
          const after = await counters(page);
          const long = after.long.slice(before.long.length);
          rows[i].push({ run: after.run - before.run, drawn: after.drawn - before.drawn, long: long.length, longMs: long.reduce((s, d) => s + d, 0), shownMs });
        }
      } finally {
        await close();
      }
    }
  } finally {
    await browser.close();
  }
} finally {
  await server.stop();
}

console.log(`frames per event, ${runs} runs (headless Chromium, 412x860 CSS px at DPR ${dpr}, ${path.relative(repoRoot, dist)})`);
console.log('step                       frames run  frames drawn  long tasks (ms in all)  tap -> step done ms (simulator included)   (medians)');
for (const [i, [name]] of STEPS.entries()) {
  const r = rows[i];
  console.log(`${name.padEnd(26)} ${f0(median(r.map((x) => x.run))).padStart(10)}  ${f0(median(r.map((x) => x.drawn))).padStart(12)}  ` +
    `${`${f0(median(r.map((x) => x.long)))} (${f0(median(r.map((x) => x.longMs)))})`.padStart(22)}  ${f0(median(r.map((x) => x.shownMs))).padStart(26)}`);
}
