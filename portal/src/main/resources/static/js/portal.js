// The portal's only script besides htmx (CSP: script-src 'self', no inline code).
// The server already fills the CSRF token from the XSRF-TOKEN cookie; this keeps forms and htmx
// requests working when the gateway renewed the cookie after the page was rendered.
(function () {
  'use strict';

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
    return match ? decodeURIComponent(match[1]) : '';
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    var token = csrfToken();
    if (!token || !form.querySelector) {
      return;
    }
    var field = form.querySelector('input[name="_csrf"]');
    if (field) {
      field.value = token;
    }
  }, true);

  // a button that prints the page (the submission receipt): no inline handler under the CSP
  document.addEventListener('click', function (event) {
    var button = event.target && event.target.closest ? event.target.closest('[data-print]') : null;
    if (button) {
      window.print();
    }
  });

  // GOV.UK error summary: after a failed submit the page opens on it, so keyboard and screen-reader
  // users start with what is wrong; its links move to the control (and scroll its label into view)
  function focusErrorSummary() {
    var summary = document.querySelector('[data-error-summary]');
    if (summary) {
      summary.focus();
    }
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', focusErrorSummary);
  } else {
    focusErrorSummary();
  }
  document.addEventListener('click', function (event) {
    var link = event.target && event.target.closest ? event.target.closest('.error-summary a[href^="#"]') : null;
    var target = link ? document.getElementById(link.getAttribute('href').substring(1)) : null;
    if (!target) {
      return;
    }
    var label = document.querySelector('label[for="' + target.id + '"]');
    event.preventDefault();
    (label || target).scrollIntoView();
    target.focus({ preventScroll: true });
  });

  // A table wider than the screen scrolls inside its .table-wrap: a keyboard user must be able to
  // reach that scroll (WCAG 2.1.1; axe's scrollable-region-focusable), so a wrap that overflows is a
  // focusable group named after its table's caption, and one that fits stays out of the tab order.
  // Done here rather than in the ~35 templates with a .table-wrap, and again when the width changes.
  function scrollableTables() {
    document.querySelectorAll('.table-wrap').forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        var caption = wrap.querySelector('caption');
        var heading = wrap.closest('section') && wrap.closest('section').querySelector('h1, h2, h3');
        var name = (caption || heading || {}).textContent;
        wrap.setAttribute('tabindex', '0');
        wrap.setAttribute('role', 'group');
        wrap.setAttribute('aria-label', (name || document.title).trim());
      } else if (wrap.getAttribute('tabindex') === '0') {
        wrap.removeAttribute('tabindex');
        wrap.removeAttribute('role');
        wrap.removeAttribute('aria-label');
      }
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', scrollableTables);
  } else {
    scrollableTables();
  }
  window.addEventListener('resize', scrollableTables);
  document.addEventListener('htmx:afterSettle', scrollableTables);

  document.addEventListener('htmx:configRequest', function (event) {
    var token = csrfToken();
    if (token) {
      event.detail.headers['X-XSRF-TOKEN'] = token;
    }
  });
})();
