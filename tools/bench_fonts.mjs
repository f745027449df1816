// How long the page's main thread is busy when the whole fonts arrive and the atlas is rebuilt from
// them (platform/dpi_scale.cpp), at the phone profile: the longest task from the fonts' arrival to
// the next quiet, over N cold loads. Prints numbers; asserts nothing.
// Usage: bash tools/build.sh web && node tools/bench_fonts.mjs [--runs N]
import path from 'node:path';
import { startServer, repoRoot } from '../tests/browser/lib/serve_process.mjs';
import { AppDriver, launchBrowser } from '../tests/browser/lib/app_driver.mjs';
import { phoneContext } from '../tests/browser/lib/browser_setup.mjs';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;
const server = await startServer(['--root', path.join(repoRoot, 'build/web/dist')]);
const browser = await launchBrowser();
const busy = [];
try {
  for (let i = 0; i < runs; i++) {
    const ctx = await browser.newContext(phoneContext({}));
    const page = await ctx.newPage();
    const app = new AppDriver(page);
    await page.addInitScript(() => {
      window.__tasks = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__tasks.push([e.startTime, e.duration]); })
        .observe({ type: 'longtask', buffered: true });
    });
    await page.goto(server.url + '/');
    await app.waitReady({ timeout: 30000 });
    await page.waitForFunction(() => evShell.code.fonts !== null, null, { timeout: 30000 });
    const arrived = await page.evaluate(() => performance.now());
    await app.waitIdle({ quietMs: 1000, timeout: 30000 });
    const tasks = await page.evaluate((t) => window.__tasks.filter(([s, d]) => s + d >= t - 50), arrived);
    const longest = tasks.reduce((m, [, d]) => Math.max(m, d), 0);
    busy.push(longest);
    console.log(`run ${i + 1}: longest task around the fonts' arrival ${longest.toFixed(0)} ms (${tasks.length} tasks over 50 ms)`);
    await ctx.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
busy.sort((a, b) => a - b);
console.log(`atlas rebuild from the whole fonts: median longest task ${busy[Math.floor(busy.length / 2)].toFixed(0)} ms over ${runs} loads`);
