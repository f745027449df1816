// The map's raster tiles on a 360 px phone, read back from real screenshots: tiles whose colours
// encode zoom, tile and quadrant are drawn where they belong; after zooming in, while the new
// level's tiles hang, the parent's matching quarter stands in (never the bare background); a
// missing tile borrows its parent and is asked for once; a fast pan aborts the fetches that left
// the view and never more than 8 run at once; the credits (tiles and charger data) are readable.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { openApp, launchBrowser, withScreenshotOnFailure } from './lib/app_driver.mjs';
import { startServer, repoRoot } from './lib/serve_process.mjs';
import { touchPaths, mapBox, waitCamera, worldPx } from './lib/map_touch.mjs';
import { encodePng, decodePng } from './lib/png.mjs';

const BNETZA = 'Charging station data: Bundesnetzagentur, CC BY 4.0';  // the app's words around the server's credit
const TILE_CREDIT = 'Test tiles';
const SEA = { lat: 53.6, lng: 3.2 };  // North Sea: no chargers, so no markers over the samples
const LEVELS = [11, 12, 13];
const SPAN = 9;                       // tiles generated either side of the start, per level
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// A tile's colour at a pixel: red says the zoom, green and blue say the tile's x/y parity and
// which quarter of the tile the pixel is in, so a crop showing the wrong quarter is caught.
const STEPS = [40, 100, 160, 220];
function tileColour(z, x, y, qx, qy) {
  return [30 * (z - 9), STEPS[qx + 2 * (x & 1)], STEPS[qy + 2 * (y & 1)]];
}

let server, browser, tilesDir, missing;

before(async () => {
  tilesDir = mkdtempSync(path.join(tmpdir(), 'evcharge-tiles-'));
  const images = new Map();
  for (const z of LEVELS) {
    const c = worldPx(SEA.lat, SEA.lng, z);
    const cx = Math.floor(c.x / 256), cy = Math.floor(c.y / 256);
    for (let x = cx - SPAN; x <= cx + SPAN; x++) {
      mkdirSync(path.join(tilesDir, String(z), String(x)), { recursive: true });
      for (let y = cy - SPAN; y <= cy + SPAN; y++) {
        const key = `${z}/${x & 1}/${y & 1}`;
        if (!images.has(key)) images.set(key, encodePng(256, 256, (px, py) => tileColour(z, x, y, px >> 7, py >> 7)));
        writeFileSync(path.join(tilesDir, String(z), String(x), `${y}.png`), images.get(key));
      }
    }
  }
  // The z12 tile in the middle of the view is missing (a 404): its parent's quarter stands in for it.
  const c12 = worldPx(SEA.lat, SEA.lng, 12);
  missing = { z: 12, x: Math.floor(c12.x / 256), y: Math.floor(c12.y / 256) };
  rmSync(path.join(tilesDir, '12', String(missing.x), `${missing.y}.png`));
  server = await startServer(['--root', path.join(repoRoot, 'build/web/dist'), '--time-scale', '30',
    '--tiles', tilesDir, '--tile-attribution', TILE_CREDIT]);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (tilesDir) rmSync(tilesDir, { recursive: true, force: true });
});

// What the map should show at CSS point (sx, sy) for a camera, if tiles of zoom `tz` are drawn
// there (tz below the camera's zoom: an ancestor, cropped and stretched).
function expectedAt(box, cam, sx, sy, tz) {
  const c = worldPx(cam.lat, cam.lng, cam.zoom);
  const scale = 2 ** (tz - cam.zoom);
  const wx = (c.x + sx - box.cx) * scale, wy = (c.y + sy - (box.y + box.h / 2)) * scale;
  const x = Math.floor(wx / 256), y = Math.floor(wy / 256);
  const fx = wx - x * 256, fy = wy - y * 256;
  // Distance (screen px) to the nearest quarter edge: samples near an edge prove nothing.
  const edge = Math.min(fx % 128, 128 - (fx % 128), fy % 128, 128 - (fy % 128)) / scale;
  return { colour: tileColour(tz, x, y, fx >= 128 ? 1 : 0, fy >= 128 ? 1 : 0), edge, tile: { z: tz, x, y } };
}

// Sample points over the map, away from its overlays (status note, buttons, scale bar, credits).
function samplePoints(box) {
  const pts = [];
  for (let sx = box.x + 24; sx < box.x + box.w - 80; sx += 23) {
    for (let sy = box.y + 60; sy < box.y + box.h - 70; sy += 23) pts.push([sx, sy]);
  }
  return pts;
}

async function screenshot(page) {
  return decodePng(await page.screenshot({ scale: 'css' }));
}

const close = (a, b) => a.every((v, i) => Math.abs(v - b[i]) <= 6);

// Checks every sample point against `tzAt(point)` (the zoom whose tiles should show there).
function mismatches(shot, box, cam, tzAt) {
  const bad = [];
  let checked = 0;
  for (const [sx, sy] of samplePoints(box)) {
    const tz = tzAt(sx, sy);
    const want = expectedAt(box, cam, sx, sy, tz);
    if (want.edge < 16) continue;
    checked++;
    const got = shot.pixel(sx, sy);
    if (!close(got, want.colour)) bad.push(`(${sx},${sy}) z${tz} want ${want.colour} got ${got}`);
  }
  return { bad, checked };
}

async function waitPixels(page, box, cam, tzAt, what, timeout = 15000) {
  const end = Date.now() + timeout;
  for (;;) {
    const { bad, checked } = mismatches(await screenshot(page), box, cam, tzAt);
    if (checked >= 12 && bad.length === 0) return checked;
    if (Date.now() > end) {
      throw new Error(`${what}: ${bad.length} of ${checked} samples wrong, e.g.\n  ${bad.slice(0, 5).join('\n  ')}`);
    }
    await sleep(200);
  }
}

test('tiles draw where they belong, parents stand in while children load, stale fetches are aborted',
  { timeout: 120000 }, async () => {
    const { page, app, close: closeApp } = await openApp(server.url + '/', {
      browser, context: { viewport: { width: 360, height: 760 } },
    });
    try {
      await withScreenshotOnFailure(page, 'map-tiles', async () => {
        // Every tile request, and the z13 ones held back (as a slow tile server would).
        const asked = [], held = [], failed = [], inFlight = new Set();
        let holding = true;
        const notFound = [];
        page.on('request', (r) => { if (r.url().includes('/tiles/')) asked.push(r.url()); });
        // Only the reloaded page's requests count: the first load's own view (zoom 10, no test tiles)
        // may still be answering 404s when these listeners start.
        const afterReload = new Set();
        let reloaded = false;
        page.on('request', (r) => { if (reloaded) afterReload.add(r); });
        page.on('response', (r) => { if (r.status() === 404 && afterReload.has(r.request())) notFound.push(r.url()); });
        page.on('requestfailed', (r) => {
          if (!r.url().includes('/tiles/')) return;
          failed.push({ url: r.url(), error: r.failure()?.errorText || '' });
          inFlight.delete(r);
        });
        await page.route('**/tiles/13/**', async (route) => {
          if (!holding) return route.continue();
          held.push(route);
          inFlight.add(route.request());
          // Bounded: should an assertion fail while tiles are held, the page still closes.
          const until = Date.now() + 45000;
          while (holding && !route.request().failure() && Date.now() < until) await sleep(50);
          inFlight.delete(route.request());
          try { await route.continue(); } catch { /* the page gave up on it (aborted) */ }
        });

        // The camera is put in place before the app's scripts run (the app saves its own as it goes).
        await page.addInitScript((c) => localStorage.setItem('mapCamera', JSON.stringify(c)), { ...SEA, zoom: 11 });
        reloaded = true;
        await page.reload();
        await app.waitReady();
        const box = await mapBox(app);

        // The credits: both readable in the mirror, inside a 360 px wide map, at its bottom right.
        for (const name of [TILE_CREDIT, BNETZA]) {
          const n = await app.waitFor('text', name, { timeout: 20000 });
          assert.ok(n.x >= 0 && n.x + n.w <= 360 + 0.5, `${name} fits the width: ${JSON.stringify(n)}`);
          assert.ok(n.y + n.h <= box.y + box.h + 14 && n.y > box.y + box.h / 2, `${name} at the map's bottom`);
        }
        // The configured tiles take over from the offline base map: its credit is not claimed.
        assert.equal(await app.find('text', /GSHHG/), null);

        // z11: its own tiles.
        const cam11 = await waitCamera(page, (c) => c.zoom === 11);
        await waitPixels(page, box, cam11, () => 11, 'z11 tiles');

        // z12 (the zoom-in button): its tiles, except the missing one which shows its parent's quarter.
        await app.tap('button', 'Zoom in');
        const cam12 = await waitCamera(page, (c) => Math.abs(c.zoom - 12) < 1e-9);
        const inMissing = (sx, sy) => {
          const t = expectedAt(box, cam12, sx, sy, 12).tile;
          return t.x === missing.x && t.y === missing.y;
        };
        const checked = await waitPixels(page, box, cam12, (sx, sy) => (inMissing(sx, sy) ? 11 : 12), 'z12 tiles');
        assert.ok(samplePoints(box).some(([sx, sy]) => inMissing(sx, sy)), 'the missing tile is in view');
        assert.ok(checked > 20);
        // A small pan back and forth redraws many frames: the 404 is not asked for again each frame.
        const mid = { x: box.cx, y: box.cy };
        await touchPaths(page, [[mid.x, mid.y, mid.x + 30, mid.y]]);
        await touchPaths(page, [[mid.x + 30, mid.y, mid.x, mid.y]]);
        await app.waitIdle({ quietMs: 300 });
        const missingUrl = `/tiles/12/${missing.x}/${missing.y}.png`;
        assert.equal(asked.filter((u) => u.endsWith(missingUrl)).length, 1, 'a failed tile is asked for once');

        // z13 while its tiles hang: the z12 tiles' matching quarters stand in (and z11 where z12 is missing).
        await app.tap('button', 'Zoom in');
        const cam13 = await waitCamera(page, (c) => Math.abs(c.zoom - 13) < 1e-9);
        const inMissing13 = (sx, sy) => {
          const t = expectedAt(box, cam13, sx, sy, 12).tile;
          return t.x === missing.x && t.y === missing.y;
        };
        await waitPixels(page, box, cam13, (sx, sy) => (inMissing13(sx, sy) ? 11 : 12), 'z12 standing in for z13');
        // Every z13 tile in view was asked for, once, nearest the centre first.
        const c13 = worldPx(cam13.lat, cam13.lng, 13);
        const tilesInView = (Math.floor((c13.x + box.w / 2) / 256) - Math.floor((c13.x - box.w / 2) / 256) + 1) *
          (Math.floor((c13.y + box.h / 2) / 256) - Math.floor((c13.y - box.h / 2) / 256) + 1);
        await sleep(500);
        assert.equal(held.length, Math.min(8, tilesInView), `z13 fetches started for ${tilesInView} tiles in view`);
        const centreTile = `/tiles/13/${Math.floor(c13.x / 256)}/${Math.floor(c13.y / 256)}.png`;
        assert.ok(held[0].request().url().endsWith(centreTile), `first: ${held[0].request().url()}`);
        const firstHeld = held.map((r) => r.request().url());

        // A fast pan far away: the hanging fetches left the view and are aborted, freeing their connections.
        // (From left of the map's buttons, which stand along its right edge.)
        for (let i = 0; i < 4; i++) {
          await touchPaths(page, [[box.x + box.w - 80, mid.y, box.x + 20, mid.y]], { steps: 4, stepMs: 16, holdMs: 100 });
        }
        await app.waitIdle({ quietMs: 300 });
        const aborted = await page.evaluate(() => window.__tileAborts || 0);
        assert.ok(aborted >= firstHeld.length, `${aborted} tile fetches aborted`);
        // Many more tiles passed through the view than 8, yet never more than 8 fetches hung at once.
        assert.ok(held.length > 8, `${held.length} z13 fetches during the pan`);
        // (The page's own count: the network events of an abort and the next start may arrive in either order.)
        const most = await page.evaluate(() => window.__tileFetchesMax);
        assert.ok(most <= 8, `${most} tile fetches at once`);
        assert.ok(inFlight.size <= 8 && inFlight.size > 0, `${inFlight.size} z13 fetches hang after the pan`);
        const end = Date.now() + 5000;
        while (firstHeld.some((u) => !failed.some((f) => f.url === u)) && Date.now() < end) await sleep(100);
        for (const u of firstHeld) {
          const f = failed.find((x) => x.url === u);
          assert.ok(f, `the out-of-view fetch ${u} ended (aborted)`);
          assert.match(f.error, /abort/i);
        }

        // The tile server answers again: the new view fills with z13's own tiles.
        holding = false;
        const camAfter = await waitCamera(page, (c) => Math.abs(c.zoom - 13) < 1e-9 && c.lng > cam13.lng);
        await waitPixels(page, box, camAfter, () => 13, 'z13 tiles after the pan');
        // No page errors (the browser logs each 404 answer to the console: the missing tile's is the only tile one).
        assert.deepEqual(app.errors.filter((e) => !/status of 404/.test(e)), []);
        assert.deepEqual(notFound.map((u) => new URL(u).pathname).filter((p) => p.startsWith('/tiles/')), [missingUrl]);
      });
    } finally {
      await closeApp();
    }
  });
