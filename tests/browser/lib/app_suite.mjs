// The frame most browser test files share: one serve.py serving the web build, at 30 simulated
// seconds per real second (the car plugs in and energy flows within a test's patience), and one
// Chromium; started before the file's tests, stopped after them. `server` and `browser` are live
// bindings: importers see the running pair once `before` has run.
import { before, after } from 'node:test';
import path from 'node:path';

import { launchBrowser } from './app_driver.mjs';
import { startServer, repoRoot } from './serve_process.mjs';

export let server;
export let browser;

export function useAppServer(extraArgs = []) {
  before(async () => {
    server = await startServer(['--root', path.join(repoRoot, 'build/web/dist'), '--time-scale', '30', ...extraArgs]);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
}
