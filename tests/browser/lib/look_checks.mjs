// The look of the screen on show, measured rather than guessed: touch targets (48 CSS px, inside
// the viewport, not on top of one another) from the accessibility mirror, and text contrast
// (WCAG 2.2 AA) from the canvas's own pixels in a screenshot.
//
//   const result = await checkLook(page);        // { failures, nodes, png, image, scale, viewport }
//   if (result.failures.length) await saveFailureShot(result, 'price-360x640-light');
//
// A failure is { check, role, name, box, detail } (box in CSS px); contrast failures also carry
// ratio, required, fg and bg. checkImage() does the same on a decoded image and a node list, so
// the measuring itself is tested on synthetic pictures (tests/browser/look_checks.test.mjs).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { artifactsDir } from './app_driver.mjs';
import { decodePng, encodePng } from './png.mjs';

export const MIN_TARGET_CSS = 48;
export const TOLERANCE_CSS = 1;  // boxes arrive rounded to device px, and divided back by the dpr
export const INTERACTIVE_ROLES = new Set(['button', 'textbox', 'option', 'checkbox', 'switch']);
// Every role whose name is drawn as words (or as an icon standing for them).
export const READABLE_ROLES = new Set(['button', 'heading', 'text', 'status', 'textbox', 'option', 'checkbox', 'switch']);
export const TEXT_RATIO = 4.5;
export const LARGE_RATIO = 3;       // large text, icons and component edges
export const LARGE_TEXT_CSS = 24;   // 18 pt

// ---- colour ----

function linear(c) {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

export function luminance([r, g, b]) {
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

export function contrastRatio(a, b) {
  const la = luminance(a), lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

export const hex = (rgb) => '#' + rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');

const distance = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

// ---- geometry ----

const right = (b) => b.x + b.w;
const bottom = (b) => b.y + b.h;
const boxOf = (n) => ({ x: n.x, y: n.y, w: n.w, h: n.h });
const round1 = (v) => Math.round(v * 10) / 10;
const boxText = (b) => `${round1(b.w)}×${round1(b.h)} at ${round1(b.x)},${round1(b.y)}`;

export function overlap(a, b) {
  const w = Math.min(right(a), right(b)) - Math.max(a.x, b.x);
  const h = Math.min(bottom(a), bottom(b)) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? { w, h } : null;
}

// A row of a scrolled list is cut by the list's edge, its box being the part on screen: the first
// and the last row of a column of rows (same role, same x and width) of which others are whole, or
// the lowest thing on screen ending at the window's bottom edge (its padding above the viewport's
// edge). Only the scrolling made it small; scrolled on, it is whole.
const WINDOW_PADDING_CSS = 16;
function cutByScrolling(n, targets, min, nodes = targets, viewport = null) {
  if (n.clipped) return true;  // the mirror says so: partly scrolled out of its window
  if (n.w < min) return false;
  const column = targets.filter((t) => t.role === n.role && Math.abs(t.x - n.x) <= 1 && Math.abs(t.w - n.w) <= 1);
  if (column.some((t) => t !== n && t.h >= min)) {
    const top = Math.min(...column.map((t) => t.y)), end = Math.max(...column.map(bottom));
    if (n.y <= top + 1 || bottom(n) >= end - 1) return true;
  }
  if (!viewport) return false;
  const lowest = Math.max(...nodes.filter((t) => !t.offscreen && t.h > 0).map(bottom));
  return bottom(n) >= lowest - 1 && bottom(n) >= viewport.height - WINDOW_PADDING_CSS;
}

const failure = (check, n, detail, extra = {}) => ({ check, role: n.role, name: n.name, box: boxOf(n), detail, ...extra });

// Touch targets: the mirror's interactive nodes on screen. Disabled ones count too: they are the
// same control a moment later.
export function targetFailures(nodes, viewport, { min = MIN_TARGET_CSS, tolerance = TOLERANCE_CSS } = {}) {
  const out = [];
  const targets = nodes.filter((n) => INTERACTIVE_ROLES.has(n.role) && !n.offscreen && n.w > 0 && n.h > 0);
  for (const n of targets) {
    if ((n.w < min - tolerance || n.h < min - tolerance) && !cutByScrolling(n, targets, min - tolerance, nodes, viewport)) {
      out.push(failure('target-size', n, `${round1(n.w)}×${round1(n.h)} CSS px, needs ${min}×${min}`));
    }
    const outside = [];
    if (n.x < -tolerance) outside.push(`${round1(-n.x)} px left`);
    if (n.y < -tolerance) outside.push(`${round1(-n.y)} px above`);
    if (right(n) > viewport.width + tolerance) outside.push(`${round1(right(n) - viewport.width)} px right`);
    if (bottom(n) > viewport.height + tolerance) outside.push(`${round1(bottom(n) - viewport.height)} px below`);
    if (outside.length) {
      out.push(failure('in-viewport', n, `${boxText(n)} sticks out of the ${viewport.width}×${viewport.height} viewport: ${outside.join(', ')}`));
    }
  }
  for (let i = 0; i < targets.length; i++) {
    for (let j = i + 1; j < targets.length; j++) {
      const o = overlap(targets[i], targets[j]);
      if (o && o.w > tolerance && o.h > tolerance) {
        const b = targets[j];
        out.push(failure('overlap', targets[i], `overlaps ${b.role} "${b.name}" (${boxText(b)}) by ${round1(o.w)}×${round1(o.h)} CSS px`,
          { other: { role: b.role, name: b.name, box: boxOf(b) } }));
      }
    }
  }
  return out;
}

// Words over words: two nodes of text (headings, lines, statuses) on screen whose boxes overlap,
// as two large figures do when a row is too narrow for both. Words inside a control are the
// control's own name, not nodes of their own, so only these roles are compared.
const WORD_ROLES = new Set(['text', 'heading', 'status']);
export function textOverlapFailures(nodes, { tolerance = TOLERANCE_CSS } = {}) {
  const out = [];
  const words = nodes.filter((n) => WORD_ROLES.has(n.role) && !n.offscreen && n.w > 0 && n.h > 0);
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j < words.length; j++) {
      const a = words[i], b = words[j];
      // One drawn thing told in parts (a stepper's steps share the label's box) is not an overlap.
      if (Math.abs(a.x - b.x) <= tolerance && Math.abs(a.y - b.y) <= tolerance
        && Math.abs(a.w - b.w) <= tolerance && Math.abs(a.h - b.h) <= tolerance) continue;
      const o = overlap(a, b);
      if (o && o.w > tolerance && o.h > tolerance) {
        out.push(failure('text-overlap', words[i], `overlaps ${b.role} "${b.name}" (${boxText(b)}) by ${round1(o.w)}×${round1(o.h)} CSS px`,
          { other: { role: b.role, name: b.name, box: boxOf(b) } }));
      }
    }
  }
  return out;
}

// ---- contrast ----

// The two colours that make up a box: the most frequent one is the background; the text (or icon)
// is the most frequent of those clearly apart from it. Glyph edges are blends of the two, and at
// 1 device px per CSS px a thin stem has few pixels of its own colour, so "clearly apart" means
// near the far end of what the box holds: at least 80 % of the distance from the background to the
// farthest colour that is more than a few stray pixels (a neighbour's rounded corner, one dot of
// noise). A faint separator line or a lighter corner is then never taken for the words. Colours
// are counted in buckets of 16 levels a channel; a bucket's colour is its most frequent exact one,
// which for drawn text is the glyphs' solid colour. -> { bg, fg|null, bgShare, fgShare, pixels }
export function dominantColours(image, box, scale = 1) {
  const x0 = Math.max(0, Math.floor(box.x * scale)), y0 = Math.max(0, Math.floor(box.y * scale));
  const x1 = Math.min(image.width, Math.ceil((box.x + box.w) * scale));
  const y1 = Math.min(image.height, Math.ceil((box.y + box.h) * scale));
  const exact = new Map();
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const [r, g, b] = image.pixel(x, y);
      const key = (r << 16) | (g << 8) | b;
      exact.set(key, (exact.get(key) || 0) + 1);
    }
  }
  const pixels = Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
  if (!pixels) return { bg: null, fg: null, bgShare: 0, fgShare: 0, pixels };
  const buckets = new Map();
  for (const [key, n] of exact) {
    const coarse = ((key >> 20) << 8) | (((key >> 12) & 0xf) << 4) | ((key >> 4) & 0xf);
    let e = buckets.get(coarse);
    if (!e) buckets.set(coarse, (e = { n: 0, top: 0, topN: 0 }));
    e.n += n;
    if (n > e.topN) { e.top = key; e.topN = n; }
  }
  const list = [...buckets.values()].map((e) => ({ n: e.n, rgb: [e.top >> 16, (e.top >> 8) & 0xff, e.top & 0xff] }))
    .sort((a, b) => b.n - a.n);
  const bg = list[0];
  const ink = list.slice(1).filter((e) => distance(e.rgb, bg.rgb) >= 24);
  const inkPixels = ink.reduce((sum, e) => sum + e.n, 0);
  const counted = ink.filter((e) => e.n >= Math.max(3, inkPixels * 0.01));
  const far = Math.max(0, ...counted.map((e) => distance(e.rgb, bg.rgb)));
  const apart = Math.max(24, far * 0.8);
  const fg = counted.find((e) => distance(e.rgb, bg.rgb) >= apart) || null;
  return { bg: bg.rgb, fg: fg ? fg.rgb : null, bgShare: bg.n / pixels, fgShare: fg ? fg.n / pixels : 0, pixels };
}

// A name longer than its box can hold as one line of text is not drawn as text: the control
// shows an icon (a map marker, "+", a star) and the name is for screen readers. Buttons draw
// their label on one line with some padding; text wraps, so its box holds several lines.
export function iconOnly(n) {
  const px = n.textPx || 16;
  const width = n.name.length * px * 0.45;  // a narrow guess of the average glyph: a long name is certain
  if (n.role === 'button' || n.role === 'checkbox' || n.role === 'switch') return width > n.w - 8;
  if (n.role === 'text' || n.role === 'status' || n.role === 'heading') {
    const lines = Math.max(1, Math.round(n.h / (px * 1.15)));
    return width > 3 * lines * n.w;  // words wrap, and may be in a smaller font than textPx says
  }
  return false;
}

export function contrastFailures(image, nodes, { scale = 1, viewport = null } = {}) {
  const out = [];
  const targets = nodes.filter((n) => INTERACTIVE_ROLES.has(n.role) && !n.offscreen && n.w > 0 && n.h > 0);
  for (const n of nodes) {
    if (!READABLE_ROLES.has(n.role) || !n.name || n.offscreen) continue;
    // The sliver of a row cut by its list's edge may hold none of its words; the whole row is
    // measured once it is scrolled into view.
    if (targets.includes(n) && n.h < MIN_TARGET_CSS - TOLERANCE_CSS
      && cutByScrolling(n, targets, MIN_TARGET_CSS - TOLERANCE_CSS, nodes, viewport)) continue;
    // WCAG 1.4.3 asks nothing of an inactive control; its look says "not now" on purpose.
    if (n.disabled) continue;
    let box = viewport ? clip(boxOf(n), viewport) : boxOf(n);
    // An empty field's rounded corners show the page behind it, which on a dark page differs enough
    // from the fill to pass for ink; its words (a hint) sit well inside, so measure inside.
    if (n.role === 'textbox' && !n.value) {
      const inset = Math.min(12, box.h / 4);
      box = { x: box.x + inset, y: box.y + inset, w: box.w - 2 * inset, h: box.h - 2 * inset };
    }
    if (box.w * scale < 2 || box.h * scale < 2) continue;
    // A line partly scrolled out of its window shows a sliver of its letters: measured once in view.
    if (n.clipped && box.h < (n.textPx || 16) * 0.75) continue;
    const icon = iconOnly(n);
    const large = (n.textPx || 0) >= LARGE_TEXT_CSS;
    const required = icon || large ? LARGE_RATIO : TEXT_RATIO;
    const { bg, fg, bgShare } = dominantColours(image, box, scale);
    const why = icon ? 'icon' : large ? `large text (${n.textPx} px)` : `text (${n.textPx || '?'} px)`;
    if (!fg) {
      // An empty field has no words to measure (its hint, when it has one, is measured).
      if (n.role === 'textbox' && !n.value) continue;
      out.push(failure('contrast', n, `nothing drawn apart from the background ${hex(bg)}: 1.00:1, ${why} needs ${required}:1`,
        { ratio: 1, required, fg: null, bg: hex(bg) }));
      continue;
    }
    const ratio = contrastRatio(fg, bg);
    if (ratio < required) {
      // No box is skipped for a busy background (the map, the camera): what a driver sees there is
      // what is measured. A low share of background says the measure is of a busy picture.
      const busy = bgShare < 0.4 ? `; background only ${Math.round(bgShare * 100)}% of the box` : '';
      out.push(failure('contrast', n, `${ratio.toFixed(2)}:1 (${hex(fg)} on ${hex(bg)}), ${why} needs ${required}:1${busy}`,
        { ratio: Math.round(ratio * 100) / 100, required, fg: hex(fg), bg: hex(bg) }));
    }
  }
  return out;
}

function clip(b, viewport) {
  const x = Math.max(0, b.x), y = Math.max(0, b.y);
  return { x, y, w: Math.max(0, Math.min(right(b), viewport.width) - x), h: Math.max(0, Math.min(bottom(b), viewport.height) - y) };
}

// Both checks on a decoded screenshot (`image`: { width, height, pixel(x, y) }) of a viewport.
export function checkImage({ image, nodes, viewport }) {
  const scale = image.width / viewport.width;
  return [...targetFailures(nodes, viewport), ...textOverlapFailures(nodes),
    ...contrastFailures(image, nodes, { scale, viewport })];
}

// ---- in the browser ----

// The current screen of the app in `page`. Waits for the app to stop drawing first, so the
// mirror and the pixels are of the same frame.
export async function checkLook(page, { quietMs = 300, timeout = 10000 } = {}) {
  await waitQuiet(page, quietMs, timeout);
  const viewport = page.viewportSize();
  const { png, image } = await capture(page);
  const nodes = await page.evaluate(() => (window.evMirror ? window.evMirror.nodes() : []));
  return { failures: checkImage({ image, nodes, viewport }), nodes, png, image, viewport, scale: image.width / viewport.width };
}

// A screenshot of the page as a person sees it -> { png, image }. While the scanner's camera
// <video> lies over the canvas, headless Chromium (software GL) captures the canvas beside and
// below it as transparent black: the picture is then put together from two captures, the video's
// box from one with it and the rest from one without it (hidden for that instant, then shown).
export async function capture(page) {
  const png = await page.screenshot({ type: 'png' });
  const box = await page.evaluate(() => {
    const el = document.getElementById('camera-box');
    if (!el || el.hidden) return null;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 ? { x: r.x, y: r.y, w: r.width, h: r.height } : null;
  });
  if (!box) return { png, image: decodePng(png) };
  await page.evaluate(() => { document.getElementById('camera-box').style.visibility = 'hidden'; });
  let without;
  try {
    without = decodePng(await page.screenshot({ type: 'png' }));
  } finally {
    await page.evaluate(() => { document.getElementById('camera-box').style.visibility = ''; });
  }
  const withVideo = decodePng(png);
  const s = withVideo.width / page.viewportSize().width;
  const x0 = box.x * s, y0 = box.y * s, x1 = (box.x + box.w) * s, y1 = (box.y + box.h) * s;
  const merged = encodePng(withVideo.width, withVideo.height,
    (x, y) => (x >= x0 && x < x1 && y >= y0 && y < y1 ? withVideo : without).pixel(x, y));
  return { png: merged, image: decodePng(merged) };
}

async function waitQuiet(page, quietMs, timeout) {
  const end = Date.now() + timeout;
  const frames = () => page.evaluate(() => window.__frames || 0);
  let last = await frames(), since = Date.now();
  while (Date.now() - since < quietMs) {
    if (Date.now() > end) return;  // an animation (a clock ticking): take the frame as it is
    await new Promise((r) => setTimeout(r, 50));
    const now = await frames();
    if (now !== last) { last = now; since = Date.now(); }
  }
}

// The screenshot with a red frame around every failure's box (and the box it overlaps).
export function markFailures(image, failures, scale, { thickness = Math.max(2, Math.round(2 * scale)) } = {}) {
  const rects = [];
  for (const f of failures) {
    rects.push(f.box);
    if (f.other) rects.push(f.other.box);
  }
  const dev = rects.map((b) => [Math.floor(b.x * scale), Math.floor(b.y * scale), Math.ceil(right(b) * scale) - 1, Math.ceil(bottom(b) * scale) - 1]);
  // Rows to the rectangles crossing them, so a big screenshot is not rect × pixel work.
  const byRow = new Map();
  dev.forEach((r, i) => {
    for (let y = Math.max(0, r[1] - thickness); y <= Math.min(image.height - 1, r[3] + thickness); y++) {
      if (!byRow.has(y)) byRow.set(y, []);
      byRow.get(y).push(i);
    }
  });
  const RED = [230, 0, 0];
  return encodePng(image.width, image.height, (x, y) => {
    for (const i of byRow.get(y) || []) {
      const [x0, y0, x1, y1] = dev[i];
      // A frame from `thickness` outside the box to one pixel inside it.
      if (x < x0 - thickness || x > x1 + thickness) continue;
      if (x > x0 && x < x1 && y > y0 && y < y1) continue;
      return RED;
    }
    return image.pixel(x, y);
  });
}

// Saves the marked screenshot to tests/browser/artifacts/look-<name>.png (or `dir`); returns its path.
export function saveFailureShot(result, name, { dir = artifactsDir } = {}) {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `look-${name.replace(/[^\w.-]+/g, '_')}.png`);
  writeFileSync(file, markFailures(result.image, result.failures, result.scale));
  return file;
}

// One line a failure, for logs and assertion messages.
export function describe(f) {
  return `${f.check}: ${f.role} "${f.name}" ${boxText(f.box)} — ${f.detail}`;
}
