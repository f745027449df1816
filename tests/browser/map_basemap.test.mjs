// The offline base map: with no tile server the map draws land and water from the app's own cells
// (the Markermeer is water, Almere is land), place names readable in both themes and clear of each
// other, and credits that name what is shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { withScreenshotOnFailure } from './lib/app_driver.mjs';
import { server, browser, useAppServer } from './lib/app_suite.mjs';
import { openMapAt, mapBox, worldPx, screenOf } from './lib/map_touch.mjs';
import { decodePng } from './lib/png.mjs';
import { contrastRatio, dominantColours, textOverlapFailures } from './lib/look_checks.mjs';

useAppServer();

const START = { lat: 52.425, lng: 5.10, zoom: 10.5 };  // the app's first view: Almere to Volendam
// The palettes' map colours (src/ui/widgets/palette.cpp), as the pixels must show them.
const COLOURS = {
  light: { water: [0xA9, 0xD1, 0xE0], land: [0xEE, 0xF1, 0xEA] },
  dark: { water: [0x16, 0x30, 0x3D], land: [0x1B, 0x20, 0x1D] },
};
const PLACES = ['Purmerend', 'Volendam', 'Almere Stad', 'Edam', 'Monnickendam', 'Zaandam', 'Amsterdam', 'Lelystad'];

const near = (a, b) => Math.max(...a.map((v, i) => Math.abs(v - b[i]))) <= 3;

// The share of a 20×20 CSS px patch around a point that has exactly (±3) this colour.
function share(image, scale, at, rgb) {
  let hit = 0, all = 0;
  for (let y = Math.round((at.y - 10) * scale); y < Math.round((at.y + 10) * scale); y++)
    for (let x = Math.round((at.x - 10) * scale); x < Math.round((at.x + 10) * scale); x++, all++)
      if (near(image.pixel(x, y), rgb)) hit++;
  return hit / all;
}

for (const theme of ['light', 'dark']) {
  test(`base map in ${theme}: the Markermeer is water, Almere is land, place names are readable and apart`, { timeout: 60000 }, async () => {
    const { page, app, close } = await openMapAt(server.url + '/', START, { browser, context: { colorScheme: theme } });
    try {
      await withScreenshotOnFailure(page, `basemap-${theme}`, async () => {
        await app.waitFor('text', /chargers in view/, { timeout: 20000 });
        await app.waitFor('text', /GSHHG/, { timeout: 15000 });  // the corner credits the base map once it is drawn
        await app.waitIdle({ quietMs: 500, timeout: 20000 });
        const box = await mapBox(app);
        const image = decodePng(await page.screenshot());
        const scale = image.width / page.viewportSize().width;
        const ground = (lat, lng) => { const w = worldPx(lat, lng, 0); return { x: w.x / 256, y: w.y / 256 }; };
        const markermeer = screenOf(START, box, ground(52.49, 5.17));
        const c = COLOURS[theme];
        assert.ok(share(image, scale, markermeer, c.water) > 0.6, `water over the Markermeer (${share(image, scale, markermeer, c.water)})`);
        // Almere's districts: land, never water (a marker or a name may cover one of them).
        const almere = [[52.36, 5.25], [52.38, 5.20], [52.35, 5.28], [52.40, 5.23]].map(([la, ln]) => screenOf(START, box, ground(la, ln)));
        const land = almere.map((p) => share(image, scale, p, c.land)), water = almere.map((p) => share(image, scale, p, c.water));
        assert.ok(land.filter((x) => x > 0.6).length >= 2, `land over Almere (${land.map((x) => x.toFixed(2))})`);
        assert.ok(water.every((x) => x < 0.2), `no water over Almere (${water.map((x) => x.toFixed(2))})`);

        const nodes = await app.nodes();
        const names = nodes.filter((n) => n.role === 'text' && PLACES.includes(n.name));
        assert.ok(names.length >= 2, `place names on the first screen: ${names.map((n) => n.name)}`);
        for (const n of names) {
          const { fg, bg } = dominantColours(image, n, scale);
          assert.ok(fg, `${n.name}: drawn`);
          const ratio = contrastRatio(fg, bg);
          assert.ok(ratio >= 4.5, `${n.name}: ${ratio.toFixed(2)}:1 against its background`);
        }
        assert.deepEqual(textOverlapFailures(nodes).map((f) => f.detail), [], 'no words over words');
      });
    } finally {
      await close();
    }
  });
}

test('the legend credits the base map in full', { timeout: 60000 }, async () => {
  const { page, app, close } = await openMapAt(server.url + '/', START, { browser });
  try {
    await withScreenshotOnFailure(page, 'basemap-legend', async () => {
      await app.tap('button', 'Map legend');
      await app.scrollIntoView('text', /Wessel & Smith/);
      await app.waitFor('text', /^Shorelines, rivers, borders © GSHHG \(Wessel & Smith, LGPL\) · Places © GeoNames \(CC BY 4\.0\)$/);
    });
  } finally {
    await close();
  }
});
