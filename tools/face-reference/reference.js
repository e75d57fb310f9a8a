// Reference outputs of face-api's own TF.js networks (wasm backend) for the ONNX conversion tests of
// identity-face. The inputs are synthetic images defined by integer formulas that the Java tests
// compute identically (FormulaImages.java); face-api normalises them itself, exactly as it does for
// real images. Outputs are raw network outputs: no landmark post-processing, no rounding.
//
// Usage: npm ci && node reference.js <output dir>
// Writes landmarks68.json and descriptor.json (a few KB each).

const fs = require('fs');
const path = require('path');
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');
const wasm = require('@tensorflow/tfjs-backend-wasm');

const { tf } = faceapi;

// Integer formulas of (channel, y, x); channel 0 = R, 1 = G, 2 = B. Keep in sync with FormulaImages.java.
const FORMULAS = {
  ramp: (c, y, x) => (x * 7 + y * 13 + c * 29) % 256,
  quadratic: (c, y, x) => (x * x + 3 * y * y + 11 * c * x * y + 5) % 256,
  checker: (c, y, x) => ((Math.floor(x / 8) + Math.floor(y / 8)) % 2) * 200 + ((x * y + c * 53) % 56),
};

function formulaTensor(formula, size) {
  const values = new Float32Array(size * size * 3);
  let i = 0;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      for (let c = 0; c < 3; c++) values[i++] = formula(c, y, x);
    }
  }
  return tf.tensor4d(values, [1, size, size, 3], 'float32');
}

async function rawOutputs(size, run) {
  const cases = [];
  for (const [name, formula] of Object.entries(FORMULAS)) {
    const image = formulaTensor(formula, size);
    const netInput = await faceapi.toNetInput(image);
    const out = run(netInput);
    cases.push({ formula: name, output: Array.from(await out.data()) });
    out.dispose();
    image.dispose();
  }
  return cases;
}

async function main() {
  const outDir = process.argv[2];
  if (!outDir) throw new Error('usage: node reference.js <output dir>');
  const modelDir = path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
  wasm.setWasmPaths(path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + path.sep);
  await tf.setBackend('wasm');
  await tf.ready();
  await faceapi.nets.faceLandmark68Net.loadFromDisk(modelDir);
  await faceapi.nets.faceRecognitionNet.loadFromDisk(modelDir);
  const meta = {
    generator: 'tools/face-reference/reference.js',
    faceApi: faceapi.version,
    tfjs: tf.version_core,
    backend: tf.getBackend(),
  };

  // Landmarks: the FaceProcessor's runNet (feature extractor + fc) before postProcess.
  const landmarks = await rawOutputs(112, (input) => faceapi.nets.faceLandmark68Net.runNet(input));
  // Descriptor: FaceRecognitionNet.forwardInput, what computeFaceDescriptor returns.
  const descriptor = await rawOutputs(150, (input) => faceapi.nets.faceRecognitionNet.forwardInput(input));

  fs.mkdirSync(outDir, { recursive: true });
  const write = (file, inputSize, cases) => fs.writeFileSync(path.join(outDir, file),
    `${JSON.stringify({ ...meta, inputSize, cases })}\n`);
  write('landmarks68.json', 112, landmarks);
  write('descriptor.json', 150, descriptor);
  console.log(`wrote ${outDir}: ${landmarks.length} landmark cases, ${descriptor.length} descriptor cases, backend ${meta.backend}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
