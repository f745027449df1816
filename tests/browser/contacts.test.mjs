// Support contacts are links: on a start that did not happen the operator's phone, e-mail and site
// (from the location's branding) each open what the phone uses for them, and the hotel's help line
// on the check-in calls the reception. There is no dialer or mail app here, so the page's hand-over
// (the click on a tel:/mailto: link) is recorded instead of followed; a web site really opens in a
// tab of its own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launchBrowser } from './lib/app_driver.mjs';
import { openScreen, startScreenServers } from './lib/screens.mjs';

let servers, browser;

before(async () => {
  servers = await startScreenServers({ kinds: ['driver', 'portal'] });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await servers?.stop();
});

// Records each link the page hands over; tel: and mailto: go no further (an external protocol
// would leave the page waiting on a dialog nobody answers), web pages open as they would.
async function recordLinks(page) {
  await page.evaluate(() => {
    window.__links = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {
      if (/^(tel|mailto):/.test(this.href)) return void window.__links.push(this.href);
      return click.call(this);
    };
    const open = window.open;
    window.open = function (url, ...rest) {
      window.__links.push(String(url));
      return open.call(this, url, ...rest);
    };
  });
}
const lastLink = (page) => page.evaluate(() => window.__links.at(-1) ?? null);
// The tap is handled on the app's next frame: wait for the link it follows.
async function followed(page, url) {
  await page.waitForFunction((u) => window.__links.at(-1) === u, url, { timeout: 5000 })
    .catch(async () => assert.fail(`followed ${await lastLink(page)}, not ${url}`));
}

test('the operator can be called, written to and visited from a start that failed', { timeout: 120000 }, async () => {
  const shot = await openScreen('failed-start', { browser, servers });
  try {
    const { app, page } = shot;
    await recordLinks(page);
    await app.tap('button', 'Call GreenFlux: 0201234567');
    await followed(page, 'tel:0201234567');
    await app.tap('button', 'E-mail GreenFlux: support@example.com');
    await followed(page, 'mailto:support@example.com');
    const site = await app.find('button', /^Help from GreenFlux: https:\/\//);
    assert.ok(site, 'the website row is there');
    const tabs = page.context().pages().length;
    await app.tap('button', site.name);
    await followed(page, site.name.replace('Help from GreenFlux: ', ''));
    const deadline = Date.now() + 10000;
    while (page.context().pages().length === tabs && Date.now() < deadline) await page.waitForTimeout(100);
    const tab = page.context().pages().find((p) => p !== page);
    assert.ok(tab, 'the site opened in a tab of its own');
    await tab.close();
    // The outcome screen is still there: following a link never leaves the app.
    await app.waitFor('heading', 'Charging did not start');
  } finally {
    await shot.close();
  }
});

test("the hotel's help line on the check-in calls the reception", { timeout: 120000 }, async () => {
  const shot = await openScreen('hotel-checkin', { browser, servers });
  try {
    const { app, page } = shot;
    await recordLinks(page);
    await app.tap('button', 'Help: +31 299 123 456');
    await followed(page, 'tel:+31299123456');
    await app.waitFor('heading', 'Charge on your room');
  } finally {
    await shot.close();
  }
});
