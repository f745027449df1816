// The app in the driver's language: a German and a Dutch phone (Playwright's `locale` sets
// navigator.languages and Accept-Language) charge at Marga with every word, price, date and
// percentage in that language's own form; an English phone switches to German in Display settings
// and keeps it after a reload; a hotel that offers only Dutch and English answers a German guest in
// Dutch, its own first language, server messages included. Words but English are files the app
// fetches (lang/<code>.bin): the first frame is already German, and a phone that cannot have the
// file still opens, in English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';

import { AppDriver, openApp, launchBrowser, withScreenshotOnFailure } from './lib/app_driver.mjs';
import { phoneContext } from './lib/browser_setup.mjs';
import { addCardByApi, sessionsOf } from './lib/charge_steps.mjs';
import { hotelDay, writeConfig, writeGuestList } from './lib/deploy_files.mjs';
import { startServer, repoRoot } from './lib/serve_process.mjs';

const NBSP = '\u00a0';
let server, browser;

before(async () => {
  server = await startServer(['--root', path.join(repoRoot, 'build/web/dist'), '--time-scale', '30']);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const htmlLang = (page) => page.evaluate(() => document.documentElement.lang);

// The words of one language, as a native driver reads them on the screens the journey crosses.
const WORDS = {
  de: {
    free: / · \d+ von \d+ frei$/, search: 'Ladesäulen suchen', connector: 'Laden an Chargestation-1, Anschluss 1',
    perKwh: `2,106${NBSP}€ pro kWh`, vat: `inkl. 13${NBSP}% MwSt.`, start: 'Laden starten', charging: 'Lädt',
    stop: 'Laden beenden', stopAsk: /^Laden an Marga beenden\?$/,
    total: new RegExp(`^Gesamt: (\\d+,\\d\\d)${NBSP}€$`), vatLine: new RegExp(`^davon MwSt\\.: \\d+,\\d\\d${NBSP}€ \\(13${NBSP}%\\)$`),
    done: 'Fertig', history: 'Frühere Ladevorgänge',
    // "6. Dez. 2026, 14:05" (CLDR de: d. MMM y, HH:mm), energy "1,23 kWh", money "1,23 €"
    row: new RegExp(`^Marga · \\d{1,2}\\. (Jan\\.|Feb\\.|März|Apr\\.|Mai|Juni|Juli|Aug\\.|Sept\\.|Okt\\.|Nov\\.|Dez\\.) \\d{4}, \\d\\d:\\d\\d · \\d+,\\d+ kWh · \\d+,\\d\\d${NBSP}€$`),
  },
  nl: {
    free: / · \d+ van \d+ vrij$/, search: 'Laadpalen zoeken', connector: 'Laden bij Chargestation-1, aansluiting 1',
    perKwh: `€${NBSP}2,106 per kWh`, vat: 'Incl. 13% btw', start: 'Laden starten', charging: 'Laden',
    stop: 'Laden stoppen', stopAsk: /^Laden stoppen bij Marga\?$/,
    total: new RegExp(`^Totaal: €${NBSP}(\\d+,\\d\\d)$`), vatLine: new RegExp(`^waarvan btw: €${NBSP}\\d+,\\d\\d \\(13%\\)$`),
    done: 'Klaar', history: 'Eerdere sessies',
    // "6 dec. 2026 14:05" (CLDR nl: d MMM y HH:mm)
    row: new RegExp(`^Marga · \\d{1,2} (jan\\.|feb\\.|mrt\\.|apr\\.|mei|jun\\.|jul\\.|aug\\.|sep\\.|okt\\.|nov\\.|dec\\.) \\d{4} \\d\\d:\\d\\d · \\d+,\\d+ kWh · €${NBSP}\\d+,\\d\\d$`),
  },
};

// The phone is in the charger's time zone (Marga is in the Netherlands), so times carry no zone name.
async function chargeAtMarga(locale, w) {
  const context = { locale, timezoneId: 'Europe/Amsterdam' };
  const { page, app, close } = await openApp(server.url + '/', { browser, context });
  try {
    await withScreenshotOnFailure(page, `language-${locale}`, async () => {
      assert.equal(await htmlLang(page), locale.slice(0, 2), 'screen readers are told the language');
      await app.waitFor('option', w.free, { timeout: 15000 });
      await addCardByApi(page);
      await app.fill(w.search, 'marga');
      await app.tap('option', /^Marga · /);
      await app.tap('button', w.connector);
      await app.waitFor('text', new RegExp(`^${w.perKwh.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), { timeout: 15000 });
      await app.waitFor('text', w.vat);
      await app.tap('button', w.start, { timeout: 15000 });
      await app.waitFor('status', w.charging, { timeout: 30000 });
      await app.tap('button', w.stop);
      await app.waitFor('status', w.stopAsk);
      await app.tap('button', w.stop);
      const total = (await app.waitFor('heading', w.total, { timeout: 30000 })).name;
      await app.waitFor('text', w.vatLine);
      const sessions = await sessionsOf(page);
      assert.equal(sessions.length, 1);
      assert.equal(sessions[0].status, 'CDR_AVAILABLE');
      // The receipt's total is the billed amount, written the locale's way.
      const totalCosts = await page.evaluate(async (id) => {
        const q = new URLSearchParams({ appToken: localStorage.getItem('appToken'), chargeSessionId: id });
        return (await (await fetch(`/api/session/status?${q}`)).json()).totalCosts;
      }, sessions[0].chargeSessionId);
      const billed = totalCosts.toFixed(2).replace('.', ',');
      assert.equal(w.total.exec(total)[1], billed);

      await app.tap('button', w.done);
      await app.tap('button', w.history);
      const row = await app.waitFor('option', w.row, { timeout: 15000 });
      assert.ok(row.name.includes(billed), `${row.name} shows the total ${billed}`);
      assert.deepEqual(app.errors, []);
    });
  } finally {
    await close();
  }
}

test('a German phone charges in German: 2,106 € pro kWh, 13 % MwSt., 6. Dez. 2026', { timeout: 120000 }, async () => {
  await chargeAtMarga('de-DE', WORDS.de);
});

test('a Dutch phone charges in Dutch: € 2,106 per kWh, 13% btw, 6 dec. 2026', { timeout: 120000 }, async () => {
  await chargeAtMarga('nl-NL', WORDS.nl);
});

test('the first frame waits for the German words; without their file the app opens in English', { timeout: 90000 }, async () => {
  // The German phone's words are asked for beside the wasm, once: the first frame is in German.
  const { page, app, close } = await openApp(server.url + '/', { browser, context: { locale: 'de-DE' } });
  try {
    await withScreenshotOnFailure(page, 'language-file', async () => {
      const asked = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname)
        .filter((p) => p.startsWith('/lang/')));
      assert.deepEqual(asked, ['/lang/de.bin']);
      assert.equal(await htmlLang(page), 'de', 'the first frame is in German');
      await app.waitFor('textbox', 'Ladesäulen suchen', { timeout: 15000 });
    });
  } finally {
    await close();
  }
  // A German phone that cannot have lang/de.bin (offline before the worker has it, a broken
  // deployment): the app does not wait for ever, and speaks English, the texts it has.
  const ctx = await browser.newContext(phoneContext({ locale: 'de-DE' }));
  await ctx.route('**/lang/*.bin', (route) => route.abort());
  try {
    const cut = await ctx.newPage();
    const driver = new AppDriver(cut);
    await withScreenshotOnFailure(cut, 'language-file-missing', async () => {
      await cut.goto(server.url + '/');
      await driver.waitReady({ timeout: 20000 });
      await driver.waitFor('textbox', 'Search chargers', { timeout: 15000 });
      assert.equal(await htmlLang(cut), 'en');
      await driver.waitFor('option', / · \d+ of \d+ free$/, { timeout: 15000 });
    });
  } finally {
    await ctx.close();
  }
});

test('an English phone switches to German in Display settings, keeps it after a reload, and goes back', { timeout: 90000 }, async () => {
  const { page, app, close } = await openApp(server.url + '/', { browser, context: { locale: 'en-GB' } });
  try {
    await withScreenshotOnFailure(page, 'language-switch', async () => {
      await app.waitFor('textbox', 'Search chargers', { timeout: 15000 });
      assert.equal(await htmlLang(page), 'en');
      await app.tap('button', 'Display settings');
      await app.waitFor('heading', 'Language');
      // Each language in its own name, whatever the app speaks now.
      for (const name of ['As on this phone', 'English', 'Nederlands', 'Deutsch', 'Français']) await app.waitFor('option', name);
      await app.tap('option', 'Deutsch');
      await app.waitFor('heading', 'Sprache');
      assert.equal((await app.find('option', 'Deutsch')).selected, true);
      assert.equal(await htmlLang(page), 'de');

      await page.reload();
      await app.waitReady();
      await app.waitFor('textbox', 'Ladesäulen suchen', { timeout: 15000 });
      assert.equal(await htmlLang(page), 'de');
      await app.tap('button', 'Anzeige');
      await app.tap('option', 'Wie auf diesem Telefon');
      await app.waitFor('heading', 'Language');
      assert.equal(await htmlLang(page), 'en');
    });
  } finally {
    await close();
  }
});

test('a hotel offering Dutch and English answers a German guest in Dutch, and offers only those two', { timeout: 90000 }, async () => {
  const deploy = writeConfig('portal-hotel.json', (config, dir) => {
    assert.deepEqual(config.languages, ['nl', 'en'], 'the example hotel speaks Dutch first, then English');
    config.portal.guestList = writeGuestList(dir, [['12', 'Jansen', 'DZ-1', hotelDay(-1), hotelDay(2)]]);
  });
  const hotel = await startServer(['--root', path.join(repoRoot, 'build/web/dist'), '--time-scale', '30', '--config', deploy.file]);
  try {
    await strangerInDutch(hotel);
    await guestChoosesAmongTwo(hotel);
  } finally {
    await hotel.stop();
    rmSync(deploy.dir, { recursive: true, force: true });
  }
});

async function strangerInDutch(hotel) {
  const { page, app, close } = await openApp(hotel.url + '/', { browser, context: { locale: 'de-DE' } });
  try {
    await withScreenshotOnFailure(page, 'language-hotel', async () => {
      await app.waitFor('heading', 'Laden op je kamer', { timeout: 15000 });
      assert.equal(await htmlLang(page), 'nl');
      await app.fill('Kamernummer', '99');
      await app.fill('Achternaam', 'Niemand');
      await app.tap('button', 'Doorgaan');
      await app.waitFor('status', 'We konden geen verblijf met deze gegevens vinden.');
      // The server's own words too: asked in German (the browser's Accept-Language), a language this
      // hotel does not offer, it answers in its first, Dutch.
      const refusal = await page.evaluate(async () => {
        const r = await fetch('/portal/checkin', { method: 'POST', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({}) });
        return { status: r.status, language: r.headers.get('Content-Language'), body: await r.json() };
      });
      assert.equal(refusal.status, 400);
      assert.equal(refusal.language, 'nl');
      assert.equal(refusal.body.message, 'Vul het kamernummer en de achternaam in, of het boekingsnummer.');
    });
  } finally {
    await close();
  }
}

async function guestChoosesAmongTwo(hotel) {
  const guest = await openApp(hotel.url + '/', { browser, context: { locale: 'de-DE' } });
  try {
    await withScreenshotOnFailure(guest.page, 'language-hotel-guest', async () => {
      const { app, page } = guest;
      await app.waitFor('heading', 'Laden op je kamer', { timeout: 15000 });
      // No Display settings here: the hotel's two languages are chips under the check-in, each in its own name.
      await app.waitFor('heading', 'Taal');
      for (const name of ['Nederlands', 'English']) await app.waitFor('option', name);
      for (const name of ['Deutsch', 'Français']) assert.equal(await app.find('option', name), null, `${name} is not offered`);
      assert.equal((await app.find('option', 'Nederlands')).selected, true);
      await app.tap('option', 'English');
      await app.waitFor('heading', 'Charge on your room');
      assert.equal(await htmlLang(page), 'en');
      await app.fill('Room number', '12');
      await app.fill('Surname', 'Jansen');
      await app.tap('button', 'Continue');
      // Checked in, the guest's choice stands: the hotel's chargers in English, the switch still there.
      await app.waitFor('heading', 'Chargers for guests', { timeout: 15000 });
      // the chips sit under the list: tapped once the hotel's chargers have come and the list stands
      await app.waitFor('option', /^Hotel Dijkzicht guest garage · /, { timeout: 15000 });
      await app.waitIdle({ quietMs: 300, timeout: 5000 });
      assert.equal((await app.find('option', 'English')).selected, true);
      await app.tap('option', 'Nederlands');
      await app.waitFor('heading', 'Laadpalen voor gasten');
    });
  } finally {
    await guest.close();
  }
}
