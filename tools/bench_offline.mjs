// Prints what the offline shell costs and gives: the shell's files and bytes the service worker
// keeps, the time from an offline reload to the first frame and to the running session's Stop
// button (median of several), and the size of each cache after a visit with one session.
// Usage: node tools/bench_offline.mjs [--runs N]   (needs a web build in build/web/dist)
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer, repoRoot } from '../tests/browser/lib/serve_process.mjs';
import { chromiumArgs, phoneContext } from '../tests/browser/lib/browser_setup.mjs';
import { AppDriver, workerReady } from '../tests/browser/lib/app_driver.mjs';
import { reachPrice } from '../tests/browser/lib/charge_steps.mjs';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const dist = path.join(repoRoot, 'build/web/dist');
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

const server = await startServer(['--root', dist, '--time-scale', '30']);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs() });
try {
  const context = await browser.newContext(phoneContext({ serviceWorkers: 'allow' }));
  const page = await context.newPage();
  const app = new AppDriver(page);
  await page.goto(server.url + '/');
  await app.waitReady({ timeout: 30000 });
  await workerReady(page);
  await page.reload();  // the map's places, now through the worker
  await app.waitReady({ timeout: 30000 });
  await reachPrice(app, { timeout: 30000 });
  await app.tap('button', 'Start charging');
  await app.waitFor('status', 'Charging', { timeout: 30000 });

  const caches = await page.evaluate(async () => {
    const out = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      let bytes = 0;
      const keys = await cache.keys();
      for (const k of keys) bytes += (await (await cache.match(k)).arrayBuffer()).byteLength;
      out.push({ name: name.replace(/^shell-.*/, 'shell-<version>'), entries: keys.length, bytes });
    }
    return out;
  });
  const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage);

  await context.setOffline(true);
  const firstFrame = [], stop = [];
  for (let i = 0; i < runs; i++) {
    const t0 = Date.now();
    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('first-frame').length > 0, null, { timeout: 30000 });
    firstFrame.push(await page.evaluate(() => performance.getEntriesByName('first-frame')[0].startTime));
    await app.waitFor('button', 'Stop charging', { timeout: 30000 });
    stop.push(Date.now() - t0);
  }
  await context.close();

  console.log('Caches after a visit with one session (decoded bytes):');
  for (const c of caches) console.log(`  ${c.name.padEnd(18)} ${String(c.entries).padStart(5)} entries ${String(c.bytes).padStart(10)} B`);
  console.log(`  storage estimate   ${String(usage).padStart(24)} B`);
  console.log(`Offline reload, ${runs} runs (ms): first frame median ${Math.round(median(firstFrame))} ` +
    `[${firstFrame.map(Math.round).join(', ')}]; Stop on screen median ${median(stop)} [${stop.join(', ')}]`);
} finally {
  await browser.close();
  await server.stop();
}
