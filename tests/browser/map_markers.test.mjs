// Markers say what matters in words too: AC or DC and the top power in each marker's accessible name,
// "out of order" once every EVSE of a place is broken (after a reload), and a legend under the map.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { withScreenshotOnFailure } from './lib/app_driver.mjs';
import { server, browser, useAppServer } from './lib/app_suite.mjs';
import { simControl } from './lib/charge_steps.mjs';
import { openMapAt } from './lib/map_touch.mjs';

useAppServer();

async function api(p) {
  const r = await fetch(server.url + '/api' + p);
  assert.equal(r.status, 200, `${p}: ${r.status}`);
  return r.json();
}

const box = (lat, lng, dLat, dLng) =>
  `bottomLeftLat=${lat - dLat}&bottomLeftLng=${lng - dLng}&topRightLat=${lat + dLat}&topRightLng=${lng + dLng}`;

// What the marker should say about power, from the service's full location (not from the summary).
function powerWords(location) {
  const connectors = location.evses.flatMap((e) => e.connectors);
  const dc = connectors.some((c) => c.powerType === 'DC');
  const ac = connectors.some((c) => c.powerType !== 'DC');
  const kw = Math.max(...connectors.map((c) => c.powerInKw ?? c.kw));
  const kind = ac && dc ? 'AC and DC' : dc ? 'DC' : 'AC';
  return `${kind} up to ${Number.isInteger(kw) ? kw : kw.toFixed(1)} kW`;
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// A DC place with an AC place a street away, in Rotterdam (dense in the simulator's network).
async function neighbours() {
  const dcs = (await api(`/locations/boundingbox?${box(51.92, 4.48, 0.04, 0.08)}&filter.powerType=DC&pageSize=50`)).data;
  for (const dc of dcs) {
    const near = (await api(`/locations/boundingbox?${box(dc.lat, dc.lng, 0.0007, 0.0011)}&filter.powerType=AC`)).data;
    const ac = near.find((l) => l.id !== dc.id);
    if (ac) return [await api(`/locations/${dc.id}`), await api(`/locations/${ac.id}`)];
  }
  throw new Error('no DC place with an AC place beside it');
}

const openAt = (cam) => openMapAt(server.url + '/', cam, { browser });

test('markers name AC or DC and their power; a place with every EVSE broken is "out of order"', { timeout: 90000 }, async () => {
  const [dc, ac] = await neighbours();
  const cam = { lat: (dc.coordinates.latitude + ac.coordinates.latitude) / 2,
    lng: (dc.coordinates.longitude + ac.coordinates.longitude) / 2, zoom: 17 };
  const { page, app, close } = await openAt(cam);
  const state = '(\\d+ of \\d+ free|availability unknown|not reachable now)';
  try {
    await withScreenshotOnFailure(page, 'map-markers', async () => {
      const dcName = new RegExp(`^${escape(dc.name)}, ${state}, ${escape(powerWords(dc))}$`);
      const acName = new RegExp(`^${escape(ac.name)}, ${state}, ${escape(powerWords(ac))}$`);
      assert.match(powerWords(dc), /^DC up to/);
      assert.match(powerWords(ac), /^AC up to/);
      await app.waitFor('button', dcName, { timeout: 20000 });
      await app.waitFor('button', acName);

      // Every EVSE of the DC place breaks: after a reload its marker says so, power still named.
      for (const evse of dc.evses) await simControl(server.url, 'fault', evse.uid);
      await page.reload();
      await app.waitReady();
      await app.waitFor('button', `${dc.name}, out of order, ${powerWords(dc)}`, { timeout: 20000 });
      await app.waitFor('button', acName);

      // The legend under the map explains colours and shapes, and closes again.
      await app.tap('button', 'Map legend');
      await app.waitFor('heading', 'What the markers show');
      await app.waitFor('text', 'Red with a cross: out of order');
      await app.waitFor('text', 'Round: AC (slower). Square: DC (fast).');
      await app.tap('button', 'Close legend');
      await app.waitForGone('heading', 'What the markers show');
    });
  } finally {
    for (const evse of dc.evses) await simControl(server.url, 'reset', evse.uid).catch(() => {});
    await close();
  }
});
