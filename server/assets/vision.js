// «Версия для слабовидящих»: this device's choice applied before the page is drawn (loaded
// without `defer` in every page's head), so large type never flashes in small first.
'use strict';
(function () {
  try {
    var vision = localStorage.getItem('nastavnik.vision');
    if (vision === 'light' || vision === 'dark') document.documentElement.setAttribute('data-vision', vision);
  } catch (e) { /* storage disabled: the normal version */ }
})();
