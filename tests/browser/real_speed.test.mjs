// The journeys at the speed a driver meets them: serve.py's simulator at --time-scale 1, as
// tools/start.sh runs it (the other browser tests run it 30 times faster). A new charge card is
// still being checked when the price shows, the car takes seconds to plug in, the receipt seconds
// to come. Covered: the driver with a freshly added card (Start tapped the moment it is enabled),
// a smart-charging session overridden with "Charge now at full power", the kiosk demo step by step,
// and the hotel guest. About two minutes of real time in all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';

import { openApp, launchBrowser, withScreenshotOnFailure } from './lib/app_driver.mjs';
import { hotelDay, writeConfig, writeGuestList } from './lib/deploy_files.mjs';
import { startServer, repoRoot } from './lib/serve_process.mjs';
import { CARD, addCardByApi, sessionsOf, smartChargingEvse, stopCharging } from './lib/charge_steps.mjs';

const dist = path.join(repoRoot, 'build/web/dist');
let browser;
const servers = [];
const deploys = [];

async function realSpeedServer(...args) {
  const server = await startServer(['--root', dist, '--time-scale', '1', ...args]);
  servers.push(server);
  return server;
}

before(async () => { browser = await launchBrowser(); });
after(async () => {
  await browser?.close();
  for (const s of servers) await s.stop();
  for (const d of deploys) rmSync(d.dir, { recursive: true, force: true });
});

const powerOf = (name) => Number(/Power: ([\d.]+) kW/.exec(name)?.[1] ?? NaN);

test('a driver adds a card and taps Start the moment it is enabled: the start is accepted', { timeout: 120000 }, async () => {
  const server = await realSpeedServer();
  const { page, app, close } = await openApp(server.url + '/evse/NL-GFX-EChargestation-1', { browser, timeout: 30000 });
  try {
    await withScreenshotOnFailure(page, 'real-speed-card', async () => {
      await app.tap('button', 'Charge at Chargestation-1, connector 1', { timeout: 30000 });
      // The price is in (the screen's layout settles) before the driver reaches for the button.
      await app.waitFor('text', 'Add a charge card to start charging', { timeout: 15000 });
      await app.waitFor('text', /per kWh/);
      await app.tap('button', 'Add charge card');
      await app.fill('Charge card number', CARD);
      await app.tap('button', 'Save');
      // Still being checked: chosen, but Start waits and says why.
      const card = await app.waitFor('option', /2836 · Checking your card…/, { timeout: 15000 });
      assert.equal(card.selected, true, 'the new card is chosen while it is checked');
      const start = await app.waitFor('button', 'Start charging');
      assert.equal(start.disabled, true, 'no start with a card still being checked');
      await app.waitFor('status', 'Start is possible as soon as your card is checked.');
      // Verified within seconds (the simulator takes 5): Start comes on by itself, tapped at once.
      const t0 = Date.now();
      await app.tap('button', 'Start charging', { timeout: 20000 });
      const waited = (Date.now() - t0) / 1000;
      assert.ok(waited < 15, `Start came on ${waited} s after the price showed`);
      await app.waitFor('status', 'Charging', { timeout: 30000 });
      await stopCharging(app);
      await app.waitFor('heading', /^Total: €\d+\.\d\d$/, { timeout: 30000 });
      const sessions = await sessionsOf(page);
      assert.deepEqual(sessions.map((s) => s.status), ['CDR_AVAILABLE'], 'one session, never REJECTED');
      assert.deepEqual(app.errors.filter((e) => !/favicon/.test(e)), []);
    });
  } finally {
    await close();
  }
});

test('smart charging holds the power back until the driver taps Charge now at full power', { timeout: 120000 }, async () => {
  const evse = smartChargingEvse();
  assert.ok(evse, 'the simulator has a smart-charging charger');
  const server = servers[0] ?? await realSpeedServer();
  const { page, app, close } = await openApp(`${server.url}/evse/${encodeURIComponent(evse)}`, { browser, timeout: 30000 });
  try {
    await withScreenshotOnFailure(page, 'real-speed-smart', async () => {
      // The card goes in through the API (typing it is the test above's part).
      await addCardByApi(page, '770674109963009999');
      await app.tap('button', /^Charge at .+, connector 1$/, { timeout: 30000 });
      await app.tap('button', 'Start charging', { timeout: 20000 });
      // Charging, but held: said plainly, with the override offered.
      await app.waitFor('status', 'Paused by smart charging', { timeout: 30000 });
      await app.waitFor('text', /^Smart charging is holding back power/);
      assert.equal(powerOf((await app.waitFor('text', /^Power: /)).name), 0);
      await app.tap('button', 'Charge now at full power');
      await app.waitFor('text', /^(Full power is on its way\.|Charging at full power: smart charging is overridden\.)$/, { timeout: 10000 });
      await app.waitFor('text', 'Charging at full power: smart charging is overridden.', { timeout: 20000 });
      const deadline = Date.now() + 20000;
      let power = 0;
      while (!(power > 0) && Date.now() < deadline) {
        power = powerOf((await app.find('text', /^Power: /))?.name ?? '');
        if (!(power > 0)) await page.waitForTimeout(250);
      }
      assert.ok(power > 0, `power arrives after the override (${power} kW)`);
      await app.waitFor('status', 'Charging');
      assert.equal(await app.find('button', 'Charge now at full power'), null, 'not offered again');
      await stopCharging(app);
      await app.waitFor('heading', /^Total: €\d+\.\d\d$/, { timeout: 30000 });
    });
  } finally {
    await close();
  }
});

test('the kiosk demo at real speed: every step works as the guide says, and no error box is left', { timeout: 150000 }, async () => {
  const deploy = writeConfig('kiosk.json', (config) => {
    config.kiosk.idleSeconds = 300;  // the visitor reads; no reset mid-test
  });
  deploys.push(deploy);
  const server = await realSpeedServer('--config', deploy.file);
  const { page, app, close } = await openApp(server.url + '/', { browser, timeout: 30000 });
  try {
    await withScreenshotOnFailure(page, 'real-speed-kiosk', async () => {
      await app.tap('button', 'Tap to start the demo', { timeout: 30000 });
      await app.waitFor('status', 'Step 1 of 5: choose a connector to charge at.', { timeout: 20000 });
      await app.tap('button', 'Charge at Chargestation-1, connector 1');
      await app.waitFor('status', /^Step 2 of 5/);
      // The demo card was added a moment ago: Start waits for its check, then comes on.
      await app.tap('button', 'Start charging', { timeout: 20000 });
      await app.waitFor('status', /^Step 3 of 5/, { timeout: 15000 });
      await app.tap('button', 'Plug in the cable');
      await app.waitFor('status', 'Charging', { timeout: 20000 });
      await app.waitFor('status', /^Step 4 of 5/);
      assert.equal(await app.find('status', /^The charger could not do that now/), null, 'no refusal for doing as told');
      await stopCharging(app);
      await app.waitFor('status', /^Step 5 of 5/, { timeout: 30000 });
      await app.waitFor('heading', /^Total: €\d+\.\d\d$/, { timeout: 30000 });
      assert.equal(await app.find('status', /^The charger could not do that now/), null);
      assert.deepEqual(app.errors.filter((e) => !/favicon/.test(e)), []);
    });
  } finally {
    await close();
  }
});

test('the hotel guest at real speed: check in, charge on the room, receipt', { timeout: 120000 }, async () => {
  const deploy = writeConfig('portal-hotel.json', (config, dir) => {
    config.portal.guestList = writeGuestList(dir, [['12', 'Jansen', 'DZ-1', hotelDay(-1), hotelDay(2)]]);
  });
  deploys.push(deploy);
  const server = await realSpeedServer('--config', deploy.file);
  const { page, app, close } = await openApp(server.url + '/', { browser, timeout: 30000 });
  try {
    await withScreenshotOnFailure(page, 'real-speed-portal', async () => {
      await app.waitFor('heading', 'Charge on your room', { timeout: 20000 });
      await app.fill('Room number', '12');
      await app.fill('Surname', 'Jansen');
      await app.tap('button', 'Continue');
      await app.tap('option', /^Hotel Dijkzicht guest garage · /, { timeout: 20000 });
      await app.tap('button', 'Charge at Garage 1, connector 1');
      await app.waitFor('option', /^Room 12 · Verified · can be used here$/, { timeout: 15000 });
      await app.tap('button', 'Start charging');
      await app.waitFor('status', 'Charging', { timeout: 30000 });
      await page.waitForTimeout(2000);
      await stopCharging(app);
      await app.waitFor('heading', /^Total: €\d+\.\d\d$/, { timeout: 30000 });
      await app.waitFor('text', 'Charged to room 12');
    });
  } finally {
    await close();
  }
});
