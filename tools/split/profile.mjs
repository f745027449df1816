// Writes tools/split/first_screen.txt: the functions the app runs to show its first screen, which
// the build keeps in evcharge.wasm while the rest goes to evcharge.deferred.wasm (split_wasm.py).
// Runs the build's instrumented copy (build/web/evcharge.wasm, from -sSPLIT_MODULE) in Chromium in
// place of the first part: an English phone in the light and the dark theme and a Dutch one, each
// until the map is quiet, then a pan and a pinch (a driver's first touches), then the page hidden and
// shown. Run after a change
// to what the map screen draws; tests/browser/code_split.test.mjs fails when the first screen
// needs code from the second part.
// Usage: bash tools/build.sh web && node tools/split/profile.mjs [--repeat N] && bash tools/build.sh web
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, repoRoot } from '../../tests/browser/lib/serve_process.mjs';
import { AppDriver, launchBrowser, setPageHidden } from '../../tests/browser/lib/app_driver.mjs';
import { phoneContext } from '../../tests/browser/lib/browser_setup.mjs';
import { panAndPinch, mapView } from '../../tests/browser/lib/map_touch.mjs';

const web = path.join(repoRoot, 'build/web');
const instrumented = readFileSync(path.join(web, 'evcharge.wasm'));
const tmp = mkdtempSync(path.join(os.tmpdir(), 'split-'));
const variants = [{ colorScheme: 'light' }, { colorScheme: 'dark' }, { colorScheme: 'light', locale: 'nl-NL' }];
// Each variant more than once: what runs depends a little on timing (which frame sees a place
// arrive, a touch land), and the list is what any of the runs ran.
const repeat = Number(process.argv[process.argv.indexOf('--repeat') + 1]) || 3;
const runs = Array.from({ length: repeat }, () => variants).flat();

const server = await startServer(['--root', path.join(web, 'dist')]);
const browser = await launchBrowser();
const profiles = [];
try {
  for (const [i, context] of runs.entries()) {
    const ctx = await browser.newContext(phoneContext(context));
    await ctx.route(/\/evcharge\.[0-9a-f]{16}\.wasm$/, (route) =>
      route.fulfill({ body: instrumented, headers: { 'content-type': 'application/wasm' } }));
    const page = await ctx.newPage();
    const app = new AppDriver(page);
    page.on('pageerror', (e) => app.errors.push(String(e)));
    await page.goto(server.url + '/');
    await app.waitReady({ timeout: 30000 });
    await app.waitIdle({ quietMs: 1500, timeout: 30000 });
    const box = await mapView(page);
    await panAndPinch(page, box);
    await app.waitIdle({ quietMs: 1500, timeout: 30000 });
    // The page hidden and shown again (another app, a locked phone; also a reload, when a second
    // part not yet here could not be fetched any more).
    for (const hidden of [true, false]) {
      await setPageHidden(page, hidden);
      await app.waitIdle({ quietMs: 500, timeout: 30000 });
    }
    const bytes = await page.evaluate(() => {
      const asm = Module.asm;
      if (!asm.__write_profile) throw new Error('not the instrumented build');
      const memory = Object.values(asm).find((v) => v instanceof WebAssembly.Memory);
      const size = 1 << 20;
      const at = Module._malloc(size);
      const n = asm.__write_profile(at, size);
      return Array.from(new Uint8Array(memory.buffer, at, n));
    });
    if (app.errors.length) throw new Error(`errors in run ${i}: ${app.errors.join('; ')}`);
    const file = path.join(tmp, `${i}.prof`);
    writeFileSync(file, Buffer.from(bytes));
    profiles.push(file);
    await ctx.close();
  }
} finally {
  await browser.close();
  await server.stop();
}

const features = ['--enable-sign-ext', '--enable-nontrapping-float-to-int', '--enable-mutable-globals'];
const merged = path.join(tmp, 'merged.prof');
execFileSync('wasm-split', ['--merge-profiles', ...profiles, '-o', merged]);
const named = path.join(tmp, 'first.wasm');
execFileSync('wasm-split', [path.join(web, 'evcharge.wasm.orig'), ...features, '-g', `--profile=${merged}`,
  '-o1', named, '-o2', path.join(tmp, 'rest.wasm')]);
const names = execFileSync('python3', [path.join(repoRoot, 'tools/split/split_wasm.py'), '--defined', named],
  { encoding: 'utf8', maxBuffer: 64 << 20 }).split('\n').filter(Boolean);
const out = path.join(repoRoot, 'tools/split/first_screen.txt');
writeFileSync(out, '# The functions the first screen runs (written by tools/split/profile.mjs; one per line).\n' +
  names.join('\n') + '\n');
console.log(`${out}: ${names.length} functions`);

