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

  document.addEventListener('htmx:configRequest', function (event) {
    var token = csrfToken();
    if (token) {
      event.detail.headers['X-XSRF-TOKEN'] = token;
    }
  });
})();
