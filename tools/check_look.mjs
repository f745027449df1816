#!/usr/bin/env node
// The look checks (tests/browser/lib/look_checks.mjs) on every screen × viewport × theme: one line a
// combination (screen, size, theme, failures, the first of them), then a summary. Exit 1 on any
// failure, or when a screen could not be reached.
//
//   node tools/check_look.mjs                                   # the whole matrix (~17 × 7 × 2)
//   node tools/check_look.mjs --screens price,receipt --sizes 360x640 --themes dark
//   node tools/check_look.mjs --verbose --save --json /tmp/look.json
//     --verbose  every failure, not only the first     --save  marked screenshots to tests/browser/artifacts/
//     --json F   all failures as JSON                  --dpr N  one device pixel ratio for every size
//     --root DIR another build to check (default build/web/dist)
//     --text N   the driver's text size in per cent (100, 125, 150), as Display settings keep it
//     --languages nl,de | all   the screens in these languages too (default en)
// Needs the built app (bash tools/build.sh web).
import { writeFileSync } from 'node:fs';
import path from 'node:path';

import { checkLook, describe, saveFailureShot } from '../tests/browser/lib/look_checks.mjs';
import { runMatrix, parseArgs, parseScreens, parseSizes, LANGUAGES, SCREEN_NAMES, THEMES, VIEWPORTS } from '../tests/browser/lib/screens.mjs';

const args = parseArgs(process.argv.slice(2));
const screens = args.screens ? parseScreens(args.screens) : SCREEN_NAMES;
const viewports = args.sizes ? parseSizes(args.sizes) : VIEWPORTS;
const themes = args.themes ? args.themes.split(',') : THEMES;
const languages = args.languages === 'all' ? LANGUAGES : args.languages ? args.languages.split(',') : ['en'];
if (languages.some((l) => !LANGUAGES.includes(l))) throw new Error(`--languages takes ${LANGUAGES.join(',')} or all`);
const root = typeof args.root === 'string' ? path.resolve(args.root) : null;
const started = Date.now();
const rows = [];
const pad = (s, n) => String(s).padEnd(n);

function print(row) {
  const head = `${pad(row.screen, 14)} ${pad(row.size, 9)} ${pad(row.theme, 5)} ${row.language}`;
  if (row.error) console.log(`${head} UNREACHED ${row.error.split('\n')[0]}`);
  else console.log(`${head} ${String(row.failures.length).padStart(3)}  ${row.failures[0] ? describe(row.failures[0]) : 'ok'}`);
  if (args.verbose) for (const f of row.failures.slice(1)) console.log(`${' '.repeat(36)}${describe(f)}`);
}

await runMatrix({
  screens, viewports, themes, languages, deviceScaleFactor: args.dpr ? Number(args.dpr) : null, root, textPercent: args.text ? Number(args.text) : 100,
  onError: (err, combo) => {
    const row = { screen: combo.screen, size: combo.size, theme: combo.theme, language: combo.language, failures: [], error: err.message };
    rows.push(row);
    print(row);
  },
}, async (shot, combo) => {
  const result = await checkLook(shot.page);
  const row = { screen: combo.screen, size: combo.size, theme: combo.theme, language: combo.language, failures: result.failures };
  if (args.save && result.failures.length) row.shot = saveFailureShot(result, `${combo.screen}-${combo.size}-${combo.theme}-${combo.language}`);
  rows.push(row);
  print(row);
});

// The summary: how many combinations failed, and each check's failures by screen.
const failed = rows.filter((r) => r.error || r.failures.length);
const byCheck = new Map();
for (const r of rows) {
  for (const f of r.failures) {
    const key = `${f.check}`;
    if (!byCheck.has(key)) byCheck.set(key, new Map());
    const screensOf = byCheck.get(key);
    screensOf.set(r.screen, (screensOf.get(r.screen) || 0) + 1);
  }
}
console.log(`\n${rows.length} combinations, ${failed.length} failing, ${rows.filter((r) => r.error).length} unreached, `
  + `${rows.reduce((n, r) => n + r.failures.length, 0)} failures, ${Math.round((Date.now() - started) / 1000)} s`);
for (const [check, screensOf] of byCheck) {
  console.log(`  ${pad(check, 12)} ${[...screensOf].map(([s, n]) => `${s} ${n}`).join(', ')}`);
}
if (args.json) writeFileSync(args.json, JSON.stringify(rows, null, 1));
process.exit(failed.length ? 1 : 0);
