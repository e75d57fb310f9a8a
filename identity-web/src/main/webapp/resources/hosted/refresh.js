/* Hosted flow: pages that change by themselves (the finished page's way back to the tenant, a
   running check, the desktop following the phone) without reloading under the user's feet. The
   page names what to do in <meta name="idforge-refresh" content="<seconds>;url=<url>"
   data-mode="redirect|poll" data-signature="...">; without script, a meta refresh inside
   <noscript> does the same by reloading.
   - redirect: go to the url after the seconds ("stay on this page" opens the page without it);
   - poll: every few seconds fetch the url in the background and open it only when its state
     (data-signature) differs, so screen readers are not interrupted while nothing changes. */
(function () {
  'use strict';
  var meta = document.querySelector('meta[name="idforge-refresh"]');
  if (!meta || !window.fetch || !window.DOMParser) {
    return;
  }
  var parts = /^(\d+);url=(.*)$/.exec(meta.getAttribute('content') || '');
  if (!parts) {
    return;
  }
  var seconds = parseInt(parts[1], 10), url = parts[2];
  var signature = meta.getAttribute('data-signature');

  if (meta.getAttribute('data-mode') === 'redirect') {
    setTimeout(function () { window.location.assign(url); }, seconds * 1000);
    return;
  }

  function look() {
    fetch(url, { credentials: 'same-origin', cache: 'no-store' }).then(function (r) {
      return r.ok ? r.text() : null;
    }).then(function (html) {
      if (html === null) {
        return later();
      }
      var next = new DOMParser().parseFromString(html, 'text/html').querySelector('meta[name="idforge-refresh"]');
      if (!next || next.getAttribute('data-signature') !== signature) {
        window.location.replace(url);
      } else {
        later();
      }
    }).catch(later);
  }

  function later() {
    setTimeout(look, seconds * 1000);
  }

  later();
}());
