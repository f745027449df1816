// The whole charge journey on a phone-sized Chromium with touch, against serve.py's simulator:
// map → Marga → connector → add a charge card with the keyboard → price → start → charging → stop → receipt.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { openApp, withScreenshotOnFailure } from './lib/app_driver.mjs';
import { server, browser, useAppServer } from './lib/app_suite.mjs';
import { stopCharging } from './lib/charge_steps.mjs';

const CARD = '770674109963002836';

useAppServer();

const energyOf = (name) => Number(/([\d.]+) kWh/.exec(name)?.[1] ?? NaN);

test('a driver charges at Marga from the map to the receipt', { timeout: 120000 }, async () => {
  const { page, app, close } = await openApp(server.url + '/', { browser });
  try {
    await withScreenshotOnFailure(page, 'journey', async () => {
      // Find the charger by the name on its sign: the list narrows as the driver types.
      await app.waitFor('option', /free$/, { timeout: 15000 });
      await app.fill('Search chargers', 'marga');
      // No position asked for: the row gives no distance (one from the map's middle would mislead).
      await app.tap('option', /^Marga · Margaklompehof 11, Almere · \d of \d free$/);
      await app.waitFor('heading', 'Marga');
      // The EVSE in use cannot be chosen; the available one can.
      const busy = await app.waitFor('button', 'Charge at AddCS123-1, connector 1');
      assert.equal(busy.disabled, true, 'a charging EVSE is not offered');
      await app.tap('button', 'Charge at Chargestation-1, connector 1');

      await app.waitFor('text', 'Add a charge card to start charging');
      await app.tap('button', 'Add charge card');
      const field = await app.fill('Charge card number', CARD);
      // Typed once per character through the phone keyboard path, laid out as the card hint groups it.
      assert.equal(field.value, '77 0674 1099 6300 2836');
      await app.tap('button', 'Save');

      // The price, before anything starts: every component, VAT stated.
      const perKwh = await app.waitFor('text', /^€2\.106 per kWh/, { timeout: 15000 });
      const perMinute = await app.waitFor('text', /^€0\.00585 per minute/);
      const perSession = await app.waitFor('text', /^€1\.64 per session/);
      assert.ok(perKwh.y < perMinute.y && perMinute.y < perSession.y, 'AFIR order: kWh, minute, session');
      await app.waitFor('text', 'VAT 13% included');
      const card = await app.waitFor('option', /2836/);
      assert.equal(card.selected, true, 'the new card is chosen');

      await app.tap('button', 'Start charging');
      await app.waitFor('heading', 'Marga', { timeout: 15000 });
      await app.waitFor('status', 'Charging', { timeout: 30000 });
      const first = energyOf((await app.waitFor('text', /^Energy: /)).name);
      await app.waitFor('text', /^Power: [\d.]+ kW/);
      await app.waitFor('text', /^Time: /);
      // Energy grows with the next status updates.
      const deadline = Date.now() + 20000;
      let later = first;
      while (later <= first && Date.now() < deadline) {
        await page.waitForTimeout(500);
        later = energyOf((await app.find('text', /^Energy: /))?.name ?? '');
      }
      assert.ok(later > first, `energy rises while charging (${first} → ${later})`);

      await stopCharging(app);
      const total = await app.waitFor('heading', /^Total: €\d+\.\d\d$/, { timeout: 30000 });
      await app.waitFor('text', /^of which VAT: €\d+\.\d\d \(13%\)$/);
      await app.waitFor('text', /^Receipt number: /);

      // The receipt shows what the backend billed, and exactly one session was started.
      const billed = await page.evaluate(async () => {
        const token = localStorage.getItem('appToken');
        const list = await (await fetch(`/api/token/${encodeURIComponent(token)}/sessions`)).json();
        const sessions = list.data ?? list;
        const id = sessions[0].chargeSessionId ?? sessions[0].sessionId ?? sessions[0].id;
        const q = new URLSearchParams({ appToken: token, chargeSessionId: id });
        const status = await (await fetch(`/api/session/status?${q}`)).json();
        return { count: sessions.length, status: status.status, totalCosts: status.totalCosts };
      });
      assert.equal(billed.count, 1);
      assert.equal(billed.status, 'CDR_AVAILABLE');
      assert.equal(total.name, `Total: €${billed.totalCosts.toFixed(2)}`);

      // Done clears the session from storage and returns to the map.
      await app.tap('button', 'Done');
      await app.waitFor('heading', 'Chargers nearby');
      assert.equal(await page.evaluate(() => localStorage.getItem('activeSession')), null);
      assert.deepEqual(app.errors.filter((e) => !/favicon/.test(e)), []);
    });
  } finally {
    await close();
  }
});
