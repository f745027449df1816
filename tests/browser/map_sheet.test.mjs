// The map's bottom sheet, favourites and list on a phone: Marga's facilities in words, a favourite
// that is still there after a reload (in the favourites list and the "favourites only" filter, and
// opens from there), and a long list that scrolls far beyond its first hundred rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { openApp, withScreenshotOnFailure } from './lib/app_driver.mjs';
import { server, browser, useAppServer } from './lib/app_suite.mjs';
import { waitCamera, reopenAt } from './lib/map_touch.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

useAppServer();

const MARGA = { lat: 52.37707, lng: 5.21647 };
const ROW = /^(.+) · ([\d.,]+ k?m) · (.+) · \d+ of \d+ free$/;  // name · distance · address · free
const ANY_ROW = /^(.+?) · (?:[\d.,]+ k?m · )?(.+) · \d+ of \d+ free$/;  // the distance only once the driver is located

// Metres from the list's "350 m" / "1.2 km" / "12 km".
function metres(text) {
  const [, n, unit] = /^([\d.,]+) (k?m)$/.exec(text);
  return Number(n.replace(/,/g, '')) * (unit === 'km' ? 1000 : 1);
}

const setCamera = (page, app, cam) => reopenAt(page, app, cam, server.url + '/');

// A driver in Amsterdam whose phone says so (distances are the driver's, never the map's middle).
const IN_AMSTERDAM = { permissions: ['geolocation'], geolocation: { latitude: 52.37, longitude: 4.90 } };

test('Marga\'s sheet names its facilities; a favourite survives a reload and opens from the list and the filter', { timeout: 90000 }, async () => {
  const { page, app, close } = await openApp(server.url + '/', { browser, context: IN_AMSTERDAM });
  try {
    await withScreenshotOnFailure(page, 'map-sheet-favourite', async () => {
      await setCamera(page, app, { ...MARGA, zoom: 17 });
      await app.tap('button', /^Marga, \d of \d free, AC up to 11 kW$/, { timeout: 15000 });
      await app.waitFor('heading', 'Marga');
      await app.waitFor('text', 'At this place: Shopping centre');
      await app.tap('button', 'Add to favourites');
      await app.waitFor('button', 'Remove from favourites');
      // The service has it before the page goes.
      await page.waitForFunction(async () => {
        const token = localStorage.getItem('appToken');
        const body = await (await fetch(`/api/favorites/${encodeURIComponent(token)}/locations`)).json();
        return body.data.some((l) => l.name === 'Marga');
      }, null, { polling: 100, timeout: 10000 });

      // Reload far away (Amsterdam), where the driver is: the favourites list has Marga, with its
      // distance from the driver.
      await setCamera(page, app, { lat: 52.37, lng: 4.90, zoom: 13 });
      await app.tap('button', 'Show my position');
      await app.waitFor('text', 'Your position', { timeout: 15000 });
      await app.tap('button', 'Favourites (1)', { timeout: 15000 });
      const row = await app.waitFor('option', /^Marga · [\d.,]+ k?m · Margaklompehof 11, Almere · \d of \d free$/);
      assert.ok(metres(ROW.exec(row.name)[2]) > 15000, `Marga is far from Amsterdam: ${row.name}`);
      await app.tap('option', row.name);
      await app.waitFor('heading', 'Marga');
      // The star is right on the first sheet after the reload, and the map went to Marga.
      await app.waitFor('button', 'Remove from favourites');
      const cam = await waitCamera(page, (c) => Math.abs(c.lat - MARGA.lat) < 0.01);
      assert.ok(Math.abs(cam.lng - MARGA.lng) < 0.01, `the map shows Marga (${cam.lat}, ${cam.lng})`);
      await app.tap('button', 'Close');

      // "Favourites only": the service is asked for this driver's favourites and the list has Marga alone.
      const asked = [];
      page.on('request', (r) => { if (r.url().includes('/api/locations/boundingbox')) asked.push(r.url()); });
      await setCamera(page, app, { ...MARGA, zoom: 13 });
      await app.waitFor('text', /chargers? in view/, { timeout: 15000 });
      await app.tap('button', /^Filters/);
      await app.tap('option', 'Favourites only');
      await app.waitFor('button', 'Filters (1 on)');
      await app.tap('button', 'Filters (1 on)');  // fold the toggles away
      await app.waitFor('text', '1 charger in view', { timeout: 15000 });
      const token = await page.evaluate(() => localStorage.getItem('appToken'));
      assert.ok(asked.some((u) => u.includes('filter.isFavorite=true') && u.includes(`filter.appToken=${encodeURIComponent(token)}`)),
        'the filter asks the service for this driver\'s favourites');
      let listed = [];
      for (let i = 0; i < 100; i++) {  // the mirror follows the frame after the answer
        listed = (await app.nodes()).filter((n) => n.role === 'option' && ANY_ROW.test(n.name));
        if (listed.length === 1) break;
        await sleep(100);
      }
      assert.deepEqual(listed.map((n) => ANY_ROW.exec(n.name)[1]), ['Marga']);
      await app.tap('option', listed[0].name);
      await app.waitFor('heading', 'Marga');
      await app.waitFor('button', 'Charge at Chargestation-1, connector 1');
    });
  } finally {
    await close();
  }
});

test('the list holds every charger in view, nearest first, and a row far down opens', { timeout: 150000 }, async () => {
  const { page, app, close } = await openApp(server.url + '/', { browser, context: IN_AMSTERDAM });
  try {
    await withScreenshotOnFailure(page, 'map-sheet-long-list', async () => {
      // Amsterdam and around, where the driver is, zoomed out: hundreds of chargers in view once
      // every area has loaded, nearest the driver first.
      await setCamera(page, app, { lat: 52.37, lng: 4.90, zoom: 14 });
      await app.tap('button', 'Show my position');
      await app.waitFor('text', 'Your position', { timeout: 15000 });
      for (let i = 0; i < 4; i++) await app.tap('button', 'Zoom out');
      const countOf = async () => {
        const n = await app.find('text', /^[\d,]+ chargers in view/);
        return n ? Number(n.name.match(/^[\d,]+/)[0].replace(/,/g, '')) : 0;
      };
      let total = 0;
      for (let stable = 0, i = 0; i < 120 && stable < 6; i++) {  // until the count holds for 3 s
        await sleep(500);
        const now = await countOf();
        stable = now === total && now > 0 ? stable + 1 : 0;
        total = now;
      }
      assert.ok(total > 150, `hundreds of chargers in view (${total})`);

      // Only the rows on screen are drawn and mirrored: a handful, not hundreds.
      const rowsOnScreen = async () => (await app.nodes()).filter((n) => n.role === 'option' && ROW.test(n.name) && !n.offscreen);
      const first = await rowsOnScreen();
      assert.ok(first.length > 0 && first.length < 30, `${first.length} rows mirrored of ${total}`);
      const firstDistance = metres(ROW.exec(first[0].name)[2]);

      // Scroll the list down in steps with the wheel over it, then to its very end: the distances
      // only grow, and the last row is the last of all (far beyond the first hundred).
      const over = { x: first[0].x + first[0].w / 2, y: first[0].y + first[0].h / 2 };
      await page.mouse.move(over.x, over.y);
      const seen = [];
      for (let i = 0; i < 6; i++) {
        await page.mouse.wheel(0, 1500);
        await app.waitIdle({ quietMs: 200, timeout: 20000 });
        for (const r of await rowsOnScreen()) if (!seen.includes(r.name)) seen.push(r.name);
      }
      let last = [];
      for (let i = 0; i < 10; i++) {
        await page.mouse.wheel(0, 100000);
        await app.waitIdle({ quietMs: 200, timeout: 20000 });
        const rows = (await rowsOnScreen()).map((r) => r.name);
        if (rows.join() === last.join()) break;
        last = rows;
      }
      for (const r of last) if (!seen.includes(r)) seen.push(r);
      const distances = seen.map((n) => metres(ROW.exec(n)[2]));
      assert.ok(distances[0] >= firstDistance, 'scrolled down from the top');
      for (let i = 1; i < distances.length; i++)
        assert.ok(distances[i] >= distances[i - 1], `${seen[i]} comes after ${seen[i - 1]}`);
      assert.ok(!last.some((n) => first.some((f) => f.name === n)), 'the end of the list is not its start');

      // The last row on screen opens (it is row `total`, far beyond the hundredth).
      const rows = await rowsOnScreen();
      const vp = page.viewportSize();
      const target = rows.filter((r) => r.y + r.h <= vp.height).pop();
      assert.ok(target, 'a row at the end of the list is on screen');
      const name = ROW.exec(target.name)[1];
      await app.tap('option', target.name);
      await app.waitFor('heading', name);
    });
  } finally {
    await close();
  }
});
