"""Who the client is, for the rate limits, the receipts' budgets and the log. Behind a front proxy on this
machine (nginx through tools/nginx/run.sh) every connection comes from loopback and the proxy names the
driver in X-Real-IP, which it sets itself, replacing whatever the client sent. serve.py believes that
header only when started with --trust-proxy-header and only on a connection from loopback, so a client
that reaches serve.py directly (or from another machine) cannot choose the address it is counted under.
X-Forwarded-For is never read: a client can start that list with anything it likes."""
import ipaddress

PROXY_HEADER = "X-Real-IP"


def is_loopback(address):
    """True for 127.0.0.0/8, ::1 and their IPv4-mapped form (::ffff:127.0.0.1)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    mapped = getattr(ip, "ipv4_mapped", None)
    return (mapped or ip).is_loopback


def client_address(peer, headers, trust_proxy):
    """The address a request is counted and logged under: the proxy's X-Real-IP when trusted (one header
    holding one IP address, on a loopback connection), else the peer's own address."""
    if not trust_proxy or not is_loopback(peer):
        return peer
    values = headers.get_all(PROXY_HEADER) or []
    if len(values) != 1:
        return peer
    try:
        return str(ipaddress.ip_address(values[0].strip()))
    except ValueError:
        return peer
