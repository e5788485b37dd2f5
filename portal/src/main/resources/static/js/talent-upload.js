// Upload progress for the talent attachment form (CSP script-src 'self': no inline code).
// htmx fires htmx:xhr:progress on the form while the file is sent; the form's <progress> follows it.
(function () {
  'use strict';

  function bar(event) {
    var form = event.target && event.target.closest ? event.target.closest('form[data-upload-progress]') : null;
    return form ? form.querySelector('progress') : null;
  }

  document.addEventListener('htmx:xhr:progress', function (event) {
    var progress = bar(event);
    if (progress && event.detail && event.detail.lengthComputable && event.detail.total > 0) {
      progress.value = Math.round(event.detail.loaded * 100 / event.detail.total);
    }
  });

  document.addEventListener('htmx:beforeRequest', function (event) {
    var progress = bar(event);
    if (progress) {
      progress.value = 0;
    }
  });
})();
