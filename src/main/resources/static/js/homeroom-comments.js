// Homeroom comments: a character counter per comment (counted as the server counts: NFC code points)
// and a template applied to the selected students ({tên} becomes each student's given name).
(function () {
  function count(area) {
    var n = Array.from(area.value.normalize('NFC').trim()).length;
    var limit = parseInt(area.dataset.limit, 10);
    var counter = area.parentElement.querySelector('.counter');
    counter.querySelector('.n').textContent = n;
    counter.classList.toggle('over', n > limit);
  }
  document.querySelectorAll('textarea.counted').forEach(function (area) {
    count(area);
    area.addEventListener('input', function () { count(area); });
  });
  var all = document.getElementById('pick-all');
  if (all) {
    all.addEventListener('change', function () {
      document.querySelectorAll('input.pick').forEach(function (box) { box.checked = all.checked; });
    });
  }
  var apply = document.getElementById('apply-template');
  if (apply) {
    apply.addEventListener('click', function () {
      var template = document.getElementById('template').value.trim();
      var applied = 0;
      document.querySelectorAll('input.pick:checked').forEach(function (box) {
        var row = box.closest('tr');
        var area = row.querySelector('textarea.counted');
        var parts = box.dataset.name.trim().split(/\s+/);
        area.value = template.split('{tên}').join(parts[parts.length - 1]);
        area.dispatchEvent(new Event('input', { bubbles: true }));
        applied++;
      });
      document.getElementById('applied').textContent = template === ''
        ? 'Hãy viết mẫu nhận xét trước.'
        : applied === 0 ? 'Chưa chọn học sinh nào.' : 'Đã điền mẫu cho ' + applied + ' học sinh; bấm Lưu nhận xét để lưu.';
    });
  }
})();
