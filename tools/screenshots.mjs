#!/usr/bin/env node
// Pictures of every screen, for the README and for reviewing a change as a picture: each screen
// reached from a fresh load (tests/browser/lib/screens.mjs) at phone size, 412×860 CSS px at one
// device pixel per CSS px (small files), in the light and the dark theme.
//
//   node tools/screenshots.mjs                          # docs/screens/<screen>-<light|dark>.png
//   node tools/screenshots.mjs --all-sizes --out DIR    # and DIR/<screen>-<WxH>-<theme>.png at every size
//   node tools/screenshots.mjs --screens price,receipt --themes dark
//   node tools/screenshots.mjs --root OTHER/build/web/dist --out DIR   # another build (before/after),
//                                                         # written to DIR/<screen>-<theme>.png only
//   node tools/screenshots.mjs --all-sizes --text 150 --out DIR        # at the largest text size
//   node tools/screenshots.mjs --sizes 360x640,860x412 --out DIR       # some sizes only
//   node tools/screenshots.mjs --sizes 360x640 --languages de,fr --out DIR  # in other languages (-<lang> in the name)
//
// Starts its own serve.py on the built app (build/web/dist: bash tools/build.sh web first).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { capture } from '../tests/browser/lib/look_checks.mjs';
import { runMatrix, parseArgs, parseScreens, parseSizes, sizeName, LANGUAGES, SCREEN_NAMES, THEMES, VIEWPORTS } from '../tests/browser/lib/screens.mjs';
import { repoRoot } from '../tests/browser/lib/serve_process.mjs';

const PHONE = { width: 412, height: 860 };

const args = parseArgs(process.argv.slice(2));
if ((args['all-sizes'] || args.sizes) && typeof args.out !== 'string') {
  console.error('--all-sizes and --sizes need --out DIR');
  process.exit(2);
}
const screens = args.screens ? parseScreens(args.screens) : SCREEN_NAMES;
const themes = args.themes ? args.themes.split(',') : THEMES;
const languages = args.languages === 'all' ? LANGUAGES : args.languages ? args.languages.split(',') : ['en'];
if (languages.some((l) => !LANGUAGES.includes(l))) throw new Error(`--languages takes ${LANGUAGES.join(',')} or all`);
const docs = path.join(repoRoot, 'docs/screens');
const out = args.out ? path.resolve(args.out) : null;
const root = typeof args.root === 'string' ? path.resolve(args.root) : null;
if (args.text && !out) {
  console.error('--text needs --out DIR (docs/screens shows the default text size)');
  process.exit(2);
}
if (root && !out) {
  console.error('--root needs --out DIR (docs/screens shows this build only)');
  process.exit(2);
}
const viewports = args.sizes ? parseSizes(args.sizes) : args['all-sizes'] ? VIEWPORTS : [PHONE];
const started = Date.now();
let written = 0, failed = 0;

mkdirSync(docs, { recursive: true });
if (out) mkdirSync(out, { recursive: true });

await runMatrix({
  screens, viewports, themes, languages, deviceScaleFactor: 1, root, textPercent: args.text ? Number(args.text) : 100,
  onError: (err, combo) => {
    failed += 1;
    console.error(`${combo.screen} ${combo.size} ${combo.theme}: ${err.message.split('\n')[0]}`);
  },
}, async (shot, combo) => {
  const { png } = await capture(shot.page);
  const files = [];
  const lang = combo.language === 'en' ? '' : `-${combo.language}`;
  if (root) files.push(path.join(out, `${combo.screen}-${combo.theme}${lang}.png`));
  else if (sizeName(combo.viewport) === sizeName(PHONE) && !lang) files.push(path.join(docs, `${combo.screen}-${combo.theme}.png`));
  if (out && (args['all-sizes'] || args.sizes) && !root) files.push(path.join(out, `${combo.screen}-${combo.size}-${combo.theme}${lang}.png`));
  for (const file of files) writeFileSync(file, png);
  written += files.length;
  console.log(`${combo.screen} ${combo.size} ${combo.theme} ${combo.language} → ${files.map((f) => path.relative(process.cwd(), f)).join(', ')}`);
});

console.log(`${written} pictures, ${failed} screens not reached, ${Math.round((Date.now() - started) / 1000)} s`);
process.exit(failed ? 1 : 0);
