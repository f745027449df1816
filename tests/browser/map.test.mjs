// The map on a phone: pan (with inertia) and pinch with real touch events, a marker's bottom
// sheet into the price screen, and a filter that changes what is shown and survives a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { openApp, withScreenshotOnFailure } from './lib/app_driver.mjs';
import { server, browser, useAppServer } from './lib/app_suite.mjs';
import { touchPaths, mapBox, mapView, camera, waitCamera, worldPx, openMapAt, reopenAt } from './lib/map_touch.mjs';

useAppServer();

// Opens the app with the map's camera already at a place (as a reload would restore it).
const openAt = (cam) => (cam ? openMapAt(server.url + '/', cam, { browser }) : openApp(server.url + '/', { browser }));

const MARGA = { lat: 52.37707, lng: 5.21647 };

// Drags the bottom sheet's handle by a finger: 'peek' all the way down, 'full' all the way up.
async function sheetTo(page, app, where) {
  const handle = await app.waitFor('button', /^Show (more|less) of the list$/);
  const x = handle.x + handle.w / 2, y = handle.y + handle.h / 2;
  const to = where === 'peek' ? page.viewportSize().height - 10 : 10;
  const h0 = (await mapView(page)).h;
  await touchPaths(page, [[x, y, x, to]], { steps: 12, stepMs: 16, holdMs: 120 });
  await page.waitForFunction(([h, w]) => window.__mapView && (w === 'peek' ? window.__mapView.h > h : window.__mapView.h < h),
    [h0, where]);
  await app.waitIdle({ quietMs: 200 });
}

test('the bottom sheet drags to peek and full and settles there; a tap on its handle opens it a stop', { timeout: 60000 }, async () => {
  const { page, app, close } = await openAt({ ...MARGA, zoom: 14 });
  try {
    await withScreenshotOnFailure(page, 'map-bottom-sheet', async () => {
      const vh = page.viewportSize().height;
      await app.waitFor('option', /^Marga · /, { timeout: 15000 });
      // Half: the map and at least three whole rows of the list under it.
      const half = await mapView(page);
      const rows = (await app.nodes()).filter((n) => n.role === 'option' && !n.offscreen && n.y + n.h <= vh);
      assert.ok(rows.length >= 3, `${rows.length} list rows in view at half`);

      await sheetTo(page, app, 'full');
      const full = await mapView(page);
      assert.ok(full.h <= 130, `a strip of map stays above the full sheet (${full.h} px)`);
      // The map's controls moved into a row along the strip's top, all inside it.
      const controls = await Promise.all(['Zoom in', 'Zoom out', 'Show my position', 'Map legend'].map((n) => app.find('button', n)));
      for (const c of controls) {
        assert.ok(c, 'every map control is still there');
        assert.ok(c.y >= full.y && c.y + c.h <= full.y + full.h + 1, `${c.name} inside the map strip`);
      }
      assert.equal(new Set(controls.map((c) => Math.round(c.y))).size, 1, 'the controls share one row');
      assert.ok((await app.find('button', 'Show less of the list')), 'the handle says what it does now');

      await sheetTo(page, app, 'peek');
      const peek = await mapView(page);
      assert.ok(peek.h > half.h + 100, `peek leaves the map taller (${peek.h} px, half had ${half.h})`);
      await app.waitFor('textbox', 'Search chargers', { visible: true });

      // A tap on the handle (no drag) opens it one stop: peek → half.
      await app.tap('button', 'Show more of the list');
      await page.waitForFunction((h) => Math.abs(window.__mapView.h - h) < 2, half.h);
      const idle = await app.waitIdle({ quietMs: 300 });
      await page.waitForTimeout(800);
      assert.equal(await app.frames(), idle, 'no frames once the sheet rests');
    });
  } finally {
    await close();
  }
});

test('one finger pans the map, a flick settles, two fingers pinch-zoom around them', { timeout: 60000 }, async () => {
  const { page, app, close } = await openAt({ lat: 52.37, lng: 5.0, zoom: 12 });
  try {
    await withScreenshotOnFailure(page, 'map-gestures', async () => {
      const box = await mapBox(app);
      const c0 = await waitCamera(page, (c) => Math.abs(c.zoom - 12) < 1e-6);
      const frames0 = await app.frames();

      // Drag 120 px left and 60 px down, then rest: the ground under the finger follows it exactly.
      await touchPaths(page, [[box.cx + 60, box.cy - 30, box.cx - 60, box.cy + 30]]);
      const c1 = await waitCamera(page, (c) => c.lng !== c0.lng);
      const p0 = worldPx(c0.lat, c0.lng, 12), p1 = worldPx(c1.lat, c1.lng, 12);
      assert.ok(Math.abs(p1.x - p0.x - 120) < 2, `centre moved ${p1.x - p0.x} px east (finger went 120 px west)`);
      assert.ok(Math.abs(p1.y - p0.y + 60) < 2, `centre moved ${p0.y - p1.y} px north (finger went 60 px south)`);
      assert.ok((await app.frames()) - frames0 >= 5, 'the map redraws while the finger moves');
      await app.waitIdle({ quietMs: 300 });

      // A quick flick without resting: the map follows at least as far as the finger, then
      // settles (how far it glides depends on event timing; map_inertia_test checks the glide).
      await touchPaths(page, [[box.cx + 50, box.cy, box.cx - 50, box.cy]], { steps: 5, stepMs: 16, holdMs: 0 });
      await app.waitIdle({ quietMs: 300 });
      const c2 = await camera(page);
      const p2 = worldPx(c2.lat, c2.lng, 12);
      assert.ok(p2.x - p1.x >= 98, `moved ${p2.x - p1.x} px for a 100 px flick`);
      assert.ok(Math.abs(p2.y - p1.y) < 2, 'a level flick stays level');

      // Pinch: fingers 80 px apart spread to 160 px around the same middle: one zoom level in,
      // and the place between the fingers stays between them.
      const mid = { x: box.cx, y: box.cy + 20 };
      const before = await camera(page);
      const z0 = before.zoom;
      const under = worldPx(before.lat, before.lng, z0);
      const midWorld0 = { x: under.x + (mid.x - box.cx), y: under.y + (mid.y - (box.y + box.h / 2)) };
      await touchPaths(page, [[mid.x - 40, mid.y, mid.x - 80, mid.y], [mid.x + 40, mid.y, mid.x + 80, mid.y]]);
      const after = await waitCamera(page, (c) => c.zoom > z0 + 0.5);
      assert.ok(Math.abs(after.zoom - (z0 + 1)) < 0.05, `zoom ${z0} → ${after.zoom}`);
      const centre1 = worldPx(after.lat, after.lng, after.zoom);
      const midWorld1 = { x: centre1.x + (mid.x - box.cx), y: centre1.y + (mid.y - (box.y + box.h / 2)) };
      // The same ground point, in world px of the new zoom, is twice as far from the origin.
      assert.ok(Math.abs(midWorld1.x - 2 * midWorld0.x) < 3, 'pinch keeps the point between the fingers (x)');
      assert.ok(Math.abs(midWorld1.y - 2 * midWorld0.y) < 3, 'pinch keeps the point between the fingers (y)');

      // Idle means idle: no frames once the map has settled.
      const idle = await app.waitIdle({ quietMs: 300 });
      await page.waitForTimeout(1000);
      assert.equal(await app.frames(), idle, 'no frames while idle');
    });
  } finally {
    await close();
  }
});

test('a tap on a cluster zooms in; a tap on a marker opens its sheet; Charge here leads to the price', { timeout: 60000 }, async () => {
  const { page, app, close } = await openAt(null);
  try {
    await withScreenshotOnFailure(page, 'map-sheet', async () => {
      await app.waitFor('button', /^\d+ chargers here, zoom in$/, { timeout: 15000 });
      // Places keep arriving for a moment, and a cluster's count (its name) with them.
      await app.waitIdle();
      const cluster = await app.waitFor('button', /^\d+ chargers here, zoom in$/);
      const z0 = (await waitCamera(page, () => true)).zoom;
      await app.tap('button', cluster.name);
      await waitCamera(page, (c) => c.zoom >= z0 + 2);
      await close();

      const second = await openAt({ ...MARGA, zoom: 17 });
      try {
        const { app: app2, page: page2 } = second;
        await app2.tap('button', /^Marga, \d of \d free, AC up to 11 kW$/, { timeout: 15000 });
        await app2.waitFor('heading', 'Marga');
        await app2.waitFor('text', /^Margaklompehof 11, \S+ \S+ Almere$/);
        await app2.waitFor('text', 'Operated by GreenFlux');  // operator.name, not the branding's name
        // The phone has not said where it is: no distance (one from the map's middle would mislead).
        await app2.waitFor('text', /^\d of \d free$/);
        assert.equal(await app2.find('text', / m away/), null);
        await app2.waitFor('text', /^AddCS123-1 · In use$/);
        await app2.waitFor('text', /^Type 2 (socket|cable) · [\d.]+ kW AC$/);
        // A favourite is kept by the service for this driver.
        await app2.tap('button', 'Add to favourites');
        await app2.waitFor('button', 'Remove from favourites');
        const kept = await page2.evaluate(async () => {
          const token = localStorage.getItem('appToken');
          for (let i = 0; i < 50; i++) {
            const body = await (await fetch(`/api/favorites/${encodeURIComponent(token)}/locations`)).json();
            if (body.data.length) return body.data.map((l) => l.name);
            await new Promise((r) => setTimeout(r, 100));
          }
          return [];
        });
        assert.deepEqual(kept, ['Marga']);
        await app2.tap('button', 'Charge here');
        // The journey's own path from here: the location, a connector, its price.
        await app2.tap('button', 'Charge at Chargestation-1, connector 1');
        await app2.waitFor('text', /^Chargestation-1 · Type 2 socket/);  // the price screen names the charger
        await app2.waitFor('text', /^€2\.106 per kWh/, { timeout: 15000 });
      } finally {
        await second.close();
      }
    });
  } finally {
    await close().catch(() => {});
  }
});

test('a filter changes what the map lists, asks the service with filter.*, and survives a reload', { timeout: 60000 }, async () => {
  const { page, app, close } = await openAt({ lat: 52.37, lng: 4.95, zoom: 11.5 });
  try {
    await withScreenshotOnFailure(page, 'map-filter', async () => {
      const asked = [];
      page.on('request', (r) => { if (r.url().includes('/api/locations/boundingbox')) asked.push(r.url()); });
      const listed = async () => (await app.nodes()).filter((n) => n.role === 'option' && / free$/.test(n.name)).map((n) => n.name);
      await app.waitFor('option', / free$/, { timeout: 15000 });
      await app.waitIdle({ quietMs: 400 });
      // The list draws only the rows on screen; its count line says how many there are in all.
      const count = async () => Number((await app.waitFor('text', /^[\d,]+ chargers? in view/)).name.match(/^[\d,]+/)[0].replace(/,/g, ''));
      const all = await count();

      await app.tap('button', 'Filters');
      await app.tap('option', 'DC only (fast)');
      await app.waitFor('button', 'Filters (1 on)');
      await app.tap('button', 'Filters (1 on)');  // fold the toggles away: the list gets the room
      await app.waitIdle({ quietMs: 400 });
      const dc = await listed();
      const dcCount = await count();
      assert.ok(asked.some((u) => u.includes('filter.powerType=DC')), 'the filter goes to the service');
      assert.ok(dc.length > 0 && dcCount < all, `DC only lists fewer (${dcCount} of ${all})`);

      // Every charger still listed really has a DC connector (checked with the service itself).
      const dcIds = await page.evaluate(async () => {
        const ids = [];
        const cam = JSON.parse(localStorage.getItem('mapCamera'));
        const q = new URLSearchParams({ bottomLeftLat: cam.lat - 0.2, bottomLeftLng: cam.lng - 0.3, topRightLat: cam.lat + 0.2,
          topRightLng: cam.lng + 0.3, 'filter.powerType': 'DC' });
        const body = await (await fetch('/api/locations/boundingbox?' + q)).json();
        for (const l of body.data) ids.push(l.name);
        return ids;
      });
      for (const name of dc) assert.ok(dcIds.some((n) => name.startsWith(n + ' · ')), `${name} is a DC charger`);

      // A reload keeps the filter.
      await page.reload();
      await app.waitReady();
      await app.waitFor('button', 'Filters (1 on)');
      assert.ok(JSON.parse(await page.evaluate(() => localStorage.getItem('mapFilters'))).power === 'DC');
      await app.waitFor('option', / free$/, { timeout: 15000 });
      await app.waitIdle({ quietMs: 400 });
      assert.deepEqual((await listed()).sort(), dc.slice().sort());
      assert.equal(await count(), dcCount);
    });
  } finally {
    await close();
  }
});

test('search by text finds a charger outside the view and opens it on the map', { timeout: 60000 }, async () => {
  const { page, app, close } = await openAt({ lat: 52.37, lng: 5.22, zoom: 15 });  // Almere, Volendam out of view
  try {
    await withScreenshotOnFailure(page, 'map-search', async () => {
      await app.fill('Search chargers', 'van der valk');
      await app.press('Enter');
      await app.waitFor('heading', 'Found everywhere', { timeout: 15000 });
      await app.tap('option', /^Van der Valk Hotel Volendam · /);
      await app.waitFor('heading', 'Van der Valk Hotel Volendam');
      await app.waitFor('button', 'Charge here');
      const cam = await waitCamera(page, (c) => c.lat > 52.45);
      assert.ok(Math.abs(cam.lng - 5.0325) < 0.01 && Math.abs(cam.lat - 52.4875) < 0.01, `the map moved to Volendam (${cam.lat}, ${cam.lng})`);
    });
  } finally {
    await close();
  }
});

test('a marker tapped near the map\'s edge stays in sight when its sheet opens', { timeout: 60000 }, async () => {
  const zoom = 17;
  const { page, app, close } = await openAt({ ...MARGA, zoom });
  try {
    await withScreenshotOnFailure(page, 'map-sheet-keeps-marker', async () => {
      const MARKER = /^Marga, \d of \d free/;
      await app.waitFor('button', MARKER, { timeout: 15000 });
      await sheetTo(page, app, 'peek');
      // Put Marga 80 px above the bottom edge of the map (clear of the credits): the sheet's smaller
      // map would cut it off.
      const view = await mapView(page);
      const size = 256 * 2 ** zoom, m = worldPx(MARGA.lat, MARGA.lng, zoom);
      const y = m.y - (view.h / 2 - 80);
      const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / size))) * 180) / Math.PI;
      await reopenAt(page, app, { lat, lng: MARGA.lng, zoom }, server.url + '/');
      await sheetTo(page, app, 'peek');  // the sheet down: the map at its tallest
      const marker = await app.waitFor('button', MARKER, { timeout: 15000 });
      const before = await mapView(page);
      assert.ok(marker.y + marker.h / 2 > before.y + before.h - 100, `Marga starts near the bottom (${marker.y} in ${JSON.stringify(before)})`);

      await app.tap('button', MARKER);
      await app.waitFor('heading', 'Marga');
      await app.waitFor('button', 'Charge here');
      const cam = await waitCamera(page, (c) => Math.abs(c.lat - MARGA.lat) < 1e-6);
      assert.ok(Math.abs(cam.lng - MARGA.lng) < 1e-6, 'the map centred on the tapped marker');
      const shown = await app.waitFor('button', MARKER);
      const after = await mapView(page);
      assert.ok(after.h < before.h, 'the map gave room to the sheet');
      const cy = shown.y + shown.h / 2;
      assert.ok(cy > after.y && cy < after.y + after.h, `the marker is on the map (${cy} in ${after.y}..${after.y + after.h})`);
    });
  } finally {
    await close();
  }
});
