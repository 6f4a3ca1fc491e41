// Keeps the keyboard's place when the page changes under it (WCAG 2.4.3). When the control that
// has the focus is taken out of the page — a deleted row, a button shown in one state only, a
// card drawn anew, a page left by a link — the browser drops the focus to the start of the
// document, and a keyboard or screen-reader user must find their way back from the top. Here
// the focus goes instead to the nearest part of the page that is still there: its first
// control, or the part itself; after a move to another page, that page's heading.
'use strict';
(function () {
  var CONTROLS = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
  var last = null;   // the element that has (or last had) the focus
  var trail = [];    // its ancestors when it got it, nearest first

  document.addEventListener('focusin', function (event) {
    last = event.target;
    trail = [];
    for (var node = last.parentElement; node; node = node.parentElement) trail.push(node);
  });
  // Focus moved to nothing on purpose (a click on the page's background): nothing to keep.
  document.addEventListener('focusout', function (event) {
    var left = event.target;
    if (event.relatedTarget) return;
    setTimeout(function () {
      if (left === last && left.isConnected && !hasFocus()) last = null;
      else rescue();
    }, 0);
  });

  function hasFocus() {
    var active = document.activeElement;
    return active && active !== document.body && active !== document.documentElement;
  }

  function visible(element) {
    return element.getClientRects().length > 0;
  }

  function focusOn(element) {
    if (!element.hasAttribute('tabindex') && !element.matches(CONTROLS)) element.setAttribute('tabindex', '-1');
    element.focus();
  }

  function rescue() {
    if (!last || last.isConnected || hasFocus()) return;
    for (var i = 0; i < trail.length; i++) {
      var part = trail[i];
      if (!part.isConnected || !visible(part)) continue;
      if (part === document.body || part.tagName === 'MAIN' || part.tagName === 'HTML') {
        var heading = document.querySelector('main h1');
        if (heading) return focusOn(heading);
      }
      var controls = part.querySelectorAll(CONTROLS);
      for (var j = 0; j < controls.length; j++) {
        if (visible(controls[j])) return focusOn(controls[j]);
      }
      return focusOn(part);
    }
  }

  new MutationObserver(rescue).observe(document.documentElement, { childList: true, subtree: true });
})();
