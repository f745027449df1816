// Prints how fast a driver gets their session back: after a reload mid-charge, the time from the
// navigation to the live session on screen (first frame, then the first fresh status); and after
// the network comes back, the time until the screen shows a fresh status again. Median of N runs.
// Usage: node tools/bench_resume.mjs [--runs N]   (needs a web build in build/web/dist)
import path from 'node:path';
import { openApp, launchBrowser } from '../tests/browser/lib/app_driver.mjs';
import { startServer, repoRoot } from '../tests/browser/lib/serve_process.mjs';
import { reachPrice } from '../tests/browser/lib/charge_steps.mjs';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const range = (xs) => `median ${median(xs)} ms (min ${Math.min(...xs)}, max ${Math.max(...xs)})`;

const server = await startServer(['--root', path.join(repoRoot, 'build/web/dist'), '--time-scale', '30']);
const browser = await launchBrowser();
try {
  const { page, context, app } = await openApp(server.url + '/', { browser });
  await reachPrice(app);
  await app.tap('button', 'Start charging');
  await app.waitFor('status', 'Charging', { timeout: 30000 });
  const shown = [], fresh = [], back = [];
  const updatedNow = /^Updated [0-2] s ago$/;
  for (let i = 0; i < runs; i++) {
    const t0 = Date.now();
    await page.reload();
    await app.waitFor('status', 'Charging', { timeout: 30000 });  // restored from storage
    shown.push(Date.now() - t0);
    await app.waitFor('text', updatedNow, { timeout: 30000 });   // and confirmed by the service
    fresh.push(Date.now() - t0);

    await context.setOffline(true);
    await app.waitFor('status', /^You are offline/);
    await page.waitForTimeout(4000);  // the figures age
    const t1 = Date.now();
    await context.setOffline(false);
    await app.waitFor('text', updatedNow, { timeout: 30000 });
    back.push(Date.now() - t1);
  }
  console.log(`reload mid-charge → live session on screen:  ${range(shown)}`);
  console.log(`reload mid-charge → first fresh status:      ${range(fresh)}`);
  console.log(`back online → fresh status:                  ${range(back)}`);
} finally {
  await browser.close();
  await server.stop();
}
