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
        await fetch(`/api/token/${encodeURIComponent(token)}`, { method: 'PUT' });
        const r = await fetch(`/api/payment/${encodeURIComponent(token)}/chargecard`, {
          method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ visualNumber: card }) });
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

// The token's sessions as the service has them: [{chargeSessionId, status, ...}].
export async function sessionsOf(page) {
  return page.evaluate(async () => {
    const token = localStorage.getItem('appToken');
    const r = await fetch(`/api/token/${encodeURIComponent(token)}/sessions`);
    return (await r.json()).data;
  });
}

// Acts as the car or the charger (serve.py's simulator controls).
export async function simControl(serverUrl, action, evseUid = MARGA_EVSE) {
  const r = await fetch(`${serverUrl}/sim/control`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ evseUid, action }),
  });
  if (!r.ok) throw new Error(`sim control ${action}: ${r.status} ${await r.text()}`);
}

// Stop asks once ("Stop charging at Marga?"); the second tap on the same button stops.
export async function stopCharging(app, { timeout = 15000 } = {}) {
  await app.tap('button', 'Stop charging', { timeout });
  await app.waitFor('status', /^Stop charging at .+\?$/, { timeout });
  await app.tap('button', 'Stop charging', { timeout });
}
