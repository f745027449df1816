// How the map loads on a phone: a pan loads the new area, panning back costs no request, and
// without a network the map says so, keeps what it has and loads once the network is back.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { withScreenshotOnFailure } from './lib/app_driver.mjs';
import { server, browser, useAppServer } from './lib/app_suite.mjs';
import { touchPaths, mapBox, waitCamera, openMapAt } from './lib/map_touch.mjs';

useAppServer();

const openAt = (cam) => openMapAt(server.url + '/', cam, { browser });

// Bounding-box requests the page makes from now on.
function watchAreas(page) {
  const urls = [];
  page.on('request', (r) => { if (r.url().includes('/api/locations/boundingbox')) urls.push(r.url()); });
  return urls;
}

const listed = async (app) =>
  (await app.nodes()).filter((n) => n.role === 'option' && / free$/.test(n.name)).map((n) => n.name).sort();

test('a pan loads the new area; panning back costs no request', { timeout: 60000 }, async () => {
  const { page, app, close } = await openAt({ lat: 52.37, lng: 4.90, zoom: 13 });  // Amsterdam
  try {
    await withScreenshotOnFailure(page, 'map-loading-cache', async () => {
      await app.waitFor('option', / free$/, { timeout: 15000 });
      await app.waitIdle({ quietMs: 500 });
      const here = await listed(app);
      const box = await mapBox(app);
      const c0 = await waitCamera(page, () => true);
      const areas = watchAreas(page);

      // 240 px east (the drag stays clear of the map's buttons at the right edge): new ground, new areas asked for.
      await touchPaths(page, [[box.cx + 120, box.cy, box.cx - 120, box.cy]]);
      await waitCamera(page, (c) => c.lng > c0.lng + 0.01);
      await app.waitIdle({ quietMs: 600 });
      assert.ok(areas.length > 0, 'the new area was asked for');
      const there = await listed(app);
      assert.notDeepEqual(there, here, 'the list follows the map');

      // And back: everything is in the cache.
      const asked = areas.length;
      await touchPaths(page, [[box.cx - 120, box.cy, box.cx + 120, box.cy]]);
      await waitCamera(page, (c) => Math.abs(c.lng - c0.lng) < 0.002);
      await app.waitIdle({ quietMs: 600 });
      assert.equal(areas.length, asked, `panning back asked again: ${areas.slice(asked).join(' ')}`);
      assert.deepEqual(await listed(app), here, 'the same chargers as before');
    });
  } finally {
    await close();
  }
});

test('offline the map says so and keeps what it has; back online it loads the rest', { timeout: 60000 }, async () => {
  const { page, app, close } = await openAt({ lat: 52.37, lng: 4.90, zoom: 13 });
  try {
    await withScreenshotOnFailure(page, 'map-loading-offline', async () => {
      await app.waitFor('option', / free$/, { timeout: 15000 });
      await app.waitIdle({ quietMs: 500 });
      const box = await mapBox(app);
      const c0 = await waitCamera(page, () => true);

      await page.context().setOffline(true);
      await touchPaths(page, [[box.cx + 120, box.cy, box.cx - 120, box.cy]]);
      await waitCamera(page, (c) => c.lng > c0.lng + 0.01);
      await app.waitFor('status', 'Offline: showing the chargers already loaded.', { timeout: 10000 });
      // What was loaded before is still there (the part of the old view still in sight).
      assert.ok((await listed(app)).length > 0, 'loaded chargers stay listed');

      const areas = watchAreas(page);
      await page.context().setOffline(false);
      await app.waitForGone('status', 'Offline: showing the chargers already loaded.', { timeout: 15000 });
      assert.ok(areas.length > 0, 'the missing areas were asked for again');
      await app.waitIdle({ quietMs: 600 });
      assert.ok((await listed(app)).length > 0);
    });
  } finally {
    await close();
  }
});
