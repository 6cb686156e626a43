// "Ký số bằng USB token": the page talks to the local signing agent on 127.0.0.1 and to HocBa.
// The PIN is never typed here: the agent asks for it in its own window.
(function () {
  'use strict';
  var main = document.getElementById('ki-so');
  if (!main) { return; }
  var AGENT = main.dataset.agent || 'http://127.0.0.1:17365';
  var step = main.dataset.step, classId = Number(main.dataset.classId), classCode = main.dataset.classCode;
  var csrf = {}; csrf[main.dataset.csrfHeader] = main.dataset.csrfToken;
  var statusLine = document.getElementById('status'), progress = document.getElementById('progress');
  var certificates = [];

  function show(id, visible) { document.getElementById(id).hidden = !visible; }
  function say(text, error) { statusLine.textContent = text; statusLine.className = error ? 'error' : ''; }

  function agent(method, path, body) {
    return fetch(AGENT + path, {
      method: method, headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined
    }).then(function (r) { return r.json().then(function (j) { j.httpStatus = r.status; return j; }); });
  }

  function hocba(method, path, body) {
    var headers = Object.assign({ 'Content-Type': 'application/json', 'Accept': 'application/json' }, csrf);
    return fetch(path, { method: method, headers: headers, credentials: 'same-origin',
      body: body ? JSON.stringify(body) : undefined })
      .then(function (r) {
        if (r.status === 204) { return null; }
        return r.json().then(function (j) { if (!r.ok) { throw new Error(j.detail || ('Lỗi ' + r.status)); } return j; });
      });
  }

  function detect() {
    say('Đang tìm phần mềm ký số trên máy…');
    agent('GET', '/').then(function (s) {
      show('agent-missing', false);
      if (s.paired) { show('pairing', false); show('certificates', true); say('Đã kết nối phần mềm ký số.'); resume(); }
      else { show('pairing', true); say(''); }
    }).catch(function () {
      show('agent-missing', true); show('pairing', false); show('certificates', false);
      say('Chưa thấy phần mềm ký số HocBa trên máy này (hoặc phần mềm chưa chạy).', true);
    });
  }

  function pair() {
    var n = new Uint32Array(1); crypto.getRandomValues(n);
    var code = String(100000 + n[0] % 900000);
    document.getElementById('pairing-code').textContent = code;
    say('Nhập mã ' + code + ' vào cửa sổ phần mềm ký số.');
    agent('POST', '/pairing', { code: code }).then(function (r) {
      document.getElementById('pairing-code').textContent = '—'; // shown once
      if (r.paired) { detect(); } else { say(r.message || 'Ghép nối không thành công.', true); }
    }).catch(function () { say('Mất kết nối với phần mềm ký số khi ghép nối.', true); });
  }

  function readToken() {
    say('Nhập mã PIN vào cửa sổ phần mềm ký số để đọc danh sách chứng thư số…');
    agent('POST', '/certificates/reading', {}).then(function (r) {
      if (r.httpStatus !== 200) { say(r.message, true); return; }
      certificates = r.certificates;
      var select = document.getElementById('certificate');
      select.textContent = '';
      certificates.forEach(function (c, i) {
        var o = document.createElement('option');
        o.value = String(i);
        o.textContent = c.subject + ' — cấp bởi ' + c.issuer + ' — hết hạn ' + new Date(c.notAfter).toLocaleDateString('vi-VN');
        select.appendChild(o);
      });
      say(certificates.length ? 'Chọn chứng thư số của bạn rồi bấm «Ký».' : 'Thiết bị ký không có chứng thư số nào.', !certificates.length);
    }).catch(function () { say('Mất kết nối với phần mềm ký số.', true); });
  }

  function sign() {
    var c = certificates[Number(document.getElementById('certificate').value)];
    if (!c) { say('Hãy đọc và chọn chứng thư số trước.', true); return; }
    say('Đang kiểm tra chứng thư số…');
    hocba('GET', '/api/me/certificates').then(function (mine) {
      if (mine.some(function (m) { return m.fingerprint === c.id; })) { return null; }
      return hocba('POST', '/api/me/certificates', { chain: c.chain, source: 'AGENT' });
    }).then(function () {
      return hocba('POST', '/api/own-key-signing', { step: step, classId: classId, method: 'AGENT', certificate: c.chain });
    }).then(follow).catch(function (e) { say(e.message, true); });
  }

  function follow(session) {
    if (session.state === 'AWAITING_DEVICE' && session.method === 'REMOTE') { return onPhone(session); }
    if (session.state === 'AWAITING_DEVICE') { return toAgent(session); }
    if (session.state === 'DONE') { progress.hidden = false; progress.value = 1; say(session.message); return; }
    if (session.state === 'FAILED') { say(session.message, true); return; }
    say(session.state === 'EMBEDDING' ? 'Đang nhúng chữ ký vào ' + session.count + ' văn bản…' : 'Đang chuẩn bị văn bản…');
    setTimeout(function () { hocba('GET', '/api/own-key-signing/' + session.id).then(follow); }, 800);
  }

  function toAgent(session) {
    say('Xác nhận và nhập mã PIN trong cửa sổ phần mềm ký số để ký ' + session.count + ' văn bản…');
    agent('POST', '/signatures', { certificate: session.certificateId, dataToSign: session.dataToSign,
      description: { kind: session.kind, classCode: session.classCode, count: session.count } })
      .then(function (r) {
        return r.httpStatus === 200
          ? hocba('POST', '/api/own-key-signing/' + session.id + '/signatures', { signatures: r.signatures })
          : hocba('POST', '/api/own-key-signing/' + session.id + '/refusal', { error: r.error, message: r.message });
      }, function () {
        return hocba('POST', '/api/own-key-signing/' + session.id + '/refusal',
          { error: 'AGENT_UNREACHABLE', message: 'fetch failed' });
      }).then(function (s) { s.state = s.state === 'AWAITING_DEVICE' ? 'EMBEDDING' : s.state; follow(s); })
      .catch(function (e) { say(e.message, true); });
  }

  // Remote signing: the server sends the batch to the person's phone; the page counts down and polls.
  function signRemote() {
    say('Đang chuẩn bị văn bản để gửi đến dịch vụ ký từ xa…');
    hocba('POST', '/api/own-key-signing', { step: step, classId: classId, method: 'REMOTE' })
      .then(follow).catch(function (e) { say(e.message, true); });
  }

  function onPhone(session) {
    var countdown = document.getElementById('countdown');
    if (session.approvalDeadline) {
      var left = Math.max(0, Math.round((new Date(session.approvalDeadline) - Date.now()) / 1000));
      var text = Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0');
      countdown.hidden = false;
      countdown.textContent = text;
      say('Mở ứng dụng ký số trên điện thoại và xác nhận ký ' + session.count + ' văn bản (lớp ' + session.classCode
        + '). Còn ' + text + '.');
    } else {
      say('Đang gửi yêu cầu ký ' + session.count + ' văn bản đến dịch vụ ký từ xa…');
    }
    setTimeout(function () {
      hocba('GET', '/api/own-key-signing/' + session.id).then(function (s) {
        if (s.state !== 'AWAITING_DEVICE') { countdown.hidden = true; }
        follow(s);
      });
    }, 1000);
  }

  function resume() {
    hocba('GET', '/api/own-key-signing/current').then(function (s) {
      if (s) { say('Tiếp tục lượt ký chưa xong…'); follow(s); }
    });
  }

  document.getElementById('retry').addEventListener('click', detect);
  document.getElementById('pair').addEventListener('click', pair);
  document.getElementById('read-token').addEventListener('click', readToken);
  document.getElementById('sign').addEventListener('click', sign);
  var remote = document.getElementById('sign-remote');
  if (remote) { remote.addEventListener('click', signRemote); }
  detect();
})();
