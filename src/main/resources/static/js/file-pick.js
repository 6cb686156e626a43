// A file field in Vietnamese whatever the browser's own language ("Chọn tệp…" and the chosen name instead of
// the browser's "Choose File / No file chosen"): the native input stays in the form, focusable and required,
// only visually hidden behind its label.
(function () {
  'use strict';
  document.querySelectorAll('.file-pick input[type=file]').forEach(function (input) {
    var name = input.parentElement.querySelector('.file-name');
    input.addEventListener('change', function () {
      name.textContent = input.files.length ? input.files[0].name : 'Chưa chọn tệp';
    });
  });
})();
