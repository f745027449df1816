// The app's code in two parts (tools/split): the first screen runs on evcharge.wasm alone; the rest,
// evcharge.deferred.wasm, arrives once the map is quiet, or before the app starts when it opens on
// a charger; a screen that needs it before it has arrived fetches it there and then. The whole
// fonts (evcharge.fonts.ttc) come with it; the first part holds the first screen's cut of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { artifactsDir, openApp, setPageHidden, withScreenshotOnFailure } from './lib/app_driver.mjs';
import { decodePng } from './lib/png.mjs';
import { server, browser, useAppServer } from './lib/app_suite.mjs';
import { reachPrice, MARGA_EVSE } from './lib/charge_steps.mjs';
import { panAndPinch, mapView } from './lib/map_touch.mjs';

useAppServer();

const SECOND_PART = /\/evcharge\.deferred\.[0-9a-f]{16}\.wasm$/;
const FONTS = /\/evcharge\.fonts\.[0-9a-f]{16}\.ttc$/;
const code = (page) => page.evaluate(() => ({ syncLoads: evShell.code.syncLoads, here: !!evShell.code.module }));
const firstFrameAt = (page) => page.evaluate(() => performance.timeOrigin + performance.getEntriesByName('first-frame')[0].startTime);

// The largest difference of one colour channel between two pictures of the same size.
function largestDifference(a, b) {
  assert.deepEqual([a.width, a.height, a.bpp], [b.width, b.height, b.bpp]);
  let most = 0;
  for (let i = 0; i < a.data.length; i++) most = Math.max(most, Math.abs(a.data[i] - b.data[i]));
  return most;
}

// Every request for the second part, with when it was made (ms since the epoch).
function watchSecondPart(page) {
  const seen = [];
  page.on('request', (r) => { if (SECOND_PART.test(new URL(r.url()).pathname)) seen.push(Date.now()); });
  return seen;
}

test('the map runs on the first part alone: with the second part unreachable it loads, pans, pinches, hides and shows, and looks the same once the whole fonts arrive', { timeout: 90000 }, async () => {
  const { page, app, close } = await openApp(server.url + '/', {
    browser, setup: async (ctx) => {
      await ctx.route(SECOND_PART, (route) => route.abort());
      await ctx.route(FONTS, (route) => route.abort());
    },
  });
  try {
    await withScreenshotOnFailure(page, 'code-split-first-part', async () => {
      await app.waitFor('option', /free$/, { timeout: 15000 });
      await app.waitIdle({ quietMs: 1500, timeout: 20000 });
      const box = await mapView(page);
      await panAndPinch(page, box);
      await app.waitIdle({ quietMs: 500 });
      for (const hidden of [true, false]) {
        await setPageHidden(page, hidden);
        await app.waitIdle({ quietMs: 300 });
      }
      await app.waitFor('heading', 'Chargers nearby');
      const c = await code(page);
      assert.deepEqual(c, { syncLoads: 0, here: false },
        'nothing on the map called into the second part (if this fails, run node tools/split/profile.mjs and rebuild)');
      assert.deepEqual(app.errors.filter((e) => !/Failed to load resource/.test(e)), []);

      // The whole fonts arrive: the atlas is rebuilt from them (a new picture is drawn), and the map
      // looks as before, letter for letter and icon for icon (tools/make_font.py's first-screen cut).
      // The glyphs sit elsewhere in the new atlas, so a texel's filtering may differ by one level; a
      // missing glyph or icon differs by far more.
      const first = await page.screenshot();
      const drawn = await page.evaluate(() => window.__drawn);
      await page.context().unroute(FONTS);
      await page.evaluate(() => evShell.code.loadFonts());
      await page.waitForFunction((d) => window.__drawn > d, drawn, { timeout: 10000 });
      await app.waitIdle({ quietMs: 500 });
      const whole = await page.screenshot();
      const difference = largestDifference(decodePng(first), decodePng(whole));
      if (difference > 2) {
        mkdirSync(artifactsDir, { recursive: true });
        writeFileSync(path.join(artifactsDir, 'code-split-first-faces.png'), first);
        writeFileSync(path.join(artifactsDir, 'code-split-whole-faces.png'), whole);
      }
      assert.ok(difference <= 2, `the map drawn with the fonts of the first part is the one drawn with the whole fonts: a colour differs by ${difference} (both pictures in tests/browser/artifacts)`);
      assert.equal((await code(page)).syncLoads, 0);
    });
  } finally {
    await close();
  }
});

test('the rest arrives once the map is quiet, and the journey runs on it without a pause', { timeout: 90000 }, async () => {
  const { page, app, close } = await openApp(server.url + '/', { browser, waitFirstFrame: false });
  const requests = watchSecondPart(page);
  try {
    await withScreenshotOnFailure(page, 'code-split-journey', async () => {
      await app.waitReady();
      await app.waitFor('option', /free$/, { timeout: 15000 });
      await page.waitForFunction(() => evShell.code.module !== null, null, { timeout: 20000 });
      assert.equal(requests.length, 1, 'the second part was asked for once');
      assert.ok(requests[0] > await firstFrameAt(page), 'after the first frame');
      await reachPrice(app);
      await app.tap('button', /^Back/);
      await app.waitFor('heading', 'Marga');
      await app.tap('button', /^Back/);
      await app.tap('button', 'Past sessions');
      await app.waitFor('heading', 'Past sessions');
      assert.deepEqual(await code(page), { syncLoads: 0, here: true });
      assert.equal(requests.length, 1);
      assert.deepEqual(app.errors, []);
    });
  } finally {
    await close();
  }
});

test("a charger's link opens with both parts: the app starts once the second one is here", { timeout: 60000 }, async () => {
  // The second part is slow to come: the app waits for it rather than start without it.
  let answeredAt = 0;
  const { page, app, close } = await openApp(`${server.url}/?evse=${MARGA_EVSE}`, {
    browser, waitFirstFrame: false,
    setup: (ctx) => ctx.route(SECOND_PART, async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      answeredAt = Date.now();
      await route.continue();
    }),
  });
  try {
    await withScreenshotOnFailure(page, 'code-split-link', async () => {
      await app.waitReady();
      assert.ok(answeredAt > 0 && (await firstFrameAt(page)) > answeredAt, 'the first frame came after the second part');
      await app.waitFor('heading', 'Check the charger', { timeout: 15000 });
      assert.deepEqual(await code(page), { syncLoads: 0, here: true });
      assert.deepEqual(app.errors, []);
    });
  } finally {
    await close();
  }
});

test('a screen that needs the rest before it has arrived fetches it there and then, the whole fonts with it', { timeout: 60000 }, async () => {
  // The prefetch is held back; the second request for each file (the one made when the code is
  // needed) goes through.
  const held = [], heldFonts = [];
  const { page, app, close } = await openApp(server.url + '/', {
    browser,
    setup: async (ctx) => {
      await ctx.route(SECOND_PART, (route) => (held.length === 0 ? held.push(route) : route.continue()));
      await ctx.route(FONTS, (route) => (heldFonts.length === 0 ? heldFonts.push(route) : route.continue()));
    },
  });
  try {
    await withScreenshotOnFailure(page, 'code-split-sync', async () => {
      await app.waitFor('option', /free$/, { timeout: 15000 });
      // The page asks (evShell.code.promise) a moment before the route sees the request.
      await page.waitForFunction(() => evShell.code.promise !== null, null, { timeout: 20000 });
      for (let waited = 0; held.length === 0 && waited < 10000; waited += 50) await new Promise((r) => setTimeout(r, 50));
      assert.equal(held.length, 1, 'the prefetch was made, and is held');
      assert.equal(heldFonts.length, 1, "the fonts' prefetch was made, and is held");
      await app.tap('button', 'Past sessions');
      await app.waitFor('heading', 'Past sessions');
      assert.deepEqual(await code(page), { syncLoads: 1, here: true });
      assert.ok(await page.evaluate(() => evShell.code.fonts !== null), 'the whole fonts came with the code');
      await app.tap('button', /^Back/);
      await app.waitFor('heading', 'Chargers nearby');
      assert.deepEqual(app.errors, []);
    });
  } finally {
    for (const r of [...held, ...heldFonts]) await r.continue().catch(() => {});
    await close();
  }
});
