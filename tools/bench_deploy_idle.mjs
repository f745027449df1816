// Frames drawn while the hotel check-in and the kiosk attract screen sit idle (render on demand:
// expected 0). Prints numbers; asserts nothing. Usage: node tools/bench_deploy_idle.mjs (after a web build)
import path from 'node:path';

import { openApp, launchBrowser } from '../tests/browser/lib/app_driver.mjs';
import { startServer, repoRoot } from '../tests/browser/lib/serve_process.mjs';

const browser = await launchBrowser();
try {
  for (const config of ['portal-hotel.json', 'kiosk.json']) {
    const server = await startServer(['--root', path.join(repoRoot, 'build/web/dist'),
      '--config', path.join(repoRoot, 'assets/config', config)]);
    const { page, app, close } = await openApp(server.url + '/', { browser });
    await app.waitFor('button', /^(Continue|Tap to start the demo)$/);
    await page.waitForTimeout(1000);
    const before = await app.frames();
    await page.waitForTimeout(3000);
    console.log(`${config}: ${(await app.frames()) - before} frames during 3 s idle`);
    await close();
    await server.stop();
  }
} finally {
  await browser.close();
}
