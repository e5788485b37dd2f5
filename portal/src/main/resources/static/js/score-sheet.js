// The expert's scoring sheet (CSP script-src 'self': no inline code). Previews the weighted total
// as the expert picks scores, with the formula review-service uses (Rubric.overallHundredths:
// each weight times the score's place on the scale); the service's total is the one that counts.
// Also moves focus to the error summary or the confirmation heading after a page load, so a
// keyboard or screen-reader user lands on what to do next.
(function () {
  'use strict';

  function preview(form) {
    var min = Number(form.getAttribute('data-scale-min'));
    var max = Number(form.getAttribute('data-scale-max'));
    var total = 0;
    var scored = 0;
    form.querySelectorAll('tr[data-weight]').forEach(function (row) {
      var select = row.querySelector('select');
      if (!select || select.value === '' || max <= min) {
        return;
      }
      scored++;
      total += Number(row.getAttribute('data-weight')) * (Number(select.value) - min) / (max - min);
    });
    var output = form.querySelector('#sheet-total');
    if (output) {
      output.value = (Math.round(total * 100) / 100).toFixed(2);
    }
    var count = form.querySelector('#sheet-scored');
    if (count && count.getAttribute('data-template')) {
      count.textContent = count.getAttribute('data-template').replace('{0}', String(scored));
    }
  }

  // A field the expert just changed no longer shows the error it had: it sits outside the part
  // htmx swaps after an autosave, and would otherwise contradict the new value until the next check.
  function settled(field) {
    if (!field || field.getAttribute('aria-invalid') !== 'true') {
      return;
    }
    var message = document.getElementById(field.getAttribute('aria-describedby') || '');
    if (message) {
      message.remove();
    }
    field.removeAttribute('aria-invalid');
    field.removeAttribute('aria-describedby');
  }

  document.addEventListener('DOMContentLoaded', function () {
    var target = document.querySelector('[data-focus-on-load]');
    if (target) {
      target.focus();
    }
    var form = document.getElementById('sheet');
    if (form && form.tagName === 'FORM') {
      form.addEventListener('input', function () { preview(form); });
      form.addEventListener('change', function (event) {
        preview(form);
        settled(event.target);
      });
    }
  });
})();
