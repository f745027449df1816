// Receipts a driver keeps, as a driver gets them: a receipt e-mailed from the receipt screen and
// again from Past sessions (serve.py without --smtp writes each mail to its outbox as an .eml file),
// invoice details on it, its PDF downloaded, and a month of sessions exported as CSV. The phone is
// set to UTC, the charger is in Amsterdam: its times read the same in the list and on the receipt.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { openApp, withScreenshotOnFailure } from './lib/app_driver.mjs';
import { browser, server, useAppServer } from './lib/app_suite.mjs';
import { reachPrice, stopCharging } from './lib/charge_steps.mjs';

const outbox = mkdtempSync(path.join(tmpdir(), 'evcharge-outbox-'));
useAppServer(['--outbox', outbox]);
process.on('exit', () => rmSync(outbox, { recursive: true, force: true }));

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function mails(count, { timeout = 10000 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const files = readdirSync(outbox).filter((f) => f.endsWith('.eml')).sort();
    if (files.length >= count) return files.map((f) => readFileSync(path.join(outbox, f), 'utf8'));
    if (Date.now() > end) throw new Error(`${files.length} mails in the outbox, not ${count}`);
    await sleep(100);
  }
}

async function bytesOf(download) {
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  return Buffer.concat(chunks);
}

// RFC 4180: fields split at commas outside quotes, "" inside quotes is one quote, CRLF ends a record.
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field); rows.push(row); row = []; field = ''; i++;
    } else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

// Taps a text field, takes away what it holds and types `text`.
async function retype(app, name, text) {
  const field = await app.fill(name, '');
  for (let i = 0; i < field.value.length; i++) await app.press('Backspace');
  await app.type(text);
  await app.waitIdle({ quietMs: 150 });
}

test('a receipt e-mailed from the receipt and from Past sessions, with invoice details, as a PDF, and a month as CSV', { timeout: 180000 }, async () => {
  const { page, app, close } = await openApp(server.url + '/', { browser, context: { timezoneId: 'UTC' } });
  try {
    await withScreenshotOnFailure(page, 'receipts', async () => {
      await reachPrice(app, { timeout: 30000 });
      await app.tap('button', 'Start charging');
      await app.waitFor('status', 'Charging', { timeout: 30000 });
      await sleep(1500);  // some energy at 30× time
      await stopCharging(app);
      const total = (await app.waitFor('heading', /^Total: €\d+\.\d\d$/, { timeout: 40000 })).name.replace('Total: ', '');
      const amount = total.replace('€', '');
      const number = (await app.waitFor('text', /^Receipt number: /)).name.replace('Receipt number: ', '');
      const started = (await app.waitFor('text', /^Started: /)).name.replace('Started: ', '');
      assert.match(started, / CES?T$/, 'a phone on UTC is told the charger\'s zone');
      // The receipt opens at its top, the total whole (the e-mail field below does not pull it down).
      await app.waitIdle({ quietMs: 300 });
      const heading = await app.find('heading', `Total: ${total}`);
      assert.ok(heading && !heading.clipped && !heading.offscreen, `the total is in full view: ${JSON.stringify(heading)}`);

      // E-mail from the receipt screen: a wrong address is said first, then Sent to it.
      await app.fill('E-mail address', 'anna@');
      await app.tap('button', 'Send');
      await app.waitFor('status', 'Not sent — try again');
      await app.waitFor('text', 'This is not an e-mail address. It looks like name@example.com.');
      await retype(app, 'E-mail address', 'anna@example.com');
      await app.tap('button', 'Send');
      await app.waitFor('status', 'Sent to anna@example.com', { timeout: 20000 });
      const [first] = await mails(1);
      assert.match(first, /^To: anna@example\.com$/m);
      assert.ok(first.includes(number), 'the mail names the receipt number');
      assert.ok(first.includes(amount), `the mail has the total ${amount}`);
      assert.equal(await page.evaluate(() => localStorage.getItem('receiptEmail')), null, 'not kept without Remember');

      // Invoice details: a VAT number of the wrong format is refused, a right one printed and sent.
      await app.tap('button', 'Add invoice details');
      await app.fill('Name', 'Anna de Vries');
      await app.fill('VAT number', 'DE1234');
      await app.tap('button', 'Save');
      await app.waitFor('status', 'This is not the format of a DE VAT number.');
      await retype(app, 'VAT number', 'nl 123456789 b01');
      await app.tap('button', 'Save');
      await app.waitFor('text', 'Anna de Vries\nVAT NL123456789B01', { timeout: 10000 });

      // The PDF: a real one, with the total and the invoice details in it.
      const [download] = await Promise.all([page.waitForEvent('download'), app.tap('button', 'Download PDF')]);
      assert.equal(download.suggestedFilename(), `receipt-${number}.pdf`);
      const pdf = await bytesOf(download);
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      const pdfFile = path.join(outbox, 'receipt.pdf');
      writeFileSync(pdfFile, pdf);
      const words = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
      assert.ok(words.includes(amount), `the PDF has the total ${amount}:\n${words}`);
      assert.ok(words.includes('NL123456789B01'), 'the PDF is made out to the invoice details');

      // From Past sessions: the same time as on the receipt, then e-mailed again, remembered this time.
      await app.tap('button', 'Done');
      await app.tap('button', 'Past sessions');
      const row = await app.waitFor('option', new RegExp(`^Marga · .* · ${total.replace('.', '\\.')}$`), { timeout: 15000 });
      assert.ok(row.name.startsWith(`Marga · ${started} · `), `${row.name} starts at ${started}, as the receipt says`);
      await app.tap('option', row.name);
      await app.waitFor('heading', `Total: ${total}`, { timeout: 15000 });
      await app.fill('E-mail address', 'bo@example.com');
      await app.tap('option', 'Remember this address');
      await app.tap('button', 'Send');
      await app.waitFor('status', 'Sent to bo@example.com', { timeout: 20000 });
      const second = (await mails(2)).find((m) => /^To: bo@example\.com$/m.test(m));
      assert.ok(second && second.includes(amount) && second.includes('NL123456789B01'), 'the second mail, invoiced');
      assert.equal(await page.evaluate(() => localStorage.getItem('receiptEmail')), 'bo@example.com');

      // This month's sessions as CSV, one row each, the total to the cent.
      await app.tap('button', 'Done');
      await app.tap('button', 'Export');
      await app.waitFor('heading', 'Export for expenses');
      await app.tap('button', 'Later month');  // last month first: this month is one later
      const [csvDownload] = await Promise.all([page.waitForEvent('download'), app.tap('button', 'Export CSV')]);
      assert.match(csvDownload.suggestedFilename(), /^charging-\d{4}-\d\d-01-\d{4}-\d\d-\d\d\.csv$/);
      const rows = parseCsv((await bytesOf(csvDownload)).toString('utf8'));
      assert.deepEqual(rows[0], ['date', 'place', 'charger', 'energy kWh', 'duration', 'cost excl. VAT', 'VAT', 'total',
        'currency', 'payment method', 'receipt number']);
      assert.equal(rows.length, 2, JSON.stringify(rows));
      const session = Object.fromEntries(rows[0].map((k, i) => [k, rows[1][i]]));
      assert.equal(session.total, amount);
      assert.equal(session['receipt number'], number);
      assert.equal(session.place.split(',')[0], 'Marga');
      await app.waitFor('status', `Saved ${csvDownload.suggestedFilename()}`);
      assert.deepEqual(app.errors.filter((e) => !/favicon|Failed to load resource/.test(e)), []);
    });
  } finally {
    await close();
  }
});
