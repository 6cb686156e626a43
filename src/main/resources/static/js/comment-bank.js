// Comment bank: insert a template into the comment being edited, or apply it to the selected students;
// a counter against the length limit on each comment. Nothing is saved until the form is submitted.
(function () {
  'use strict';
  var texts = Array.prototype.slice.call(document.querySelectorAll('textarea.comment-text'));
  if (!texts.length) { return; }
  var last = null;
  var dirty = false;

  function length(s) { return Array.from(s.normalize('NFC')).length; }
  function count(t) {
    var counter = document.getElementById(t.getAttribute('aria-describedby'));
    if (!counter) { return; }
    var max = parseInt(counter.textContent.split('/')[1], 10) || 150;
    var n = length(t.value.trim());
    counter.textContent = n + '/' + max + ' ký tự' + (n > max ? ' — quá ' + (n - max) + ' ký tự' : '');
    counter.classList.toggle('over', n > max);
  }
  function set(t, text) { t.value = text; count(t); dirty = true; }
  function picked() {
    return texts.filter(function (t) {
      var box = t.closest('tr').querySelector('input.pick');
      return box && box.checked;
    });
  }

  texts.forEach(function (t) {
    count(t);
    t.addEventListener('input', function () { count(t); dirty = true; });
    t.addEventListener('focus', function () { last = t; });
  });
  var all = document.getElementById('pick-all');
  if (all) {
    all.addEventListener('change', function () {
      document.querySelectorAll('input.pick').forEach(function (b) { b.checked = all.checked; });
    });
  }
  document.addEventListener('click', function (e) {
    var button = e.target.closest('button');
    if (!button) { return; }
    if (button.classList.contains('insert')) {
      var target = last || picked()[0];
      if (target) { set(target, (target.value.trim() ? target.value.trim() + ' ' : '') + button.dataset.text); target.focus(); }
    } else if (button.classList.contains('apply')) {
      picked().forEach(function (t) { set(t, button.dataset.text); });
    } else if (button.id === 'apply-by-level') {
      picked().forEach(function (t) {
        var match = document.querySelector('#bank li[data-level="' + t.dataset.level + '"] button.apply');
        if (match) { set(t, match.dataset.text); }
      });
    }
  });
  var form = texts[0].form;
  if (form) { form.addEventListener('submit', function () { dirty = false; }); }
  window.addEventListener('beforeunload', function (e) { if (dirty) { e.preventDefault(); e.returnValue = ''; } });
})();
