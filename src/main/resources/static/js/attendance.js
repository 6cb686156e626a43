// Attendance grid: clicking a day cell cycles blank → P → K → blank and saves it at once, through the
// same form (and the same server checks and messages) as "Ghi một ngày nghỉ".
(function () {
  'use strict';
  var table = document.getElementById('attendance');
  var form = document.getElementById('absence-form');
  if (!table || !form) { return; }
  var next = { '': 'P', 'P': 'K', 'K': '' };
  // Back from a click in the table (the address names the cell): the keyboard goes on from that cell.
  var changed = location.hash && document.getElementById(location.hash.slice(1));
  if (changed && changed.classList.contains('day-cycle')) { changed.focus(); }
  table.addEventListener('click', function (e) {
    var button = e.target.closest('button.day-cycle');
    if (!button) { return; }
    var current = button.textContent.trim();
    document.getElementById('absence-student').value = button.closest('tr').dataset.student;
    document.getElementById('absence-day').value = button.dataset.day;
    document.getElementById('absence-kind').value = next[current] === undefined ? '' : next[current];
    var from = form.querySelector('input[name=tu]');
    if (!from) {
      from = document.createElement('input');
      from.type = 'hidden';
      from.name = 'tu';
      form.appendChild(from);
    }
    from.value = 'bang';
    button.disabled = true;
    button.textContent = '…';
    form.requestSubmit();
  });
})();
