// How the app looks on a driver's phone: it follows the phone's dark mode unless the driver chose
// a theme, keeps that choice and the text size across reloads, names the place and shows big
// figures while charging, asks once before stopping, keeps the session one tap away from the map,
// and lays screens out as a column on wide displays.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { openApp, withScreenshotOnFailure } from './lib/app_driver.mjs';
import { useAppServer, server, browser } from './lib/app_suite.mjs';
import { reachPrice, sessionsOf } from './lib/charge_steps.mjs';
import { decodePng } from './lib/png.mjs';

useAppServer();

// The luminance (0..1) of the canvas pixel at a CSS point, read from a screenshot.
async function canvasLuminance(page, x, y) {
  const shot = await page.screenshot({ clip: { x, y, width: 1, height: 1 }, scale: 'css' });
  const [r, g, b] = decodePng(shot).pixel(0, 0);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

test('the theme follows the phone, a chosen one and the text size are kept across reloads', { timeout: 60000 }, async () => {
  const { page, app, close } = await openApp(server.url + '/', { browser, context: { colorScheme: 'dark' } });
  try {
    await withScreenshotOnFailure(page, 'display-theme', async () => {
      await app.waitFor('heading', 'Chargers nearby');
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
      assert.ok(await canvasLuminance(page, 200, 6) < 0.1, 'a dark page for a dark phone');
      const titleBefore = await app.find('heading', 'Chargers nearby');

      await app.tap('button', 'Display settings');
      await app.tap('option', 'Light');
      await page.waitForFunction(() => window.evMirror.nodes().some((n) => n.name === 'Light' && n.selected));
      await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
      await app.tap('option', '150% text');
      await page.waitForFunction(() => window.evMirror.nodes().some((n) => n.name === '150% text' && n.selected));
      assert.ok(await canvasLuminance(page, 200, 6) > 0.9, 'light, though the phone is dark');

      await page.reload();
      await app.waitReady();
      await app.waitFor('heading', 'Chargers nearby');
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light', 'the choice is kept');
      const titleAfter = await app.find('heading', 'Chargers nearby');
      assert.ok(titleAfter.h >= titleBefore.h * 1.4, `text 150 % larger (${titleBefore.h} → ${titleAfter.h} px)`);
    });
  } finally {
    await close();
  }
});

test('charging names the place, shows big figures, asks once before stopping; the map keeps it one tap away', { timeout: 90000 }, async () => {
  const { page, app, close } = await openApp(server.url + '/', { browser });
  try {
    await withScreenshotOnFailure(page, 'display-charging', async () => {
      await reachPrice(app);
      await app.tap('button', 'Start charging');
      await app.waitFor('heading', 'Marga', { timeout: 15000 });
      await app.waitFor('status', 'Charging', { timeout: 30000 });
      const energy = await app.waitFor('text', /^Energy: [\d.]+ kWh$/);
      const body = await app.find('text', 'Energy is flowing into your car.');
      assert.ok(energy.h >= body.h * 2, `the energy figure is large (${energy.h} px vs ${body.h} px body)`);
      await app.waitFor('text', /^Cost so far ≈ €\d+\.\d\d$/, { timeout: 15000 });

      // The first tap only asks; nothing is stopped.
      await app.tap('button', 'Stop charging');
      await app.waitFor('status', 'Stop charging at Marga?');
      await page.waitForTimeout(1500);
      assert.equal((await sessionsOf(page))[0].status, 'CHARGING', 'the question stops nothing');
      await app.tap('button', 'Keep charging');
      await app.waitForGone('status', 'Stop charging at Marga?');

      // Back to the map: the session is still there, one tap away.
      await app.tap('button', 'Back');
      await app.waitFor('heading', 'Chargers nearby');
      // The map's sheet settles where it was left before the bar below it is tapped (a tap while
      // it still moves lands where the bar was a frame ago).
      await app.waitIdle({ quietMs: 300 }).catch(() => {});
      await app.tap('button', /^Charging at Marga · ≈ €\d+\.\d\d$/);
      await app.waitFor('heading', 'Marga');

      await app.tap('button', 'Stop charging');
      await app.waitFor('status', 'Stop charging at Marga?');
      await app.tap('button', 'Stop charging');
      await page.waitForFunction(async () => {
        const token = localStorage.getItem('appToken');
        const r = await fetch(`/api/token/${encodeURIComponent(token)}/sessions`);
        const list = (await r.json()).data || [];
        return list.length === 1 && !['CHARGING', 'REQUESTED', 'STARTING'].includes(list[0].status);
      }, null, { timeout: 30000, polling: 500 });
    });
  } finally {
    await close();
  }
});

test('on a desktop window screens are a centred column beside the backdrop, the map beside its panel', { timeout: 60000 }, async () => {
  const { page, app, close } = await openApp(server.url + '/', {
    browser, context: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, isMobile: false, hasTouch: true } });
  try {
    await withScreenshotOnFailure(page, 'display-desktop', async () => {
      const search = await app.waitFor('textbox', 'Search chargers');
      assert.ok(search.w <= 480, `the list panel is at most 480 px wide (${search.w})`);
      await app.tap('button', 'Display settings');
      const row = await app.waitFor('option', 'Dark');
      assert.ok(row.w <= 480, `a screen is a column (${row.w} px)`);
      const centre = row.x + row.w / 2;
      assert.ok(Math.abs(centre - 640) < 40, `centred (${centre})`);
    });
  } finally {
    await close();
  }
});
