// ZXing's QR black-box samples for zxing-wasm (the decoder the scanner's worker runs): the list of
// pictures with expected texts, their pixels (decoded by ffmpeg, which reads WebP, PNG and JPEG),
// and the pass thresholds from the samples' SOURCE.md.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';

import { repoRoot } from './serve_process.mjs';

export const samplesDir = path.join(repoRoot, '../shared/testdata/qr/zxing-samples');

// {images, fast:[4], slow:[4], pure|null, pureMisreads} per folder, from SOURCE.md's table.
export function thresholds() {
  const out = {};
  for (const line of readFileSync(path.join(samplesDir, 'SOURCE.md'), 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 8 || !/^qrcode-\d+$/.test(cells[1])) continue;
    const pair = (c) => c.split('/').map((n) => Number(n.trim()));
    const rot = [3, 4, 5, 6].map((i) => pair(cells[i]));
    const pure = /^(\d+)(?:, (\d+) misread)?/.exec(cells[7]);
    out[cells[1]] = {
      images: Number(cells[2]), fast: rot.map((r) => r[0]), slow: rot.map((r) => r[1]),
      pure: pure ? Number(pure[1]) : null, pureMisreads: pure && pure[2] ? Number(pure[2]) : 0,
    };
  }
  return out;
}

// [{file, expected}] for a folder, in name order.
export function samples(folder) {
  const dir = path.join(samplesDir, folder);
  return readdirSync(dir).filter((f) => /\.(png|jpe?g|webp)$/.test(f)).sort().flatMap((f) => {
    const txt = path.join(dir, f.replace(/\.[^.]+$/, '.txt'));
    return existsSync(txt) ? [{ file: path.join(dir, f), expected: readFileSync(txt, 'utf8') }] : [];
  });
}

// RGBA pixels of a picture: {data: Uint8ClampedArray, width, height}.
export function loadRgba(file) {
  const probe = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height',
    '-of', 'csv=p=0', file], { encoding: 'utf8' }).trim().split(',').map(Number);
  const [width, height] = probe;
  const raw = execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgba', '-'],
    { maxBuffer: 64 * 1024 * 1024 });
  return { data: new Uint8ClampedArray(raw.buffer, raw.byteOffset, width * height * 4), width, height };
}

// The picture turned clockwise by 90, 180 or 270 degrees.
export function rotate(img, degrees) {
  if (degrees === 0) return img;
  const { width: w, height: h, data } = img;
  const turn = degrees / 90;
  const W = turn % 2 ? h : w, H = turn % 2 ? w : h;
  const out = new Uint8ClampedArray(W * H * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let X, Y;
      if (turn === 1) { X = h - 1 - y; Y = x; } else if (turn === 2) { X = w - 1 - x; Y = h - 1 - y; } else { X = y; Y = w - 1 - x; }
      out.set(data.subarray((y * w + x) * 4, (y * w + x) * 4 + 4), (Y * W + X) * 4);
    }
  }
  return { data: out, width: W, height: H };
}
