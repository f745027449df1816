// The driver's journey as in production: through nginx (tools/nginx/run.sh) over HTTPS with its
// self-signed certificate and HTTP/2, before two serve.py workers. A sticker's link opens the app at
// Marga's charger; a card, the price, Start, charging, Stop, the receipt. On the way: every file and
// answer came over HTTP/2, the wasm as brotli under its content-hashed name, kept for good, the page
// never, and the security headers with it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { launchBrowser, openApp, withScreenshotOnFailure } from './lib/app_driver.mjs';
import { addCardByApi, sessionsOf, stopCharging } from './lib/charge_steps.mjs';
import { startFront } from './lib/front_process.mjs';

let front;
let browser;

before(async () => {
  front = await startFront({ workers: 2, serveArgs: ['--time-scale', '30'] });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  if (front) assert.equal(await front.stop(), 0, 'run.sh stopped everything cleanly');
});

// The origin's own entries (a data: icon has no protocol).
const sameOrigin = (entries) => entries.filter((e) => e.name.startsWith(front.url + '/'));

test('a driver charges at Marga through nginx over HTTPS and HTTP/2, from a sticker to the receipt', { timeout: 180000 }, async () => {
  const responses = [];
  let wasmPath;
  const { page, app, close } = await openApp(front.url + '/evse/NL-GFX-EChargestation-1', {
    browser, context: { ignoreHTTPSErrors: true }, timeout: 60000,
  });
  page.on('response', (r) => responses.push(r));
  try {
    await withScreenshotOnFailure(page, 'nginx-journey', async () => {
      await addCardByApi(page);
      await app.tap('button', 'Charge at Chargestation-1, connector 1', { timeout: 30000 });
      await app.waitFor('text', /^€2\.106 per kWh/, { timeout: 20000 });
      await app.tap('button', 'Start charging', { timeout: 20000 });
      await app.waitFor('status', 'Charging', { timeout: 40000 });
      await stopCharging(app);
      await app.waitFor('heading', /^Total: €\d+\.\d\d$/, { timeout: 40000 });
      const sessions = await sessionsOf(page);
      assert.deepEqual(sessions.map((s) => s.status), ['CDR_AVAILABLE'], 'one session, billed');

      // What the page loaded, as the browser saw it.
      const loaded = await page.evaluate(() => [
        ...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource'),
      ].map((e) => ({ name: e.name, protocol: e.nextHopProtocol })));
      const wasm = loaded.find((e) => /\/evcharge\.[0-9a-f]{16}\.wasm$/.test(e.name));
      assert.ok(wasm, `the wasm under its hashed name: ${loaded.map((e) => e.name).join(', ')}`);
      wasmPath = new URL(wasm.name).pathname;
      assert.equal(wasm.protocol, 'h2', 'the wasm over HTTP/2');
      assert.equal(loaded[0].protocol, 'h2', 'the page over HTTP/2');
      for (const entry of sameOrigin(loaded)) {
        if (entry.protocol) assert.equal(entry.protocol, 'h2', `${entry.name} over HTTP/2`);
      }
      assert.ok(loaded.some((e) => e.name.includes('/api/') && e.protocol === 'h2'), 'API answers too');
      assert.deepEqual(app.errors.filter((e) => !/favicon/.test(e)), []);
    });
  } finally {
    await close();
  }
  // The wasm and the page as served (loaded before a listener could see their headers: asked again).
  const check = await browser.newContext({ ignoreHTTPSErrors: true });
  try {
    const wasm = await check.request.get(front.url + wasmPath, { headers: { 'Accept-Encoding': 'br' } });
    assert.equal(wasm.headers()['content-encoding'], 'br');
    assert.equal(wasm.headers()['content-type'], 'application/wasm');
    assert.equal(wasm.headers()['cache-control'], 'public, max-age=31536000, immutable');
    const pageAnswer = await check.request.get(front.url + '/');
    assert.equal(pageAnswer.headers()['cache-control'], 'no-cache');
    for (const name of ['content-security-policy', 'strict-transport-security', 'x-content-type-options',
      'x-frame-options', 'referrer-policy', 'permissions-policy']) {
      assert.ok(pageAnswer.headers()[name], `the page carries ${name}`);
    }
    const sticker = await check.request.get(front.url + '/evse/NL-GFX-EChargestation-1', { maxRedirects: 0 });
    assert.equal(sticker.status(), 302);
  } finally {
    await check.close();
  }
  const log = readFileSync(path.join(front.runtime, 'access.log'), 'utf8');
  assert.match(log, /"PUT \/api\/token\/\[token\] HTTP\/2\.0" 200/, 'the token went through, unlogged');
  assert.equal(responses.filter((r) => r.status() >= 500).length, 0, 'no 5xx on the way');
});
