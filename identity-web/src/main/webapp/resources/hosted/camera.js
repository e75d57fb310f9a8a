/* Hosted flow: live camera capture, a progressive enhancement of the photo fields. Without
   getUserMedia (or DataTransfer) nothing changes: the file input is the way. With them, each photo
   field offers "use camera": the back camera for documents, the front one for selfies, an outline
   to place the document or face in, on-device hints computed on a small canvas before anything is
   sent (too dark; glare, the share of saturated pixels; blurred, by the variance of the Laplacian
   of a downscaled frame; too far, the document's edges or the face covering too little of the
   outline; no face or two faces where the browser has a FaceDetector), a shutter that also fires by
   itself once every hint has been good for a second (the button always works), a preview with
   "retake". The full-resolution JPEG goes into the field's file input (DataTransfer),
   so the normal form post sends it. Texts come from the field's data-* attributes (es/pt/en). */
(function () {
  'use strict';
  var SMALL = 160;          // width of the analysis frame
  var DARK_BELOW = 60;      // mean luma 0..255
  var BLUR_BELOW = 60;      // variance of the Laplacian on the small frame
  var GLARE_LUMA = 250;     // a saturated pixel
  var GLARE_ABOVE = 0.08;   // share of saturated pixels inside the outline
  var EDGE_ABOVE = 48;      // |Laplacian| of an edge pixel
  var FAR_BELOW = 0.35;     // share of the outline the document's edges (or the face) span
  var STEADY_MS = 1000;     // good hints for this long take the photo by themselves
  // The outlines of hosted.css, as shares of the frame: left, top, right, bottom.
  var OUTLINE = { document: [0.06, 0.18, 0.94, 0.82], face: [0.22, 0.10, 0.78, 0.90] };

  function supported() {
    return !!(navigator.mediaDevices && navigator.mediaDevices.getUserMedia && window.DataTransfer && window.File);
  }

  /**
   * What the frame looks like: mean luma, variance of the 4-neighbour Laplacian (sharpness), the
   * share of saturated pixels inside the outline (glare) and the share of the outline spanned by
   * the edges found inside it (5th to 95th percentile of their positions, so specks do not count).
   */
  function quality(data, w, h, box) {
    var n = w * h, luma = new Float32Array(n), sum = 0, i;
    for (i = 0; i < n; i++) {
      var y = 0.299 * data[i * 4] + 0.587 * data[i * 4 + 1] + 0.114 * data[i * 4 + 2];
      luma[i] = y;
      sum += y;
    }
    var x0 = Math.max(1, Math.floor(box[0] * w)), y0 = Math.max(1, Math.floor(box[1] * h));
    var x1 = Math.min(w - 1, Math.ceil(box[2] * w)), y1 = Math.min(h - 1, Math.ceil(box[3] * h));
    var count = 0, mean = 0, m2 = 0, inside = 0, saturated = 0, xs = [], ys = [];
    for (var r = 1; r < h - 1; r++) {
      for (var c = 1; c < w - 1; c++) {
        var k = r * w + c;
        var lap = luma[k - 1] + luma[k + 1] + luma[k - w] + luma[k + w] - 4 * luma[k];
        count++;
        var d = lap - mean;
        mean += d / count;
        m2 += d * (lap - mean);
        if (c >= x0 && c < x1 && r >= y0 && r < y1) {
          inside++;
          if (luma[k] >= GLARE_LUMA) { saturated++; }
          if (Math.abs(lap) > EDGE_ABOVE) { xs.push(c); ys.push(r); }
        }
      }
    }
    return {
      brightness: sum / n,
      sharpness: count > 1 ? m2 / (count - 1) : 0,
      glare: inside ? saturated / inside : 0,
      span: xs.length < 20 ? 0 : spread(xs) / (x1 - x0) * spread(ys) / (y1 - y0)
    };
  }

  /** The distance between the 5th and the 95th percentile of positions. */
  function spread(values) {
    values.sort(function (a, b) { return a - b; });
    return values[Math.floor(values.length * 0.95)] - values[Math.floor(values.length * 0.05)];
  }

  /**
   * The first hint that applies, in the order a user can fix them: light, glare, focus, distance,
   * then the faces the browser's FaceDetector saw (null where there is none).
   */
  function verdict(q, facing, faces) {
    if (q.brightness < DARK_BELOW) { return 'dark'; }
    if (q.glare > GLARE_ABOVE) { return 'glare'; }
    if (q.sharpness < BLUR_BELOW) { return 'blurred'; }
    if (facing === 'user' && faces) {
      if (faces.count === 0) { return 'noface'; }
      if (faces.count > 1) { return 'twofaces'; }
      if (faces.share < FAR_BELOW) { return 'far'; }
      return 'ok';
    }
    if (facing !== 'user' && q.span < FAR_BELOW) { return 'far'; }
    return 'ok';
  }

  function makeDetector() {
    try {
      return new window.FaceDetector({ fastMode: true, maxDetectedFaces: 3 });
    } catch (e) {
      return null;
    }
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

    var stream = null, timer = null, goodSince = 0;
    var small = document.createElement('canvas');
    // Faces where the browser can find them (Chromium with its shape-detection feature, Safari).
    var detector = facing === 'user' && 'FaceDetector' in window ? makeDetector() : null;
    var faces = null, detecting = false;
    // data-auto="off" on the field turns the automatic shutter off (read at each look).
    function automatic() { return t.auto !== 'off'; }
    var texts = { dark: t.dark, glare: t.glare, blurred: t.blurred, noface: t.noface, twofaces: t.twofaces,
      far: facing === 'user' ? t.farFace : t.far, ok: t.ok };

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
      var box = OUTLINE[facing === 'user' ? 'face' : 'document'];
      var q = quality(ctx.getImageData(0, 0, small.width, small.height).data, small.width, small.height, box);
      if (detector && !detecting) {
        detecting = true;
        detector.detect(small).then(function (found) {
          var widest = 0;
          found.forEach(function (f) { widest = Math.max(widest, f.boundingBox.width); });
          faces = { count: found.length, share: widest / (small.width * (box[2] - box[0])) };
        }).catch(function () { detector = null; faces = null; }).then(function () { detecting = false; });
      }
      var kind = verdict(q, facing, faces);
      hint.dataset.hint = kind;
      hint.dataset.brightness = Math.round(q.brightness);
      hint.dataset.sharpness = Math.round(q.sharpness);
      hint.dataset.glare = q.glare.toFixed(3);
      hint.dataset.span = q.span.toFixed(2);
      hint.className = 'camera-hint ' + kind;
      if (kind !== 'ok') {
        goodSince = 0;
        hint.textContent = texts[kind];
        return;
      }
      var now = Date.now();
      goodSince = goodSince || now;
      hint.textContent = automatic() ? texts.ok + ' ' + t.autoShot : texts.ok;
      if (automatic() && now - goodSince >= STEADY_MS) {
        goodSince = 0;
        hint.dataset.shutter = 'auto';
        capture();
      }
    }

    function start() {
      preview.hidden = true;
      video.hidden = false;
      outline.hidden = false;
      shoot.hidden = false;
      retake.hidden = true;
      panel.hidden = false;
      hint.textContent = t.starting;
      goodSince = 0;
      faces = null;
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
      // One photo per shutter: no further look (nor automatic shot) while it is encoded.
      if (timer) { clearInterval(timer); timer = null; }
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
    shoot.addEventListener('click', function () {
      hint.dataset.shutter = 'manual';
      capture();
    });
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
