// Prints what a first visit costs: bytes of each file (raw, gzip, brotli, and what went over the wire),
// time to first frame (median of several cold loads) and frames drawn during 3 s of idle, in the
// light theme (the first load) and the dark one (the second: the phone set to dark).
// Usage: node tools/bench_load.mjs [--runs N]   (needs a web build in build/web/dist)
import { statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer, repoRoot } from '../tests/browser/lib/serve_process.mjs';
import { chromiumArgs, phoneContext } from '../tests/browser/lib/browser_setup.mjs';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const dist = path.join(repoRoot, 'build/web/dist');
const size = (f) => (existsSync(f) ? statSync(f).size : NaN);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

const server = await startServer(['--root', dist]);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs() });
try {
  const firstFrames = [];
  let files = [];
  const idleFrames = { light: NaN, dark: NaN };
  const settled = { light: NaN, dark: NaN };
  for (let i = 0; i < Math.max(runs, 2); i++) {
    const scheme = i === 1 ? 'dark' : 'light';
    const context = await browser.newContext(phoneContext({ colorScheme: scheme }));
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const urls = new Map();
    const wire = new Map();
    cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, e.response.url));
    cdp.on('Network.loadingFinished', (e) => wire.set(e.requestId, e.encodedDataLength));
    await page.goto(server.url + '/');
    await page.waitForFunction(() => performance.getEntriesByName('first-frame').length > 0, null, { timeout: 30000 });
    if (i < runs) firstFrames.push(await page.evaluate(() => performance.getEntriesByName('first-frame')[0].startTime));
    if (i < 2) {
      // The first screen is the map: its places and tiles keep arriving for a few seconds. Idle
      // is what follows: measured once a whole second has passed without a frame.
      const loaded = Date.now();
      let last = await page.evaluate(() => window.__frames);
      for (let quiet = 0; quiet < 1000 && Date.now() - loaded < 20000; quiet += 250) {
        await page.waitForTimeout(250);
        const now = await page.evaluate(() => window.__frames);
        if (now !== last) { quiet = -250; last = now; }
      }
      settled[scheme] = Date.now() - loaded;
      const before = await page.evaluate(() => window.__frames);
      await page.waitForTimeout(3000);
      idleFrames[scheme] = (await page.evaluate(() => window.__frames)) - before;
    }
    if (i === 0) files = [...urls.entries()].map(([id, url]) => ({ url, wire: wire.get(id) ?? 0 }));
    await context.close();
  }
  const rows = files.filter((f) => !new URL(f.url).pathname.startsWith('/api/')).map((f) => {
    const name = new URL(f.url).pathname.replace(/^\/$/, '/index.html');
    const local = path.join(dist, name);
    return { name, raw: size(local), gzip: size(local + '.gz'), brotli: size(local + '.br'), wire: f.wire };
  });
  const api = files.filter((f) => new URL(f.url).pathname.startsWith('/api/'));
  console.log('file'.padEnd(28), 'raw'.padStart(9), 'gzip'.padStart(9), 'brotli'.padStart(9), 'on wire'.padStart(9));
  for (const r of rows) {
    console.log(r.name.padEnd(28), String(r.raw).padStart(9), String(r.gzip).padStart(9), String(r.brotli).padStart(9), String(r.wire).padStart(9));
  }
  // The second part (evcharge.deferred.*.wasm and the whole fonts, evcharge.fonts.*.ttc) is asked for once the first screen is up
  // and quiet (web/boot.js): listed, but not part of the first load.
  const later = (r) => /^\/evcharge\.(deferred|fonts)\./.test(r.name);
  const sum = (k, which = (r) => !later(r)) => rows.filter(which).reduce((a, r) => a + (Number.isFinite(r[k]) ? r[k] : 0), 0);
  console.log('first load (all but the above)'.padEnd(28), String(sum('raw')).padStart(9), String(sum('gzip')).padStart(9), String(sum('brotli')).padStart(9), String(sum('wire')).padStart(9));
  console.log(`  of which base map cells: ${sum('raw', (r) => r.name.startsWith('/basemap/'))} raw, ${sum('gzip', (r) => r.name.startsWith('/basemap/'))} gzip, ${sum('brotli', (r) => r.name.startsWith('/basemap/'))} brotli`);
  for (const r of rows.filter(later)) console.log(`second part, asked for once the map was quiet: ${r.name} ${r.raw} raw, ${r.gzip} gzip, ${r.brotli} brotli, ${r.wire} on the wire`);
  console.log(`api calls on first load: ${api.length} (${api.reduce((a, f) => a + f.wire, 0)} bytes on wire)`);
  console.log(`time to first frame: median ${median(firstFrames).toFixed(0)} ms over ${runs} cold loads (min ${Math.min(...firstFrames).toFixed(0)}, max ${Math.max(...firstFrames).toFixed(0)})`);
  console.log(`the map settled (1 s without a frame) ${settled.light} ms (light), ${settled.dark} ms (dark) after the first frame`);
  console.log(`frames drawn during 3 s idle after that: ${idleFrames.light} (light), ${idleFrames.dark} (dark)`);
} finally {
  await browser.close();
  await server.stop();
}
