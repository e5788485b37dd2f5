// The talent application form's autosave, made safe to rely on (CSP script-src 'self': no inline code).
//  - What is typed is kept in this browser (localStorage, keyed by application id and the version the
//    page was built on) until a save stored it; identity document numbers are never kept there.
//  - A save that fails (any status but 200, no answer, a sign-in page instead of the answer) says so in
//    a visible alert, removes the "saved" line and leaves the typed text where it is. When the session
//    has expired the alert says that, with a link that signs in again and comes back to this draft.
//  - A page that finds text typed here but never saved offers to restore it.
//  - Fields talent-service could not take get their message next to them.
(function () {
  'use strict';

  var PREFIX = 'talent-draft:';
  var SKIP = /(^_csrf$|^version$|\.identityDocument$)/;

  var form = document.getElementById('application-form');
  if (!form || form.getAttribute('data-editable') !== 'true') {
    return;
  }
  var id = form.getAttribute('data-application-id');
  var edits = 0;
  var editsAtRequest = 0;

  function msg(name, arg) {
    var text = form.getAttribute('data-msg-' + name) || '';
    return arg === undefined ? text : text.split('{0}').join(arg);
  }

  function version() {
    var field = document.getElementById('form-version');
    return field ? field.value : '0';
  }

  function storage() {
    try {
      return window.localStorage;
    } catch (e) {
      return null;
    }
  }

  function fields() {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && !SKIP.test(el.name) && el.type !== 'file' && el.type !== 'submit' && el.type !== 'button';
    });
  }

  function values() {
    var out = {};
    fields().forEach(function (el) {
      out[el.name] = el.value;
    });
    return out;
  }

  function backupKeys() {
    var store = storage();
    var keys = [];
    if (!store) {
      return keys;
    }
    for (var i = 0; i < store.length; i++) {
      var key = store.key(i);
      if (key && key.indexOf(PREFIX + id + ':') === 0) {
        keys.push(key);
      }
    }
    return keys;
  }

  function backup() {
    var store = storage();
    if (!store) {
      return;
    }
    try {
      var key = PREFIX + id + ':' + version();
      backupKeys().forEach(function (other) {
        if (other !== key) {
          store.removeItem(other);
        }
      });
      store.setItem(key, JSON.stringify({ version: version(), at: new Date().toISOString(), values: values() }));
    } catch (e) {
      // storage full or refused: the page still holds the text
    }
  }

  function dropBackups() {
    var store = storage();
    if (store) {
      backupKeys().forEach(function (key) {
        store.removeItem(key);
      });
    }
  }

  function latestBackup() {
    var store = storage();
    var best = null;
    backupKeys().forEach(function (key) {
      try {
        var entry = JSON.parse(store.getItem(key));
        if (entry && entry.values && (!best || entry.at > best.at)) {
          best = entry;
        }
      } catch (e) {
        store.removeItem(key);
      }
    });
    return best;
  }

  function status(text) {
    var line = document.getElementById('autosave-status');
    if (line) {
      line.textContent = text;
    }
  }

  function removeSavedLine() {
    Array.prototype.forEach.call(document.querySelectorAll('#feedback .autosave-saved'), function (line) {
      line.parentNode.removeChild(line);
    });
  }

  function showAlert(text, signIn) {
    var alert = document.getElementById('autosave-alert');
    if (!alert) {
      return;
    }
    alert.querySelector('.autosave-alert__text').textContent = text;
    var link = alert.querySelector('.autosave-alert__sign-in');
    if (link) {
      link.hidden = !signIn;
    }
    alert.hidden = false;
  }

  function hideAlert() {
    var alert = document.getElementById('autosave-alert');
    if (alert) {
      alert.hidden = true;
    }
  }

  // Is the session gone? A page of the portal asked without following redirects answers a redirect
  // (to the sign-in) or 401 when it is.
  function explainFailure(statusCode) {
    removeSavedLine();
    status('');
    if (statusCode === 401) {
      showAlert(msg('expired'), true);
      return;
    }
    showAlert(msg('failed'), false);
    if (!window.fetch) {
      return;
    }
    window.fetch(window.location.pathname, { method: 'GET', redirect: 'manual', credentials: 'same-origin',
      headers: { 'Accept': 'text/html' } })
      .then(function (response) {
        if (response.type === 'opaqueredirect' || response.status === 401 || response.status === 302) {
          showAlert(msg('expired'), true);
        }
      })
      .catch(function () {
        showAlert(msg('offline'), false);
      });
  }

  function isAutosave(event) {
    var elt = event.detail && event.detail.elt;
    return elt === form;
  }

  // ---- field errors next to their fields ----
  function placeFieldErrors() {
    Array.prototype.forEach.call(form.querySelectorAll('.field-error[data-autosave]'), function (p) {
      var group = p.closest('.form-group');
      p.parentNode.removeChild(p);
      if (group && !group.querySelector('.field-error')) {
        group.classList.remove('form-group--error');
      }
    });
    Array.prototype.forEach.call(form.querySelectorAll('[aria-invalid="true"]'), function (el) {
      el.removeAttribute('aria-invalid');
      var described = (el.getAttribute('aria-describedby') || '').split(' ').filter(function (token) {
        return token && token.indexOf('autosave-error-') !== 0;
      }).join(' ');
      if (described) {
        el.setAttribute('aria-describedby', described);
      } else {
        el.removeAttribute('aria-describedby');
      }
    });
    var n = 0;
    var named = {};
    Array.prototype.forEach.call(document.querySelectorAll('#feedback .problems [data-field]'), function (item) {
      named[item.getAttribute('data-field')] = true;
    });
    // messages the server rendered above a control (after a redirect): kept while the field is
    // still named, removed once a later save took it
    Array.prototype.forEach.call(form.querySelectorAll('.field-error:not([data-autosave])'), function (p) {
      var input = p.id && p.id.indexOf('error-') === 0 ? document.getElementById(p.id.substring(6)) : null;
      if (input && named[input.name]) {
        input.setAttribute('aria-invalid', 'true');
        return;
      }
      if (input) {
        var rest = (input.getAttribute('aria-describedby') || '').split(' ').filter(function (token) {
          return token && token !== p.id;
        }).join(' ');
        if (rest) {
          input.setAttribute('aria-describedby', rest);
        } else {
          input.removeAttribute('aria-describedby');
        }
        var group = p.closest('.form-group--error');
        if (group) {
          group.classList.remove('form-group--error');
        }
      }
      p.parentNode.removeChild(p);
    });
    Array.prototype.forEach.call(document.querySelectorAll('#feedback .problems [data-field]'), function (item) {
      var name = item.getAttribute('data-field');
      var input = name ? form.querySelector('[name="' + name.replace(/"/g, '') + '"]') : null;
      var text = item.querySelector('.problem-text');
      if (!input || !text || document.getElementById('error-' + input.id)) {
        return;
      }
      var p = document.createElement('p');
      p.className = 'field-error';
      p.id = 'autosave-error-' + (n++);
      p.setAttribute('data-autosave', '');
      p.textContent = text.textContent;
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', ((input.getAttribute('aria-describedby') || '') + ' ' + p.id).trim());
      // where the server puts it (GOV.UK): above the control, its group marked
      input.parentNode.insertBefore(p, input);
      var group = input.closest('.form-group');
      if (group) {
        group.classList.add('form-group--error');
      }
    });
  }

  // ---- restoring text typed here but not saved ----
  function offerRestore() {
    var entry = latestBackup();
    if (!entry) {
      return;
    }
    var now = values();
    var differs = Object.keys(entry.values).some(function (name) {
      return form.querySelector('[name="' + name.replace(/"/g, '') + '"]') && now[name] !== entry.values[name];
    });
    if (!differs) {
      dropBackups();
      return;
    }
    var box = document.getElementById('autosave-restore');
    if (!box) {
      return;
    }
    var when;
    try {
      // times on the portal are the bureau's (Asia/Shanghai), whatever the browser's zone
      when = new Date(entry.at).toLocaleString(document.documentElement.lang || undefined,
        { timeZone: form.getAttribute('data-zone') || 'Asia/Shanghai' });
    } catch (e) {
      when = new Date(entry.at).toLocaleString();
    }
    var text = msg('restore', when);
    if (String(entry.version) !== String(version())) {
      text += ' ' + msg('restore-newer');
    }
    box.querySelector('.autosave-restore__text').textContent = text;
    box.hidden = false;
    box.querySelector('.autosave-restore__apply').addEventListener('click', function () {
      Object.keys(entry.values).forEach(function (name) {
        var el = form.querySelector('[name="' + name.replace(/"/g, '') + '"]');
        if (el && !SKIP.test(name)) {
          el.value = entry.values[name];
        }
      });
      box.hidden = true;
      status(msg('restored'));
      edits++;
      backup();
      // the restored text is saved like anything typed
      form.dispatchEvent(new Event('change', { bubbles: true }));
    });
    box.querySelector('.autosave-restore__discard').addEventListener('click', function () {
      dropBackups();
      box.hidden = true;
    });
  }

  form.addEventListener('input', function () {
    edits++;
    backup();
  });
  form.addEventListener('change', function () {
    edits++;
    backup();
  });

  document.addEventListener('htmx:beforeRequest', function (event) {
    if (isAutosave(event)) {
      editsAtRequest = edits;
      status(msg('saving'));
    }
  });

  document.addEventListener('htmx:beforeSwap', function (event) {
    if (!isAutosave(event)) {
      return;
    }
    var xhr = event.detail.xhr;
    var text = xhr ? xhr.responseText || '' : '';
    var expected = xhr && xhr.status === 200 && text.indexOf('id="feedback"') >= 0
      && (!xhr.responseURL || xhr.responseURL.indexOf(form.getAttribute('hx-post')) >= 0);
    if (!expected) {
      event.detail.shouldSwap = false;
      event.detail.isError = false;
      explainFailure(xhr ? xhr.status : 0);
    }
  });

  document.addEventListener('htmx:afterSwap', function (event) {
    if (!isAutosave(event) && !(event.target && event.target.id === 'feedback')) {
      return;
    }
    status('');
    var feedback = document.getElementById('feedback');
    var stored = feedback && feedback.querySelector('.autosave-saved');
    if (stored) {
      hideAlert();
      var complete = !feedback.querySelector('.problems') && !feedback.querySelector('.banner--error');
      if (complete && edits === editsAtRequest) {
        dropBackups();
      } else {
        backup();
      }
    }
    placeFieldErrors();
  });

  document.addEventListener('htmx:responseError', function (event) {
    if (isAutosave(event)) {
      explainFailure(event.detail.xhr ? event.detail.xhr.status : 0);
    }
  });
  document.addEventListener('htmx:sendError', function (event) {
    if (isAutosave(event)) {
      explainFailure(0);
    }
  });
  document.addEventListener('htmx:timeout', function (event) {
    if (isAutosave(event)) {
      explainFailure(0);
    }
  });

  placeFieldErrors();
  offerRestore();
})();
