// Drives the app in Chromium the way a person does: find a widget in the accessibility mirror by
// role and name, then touch the canvas at the centre of its box. Saves a screenshot on failure.
//
//   const { browser, page, app } = await openApp(url);           // phone profile, first frame drawn
//   await app.tap('button', 'Start charging');
//   await app.waitFor('status', /Charging/);
//   await app.type('NL-GFX-123456');
//   await browser.close();
//
// Roles: button, heading, text, status, textbox, option. Names are exact strings or RegExps.
//
// What the page offers (see web/a11y_mirror.js and src/platform/):
//   window.evMirror.nodes()          last frame's widgets: {role, key, name, x, y, w, h (CSS px),
//                                    disabled, selected, focused, offscreen, numeric, value,
//                                    textPx (the font size when the widget was added, CSS px)}
//   window.evMirror.find(role, name, nth)   one of them, or null
//   window.evMirror.announcements()  texts sent to the aria-live region
//   window.__frames                  frames drawn so far (no frames while idle)
//   window.evHttp.pending()          fetches in flight
//   performance.getEntriesByName('first-frame')   set once the first frame is on screen
//   DOM: #a11y [data-key="role:name"] (duplicates "role:name#2"...), #text-input, #a11y-live
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { chromiumArgs, phoneContext } from './browser_setup.mjs';

export const artifactsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../artifacts');

export async function launchBrowser({ args = [], headless = true } = {}) {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless, args: chromiumArgs(args) });
}

// Opens `url` in a new phone context and waits for the first frame. `context` overrides the
// phone profile (e.g. { hasTouch: false, isMobile: false } for a desktop run). `textPercent`
// (125, 150) is the driver's text size, as Display settings store it, from the first load on.
// `setup(ctx)` runs on the new context before the page opens (routes, init scripts).
export async function openApp(url, { browser, context = {}, waitFirstFrame = true, timeout = 20000, textPercent = 100, setup = null } = {}) {
  const ownBrowser = !browser;
  browser = browser || (await launchBrowser());
  const ctx = await browser.newContext(phoneContext(context));
  if (textPercent !== 100) {
    await ctx.addInitScript((percent) => {
      if (!localStorage.getItem('preferences')) localStorage.setItem('preferences', JSON.stringify({ theme: 'system', textPercent: percent }));
    }, textPercent);
  }
  if (setup) await setup(ctx);
  const page = await ctx.newPage();
  const app = new AppDriver(page);
  page.on('pageerror', (e) => app.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') app.errors.push(m.text()); });
  await page.goto(url);
  if (waitFirstFrame) await app.waitReady({ timeout });
  return { browser, context: ctx, page, app, close: () => (ownBrowser ? browser.close() : ctx.close()) };
}

// Makes the page look hidden (another app, a locked phone) or shown again, as far as the app can
// tell: document.hidden, visibilityState and the visibilitychange event.
export async function setPageHidden(page, hidden) {
  await page.evaluate((h) => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

// Resolves once the app's service worker is active and controls the page (it has precached the
// whole shell). Only in contexts that allow service workers (browser_setup blocks them by default).
export async function workerReady(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

// Runs `fn`; when it throws, saves a full-page screenshot to tests/browser/artifacts/<name>.png.
export async function withScreenshotOnFailure(page, name, fn) {
  try {
    return await fn();
  } catch (err) {
    try {
      mkdirSync(artifactsDir, { recursive: true });
      const file = path.join(artifactsDir, `${name.replace(/[^\w.-]+/g, '_')}-${Date.now()}.png`);
      await page.screenshot({ path: file });
      err.message += `\n(screenshot: ${file})`;
    } catch { /* the page may be gone */ }
    throw err;
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const nameArg = (name) => (name instanceof RegExp ? { source: name.source, flags: name.flags } : name);

export class AppDriver {
  constructor(page) {
    this.page = page;
    this.errors = [];  // page errors and console errors seen so far
    // API requests the page has in flight: an answer that comes in draws a frame, so "idle" waits for
    // them. (Images and files are left out: an aborted tile fetch may never report its end.)
    this.pending = new Set();
    page.on('request', (r) => { if (new URL(r.url()).pathname.startsWith('/api/')) this.pending.add(r); });
    page.on('requestfinished', (r) => { this.pending.delete(r); });
    page.on('requestfailed', (r) => { this.pending.delete(r); });
  }

  async waitReady({ timeout = 20000 } = {}) {
    await this.page.waitForFunction(() => performance.getEntriesByName('first-frame').length > 0, null, { timeout });
  }

  // The last frame's mirror: [{role, key, name, x, y, w, h, disabled, selected, focused, offscreen, value, textPx}], CSS px.
  async nodes() {
    return this.page.evaluate(() => (window.evMirror ? window.evMirror.nodes() : []));
  }

  // The nth (1-based) node with this role and name, or null.
  async find(role, name, { nth = 1 } = {}) {
    return this.page.evaluate(({ role, name, nth }) => {
      const match = typeof name === 'string' ? (n) => n.name === name : ((re) => (n) => re.test(n.name))(new RegExp(name.source, name.flags));
      const hits = (window.evMirror ? window.evMirror.nodes() : []).filter((n) => n.role === role && match(n));
      return hits[nth - 1] || null;
    }, { role, name: nameArg(name), nth });
  }

  async waitFor(role, name, { nth = 1, timeout = 10000, enabled = false, visible = false } = {}) {
    const end = Date.now() + timeout;
    for (;;) {
      const n = await this.find(role, name, { nth });
      if (n && (!enabled || !n.disabled) && (!visible || !n.offscreen)) return n;
      if (Date.now() > end) {
        const seen = (await this.nodes()).map((x) => `${x.role}:${x.name}${x.disabled ? ' (disabled)' : ''}`);
        throw new Error(`no ${enabled ? 'enabled ' : ''}${role} named ${name} after ${timeout} ms; mirror has:\n  ${seen.join('\n  ')}`);
      }
      await sleep(50);
    }
  }

  // From now on, keeps every node any frame shows, so that a state the simulator's fast clock
  // carries past in well under a second can still be asserted once it has gone (`wasShown`).
  async recordShown() {
    await this.page.evaluate(() => {
      const m = window.evMirror;
      if (m.shown) return;
      const shown = new Set();
      const update = m.update;
      m.shown = () => [...shown];
      m.update = (data, dpr) => {
        update(data, dpr);
        for (const n of m.nodes()) shown.add(`${n.role}\n${n.name}`);
      };
    });
  }

  // Whether a frame since recordShown() showed a node with this role and name.
  async wasShown(role, name) {
    return this.page.evaluate(({ role, name }) => {
      const match = typeof name === 'string' ? (n) => n === name : ((re) => (n) => re.test(n))(new RegExp(name.source, name.flags));
      return window.evMirror.shown().some((k) => { const [r, n] = k.split('\n'); return r === role && match(n); });
    }, { role, name: nameArg(name) });
  }

  async waitForGone(role, name, { timeout = 10000 } = {}) {
    const end = Date.now() + timeout;
    while (await this.find(role, name)) {
      if (Date.now() > end) throw new Error(`${role} named ${name} still there after ${timeout} ms`);
      await sleep(50);
    }
  }

  // Touches the canvas at the centre of the widget's box (scrolling it into view first).
  async tap(role, name, { nth = 1, timeout = 10000 } = {}) {
    let n = await this.waitFor(role, name, { nth, timeout, enabled: true });
    if (n.offscreen) n = await this.scrollIntoView(role, name, { nth });
    await this.page.touchscreen.tap(n.x + n.w / 2, n.y + n.h / 2);
    return n;
  }

  // The same with a mouse click (desktop contexts).
  async click(role, name, { nth = 1, timeout = 10000 } = {}) {
    const n = await this.waitFor(role, name, { nth, timeout, enabled: true, visible: true });
    await this.page.mouse.click(n.x + n.w / 2, n.y + n.h / 2);
    return n;
  }

  // Activates through the mirror's DOM node, as a screen reader or keyboard does.
  async activate(role, name, { nth = 1, timeout = 10000 } = {}) {
    const n = await this.waitFor(role, name, { nth, timeout, enabled: true });
    await this.page.evaluate((key) => document.querySelector(`#a11y [data-key="${CSS.escape(key)}"]`).click(), n.key);
    return n;
  }

  // Types into the field being edited (tap the textbox first), through the hidden input.
  async type(text, { delay = 0 } = {}) {
    await this.page.keyboard.type(text, { delay });
  }

  // Taps the text field, waits until it is being edited with the keyboard input focused, types
  // `text` and waits for the app to settle. Returns the field's node (its `value` is the content).
  async fill(name, text, { nth = 1, timeout = 10000 } = {}) {
    const n = await this.tap('textbox', name, { nth, timeout });
    await this.page.waitForFunction((key) => document.activeElement && document.activeElement.id === 'text-input'
      && window.evMirror.nodes().some((x) => x.key === key && x.focused), n.key, { timeout });
    await this.type(text);
    // The map may still be taking in places and tiles for some seconds after the first frame.
    await this.waitIdle({ quietMs: 150, timeout: 20000 });
    return this.find('textbox', name, { nth });
  }

  async press(key) {
    await this.page.keyboard.press(key);
  }

  // A finger drag on the canvas (CSS px), in `steps` moves.
  async swipe(x0, y0, x1, y1, { steps = 8, stepMs = 16 } = {}) {
    const cdp = await this.page.context().newCDPSession(this.page);
    try {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: x0, y: y0 }] });
      for (let i = 1; i <= steps; i++) {
        const t = i / steps;
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x0 + (x1 - x0) * t, y: y0 + (y1 - y0) * t }] });
        await sleep(stepMs);
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    } finally {
      await cdp.detach();
    }
  }

  // Swipes until the widget is on screen.
  async scrollIntoView(role, name, { nth = 1, tries = 12 } = {}) {
    const vp = this.page.viewportSize();
    for (let i = 0; i < tries; i++) {
      const n = await this.waitFor(role, name, { nth });
      if (!n.offscreen && n.y >= 0 && n.y + n.h <= vp.height) return n;
      const down = n.y > vp.height / 2;  // below: drag up to scroll down
      // Both ways the finger stays in the lowest third or so: on the map screen the upper 60 % is
      // the map, which a drag would pan instead of scrolling what is below it; and on a short
      // upright phone the lowest tenth is the shortcut bar under the bottom sheet.
      const span = vp.height * (down ? 0.35 : 0.3);
      const x = vp.width / 2, y0 = down ? vp.height * 0.8 : vp.height * 0.6;
      await this.swipe(x, y0, x, down ? y0 - span : y0 + span);
      await this.waitIdle({ quietMs: 150 });
    }
    throw new Error(`could not scroll ${role} named ${name} into view`);
  }

  async frames() {
    return this.page.evaluate(() => window.__frames || 0);
  }

  // Waits until no frame has been drawn for `quietMs`; returns the frame count.
  async waitIdle({ quietMs = 300, timeout = 10000 } = {}) {
    const end = Date.now() + timeout;
    let last = await this.frames(), since = Date.now();
    while (Date.now() - since < quietMs) {
      if (Date.now() > end) {
        const waiting = [...this.pending].map((r) => r.url().replace(/^https?:\/\/[^/]+/, '')).join(', ');
        throw new Error(`still drawing after ${timeout} ms (${last} frames)${waiting ? `; waiting for ${waiting}` : ''}`);
      }
      await sleep(50);
      const now = await this.frames();
      if (now !== last || this.pending.size > 0) { last = now; since = Date.now(); }
    }
    return last;
  }

  // Texts sent to the aria-live region so far (oldest first, up to 100).
  async announcements() {
    return this.page.evaluate(() => (window.evMirror ? window.evMirror.announcements() : []));
  }

  async screenshot(file) {
    mkdirSync(path.dirname(file), { recursive: true });
    await this.page.screenshot({ path: file });
  }
}
