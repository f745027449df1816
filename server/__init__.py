"""serve.py's server: the web app's files and, under /api/, the built-in Charge Assist simulator or a
proxy to a real backend, in the deployment a config file describes. One package per part:

  web      HTTP serving: request handling, routing, error shapes, request fields, static files, map tiles,
           deep links, rate limits, injected faults
  pricing  the OCPI tariff calculator and the OICP pricing import
  sim      the Charge Assist simulator: endpoints, catalog, sessions, clock, SQLite store, charger control
  proxy    proxy mode: allow-listed /api/ paths forwarded to a real backend with the operator's key
  deploy   a deployment's configuration and the hotel portal's check-in against the guest list
  receipts receipts a driver keeps: e-mailed (SMTP relay or outbox), as PDF, the expense export (CSV, PDF)
  app      (app.py) puts the parts together and runs the server

Imports point one way; a part imports only from the parts after its arrow:

  app     -> deploy, pricing, proxy, receipts, sim, web
  sim     -> pricing, web
  proxy   -> web
  deploy  -> web
  receipts -> web
  pricing -> nothing
  web     -> nothing

From another part, import only what its package offers (its __all__), from the package itself:
`from ..web import Response`, `from ..pricing import tariff_calc`, never `from ..web.http_app import ...`.
Inside a package, modules import their siblings directly (`from .clock import iso_utc`). This file
imports nothing, so importing one package loads only what it needs. tests/server/test_layout.py holds
the code to these rules."""
