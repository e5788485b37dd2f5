// The proposal form's sums as one types (CSP script-src 'self': no inline code). Progressive
// enhancement: the server computes the same totals, shares and over-limit notes when it renders the
// page and checks the call's rules again on every save, so the page is whole without this script.
//  - budget grid: a total per category and per source, the grand total, each category's share of
//    it, the fiscal share against the call's limit and the fiscal money against the ceiling;
//  - consortium: the sums of the shares of work and of the budget;
//  - autosave: a save that does not come back (error, expired session) is said in the alert.
(function () {
  'use strict';

  var form = document.getElementById('proposal-form');
  if (!form) {
    return;
  }

  // "12,345.6" -> 1234560 fen; anything that is no amount counts as 0 (the server names it)
  function fen(text) {
    var clean = String(text || '').replace(/[,，\s]/g, '');
    if (!/^\d+(\.\d{1,2})?$/.test(clean)) {
      return 0;
    }
    var parts = clean.split('.');
    var cents = (parts[1] || '').concat('00').substring(0, 2);
    return parseInt(parts[0], 10) * 100 + parseInt(cents, 10);
  }

  // 1234560 fen -> "12,345.60", as the server's Yuan.format writes it
  function yuan(value) {
    var whole = Math.floor(value / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    var cents = String(value % 100);
    return whole + '.' + (cents.length < 2 ? '0' + cents : cents);
  }

  function share(part, total) {
    return total > 0 ? (Math.round(part * 10000 / total) / 100).toFixed(2) : '';
  }

  function set(node, text) {
    if (node && node.textContent !== text) {
      node.textContent = text;
    }
  }

  var grid = form.querySelector('[data-budget]');

  function budget() {
    if (!grid) {
      return;
    }
    var bySource = {};
    var total = 0;
    var rows = grid.querySelectorAll('tbody tr[data-category]');
    var rowTotals = [];
    Array.prototype.forEach.call(rows, function (row) {
      var sum = 0;
      Array.prototype.forEach.call(row.querySelectorAll('[data-budget-cell]'), function (cell) {
        var value = fen(cell.value);
        var source = cell.getAttribute('data-source');
        bySource[source] = (bySource[source] || 0) + value;
        sum += value;
      });
      rowTotals.push(sum);
      total += sum;
    });
    Array.prototype.forEach.call(rows, function (row, i) {
      set(row.querySelector('[data-row-total]'), yuan(rowTotals[i]));
      set(row.querySelector('[data-row-share]'), share(rowTotals[i], total));
    });
    Array.prototype.forEach.call(grid.querySelectorAll('[data-source-total]'), function (cell) {
      set(cell, yuan(bySource[cell.getAttribute('data-source-total')] || 0));
    });
    set(grid.querySelector('[data-total]'), yuan(total));
    var fiscal = bySource.FISCAL || 0;
    var limit = parseInt(grid.getAttribute('data-limit'), 10) || 0;
    var ceiling = parseInt(grid.getAttribute('data-ceiling-fen'), 10) || 0;
    set(form.querySelector('[data-fiscal-share]'), share(fiscal, total) || '0.00');
    var overLimit = form.querySelector('[data-over-limit]');
    if (overLimit) {
      overLimit.hidden = !(total > 0 && fiscal * 100 > limit * total);
    }
    var overCeiling = form.querySelector('[data-over-ceiling]');
    if (overCeiling) {
      overCeiling.hidden = !(fiscal > ceiling);
    }
  }

  function whole(input) {
    var value = parseInt(input && input.value, 10);
    return isNaN(value) ? 0 : value;
  }

  function shares() {
    var work = whole(document.getElementById('leadWorkSharePercent'));
    var money = whole(document.getElementById('leadBudgetSharePercent'));
    Array.prototype.forEach.call(form.querySelectorAll('input[name$=".workSharePercent"]'), function (input) {
      work += whole(input);
    });
    Array.prototype.forEach.call(form.querySelectorAll('input[name$=".budgetSharePercent"]'), function (input) {
      money += whole(input);
    });
    set(form.querySelector('[data-share-sum="work"]'), String(work));
    set(form.querySelector('[data-share-sum="budget"]'), String(money));
  }

  form.addEventListener('input', function () {
    budget();
    shares();
  });

  var alert = document.getElementById('autosave-alert');

  function explain(status) {
    if (!alert) {
      return;
    }
    var key = status === 401 || status === 0 ? 'data-msg-expired' : 'data-msg-failed';
    alert.querySelector('.autosave-alert__text').textContent = form.getAttribute(key) || '';
    alert.hidden = false;
    var saved = document.querySelector('#feedback .autosave-saved');
    if (saved) {
      saved.parentNode.removeChild(saved);
    }
  }

  function isAutosave(event) {
    return event.detail && event.detail.elt === form;
  }

  document.addEventListener('htmx:beforeSwap', function (event) {
    if (!isAutosave(event)) {
      return;
    }
    var xhr = event.detail.xhr;
    var text = xhr ? xhr.responseText || '' : '';
    if (!(xhr && xhr.status === 200 && text.indexOf('id="feedback"') >= 0)) {
      event.detail.shouldSwap = false;
      event.detail.isError = false;
      explain(xhr ? xhr.status : 0);
    }
  });
  document.addEventListener('htmx:afterSwap', function (event) {
    if (isAutosave(event) && alert) {
      alert.hidden = true;
    }
  });
  document.addEventListener('htmx:responseError', function (event) {
    if (isAutosave(event)) {
      explain(event.detail.xhr ? event.detail.xhr.status : 0);
    }
  });
  document.addEventListener('htmx:sendError', function (event) {
    if (isAutosave(event)) {
      explain(0);
    }
  });

  budget();
  shares();
})();
