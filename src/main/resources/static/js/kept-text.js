// Forms marked data-keep-typed: what was typed survives the end of the session (ui.md "nothing typed is lost").
// A full form posted after the session ended (expired, or logged out in another tab) goes to the login page and
// the server never sees it; so on every submit the form's fields are kept in this tab's sessionStorage, and when
// the page is opened again (after the login) a field whose kept value differs from what the page shows gets the
// kept value back, with a note above the form. A save that went through shows the same values: nothing is
// restored and the kept copy is dropped. The copy is dropped once restored too (the form's unsaved-changes guard
// holds it from then on).
(function () {
  'use strict';
  var NOTE = 'Đã khôi phục nội dung bạn gõ trước khi phiên hết hạn; nội dung này chưa được lưu: hãy kiểm tra rồi bấm ';

  function fields(form) {
    return Array.prototype.filter.call(form.elements, function (f) {
      if (!f.name || f.disabled || f.readOnly) { return false; }
      if (f.tagName === 'TEXTAREA' || f.tagName === 'SELECT') { return true; }
      return f.tagName === 'INPUT' && (f.type === 'text' || f.type === 'radio' || f.type === 'checkbox');
    });
  }
  function key(form) {
    return 'hocba.typed ' + new URL(form.action, location.href).pathname + ' ' + (form.id || '');
  }
  function same(a, b) {
    return String(a).normalize('NFC').replace(/\s+/g, ' ').trim() === String(b).normalize('NFC').replace(/\s+/g, ' ').trim();
  }
  function valueOf(f) {
    return f.type === 'radio' || f.type === 'checkbox' ? f.checked : f.value;
  }
  function id(f) {
    return f.type === 'radio' || f.type === 'checkbox' ? f.name + '=' + f.value : f.name;
  }

  function keep(form) {
    var typed = {};
    fields(form).forEach(function (f) { typed[id(f)] = valueOf(f); });
    try { sessionStorage.setItem(key(form), JSON.stringify(typed)); } catch (e) { /* storage full or off: the guard remains */ }
  }

  function restore(form) {
    var kept;
    try { kept = JSON.parse(sessionStorage.getItem(key(form)) || 'null'); } catch (e) { kept = null; }
    if (!kept) { return; }
    sessionStorage.removeItem(key(form));
    var restored = 0;
    fields(form).forEach(function (f) {
      if (!Object.prototype.hasOwnProperty.call(kept, id(f))) { return; }
      var value = kept[id(f)];
      if (typeof value === 'boolean' ? value === f.checked : same(value, f.value)) { return; }
      if (typeof value === 'boolean') { f.checked = value; } else { f.value = value; }
      f.dispatchEvent(new Event(f.tagName === 'SELECT' || typeof value === 'boolean' ? 'change' : 'input', { bubbles: true }));
      restored++;
    });
    if (!restored) { return; }
    var button = form.querySelector('button[type=submit], button:not([type])');
    var note = document.createElement('p');
    note.className = 'warning kept-text';
    note.id = 'khoi-phuc-' + (form.id || 'form');
    note.setAttribute('role', 'status');
    note.textContent = NOTE + (button ? '«' + button.textContent.trim() + '».' : 'lưu.');
    form.insertBefore(note, form.firstChild); // inside: the form may be one cell of a page grid (comments and bank)
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('form[data-keep-typed]').forEach(function (form) {
      restore(form);
      form.addEventListener('submit', function () { keep(form); });
    });
  });
})();
