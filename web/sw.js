// The app's service worker: the app shell comes from the cache, so the app opens with no network
// (a driver in an underground garage keeps the Stop button). The rules for every kind of request
// are in `route` below, in one place:
// - the app shell (the build's list, precached at install under the build's version): cache first;
// - pages (/, /qr/…, /evse/… deep links): the network, else the cached index.html;
// - location answers (GET /api/locations/…): stale-while-revalidate, each page under its own key,
//   at most DATA_MAX entries;
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
// hashes) and the shell's files, each with the start of its SHA-256. The values here are for a
// worker served straight from web/.
const BUILD = { version: 'dev', files: {} };

const SHELL = 'shell-' + BUILD.version;
const DATA = 'data-v1';
const TILES = 'tiles-v1';
const DEPLOY = 'deployment-v1';  // its own cache: never trimmed away by location answers
const KEEP = [SHELL, DATA, TILES, DEPLOY];
const DATA_MAX = 300;
const DEPLOYMENT = ['/config.json', '/map-config.json'];
const TILES_MAX = 2000;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(SHELL);
    try {
      // 'no-cache': asked of the server each (an old copy never lands under the new version), and a
      // 304 for what the page itself has just loaded, so the first visit does not load it twice.
      await cache.addAll(Object.keys(BUILD.files).map((name) => new Request(name, { cache: 'no-cache' })));
    } catch (err) {
      // A full disk or a lost file: no half shell is kept, and the page goes on from the network.
      await caches.delete(SHELL);
      throw err;
    }
    // The deployment's answers too: the page that registered this worker fetched them before the
    // worker was there, and an offline reload needs them. Best effort: the shell alone installs.
    const deploy = await caches.open(DEPLOY);
    await Promise.all(DEPLOYMENT.map(async (url) => {
      try {
        const response = await fetch(new Request(url, { cache: 'reload' }));
        if (response.ok) await deploy.put(url, response);
      } catch { /* fetched again, and kept, when the page next asks */ }
    }));
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
// such as a hotel's logo, as the network gives it). A cached copy that is not the build's (cut short
// by a full disk or a killed write) is replaced from the network.
async function shell(request, url) {
  const cache = await caches.open(SHELL);
  const hit = await cache.match(request, { ignoreSearch: true });
  const name = shellName(url);
  if (hit && await intact(hit, name)) return hit;
  const response = await fetch(request);
  if (hit && response.ok && name) await cache.put(name, response.clone()).catch(() => {});
  return response;
}

function shellName(url) {
  const scope = new URL(self.registration.scope).pathname;
  const name = url.pathname === scope ? 'index.html' : url.pathname.slice(scope.length);
  return url.pathname.startsWith(scope) && Object.prototype.hasOwnProperty.call(BUILD.files, name) ? name : null;
}

// Checked once per worker start, not on every request.
const checked = new Set();
async function intact(response, name) {
  if (!name || checked.has(name)) return true;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await response.clone().arrayBuffer()));
  const hex = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
  if (!hex.startsWith(BUILD.files[name])) return false;
  checked.add(name);
  return true;
}

// Offline, the app itself at its root: a sticker's deep link (/qr/…, /evse/…) is answered by the
// server with a redirect the worker cannot make, and the page's relative files resolve from the root.
async function page(request, url) {
  try {
    return await fetch(request);
  } catch (err) {
    const root = new URL(self.registration.scope);
    if (url.pathname !== root.pathname && url.pathname !== root.pathname + 'index.html') {
      return Response.redirect(root.href, 302);
    }
    const cache = await caches.open(SHELL);
    const index = await cache.match('index.html');
    if (index) return index;
    throw err;
  }
}

async function networkFirst(request) {
  const cache = await caches.open(DEPLOY);
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

// Location answers, stale-while-revalidate: the kept answer at once (the network's kept for next
// time), else the network's. The API asks for a list's next page with the request header
// `continuationToken`, not in the URL, so each page is kept under its own key (pageKey): one key for
// all pages would give a later page where the first is asked for.
async function staleWhileRevalidate(request, url, event) {
  const cache = await caches.open(DATA);
  const key = pageKey(request);
  const hit = await cache.match(key);
  const fresh = fetch(request).then(async (response) => {
    if (response.ok) {
      await cache.put(key, response.clone()).catch(() => {});
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

function pageKey(request) {
  const token = request.headers.get('continuationToken');
  if (!token) return request.url;
  const url = new URL(request.url);
  url.searchParams.set('sw-continuation', token);  // a key only: never sent
  return url.href;
}

// Least recently used first out: a hit is put back, which moves it to the end of the cache's keys.
async function cacheFirst(request, url, event) {
  const cache = await caches.open(TILES);
  const hit = await cache.match(request);
  if (hit) {
    event.waitUntil(cache.put(request, hit.clone()).catch(() => {}));
    return hit;
  }
  const response = await fetch(request);
  if (response.ok) {
    await cache.put(request, response.clone()).catch(() => {});  // a full disk only costs the copy
    await trim(cache, TILES_MAX);
  }
  return response;
}

// Keeps the last `max` entries (the cache lists its keys in the order they were put).
async function trim(cache, max) {
  const keys = await cache.keys();
  for (let i = 0; i < keys.length - max; i++) await cache.delete(keys[i]);
}
