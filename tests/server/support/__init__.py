"""What the server tests share: serve.py run as a subprocess (server_process), bills worked out by hand
(billing) and the check of bodies against the OpenAPI description (openapi_check)."""
