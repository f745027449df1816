"""The receipt e-mail: From (--smtp-from), To, the receipt number as the Subject, Reply-To the operator's
support address when it has one, a text part and an HTML part with the same content (multipart/
alternative, UTF-8, quoted-printable so any relay carries it), marked as sent on the driver's request."""
import email.policy
import email.utils
from email.headerregistry import Address
from email.message import EmailMessage

from . import email_address
from .render_html import render_html
from .render_text import render_text

POLICY = email.policy.SMTP.clone(cte_type="7bit")


def check_sender(text):
    """(display name, address) of --smtp-from ("Receipts <receipts@example.com>" or a bare address)."""
    name, addr = email.utils.parseaddr(text)
    if not addr:
        raise ValueError(f"{text!r} is not an e-mail address")
    try:
        return name, email_address.check(addr, min_labels=1)
    except email_address.AddressError as exc:
        raise ValueError(f"{addr!r} {exc}")


def compose(receipt, recipient, sender, invoice=None, now=None):
    """The EmailMessage for `recipient` (already checked by email_address.check)."""
    name, addr = sender
    msg = EmailMessage(policy=POLICY)
    msg["From"] = Address(name, addr_spec=addr)
    msg["To"] = Address(addr_spec=recipient)
    msg["Subject"] = receipt.number
    msg["Date"] = email.utils.format_datetime(now) if now is not None else email.utils.formatdate(localtime=False)
    msg["Message-ID"] = email.utils.make_msgid("receipt", domain=addr.rpartition("@")[2])
    msg["Auto-Submitted"] = "auto-generated"  # RFC 3834: no out-of-office replies to it
    support = dict(receipt.support).get("E-mail")
    if support:
        try:
            msg["Reply-To"] = Address(addr_spec=email_address.check(support))
        except (email_address.AddressError, ValueError):
            pass
    msg.set_content(render_text(receipt, invoice), charset="utf-8", cte="quoted-printable")
    msg.add_alternative(render_html(receipt, invoice), subtype="html", charset="utf-8", cte="quoted-printable")
    return msg
