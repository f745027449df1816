// Scan to charge on a phone-sized Chromium whose camera films a QR sticker (Chromium's fake
// camera playing a video made from qrencode's output), against serve.py's simulator.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';

import { openApp, launchBrowser, withScreenshotOnFailure } from './lib/app_driver.mjs';
import { startServer, repoRoot } from './lib/serve_process.mjs';
import { stickerVideo, fakeCameraArgs } from './lib/fake_camera.mjs';

const SEED_QR = 'https://a.greenflux.app/qr/gsop/greenflux/d17c60e1-655f-4ff7-a802-15ccb2e7eb7f';
const FOREIGN = 'https://pay-for-charging.example/greenflux/qr';
let server;
const videos = [];

before(async () => {
  server = await startServer(['--root', path.join(repoRoot, 'build/web/dist'), '--time-scale', '30']);
});

after(async () => {
  await server?.stop();
  for (const v of videos) rmSync(v.dir, { recursive: true, force: true });
});

// Every request the page and its workers make from now on, by URL.
function recordRequests(context) {
  const urls = [];
  context.on('request', (r) => urls.push(r.url()));
  return urls;
}

// What the page loaded before the recording started (the resource timing list).
const loadedSoFar = (page) => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));

// Exceptions and console errors, less failed API answers (those are the app's to handle).
const realErrors = (app) => app.errors.filter((e) => !/^Failed to load resource/.test(e));

async function withCamera(text, fn) {
  const video = stickerVideo(text);
  videos.push(video);
  const browser = await launchBrowser({ args: fakeCameraArgs(video.file) });
  try {
    return await fn(browser);
  } finally {
    await browser.close();
  }
}

test('scanning the seed sticker shows its EVSE, operator, address and connector before anything starts', { timeout: 90000 }, async () => {
  await withCamera(SEED_QR, async (browser) => {
    const { page, app, context, close } = await openApp(server.url + '/', { browser });
    const urls = recordRequests(context);
    try {
      await withScreenshotOnFailure(page, 'scan-seed', async () => {
        await app.waitFor('option', /free$/, { timeout: 15000 });
        assert.ok(![...(await loadedSoFar(page)), ...urls].some((u) => u.includes('zxing')),
          'the decoder is not loaded before the scanner opens');
        await app.tap('button', 'Scan QR code');
        await app.waitFor('heading', 'Check the charger', { timeout: 20000 });
        await app.waitFor('text', 'Charger ID: NL-GFX-EAddCS123-1');
        await app.waitFor('text', 'Operator: GreenFlux');
        await app.waitFor('text', /^Address: Marga, Margaklompehof 11, 1314 WL Almere$/);
        await app.waitFor('text', /^Type 2 socket/);
        // The sticker named connector 1 of an EVSE that is in use: shown, not startable.
        const choose = await app.waitFor('button', 'Charge at AddCS123-1, connector 1');
        assert.equal(choose.disabled, true);
        const stats = await page.evaluate(() => window.evCamera.stats());
        assert.equal(stats.engine, 'zxing-wasm', 'Linux Chromium has no BarcodeDetector: ZXing in the worker');
        assert.ok(stats.decodeMs.length >= 1);
        // The camera is off once the charger is found.
        assert.equal(await page.evaluate(() => document.getElementById('camera').srcObject), null);
        assert.ok(urls.some((u) => u.endsWith('/zxing/reader/zxing_reader.wasm')), 'the decoder came from this app');
        for (const u of [...(await loadedSoFar(page)), ...urls]) {
          assert.equal(new URL(u).hostname, '127.0.0.1', `only this app is contacted: ${u}`);
        }
        assert.deepEqual(realErrors(app), []);
      });
    } finally {
      await close();
    }
  });
});

test('scanning a sticker that links to another website shows the refusal and opens nothing', { timeout: 90000 }, async () => {
  await withCamera(FOREIGN, async (browser) => {
    const { page, app, context, close } = await openApp(server.url + '/', { browser });
    const urls = recordRequests(context);
    try {
      await withScreenshotOnFailure(page, 'scan-foreign', async () => {
        await app.tap('button', 'Scan QR code');
        await app.waitFor('status', 'This code leads to another website (pay-for-charging.example). It was not opened.',
          { timeout: 20000 });
        assert.equal(new URL(page.url()).host, new URL(server.url).host, 'the page stayed where it was');
        assert.equal(page.context().pages().length, 1, 'no window was opened');
        assert.ok(!urls.some((u) => u.includes('pay-for-charging')), 'the link was never requested');
        assert.ok(!urls.some((u) => u.includes('/api/qr') || u.includes('/api/locations/evse/')), 'nothing was looked up');
        // The driver can still leave the scanner, and the camera stops.
        await app.tap('button', 'Cancel');
        await app.waitFor('heading', 'Chargers nearby');
        assert.equal(await page.evaluate(() => document.getElementById('camera').srcObject), null);
      });
    } finally {
      await close();
    }
  });
});

test('typing the EVSE ID works like scanning, checked as it is typed', { timeout: 90000 }, async () => {
  const browser = await launchBrowser({ args: ['--use-fake-ui-for-media-stream'] });  // no camera at all
  try {
    const { page, app, close } = await openApp(server.url + '/', { browser });
    try {
      await withScreenshotOnFailure(page, 'scan-typed', async () => {
        await app.tap('button', 'Scan QR code');
        await app.waitFor('status', /^No camera was found|^The camera could not be started/, { timeout: 15000 });
        await app.fill('Charger ID', 'NL*GFX');
        await app.waitFor('text', 'Keep typing: a charger ID looks like NL*GFX*E10154*1');
        assert.equal((await app.find('button', 'Find charger')).disabled, true);
        await app.type('*EChargestation*1');
        await app.waitFor('text', 'This looks like a charger ID');
        await app.tap('button', 'Find charger');
        await app.waitFor('heading', 'Check the charger', { timeout: 15000 });
        await app.waitFor('text', 'Charger ID: NL-GFX-EChargestation-1');
        await app.tap('button', 'Charge at Chargestation-1, connector 1');
        await app.waitFor('text', /^€2\.106 per kWh/, { timeout: 15000 });  // the price flow, nothing started
      });
    } finally {
      await close();
    }
  } finally {
    await browser.close();
  }
});

test('a camera the driver refused has clear words and a way to type the ID', { timeout: 60000 }, async () => {
  // No fake UI: the permission prompt is answered no.
  const browser = await launchBrowser({ args: ['--use-fake-device-for-media-stream', '--deny-permission-prompts'] });
  try {
    const { page, app, close } = await openApp(server.url + '/', { browser });
    try {
      await withScreenshotOnFailure(page, 'scan-denied', async () => {
        await app.tap('button', 'Scan QR code');
        await app.waitFor('status', /^The camera is blocked\. Allow camera access/, { timeout: 15000 });
        await app.waitFor('textbox', 'Charger ID');
        await app.waitFor('button', 'Open camera');
      });
    } finally {
      await close();
    }
  } finally {
    await browser.close();
  }
});

test('a sticker that points at this app opens it at that charger', { timeout: 60000 }, async () => {
  const browser = await launchBrowser();
  try {
    for (const [link, evse] of [
      ['/qr/gsop/greenflux/d17c60e1-655f-4ff7-a802-15ccb2e7eb7f', 'NL-GFX-EAddCS123-1'],
      ['/evse/NL-GFX-EChargestation-1', 'NL-GFX-EChargestation-1'],
    ]) {
      const { page, app, close } = await openApp(server.url + link, { browser });
      try {
        await withScreenshotOnFailure(page, 'scan-link', async () => {
          await app.waitFor('text', `Charger ID: ${evse}`, { timeout: 15000 });
          await app.waitFor('text', 'Operator: GreenFlux');
          // Spent: a reload later must not jump back to this charger.
          const left = new URL(page.url());
          assert.equal(left.searchParams.get('qr') ?? left.searchParams.get('evse'), null, `address still ${page.url()}`);
          assert.equal(left.pathname, '/');
        });
      } finally {
        await close();
      }
    }
    const { page, app, close } = await openApp(server.url + '/?qr=' + encodeURIComponent('javascript:alert(1)'), { browser });
    try {
      await app.waitFor('status', 'This code holds a link that is never opened here.');
      assert.equal(await page.evaluate(() => document.getElementById('camera').srcObject), null, 'no camera unasked');
    } finally {
      await close();
    }
  } finally {
    await browser.close();
  }
});
