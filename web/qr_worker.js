// Decodes camera frames with ZXing (zxing-wasm) off the main thread. The .wasm comes from this
// app's own origin (zxing/reader/), never from a CDN. One message in, one answer out.
import { prepareZXingModule, readBarcodes } from './zxing/es/reader/index.js';

const ready = prepareZXingModule({
  overrides: {
    locateFile: (path, prefix) =>
      path.endsWith('.wasm') ? new URL('./zxing/reader/' + path, self.location.href).href : prefix + path,
  },
  fireImmediately: true,
});

// A phone held at a sticker: one upright QR code, close by. Rotation and inversion tries cost time
// on every frame and a miss is retried on the next frame anyway.
const options = {
  formats: ['QRCode'], maxNumberOfSymbols: 1, tryHarder: true, tryRotate: false, tryInvert: false,
  tryDownscale: true, textMode: 'Plain',
};

ready.then(() => self.postMessage({ ready: true }), () => self.postMessage({ ready: false }));

self.onmessage = async (e) => {
  const { id, width, height, buf } = e.data;
  const t0 = performance.now();
  let text = null;
  try {
    await ready;
    const results = await readBarcodes({ data: new Uint8ClampedArray(buf), width, height }, options);
    if (results.length && results[0].isValid) text = results[0].text;
  } catch (err) {
    text = null;
  }
  self.postMessage({ id, text, ms: performance.now() - t0 });
};
