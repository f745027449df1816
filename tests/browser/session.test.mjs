// A driver's session survives what phones and networks do: a double tap, a reload mid-charge, a
// reload during the start request, a lost answer, a second tab, the network gone mid-session, a
// charger that waited in vain for the cable. The simulator is the referee: one session, a receipt.
import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import { openApp, launchBrowser, withScreenshotOnFailure } from './lib/app_driver.mjs';
import { startServer, repoRoot } from './lib/serve_process.mjs';
import { reachPrice, sessionsOf, simControl, stopCharging } from './lib/charge_steps.mjs';

let browser, server;

before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });
// A server per test: each starts from a free charger.
beforeEach(async () => {
  server = await startServer(['--root', path.join(repoRoot, 'build/web/dist'), '--time-scale', '30']);
});
afterEach(async () => { await server?.stop(); });

const ignorable = (e) => /favicon|Failed to load resource/.test(e);

async function stopToReceipt(app) {
  await stopCharging(app);
  await app.waitFor('heading', /^Total: €\d+\.\d\d$/, { timeout: 30000 });
}

test('a double tap on Start creates one session; a reload mid-charge lands on it, and Stop works from there', { timeout: 90000 }, async () => {
  const { page, context, app, close } = await openApp(server.url + '/', { browser });
  try {
    await withScreenshotOnFailure(page, 'double-tap-reload', async () => {
      await reachPrice(app);
      const start = await app.find('button', 'Start charging');
      const x = start.x + start.w / 2, y = start.y + start.h / 2;
      await Promise.all([page.touchscreen.tap(x, y), page.touchscreen.tap(x, y)]);
      await page.touchscreen.tap(x, y);
      await app.waitFor('status', 'Charging', { timeout: 30000 });
      assert.equal((await sessionsOf(page)).length, 1, 'exactly one session started');

      // From the reload on, the Screen Wake Lock is a recording stand-in (headless has none to see).
      await context.addInitScript(() => {
        const log = window.__wake = { requested: 0, released: 0, type: null };
        Object.defineProperty(navigator, 'wakeLock', { configurable: true, value: { request: async (type) => {
          log.requested += 1;
          log.type = type;
          const lock = new EventTarget();
          lock.release = async () => { log.released += 1; lock.dispatchEvent(new Event('release')); };
          return lock;
        } } });
      });
      await page.reload();
      await app.waitReady();
      await app.waitFor('heading', 'Marga', { timeout: 15000 });
      await app.waitFor('status', 'Charging', { timeout: 15000 });
      await app.waitFor('text', 'Charging: now');
      await page.waitForFunction(() => window.__wake.requested === 1);
      assert.equal(await page.evaluate(() => window.__wake.type), 'screen', 'the screen stays on while charging');
      await stopToReceipt(app);
      await page.waitForFunction(() => window.__wake.released === 1);  // and is let go once it is over
      const sessions = await sessionsOf(page);
      assert.equal(sessions.length, 1);
      assert.equal(sessions[0].status, 'CDR_AVAILABLE');

      // The history lists it with what it cost; its receipt opens from there.
      const total = (await app.find('heading', /^Total: /)).name.replace('Total: ', '');
      await app.tap('button', 'Done');
      await app.tap('button', 'Past sessions');
      await app.waitFor('heading', 'Past sessions');
      const row = await app.waitFor('option', /^Marga · \d+ \w+ \d{4}, \d\d:\d\d(?: [A-Z]{3,4}| UTC[+-]\d\d:\d\d)? · [\d.]+ kWh · /, { timeout: 15000 });
      assert.ok(row.name.endsWith(` · ${total}`), `${row.name} ends with the total ${total}`);
      await app.tap('option', row.name);
      await app.waitFor('heading', `Total: ${total}`, { timeout: 15000 });
      await app.tap('button', 'Done');
      await app.waitFor('heading', 'Past sessions');
      assert.deepEqual(app.errors.filter((e) => !ignorable(e)), []);
    });
  } finally {
    await close();
  }
});

test('a start whose answer is lost is found in the session list, and not sent again', { timeout: 90000 }, async () => {
  const { page, app, close } = await openApp(server.url + '/', { browser });
  try {
    await withScreenshotOnFailure(page, 'lost-answer', async () => {
      await reachPrice(app);
      let starts = 0;
      // The start reaches the service, but its answer never reaches the phone.
      await page.route('**/api/session/start*', async (route) => {
        starts += 1;
        await route.fetch();
        await route.abort('connectionreset');
      });
      await app.tap('button', 'Start charging');
      await app.waitFor('status', /^(Charger accepted, plug in your car|Charging)$/, { timeout: 30000 });
      assert.equal(starts, 1, 'the start was sent once');
      assert.equal((await sessionsOf(page)).length, 1);
      await page.unroute('**/api/session/start*');
      await app.waitFor('status', 'Charging', { timeout: 30000 });
      await stopToReceipt(app);
    });
  } finally {
    await close();
  }
});

test('a reload during the start request, and a second tab, show the one session', { timeout: 90000 }, async () => {
  const { page, context, app, close } = await openApp(server.url + '/', { browser });
  try {
    await withScreenshotOnFailure(page, 'reload-during-start', async () => {
      await reachPrice(app);
      let release, starts = 0;
      const held = new Promise((r) => { release = r; });
      await page.route('**/api/session/start*', async (route) => {
        starts += 1;
        await route.fetch();  // the service starts the session...
        await held;           // ...and the page reloads before the answer arrives
        await route.abort('aborted').catch(() => {});
      });
      await app.tap('button', 'Start charging');
      await page.waitForFunction(() => localStorage.getItem('startPending') !== null);
      await page.waitForTimeout(300);
      const reload = page.reload();
      release();
      await reload;
      await app.waitReady();
      await app.waitFor('heading', 'Charging session', { timeout: 15000 });
      await app.waitFor('status', 'Charging', { timeout: 30000 });
      assert.equal(await page.evaluate(() => localStorage.getItem('startPending')), null, 'settled');
      assert.equal(starts, 1, 'no start after the reload');
      await page.unroute('**/api/session/start*');

      // A second tab of the same app finds the running session (shared storage, same token).
      const tab = await context.newPage();
      const { AppDriver } = await import('./lib/app_driver.mjs');
      const app2 = new AppDriver(tab);
      await tab.goto(server.url + '/');
      await app2.waitReady();
      await app2.waitFor('status', 'Charging', { timeout: 15000 });
      await app2.waitFor('button', 'Stop charging', { enabled: true });
      await tab.close();

      assert.equal((await sessionsOf(page)).length, 1);
      await stopToReceipt(app);
    });
  } finally {
    await close();
  }
});

test('the network drops mid-session: the app says so, Stop waits for it, and the receipt follows', { timeout: 90000 }, async () => {
  const { page, context, app, close } = await openApp(server.url + '/', { browser });
  try {
    await withScreenshotOnFailure(page, 'offline', async () => {
      await reachPrice(app);
      await app.tap('button', 'Start charging');
      await app.waitFor('status', 'Charging', { timeout: 30000 });
      await context.setOffline(true);
      await app.waitFor('status', /^You are offline/, { timeout: 10000 });
      await page.waitForTimeout(2500);
      // Still the live session, still stoppable; the stop goes out when the network is back.
      await stopCharging(app);
      await app.waitFor('button', 'Stopping…');
      await page.waitForTimeout(1000);
      await context.setOffline(false);
      await app.waitForGone('status', /^You are offline/, { timeout: 10000 });
      await app.waitFor('heading', /^Total: €\d+\.\d\d$/, { timeout: 30000 });
      const sessions = await sessionsOf(page);
      assert.equal(sessions.length, 1);
      assert.equal(sessions[0].status, 'CDR_AVAILABLE');
    });
  } finally {
    await close();
  }
});

test('no cable in time: the app says so and Try again leads back to the price; then the wallet', { timeout: 90000 }, async () => {
  const { page, app, close } = await openApp(server.url + '/', { browser });
  try {
    await withScreenshotOnFailure(page, 'timeout', async () => {
      await reachPrice(app);
      await simControl(server.url, 'never_plug');
      // At 30× the charger waits for the cable about a second: kept by the recorder, not polled.
      await app.recordShown();
      await app.tap('button', 'Start charging');
      // Its own screen: what happened, why, nothing charged; no totals, nothing to download.
      await app.waitFor('heading', 'Charging did not start', { timeout: 30000 });
      assert.ok(await app.wasShown('text', /^Plug in your car/), 'the app asked for the cable while the charger waited');
      assert.ok(await app.wasShown('button', 'Cancel start'), 'the start could be cancelled while it waited');
      await app.waitFor('text', 'No cable was plugged in in time, so the charger cancelled the start.');
      await app.waitFor('text', 'Nothing was charged for this session.');
      assert.equal(await app.find('heading', /^Total: /), null);
      assert.equal(await app.find('button', 'Download receipt'), null);
      await app.tap('button', 'Try again');
      await app.waitFor('button', 'Start charging', { enabled: true, timeout: 15000 });

      // The wallet: the card with its verification; a payment reference added, made default, removed.
      await app.tap('button', 'Back');
      await app.tap('button', 'Back');
      await app.tap('button', 'Payment methods');
      await app.waitFor('text', /2836 · Verified$/, { timeout: 15000 });
      await app.fill('Payment reference', 'room-12');
      await app.tap('button', 'Add payment reference');
      await app.waitFor('text', /^External: room-12 · Verified$/, { timeout: 15000 });
      await app.tap('button', 'Make default', { nth: 2 });
      await app.waitFor('text', /^External: room-12 · Verified · Default, chosen first when you charge$/);
      assert.ok(await page.evaluate(() => localStorage.getItem('defaultPaymentMethod')));
      await app.tap('button', 'Remove', { nth: 2 });
      await app.waitForGone('text', /^External: room-12/, { timeout: 15000 });
      const wallet = await page.evaluate(async () => {
        const token = localStorage.getItem('appToken');
        return (await (await fetch(`/api/payment/${encodeURIComponent(token)}/wallet`)).json()).data;
      });
      assert.equal(wallet.length, 1, 'removed at the service too');
    });
  } finally {
    await close();
  }
});

test('a finger held on the session bar while its cost goes up still opens the session on release', { timeout: 90000 }, async () => {
  const { page, app, close } = await openApp(server.url + '/', { browser });
  try {
    await withScreenshotOnFailure(page, 'bar-held-while-cost-changes', async () => {
      await reachPrice(app);
      await app.tap('button', 'Start charging');
      await app.waitFor('status', 'Charging', { timeout: 30000 });
      await app.waitFor('text', /^Energy: /);
      await app.tap('button', 'Back');
      await app.waitFor('heading', 'Chargers nearby');
      const bar = await app.waitFor('button', /^Charging at Marga · ≈ €\d+\.\d\d$/, { timeout: 30000 });
      const x = bar.x + bar.w / 2, y = bar.y + bar.h / 2;
      const touch = await page.context().newCDPSession(page);
      await touch.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      // The finger stays down until the bar shows another running cost (the simulator bills on).
      await page.waitForFunction((before) => window.evMirror.nodes()
        .some((n) => n.role === 'button' && /^Charging at Marga · /.test(n.name) && n.name !== before), bar.name, { timeout: 30000 });
      await touch.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await app.waitFor('button', 'Stop charging', { timeout: 10000 });
      await stopToReceipt(app);
    });
  } finally {
    await close();
  }
});
