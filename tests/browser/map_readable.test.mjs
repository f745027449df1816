// A map a driver can read: on the first screen no two markers' touch targets overlap and none
// sits under a control, the scale or the credits; distances are the driver's or none; the search
// words narrow the map as well as the list; Directions hands the charger to the maps app.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { withScreenshotOnFailure } from './lib/app_driver.mjs';
import { server, browser, useAppServer } from './lib/app_suite.mjs';
import { openMapAt, mapBox } from './lib/map_touch.mjs';

useAppServer();

const CONTROLS = ['Zoom in', 'Zoom out', 'Show my position', 'Map legend'];
const START = { lat: 52.425, lng: 5.10, zoom: 10.5 };  // the app's first view: Almere to Volendam
const DENSE = { lat: 52.372, lng: 4.895, zoom: 13 };     // Amsterdam's centre: markers on every street
const MARGA = { lat: 52.37707, lng: 5.21647 };
const overlap = (a, b) => a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;

// The marker and cluster buttons over the map, and what floats over it.
async function mapNodes(app) {
  const map = await mapBox(app);
  const nodes = await app.nodes();
  const inside = (n) => n.x >= map.x - 1 && n.y >= map.y - 1 && n.x + n.w <= map.x + map.w + 1 && n.y + n.h <= map.y + map.h + 1;
  const markers = nodes.filter((n) => n.role === 'button' && !CONTROLS.includes(n.name) && inside(n) && n.w > 40 && n.w < 60);
  const controls = nodes.filter((n) => n.role === 'button' && CONTROLS.includes(n.name));
  const credits = nodes.filter((n) => n.role === 'text' && /Bundesnetzagentur|©/.test(n.name));
  return { map, markers, controls, credits };
}

for (const viewport of [{ width: 412, height: 860 }, { width: 360, height: 640 }]) {
  test(`at ${viewport.width}×${viewport.height}: markers never collide and keep clear of the controls and credits; the list is in reach; a note is not covered`, { timeout: 90000 }, async () => {
    for (const [cam, least] of [[START, viewport.width === 412 ? 3 : 0], [DENSE, viewport.width === 412 ? 4 : 1]]) {
      const { page, app, close } = await openMapAt(server.url + '/', cam, { browser, context: { viewport } });
      try {
        await withScreenshotOnFailure(page, `map-collide-${viewport.width}-${cam.zoom}`, async () => {
          await app.waitFor('text', /chargers in view/, { timeout: 20000 });
          await app.waitIdle({ quietMs: 400, timeout: 20000 });
          const { markers, controls, credits } = await mapNodes(app);
          assert.ok(markers.length >= least, `markers at zoom ${cam.zoom}: ${markers.length}`);
          for (const m of markers) assert.ok(m.w >= 47.5 && m.h >= 47.5, `${m.name}: a 48 px target`);
          for (let i = 0; i < markers.length; i++)
            for (let j = i + 1; j < markers.length; j++)
              assert.ok(!overlap(markers[i], markers[j]), `"${markers[i].name}" overlaps "${markers[j].name}"`);
          assert.equal(controls.length, 4);
          for (const m of markers)
            for (const c of [...controls, ...credits]) assert.ok(!overlap(m, c), `"${m.name}" is under "${c.name}"`);
          if (cam !== START) return;

          // The list under the map is reachable: whole rows on the first screen.
          const rows = (await app.nodes()).filter((n) => n.role === 'option' && / free$/.test(n.name) &&
            n.y >= 0 && n.y + n.h <= viewport.height + 0.5 && !n.offscreen);
          assert.ok(rows.length >= (viewport.width === 412 ? 3 : 2), `${rows.length} whole rows under the map`);

          // A refused position says so where no control covers it.
          await app.tap('button', 'Show my position');
          const note = await app.waitFor('status', /Location access is off/);
          for (const c of controls) assert.ok(!overlap(note, c), `the note is under "${c.name}"`);
        });
      } finally {
        await close();
      }
    }
  });
}

test('without the driver\'s position the list says no distance and orders from the map\'s centre; search narrows the map; clear restores it', { timeout: 60000 }, async () => {
  const { page, app, close } = await openMapAt(server.url + '/', { ...MARGA, zoom: 14 }, { browser });
  try {
    await withScreenshotOnFailure(page, 'map-search-narrows', async () => {
      await app.waitFor('text', /chargers in view, nearest the map centre first/, { timeout: 20000 });
      const row = await app.waitFor('option', /^Marga · /);
      assert.match(row.name, /^Marga · Margaklompehof 11, Almere · \d+ of \d+ free$/, 'no distance in the row');
      await app.waitIdle({ quietMs: 300, timeout: 20000 });
      const before = (await mapNodes(app)).markers;
      assert.ok(before.length >= 3, `markers before the search: ${before.length}`);

      await app.fill('Search chargers', 'marga');
      await app.waitIdle({ quietMs: 300, timeout: 20000 });
      const after = (await mapNodes(app)).markers;
      assert.ok(after.length >= 1, 'Marga is still on the map');
      for (const m of after) assert.match(m.name, /^Marga,/, `only what matches stays on the map (${m.name})`);

      await app.tap('button', 'Clear search');
      await app.waitIdle({ quietMs: 300, timeout: 20000 });
      assert.equal((await mapNodes(app)).markers.length, before.length, 'every marker is back');
    });
  } finally {
    await close();
  }
});

async function directionsFor(userAgent) {
  const context = userAgent ? { userAgent } : {};
  const { page, app, close } = await openMapAt(server.url + '/', { ...MARGA, zoom: 15 }, { browser, context });
  try {
    return await withScreenshotOnFailure(page, 'map-directions', async () => {
      await page.evaluate(() => {
        window.__opened = [];
        window.open = (url) => { window.__opened.push(String(url)); return null; };
        HTMLAnchorElement.prototype.click = function () { window.__opened.push(this.href); };
      });
      await app.tap('option', /^Marga · /, { timeout: 20000 });
      await app.waitFor('heading', 'Marga');
      await app.tap('button', 'Directions');
      await page.waitForFunction(() => window.__opened.length > 0, null, { timeout: 5000 });
      return page.evaluate(() => window.__opened);
    });
  } finally {
    await close();
  }
}

test('Directions hands Marga to the maps app the platform has: geo: on Android, Apple Maps on an iPhone, a web map elsewhere', { timeout: 90000 }, async () => {
  const marga = (await (await fetch(`${server.url}/api/locations/search?q=Marga`)).json()).data.find((l) => l.name === 'Marga');
  assert.ok(marga, 'the simulator has Marga');
  const at = `${marga.lat.toFixed(6)},${marga.lng.toFixed(6)}`;
  assert.deepEqual(await directionsFor('Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36'),
    [`geo:${at}?q=${at}(Marga)`]);
  assert.deepEqual(await directionsFor('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148'),
    [`https://maps.apple.com/?daddr=${at}&q=Marga`]);
  assert.deepEqual(await directionsFor(null), [`https://www.google.com/maps/dir/?api=1&destination=${at}`]);
});
