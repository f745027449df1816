// The look checks measured on synthetic screenshots with known answers, so that they cannot pass by
// measuring nothing: anti-aliased "glyphs" of a known colour on a known background, boxes that are
// too small, overlap or stick out. No browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { decodePng, encodePng } from './lib/png.mjs';
import {
  checkImage, contrastFailures, contrastRatio, dominantColours, iconOnly, markFailures, targetFailures, textOverlapFailures,
} from './lib/look_checks.mjs';

const rgb = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));

// A picture `width`×`height` of background `bg`, with `shapes` painted on it: each a box
// {x, y, w, h, fill} (solid), or a run of anti-aliased rings standing in for the letters of a line
// of text {text: {x, y, w, h, colour, size}} (ring radius size/2, stroke size/8, 4×4 supersampled).
function picture(width, height, bg, shapes) {
  const layers = shapes.map((s) => ({ ...s, colour: rgb(s.fill || s.text.colour) }));
  const base = rgb(bg);
  const coverage = (t, x, y) => {
    const { size } = t, r = size / 2, stroke = Math.max(1.2, size / 8);
    if (x < t.x || y < t.y || x >= t.x + t.w || y >= t.y + t.h) return 0;
    let hits = 0;
    for (let sy = 0; sy < 4; sy++) {
      for (let sx = 0; sx < 4; sx++) {
        const px = x + (sx + 0.5) / 4 - t.x, py = y + (sy + 0.5) / 4 - t.y;
        const cx = (Math.floor(px / (size * 1.1)) + 0.5) * size * 1.1, cy = t.h / 2;
        const d = Math.hypot(px - cx, py - cy);
        if (Math.abs(d - (r - stroke / 2)) <= stroke / 2) hits++;
      }
    }
    return hits / 16;
  };
  const png = encodePng(width, height, (x, y) => {
    let c = base;
    for (const l of layers) {
      if (l.text) {
        const a = coverage(l.text, x, y);
        if (a > 0) c = c.map((v, i) => Math.round(v * (1 - a) + l.colour[i] * a));
      } else if (x >= l.x && y >= l.y && x < l.x + l.w && y < l.y + l.h) {
        c = l.colour;
      }
    }
    return c;
  });
  return decodePng(png);
}

const node = (role, name, x, y, w, h, extra = {}) => ({ role, name, x, y, w, h, textPx: 16, offscreen: false, disabled: false, ...extra });

test('the WCAG ratio itself: black on white is 21, #777 on white just under 4.5', () => {
  assert.equal(contrastRatio([0, 0, 0], [255, 255, 255]), 21);
  const grey = contrastRatio(rgb('#777777'), [255, 255, 255]);
  assert.ok(grey > 4.47 && grey < 4.49, `#777 on white ${grey}`);
  assert.equal(contrastRatio([10, 20, 30], [10, 20, 30]), 1);
});

test('black anti-aliased glyphs on white measure 21:1; #777 ones fail 4.5 as text and pass 3 as large text', () => {
  const image = picture(300, 120, '#ffffff', [
    { text: { x: 10, y: 10, w: 200, h: 20, colour: '#000000', size: 14 } },
    { text: { x: 10, y: 60, w: 200, h: 20, colour: '#777777', size: 14 } },
  ]);
  const black = dominantColours(image, { x: 10, y: 10, w: 200, h: 20 });
  assert.deepEqual(black.bg, [255, 255, 255]);
  assert.deepEqual(black.fg, [0, 0, 0], 'the glyphs\' own colour, not a blend of their edges');
  assert.equal(contrastRatio(black.fg, black.bg), 21);

  const nodes = [node('text', 'Black words', 10, 10, 200, 20), node('text', 'Grey words', 10, 60, 200, 20)];
  const failures = contrastFailures(image, nodes);
  assert.equal(failures.length, 1, JSON.stringify(failures));
  assert.equal(failures[0].name, 'Grey words');
  assert.equal(failures[0].check, 'contrast');
  assert.ok(failures[0].ratio < 4.5 && failures[0].ratio > 4.3, `measured ${failures[0].ratio}`);
  assert.equal(failures[0].fg, '#777777');
  assert.equal(failures[0].bg, '#ffffff');

  const large = contrastFailures(image, [node('text', 'Grey words', 10, 60, 200, 20, { textPx: 24 })]);
  assert.deepEqual(large, [], '4.48:1 is enough for large text');
});

test('a button measures its label against its own fill, in a dark theme too', () => {
  const image = picture(200, 100, '#121212', [
    { x: 20, y: 20, w: 160, h: 48, fill: '#2b2b2b' },
    { text: { x: 40, y: 34, w: 100, h: 20, colour: '#e3e3e3', size: 14 } },
  ]);
  const m = dominantColours(image, { x: 20, y: 20, w: 160, h: 48 });
  assert.deepEqual(m.bg, rgb('#2b2b2b'));
  assert.deepEqual(m.fg, rgb('#e3e3e3'));
  assert.deepEqual(contrastFailures(image, [node('button', 'Start', 20, 20, 160, 48)]), []);

  const dim = picture(200, 100, '#121212', [
    { x: 20, y: 20, w: 160, h: 48, fill: '#2b2b2b' },
    { text: { x: 40, y: 34, w: 100, h: 20, colour: '#6a6a6a', size: 14 } },
  ]);
  const [f] = contrastFailures(dim, [node('button', 'Start', 20, 20, 160, 48)]);
  assert.ok(f && f.ratio < 3, `a dim label on a dark button fails: ${JSON.stringify(f)}`);
});

test('thin words at 1 device px per CSS px: the glyphs\' colour, not their blended edges or the button\'s corners', () => {
  const image = picture(400, 60, '#ffffff', [
    { x: 4, y: 4, w: 392, h: 48, fill: '#e4eae6' },
    ...[[4, 4], [392, 4], [4, 48], [392, 48]].map(([x, y]) => ({ x, y, w: 4, h: 4, fill: '#ffffff' })),  // rounded corners
    { text: { x: 170, y: 20, w: 60, h: 16, colour: '#202426', size: 12 } },  // stems of 1.5 px, as a 16 px font has
  ]);
  const m = dominantColours(image, { x: 0, y: 0, w: 400, h: 56 });
  assert.deepEqual(m.bg, rgb('#e4eae6'));
  assert.deepEqual(m.fg, rgb('#202426'));
});

test('a faint separator across a row does not pass for its words', () => {
  const image = picture(300, 60, '#ffffff', [
    { x: 0, y: 57, w: 300, h: 3, fill: '#dddddd' },  // more pixels than the thin words
    { text: { x: 10, y: 20, w: 60, h: 16, colour: '#202020', size: 12 } },
  ]);
  const m = dominantColours(image, { x: 0, y: 0, w: 300, h: 60 });
  assert.deepEqual(m.fg, rgb('#202020'));
  assert.deepEqual(contrastFailures(image, [node('option', 'A row', 0, 0, 300, 60)]), []);
});

test('a name with nothing drawn in its box fails at 1:1; an empty text field is not measured', () => {
  const image = picture(100, 100, '#ffffff', []);
  const [f, ...rest] = contrastFailures(image, [node('text', 'Invisible', 10, 10, 80, 20), node('textbox', 'Search', 10, 40, 80, 48, { value: '' })]);
  assert.equal(rest.length, 0);
  assert.equal(f.name, 'Invisible');
  assert.equal(f.ratio, 1);
});

test('an empty field on a dark page is not failed for its corners; a faint hint inside it is', () => {
  // The node's box is the field's; the fill leaves a 3 px frame of the page (its rounded corners).
  const field = { x: 13, y: 43, w: 74, h: 42, fill: '#252a2e' };
  const empty = picture(100, 100, '#111417', [field]);
  const box = node('textbox', 'Booking reference', 10, 40, 80, 48, { value: '' });
  assert.deepEqual(contrastFailures(empty, [box]), []);
  const hinted = picture(100, 100, '#111417', [field, { text: { x: 24, y: 56, w: 50, h: 16, colour: '#3d444a', size: 12 } }]);
  const [f, ...rest] = contrastFailures(hinted, [box]);
  assert.equal(rest.length, 0);
  assert.equal(f.fg, '#3d444a');
  assert.ok(f.ratio < 4.5);
});

test('words over words are reported; one drawn thing told in parts (same box) is not', () => {
  const energy = node('text', 'Energy: 0.18 kWh', 28, 200, 233, 78);
  const cost = node('text', 'Cost so far ≈ €2.02', 183, 200, 155, 78);
  const [f, ...rest] = textOverlapFailures([energy, cost, node('button', 'Stop', 16, 220, 300, 48)]);
  assert.equal(rest.length, 0);
  assert.equal(f.check, 'text-overlap');
  assert.equal(f.name, 'Energy: 0.18 kWh');
  assert.equal(f.other.name, 'Cost so far ≈ €2.02');
  const steps = [node('text', 'Requested: done', 16, 560, 322, 30), node('text', 'Charging: now', 16, 560, 322, 30)];
  assert.deepEqual(textOverlapFailures(steps), []);
  assert.deepEqual(textOverlapFailures([energy, node('text', 'Power', 28, 290, 100, 20)]), []);
});

test('a line scrolled out but for a sliver is left for when it is in view', () => {
  const image = picture(100, 100, '#ffffff', []);
  assert.equal(contrastFailures(image, [node('text', 'External ID', 10, 97, 80, 3, { clipped: true })]).length, 0);
  assert.equal(contrastFailures(image, [node('text', 'External ID', 10, 90, 80, 10)]).length, 1);
});

test('disabled and offscreen nodes are not measured for contrast', () => {
  const image = picture(100, 100, '#ffffff', [{ text: { x: 10, y: 10, w: 60, h: 16, colour: '#cccccc', size: 12 } }]);
  assert.equal(contrastFailures(image, [node('button', 'Go', 10, 10, 60, 16)]).length, 1);
  assert.equal(contrastFailures(image, [node('button', 'Go', 10, 10, 60, 16, { disabled: true })]).length, 0);
  assert.equal(contrastFailures(image, [node('button', 'Go', 10, 10, 60, 16, { offscreen: true })]).length, 0);
});

test('boxes in CSS px are measured at the screenshot\'s device pixel ratio', () => {
  const image = picture(400, 200, '#ffffff', [{ text: { x: 40, y: 40, w: 200, h: 40, colour: '#777777', size: 28 } }]);
  const viewport = { width: 200, height: 100 };
  const failures = checkImage({ image, nodes: [node('text', 'Grey', 20, 20, 100, 20)], viewport });
  assert.equal(failures.length, 1);
  assert.equal(failures[0].fg, '#777777');
});

test('touch targets: too small, overlapping and outside the viewport are reported; 1 px of rounding and a list cut by scrolling are not', () => {
  const viewport = { width: 360, height: 740 };
  const nodes = [
    node('button', 'Small', 10, 10, 40, 40),
    node('button', 'A', 100, 100, 120, 48),
    node('button', 'B', 200, 120, 120, 48),        // overlaps A by 20×28
    node('option', 'Row', 0, 200, 360, 48),
    node('option', 'Next row', 0, 248.5, 360, 48), // touches the row above: not an overlap
    node('textbox', 'Field', 300, 400, 80, 48),    // 20 px past the right edge
    node('button', 'Rounded', 10, 500, 47.2, 48),  // 48 px drawn, 47.2 after rounding
    node('button', 'Hidden', 0, 2000, 10, 10, { offscreen: true }),
    // A scrolled list: its first and last rows are cut by the list's edges, the middle one is not whole either.
    node('option', 'Cut at the top', 20, 560, 300, 12),
    node('option', 'Whole', 20, 572, 300, 56),
    node('option', 'Squeezed', 20, 628, 300, 30),
    node('option', 'Whole too', 20, 658, 300, 56),
    node('option', 'Cut at the bottom', 20, 714, 300, 20),
    node('option', 'Alone at the screen\'s foot', 0, 735, 100, 5),  // the last thing on screen, at the window's edge
    node('button', 'Short, mid-screen, alone', 150, 300, 100, 30),
    node('text', 'Not a target', 0, 0, 10, 10),
  ];
  const failures = targetFailures(nodes, viewport);
  const got = failures.map((f) => `${f.check}:${f.name}`).sort();
  assert.deepEqual(got, ['in-viewport:Field', 'overlap:A', 'target-size:Short, mid-screen, alone', 'target-size:Small', 'target-size:Squeezed']);
  const o = failures.find((f) => f.check === 'overlap');
  assert.equal(o.other.name, 'B');
  assert.match(o.detail, /20×28/);
});

test('the marked screenshot has red frames around the failures\' boxes', () => {
  const image = picture(100, 100, '#ffffff', []);
  const marked = decodePng(markFailures(image, [{ box: { x: 20, y: 20, w: 30, h: 30 } }], 1));
  assert.deepEqual(marked.pixel(19, 35), [230, 0, 0]);
  assert.deepEqual(marked.pixel(35, 20), [230, 0, 0]);
  assert.deepEqual(marked.pixel(35, 35), [255, 255, 255], 'inside is left as it was');
  assert.deepEqual(marked.pixel(5, 5), [255, 255, 255]);
});

test('icon-only controls are told from labelled ones by whether their name fits their box', () => {
  assert.equal(iconOnly(node('button', 'Zoom in', 0, 0, 48, 48)), true);
  assert.equal(iconOnly(node('button', 'Marga, 1 of 2 free, AC up to 11 kW', 0, 0, 48, 48)), true);
  assert.equal(iconOnly(node('button', 'OK', 0, 0, 48, 48)), false);
  assert.equal(iconOnly(node('button', 'Start charging', 0, 0, 380, 48)), false);
  assert.equal(iconOnly(node('text', 'Your position', 0, 0, 20, 20)), true);
  assert.equal(iconOnly(node('text', 'A long line of words that wraps onto three lines in all', 0, 0, 140, 55)), false);
});
