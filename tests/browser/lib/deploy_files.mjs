// Deployment files for browser tests: a copy of an example configuration with changes, and a
// hotel guest list whose stays are dated around today in the hotel's time zone.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { repoRoot } from './serve_process.mjs';

// The hotel's calendar day `offset` days from today, as YYYY-MM-DD. Put together from the parts:
// a locale's own pattern depends on the ICU in use (en-CA is MM/DD/YYYY in ICU 72, Debian
// bookworm's, and YYYY-MM-DD in others).
export function hotelDay(offset, timeZone = 'Europe/Amsterdam') {
  const at = new Date(Date.now() + offset * 86400000);
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const part = (type) => parts.find((p) => p.type === type).value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

// Writes `example` (a file of assets/config/) changed by `change(config, dir)` to a temp dir; returns its path.
export function writeConfig(example, change) {
  const dir = mkdtempSync(path.join(tmpdir(), 'evcharge-deploy-'));
  const config = JSON.parse(readFileSync(path.join(repoRoot, 'assets/config', example), 'utf8'));
  change(config, dir);
  const file = path.join(dir, 'deploy.json');
  writeFileSync(file, JSON.stringify(config, null, 2));
  return { dir, file };
}

export function writeGuestList(dir, rows) {
  const lines = ['room,surname,bookingReference,arrival,departure', ...rows.map((r) => r.join(','))];
  writeFileSync(path.join(dir, 'guests.csv'), lines.join('\n') + '\n');
  return 'guests.csv';
}
