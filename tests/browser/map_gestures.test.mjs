// The map's gestures and "Show my position" in Chromium: double tap, a flick's glide and a drag that
// does not glide (phone, real touch events); wheel, drag and click (desktop mouse); locating the
// driver when the browser allows it, refuses it or cannot find the position.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { openApp, withScreenshotOnFailure } from './lib/app_driver.mjs';
import { server, browser, useAppServer } from './lib/app_suite.mjs';
import { touchPaths, taps, mapView, camera, waitCamera, worldPx, groundAt, screenOf, mapMoves, pageNow, openMapAt, reopenAt }
  from './lib/map_touch.mjs';

useAppServer();

const DESKTOP = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false };
const OPEN_WATER = { lat: 52.55, lng: 5.25, zoom: 13 };  // the Markermeer: no chargers to tap by mistake
const MARGA = { lat: 52.37707, lng: 5.21647 };
const MARKER = /^Marga, \d of \d free, AC up to 11 kW$/;
const DENIED = 'Location access is off. Allow it in the browser settings to see where you are.';
const UNAVAILABLE = 'Your position could not be found.';
const LOCATING = 'Finding your position…';

// Opens the app with the map's camera already at a place (as a reload would restore it).
const openAt = (cam, context = {}) => openMapAt(server.url + '/', cam, { browser, context });

// The stored camera may be rewritten with the last bits rounded differently (the app stores what it
// shows): the same place is the same to well under a millimetre.
const assertSameCamera = (a, b, what = 'the camera did not move') =>
  assert.ok(Math.abs(a.lat - b.lat) < 1e-9 && Math.abs(a.lng - b.lng) < 1e-9 && Math.abs(a.zoom - b.zoom) < 1e-9,
    `${what}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
const centreOf = (n) => ({ x: n.x + n.w / 2, y: n.y + n.h / 2 });
const near = (a, b, tol, what) =>
  assert.ok(Math.abs(a.x - b.x) < tol && Math.abs(a.y - b.y) < tol, `${what}: (${a.x}, ${a.y}) vs (${b.x}, ${b.y})`);
const chargersShown = async (app) =>
  (await app.nodes()).filter((n) => n.role === 'button' && (/ free$/.test(n.name) || / chargers here, zoom in$/.test(n.name)));

// Script errors and console errors, but not a failed resource (the app says what failed itself).
const pageErrors = (app) => app.errors.filter((e) => !/^Failed to load resource/.test(e));

// Waits until the chargers of the new view have come and no frame is drawn for a while, then
// checks that none is drawn for another second.
async function assertIdle(app, page) {
  await page.waitForFunction(() => window.evHttp.pending() === 0, null, { timeout: 20000 });
  const idle = await app.waitIdle({ quietMs: 300, timeout: 20000 });
  await page.waitForTimeout(1000);
  assert.equal(await app.frames(), idle, 'no frames while idle');
}

// Equirectangular metres, as the app measures distances.
function metres(a, b) {
  const r = 6371008.8, rad = Math.PI / 180;
  const x = (b.lng - a.lng) * rad * Math.cos(((a.lat + b.lat) / 2) * rad), y = (b.lat - a.lat) * rad;
  return Math.hypot(x, y) * r;
}

test('a double tap zooms one level in around the finger; a single tap, a slow second tap and the zoom button do not', { timeout: 60000 }, async () => {
  const { page, app, close } = await openAt(OPEN_WATER);
  try {
    await withScreenshotOnFailure(page, 'map-double-tap', async () => {
      await app.waitIdle({ quietMs: 400 });
      const view = await mapView(page);
      assert.equal((await chargersShown(app)).length, 0, 'open water: nothing to tap on');
      const c0 = await camera(page);
      const p = { x: view.x + view.w * 0.3, y: view.y + view.h * 0.65 };

      // One tap, and two taps too far apart in time: the map stays where it is.
      let since = await pageNow(page);
      await taps(page, [[p.x, p.y]]);
      await page.waitForTimeout(400);
      await taps(page, [[p.x, p.y], [p.x, p.y]], { gapMs: 450 });
      await app.waitIdle({ quietMs: 400 });
      assert.deepEqual(await mapMoves(page, since), [], 'single taps do not move the map');
      assertSameCamera(await camera(page), c0);

      // A double tap: exactly one level in, and the ground under the finger is still under it.
      since = await pageNow(page);
      await taps(page, [[p.x, p.y], [p.x, p.y]], { gapMs: 120 });
      const c1 = await waitCamera(page, (c) => c.zoom > c0.zoom + 0.5);
      assert.ok(Math.abs(c1.zoom - (c0.zoom + 1)) < 1e-9, `zoom ${c0.zoom} → ${c1.zoom}`);
      near(screenOf(c1, view, groundAt(c0, view, p.x, p.y)), p, 1.5, 'the ground under the finger stays under it');
      assert.equal((await mapMoves(page, since)).length, 1, 'one move for one double tap');

      // The map's own "Zoom in" tapped twice quickly is two presses about the middle, not a double tap.
      const zoomIn = centreOf(await app.waitFor('button', 'Zoom in'));
      await taps(page, [[zoomIn.x, zoomIn.y], [zoomIn.x, zoomIn.y]], { gapMs: 120 });
      const c2 = await waitCamera(page, (c) => c.zoom > c1.zoom + 1.5);
      assert.ok(Math.abs(c2.zoom - (c1.zoom + 2)) < 1e-9, `zoom ${c1.zoom} → ${c2.zoom}`);
      near(worldPx(c2.lat, c2.lng, c1.zoom), worldPx(c1.lat, c1.lng, c1.zoom), 0.5, 'the middle stays');
      await assertIdle(app, page);
      assert.deepEqual(pageErrors(app), []);
    });
  } finally {
    await close();
  }
});

test('a double tap on a marker opens its sheet once and zooms in around the marker', { timeout: 60000 }, async () => {
  const { page, app, close } = await openAt({ ...MARGA, zoom: 17 });
  try {
    await withScreenshotOnFailure(page, 'map-double-tap-marker', async () => {
      const sheets = [];
      // GET /api/locations/{id}: a location's details (not the lists beside it under /locations/).
      const detail = /^\/api\/locations\/(?!(boundingbox|boundingbox-minimal|availability|search|nearby)$)[^/]+$/;
      page.on('request', (r) => { if (detail.test(new URL(r.url()).pathname)) sheets.push(`${r.method()} ${r.url()}`); });
      const marker = centreOf(await app.waitFor('button', MARKER, { timeout: 15000 }));
      await app.waitIdle({ quietMs: 300 });
      const view0 = await mapView(page);
      const c0 = await camera(page);
      const ground = groundAt(c0, view0, marker.x, marker.y);

      await taps(page, [[marker.x, marker.y], [marker.x, marker.y]], { gapMs: 120 });
      await app.waitFor('heading', 'Marga');
      const c1 = await waitCamera(page, (c) => c.zoom > c0.zoom + 0.5);
      assert.ok(Math.abs(c1.zoom - (c0.zoom + 1)) < 1e-9, `zoom ${c0.zoom} → ${c1.zoom}`);
      await app.waitIdle({ quietMs: 400 });
      // Where the sheet makes the map shorter (it may already stand at that height, upright), it
      // does so about the map's middle; the marker keeps its place relative to that middle, as
      // after a single tap, one level closer (whichever came first).
      const view1 = await mapView(page);
      assert.ok(view1.h <= view0.h, `the sheet never makes the map taller (${view0.h} → ${view1.h})`);
      const at = screenOf(c1, view1, ground);
      near({ x: at.x - view1.cx, y: at.y - view1.cy }, { x: marker.x - view0.cx, y: marker.y - view0.cy }, 1.5,
        'the marker, from the middle of the map');
      near(centreOf(await app.waitFor('button', MARKER)), at, 1.5, 'the marker is drawn there');
      assert.equal(sheets.length, 1, `the sheet is asked for once (${sheets.join(', ')})`);
      assert.equal(await app.find('heading', 'Marga', { nth: 2 }), null, 'one sheet');
      await app.waitFor('button', 'Charge here');
      await assertIdle(app, page);
      assert.deepEqual(pageErrors(app), []);
    });
  } finally {
    await close();
  }
});

test('a flick glides on further than the finger went, slowing down, then stops drawing; a drag that rests first does not glide', { timeout: 60000 }, async () => {
  const { page, app, close } = await openAt({ lat: 52.37, lng: 5.0, zoom: 12 });
  try {
    await withScreenshotOnFailure(page, 'map-glide', async () => {
      await app.waitIdle({ quietMs: 400 });
      const view = await mapView(page);
      const c0 = await camera(page);

      // 120 px to the left in 96 ms and lift at once (event times stamped, so a loaded machine
      // delivering them late does not change the speed the app sees).
      let since = await pageNow(page);
      await touchPaths(page, [[view.cx + 60, view.cy, view.cx - 60, view.cy]], { steps: 6, stepMs: 16, holdMs: 0, stamped: true });
      await app.waitIdle({ quietMs: 400, timeout: 15000 });
      const c1 = await camera(page);
      const p0 = worldPx(c0.lat, c0.lng, 12), p1 = worldPx(c1.lat, c1.lng, 12);
      assert.ok(p1.x - p0.x > 120 + 60, `the map went ${p1.x - p0.x} px for a 120 px flick`);
      assert.ok(Math.abs(p1.y - p0.y) < 1, 'a level flick stays level');
      const glide = (await mapMoves(page, since)).filter((m) => m.glide);
      assert.ok(glide.length >= 5, `${glide.length} frames of glide`);
      const last = glide[glide.length - 1];
      assert.ok(last.settled && glide.slice(0, -1).every((m) => !m.settled), 'only the last step of the glide settles');
      near(worldPx(last.lat, last.lng, 12), p1, 0.05, 'the kept camera is where the glide stopped');
      // Slowing down: px per ms of page time between glide frames, first steps against last.
      const speeds = glide.slice(1).map((m, i) => {
        const a = worldPx(glide[i].lat, glide[i].lng, 12), b = worldPx(m.lat, m.lng, 12);
        assert.ok(b.x - a.x >= 0, 'the glide never turns back');
        return (b.x - a.x) / Math.min(50, Math.max(1, m.t - glide[i].t));  // the glide takes a slow frame as 50 ms
      });
      const first = speeds.slice(0, 2).reduce((a, b) => a + b) / 2, end = speeds.slice(-2).reduce((a, b) => a + b) / 2;
      assert.ok(end < first / 4, `slows down: ${first.toFixed(3)} → ${end.toFixed(3)} px/ms`);
      await assertIdle(app, page);

      // A slow drag that rests before lifting: the map stops exactly where the finger left it.
      since = await pageNow(page);
      await touchPaths(page, [[view.cx - 50, view.cy + 40, view.cx + 50, view.cy - 40]], { steps: 10, stepMs: 16, holdMs: 200, stamped: true });
      await app.waitIdle({ quietMs: 400 });
      const c2 = await camera(page);
      const p2 = worldPx(c2.lat, c2.lng, 12);
      near({ x: p2.x - p1.x, y: p2.y - p1.y }, { x: -100, y: 80 }, 1, 'the centre moved against the finger, exactly');
      assert.deepEqual((await mapMoves(page, since)).filter((m) => m.glide), [], 'no glide after a rest');
      await assertIdle(app, page);
    });
  } finally {
    await close();
  }
});

test('desktop mouse: the wheel zooms around the cursor and is kept once it stops; a drag pans with the pointer; a click opens a marker', { timeout: 60000 }, async () => {
  const { page, app, close } = await openAt({ lat: 52.37, lng: 5.0, zoom: 12 }, DESKTOP);
  try {
    await withScreenshotOnFailure(page, 'map-desktop', async () => {
      await app.waitIdle({ quietMs: 400 });
      const view = await mapView(page);
      const c0 = await camera(page);

      // Two notches towards the screen at a point away from the middle.
      const p = { x: view.x + view.w * 0.25, y: view.y + view.h * 0.7 };
      await page.mouse.move(p.x, p.y);
      let since = await pageNow(page);
      await page.mouse.wheel(0, -100);
      await page.mouse.wheel(0, -100);
      const c1 = await waitCamera(page, (c) => c.zoom > c0.zoom + 0.9);  // kept once the wheel stops
      assert.ok(Math.abs(c1.zoom - (c0.zoom + 1)) < 1e-9, `two notches: zoom ${c0.zoom} → ${c1.zoom}`);
      near(screenOf(c1, view, groundAt(c0, view, p.x, p.y)), p, 1, 'the ground under the cursor stays under it');
      const wheelMoves = await mapMoves(page, since);
      // Each notch moves the map at once; it settles (and is kept) once the wheel has been still
      // for a moment, which on a busy machine may also happen between the two notches.
      assert.equal(wheelMoves.filter((m) => !m.settled).length, 2, JSON.stringify(wheelMoves));
      assert.ok(wheelMoves.at(-1).settled && wheelMoves.at(-1).zoom === c1.zoom, 'the last settles where the wheel stopped');
      await assertIdle(app, page);

      // A drag: the ground under the pointer follows it exactly, with no glide after letting go.
      since = await pageNow(page);
      const a = { x: view.x + view.w * 0.6, y: view.y + view.h * 0.4 }, b = { x: a.x - 150, y: a.y + 90 };
      await page.mouse.move(a.x, a.y);
      await page.mouse.down();
      await page.mouse.move(b.x, b.y, { steps: 12 });
      await page.mouse.up();
      const c2 = await waitCamera(page, (c) => c.lng !== c1.lng);
      near(screenOf(c2, view, groundAt(c1, view, a.x, a.y)), b, 1, 'the ground under the pointer moved with it');
      assert.deepEqual((await mapMoves(page, since)).filter((m) => m.glide), [], 'a mouse drag does not glide');
      await assertIdle(app, page);

      // A click on a marker still opens its sheet.
      await reopenAt(page, app, { ...MARGA, zoom: 17 }, server.url + '/');
      await app.click('button', MARKER, { timeout: 15000 });
      await app.waitFor('heading', 'Marga');
      await app.waitFor('button', 'Charge here');
      assert.deepEqual(pageErrors(app), []);
    });
  } finally {
    await close();
  }
});

test('Show my position with access allowed centres the map on the driver, draws the position and measures from it', { timeout: 60000 }, async () => {
  const marga = await (await fetch(`${server.url}/api/locations/boundingbox?` + new URLSearchParams({
    bottomLeftLat: MARGA.lat - 0.001, bottomLeftLng: MARGA.lng - 0.001, topRightLat: MARGA.lat + 0.001, topRightLng: MARGA.lng + 0.001,
  }))).json().then((b) => b.data.find((l) => l.name === 'Marga'));
  assert.ok(marga, 'the simulator has Marga');
  const driver = { lat: marga.lat - 0.0011, lng: marga.lng + 0.0004 };  // about 125 m south of it
  const { page, app, close } = await openAt({ lat: 52.37, lng: 4.9, zoom: 11 },
    { permissions: ['geolocation'], geolocation: { latitude: driver.lat, longitude: driver.lng } });
  try {
    await withScreenshotOnFailure(page, 'map-locate', async () => {
      assert.equal(await app.find('text', 'Your position'), null, 'no position before asking');
      await app.tap('button', 'Show my position');
      const c = await waitCamera(page, (x) => Math.abs(x.lat - driver.lat) < 1e-9 && Math.abs(x.lng - driver.lng) < 1e-9);
      assert.equal(c.zoom, 14, 'zoomed in to the streets around the driver');
      const view = await mapView(page);
      near(centreOf(await app.waitFor('text', 'Your position')), { x: view.cx, y: view.cy }, 1, 'the position is drawn in the middle');
      await app.waitForGone('status', LOCATING);

      // Closer, then pan away from the driver: the sheet still measures from the driver.
      for (let i = 0; i < 3; i++) await app.tap('button', 'Zoom in');
      await waitCamera(page, (x) => x.zoom === 17);
      await app.waitIdle({ quietMs: 300 });
      await touchPaths(page, [[view.cx, view.cy - 60, view.cx, view.cy + 40]]);
      const moved = await waitCamera(page, (x) => x.lat > driver.lat + 1e-6);
      const view2 = await mapView(page);
      near(centreOf(await app.waitFor('text', 'Your position')), { x: view2.cx, y: view2.cy + 100 }, 1.5, 'the position moves with the map');
      await app.tap('button', MARKER, { timeout: 15000 });
      const line = await app.waitFor('text', /^\d+ m away · \d of \d free$/);
      const shown = Number(line.name.match(/^(\d+) m/)[1]);
      const fromDriver = metres(driver, marga), fromMiddle = metres({ lat: moved.lat, lng: moved.lng }, marga);
      assert.ok(Math.abs(shown - fromDriver) < 6, `${shown} m shown, ${fromDriver.toFixed(0)} m from the driver`);
      assert.ok(Math.abs(shown - fromMiddle) > 30, `not from the middle of the map (${fromMiddle.toFixed(0)} m)`);
      assert.deepEqual(pageErrors(app), []);
    });
  } finally {
    await close();
  }
});

test('Show my position refused or not found says so plainly, and the note goes once the driver moves the map', { timeout: 60000 }, async () => {
  // No permission granted: headless Chromium refuses (PERMISSION_DENIED), as a driver's "Block" does.
  {
    const { page, app, close } = await openAt({ lat: 52.37, lng: 5.0, zoom: 12 });
    try {
      await withScreenshotOnFailure(page, 'map-locate-denied', async () => {
        const c0 = await camera(page);
        await app.tap('button', 'Show my position');
        await app.waitFor('status', DENIED);
        assert.equal(await app.find('text', 'Your position'), null);
        assertSameCamera(await camera(page), c0, 'the map stays where it was');
        // The rest of the map still works, and moving it puts the note away.
        await app.waitFor('option', / free$/, { timeout: 15000 });
        await app.tap('button', 'Zoom in');
        await waitCamera(page, (c) => c.zoom === 13);
        await app.waitForGone('status', DENIED);
        assert.deepEqual(pageErrors(app), []);
      });
    } finally {
      await close();
    }
  }

  // Allowed, but no position to be had (CDP's override without coordinates: POSITION_UNAVAILABLE).
  {
    const { page, app, context, close } = await openAt({ lat: 52.37, lng: 5.0, zoom: 12 }, { permissions: ['geolocation'] });
    try {
      await withScreenshotOnFailure(page, 'map-locate-unavailable', async () => {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setGeolocationOverride', {});
        await app.tap('button', 'Show my position');
        await app.waitFor('status', UNAVAILABLE);
        await app.waitIdle({ quietMs: 300 });
        await page.waitForTimeout(500);
        await app.waitFor('status', UNAVAILABLE);  // it stays while the driver reads it
        const view = await mapView(page);
        await touchPaths(page, [[view.cx + 40, view.cy, view.cx - 40, view.cy]]);
        await app.waitForGone('status', UNAVAILABLE);
        assert.deepEqual(pageErrors(app), []);
      });
    } finally {
      await close();
    }
  }

  // The browser's own time limit. Chromium cannot be made to time out on demand without waiting
  // for the whole limit, so (last resort) the page's geolocation is replaced before the app loads:
  // it records what the app asks for and answers only when the test says so, with TIMEOUT (3).
  {
    const opened = await openApp(server.url + '/', { browser, waitFirstFrame: false });
    const { page, app, close } = opened;
    try {
      await withScreenshotOnFailure(page, 'map-locate-timeout', async () => {
        await page.addInitScript(() => {
          window.__geoCalls = [];
          Object.defineProperty(navigator, 'geolocation', {
            value: { getCurrentPosition: (ok, fail, options) => window.__geoCalls.push({ fail, options }) },
          });
        });
        await page.reload();
        await app.waitReady();
        await app.tap('button', 'Show my position');
        await app.waitFor('status', LOCATING);
        const options = await page.evaluate(() => window.__geoCalls.map((c) => c.options));
        assert.equal(options.length, 1);
        assert.ok(options[0].timeout > 0 && options[0].timeout <= 15000, `asks with a time limit (${options[0].timeout} ms)`);
        assert.ok(options[0].maximumAge > 0, 'a recent position will do');
        await page.evaluate(() => window.__geoCalls[0].fail({ code: 3, TIMEOUT: 3, message: 'Timeout expired' }));
        await app.waitFor('status', UNAVAILABLE);
        await app.waitForGone('status', LOCATING);
        assert.deepEqual(pageErrors(app), []);
      });
    } finally {
      await close();
    }
  }
});
