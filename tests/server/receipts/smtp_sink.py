#!/usr/bin/python3
"""A real SMTP server for the receipt tests (Debian's python3-aiosmtpd, so it runs under Debian's Python):
listens on a free loopback port, prints "listening PORT", and writes each message it accepts to OUT as
JSON {mailFrom, rcptTos, data, tls, login}. Recipients at --refuse-domain get 550; with --cert/--key it
offers STARTTLS; with --user/--password it asks for a login (over TLS only)."""
import argparse
import asyncio
import json
import os
import socket
import ssl
import sys
import time
import uuid

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Sink:
    def __init__(self, out, refuse_domain):
        self.out = out
        self.refuse_domain = refuse_domain

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse_domain and address.lower().endswith("@" + self.refuse_domain):
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        record = {"mailFrom": envelope.mail_from, "rcptTos": envelope.rcpt_tos,
                  "data": envelope.original_content.decode("latin-1"), "tls": session.ssl is not None,
                  "login": getattr(session, "login_data", None) is not None or bool(session.authenticated)}
        name = os.path.join(self.out, f"{time.time():.6f}-{uuid.uuid4().hex[:6]}.json")
        with open(name + ".part", "w") as f:
            json.dump(record, f)
        os.replace(name + ".part", name)
        return "250 Message accepted for delivery"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--refuse-domain")
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--user")
    parser.add_argument("--password")
    args = parser.parse_args()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    kwargs = {}
    if args.cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)
        kwargs["tls_context"] = context
    if args.user:
        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == args.user \
                and auth_data.password.decode() == args.password
            return AuthResult(success=ok)
        kwargs.update(authenticator=authenticator, auth_require_tls=True)
    controller = Controller(Sink(args.out, args.refuse_domain), hostname="127.0.0.1", port=port, **kwargs)
    controller.start()
    print(f"listening {port}", flush=True)
    try:
        sys.stdin.read()  # until the test closes our stdin (or kills us)
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
