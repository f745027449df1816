// Prices a driver can trust, in the browser: the price screen's estimator and reasons per payment
// method, the running cost (kept across a reload), and the receipt's download and print.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { openApp, withScreenshotOnFailure } from './lib/app_driver.mjs';
import { server, browser, useAppServer } from './lib/app_suite.mjs';
import { stopCharging } from './lib/charge_steps.mjs';

useAppServer();

test('price screen, running cost across a reload, receipt download and print', { timeout: 120000 }, async () => {
  const { page, app, close } = await openApp(server.url + '/', { browser });
  // Console errors with where they came from: Chromium's own favicon request (after a reload) logs
  // a bare "Failed to load resource" that only its location tells apart.
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`${m.text()} ${m.location()?.url ?? ''}`); });
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await withScreenshotOnFailure(page, 'prices', async () => {
      // A card in the wallet, added the way the app would, before the price is asked for.
      await page.waitForFunction(() => localStorage.getItem('appToken'));
      await page.evaluate(async () => {
        const token = encodeURIComponent(localStorage.getItem('appToken'));
        await fetch(`/api/token/${token}`, { method: 'PUT' });
        await fetch(`/api/payment/${token}/chargecard`, {
          method: 'PUT', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ visualNumber: '770674109963002836' }),
        });
      });
      // window.print would open a dialog: record the calls instead.
      await page.addInitScript(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
      await page.reload();
      await app.waitReady();

      await app.waitFor('option', /free$/, { timeout: 15000 });
      await app.fill('Search chargers', 'marga');
      await app.tap('option', /^Marga · /);
      await app.tap('button', 'Charge at Chargestation-1, connector 1');
      // The estimator for this connector's power, VAT included.
      await app.waitFor('text', /^20 kWh ≈ €\d+\.\d\d, 1 hour ≈ €\d+\.\d\d$/, { timeout: 15000 });
      // Each payment method says whether it can be used here, and why not.
      await app.waitFor('option', /2836 · (Verified · can be used here|Checking your card… · price known once the card is verified)$/);
      await app.waitFor('option', /2836 · Verified · can be used here$/, { timeout: 15000 });

      await app.tap('button', 'Start charging');
      await app.waitFor('status', 'Charging', { timeout: 30000 });
      const running = await app.waitFor('text', /^Cost so far ≈ €\d+\.\d\d$/, { timeout: 15000 });
      await app.waitFor('text', 'Estimate until the final bill');
      assert.ok(Number(running.name.match(/€([\d.]+)/)[1]) >= 1.64, 'at least the session fee');

      // A reload keeps the session and its tariff: the running cost is still there.
      assert.ok(await page.evaluate(() => JSON.parse(localStorage.getItem('activeSessions') || '[]')[0]?.tariff),
        'tariff stored with the session');
      await page.reload();
      await app.waitReady();
      await app.waitFor('text', /^Cost so far ≈ €\d+\.\d\d$/, { timeout: 15000 });

      await stopCharging(app);
      const total = await app.waitFor('heading', /^Total: €\d+\.\d\d$/, { timeout: 30000 });
      await app.waitFor('text', /^Location: Marga, /);
      await app.waitFor('text', /^Started: \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d(?: [A-Z]{3,4}| UTC[+-]\d\d:\d\d)?$/);
      await app.waitFor('text', /^Session fee 1 × €1\.64: €1\.64$/);
      const number = (await app.waitFor('text', /^Receipt number: /)).name;

      const [download] = await Promise.all([page.waitForEvent('download'), app.tap('button', 'Download receipt')]);
      assert.match(download.suggestedFilename(), /^receipt-rec-\d+\.txt$/);
      const stream = await download.createReadStream();
      let content = '';
      for await (const chunk of stream) content += chunk;
      assert.ok(content.includes(`${total.name}\n`), content);
      assert.ok(content.includes(`${number}\n`), content);

      await app.tap('button', 'Print receipt');
      await page.waitForFunction(() => window.__printed === 1);
      const printed = await page.evaluate(() => document.getElementById('print-document')?.innerHTML ?? '');
      assert.ok(printed.includes('<table>') && printed.includes(number.replace('Receipt number: ', '')), printed);
      assert.deepEqual(errors.filter((e) => !/favicon\.ico/.test(e)), []);
    });
  } finally {
    await close();
  }
});
