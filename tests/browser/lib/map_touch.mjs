// Map helpers for browser tests: raw multi-touch through CDP (pan, fling, pinch, taps), the map's box
// on screen, the persisted camera, the cameras the gestures asked for, and Web Mercator to compare
// positions.
import { openApp } from './app_driver.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Moves fingers along straight lines: `paths` is [[x0, y0, x1, y1], ...] (one per finger), CSS px.
// `holdMs` keeps the fingers still before lifting (no fling).
// `stamped`: every event carries the time it would have had with exactly `stepMs` between moves
// (CDP's `timestamp` becomes the DOM event's timeStamp), so speeds the app measures do not depend
// on how fast a loaded machine delivers the events.
export async function touchPaths(page, paths, { steps = 10, stepMs = 16, holdMs = 150, stamped = false } = {}) {
  const cdp = await page.context().newCDPSession(page);
  const at = (t) => paths.map(([x0, y0, x1, y1], id) => ({ x: x0 + (x1 - x0) * t, y: y0 + (y1 - y0) * t, id }));
  const t0 = Date.now() / 1000;
  const when = (ms) => (stamped ? { timestamp: t0 + ms / 1000 } : {});
  try {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0), ...when(0) });
    for (let i = 1; i <= steps; i++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(i / steps), ...when(i * stepMs) });
      await sleep(stepMs);
    }
    if (holdMs > 0) await sleep(holdMs);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [], ...when(steps * stepMs + holdMs) });
  } finally {
    await cdp.detach();
  }
}

// A driver's first touches on the map in `box` (mapView): a pan, then a pinch outwards.
export async function panAndPinch(page, box) {
  await touchPaths(page, [[box.cx, box.cy, box.cx - 60, box.cy + 40]]);
  await touchPaths(page, [[box.cx - 30, box.cy, box.cx - 80, box.cy], [box.cx + 30, box.cy, box.cx + 80, box.cy]]);
}

// Taps with one finger at each of `points` ([[x, y], ...], CSS px): each touch lasts `pressMs`,
// `gapMs` from one lift to the next touch, on the same stamped clock as touchPaths.
export async function taps(page, points, { pressMs = 40, gapMs = 120 } = {}) {
  const cdp = await page.context().newCDPSession(page);
  const t0 = Date.now() / 1000;
  let ms = 0;
  try {
    for (const [x, y] of points) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }], timestamp: t0 + ms / 1000 });
      ms += pressMs;
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [], timestamp: t0 + ms / 1000 });
      ms += gapMs;
    }
  } finally {
    await cdp.detach();
  }
}

// The map's box (CSS px): between the title bar and the Filters button, full width.
// The map's box (CSS px) once the map screen is up: the box the app last drew it in.
export async function mapBox(app) {
  await app.waitFor('heading', 'Chargers nearby');
  return mapView(app.page);
}

// The map's exact box (CSS px) as the app last drew it (window.__mapView), with its centre.
export async function mapView(page) {
  const v = await (await page.waitForFunction(() => window.__mapView && window.__mapView.w > 0 && window.__mapView)).jsonValue();
  return { ...v, cx: v.x + v.w / 2, cy: v.y + v.h / 2 };
}

export async function camera(page) {
  return page.evaluate(() => JSON.parse(localStorage.getItem('mapCamera') || 'null'));
}

export async function waitCamera(page, predicate, { timeout = 5000 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const c = await camera(page);
    if (c && predicate(c)) return c;
    if (Date.now() > end) throw new Error(`camera never matched; last ${JSON.stringify(c)}`);
    await sleep(50);
  }
}

// Web Mercator world px (CSS) at a zoom.
export function worldPx(lat, lng, zoom) {
  const size = 256 * 2 ** zoom;
  const s = Math.sin((lat * Math.PI) / 180);
  return { x: (lng / 360 + 0.5) * size, y: (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * size };
}

// The ground (Mercator world, 0..1) under a screen point (CSS px) of the map `box`, for a camera;
// and back. Compare positions at different zooms without rounding to tiles.
export function groundAt(cam, box, x, y) {
  const size = 256 * 2 ** cam.zoom, c = worldPx(cam.lat, cam.lng, cam.zoom);
  return { x: (c.x + (x - box.cx)) / size, y: (c.y + (y - (box.y + box.h / 2))) / size };
}

export function screenOf(cam, box, ground) {
  const size = 256 * 2 ** cam.zoom, c = worldPx(cam.lat, cam.lng, cam.zoom);
  return { x: box.cx + ground.x * size - c.x, y: box.y + box.h / 2 + ground.y * size - c.y };
}

// Cameras the gestures asked for since `since` (page ms): {t, lat, lng, zoom, settled, glide}
// (glide: a step of the inertia after the finger lifted).
export async function mapMoves(page, since = 0) {
  return (await page.evaluate(() => window.__mapMoves || []))
    .filter((m) => m[0] > since)
    .map(([t, lat, lng, zoom, settled, glide]) => ({ t, lat, lng, zoom, settled: !!settled, glide: !!glide }));
}

export async function pageNow(page) {
  return page.evaluate(() => performance.now());
}

// (Re)opens the app at `appUrl` with the map's camera stored as an earlier visit would have left
// it. The camera is written from an empty page of the same origin, where no app runs that could
// store its own first camera over it.
export async function reopenAt(page, app, cam, appUrl) {
  const blank = new URL('/__test-storage', appUrl).href;
  await page.route(blank, (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><link rel="icon" href="data:,">' }));
  await page.goto(blank);
  await page.evaluate((c) => localStorage.setItem('mapCamera', JSON.stringify(c)), cam);
  await page.goto(appUrl);
  await app.waitReady();
}

// A new phone (or `context`) page with the app open at `cam`.
export async function openMapAt(appUrl, cam, { browser, context = {} } = {}) {
  const opened = await openApp('about:blank', { browser, context, waitFirstFrame: false });
  await reopenAt(opened.page, opened.app, cam, appUrl);
  return opened;
}
