// The app's service worker: the app shell comes from the cache, so the app opens with no network
// (a driver in an underground garage keeps the Stop button). The rules for every kind of request
// are in `route` below, in one place:
// - the app shell (the build's list, precached at install under the build's version): cache first;
// - pages (/, /qr/…, /evse/… deep links): the network, else the cached index.html;
// - location answers (GET /api/locations/…): stale-while-revalidate, at most DATA_MAX entries;
// - the deployment's answers (/config.json, /map-config.json, /manifest.webmanifest): network first,
//   else the last one;
// - map tiles and base map cells not precached, the QR decoder's files: cache first, at most
//   TILES_MAX entries, the oldest dropped first;
// - every other /api/ request (POSTs, session status, wallet, tariffs, tokens): the network only,
//   never a cache, so the app's own offline handling speaks.
// A new version installs beside the old and waits: the page asks it to take over (never during a
// session) with the message 'take-over'.
'use strict';

// Written by tools/make_service_worker.py when dist/ is made: the version (from the files' content
// hashes) and the shell's files. The values here are for a worker served straight from web/.
const BUILD = { version: 'dev', files: [] };

const SHELL = 'shell-' + BUILD.version;
const DATA = 'data-v1';
const TILES = 'tiles-v1';
const KEEP = [SHELL, DATA, TILES];
const DATA_MAX = 300;
const TILES_MAX = 2000;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(SHELL);
    // 'reload': past the HTTP cache, so an old copy never lands under the new version.
    await cache.addAll(BUILD.files.map((url) => new Request(url, { cache: 'reload' })));
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (!KEEP.includes(name)) await caches.delete(name);
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'take-over') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const handler = route(url, request);
  if (handler) event.respondWith(handler(request, url, event));
});

function route(url, request) {
  const p = url.pathname;
  if (request.mode === 'navigate') return page;
  if (p.startsWith('/api/locations/')) return staleWhileRevalidate;
  if (p.startsWith('/api/') || p.startsWith('/sim/') || p.startsWith('/portal/')) return null;
  if (p === '/config.json' || p === '/map-config.json' || p.endsWith('/manifest.webmanifest')) return networkFirst;
  if (p.startsWith('/tiles/') || p.startsWith('/basemap/') || p.startsWith('/zxing/')) return cacheFirst;
  return shell;
}

// A shell file from this version's cache, else the network (and a file that is not the shell's,
// such as a hotel's logo, as the network gives it).
async function shell(request) {
  const cache = await caches.open(SHELL);
  const hit = await cache.match(request, { ignoreSearch: true });
  if (hit && intact(hit)) return hit;
  return fetch(request);
}

async function page(request) {
  try {
    return await fetch(request);
  } catch (err) {
    const cache = await caches.open(SHELL);
    const index = (await cache.match('index.html')) || (await cache.match('./'));
    if (index) return index;
    throw err;
  }
}

async function networkFirst(request) {
  const cache = await caches.open(DATA);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone()).catch(() => {});
    return response;
  } catch (err) {
    const hit = await cache.match(request);
    if (hit) return hit;
    throw err;
  }
}

async function staleWhileRevalidate(request, url, event) {
  const cache = await caches.open(DATA);
  const hit = await cache.match(request);
  const fresh = fetch(request).then(async (response) => {
    if (response.ok) {
      await cache.put(request, response.clone()).catch(() => {});
      await trim(cache, DATA_MAX);
    }
    return response;
  });
  if (hit) {
    event.waitUntil(fresh.catch(() => {}));
    return hit;
  }
  return fresh;
}

async function cacheFirst(request) {
  const cache = await caches.open(TILES);
  const hit = await cache.match(request);
  if (hit && intact(hit)) return hit;
  const response = await fetch(request);
  if (response.ok) {
    await cache.put(request, response.clone()).catch(() => {});  // a full disk only costs the copy
    await trim(cache, TILES_MAX);
  }
  return response;
}

// An entry that was cut short (its body shorter than it says) is not served.
function intact(response) {
  const length = response.headers.get('Content-Length');
  return !length || response.headers.get('Content-Encoding') || Number(length) > 0;
}

// Keeps the newest `max` entries (the cache lists its keys oldest first).
async function trim(cache, max) {
  const keys = await cache.keys();
  for (let i = 0; i < keys.length - max; i++) await cache.delete(keys[i]);
}
