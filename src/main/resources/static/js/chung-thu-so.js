// "Chứng thư số": read the certificates of the USB token through the local signing agent (paired on the
// signing page) and register the one the person picks. The PIN is typed into the agent, never here.
(function () {
  'use strict';
  var main = document.getElementById('chung-thu-so');
  if (!main) { return; }
  var AGENT = main.dataset.agent;
  var csrf = {}; csrf[main.dataset.csrfHeader] = main.dataset.csrfToken;
  var list = document.getElementById('agent-certificates'), status = document.getElementById('agent-status');

  function say(text, error) { status.textContent = text; status.className = error ? 'error' : ''; }

  function register(c) {
    fetch('/api/me/certificates', { method: 'POST', credentials: 'same-origin',
      headers: Object.assign({ 'Content-Type': 'application/json', 'Accept': 'application/json' }, csrf),
      body: JSON.stringify({ chain: c.chain, source: 'AGENT' }) })
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j }; }); })
      .then(function (r) { if (r.ok) { window.location.reload(); } else { say(r.body.detail, true); } });
  }

  document.getElementById('read-agent').addEventListener('click', function () {
    say('Nhập mã PIN vào cửa sổ phần mềm ký số để đọc danh sách chứng thư số…');
    fetch(AGENT + '/certificates/reading', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })
      .then(function (r) { return r.json().then(function (j) { j.httpStatus = r.status; return j; }); })
      .then(function (r) {
        if (r.httpStatus !== 200) { say(r.message || 'Phần mềm ký số chưa ghép nối với trang này.', true); return; }
        list.textContent = '';
        r.certificates.forEach(function (c) {
          var li = document.createElement('li'), b = document.createElement('button');
          li.textContent = c.subject + ' — cấp bởi ' + c.issuer + ' ';
          b.type = 'button'; b.textContent = 'Đăng ký'; b.addEventListener('click', function () { register(c); });
          li.appendChild(b); list.appendChild(li);
        });
        say(r.certificates.length ? 'Chọn chứng thư số của bạn để đăng ký.' : 'Thiết bị ký không có chứng thư số nào.');
      })
      .catch(function () { say('Chưa thấy phần mềm ký số HocBa trên máy này (hoặc phần mềm chưa chạy).', true); });
  });
})();
