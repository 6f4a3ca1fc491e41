// Registers Nastavnik's service worker (server/assets/sw.js) for the whole site.
'use strict';
if ('serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).then(() => navigator.serviceWorker.ready).then((registration) => {
      // Back at the login page (after a logout): the pages of the account that left go.
      if (location.pathname === '/login') {
        registration.active.postMessage('forget-pages');
        return;
      }
      // This page and what it loaded, for the worker to keep (it keeps only what may be
      // opened offline: the questionnaire pages, the kiosk, a deck's presenting page, files).
      const loaded = performance.getEntriesByType('resource').map((entry) => entry.name);
      registration.active.postMessage({ keep: [location.pathname + location.search, ...loaded] });
    }).catch(() => { /* no worker: the app works online as before */ });
  });
}
