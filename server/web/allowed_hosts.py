"""Which Host names this server answers to (--allowed-host). A web page on an attacker's domain can
point that name at 127.0.0.1 (DNS rebinding) and then read this server as if it were its own origin;
it cannot make the browser send another Host than its own name. So a request whose Host (or absolute
target) names any other host is refused with 421 before anything else happens."""
import ipaddress

LOOPBACK = ("localhost", "127.0.0.1", "::1")
WILDCARDS = ("", "0.0.0.0", "::")


def normal_host(text):
    """'Example.COM.:8000' -> 'example.com', '[::1]:80' -> '::1'; None when it is no host at all."""
    text = (text or "").strip().lower()
    if text.startswith("["):
        inside, bracket, rest = text[1:].partition("]")
        if not bracket or (rest and not rest.startswith(":")):
            return None
        text = inside
    elif text.count(":") == 1:
        text = text.partition(":")[0]
    elif text.count(":") > 1:  # a bare IPv6 address
        pass
    text = text.rstrip(".")
    return text or None


class AllowedHosts:
    def __init__(self, bind_host, extra=()):
        names = set(LOOPBACK)
        if bind_host not in WILDCARDS:
            names.add(normal_host(bind_host) if not _is_ipv6(bind_host) else bind_host.lower())
        for name in extra:
            host = normal_host(name)
            if host is None:
                raise ValueError(f"{name!r} is not a host name or address")
            names.add(host)
        self.names = frozenset(names)

    def allows(self, host_header):
        host = normal_host(host_header)
        return host is not None and host in self.names


def _is_ipv6(text):
    try:
        return isinstance(ipaddress.ip_address(text), ipaddress.IPv6Address)
    except ValueError:
        return False
