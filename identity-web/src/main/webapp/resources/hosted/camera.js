/* Hosted flow: live camera capture, a progressive enhancement of the photo fields. Without
   getUserMedia (or DataTransfer) nothing changes: the file input is the way. With them, each photo
   field offers "use camera": the back camera for documents, the front one for selfies, an outline
   to place the document or face in, on-device hints computed on a small canvas before anything is
   sent (too dark; blurred, by the variance of the Laplacian of a downscaled frame), a shutter, a
   preview with "retake". The full-resolution JPEG goes into the field's file input (DataTransfer),
   so the normal form post sends it. Texts come from the field's data-* attributes (es/pt/en). */
(function () {
  'use strict';
  var SMALL = 160;          // width of the analysis frame
  var DARK_BELOW = 60;      // mean luma 0..255
  var BLUR_BELOW = 60;      // variance of the Laplacian on the small frame

  function supported() {
    return !!(navigator.mediaDevices && navigator.mediaDevices.getUserMedia && window.DataTransfer && window.File);
  }

  /** Mean luma and variance of the 4-neighbour Laplacian of an RGBA frame. */
  function quality(data, w, h) {
    var n = w * h, luma = new Float32Array(n), sum = 0, i;
    for (i = 0; i < n; i++) {
      var y = 0.299 * data[i * 4] + 0.587 * data[i * 4 + 1] + 0.114 * data[i * 4 + 2];
      luma[i] = y;
      sum += y;
    }
    var count = 0, mean = 0, m2 = 0;
    for (var r = 1; r < h - 1; r++) {
      for (var c = 1; c < w - 1; c++) {
        var k = r * w + c;
        var lap = luma[k - 1] + luma[k + 1] + luma[k - w] + luma[k + w] - 4 * luma[k];
        count++;
        var d = lap - mean;
        mean += d / count;
        m2 += d * (lap - mean);
      }
    }
    return { brightness: sum / n, sharpness: count > 1 ? m2 / (count - 1) : 0 };
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text) { e.textContent = text; }
    return e;
  }

  function enhance(field) {
    var input = field.querySelector('input[type=file]');
    if (!input) { return; }
    var t = field.dataset;
    var facing = t.camera === 'user' ? 'user' : 'environment';
    var open = el('button', 'button secondary camera-open', t.use);
    open.type = 'button';
    open.id = input.id + '-camera';
    var panel = el('div', 'camera');
    panel.id = input.id + '-camera-panel';
    panel.hidden = true;
    var stage = el('div', 'camera-stage');
    var video = el('video');
    video.setAttribute('playsinline', '');
    video.muted = true;
    var outline = el('div', 'camera-outline ' + (facing === 'user' ? 'face' : 'document'));
    outline.setAttribute('aria-hidden', 'true');
    var preview = el('img', 'camera-preview');
    preview.alt = t.preview;
    preview.hidden = true;
    stage.appendChild(video);
    stage.appendChild(outline);
    stage.appendChild(preview);
    var hint = el('p', 'camera-hint');
    hint.id = input.id + '-camera-hint';
    hint.setAttribute('aria-live', 'polite');
    var shoot = el('button', 'button primary camera-shoot', t.shoot);
    shoot.type = 'button';
    shoot.id = input.id + '-camera-shoot';
    var retake = el('button', 'button secondary camera-retake', t.retake);
    retake.type = 'button';
    retake.id = input.id + '-camera-retake';
    retake.hidden = true;
    panel.appendChild(stage);
    panel.appendChild(hint);
    panel.appendChild(shoot);
    panel.appendChild(retake);
    field.appendChild(open);
    field.appendChild(panel);

    var stream = null, timer = null;
    var small = document.createElement('canvas');

    function stop() {
      if (timer) { clearInterval(timer); timer = null; }
      if (stream) { stream.getTracks().forEach(function (tr) { tr.stop(); }); stream = null; }
      video.srcObject = null;
    }

    function look() {
      if (!video.videoWidth) { return; }
      small.width = SMALL;
      small.height = Math.max(1, Math.round(SMALL * video.videoHeight / video.videoWidth));
      var ctx = small.getContext('2d', { willReadFrequently: true });
      ctx.drawImage(video, 0, 0, small.width, small.height);
      var q = quality(ctx.getImageData(0, 0, small.width, small.height).data, small.width, small.height);
      var kind = q.brightness < DARK_BELOW ? 'dark' : q.sharpness < BLUR_BELOW ? 'blurred' : 'ok';
      hint.dataset.hint = kind;
      hint.dataset.brightness = Math.round(q.brightness);
      hint.dataset.sharpness = Math.round(q.sharpness);
      hint.textContent = kind === 'dark' ? t.dark : kind === 'blurred' ? t.blurred : t.ok;
      hint.className = 'camera-hint ' + kind;
    }

    function start() {
      preview.hidden = true;
      video.hidden = false;
      outline.hidden = false;
      shoot.hidden = false;
      retake.hidden = true;
      panel.hidden = false;
      hint.textContent = t.starting;
      navigator.mediaDevices.getUserMedia({
        audio: false,
        video: { facingMode: { ideal: facing }, width: { ideal: 1920 }, height: { ideal: 1080 } }
      }).then(function (s) {
        stream = s;
        video.srcObject = s;
        return video.play();
      }).then(function () {
        timer = setInterval(look, 400);
      }).catch(function () {
        // No permission or no camera: the file input stays the way.
        stop();
        panel.hidden = true;
        open.hidden = true;
        hint.textContent = '';
      });
    }

    function capture() {
      if (!video.videoWidth) { return; }
      var full = document.createElement('canvas');
      full.width = video.videoWidth;
      full.height = video.videoHeight;
      full.getContext('2d').drawImage(video, 0, 0);
      full.toBlob(function (blob) {
        var dt = new DataTransfer();
        dt.items.add(new File([blob], (facing === 'user' ? 'selfie' : input.id.replace(/\W/g, '-')) + '.jpg',
          { type: 'image/jpeg', lastModified: Date.now() }));
        input.files = dt.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
        // The page's CSP allows data: images, not blob: ones.
        preview.src = full.toDataURL('image/jpeg', 0.6);
        preview.dataset.width = full.width;
        preview.dataset.height = full.height;
        preview.hidden = false;
        video.hidden = true;
        outline.hidden = true;
        shoot.hidden = true;
        retake.hidden = false;
        hint.textContent = t.taken;
        hint.dataset.hint = 'taken';
        stop();
        retake.focus();
      }, 'image/jpeg', 0.92);
    }

    open.addEventListener('click', function () {
      open.hidden = true;
      start();
    });
    shoot.addEventListener('click', capture);
    retake.addEventListener('click', function () {
      input.value = '';
      start();
    });
    window.addEventListener('pagehide', stop);
  }

  function init() {
    if (!supported()) { return; }
    var fields = document.querySelectorAll('.field.photo[data-camera]');
    for (var i = 0; i < fields.length; i++) { enhance(fields[i]); }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
