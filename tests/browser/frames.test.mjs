// Render on demand at the canvas: a frame whose picture is already on screen runs but is not drawn
// again, one that changes the picture is drawn, and what stays on screen is what a full redraw
// from scratch shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { openApp, withScreenshotOnFailure } from './lib/app_driver.mjs';
import { server, browser, useAppServer } from './lib/app_suite.mjs';

useAppServer();

const drawn = (page) => page.evaluate(() => window.__drawn || 0);

// The canvas drawn again from nothing: the context is lost and restored, and the app rebuilds it.
async function redrawFromScratch(page, app) {
  const before = await drawn(page);
  await page.evaluate(() => {
    const lose = document.getElementById('canvas').getContext('webgl2').getExtension('WEBGL_lose_context');
    lose.loseContext();
    setTimeout(() => lose.restoreContext(), 100);
  });
  await page.waitForFunction((n) => window.__drawn > n, before);
  await app.waitIdle();
}

test('frames that repeat the picture are not drawn; the canvas keeps showing the latest one', { timeout: 60000 }, async () => {
  const { page, app, close } = await openApp(server.url + '/', { browser, context: { deviceScaleFactor: 2 } });
  try {
    await withScreenshotOnFailure(page, 'frames-drawn', async () => {
      await app.waitFor('option', /free$/, { timeout: 15000 });
      // Settled: the second part and the whole fonts are here, and the atlas rebuilt from them.
      await page.waitForFunction(() => evShell.code.module !== null && evShell.code.fonts !== null, null, { timeout: 20000 });
      await app.waitIdle({ quietMs: 500 });
      const frames0 = await app.frames(), drawn0 = await drawn(page);
      const shot0 = await page.screenshot();

      // A resize to the same size asks for frames (and ImGui's settle frames) but changes nothing.
      await page.evaluate(() => window.dispatchEvent(new Event('resize')));
      await page.waitForFunction((n) => window.__frames > n, frames0);
      await app.waitIdle();
      assert.ok((await app.frames()) - frames0 >= 3, 'the app ran its frames');
      assert.equal(await drawn(page), drawn0, 'none of them was drawn');
      assert.ok(shot0.equals(await page.screenshot()), 'the screen is as it was');

      // A tap that opens another screen is drawn, and what stays on the canvas after the settle
      // frames is exactly what drawing it from scratch gives.
      await app.tap('button', 'Display settings');
      await app.waitFor('heading', 'Language');
      await app.waitIdle();
      assert.ok((await drawn(page)) > drawn0, 'the new screen was drawn');
      const settled = await page.screenshot();
      assert.ok(!settled.equals(shot0), 'the canvas shows the new screen');
      await redrawFromScratch(page, app);
      assert.ok(settled.equals(await page.screenshot()), 'a redraw from scratch shows the same picture');
    });
  } finally {
    await close();
  }
});
