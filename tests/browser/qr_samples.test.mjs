// ZXing's QR black-box samples through zxing-wasm, the decoder the scanner's worker loads, with
// the reader settings of ZXing's own test runner: pass counts per folder and rotation are printed
// and must reach the thresholds in the samples' SOURCE.md. (Node runs the same .wasm the app serves.)
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { repoRoot } from './lib/serve_process.mjs';
import { thresholds, samples, loadRgba, rotate } from './lib/qr_samples.mjs';

const dist = path.join(repoRoot, 'node_modules/zxing-wasm/dist');
let readBarcodes;

before(async () => {
  const zxing = await import(path.join(dist, 'es/reader/index.js'));
  // The .wasm from disk: nothing is fetched (the default would be a CDN).
  await zxing.prepareZXingModule({
    overrides: { wasmBinary: readFileSync(path.join(dist, 'reader/zxing_reader.wasm')).buffer }, fireImmediately: true,
  });
  readBarcodes = zxing.readBarcodes;
});

// The runner's settings: all formats, no downscaling; "fast" tries nothing extra, "slow" tries
// harder, rotated and inverted; "pure" is a clean symbol with a fixed threshold. Plain text, as the
// runner compares the raw content.
const common = { tryDownscale: false, downscaleFactor: 2, downscaleThreshold: 180, textMode: 'Plain', maxNumberOfSymbols: 255 };
const MODES = {
  fast: { ...common, tryHarder: false, tryRotate: false, tryInvert: false },
  slow: { ...common, tryHarder: true, tryRotate: true, tryInvert: true },
  pure: { ...common, isPure: true, binarizer: 'FixedThreshold', tryHarder: false, tryRotate: false, tryInvert: false },
};

async function count(images, mode, degrees) {
  let pass = 0, misread = 0;
  for (const s of images) {
    const results = await readBarcodes(rotate(s.img, degrees), MODES[mode]);
    if (results.some((r) => r.format === 'QRCode' && r.text === s.expected)) pass++;
    else if (results.length) misread++;
  }
  return { pass, misread };
}

for (const [folder, t] of Object.entries(thresholds())) {
  test(`zxing-wasm decodes ${folder} at or above its thresholds`, { timeout: 180000 }, async () => {
    const images = samples(folder).map((s) => ({ ...s, img: loadRgba(s.file) }));
    assert.equal(images.length, t.images, 'every picture of the folder loads');
    const line = [`${folder} (${images.length} images) fast/slow passes (threshold):`];
    const failures = [];
    for (const [i, deg] of [0, 90, 180, 270].entries()) {
      const fast = await count(images, 'fast', deg);
      const slow = await count(images, 'slow', deg);
      line.push(`${deg}°: ${fast.pass}/${slow.pass} (${t.fast[i]}/${t.slow[i]})`);
      if (fast.pass < t.fast[i]) failures.push(`${deg}° fast ${fast.pass} < ${t.fast[i]}`);
      if (slow.pass < t.slow[i]) failures.push(`${deg}° slow ${slow.pass} < ${t.slow[i]}`);
    }
    if (t.pure !== null) {
      const pure = await count(images, 'pure', 0);
      line.push(`pure: ${pure.pass} (${t.pure}), misreads ${pure.misread} (max ${t.pureMisreads})`);
      if (pure.pass < t.pure) failures.push(`pure ${pure.pass} < ${t.pure}`);
      if (pure.misread > t.pureMisreads) failures.push(`pure misreads ${pure.misread} > ${t.pureMisreads}`);
    }
    console.log(line.join('  '));
    assert.deepEqual(failures, [], line.join('  '));
  });
}
