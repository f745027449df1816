// The demo kiosk, unattended on the simulator: a visitor taps the attract screen, follows the guided
// demo with the demo card, plays the car with the charger-side controls, walks away mid-charge; the
// kiosk counts down, stops the session, wipes storage and is back at the attract screen. Nothing
// leaves the kiosk machine.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';

import { openApp, launchBrowser, withScreenshotOnFailure } from './lib/app_driver.mjs';
import { writeConfig } from './lib/deploy_files.mjs';
import { startServer, repoRoot } from './lib/serve_process.mjs';
import { simControl } from './lib/charge_steps.mjs';

let server, browser, deploy;
const IDLE_SECONDS = 15;  // long enough that a slow machine never idles out mid-step

before(async () => {
  deploy = writeConfig('kiosk.json', (config) => {
    config.kiosk.idleSeconds = IDLE_SECONDS;
    config.kiosk.countdownSeconds = 3;
  });
  server = await startServer(['--root', path.join(repoRoot, 'build/web/dist'), '--time-scale', '1',
    '--config', deploy.file]);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (deploy) rmSync(deploy.dir, { recursive: true, force: true });
});

test('a kiosk demo runs, then resets itself after idling mid-charge and keeps nothing', { timeout: 120000 }, async () => {
  const { page, app, close } = await openApp(server.url + '/', { browser });
  const elsewhere = [];
  page.on('request', (r) => { if (!r.url().startsWith(server.url + '/')) elsewhere.push(r.url()); });
  try {
    await withScreenshotOnFailure(page, 'kiosk', async () => {
      await app.waitFor('heading', 'Charge an electric car', { timeout: 15000 });
      // The kiosk's own logo, from its own files.
      await page.waitForFunction(() => performance.getEntriesByType('resource')
        .some((e) => e.name.endsWith('/branding/charge-demo.png') && e.responseStatus === 200));
      await app.tap('button', 'Tap to start the demo');
      await app.waitFor('status', 'Step 1 of 5: choose a connector to charge at.', { timeout: 15000 });
      await app.waitFor('heading', 'Marga');
      await app.tap('button', 'Charge at Chargestation-1, connector 1');
      await app.waitFor('status', /^Step 2 of 5/);
      // The demo card is already in the wallet and chosen.
      const card = await app.waitFor('option', /0001 · Verified · can be used here$/, { timeout: 15000 });
      assert.equal(card.selected, true);
      // The car waits for the visitor (left alone, the simulator's car plugs itself in 3 s after a
      // start, which can be before the app has shown step 3 at all).
      await simControl(server.url, 'never_plug');
      await app.tap('button', 'Start charging');
      await app.waitFor('status', /^Step 3 of 5/, { timeout: 15000 });
      // The visitor plays the car, within the charger's 30 s for the cable (the kiosk runs at real speed).
      await app.tap('button', 'Plug in the cable');
      await app.waitFor('status', 'Charging', { timeout: 15000 });
      await app.waitFor('status', /^Step 4 of 5/);
      await app.waitFor('button', 'Battery full', { enabled: true });
      const token = await page.evaluate(() => localStorage.getItem('appToken'));
      assert.ok(token, 'the demo has a token while it runs');

      // The visitor walks away: a visible countdown, then the reset.
      const countdown = await app.waitFor('status', /^Still there\? The demo restarts in \d s\.$/,
        { timeout: (IDLE_SECONDS + 5) * 1000 });
      assert.ok(countdown);
      await app.waitFor('heading', 'Charge an electric car', { timeout: 10000 });
      assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0, 'storage is wiped');

      // The session was stopped and the demo card removed on the server.
      const after = await page.evaluate(async (t) => {
        const sessions = (await (await fetch(`/api/token/${encodeURIComponent(t)}/sessions`)).json()).data;
        const wallet = (await (await fetch(`/api/payment/${encodeURIComponent(t)}/wallet`)).json()).data;
        return { statuses: sessions.map((s) => s.status), wallet: wallet.length };
      }, token);
      assert.equal(after.statuses.length, 1);
      assert.ok(['STOPPING', 'COMPLETED', 'CDR_AVAILABLE'].includes(after.statuses[0]), after.statuses[0]);
      assert.equal(after.wallet, 0);

      // The next visitor starts afresh, with a new token.
      await app.tap('button', 'Tap to start the demo');
      await app.waitFor('heading', 'Marga', { timeout: 15000 });
      const next = await page.evaluate(() => localStorage.getItem('appToken'));
      assert.ok(next && next !== token, 'a new token per visitor');
      assert.deepEqual(elsewhere, [], 'no request leaves the kiosk machine');
      assert.deepEqual(app.errors.filter((e) => !/favicon/.test(e)), []);
    });
  } finally {
    await close();
  }
});

test('a touch during the countdown keeps the demo going', { timeout: 60000 }, async () => {
  const { page, app, close } = await openApp(server.url + '/', { browser });
  try {
    await withScreenshotOnFailure(page, 'kiosk-still-here', async () => {
      await app.tap('button', 'Tap to start the demo', { timeout: 15000 });
      await app.waitFor('heading', 'Marga', { timeout: 15000 });
      await app.tap('button', "I'm still here", { timeout: (IDLE_SECONDS + 5) * 1000 });
      await app.waitForGone('button', "I'm still here");
      await app.waitFor('heading', 'Marga');
      assert.equal(await app.find('heading', 'Charge an electric car'), null);
    });
  } finally {
    await close();
  }
});
