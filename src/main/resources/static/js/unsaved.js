// Forms marked "guarded": leaving the page with unsaved changes asks first (nothing typed is lost by a stray click).
(function () {
  var dirty = false;
  document.querySelectorAll('form.guarded').forEach(function (form) {
    form.addEventListener('input', function () { dirty = true; });
    form.addEventListener('change', function () { dirty = true; });
    form.addEventListener('submit', function () { dirty = false; });
  });
  window.addEventListener('beforeunload', function (e) {
    if (dirty) { e.preventDefault(); e.returnValue = ''; }
  });
})();
