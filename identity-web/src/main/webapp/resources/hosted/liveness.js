/* Hosted flow: active liveness, a progressive enhancement of the face step. The server chose the
   actions (data-actions, in order); this script asks for them one at a time while it records a
   short burst from the front camera: two frames looking straight, then four frames per action,
   each drawn unmirrored on a canvas at most 640 px wide and encoded as JPEG. The frames go into
   the form's multiple file input (DataTransfer) and the form is posted once; the server judges
   them (pose from the face engine's landmarks, in order, one face). Without getUserMedia or
   DataTransfer nothing changes: the page offers the single selfie, which a liveness step never
   passes (review or refusal, per the flow). The current prompt is in data-current for tests. */
(function () {
  'use strict';
  var NEUTRAL = 2;        // frames looking straight (LivenessChecker.NEUTRAL_FRAMES)
  var PER_ACTION = 4;     // frames per action turn
  var MAX_SIDE = 640;     // longest side of a frame
  var SETTLE_MS = 900;    // time to react to a prompt before its frames are taken
  var GAP_MS = 250;       // between two frames of a turn

  function supported() {
    return !!(navigator.mediaDevices && navigator.mediaDevices.getUserMedia && window.DataTransfer && window.File
      && window.Promise && HTMLCanvasElement.prototype.toBlob);
  }

  function wait(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms); });
  }

  function grab(video, canvas) {
    var w = video.videoWidth, h = video.videoHeight, scale = Math.min(1, MAX_SIDE / Math.max(w, h));
    canvas.width = Math.round(w * scale);
    canvas.height = Math.round(h * scale);
    canvas.getContext('2d').drawImage(video, 0, 0, canvas.width, canvas.height);
    return new Promise(function (resolve) { canvas.toBlob(resolve, 'image/jpeg', 0.85); });
  }

  function enhance(box) {
    var actions = box.dataset.actions.split(',');
    var form = box.querySelector('form');
    var input = form.querySelector('input[type=file]');
    var send = form.querySelector('[type=submit]');
    var items = box.querySelectorAll('#liveness-actions li');
    var start = document.createElement('button');
    start.type = 'button';
    start.id = 'liveness-start';
    start.className = 'button primary';
    start.textContent = box.dataset.start;
    var stage = document.createElement('div');
    stage.className = 'camera-stage liveness-stage';
    stage.hidden = true;
    var video = document.createElement('video');
    video.setAttribute('playsinline', '');
    video.muted = true;
    video.className = 'mirrored';
    var prompt = document.createElement('p');
    prompt.id = 'liveness-prompt';
    prompt.className = 'liveness-prompt';
    prompt.setAttribute('aria-live', 'assertive');
    stage.appendChild(video);
    box.insertBefore(stage, form);
    box.insertBefore(prompt, form);
    box.insertBefore(start, form);
    form.querySelector('.liveness-frames').hidden = true;
    send.hidden = true;

    function ask(current, text) {
      box.dataset.current = current;
      prompt.textContent = text;
      for (var i = 0; i < items.length; i++) {
        items[i].classList.toggle('current', items[i].dataset.action === current && i === box.dataset.turn * 1);
      }
    }

    start.addEventListener('click', function () {
      start.disabled = true;
      prompt.textContent = box.dataset.starting;
      var canvas = document.createElement('canvas');
      var frames = [];
      var stream;
      navigator.mediaDevices.getUserMedia({ video: { facingMode: 'user', width: { ideal: 640 }, height: { ideal: 480 } }, audio: false })
        .then(function (s) {
          stream = s;
          video.srcObject = s;
          stage.hidden = false;
          return video.play();
        })
        .then(function () {
          box.dataset.turn = -1;
          ask('straight', box.dataset.straight);
          return wait(SETTLE_MS);
        })
        .then(function () { return take(NEUTRAL); })
        .then(function () {
          var chain = Promise.resolve();
          actions.forEach(function (action, turn) {
            chain = chain.then(function () {
              box.dataset.turn = turn;
              ask(action, items[turn] ? items[turn].textContent : action);
              return wait(SETTLE_MS);
            }).then(function () { return take(PER_ACTION); });
          });
          return chain;
        })
        .then(function () {
          stream.getTracks().forEach(function (t) { t.stop(); });
          box.dataset.current = 'done';
          prompt.textContent = box.dataset.recording;
          var files = new DataTransfer();
          frames.forEach(function (blob, i) {
            files.items.add(new File([blob], 'frame-' + (i < 10 ? '0' : '') + i + '.jpg', { type: 'image/jpeg' }));
          });
          input.files = files.files;
          send.click();
        })
        .catch(function () {
          // No permission or no camera: the single selfie below stays the way (see its hint).
          if (stream) { stream.getTracks().forEach(function (t) { t.stop(); }); }
          stage.hidden = true;
          start.hidden = true;
          box.dataset.current = 'unavailable';
          prompt.textContent = '';
        });

      function take(n) {
        var chain = Promise.resolve();
        for (var i = 0; i < n; i++) {
          chain = chain.then(function () { return grab(video, canvas); })
            .then(function (blob) { frames.push(blob); return wait(GAP_MS); });
        }
        return chain;
      }
    });
  }

  function init() {
    if (!supported()) { return; }
    var boxes = document.querySelectorAll('.liveness[data-actions]');
    for (var i = 0; i < boxes.length; i++) { enhance(boxes[i]); }
  }

  // The script is in the head: wait for the page.
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
