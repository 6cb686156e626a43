// "Ký tất cả": polls the server's progress (n/m) while the batch runs; the page may be closed at any time.
(function () {
  var section = document.getElementById('sign-all');
  if (!section) { return; }
  var url = section.getAttribute('data-progress');
  var bar = document.getElementById('sign-progress');
  var count = document.getElementById('sign-count');
  var state = document.getElementById('sign-state');
  function poll() {
    fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (p) {
        bar.max = p.total || 1;
        bar.value = p.done;
        count.textContent = p.done + '/' + p.total;
        var failed = Object.keys(p.failed || {});
        if (p.running) {
          state.textContent = 'Đang ký…';
          setTimeout(poll, 1000);
        } else if (p.error) {
          state.textContent = 'Dừng: ' + p.error + (failed.length ? ' (' + failed.join(', ') + ')' : '');
        } else if (p.total > 0 && p.done === p.total) {
          state.textContent = 'Đã ký tất cả.';
          var button = document.getElementById('sign-all-button');
          if (button) { button.disabled = true; }
        }
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  poll();
})();
