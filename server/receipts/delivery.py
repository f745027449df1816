"""Where a composed receipt goes: an SMTP relay (--smtp HOST:PORT; smtplib, STARTTLS whenever the relay
offers it, credentials from $SMTP_USER and $SMTP_PASSWORD and only ever sent over TLS, $SMTP_CA_FILE to
trust a private relay's certificate), or without one an outbox folder of .eml files (the simulator's
default). Failures are DeliveryError with a status and code the app maps to its words:
  503 RELAY_UNAVAILABLE  the relay cannot be reached, timed out or answered "try later" (4xx)
  502 RELAY_FAILED       the relay refused the sender, the login or the message (5xx)
  422 RECIPIENT_REFUSED  the relay refused the recipient for good (5xx to RCPT TO)
The recipient's address and the relay's words (which may quote it) are never logged."""
import datetime as dt
import logging
import os
import re
import secrets
import smtplib
import socket
import ssl

USER_ENV, PASSWORD_ENV, CA_FILE_ENV = "SMTP_USER", "SMTP_PASSWORD", "SMTP_CA_FILE"
TIMEOUT = 15.0

log = logging.getLogger("serve")


class DeliveryError(Exception):
    def __init__(self, status, code, message, retry_after=None):
        super().__init__(message)
        self.status, self.code, self.message, self.retry_after = status, code, message, retry_after


def unavailable():
    return DeliveryError(503, "RELAY_UNAVAILABLE", "The receipt was not sent: the mail server cannot be reached "
                                                   "right now. Please try again.", retry_after=60)


def parse_relay(text):
    """(host, port) from HOST:PORT ([v6]:PORT); ValueError otherwise."""
    match = re.fullmatch(r"\[([0-9A-Fa-f:.]+)\]:(\d{1,5})|([A-Za-z0-9.-]+):(\d{1,5})", text or "")
    if not match:
        raise ValueError("give the relay as HOST:PORT")
    host, port = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
    if not 0 < int(port) < 65536:
        raise ValueError("the port must be between 1 and 65535")
    return host, int(port)


class SmtpRelay:
    kind = "smtp"

    def __init__(self, host, port, environ=os.environ, timeout=TIMEOUT):
        self.host, self.port, self.timeout = host, port, timeout
        self.user = environ.get(USER_ENV) or None
        self.password = environ.get(PASSWORD_ENV) or ""
        if not (self.user or "").isascii() or not self.password.isascii():
            raise ValueError(f"${USER_ENV} and ${PASSWORD_ENV} must be ASCII (smtplib sends them so)")
        self.context = ssl.create_default_context(cafile=environ.get(CA_FILE_ENV) or None)
        self.display = f"smtp://{host}:{port}" + (f" as ${USER_ENV}" if self.user else "")

    def send(self, msg, sender, recipient):
        try:
            with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
                smtp.ehlo()
                tls = False
                if smtp.has_extn("starttls"):
                    smtp.starttls(context=self.context)
                    smtp.ehlo()
                    tls = True
                if self.user:
                    if not tls:
                        log.error("receipts: %s offers no STARTTLS; the login is not sent in clear", self.display)
                        raise DeliveryError(502, "RELAY_FAILED", "The receipt was not sent: the mail server "
                                                                 "is not set up for it. Please try again later.")
                    smtp.login(self.user, self.password)
                smtp.send_message(msg, from_addr=sender, to_addrs=[recipient])
        except DeliveryError:
            raise
        except smtplib.SMTPRecipientsRefused as exc:
            code = next(iter(exc.recipients.values()), (0, b""))[0]
            log.warning("receipts: the relay refused the recipient (%s)", code)
            if 400 <= code < 500:
                raise unavailable()
            raise DeliveryError(422, "RECIPIENT_REFUSED",
                                "The mail server refused this address. Check it and try again.")
        except (smtplib.SMTPAuthenticationError, smtplib.SMTPSenderRefused, smtplib.SMTPDataError,
                smtplib.SMTPNotSupportedError) as exc:
            status = getattr(exc, "smtp_code", 0) or 0
            log.warning("receipts: the relay refused the mail (%s %s)", type(exc).__name__, status)
            if 400 <= status < 500:
                raise unavailable()
            raise DeliveryError(502, "RELAY_FAILED", "The receipt was not sent: the mail server refused it. "
                                                     "Please try again later.")
        except (OSError, smtplib.SMTPException, ssl.SSLError, socket.timeout) as exc:
            log.warning("receipts: the relay %s cannot be used: %s", self.display, type(exc).__name__)
            raise unavailable()
        except (UnicodeError, ValueError) as exc:
            log.error("receipts: the mail could not be sent: %s", type(exc).__name__)
            raise DeliveryError(502, "RELAY_FAILED", "The receipt was not sent. Please try again later.")


class Outbox:
    """Each mail as an .eml file in a folder (created, private to this user), named by time, receipt
    number and a random part, written whole before it appears under its name."""

    kind = "outbox"

    def __init__(self, folder):
        self.folder = os.path.abspath(folder)
        self.display = self.folder

    def send(self, msg, sender, recipient):
        number = re.sub(r"[^A-Za-z0-9_-]", "", str(msg["Subject"] or ""))[:64] or "receipt"
        stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        name = f"{stamp}-{number}-{secrets.token_hex(4)}.eml"
        try:
            os.makedirs(self.folder, mode=0o700, exist_ok=True)
            temporary = os.path.join(self.folder, "." + name + ".part")
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as out:
                out.write(msg.as_bytes())
            os.replace(temporary, os.path.join(self.folder, name))
        except OSError as exc:
            log.error("receipts: cannot write to the outbox %s: %s", self.folder, exc.strerror or exc)
            raise DeliveryError(503, "RELAY_UNAVAILABLE", "The receipt was not sent: the outbox cannot be "
                                                          "written. Please try again.", retry_after=60)
        return name
