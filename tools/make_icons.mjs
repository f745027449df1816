#!/usr/bin/env node
// Draws the app's icons (web/icons/*.png): a white lightning bolt on the brand's green, as "any"
// icons (the bolt filling the square) and "maskable" ones (the bolt inside the middle 80 %, the
// safe zone a launcher's mask never cuts). Antialiased by 8×8 samples a pixel. The PNGs are
// committed; run this again only when the drawing changes.
//
//   node tools/make_icons.mjs
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { encodePng } from '../tests/browser/lib/png.mjs';

const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'web', 'icons');
const GREEN = [0x1b, 0x73, 0x32];  // the light theme's primary
const WHITE = [0xff, 0xff, 0xff];
// The bolt, in the unit square.
const BOLT = [[0.57, 0.08], [0.25, 0.56], [0.47, 0.56], [0.40, 0.92], [0.75, 0.41], [0.53, 0.41], [0.63, 0.08]];

function inside(x, y) {
  let hit = false;
  for (let i = 0, j = BOLT.length - 1; i < BOLT.length; j = i++) {
    const [xi, yi] = BOLT[i], [xj, yj] = BOLT[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

function draw(size, scale) {
  const n = 8;
  return encodePng(size, size, (px, py) => {
    let covered = 0;
    for (let sy = 0; sy < n; sy++) {
      for (let sx = 0; sx < n; sx++) {
        const u = ((px + (sx + 0.5) / n) / size - 0.5) / scale + 0.5;
        const v = ((py + (sy + 0.5) / n) / size - 0.5) / scale + 0.5;
        if (inside(u, v)) covered++;
      }
    }
    const a = covered / (n * n);
    return GREEN.map((g, i) => Math.round(g + (WHITE[i] - g) * a));
  });
}

for (const size of [192, 512]) {
  writeFileSync(path.join(out, `icon-${size}.png`), draw(size, 0.9));
  writeFileSync(path.join(out, `icon-maskable-${size}.png`), draw(size, 0.62));
}
console.log(`icons written to ${out}`);
