// Nastavnik's service worker (hand-written; see ARCHITECTURE.md, "Offline"). After one visit
// online, the questionnaire pages, the kiosk and a deck's presenting page open with the network
// gone: each is fetched from the network first and kept; when the network fails, the kept copy
// answers. Bundles, styles and scripts are kept the same way, so a kept page finds them.
// The bundles' addresses carry the build's version (/pkg/<VERSION>/…) and never change, so
// they are answered from the cache first: a repeat visit loads no bundle from the network.
// Everything else is network first (a page or a script at a fixed address may have changed).
'use strict';

const VERSION = '__VERSION__'; // the server writes the build's digest here
const CACHE = 'nastavnik-' + VERSION;
// Paths that work offline once seen (pages), and the files pages load.
const PAGES = [/^\/surveys\/\d+$/, /^\/kiosk$/, /^\/decks\/\d+\/present$/];
const FILES = [/^\/pkg\//, /^\/static\//, /^\/manifest\.webmanifest$/];
// Addresses whose content never changes: this build's bundles, and the deck's and ECharts'
// files, whose names carry a fingerprint or a version.
const IMMUTABLE = [/^\/pkg\/[0-9a-f]{16}\//, /^\/static\/echarts-[\w.-]+\.min\.js$/, /^\/static\/deck\.(js|css)$/];
// What a questionnaire page needs first: fetched when the worker is installed.
const FIRST = ['nastavnik.css', 'respondent.js', 'respondent.wasm'].map((file) => `/pkg/${VERSION}/${file}`);

self.addEventListener('install', (event) => {
  // Each file on its own: one that fails (a server mid-deploy) does not stop the others.
  event.waitUntil(caches.open(CACHE).then((cache) => Promise.allSettled(FIRST.map((url) => cache.add(url)))));
  // A new worker waits until no page of the old one is open, or until a page between two
  // respondents asks it to take over (message 'take-over'): nothing changes under a respondent.
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith('nastavnik-') && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'take-over') self.skipWaiting();
  // After a logout, a shared tablet keeps no page of the account that left.
  if (event.data === 'forget-pages') event.waitUntil(forgetPages());
  // The page that registered the worker, and the files it loaded before the worker ran:
  // kept now, so that this very first visit already opens offline.
  if (event.data && Array.isArray(event.data.keep)) event.waitUntil(keep(event.data.keep));
});

async function keep(urls) {
  const cache = await caches.open(CACHE);
  await Promise.allSettled(urls.map(async (address) => {
    const url = new URL(address, self.location.origin);
    if (url.origin !== self.location.origin) return;
    const page = PAGES.some((p) => p.test(url.pathname));
    if (!page && !FILES.some((f) => f.test(url.pathname))) return;
    // A page is fetched anew (its content changes); a file already kept is not.
    if (!page && (await cache.match(url.href))) return;
    const response = await fetch(url, { credentials: 'same-origin' });
    if (response.ok) await cache.put(page ? url.pathname : url.href, response);
  }));
}

async function forgetPages() {
  const cache = await caches.open(CACHE);
  for (const request of await cache.keys()) {
    if (PAGES.some((page) => page.test(new URL(request.url).pathname))) await cache.delete(request);
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const page = request.mode === 'navigate' && PAGES.some((p) => p.test(url.pathname));
  const file = FILES.some((f) => f.test(url.pathname));
  if (!page && !file) return;
  if (!page && IMMUTABLE.some((f) => f.test(url.pathname))) event.respondWith(cacheFirst(request));
  else event.respondWith(networkFirst(request, page ? url.pathname : null));
});

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request, { ignoreVary: true });
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
  return response;
}

// A page is kept under its path (a deck's `?v=` stamp does not matter offline).
async function networkFirst(request, pageKey) {
  const cache = await caches.open(CACHE);
  const key = pageKey ?? request;
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') await cache.put(key, response.clone());
    return response;
  } catch (offline) {
    const kept = await cache.match(key, { ignoreVary: true });
    if (kept) return kept;
    throw offline;
  }
}
