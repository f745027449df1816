"""Renders deploy/nginx/*.template into a runtime folder: nginx.conf and the files it includes
(mime_types.conf, security_headers.conf, proxy.conf). What serve.py already states (MIME types, cache
rules, security headers, error shapes, the token-bearing paths) is taken from serve.py's own modules or
from a running worker, never written twice."""
import json
import os
import pathlib
import re
import sys
from dataclasses import dataclass

REPO = pathlib.Path(__file__).resolve().parents[2]
TEMPLATES = REPO / "deploy" / "nginx"
sys.path.insert(0, str(REPO))
from server.web import (MIME_TYPES, PROXY_HEADER, STRICT_TRANSPORT_SECURITY, TOKEN_BEFORE,  # noqa: E402
                        api_errors, cache_policy)

MODULES = "/usr/lib/nginx/modules"
BROTLI_MODULES = ("ngx_http_brotli_filter_module.so", "ngx_http_brotli_static_module.so")
PLACEHOLDER = re.compile(r"\{\{([a-z_]+)\}\}")


@dataclass
class FrontConfig:
    runtime: str            # the private runtime folder (0700)
    root: str               # the built app (serve.py's --root)
    listen: str             # ADDRESS:PORT
    tls_cert: str
    tls_key: str
    worker_ports: list      # serve.py's loopback ports
    headers: list           # [(name, value)] serve.py's security headers, as a worker sends them
    api_rate: float = 200   # requests per second per client address for /api/ and /portal/; 0 = no limit
    api_burst: int = 1000
    api_connections: int = 64
    upstream_keepalive: int = 10
    user: str | None = None  # nginx's worker processes' user, when started as root


def problem(status, message, code):
    """A JSON body of nginx's own refusals: serve.py's problem details with its {code, message} beside."""
    body = {**api_errors.problem_details(status, message), "code": code, "message": message}
    return nginx_string(json.dumps(body, separators=(",", ":")), quote="'")


def nginx_string(text, quote='"'):
    """Text for an nginx quoted string. nginx has no escape for '$' (a variable) and none is needed here."""
    if "$" in text or "\\" in text or quote in text or any(ord(c) < 32 for c in text):
        raise ValueError(f"not safe in an nginx string: {text!r}")
    return text


def mime_types():
    by_type = {}
    for ext, media_type in MIME_TYPES.items():
        by_type.setdefault(media_type, []).append(ext.lstrip("."))
    lines = [f'    "{nginx_string(t)}" {" ".join(exts)};' for t, exts in sorted(by_type.items())]
    return "types {\n" + "\n".join(lines) + "\n}\n"


def security_headers(headers):
    lines = [f'add_header {name} "{nginx_string(value)}" always;' for name, value in headers]
    lines.append(f'add_header Strict-Transport-Security "{nginx_string(STRICT_TRANSPORT_SECURITY)}" always;')
    return "\n".join(lines) + "\n"


def revalidated_names():
    names = "|".join(re.escape("/" + n) for n in cache_policy.REVALIDATED_NAMES)
    suffixes = "|".join(re.escape(s.lstrip(".")) for s in cache_policy.REVALIDATED_SUFFIXES)
    return f"(^/$|{names}$|\\.({suffixes})$)"


def rate(per_second):
    """nginx takes whole requests per second or per minute."""
    if per_second == int(per_second):
        return f"{int(per_second)}r/s"
    return f"{max(1, round(per_second * 60))}r/m"


def request_limits(cfg):
    if not cfg.api_rate:
        return "            # no request limits (--api-rate 0)"
    return (f"            limit_req zone=api burst={cfg.api_burst} nodelay;\n"
            f"            limit_conn per_address {cfg.api_connections};")


def fill(template, values):
    def value(match):
        name = match.group(1)
        if name not in values:
            raise KeyError(f"{template.name}: no value for {{{{{name}}}}}")
        return str(values[name])
    return PLACEHOLDER.sub(value, template.read_text(encoding="utf-8"))


def render(cfg, modules=MODULES):
    """Writes nginx.conf and its includes into cfg.runtime; the path of nginx.conf."""
    runtime = pathlib.Path(cfg.runtime)
    for sub in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (runtime / "temp" / sub).mkdir(parents=True, exist_ok=True)
    values = {
        "user": f"user {cfg.user};" if cfg.user else "# (not started as root: nginx runs as its caller)",
        "runtime": cfg.runtime,
        "load_modules": "\n".join(f"load_module {modules}/{name};" for name in BROTLI_MODULES),
        "root": cfg.root,
        "listen": cfg.listen,
        "tls_cert": cfg.tls_cert,
        "tls_key": cfg.tls_key,
        "token_segments": "|".join(sorted(TOKEN_BEFORE)),
        "api_rate": rate(cfg.api_rate or 1),
        "request_limits": request_limits(cfg),
        "upstream_servers": "\n".join(f"        server 127.0.0.1:{port} max_fails=1 fail_timeout=2s;"
                                      for port in cfg.worker_ports),
        "upstream_keepalive": cfg.upstream_keepalive,
        "hashed_name": cache_policy.HASHED_NAME,
        "revalidated_names": revalidated_names(),
        "cache_immutable": cache_policy.IMMUTABLE,
        "cache_revalidate": cache_policy.REVALIDATE,
        "cache_short": cache_policy.SHORT,
        "rate_limited_body": problem(429, "Too many requests from this address; try again in a moment.",
                                     "RATE_LIMITED"),
        "too_large_body": problem(413, "The request body is larger than 64 KB.", "TOO_LARGE"),
        "unavailable_body": problem(503, "The app server is not answering; try again in a moment.",
                                    "UNAVAILABLE"),
        "proxy_header": PROXY_HEADER,
        "hsts": STRICT_TRANSPORT_SECURITY,
    }
    outputs = {
        "nginx.conf": fill(TEMPLATES / "nginx.conf.template", values),
        "proxy.conf": fill(TEMPLATES / "proxy.conf.template", values),
        "mime_types.conf": mime_types(),
        "security_headers.conf": security_headers(cfg.headers),
    }
    for name, text in outputs.items():
        path = runtime / name
        with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as fh:
            fh.write(text)
    return str(runtime / "nginx.conf")
