// Where the signal does not reach: the real service worker in Chromium keeps the app openable with
// no network. A running session survives an offline reload with its Stop, the stop goes out once,
// when the phone is online again; the map reopens on what it last loaded; the app is installable
// as the driver app, the hotel portal and the kiosk.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';
import path from 'node:path';

import { AppDriver, openApp, launchBrowser, withScreenshotOnFailure, workerReady } from './lib/app_driver.mjs';
import { chromiumArgs } from './lib/browser_setup.mjs';
import { hotelDay, writeConfig, writeGuestList } from './lib/deploy_files.mjs';
import { startServer, repoRoot } from './lib/serve_process.mjs';
import { reachPrice, stopCharging } from './lib/charge_steps.mjs';

const dist = path.join(repoRoot, 'build/web/dist');
let server, browser;
// Every other browser test blocks service workers (each test starts from the network); these allow them.
const withWorker = { serviceWorkers: 'allow' };

before(async () => {
  server = await startServer(['--root', dist, '--time-scale', '30']);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

// The map's list once it has stopped growing: "N chargers in view" the same for 2 s.
async function settledList(app) {
  let last = '', same = 0;
  for (let i = 0; i < 60 && same < 4; i++) {
    await app.page.waitForTimeout(500);
    const inView = (await app.nodes()).find((n) => / chargers in view/.test(n.name))?.name ?? '';
    same = inView && inView === last ? same + 1 : 0;
    last = inView;
  }
  const options = (await app.nodes()).filter((n) => n.role === 'option').map((n) => n.name).sort();
  return { inView: last, options };
}

test('offline reload mid-session: the session and its Stop are back within 2 s; the stop goes out once online', { timeout: 120000 }, async () => {
  const { page, app, context, close } = await openApp(server.url + '/', { browser, context: withWorker });
  const stops = [];
  page.on('request', (r) => { if (r.url().includes('/api/session/stop')) stops.push(r.url()); });
  try {
    await withScreenshotOnFailure(page, 'offline-session', async () => {
      await workerReady(page);
      await reachPrice(app, { timeout: 30000 });
      await app.tap('button', 'Start charging');
      await app.waitFor('status', 'Charging', { timeout: 30000 });
      const energy = (await app.waitFor('text', /^Energy: /)).name;

      await context.setOffline(true);
      const t0 = Date.now();
      await page.reload();
      await app.waitFor('button', 'Stop charging', { timeout: 10000 });
      const took = Date.now() - t0;
      assert.ok(took < 2000, `the session was back in ${took} ms`);
      await app.waitFor('text', /^Energy: /);
      assert.ok(energy);
      await stopCharging(app);
      await app.waitFor('status', 'You are offline. Stop will be sent as soon as the phone is online.');
      assert.equal(stops.length, 0, 'nothing was sent offline');

      await context.setOffline(false);
      await app.waitFor('heading', /^Total: €\d+\.\d\d$/, { timeout: 30000 });
      assert.equal(stops.length, 1, 'exactly one stop reached the server');
    });
  } finally {
    await close();
  }
});

test('offline reload on the map: the last chargers are listed, and Start says it cannot start offline', { timeout: 120000 }, async () => {
  const { page, app, context, close } = await openApp(server.url + '/', { browser, context: withWorker });
  try {
    await withScreenshotOnFailure(page, 'offline-map', async () => {
      await workerReady(page);
      // The first visit's chargers came before the worker was there; a visit with it keeps them.
      await page.reload();
      await app.waitReady({ timeout: 30000 });
      await app.waitFor('option', /free$/, { timeout: 30000 });
      await app.waitIdle({ quietMs: 500, timeout: 30000 });
      const before = await settledList(app);
      const online = before.options;
      // One charger looked at online: its details are kept too.
      const place = online.find((name) => !/ 0 of /.test(name));
      await app.tap('option', place);
      await app.waitFor('button', /^Charge at .*, connector \d+$/);
      const charge = (await app.nodes()).find((n) => n.role === 'button' && /^Charge at /.test(n.name) && !n.disabled);
      await app.tap('button', 'Back');
      await app.waitFor('option', place);

      const failed = [];
      page.on('requestfailed', (r) => { if (!r.url().includes('/api/')) failed.push(r.url()); });
      await context.setOffline(true);
      await page.reload();
      await app.waitReady({ timeout: 5000 });
      await app.waitFor('status', 'Offline: showing the chargers already loaded.');
      await app.waitFor('option', /free$/, { timeout: 10000 });
      await app.waitIdle({ quietMs: 500, timeout: 30000 });
      const after = await settledList(app);
      assert.equal(after.inView, before.inView, 'as many chargers as online');
      assert.deepEqual(after.options, online, 'the same chargers as online');
      // The base map drawn is the one seen before: not one of its files was missing.
      assert.deepEqual(failed, [], 'every file the map drew came from the cache');

      // A start is never queued: offline, Start is off and says why.
      await app.tap('option', place);
      await app.tap('button', charge.name);
      await app.waitFor('status', 'You are offline: charging can start once the phone is online.');
      const start = await app.waitFor('button', 'Start charging');
      assert.equal(start.disabled, true, 'Start is off offline');
    });
  } finally {
    await close();
  }
});

test('installable: Chromium finds no installability errors for the driver app, the portal and the kiosk', { timeout: 120000 }, async () => {
  const portal = writeConfig('portal-hotel.json', (config, dir) => {
    config.portal.guestList = writeGuestList(dir, [['12', 'Jansen', 'DZ-1', hotelDay(-1), hotelDay(2)]]);
  });
  const deploys = [portal, writeConfig('kiosk.json', () => {})];
  const servers = [server];
  try {
    for (const d of deploys) servers.push(await startServer(['--root', dist, '--time-scale', '30', '--config', d.file]));
    const names = [];
    // A profile on disk: Chromium never offers to install from an incognito window, which is what
    // every other test's fresh context is.
    const profile = mkdtempSync(path.join(tmpdir(), 'evcharge-profile-'));
    const ctx = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium', headless: true, args: chromiumArgs([]), serviceWorkers: 'allow' });
    try {
      for (const s of servers) {
        const page = await ctx.newPage();
        await page.goto(s.url + '/');
        await new AppDriver(page).waitReady({ timeout: 30000 });
        await workerReady(page);
        const cdp = await ctx.newCDPSession(page);
        const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
        assert.deepEqual(installabilityErrors, [], `${s.url}: ${JSON.stringify(installabilityErrors)}`);
        const manifest = await page.evaluate(async () => (await fetch('manifest.webmanifest')).json());
        names.push(manifest.name);
        await page.close();
      }
    } finally {
      await ctx.close();
      rmSync(profile, { recursive: true, force: true });
    }
    assert.equal(names[0], 'Charge');
    assert.equal(new Set(names).size, 3, `each deployment under its own name: ${names}`);
  } finally {
    for (const s of servers.slice(1)) await s.stop();
    for (const d of deploys) rmSync(d.dir, { recursive: true, force: true });
  }
});
