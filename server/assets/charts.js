// Draws every `.chart[data-chart]` on the app's pages with ECharts, loading ECharts only when a
// page has a chart: the questionnaire pages a tablet opens never download it. Charts that
// Leptos adds, changes or removes later are followed with a MutationObserver.
(function () {
  'use strict';
  var SRC = '/static/echarts-5.5.1-nastavnik.min.js';
  var loading = null;

  function load() {
    if (window.echarts) return Promise.resolve();
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        script.src = SRC;
        script.onload = resolve;
        script.onerror = function () { loading = null; reject(new Error('echarts')); };
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  function draw(el) {
    var source = el.getAttribute('data-chart');
    if (el.__drawnFrom === source) return;
    var option;
    try { option = JSON.parse(source); } catch (e) { return; }
    var chart = echarts.getInstanceByDom(el) || echarts.init(el, null, { renderer: 'svg' });
    chart.setOption(option, true);
    el.__drawnFrom = source;
  }

  function scan() {
    var charts = document.querySelectorAll('.chart[data-chart]');
    if (!charts.length) return;
    load().then(function () { Array.prototype.forEach.call(charts, draw); }, function () { /* offline: tables stay */ });
  }

  var pending = false;
  new MutationObserver(function () {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () { pending = false; scan(); });
  }).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-chart'] });
  function resizeAll() {
    if (!window.echarts) return;
    Array.prototype.forEach.call(document.querySelectorAll('.chart[data-chart]'), function (el) {
      var chart = echarts.getInstanceByDom(el);
      if (chart) chart.resize();
    });
  }
  window.addEventListener('resize', resizeAll);
  // Paper is narrower than the screen: redraw to the printed width, and back afterwards.
  window.addEventListener('beforeprint', resizeAll);
  window.addEventListener('afterprint', resizeAll);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan); else scan();
})();
