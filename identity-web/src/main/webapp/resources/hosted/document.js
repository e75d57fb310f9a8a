/* Hosted flow, document step: a nicety over a page that works without script. A passport has no
   back, so the back-photo field is hidden (and its file cleared) while "passport" is chosen; the
   server ignores a back sent for a passport all the same. */
(function () {
  'use strict';
  function init() {
    var type = document.getElementById('document:type');
    var back = document.getElementById('document:back');
    if (!type || !back) {
      return;
    }
    var field = back.closest('.field');
    function update() {
      var noBack = type.value === 'passport';
      field.hidden = noBack;
      if (noBack) {
        back.value = '';
      }
    }
    type.addEventListener('change', update);
    update();
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
