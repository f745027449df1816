// Every screen of the app, each reached from a fresh load with the steps the browser tests use:
// for the look checks (tools/check_look.mjs, look.test.mjs) and the pictures (tools/screenshots.mjs).
//
//   const servers = await startScreenServers();              // driver app, hotel portal, kiosk
//   const browser = await launchScreenBrowser();             // with a camera filming a blank wall
//   const shot = await openScreen(SCREENS.price, { browser, servers, viewport: { width: 360, height: 640 }, colorScheme: 'dark' });
//   ... shot.page, shot.app ...
//   await shot.close();                                      // frees the charger for the next run
//   await browser.close(); await servers.stop();
//
// A screen is { name, server: 'driver' | 'portal' | 'kiosk', reach(app, env), release?(env) };
// `release` undoes what the screen left behind at the simulator (a running session, a fault), so
// that the next screen finds the charger free.
import { mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { launchBrowser, openApp } from './app_driver.mjs';
import { addCardByApi, reachPrice, simControl, smartChargingEvse, stopCharging } from './charge_steps.mjs';
import { reopenAt } from './map_touch.mjs';
import { startServer, repoRoot } from './serve_process.mjs';

export const VIEWPORTS = [
  { width: 360, height: 640 }, { width: 390, height: 844 }, { width: 412, height: 860 }, { width: 430, height: 932 },
  { width: 860, height: 412 }, { width: 768, height: 1024 }, { width: 1280, height: 800 },
];
export const THEMES = ['light', 'dark'];
export const LANGUAGES = ['en', 'nl', 'de', 'fr'];
export const sizeName = (v) => `${v.width}x${v.height}`;

// The device pixel ratio of a real device of that size: phones ~2.6, a tablet 2, a desktop 1.
// Text is drawn at this ratio, so contrast is measured on what a driver sees.
export function deviceScale(v) {
  if (v.width >= 1200) return 1;
  if (v.width >= 700 && v.height >= 700) return 2;
  return 2.625;
}

const MARGA = { lat: 52.37707, lng: 5.21647, zoom: 17 };
const MARKER = /^Marga, \d of \d free, AC up to 11 kW$/;
const CONNECTOR = 'Charge at Chargestation-1, connector 1';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function mapLoaded(app) {
  await app.waitFor('option', /free$/, { timeout: 30000 });
}

// The map at Marga, close up, with its sheet open.
async function margaSheet(app, env) {
  await reopenAt(app.page, app, MARGA, env.url);
  await app.tap('button', MARKER, { timeout: 20000 });
  await app.waitFor('heading', 'Marga');
  await app.waitFor('text', /^At this place: /, { timeout: 15000 });  // the details are in: nothing moves any more
  await app.waitFor('button', 'Charge here');
  await app.waitIdle({ quietMs: 200 });
}

// Marga's location screen through the search field, as reachPrice goes (no card in the wallet).
async function margaLocation(app) {
  await mapLoaded(app);
  const field = await app.tap('textbox', 'Search chargers');
  await app.page.waitForFunction((key) => document.activeElement?.id === 'text-input'
    && window.evMirror.nodes().some((x) => x.key === key && x.focused), field.key);
  await app.page.keyboard.insertText('marga');
  await app.tap('option', /^Marga · /);
  await app.waitFor('button', CONNECTOR, { timeout: 15000 });
}

async function charging(app) {
  await reachPrice(app, { timeout: 30000 });
  await app.tap('button', 'Start charging');
  await app.waitFor('status', 'Charging', { timeout: 30000 });
  await app.waitFor('text', /^Energy: /, { timeout: 15000 });
}

async function receipt(app) {
  await charging(app);
  await sleep(1500);  // some energy at 30× time, so the receipt has figures
  await stopCharging(app);
  await app.waitFor('heading', /^Total: €\d+\.\d\d$/, { timeout: 40000 });
}

// The map afresh, its lower part scrolled back to the top. (Back from a screen that scrolled it,
// app_driver's scrollIntoView swipes at heights meant for portrait phones; in landscape they land
// on the map, which pans.)
async function reload(app) {
  await app.page.reload();
  await app.waitReady();
  await mapLoaded(app);
}

// A charging session the screen left running ends (the car leaves), so the charger is free again.
const unplug = async (env) => { await simControl(env.url, 'unplug').catch(() => {}); };

let smartEvse;  // found once: the catalog takes seconds to load

let mailsSent = 0;

const list = [
  { name: 'map', server: 'driver', reach: async (app) => { await mapLoaded(app); } },
  { name: 'map-sheet', server: 'driver', reach: margaSheet },
  {
    name: 'filters', server: 'driver',
    reach: async (app) => {
      await mapLoaded(app);
      await app.tap('button', /^Filters/);
      await app.waitFor('option', 'DC only (fast)');
    },
  },
  {
    name: 'favourites', server: 'driver',
    reach: async (app, env) => {
      await margaSheet(app, env);
      await app.tap('button', 'Add to favourites');
      await app.waitFor('button', 'Remove from favourites');
      await app.tap('button', 'Close');
      await app.tap('button', 'Favourites (1)', { timeout: 15000 });
      await app.waitFor('option', /^Marga · /);
    },
  },
  {
    // The list of chargers in view, scrolled up under the map so that its rows fill the screen.
    name: 'list', server: 'driver',
    reach: async (app) => {
      await mapLoaded(app);
      const vp = app.page.viewportSize();
      // The finger stays in the part under the map (from the Filters row to above the shortcut bar
      // upright, or the window's bottom padding): above it, a drag pans the map; below it, it
      // scrolls nothing. With large text the bar is taller.
      const top = (await app.waitFor('button', /^Filters/)).y;
      const bar = await app.find('button', 'Payment methods');
      const from = Math.min(vp.height - 24, bar && !bar.offscreen && bar.y > top ? bar.y - 16 : Infinity);
      for (let i = 0; i < 6; i++) {
        const field = await app.find('textbox', 'Search chargers');
        if (field && field.y + field.h <= top) break;  // scrolled up past the top of that part
        await app.swipe(vp.width / 2, from, vp.width / 2, Math.max(top + 4, from - vp.height * 0.4));
        await app.waitIdle({ quietMs: 200 });
      }
      await app.page.waitForFunction(() => window.evMirror.nodes().some((n) => n.role === 'option' && !n.offscreen && / free$/.test(n.name)));
    },
  },
  { name: 'location', server: 'driver', reach: margaLocation },
  { name: 'price', server: 'driver', reach: async (app) => { await reachPrice(app, { timeout: 30000 }); await app.waitFor('text', /per kWh/); } },
  {
    name: 'add-card', server: 'driver',
    reach: async (app) => {
      await margaLocation(app);
      await app.tap('button', CONNECTOR);
      await app.waitFor('text', 'Add a charge card to start charging', { timeout: 15000 });
      await app.waitIdle({ quietMs: 200 });  // the price above it has come: the button stays put
      await app.tap('button', 'Add charge card');
      await app.waitFor('textbox', 'Charge card number');
    },
  },
  { name: 'charging', server: 'driver', reach: charging, release: unplug },
  { name: 'receipt', server: 'driver', reach: receipt, release: unplug },
  {
    // The charge point breaks while the driver reads the price: Start is refused (the charger is
    // out of order) and nothing is charged. (Broken after the tap, the car may already be charging
    // at 30× time: that is another screen.)
    name: 'failed-start', server: 'driver',
    reach: async (app, env) => {
      await reachPrice(app, { timeout: 30000 });
      await simControl(env.url, 'fault');
      await app.tap('button', 'Start charging');
      await app.waitFor('text', 'Nothing was charged for this session.', { timeout: 30000 });
    },
    release: async (env) => { await simControl(env.url, 'reset').catch(() => {}); },
  },
  {
    // A card its issuer refused: said plainly on the price screen, with Remove card.
    name: 'price-invalid-card', server: 'driver',
    reach: async (app) => {
      await addCardByApi(app.page, 'INVALID00042');
      await margaLocation(app);
      await app.tap('button', CONNECTOR);
      await app.waitFor('button', 'Remove card', { timeout: 20000 });
      await app.waitFor('text', /per kWh/);
    },
  },
  {
    // The charger has lost its connection: not reachable, no start offered.
    name: 'location-offline', server: 'driver',
    reach: async (app, env) => {
      await simControl(env.url, 'offline');
      await margaLocation(app);
      await app.waitFor('text', 'The charger is not connected to the network, so a start from the app cannot reach it.', { timeout: 20000 });
    },
    release: async (env) => { await simControl(env.url, 'reset').catch(() => {}); },
  },
  {
    // Charging when the network goes: the one offline line, and a Stop tapped offline that waits.
    name: 'charging-offline', server: 'driver',
    reach: async (app) => {
      await charging(app);
      await app.page.context().setOffline(true);
      await stopCharging(app);
      await app.waitFor('status', 'You are offline. Stop will be sent as soon as the phone is online.');
    },
    release: unplug,
  },
  {
    // The price with no network: Start off, and why.
    name: 'price-offline', server: 'driver',
    reach: async (app) => {
      await reachPrice(app, { timeout: 30000 });
      await app.page.context().setOffline(true);
      await app.waitFor('status', 'You are offline: charging can start once the phone is online.');
    },
  },
  {
    // The map with no network: what it last loaded, said in its status line.
    name: 'map-offline', server: 'driver',
    reach: async (app) => {
      await mapLoaded(app);
      await app.page.context().setOffline(true);
      await app.waitFor('status', 'Offline: showing the chargers already loaded.');
    },
  },
  {
    // A new version waits: offered on the map, nothing running. (The page's word for it, as
    // web/boot.js gives it when the new service worker has installed.)
    name: 'map-update', server: 'driver',
    reach: async (app) => {
      await mapLoaded(app);
      await app.page.evaluate(() => window.evShell.onUpdate());
      await app.waitFor('button', 'Reload');
    },
  },
  {
    // A smart-charging session held at 0 kW, with the override offered.
    name: 'charging-smart', server: 'driver',
    reach: async (app, env) => {
      smartEvse ??= smartChargingEvse();
      env.smartEvse = smartEvse;
      await addCardByApi(app.page);
      await app.page.goto(`${env.url}/evse/${encodeURIComponent(env.smartEvse)}`);
      await app.waitReady();
      await app.tap('button', /^Charge at .+, connector 1$/, { timeout: 30000 });
      await app.tap('button', 'Start charging', { timeout: 20000 });
      await app.waitFor('status', 'Paused by smart charging', { timeout: 30000 });
      await app.waitFor('button', 'Charge now at full power');
    },
    release: async (env) => { await simControl(env.url, 'unplug', env.smartEvse).catch(() => {}); },
  },
  {
    name: 'scanner', server: 'driver',
    reach: async (app) => {
      await mapLoaded(app);
      await app.tap('button', 'Scan QR code');
      await app.waitFor('heading', "Scan the charger's QR code");
      await app.waitFor('status', 'Point the camera at the QR code on the charger', { timeout: 20000 });
    },
  },
  {
    name: 'scan-result', server: 'driver',
    reach: async (app) => {
      await mapLoaded(app);
      await app.tap('button', 'Scan QR code');
      await app.fill('Charger ID', 'NL*GFX*EChargestation*1');
      await app.tap('button', 'Find charger');
      await app.waitFor('heading', 'Check the charger', { timeout: 20000 });
      await app.waitFor('text', 'Charger ID: NL-GFX-EChargestation-1');
    },
  },
  {
    name: 'wallet', server: 'driver',
    reach: async (app) => {
      await reachPrice(app, { timeout: 30000 });  // puts a verified card in the wallet
      await reload(app);
      await app.tap('button', 'Payment methods');
      await app.waitFor('text', /2836 · Verified/, { timeout: 15000 });
    },
  },
  {
    name: 'history', server: 'driver',
    reach: async (app) => {
      await receipt(app);
      await app.tap('button', 'Done');
      await reload(app);
      await app.tap('button', 'Past sessions');
      await app.waitFor('option', /^Marga · /, { timeout: 15000 });
    },
    release: unplug,
  },
  {
    // The receipt scrolled to what keeps it: invoice details, the PDF, the e-mail form once sent.
    name: 'receipt-keep', server: 'driver',
    reach: async (app) => {
      await receipt(app);
      // An address of its own each time: the server allows each recipient only a few mails an hour.
      const address = `anna.${++mailsSent}.${process.pid}@example.com`;
      await app.fill('E-mail address', address);
      await app.tap('button', 'Send');
      await app.waitFor('status', `Sent to ${address}`, { timeout: 20000 });
      await app.scrollIntoView('status', `Sent to ${address}`);
    },
    release: unplug,
  },
  {
    // Invoice details with a VAT number of the wrong format, said under its field.
    name: 'invoice', server: 'driver',
    reach: async (app) => {
      await receipt(app);
      await app.tap('button', 'Add invoice details');
      await app.fill('Name', 'Anna de Vries');
      await app.fill('VAT number', 'DE1234');
      await app.tap('button', 'Save');
      await app.waitFor('status', 'This is not the format of a DE VAT number.');
    },
    release: unplug,
  },
  {
    // The expense export from Past sessions, several months.
    name: 'export', server: 'driver',
    reach: async (app) => {
      await receipt(app);
      await app.tap('button', 'Done');
      await app.tap('button', 'Past sessions');
      await app.tap('button', 'Export', { timeout: 15000 });
      await app.tap('option', 'Several months');
      await app.tap('button', 'From · Earlier month');
      await app.waitFor('button', 'Export CSV');
    },
    release: unplug,
  },
  {
    name: 'hotel-checkin', server: 'portal',
    reach: async (app) => { await app.waitFor('heading', 'Charge on your room', { timeout: 20000 }); await app.waitFor('textbox', 'Surname'); },
  },
  {
    name: 'kiosk-attract', server: 'kiosk',
    reach: async (app) => { await app.waitFor('button', 'Tap to start the demo', { timeout: 20000 }); },
  },
];

export const SCREENS = Object.fromEntries(list.map((s) => [s.name, s]));
export const SCREEN_NAMES = list.map((s) => s.name);

// serve.py for each kind of deployment the screens need, on the built app.
export async function startScreenServers({ kinds = ['driver', 'portal', 'kiosk'], root = path.join(repoRoot, 'build/web/dist') } = {}) {
  const configs = { driver: [], portal: ['--config', path.join(repoRoot, 'assets/config/portal-hotel.json')],
    kiosk: ['--config', path.join(repoRoot, 'assets/config/kiosk.json')] };
  const servers = {};
  try {
    for (const kind of kinds) servers[kind] = await startServer(['--root', root, '--time-scale', '30', ...configs[kind]]);
  } catch (err) {
    await Promise.all(Object.values(servers).map((s) => s.stop()));
    throw err;
  }
  return { ...servers, async stop() { await Promise.all(kinds.map((k) => servers[k]?.stop())); } };
}

// One Chromium for all screens, its camera filming a plain wall (the scanner screen as a driver
// sees it before the sticker is in view; a blank video also keeps the scanner from finding anything).
export async function launchScreenBrowser({ args = [] } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'evcharge-wall-'));
  const file = path.join(dir, 'wall.y4m');
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'color=c=0xd9d4c7:s=640x480:r=5:d=1', '-pix_fmt', 'yuv420p', file]);
  const browser = await launchBrowser({ args: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${file}`, ...args] });
  const close = browser.close.bind(browser);
  browser.close = async () => { await close(); rmSync(dir, { recursive: true, force: true }); };
  return browser;
}

// Reached in English (the steps name what they tap in English), a screen is then shown in another
// language the way a phone whose language changes shows it: navigator.languages and `languagechange`.
// A deployment that does not offer the language stays in its own (a hotel in Dutch and English).
async function speak(page, language) {
  await page.evaluate((tag) => {
    Object.defineProperty(navigator, 'languages', { get: () => [tag], configurable: true });
    Object.defineProperty(navigator, 'language', { get: () => tag, configurable: true });
    window.dispatchEvent(new Event('languagechange'));
  }, language);
}

// A fresh page of the app at `viewport` in `colorScheme`, brought to `screen`. Rejects (and
// releases) when the screen could not be reached.
export async function openScreen(screen, { browser, servers, viewport = { width: 412, height: 860 }, colorScheme = 'light',
  deviceScaleFactor = deviceScale(viewport), timeout = 20000, textPercent = 100, language = 'en' } = {}) {
  if (typeof screen === 'string') screen = SCREENS[screen];
  const server = servers[screen.server];
  if (!server) throw new Error(`no ${screen.server} server started for ${screen.name}`);
  const env = { url: server.url, server, servers };
  const phone = viewport.width < 700 || viewport.height < 500;
  const opened = await openApp(server.url + '/', {
    browser, timeout, textPercent,
    context: { viewport, deviceScaleFactor, colorScheme, isMobile: phone, hasTouch: true },
  });
  const release = async () => { if (screen.release) await screen.release(env); };
  const close = async () => { try { await opened.close(); } finally { await release(); } };
  try {
    await screen.reach(opened.app, env);
    if (language !== 'en') await speak(opened.page, language);
    await opened.app.waitIdle({ quietMs: 300, timeout: 5000 }).catch(() => {});  // a ticking clock never idles
  } catch (err) {
    await close().catch(() => {});
    err.message = `reaching ${screen.name} at ${sizeName(viewport)} ${colorScheme}: ${err.message}`;
    throw err;
  }
  return { ...opened, screen, env, close };
}

// Runs `fn(shot, { screen, viewport, size, theme })` on every screen × viewport × theme, each from
// a fresh page, with the servers and the browser started once. A screen that could not be reached
// is handed to `onError(err, combo)` and the run goes on. `fn` may keep nothing of the page: it is
// closed (and the charger freed) right after.
export async function runMatrix({ screens = SCREEN_NAMES, viewports = VIEWPORTS, themes = THEMES, languages = ['en'],
  deviceScaleFactor = null, root = null, textPercent = 100, onError = (err) => { throw err; } } = {}, fn) {
  const kinds = [...new Set(screens.map((s) => SCREENS[s].server))];
  const servers = await startScreenServers(root ? { kinds, root } : { kinds });
  const browser = await launchScreenBrowser();
  try {
    for (const name of screens) {
      for (const viewport of viewports) {
        for (const theme of themes) {
          for (const language of languages) {
            const combo = { screen: name, viewport, size: sizeName(viewport), theme, language };
            let shot;
            try {
              shot = await openScreen(name, { browser, servers, viewport, colorScheme: theme, textPercent, language,
                deviceScaleFactor: deviceScaleFactor ?? deviceScale(viewport) });
              await fn(shot, combo);
            } catch (err) {
              await onError(err, combo);
            } finally {
              await shot?.close().catch(() => {});
            }
          }
        }
      }
    }
  } finally {
    await browser.close();
    await servers.stop();
  }
}

// "--name value" and "--flag" arguments -> { name: value | true }.
export function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([\w-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new Error(`unexpected argument ${argv[i]}`);
    if (m[2] !== undefined) out[m[1]] = m[2];
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) out[m[1]] = argv[++i];
    else out[m[1]] = true;
  }
  return out;
}

// "360x640,1280x800" -> [{ width, height }]; "screen,screen" -> names, checked.
export const parseSizes = (text) => text.split(',').map((s) => {
  const m = /^(\d+)x(\d+)$/.exec(s.trim());
  if (!m) throw new Error(`a size is WIDTHxHEIGHT, not ${s}`);
  return { width: Number(m[1]), height: Number(m[2]) };
});
export const parseScreens = (text) => text.split(',').map((s) => {
  if (!SCREENS[s.trim()]) throw new Error(`no screen ${s}; screens: ${SCREEN_NAMES.join(', ')}`);
  return s.trim();
});
