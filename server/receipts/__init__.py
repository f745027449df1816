"""Receipts a driver can keep: serve.py's endpoints (Receipts: POST /receipts/email, /receipts/pdf,
/receipts/export) over a driver's finished sessions read through the API's own routes (SessionSource, the
simulator's or the proxy's), the receipt e-mail (text and HTML parts) sent through an SMTP relay
(SmtpRelay, parse_relay; credentials from $SMTP_USER/$SMTP_PASSWORD: USER_ENV, PASSWORD_ENV, CA_FILE_ENV)
or written to an outbox folder of .eml files (Outbox), the mail budgets per client, token and recipient
(MailBudgets), the sender check for --smtp-from (check_sender), and whether PDFs can be made
(pdf_available). Inside: the receipt values, money and VAT rules, time zones, invoice details and EU VAT
number formats, the CSV and PDF documents."""
from .budgets import MailBudgets
from .delivery import CA_FILE_ENV, PASSWORD_ENV, USER_ENV, Outbox, SmtpRelay, parse_relay
from .endpoints import Receipts
from .message import check_sender
from .pdf_document import available as pdf_available
from .session_source import SessionSource

__all__ = ["MailBudgets", "CA_FILE_ENV", "PASSWORD_ENV", "USER_ENV", "Outbox", "SmtpRelay", "parse_relay",
           "Receipts", "check_sender", "pdf_available", "SessionSource"]
