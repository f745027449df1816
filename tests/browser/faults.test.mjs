// The whole journey against serve.py --faults 0.2 (about one /api/ request in five slowed, refused
// with a 503, dropped after it took effect, or cut short): the driver gets through, exactly one
// session is started, and the receipt comes. Skipped when serve.py has no --faults.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

import { openApp, launchBrowser, withScreenshotOnFailure } from './lib/app_driver.mjs';
import { startServer, repoRoot } from './lib/serve_process.mjs';
import { reachPrice, stopCharging } from './lib/charge_steps.mjs';

const help = execFileSync('python3', ['serve.py', '--help'], { cwd: repoRoot, encoding: 'utf8' });
const skip = help.includes('--faults') ? false : 'serve.py has no --faults option';
const SEED = process.env.FAULTS_SEED ?? '4';

let server, browser;

before(async () => {
  if (skip) return;
  server = await startServer(['--root', path.join(repoRoot, 'build/web/dist'), '--time-scale', '30',
    '--faults', '0.2', '--faults-seed', SEED]);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

// The referee's reads go through the same faulty /api/: asked until one answer is whole.
async function sessionsOf(page) {
  for (let i = 0; i < 30; i++) {
    const list = await page.evaluate(async () => {
      try {
        const token = localStorage.getItem('appToken');
        const r = await fetch(`/api/token/${encodeURIComponent(token)}/sessions`);
        return r.ok ? (await r.json()).data : null;
      } catch { return null; }
    });
    if (list) return list;
  }
  throw new Error('the session list never came through');
}

const present = async (app, role, name) => Boolean(await app.find(role, name));


test('the whole journey on a network that fails one request in five', { skip, timeout: 240000 }, async () => {
  const { page, app, close } = await openApp(server.url + '/', { browser, timeout: 30000 });
  try {
    await withScreenshotOnFailure(page, 'faults-journey', async () => {
      // Before the start, a driver whose screen got stuck (a map page or a price that did not
      // load) reloads the page: that is allowed to take a few tries.
      for (let attempt = 1; ; attempt++) {
        try {
          await reachPrice(app, { timeout: 12000, retries: 10 });
          break;
        } catch (err) {
          if (attempt >= 8) throw err;
          await page.reload();
          await app.waitReady({ timeout: 30000 });
        }
      }
      // From here the app must cope by itself. The driver taps Start whenever it is offered
      // (after "Charging did not start. You can try again."); the guard makes that safe.
      let taps = 0;
      const deadline = Date.now() + 120000;
      while (!(await present(app, 'status', 'Charging'))) {
        if (Date.now() > deadline) throw new Error('never charging');
        const start = await app.find('button', 'Start charging');
        if (start && !start.disabled) {
          // The screen may move on between the look and the tap.
          if (await app.tap('button', 'Start charging', { timeout: 1000 }).then(() => true, () => false)) taps += 1;
        }
        if (await present(app, 'button', 'OK')) await app.tap('button', 'OK').catch(() => {});
        await page.waitForTimeout(300);
      }
      assert.ok(taps >= 1);
      await stopCharging(app, { timeout: 30000 });
      await app.waitFor('heading', /^Total: €\d+\.\d\d$/, { timeout: 90000 });

      const sessions = await sessionsOf(page);
      assert.equal(sessions.length, 1, `exactly one session started (Start tapped ${taps} times)`);
      assert.equal(sessions[0].status, 'CDR_AVAILABLE');
    });
  } finally {
    await close();
  }
});
