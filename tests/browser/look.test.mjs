// The look, measured on a few screens that carry the journey: touch targets of 48 CSS px inside the
// viewport and apart, and WCAG AA contrast read from the canvas's pixels. A small phone in the light
// theme, a large one in the dark, and the price screen in landscape and on a desktop.
// tools/check_look.mjs runs the same checks on every screen, size and theme.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launchBrowser } from './lib/app_driver.mjs';
import { checkLook, describe, saveFailureShot } from './lib/look_checks.mjs';
import { openScreen, sizeName, startScreenServers } from './lib/screens.mjs';

const PHONES = [
  { viewport: { width: 360, height: 640 }, theme: 'light' },
  { viewport: { width: 412, height: 860 }, theme: 'dark' },
];
const CASES = [
  ...['map', 'price', 'charging', 'receipt', 'wallet'].flatMap((screen) => PHONES.map((p) => ({ screen, ...p }))),
  { screen: 'price', viewport: { width: 860, height: 412 }, theme: 'light' },
  { screen: 'price', viewport: { width: 1280, height: 800 }, theme: 'dark' },
];

// Map markers still collide with each other and with the map's controls when chargers crowd (the
// map issue: markers that never collide, spread or clustered by their tap boxes). Until that lands,
// their placement is left out here, and only theirs: tools/check_look.mjs reports it in full.
const MARKER = /(chargers here, zoom in|\d+ of \d+ free, (AC|DC) up to [\d.]+ kW)$/;
const markerPlacement = (f) => (f.check === 'overlap' || f.check === 'in-viewport')
  && (MARKER.test(f.name) || MARKER.test(f.other?.name ?? ''));

let servers, browser;

before(async () => {
  servers = await startScreenServers({ kinds: ['driver'] });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await servers?.stop();
});

for (const { screen, viewport, theme } of CASES) {
  const name = `${screen}-${sizeName(viewport)}-${theme}`;
  test(`${screen} at ${sizeName(viewport)}, ${theme}: targets and contrast`, { timeout: 120000 }, async () => {
    const shot = await openScreen(screen, { browser, servers, viewport, colorScheme: theme });
    try {
      const result = await checkLook(shot.page);
      assert.ok(result.nodes.length > 0, 'the mirror has the screen');
      if (screen === 'map') result.failures = result.failures.filter((f) => !markerPlacement(f));
      if (result.failures.length) {
        const file = saveFailureShot(result, name);
        assert.fail(`${result.failures.length} look failures (marked: ${file}):\n  ${result.failures.map(describe).join('\n  ')}`);
      }
    } finally {
      await shot.close();
    }
  });
}
