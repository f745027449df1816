// The hotel portal on a phone: a guest with a valid booking checks in with room and surname, sees
// only the hotel's chargers, charges and gets a receipt billed to the room; a stranger and a guest
// whose stay is over are refused with the reason.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';

import { openApp, launchBrowser, withScreenshotOnFailure } from './lib/app_driver.mjs';
import { hotelDay, writeConfig, writeGuestList } from './lib/deploy_files.mjs';
import { startServer, repoRoot } from './lib/serve_process.mjs';
import { stopCharging } from './lib/charge_steps.mjs';

let server, browser, deploy;

before(async () => {
  deploy = writeConfig('portal-hotel.json', (config, dir) => {
    config.portal.guestList = writeGuestList(dir, [
      ['12', 'Jansen', 'DZ-1', hotelDay(-1), hotelDay(2)],
      ['16', 'Visser', 'DZ-3', hotelDay(-6), hotelDay(-2)],
    ]);
  });
  server = await startServer(['--root', path.join(repoRoot, 'build/web/dist'), '--time-scale', '30',
    '--config', deploy.file]);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (deploy) rmSync(deploy.dir, { recursive: true, force: true });
});

async function checkIn(room, surname) {
  const opened = await openApp(server.url + '/', { browser });
  const { app } = opened;
  await app.waitFor('heading', 'Charge on your room', { timeout: 15000 });
  await app.fill('Room number', room);
  await app.fill('Surname', surname);
  await app.tap('button', 'Continue');
  return opened;
}

test('a stranger is told no stay matches, without any API call', { timeout: 60000 }, async () => {
  const { page, app, close } = await checkIn('99', 'Nobody');
  try {
    await withScreenshotOnFailure(page, 'portal-stranger', async () => {
      await app.waitFor('status', 'We could not find a stay with these details.');
      await app.waitFor('heading', 'Charge on your room');
      assert.equal(await page.evaluate(() => localStorage.length), 0);
      const api = await page.evaluate(() => performance.getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname).filter((p) => p.startsWith('/api/')));
      assert.deepEqual(api, [], 'nothing is asked of the API before a guest is known');
    });
  } finally {
    await close();
  }
});

test('a guest whose stay is over is told when it ended', { timeout: 60000 }, async () => {
  const { page, app, close } = await checkIn('16', 'visser');
  try {
    await withScreenshotOnFailure(page, 'portal-expired', async () => {
      const [y, m, d] = hotelDay(-2).split('-').map(Number);
      const month = new Date(Date.UTC(y, m - 1, d)).toLocaleString('en', { month: 'short', timeZone: 'UTC' });
      await app.waitFor('status', `Your stay ended on ${d} ${month} ${y}. Charging on the room closed at 23:59 that day.`);
      assert.equal(await page.evaluate(() => localStorage.getItem('portalGuest')), null);
    });
  } finally {
    await close();
  }
});

test('a guest checks in, charges at the hotel and gets a receipt charged to the room', { timeout: 120000 }, async () => {
  const { page, app, close } = await checkIn(' 12', 'JANSEN');
  try {
    await withScreenshotOnFailure(page, 'portal-guest', async () => {
      // The hotel's own chargers, in its name; no map of the world.
      await app.waitFor('heading', 'Chargers for guests', { timeout: 15000 });
      await app.waitFor('text', 'Room 12 · charging goes on your room bill');
      const row = await app.waitFor('option', /^Hotel Dijkzicht guest garage · Dijk 12, Volendam · 3 of 3 free$/);
      // (the hotel's languages are options too, as chips under the list: a place row names its address)
      const places = (await app.nodes()).filter((n) => n.role === 'option' && / · \d+ of \d+ free$/.test(n.name));
      assert.equal(places.length, 1, 'only the hotel charger is listed');
      assert.equal(await app.find('heading', 'Chargers nearby'), null);
      await app.tap('option', row.name);
      await app.waitFor('heading', 'Hotel Dijkzicht guest garage');
      await app.tap('button', 'Charge at Garage 1, connector 1');

      // The room is the payment method: no card to add.
      const room = await app.waitFor('option', /^Room 12 · Verified · can be used here$/, { timeout: 15000 });
      assert.equal(room.selected, true);
      await app.waitFor('text', /^€0\.39 per kWh/);
      await app.tap('button', 'Start charging');
      await app.waitFor('status', 'Charging', { timeout: 30000 });
      await page.waitForTimeout(1500);  // some energy at 30x time
      await stopCharging(app);
      await app.waitFor('heading', /^Total: €\d+\.\d\d$/, { timeout: 30000 });
      await app.waitFor('text', 'Charged to room 12');

      // The session was billed through the booking's external method.
      const billed = await page.evaluate(async () => {
        const guest = JSON.parse(localStorage.getItem('portalGuest'));
        const list = await (await fetch(`/api/token/${encodeURIComponent(guest.appToken)}/sessions`)).json();
        return list.data.map((s) => [s.status, s.paymentMethod.externalPaymentMethodId]);
      });
      assert.deepEqual(billed, [['CDR_AVAILABLE', 'hotel-booking:DZ-1:room:12']]);
      assert.deepEqual(app.errors.filter((e) => !/favicon/.test(e)), []);
    });
  } finally {
    await close();
  }
});
