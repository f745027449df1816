// The app's code in two parts (tools/split): the first screen runs on evcharge.wasm alone; the rest,
// evcharge.deferred.wasm, arrives once the map is quiet, or before the app starts when it opens on
// a charger; a screen that needs it before it has arrived fetches it there and then.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { openApp, setPageHidden, withScreenshotOnFailure } from './lib/app_driver.mjs';
import { server, browser, useAppServer } from './lib/app_suite.mjs';
import { reachPrice, MARGA_EVSE } from './lib/charge_steps.mjs';
import { panAndPinch, mapView } from './lib/map_touch.mjs';

useAppServer();

const SECOND_PART = /\/evcharge\.deferred\.[0-9a-f]{16}\.wasm$/;
const code = (page) => page.evaluate(() => ({ syncLoads: evShell.code.syncLoads, here: !!evShell.code.module }));
const firstFrameAt = (page) => page.evaluate(() => performance.timeOrigin + performance.getEntriesByName('first-frame')[0].startTime);

// Every request for the second part, with when it was made (ms since the epoch).
function watchSecondPart(page) {
  const seen = [];
  page.on('request', (r) => { if (SECOND_PART.test(new URL(r.url()).pathname)) seen.push(Date.now()); });
  return seen;
}

test('the map runs on the first part alone: with the second part unreachable it loads, pans, pinches, hides and shows', { timeout: 90000 }, async () => {
  const { page, app, close } = await openApp(server.url + '/', {
    browser, setup: (ctx) => ctx.route(SECOND_PART, (route) => route.abort()),
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

test('a screen that needs the rest before it has arrived fetches it there and then', { timeout: 60000 }, async () => {
  // The prefetch is held back; the second request for the file (the one made when the code is
  // needed) goes through.
  const held = [];
  const { page, app, close } = await openApp(server.url + '/', {
    browser,
    setup: (ctx) => ctx.route(SECOND_PART, (route) => (held.length === 0 ? held.push(route) : route.continue())),
  });
  try {
    await withScreenshotOnFailure(page, 'code-split-sync', async () => {
      await app.waitFor('option', /free$/, { timeout: 15000 });
      // The page asks (evShell.code.promise) a moment before the route sees the request.
      await page.waitForFunction(() => evShell.code.promise !== null, null, { timeout: 20000 });
      for (let waited = 0; held.length === 0 && waited < 10000; waited += 50) await new Promise((r) => setTimeout(r, 50));
      assert.equal(held.length, 1, 'the prefetch was made, and is held');
      await app.tap('button', 'Past sessions');
      await app.waitFor('heading', 'Past sessions');
      assert.deepEqual(await code(page), { syncLoads: 1, here: true });
      await app.tap('button', /^Back/);
      await app.waitFor('heading', 'Chargers nearby');
      assert.deepEqual(app.errors, []);
    });
  } finally {
    for (const r of held) await r.continue().catch(() => {});
    await close();
  }
});
