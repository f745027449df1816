"""The command line of tools/nginx/run.sh: the front's own options, and everything else passed to each
serve.py worker as it is (the few serve.py options the front must know too are read from it)."""
import argparse
import os
import pathlib
import sys

REPO = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
from server.app import default_state_path  # noqa: E402

USAGE = """run.sh --port PORT [--bind ADDRESS] [--tls-cert FILE --tls-key FILE] [--workers N]
              [--api-rate N] [--api-burst N] [--api-connections N] [--runtime-dir DIR]
              [--nginx-user NAME] [serve.py options ...]"""

DESCRIPTION = """Runs the app as in production: Debian's nginx in the foreground on PORT with HTTPS and HTTP/2,
serving the built app itself, in front of N serve.py workers on loopback. Every option not listed here
goes to each serve.py worker (see python3 serve.py --help), e.g. --time-scale 10, --config FILE,
--upstream URL (the API key stays in the workers' environment). SIGTERM or Ctrl-C stops everything."""


def parse(argv):
    parser = argparse.ArgumentParser(prog="tools/nginx/run.sh", usage=USAGE, description=DESCRIPTION,
                                     allow_abbrev=False)
    parser.add_argument("--port", type=int, required=True, help="the HTTPS port nginx listens on")
    parser.add_argument("--bind", default="0.0.0.0", metavar="ADDRESS",
                        help="the address nginx listens on (default %(default)s; [::] for IPv6)")
    parser.add_argument("--tls-cert", metavar="FILE", help="the certificate (chain) in PEM; default: a self-signed one")
    parser.add_argument("--tls-key", metavar="FILE", help="its private key in PEM")
    parser.add_argument("--workers", type=int, default=2, metavar="N", help="serve.py processes (default %(default)s)")
    parser.add_argument("--api-rate", type=float, default=200, metavar="N",
                        help="/api/ and /portal/ requests per second per client address, then 429; 0 = no limit "
                             "(default %(default)s, serve.py's own per-address budget)")
    parser.add_argument("--api-burst", type=int, default=1000, metavar="N",
                        help="requests a client address may send at once beyond the rate (default %(default)s)")
    parser.add_argument("--api-connections", type=int, default=64, metavar="N",
                        help="/api/ and /portal/ requests in progress per client address (default %(default)s)")
    parser.add_argument("--runtime-dir", metavar="DIR",
                        help="a private folder for the rendered config, the certificate, pid and logs; kept after "
                             "the stop (default: a new temporary one, removed at the stop)")
    parser.add_argument("--nginx-user", metavar="NAME", default="www-data",
                        help="started as root: the user of nginx's worker processes (default %(default)s, or root "
                             "when that user cannot read the app's files)")
    args, serve_args = parser.parse_known_args(argv)
    if not 0 < args.port <= 65535:
        parser.error("--port must be between 1 and 65535")
    if bool(args.tls_cert) != bool(args.tls_key):
        parser.error("--tls-cert and --tls-key go together")
    for name in ("tls_cert", "tls_key"):
        path = getattr(args, name)
        if path and not os.access(path, os.R_OK):
            parser.error(f"--{name.replace('_', '-')}: cannot read {path}")
    if not 1 <= args.workers <= 32:
        parser.error("--workers must be between 1 and 32")
    if args.api_rate < 0 or args.api_burst < 0 or args.api_connections < 1:
        parser.error("--api-rate and --api-burst must be 0 or more, --api-connections at least 1")
    args.serve = _serve_options(parser, serve_args, args.workers)
    args.serve_args = serve_args
    return args


def _serve_options(parser, serve_args, workers):
    """The serve.py options the front needs to know as well."""
    known = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    known.add_argument("--host")
    known.add_argument("--port")
    known.add_argument("--root", default=str(REPO / "build" / "web" / "dist"))
    known.add_argument("--state", default=default_state_path())
    known.add_argument("--client-timeout", type=float, default=20.0)
    known.add_argument("--upstream")
    known.add_argument("--trust-proxy-header", action="store_true")
    known.add_argument("--shared-clock")
    options, _ = known.parse_known_args(serve_args)
    for name in ("host", "port", "shared_clock"):
        if getattr(options, name) is not None:
            parser.error(f"--{name.replace('_', '-')} is the front's to set for its workers (nginx's port is --port)")
    if options.trust_proxy_header:
        parser.error("--trust-proxy-header is the front's to set for its workers")
    if options.state == ":memory:" and workers > 1 and options.upstream is None:
        parser.error("--state :memory: would give each worker its own simulator; use a file (or --workers 1)")
    options.root = os.path.abspath(options.root)
    return options
