/* Hosted flow inside the tenant's iframe: tells the embedding page how the process ended, as
   Truora's iframe does. The message goes to window.parent when the user leaves the page for the
   tenant's redirect URL: a click on "Continue" or the automatic redirect (meta refresh, which
   works without script). It is posted once per allowed origin with that origin as targetOrigin,
   so the browser delivers it only if the parent really is one of them (never "*"). Values come
   from #frame-events' data- attributes: the pages' CSP allows no inline script. */
(function () {
  'use strict';
  function init() {
    var data = document.getElementById('frame-events');
    if (!data || window.parent === window) {
      return; // not embedded: the redirect alone tells the tenant
    }
    var message = data.getAttribute('data-message');
    var origins = (data.getAttribute('data-origins') || '').split(' ').filter(function (o) { return o; });
    var sent = false;
    function notify() {
      if (sent) {
        return;
      }
      sent = true;
      origins.forEach(function (origin) {
        window.parent.postMessage(message, origin);
      });
    }
    var go = document.getElementById('continue');
    if (go) {
      go.addEventListener('click', notify);
    }
    var seconds = parseInt(data.getAttribute('data-redirect-seconds'), 10);
    if (seconds > 0) {
      // Just before the meta refresh navigates the frame away.
      window.setTimeout(notify, Math.max(0, seconds * 1000 - 500));
    }
    // Leaving by any other way (e.g. the "stay" link) sends nothing: the user has not left yet.
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
