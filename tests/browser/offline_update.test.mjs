// New versions and broken caches, with the real service worker: a version deployed while a driver
// charges never reloads the page under them and is offered on the map afterwards; a cached file
// cut short is replaced from the network; a browser that refuses the storage still opens the app.
// Each test serves its own copy of the build, so "deploying" one changes nothing for the others.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { AppDriver, openApp, launchBrowser, withScreenshotOnFailure, workerReady } from './lib/app_driver.mjs';
import { startServer, repoRoot } from './lib/serve_process.mjs';
import { reachPrice, stopCharging } from './lib/charge_steps.mjs';

const dist = path.join(repoRoot, 'build/web/dist');
const withWorker = { serviceWorkers: 'allow' };
let browser;

before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

// A copy of the build served by its own serve.py.
async function servedCopy() {
  const root = mkdtempSync(path.join(tmpdir(), 'evcharge-dist-'));
  cpSync(dist, root, { recursive: true });
  const server = await startServer(['--root', root, '--time-scale', '30']);
  return { root, server, done: async () => { await server.stop(); rmSync(root, { recursive: true, force: true }); } };
}

// A new build: the same app under a new version (the worker's bytes differ, as they do when any
// file of the shell changes). Its .br/.gz copies go, so the new worker is what is served.
function deployNewVersion(root) {
  const file = path.join(root, 'sw.js');
  const text = readFileSync(file, 'utf8');
  const next = text.replace(/version:\s*(["'])([0-9a-z]+)\1/, (_, q, v) => `version:${q}${v}n${q}`);
  assert.notEqual(next, text, 'sw.js names its version');
  writeFileSync(file, next);
  rmSync(file + '.br', { force: true });
  rmSync(file + '.gz', { force: true });
}

// The app's wasm under its content-hashed name (tools/hash_names.py).
const wasmName = (root) => readdirSync(root).find((name) => /^evcharge\.[0-9a-f]{16}\.wasm$/.test(name));

const shellCache = (page) => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('shell-')));

test('a version deployed mid-charge waits: no reload during the session, Reload offered on the map after', { timeout: 180000 }, async () => {
  const served = await servedCopy();
  const { page, app, close } = await openApp(served.server.url + '/', { browser, context: withWorker });
  let navigations = 0;
  try {
    await withScreenshotOnFailure(page, 'update-mid-charge', async () => {
      await workerReady(page);
      const [before] = await shellCache(page);
      await reachPrice(app, { timeout: 30000 });
      await app.tap('button', 'Start charging');
      await app.waitFor('status', 'Charging', { timeout: 30000 });

      page.on('framenavigated', (f) => { if (f === page.mainFrame()) navigations += 1; });
      deployNewVersion(served.root);
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
      await page.waitForFunction(() => window.evShell.update.ready, null, { timeout: 30000 });
      // Charging goes on, on the same page; the map (one tap away) does not offer the update now.
      await app.waitFor('text', /^Energy: /);
      await app.tap('button', 'Back');
      await app.waitFor('heading', 'Chargers nearby');
      assert.equal(await app.find('button', 'Reload'), null, 'no Reload while charging');
      await app.tap('button', /^Charging /);  // the session bar
      await stopCharging(app);
      await app.waitFor('heading', /^Total: €\d+\.\d\d$/, { timeout: 60000 });
      assert.equal(navigations, 0, 'the page was never reloaded during the session');

      await app.tap('button', 'Done');
      await app.waitFor('status', 'A new version of the app is ready.');
      const reloaded = page.waitForEvent('load', { timeout: 30000 });
      await app.tap('button', 'Reload');
      await reloaded;
      await app.waitReady({ timeout: 30000 });
      assert.equal(navigations, 1, 'one reload, when the driver asked for it');
      // The old version's files are gone; the new one's are kept.
      assert.deepEqual(await shellCache(page), [before + 'n']);
      await app.waitFor('heading', 'Chargers nearby');
    });
  } finally {
    await close();
    await served.done();
  }
});

test('a cached app file cut short is not served: the app opens from the network and the cache is mended', { timeout: 120000 }, async () => {
  const served = await servedCopy();
  const { page, app, context, close } = await openApp(served.server.url + '/', { browser, context: withWorker });
  try {
    await withScreenshotOnFailure(page, 'truncated-cache', async () => {
      await workerReady(page);
      const wasm = wasmName(served.root);
      const whole = readFileSync(path.join(served.root, wasm)).length;
      // What a killed write or a full disk leaves: the first kilobytes, under the full length.
      await page.evaluate(async ([wasm, length]) => {
        const [name] = (await caches.keys()).filter((k) => k.startsWith('shell-'));
        const cache = await caches.open(name);
        const bytes = new Uint8Array(await (await cache.match(wasm)).arrayBuffer()).slice(0, 4096);
        await cache.put(wasm, new Response(bytes, {
          headers: { 'Content-Type': 'application/wasm', 'Content-Length': String(length) } }));
      }, [wasm, whole]);
      await page.reload();
      await app.waitReady({ timeout: 30000 });
      await app.waitFor('heading', 'Chargers nearby');
      const mended = await page.evaluate(async (wasm) => {
        const [name] = (await caches.keys()).filter((k) => k.startsWith('shell-'));
        return (await (await (await caches.open(name)).match(wasm)).arrayBuffer()).byteLength;
      }, wasm);
      assert.equal(mended, whole, 'the cache holds the whole file again');
      // And so the app opens with no network too.
      await context.setOffline(true);
      await page.reload();
      await app.waitReady({ timeout: 10000 });
      await app.waitFor('heading', 'Chargers nearby');
      assert.deepEqual(app.errors.filter((e) => !/Failed to load resource|net::ERR_INTERNET_DISCONNECTED/.test(e)), []);
    });
  } finally {
    await close();
    await served.done();
  }
});

test('a browser that gives the site almost no storage still opens the app from the network, with no confusing words', { timeout: 120000 }, async () => {
  const served = await servedCopy();
  const ctx = await browser.newContext(withWorker);
  const page = await ctx.newPage();
  try {
    await withScreenshotOnFailure(page, 'quota', async () => {
      const cdp = await ctx.newCDPSession(page);
      // 64 KB: the worker's install (about 1.5 MB of shell) fails with QuotaExceededError.
      await cdp.send('Storage.overrideQuotaForOrigin', { origin: served.server.url, quotaSize: 64 * 1024 });
      const app = new AppDriver(page);
      page.on('pageerror', (e) => app.errors.push(String(e)));
      await page.goto(served.server.url + '/');
      await app.waitReady({ timeout: 30000 });
      await app.waitFor('option', /free$/, { timeout: 30000 });
      await page.waitForTimeout(1500);  // the worker's install runs and fails meanwhile
      assert.equal(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), false, 'no worker took control');
      assert.deepEqual(await shellCache(page), [], 'no half shell was kept');
      await page.reload();
      await app.waitReady({ timeout: 30000 });
      await app.waitFor('heading', 'Chargers nearby');
      const words = (await app.nodes()).map((n) => n.name).join(' | ');
      assert.doesNotMatch(words, /quota|storage|service worker|could not be loaded/i);
      assert.deepEqual(app.errors, []);
    });
  } finally {
    await ctx.close();
    await served.done();
  }
});
