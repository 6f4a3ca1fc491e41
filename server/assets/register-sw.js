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
      // A kiosk between two respondents lets a new version waiting on the tablet take over,
      // and reloads into it; what waits to be sent stays on the device through the reload.
      let takingOver = false;
      window.addEventListener('nastavnik-between-respondents', () => {
        if (registration.waiting) {
          takingOver = true;
          registration.waiting.postMessage('take-over');
        }
      });
      navigator.serviceWorker.addEventListener('controllerchange', () => {
        if (takingOver) location.reload();
      });
    }).catch(() => { /* no worker: the app works online as before */ });
  });
}
