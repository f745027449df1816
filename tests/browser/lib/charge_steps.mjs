import { execFileSync } from 'node:child_process';

import { SIM_CONTROL_KEY, repoRoot } from './serve_process.mjs';

// Steps the session tests share: reach Marga's price with a new charge card, and ask the
// simulator (as the test's referee) what the token's sessions really are.
export const CARD = '770674109963002836';
export const MARGA_EVSE = 'NL-GFX-EChargestation-1';

// From the map to Marga's price screen with a usable charge card (Start enabled). The card is
// put in the wallet through the API (adding it through the screens is the journey test's part),
// so it is verified by the time the price is asked for.
export async function reachPrice(app, { timeout = 20000, retries = 1 } = {}) {
  await app.waitFor('option', /free$/, { timeout });
  // PUT is idempotent: on a faulty network it is simply sent again.
  await app.page.evaluate(async ({ card, retries }) => {
    const token = localStorage.getItem('appToken');
    for (let i = 1; ; i++) {
      try {
        // The app registers its token at load; on a faulty network that may not have got through yet.
        await (await fetch(`/api/token/${encodeURIComponent(token)}`, { method: 'PUT' })).text();
        const r = await fetch(`/api/payment/${encodeURIComponent(token)}/chargecard`, {
          method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ visualNumber: card }) });
        await r.text();
        if (r.ok) return;
        if (i >= retries) throw new Error(`adding the card: ${r.status}`);
      } catch (e) {
        if (i >= retries) throw e;
      }
    }
  }, { card: CARD, retries });
  // The search text goes in as one insertion (as a paste or a keyboard suggestion does): typing it
  // key by key is the journey test's part, and costs seconds here.
  const field = await app.tap('textbox', 'Search chargers');
  await app.page.waitForFunction((key) => document.activeElement?.id === 'text-input'
    && window.evMirror.nodes().some((x) => x.key === key && x.focused), field.key);
  await app.page.keyboard.insertText('marga');
  await app.tap('option', /^Marga · /);
  await app.tap('button', 'Charge at Chargestation-1, connector 1');
  await app.waitFor('button', 'Start charging', { enabled: true, timeout });
}

// A charger at one of the simulator's smart-charging locations, open to the public, with a price,
// taking charge cards: found in the simulator's own catalog, as the server tests find theirs.
export function smartChargingEvse() {
  const script = `
from server.sim.catalog import load_catalog
from server.sim.locations import is_restricted
for l in load_catalog().locations.values():
    if not l.get("smartChargingEnabled") or l.get("isPrivateLocation") or is_restricted(l): continue
    if l.get("pms") and "CHARGE_CARD" not in l["pms"]: continue
    for e in l["evses"]:
        if e["status"] == "AVAILABLE" and not e.get("chargingNotAllowed") and e["connectors"][0].get("tariffId"):
            print(e["uid"]); raise SystemExit
`;
  return execFileSync('python3', ['-c', script], { cwd: repoRoot, encoding: 'utf8' }).trim();
}

// Puts a charge card in this page's wallet through the API (typing one is the journey test's part).
export async function addCardByApi(page, card = CARD) {
  await page.evaluate(async (number) => {
    const token = localStorage.getItem('appToken');
    // Bodies are read to the end: an unread one keeps its request open in the browser.
    await (await fetch(`/api/token/${encodeURIComponent(token)}`, { method: 'PUT' })).text();
    const r = await fetch(`/api/payment/${encodeURIComponent(token)}/chargecard`, {
      method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ visualNumber: number }) });
    await r.text();
    if (!r.ok) throw new Error(`adding the card: ${r.status}`);
  }, card);
}

// The token's sessions as the service has them: [{chargeSessionId, status, ...}].
export async function sessionsOf(page) {
  return page.evaluate(async () => {
    const token = localStorage.getItem('appToken');
    const r = await fetch(`/api/token/${encodeURIComponent(token)}/sessions`);
    return (await r.json()).data;
  });
}

// Acts as the car or the charger (serve.py's simulator controls), as the operator: with the key
// serve_process.mjs gave the server, any action on any EVSE, session or not.
export async function simControl(serverUrl, action, evseUid = MARGA_EVSE) {
  const r = await fetch(`${serverUrl}/sim/control`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Sim-Control-Key': SIM_CONTROL_KEY },
    body: JSON.stringify({ evseUid, action }),
  });
  if (!r.ok) throw new Error(`sim control ${action}: ${r.status} ${await r.text()}`);
}

// Stop asks once ("Stop charging at Marga?"); the second tap on the same button stops.
export async function stopCharging(app, { timeout = 15000 } = {}) {
  await app.tap('button', 'Stop charging', { timeout });
  await app.waitFor('status', /^Stop charging at .+\?$/, { timeout });
  await app.tap('button', 'Stop charging', { timeout });
}
