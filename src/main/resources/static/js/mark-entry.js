// Mark entry grid: spreadsheet keys, paste from Excel, saves batched per row with per-cell states, 409/423 handling.
// The server decides what a mark may be (MarkSheets/CellRules); this script only pre-checks while typing.
(function () {
  'use strict';
  var grid = document.getElementById('grid');
  if (!grid) { return; }
  var statusLine = document.getElementById('status');
  var comment = grid.dataset.assessment === 'COMMENT';
  var queue = Promise.resolve();
  var pending = 0;
  var conflicts = [];

  function inputs() { return Array.prototype.slice.call(grid.querySelectorAll('tbody input')); }
  function rowsOf() { return Array.prototype.slice.call(grid.querySelectorAll('tbody tr')); }
  function cellAt(row, col) {
    var rows = rowsOf();
    if (row < 0 || row >= rows.length) { return null; }
    var cells = rows[row].querySelectorAll('input');
    return col >= 0 && col < cells.length ? cells[col] : null;
  }
  function position(input) {
    var tr = input.closest('tr');
    var row = rowsOf().indexOf(tr);
    var col = Array.prototype.indexOf.call(tr.querySelectorAll('input'), input);
    return { row: row, col: col };
  }
  function studentName(input) { return input.closest('tr').querySelector('th.name').textContent.trim(); }
  function say(text, bad) { statusLine.textContent = text; statusLine.classList.toggle('bad', !!bad); }
  function setState(input, state, reason) {
    var td = input.parentElement;
    td.classList.remove('saving', 'saved', 'refused', 'suspect');
    if (state) { td.classList.add(state); }
    if (reason) { input.title = reason; input.setAttribute('aria-invalid', 'true'); }
    else { input.removeAttribute('title'); input.removeAttribute('aria-invalid'); }
  }

  // Quick pre-check only (the server's answer is what counts and is shown after the save).
  function looksWrong(text) {
    var t = text.trim();
    if (t === '') { return false; }
    if (comment) { return !/^(Đ|CĐ|D|CD)$/i.test(t.normalize('NFC')); }
    if (!/^[0-9]{1,2}([.,][0-9]+)?$/.test(t)) { return true; }
    return parseFloat(t.replace(',', '.')) > 10;
  }
  function typed(text) {
    var t = text.trim().normalize('NFC');
    if (comment) {
      var up = t.toUpperCase();
      if (up === 'D') { return 'Đ'; }
      if (up === 'CD') { return 'CĐ'; }
      return up;
    }
    return t;
  }

  function commit(input) {
    if (input.readOnly) { return; }
    var value = input.value.trim();
    if (input.dataset.sending !== undefined && input.dataset.sending === value) { return; }
    if (input.dataset.sending === undefined && value === (input.dataset.saved || '')) {
      if (input.parentElement.classList.contains('refused')) { setState(input, null); }
      return;
    }
    save(input);
  }

  function storedVersion(input) {
    return input.dataset.version === '' || input.dataset.version === undefined ? null : parseInt(input.dataset.version, 10);
  }

  // Changed cells wait briefly per row, so that a pasted block or cells typed quickly in one row go in
  // one request (POST …/diem/hang). Requests go one after another; each cell takes its version when
  // its request is sent (after the previous answer), and each cell gets its own outcome.
  var rowsWaiting = new Map();
  var ROW_DELAY_MS = 300;
  function save(input, now) {
    var tr = input.closest('tr');
    var waiting = rowsWaiting.get(tr);
    if (!waiting) {
      waiting = { cells: [], timer: null };
      rowsWaiting.set(tr, waiting);
      pending++;
    }
    input.dataset.sending = input.value.trim();
    setState(input, 'saving');
    if (waiting.cells.indexOf(input) < 0) { waiting.cells.push(input); }
    clearTimeout(waiting.timer);
    if (now) { sendRow(tr); } else { waiting.timer = setTimeout(function () { sendRow(tr); }, ROW_DELAY_MS); }
  }
  function sendAllRows() { Array.from(rowsWaiting.keys()).forEach(sendRow); }

  function sendRow(tr) {
    var waiting = rowsWaiting.get(tr);
    if (!waiting) { return; }
    rowsWaiting.delete(tr);
    clearTimeout(waiting.timer);
    var cells = waiting.cells;
    var sent = cells.map(function (input) { return typed(input.value) === '' ? null : typed(input.value); });
    queue = queue.then(function () {
      var body = {
        studentId: parseInt(tr.dataset.student, 10),
        cells: cells.map(function (input, n) {
          return { kind: input.dataset.kind, column: parseInt(input.dataset.column, 10), value: sent[n], version: storedVersion(input) };
        })
      };
      var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
      headers[grid.dataset.csrfHeader] = grid.dataset.csrf;
      return fetch(grid.dataset.saveRow, { method: 'POST', headers: headers, body: JSON.stringify(body), credentials: 'same-origin' })
        .then(function (response) {
          var type = response.headers.get('Content-Type') || '';
          if (type.indexOf('json') < 0) {
            throw said(response.status === 401 || response.redirected
              ? 'Phiên đăng nhập đã hết; hãy đăng nhập lại (giá trị vừa gõ vẫn còn trong ô).'
              : 'Máy chủ trả lời không đúng (' + response.status + ').');
          }
          return response.json().then(function (json) { return { status: response.status, json: json }; });
        })
        .then(function (answer) {
          if (answer.status !== 200) {
            cells.forEach(function (input) { handle(input, answer.status, answer.json, where(input), null); });
            return;
          }
          var standing = tr.querySelector('td.standing');
          standing.textContent = answer.json.standing || '';
          answer.json.cells.forEach(function (outcome, n) {
            handle(cells[n], outcome.status, outcome, where(cells[n]), sent[n]);
          });
          var saved = answer.json.cells.filter(function (o) { return o.status === 200; }).length;
          if (cells.length > 1) {
            say(studentName(cells[0]) + ': đã lưu ' + saved + '/' + cells.length + ' ô của dòng'
              + (saved < cells.length ? ' — ô bị từ chối có viền đỏ; chạm hoặc chọn ô để xem lí do.' : '.'), saved < cells.length);
          }
        })
        .catch(function (error) {
          // fetch's own failure (no network, server down) is a TypeError in the browser's language ("Failed to fetch")
          var reason = error && error.said ? error.message : OFFLINE;
          cells.forEach(function (input) { setState(input, 'refused', reason); });
          say(studentName(cells[0]) + ': chưa lưu — ' + reason.replace(/\.$/, '') + '.', true);
        })
        .then(function () {
          pending--;
          cells.forEach(function (input, n) {
            if (input.dataset.sending !== undefined && typed(input.dataset.sending) === (sent[n] || '')) { delete input.dataset.sending; }
          });
        });
    });
  }
  function where(input) { return studentName(input) + ', ' + input.dataset.title; }
  var OFFLINE = 'Không lưu được: mất kết nối tới máy chủ; giá trị vừa gõ vẫn còn trong ô, khi có mạng lại hãy chọn ô rồi bấm Enter.';
  /** An error whose message is ours, in Vietnamese, shown as it is. */
  function said(message) { var error = new Error(message); error.said = true; return error; }

  function handle(input, status, json, where, sent) {
    if (status === 200) {
      input.dataset.saved = json.shown || '';
      input.dataset.version = json.version === null || json.version === undefined ? '' : String(json.version);
      if (document.activeElement !== input || typed(input.value) === (sent || '')) { input.value = json.shown || ''; }
      setState(input, 'saved');
      say(where + ': đã lưu' + (json.shown ? ' ' + json.shown : ' (đã xoá điểm)') + '.');
    } else if (status === 409) {
      setState(input, 'refused', json.message);
      showConflict(input, json, where);
    } else if (status === 423) {
      setState(input, 'refused', json.message);
      lockAll(json.message);
      say(json.message, true);
    } else {
      setState(input, 'refused', json.message || json.detail || ('Lỗi ' + status));
      say(json.message || json.detail || (where + ': không lưu được (lỗi ' + status + ').'), true);
    }
  }

  // Cells refused with 409 wait together in one dialog (two cells of a pasted row may both have been
  // changed elsewhere): each with the stored value and the teacher's, and its own two choices.
  function showConflict(input, json, where) {
    conflicts = conflicts.filter(function (c) { return c.input !== input; });
    conflicts.push({ input: input, theirs: json.shown || '', version: json.version, where: where, message: json.message });
    drawConflicts();
    document.getElementById('conflict').classList.remove('hidden');
    say(conflicts.length > 1
      ? conflicts.length + ' ô vừa được sửa ở phiên khác — với từng ô, chọn giữ giá trị của bạn hay lấy giá trị đã lưu.'
      : where + ': ô vừa được sửa ở phiên khác — chọn giữ giá trị của bạn hay lấy giá trị đã lưu.', true);
    document.querySelector('#conflict-list .keep-mine').focus();
  }
  function drawConflicts() {
    document.getElementById('conflict-title').textContent = conflicts.length > 1
      ? conflicts.length + ' ô điểm vừa được sửa ở phiên khác' : 'Ô điểm vừa được sửa ở phiên khác';
    var list = document.getElementById('conflict-list');
    list.textContent = '';
    conflicts.forEach(function (c) {
      var mine = c.input.value.trim();
      var item = document.createElement('li');
      item.dataset.cell = c.input.id;
      var text = document.createElement('p');
      text.textContent = c.message + ' Giá trị đã lưu: ' + (c.theirs || '(trống)') + '; giá trị của bạn: ' + (mine || '(trống)') + '.';
      item.appendChild(text);
      item.appendChild(choice('keep-mine', '', 'Giữ giá trị của tôi (' + (mine || 'trống') + ')', c, keepMine));
      item.appendChild(choice('take-theirs', 'secondary', 'Lấy giá trị đã lưu (' + (c.theirs || 'trống') + ')', c, takeTheirs));
      list.appendChild(item);
    });
  }
  function choice(name, style, label, c, action) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = name + (style ? ' ' + style : '');
    button.textContent = label;
    button.setAttribute('aria-label', label + ' — ' + c.where);
    button.addEventListener('click', function () { resolve(c); action(c); });
    return button;
  }
  function resolve(c) {
    conflicts = conflicts.filter(function (other) { return other !== c; });
    if (conflicts.length === 0) {
      document.getElementById('conflict').classList.add('hidden');
      c.input.focus();
    } else {
      drawConflicts();
      document.querySelector('#conflict-list .keep-mine').focus();
    }
  }
  function keepMine(c) {
    c.input.dataset.version = c.version === null || c.version === undefined ? '' : String(c.version);
    c.input.dataset.saved = c.theirs;
    save(c.input, true);
  }
  function takeTheirs(c) {
    c.input.value = c.theirs;
    c.input.dataset.saved = c.theirs;
    c.input.dataset.version = c.version === null || c.version === undefined ? '' : String(c.version);
    setState(c.input, 'saved');
    say(c.where + ': đã lấy giá trị đã lưu ' + (c.theirs || '(trống)') + '.');
  }

  function lockAll(message) {
    grid.dataset.locked = 'true';
    inputs().forEach(function (i) { i.readOnly = true; i.parentElement.classList.add('ro'); });
    grid.querySelectorAll('thead th').forEach(function (th, n) { if (n > 1) { th.classList.add('ro'); } });
    document.getElementById('lock-text').textContent = message;
    document.getElementById('lock').classList.remove('hidden');
  }

  // The correction link names the cell the teacher selected on a locked sheet.
  function pointCorrectionAt(input) {
    var link = document.getElementById('request-correction');
    if (grid.dataset.locked !== 'true' || !link) { return; }
    link.href = grid.dataset.correction + '&hs=' + input.closest('tr').dataset.student + '&loai=' + input.dataset.kind
      + '&cot=' + input.dataset.column;
    link.textContent = 'Đề nghị sửa điểm: ' + studentName(input) + ', ' + input.dataset.title;
  }

  function move(input, dRow, dCol) {
    var p = position(input);
    var next = cellAt(p.row + dRow, p.col + dCol);
    if (next) { next.focus(); next.select(); }
  }

  grid.addEventListener('keydown', function (e) {
    var input = e.target;
    if (input.tagName !== 'INPUT') { return; }
    var atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    var atEnd = input.selectionStart === input.value.length;
    var all = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    if (e.key === 'Enter') { e.preventDefault(); commit(input); move(input, e.shiftKey ? -1 : 1, 0); }
    else if (e.key === 'ArrowDown') { e.preventDefault(); move(input, 1, 0); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); move(input, -1, 0); }
    else if (e.key === 'ArrowLeft' && (atStart || all)) { e.preventDefault(); move(input, 0, -1); }
    else if (e.key === 'ArrowRight' && (atEnd || all)) { e.preventDefault(); move(input, 0, 1); }
    else if (e.key === 'Escape') { input.value = input.dataset.saved || ''; setState(input, null); }
  });
  grid.addEventListener('input', function (e) {
    var input = e.target;
    var wrong = looksWrong(input.value);
    input.parentElement.classList.toggle('suspect', wrong);
    if (wrong) {
      say(studentName(input) + ', ' + input.dataset.title + ': "' + input.value + '" '
        + (comment ? 'không phải Đ hoặc CĐ.' : 'không phải điểm 0–10 (ví dụ 8 hoặc 8,5).') + ' Máy chủ sẽ kiểm tra khi rời ô.', true);
    }
  });
  grid.addEventListener('focusin', function (e) {
    if (e.target.tagName !== 'INPUT') { return; }
    pointCorrectionAt(e.target);
    // A phone has no hover to show a refused cell's title: the cell chosen (tapped or reached by keys) says its
    // own reason on the status line, whichever cell was refused last.
    if (e.target.parentElement.classList.contains('refused') && e.target.title) {
      var reason = e.target.title;
      say(reason.indexOf(studentName(e.target)) >= 0 ? reason : where(e.target) + ': ' + reason, true);
    } else if (e.target.readOnly && e.target.dataset.owner) {
      say(e.target.dataset.title + ' do ' + e.target.dataset.owner + ' nhập; bạn chỉ xem được cột này.');
    }
  });
  grid.addEventListener('focusout', function (e) { if (e.target.tagName === 'INPUT') { commit(e.target); } });

  // A block copied from Excel: rows by newline, cells by tab, from the focused cell rightwards and down.
  grid.addEventListener('paste', function (e) {
    var start = e.target;
    if (start.tagName !== 'INPUT') { return; }
    var text = (e.clipboardData || window.clipboardData).getData('text');
    if (text.indexOf('\t') < 0 && text.indexOf('\n') < 0) { return; }
    e.preventDefault();
    var lines = text.replace(/\r/g, '').split('\n');
    if (lines.length > 1 && lines[lines.length - 1] === '') { lines.pop(); }
    var p = position(start);
    var skipped = 0;
    var filled = 0;
    lines.forEach(function (line, r) {
      line.split('\t').forEach(function (value, c) {
        var target = cellAt(p.row + r, p.col + c);
        if (!target) { skipped++; return; }
        if (target.readOnly) { skipped++; return; }
        target.value = value.trim();
        filled++;
        if (target.value === (target.dataset.saved || '') && target.dataset.sending === undefined) {
          setState(target, 'saved'); // the stored value already: nothing to send
        } else {
          commit(target);
        }
      });
    });
    sendAllRows();
    say('Đã dán ' + filled + ' ô' + (skipped ? '; ' + skipped + ' ô không dán được (ngoài bảng, cột chỉ xem hoặc đã khoá)' : '')
      + '. Các ô đang được lưu.', skipped > 0);
  });

  window.addEventListener('beforeunload', function (e) {
    var unsaved = pending > 0 || inputs().some(function (i) {
      return !i.readOnly && (i.value.trim() !== (i.dataset.saved || '') || i.parentElement.classList.contains('refused'));
    });
    if (unsaved) { e.preventDefault(); e.returnValue = ''; }
  });

  // Opened from a link to one cell (sign-off page: what is missing): focus it.
  if (location.hash.indexOf('#o-') === 0) {
    var target = document.getElementById(location.hash.substring(1));
    if (target) { target.focus(); target.select(); }
  }
})();
