// Presents a Nastavnik deck: the slides are already in this document (1280 × 720 each) with
// their charts' ECharts options in data-chart. Three layouts:
//   overview  — every slide in a column, with PNG buttons under the charts (also what prints);
//   show      — one slide scaled to the screen, full screen when the browser allows;
//   presenter — `#presenter`: the current and next slide, notes and a clock, in a second window.
// The two windows follow each other through BroadcastChannel and postMessage, so this works
// from the server and from the exported file, and needs no network once open.
(function () {
  'use strict';
  var body = document.body;
  var deckId = body.getAttribute('data-deck');
  var frames = Array.prototype.slice.call(document.querySelectorAll('.slides > .frame'));
  var total = frames.length;
  var presenter = location.hash === '#presenter';
  var current = 0;
  var peer = null;
  var wentFullscreen = false;

  // --- Charts ---------------------------------------------------------------------------------
  function drawCharts() {
    if (!window.echarts) return;
    frames.forEach(function (frame, slideIndex) {
      var charts = frame.querySelectorAll('.chart[data-chart]');
      Array.prototype.forEach.call(charts, function (el, chartIndex) {
        if (el.getAttribute('data-drawn')) return;
        var option;
        try { option = JSON.parse(el.getAttribute('data-chart')); } catch (e) { return; }
        // SVG: crisp on any projector and in the PDF, and its text can be searched.
        echarts.init(el, null, { renderer: 'svg' }).setOption(option);
        el.setAttribute('data-drawn', '1');
        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'png-button';
        button.textContent = 'PNG';
        button.title = 'Скачать диаграмму как PNG';
        button.addEventListener('click', function () {
          savePng(el, option, 'slide-' + (slideIndex + 1) + '-chart-' + (chartIndex + 1) + '.png');
        });
        el.insertAdjacentElement('afterend', button);
      });
    });
  }

  function savePng(el, option, name) {
    var box = document.createElement('div');
    box.style.cssText = 'position:fixed;left:-20000px;top:0;width:' + el.offsetWidth + 'px;height:' + el.offsetHeight + 'px';
    document.body.appendChild(box);
    var chart = echarts.init(box, null, { renderer: 'canvas' });
    chart.setOption(option);
    var url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
    chart.dispose();
    box.remove();
    var link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  // --- Layout ---------------------------------------------------------------------------------
  function setScale(frame, scale) {
    frame.style.setProperty('--s', String(scale));
  }

  function fit() {
    if (body.classList.contains('show')) {
      var s = Math.min(window.innerWidth / 1280, window.innerHeight / 720);
      frames.forEach(function (f) { setScale(f, s); });
    } else if (presenter) {
      var big = Math.min((window.innerWidth * 0.62) / 1280, (window.innerHeight - 24) / 720);
      var small = Math.min((window.innerWidth * 0.34) / 1280, 0.4);
      frames.forEach(function (f, i) { setScale(f, i === current + 1 ? small : big); });
      // The next slide sits over its placeholder in the side panel.
      var holder = document.querySelector('[data-next]');
      holder.style.width = 1280 * small + 'px';
      holder.style.height = 720 * small + 'px';
      var place = holder.getBoundingClientRect();
      frames.forEach(function (f, i) {
        f.style.left = i === current + 1 ? place.left + 'px' : '';
        f.style.top = i === current + 1 ? place.top + 'px' : '';
      });
    } else {
      var column = document.querySelector('.slides').clientWidth;
      var o = Math.min(1, column / 1280);
      frames.forEach(function (f) { setScale(f, o); });
    }
  }

  function go(n, quiet) {
    if (!total) return;
    current = Math.max(0, Math.min(total - 1, n));
    frames.forEach(function (f, i) {
      f.classList.toggle('current', i === current);
      f.classList.toggle('next', i === current + 1);
    });
    var label = (current + 1) + ' / ' + total;
    Array.prototype.forEach.call(document.querySelectorAll('[data-counter]'), function (c) { c.textContent = label; });
    if (presenter) {
      var notes = frames[current].querySelector('.notes');
      document.querySelector('[data-notes]').textContent = notes ? notes.textContent : '';
      var next = document.querySelector('[data-next]');
      next.classList.toggle('is-last', current + 1 >= total);
    }
    fit();
    if (!quiet) tell({ slide: current });
  }

  function startShow(at) {
    body.classList.remove('overview');
    body.classList.add('show');
    go(at === undefined ? current : at);
    var root = document.documentElement;
    if (root.requestFullscreen && !document.fullscreenElement) {
      root.requestFullscreen().then(function () { wentFullscreen = true; }, function () { /* stays a window */ });
    }
  }

  function stopShow() {
    body.classList.remove('show');
    body.classList.add('overview');
    fit();
    frames[current].scrollIntoView({ block: 'center' });
  }

  document.addEventListener('fullscreenchange', function () {
    if (!document.fullscreenElement && wentFullscreen) {
      wentFullscreen = false;
      stopShow();
    }
  });

  // --- The other window -----------------------------------------------------------------------
  var channel = 'BroadcastChannel' in window ? new BroadcastChannel('nastavnik-deck-' + deckId) : null;

  function tell(message) {
    message.nastavnikDeck = deckId;
    if (channel) channel.postMessage(message);
    var other = presenter ? window.opener : peer;
    if (other && !other.closed) {
      try { other.postMessage(message, '*'); } catch (e) { /* the other window is gone */ }
    }
  }

  function hear(message) {
    if (!message || message.nastavnikDeck !== deckId) return;
    if (message.hello && !presenter) tell({ slide: current, tables: body.classList.contains('show-tables') });
    if (typeof message.slide === 'number' && message.slide !== current) go(message.slide, true);
    if (typeof message.tables === 'boolean') showTables(message.tables, true);
  }

  // --- Tables instead of charts: the figures of every chart, as the screen reader reads them ---
  function showTables(on, quiet) {
    body.classList.toggle('show-tables', on);
    Array.prototype.forEach.call(document.querySelectorAll('[data-action="tables"]'), function (b) { b.setAttribute('aria-pressed', String(on)); });
    if (!quiet) tell({ tables: on });
  }

  // --- «Версия для слабовидящих»: the same switch, and the same choice, as the app's pages ---
  var VISION = 'nastavnik.vision';
  function showVision(on) {
    if (on) document.documentElement.setAttribute('data-vision', 'light');
    else document.documentElement.removeAttribute('data-vision');
    try { if (on) localStorage.setItem(VISION, 'light'); else localStorage.removeItem(VISION); } catch (e) { /* storage off */ }
    markVision();
  }
  function markVision() {
    var on = document.documentElement.hasAttribute('data-vision');
    Array.prototype.forEach.call(document.querySelectorAll('[data-action="vision"]'), function (b) { b.setAttribute('aria-pressed', String(on)); });
  }

  if (channel) channel.onmessage = function (e) { hear(e.data); };
  window.addEventListener('message', function (e) { hear(e.data); });

  function openPresenter() {
    var address = location.href.split('#')[0] + '#presenter';
    peer = window.open(address, 'nastavnik-presenter-' + deckId, 'width=1280,height=800');
  }

  // --- Controls -------------------------------------------------------------------------------
  var NEXT = ['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Spacebar', 'Enter', 'n', 'N'];
  var PREV = ['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace', 'p', 'P'];

  document.addEventListener('keydown', function (e) {
    if (e.target.closest && e.target.closest('input, textarea, select, button')) {
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft' && e.key !== 'PageDown' && e.key !== 'PageUp') return;
    }
    if (e.code === 'KeyT' && !e.ctrlKey && !e.metaKey && !e.altKey) { e.preventDefault(); showTables(!body.classList.contains('show-tables')); return; }
    var presenting = presenter || body.classList.contains('show');
    if (!presenting) {
      if (e.key === 'F5' || (e.key === 'Enter' && e.shiftKey)) { e.preventDefault(); startShow(); }
      return;
    }
    if (NEXT.indexOf(e.key) >= 0) { e.preventDefault(); go(current + 1); }
    else if (PREV.indexOf(e.key) >= 0) { e.preventDefault(); go(current - 1); }
    else if (e.key === 'Home') { e.preventDefault(); go(0); }
    else if (e.key === 'End') { e.preventDefault(); go(total - 1); }
    else if (e.key === 'Escape' && !presenter) {
      if (document.fullscreenElement && document.exitFullscreen) document.exitFullscreen().catch(function () {});
      wentFullscreen = false;
      stopShow();
    }
  });

  // A tap on the right two thirds goes on, on the left third back; a swipe either way.
  var touchStart = null;
  document.addEventListener('pointerdown', function (e) { touchStart = { x: e.clientX, y: e.clientY }; });
  document.addEventListener('pointerup', function (e) {
    if (!body.classList.contains('show') || !touchStart || e.target.closest('button, a')) return;
    var dx = e.clientX - touchStart.x;
    touchStart = null;
    if (Math.abs(dx) > 60) go(current + (dx < 0 ? 1 : -1));
    else go(current + (e.clientX > window.innerWidth / 3 ? 1 : -1));
  });

  document.addEventListener('click', function (e) {
    var button = e.target.closest('[data-action]');
    if (!button) return;
    var action = button.getAttribute('data-action');
    if (action === 'show') startShow();
    else if (action === 'presenter') openPresenter();
    else if (action === 'print') window.print();
    else if (action === 'tables') showTables(!body.classList.contains('show-tables'));
    else if (action === 'vision') showVision(!document.documentElement.hasAttribute('data-vision'));
    else if (action === 'next') go(current + 1);
    else if (action === 'prev') go(current - 1);
  });

  window.addEventListener('resize', fit);
  // The composer's preview points at `#N` when another slide is chosen.
  window.addEventListener('hashchange', function () {
    var asked = parseInt(location.hash.slice(1), 10);
    if (asked > 0 && !presenter) {
      go(asked - 1, true);
      if (body.classList.contains('overview')) frames[current].scrollIntoView({ block: 'start' });
    }
  });

  // --- Start ----------------------------------------------------------------------------------
  try {
    // An exported file has no /static/vision.js in its head: the choice is applied here.
    if (localStorage.getItem(VISION)) document.documentElement.setAttribute('data-vision', 'light');
  } catch (e) { /* storage off */ }
  markVision();
  drawCharts();
  if (presenter) {
    body.classList.remove('overview');
    body.classList.add('presenter');
    var started = Date.now();
    var clock = document.querySelector('[data-clock]');
    setInterval(function () {
      var s = Math.floor((Date.now() - started) / 1000);
      clock.textContent = String(Math.floor(s / 60)).padStart(2, '0') + ':' + String(s % 60).padStart(2, '0');
    }, 1000);
    go(0, true);
    tell({ hello: true });
  } else {
    var hash = location.hash.slice(1);
    var asked = parseInt(hash, 10);
    go(asked > 0 ? asked - 1 : 0, true);
    if (asked > 1) frames[current].scrollIntoView({ block: 'start' });
    // `#print`: the composer's PDF button opens the deck straight into the print dialog.
    if (hash === 'print') setTimeout(function () { window.print(); }, 300);
  }
  body.setAttribute('data-ready', '1');
})();
