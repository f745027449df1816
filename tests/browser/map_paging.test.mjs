// The map against the real API's paging: with `serve.py --paging documented` a bounding box gives
// at most 50 locations and its continuation token leads nowhere (the walkthrough: "not yet
// implemented"). The map then reads a full area as its four quarters, and a city view still lists
// every charger the fully paging service gives; only the country view asks the driver to zoom in.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import { launchBrowser, withScreenshotOnFailure } from './lib/app_driver.mjs';
import { openMapAt } from './lib/map_touch.mjs';
import { startServer, repoRoot } from './lib/serve_process.mjs';

const dist = path.join(repoRoot, 'build/web/dist');
let full, documented, browser;

before(async () => {
  [full, documented] = await Promise.all([
    startServer(['--root', dist, '--time-scale', '30']),
    startServer(['--root', dist, '--time-scale', '30', '--paging', 'documented']),
  ]);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await full?.stop();
  await documented?.stop();
});

// Berlin's centre at zoom 12: more than 50 chargers in some of the map's data areas.
const BERLIN = { lat: 52.515, lng: 13.40, zoom: 12 };

async function countInView(server, cam) {
  const boxes = [];
  const { page, app, close } = await openMapAt(server.url + '/', cam, { browser });
  page.on('request', (r) => { if (r.url().includes('/api/locations/boundingbox')) boxes.push(r); });
  try {
    return await withScreenshotOnFailure(page, 'map-paging', async () => {
      await app.waitFor('option', / free$/, { timeout: 30000 });
      await app.waitIdle({ quietMs: 600, timeout: 30000 });
      const header = await app.waitFor('text', /^\d+ chargers in view/);
      const truncated = await app.find('text', 'Many chargers here: zoom in to see them all.');
      const tokens = boxes.filter((r) => r.headers().continuationtoken).length;
      return { count: Number(/^(\d+)/.exec(header.name)[1]), requests: boxes.length, tokens, truncated: !!truncated };
    });
  } finally {
    await close();
  }
}

test('a city view lists every charger whether the service pages in full or as documented', { timeout: 120000 }, async (t) => {
  const paged = await countInView(full, BERLIN);
  const capped = await countInView(documented, BERLIN);
  t.diagnostic(`Berlin z12: full ${JSON.stringify(paged)}, documented ${JSON.stringify(capped)}`);
  assert.ok(paged.count > 50, `Berlin has more than a page of chargers in view (${paged.count})`);
  assert.equal(capped.count, paged.count, 'the same chargers, found by reading full areas as their quarters');
  assert.equal(capped.truncated, false, 'no "zoom in" in a city');
  assert.ok(capped.requests > paged.requests - paged.tokens,
    `full areas were read as quarters (${capped.requests} requests, ${paged.requests} when paging in full)`);
});
