// Map helpers for browser tests: raw multi-touch through CDP (pan, fling, pinch), the map's box
// on screen, the persisted camera, and Web Mercator to compare positions.
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Moves fingers along straight lines: `paths` is [[x0, y0, x1, y1], ...] (one per finger), CSS px.
// `holdMs` keeps the fingers still before lifting (no fling).
export async function touchPaths(page, paths, { steps = 10, stepMs = 16, holdMs = 150 } = {}) {
  const cdp = await page.context().newCDPSession(page);
  const at = (t) => paths.map(([x0, y0, x1, y1], id) => ({ x: x0 + (x1 - x0) * t, y: y0 + (y1 - y0) * t, id }));
  try {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
    for (let i = 1; i <= steps; i++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(i / steps) });
      await sleep(stepMs);
    }
    if (holdMs > 0) await sleep(holdMs);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  } finally {
    await cdp.detach();
  }
}

// The map's box (CSS px): between the title bar and the Filters button, full width.
export async function mapBox(app) {
  const title = await app.waitFor('heading', 'Chargers nearby');
  const scan = await app.find('button', 'Scan QR code');  // shares the title bar, and is taller than the title
  const filters = await app.waitFor('button', /^Filters/);
  const width = app.page.viewportSize().width;
  const barBottom = Math.max(title.y + title.h, scan ? scan.y + scan.h : 0);
  const top = barBottom + 12, bottom = filters.y - 12;
  return { x: 0, y: top, w: width, h: bottom - top, cx: width / 2, cy: (top + bottom) / 2 };
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
