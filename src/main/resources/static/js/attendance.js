// Attendance grid: clicking a day cell cycles blank → P → K → blank and saves it at once, through the
// same form (and the same server checks and messages) as "Ghi một ngày nghỉ".
(function () {
  'use strict';
  var table = document.getElementById('attendance');
  var form = document.getElementById('absence-form');
  if (!table || !form) { return; }
  var next = { '': 'P', 'P': 'K', 'K': '' };
  table.addEventListener('click', function (e) {
    var button = e.target.closest('button.day-cycle');
    if (!button) { return; }
    var current = button.textContent.trim();
    document.getElementById('absence-student').value = button.closest('tr').dataset.student;
    document.getElementById('absence-day').value = button.dataset.day;
    document.getElementById('absence-kind').value = next[current] === undefined ? '' : next[current];
    button.disabled = true;
    button.textContent = '…';
    form.requestSubmit();
  });
})();
