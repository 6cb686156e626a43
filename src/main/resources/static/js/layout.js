// The layout's behaviour: the menu button on narrow screens (without script the menu stays open),
// and the CSRF token sent with every htmx request (read from <meta name="_csrf"> if a page has one).
(function () {
  document.documentElement.classList.add('js');
  document.addEventListener('DOMContentLoaded', function () {
    var toggle = document.querySelector('.menu-toggle');
    var menu = document.getElementById('menu-chinh');
    if (toggle && menu) {
      toggle.addEventListener('click', function () {
        var open = toggle.getAttribute('aria-expanded') !== 'true';
        toggle.setAttribute('aria-expanded', String(open));
        menu.classList.toggle('open', open);
      });
    }
  });
  // A refused htmx request (4xx/5xx) swaps nothing; say why at the top of the page, in the server's words
  // (the "detail" of an API problem, or the message of the error page). A page that shows errors in
  // place (a grid cell) handles htmx:responseError itself and calls event.preventDefault().
  function showError(text) {
    var main = document.querySelector('main');
    if (!main) { return; }
    var box = document.getElementById('loi-chung');
    if (!box) {
      box = document.createElement('p');
      box.id = 'loi-chung';
      box.className = 'error';
      box.setAttribute('role', 'alert');
      main.insertBefore(box, main.firstChild);
    }
    box.textContent = text;
  }
  document.addEventListener('htmx:responseError', function (event) {
    if (event.defaultPrevented) { return; }
    var xhr = event.detail.xhr;
    var text = 'Không thực hiện được (mã lỗi ' + xhr.status + ').';
    var type = xhr.getResponseHeader('Content-Type') || '';
    try {
      if (type.indexOf('json') >= 0) {
        text = JSON.parse(xhr.responseText).detail || text;
      } else if (type.indexOf('html') >= 0) {
        var page = new DOMParser().parseFromString(xhr.responseText, 'text/html');
        var alert = page.querySelector('main [role=alert]');
        text = alert ? alert.textContent.trim() : text;
      }
    } catch (ignored) { /* keep the generic text */ }
    showError(text);
  });
  document.addEventListener('htmx:sendError', function () {
    showError('Không kết nối được máy chủ: kiểm tra mạng rồi thử lại. Dữ liệu chưa gửi vẫn còn trên trang.');
  });
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.getAttribute('content')] = token.getAttribute('content');
    }
  });
})();
