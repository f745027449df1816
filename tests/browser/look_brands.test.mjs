// A deployment's brand colour on the screens, measured from the canvas's pixels like every other
// colour: the driver example's own green, and a deliberately pale yellow (1.2:1 under white text,
// unreadable as it is) in the driver app and on a hotel's check-in, light and dark. The app must
// move the brand until its text passes (src/ui/widgets/palette.cpp); tests/ui/palette_test.cpp
// checks the same natively for every pairing. The portal and kiosk examples' own colours are
// measured on their screens by tools/check_look.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { launchBrowser } from './lib/app_driver.mjs';
import { checkLook, describe, saveFailureShot } from './lib/look_checks.mjs';
import { openScreen } from './lib/screens.mjs';
import { startServer, repoRoot } from './lib/serve_process.mjs';

const PALE = '#FFF59D';
const dist = path.join(repoRoot, 'build/web/dist');
let dir, browser;
const servers = {};

// The example config with another brand colour, in a folder of its own: its guest list is named by
// an absolute path (the logo is a path under the app's files, as before).
function withBrand(example, hex) {
  const config = JSON.parse(readFileSync(path.join(repoRoot, 'assets/config', example), 'utf8'));
  config.branding.primaryColorHex = hex;
  if (config.portal) config.portal.guestList = path.join(repoRoot, 'assets/config', config.portal.guestList);
  const file = path.join(dir, `${hex.slice(1)}-${example}`);
  writeFileSync(file, JSON.stringify(config));
  return file;
}

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'evcharge-brands-'));
  const start = (config) => startServer(['--root', dist, '--time-scale', '30', '--config', config]);
  servers.driverExample = await start(path.join(repoRoot, 'assets/config/driver.json'));
  servers.driverPale = await start(withBrand('driver.json', PALE));
  servers.portalPale = await start(withBrand('portal-hotel.json', PALE));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await Promise.all(Object.values(servers).map((s) => s.stop()));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// Each screen with its primary action enabled, so the brand colour carries words: Start charging,
// the charging stepper's current step, and the check-in's Continue once a room and name are typed.
async function guestTyped(app) {
  await app.fill('Room number', '12');
  await app.fill('Surname', 'Jansen');
  await app.waitFor('button', 'Continue', { enabled: true });
}
const CASES = [
  { server: 'driverExample', as: 'driver', screen: 'price', brand: '#2E8B3A', primary: 'Start charging' },
  { server: 'driverPale', as: 'driver', screen: 'price', brand: PALE, primary: 'Start charging' },
  { server: 'driverPale', as: 'driver', screen: 'charging', brand: PALE },
  { server: 'portalPale', as: 'portal', screen: 'hotel-checkin', brand: PALE, primary: 'Continue', then: guestTyped },
];

for (const { server, as, screen, brand, primary, then } of CASES) {
  for (const theme of ['light', 'dark']) {
    test(`${screen} with the brand colour ${brand}, ${theme}: its text passes from the pixels`, { timeout: 120000 }, async () => {
      const shot = await openScreen(screen, {
        browser, servers: { [as]: servers[server] }, viewport: { width: 412, height: 860 }, colorScheme: theme,
      });
      try {
        if (then) await then(shot.app);
        if (primary) await shot.app.waitFor('button', primary, { enabled: true, timeout: 15000 });
        const result = await checkLook(shot.page);
        if (result.failures.length) {
          const file = saveFailureShot(result, `brand-${brand.slice(1)}-${screen}-${theme}`);
          assert.fail(`${result.failures.length} look failures (marked: ${file}):\n  ${result.failures.map(describe).join('\n  ')}`);
        }
      } finally {
        await shot.close();
      }
    });
  }
}
