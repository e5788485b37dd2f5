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

  document.addEventListener('htmx:configRequest', function (event) {
    var token = csrfToken();
    if (token) {
      event.detail.headers['X-XSRF-TOKEN'] = token;
    }
  });
})();
