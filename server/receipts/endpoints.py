"""serve.py's receipt endpoints, outside /api/ (everything under /api/ is the Charge Assist API's, which
the proxy forwards as is, so no path of ours can shadow one of the backend's, now or later):

  POST /receipts/email   {appToken, sessionId, email, invoice?}    200 {sent, receiptNumber, delivery}
  POST /receipts/pdf     {appToken, sessionId, invoice?}           200 application/pdf
  POST /receipts/export  {appToken, from, to, format, invoice?}    200 text/csv or application/pdf

Tokens and invoice details travel in the JSON body, never in the URL (which logs, histories and caches
keep). Only the session's own token gets its receipt: another token, an unknown token and a session
that does not exist all answer the same 404. Errors are {code, message[, field]} (see README)."""
import datetime as dt
import re

from ..web import ApiError, Response, parse_json_object, required_str
from . import email_address, pdf_document
from .csv_export import export_csv
from .delivery import DeliveryError
from .invoice import read_invoice
from .message import compose
from .receipt import NotReady, read_receipt
from .session_source import SourceError

MAX_EXPORT_SESSIONS = 200
MAX_EXPORT_DAYS = 366
ZONE_SLACK = dt.timedelta(hours=14)   # the widest UTC offset: a local day lies within its UTC day ± 14 h


def _safe_name(text):
    return re.sub(r"[^A-Za-z0-9_-]", "", text)[:64]


def _attachment(data, media_type, filename):
    return Response(200, raw=data, headers={"Content-Type": media_type,
                                            "Content-Disposition": f'attachment; filename="{filename}"',
                                            "X-Content-Type-Options": "nosniff"})


def _too_many(wait, what):
    seconds = max(1, round(wait + 0.49))
    return ApiError(429, f"Too many {what}; try again in {seconds} s.", code="TOO_MANY_REQUESTS",
                    headers={"Retry-After": str(seconds)})


class Receipts:
    def __init__(self, source, delivery, sender, budgets, now=None):
        """`source` a SessionSource, `delivery` an SmtpRelay or Outbox, `sender` (name, address) for From."""
        self.source = source
        self.delivery = delivery
        self.sender = sender
        self.budgets = budgets
        self.now = now or (lambda: dt.datetime.now(dt.timezone.utc))

    def endpoints(self):
        """path -> (method, handler), for App.extra."""
        return {"/receipts/email": ("POST", self.email), "/receipts/pdf": ("POST", self.pdf),
                "/receipts/export": ("POST", self.export)}

    # ---- what every request gives ----

    def _body(self, req):
        media_type = (req.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if media_type != "application/json":
            raise ApiError(415, "Send the body as application/json.", code="UNSUPPORTED_MEDIA_TYPE")
        body = parse_json_object(req.body)
        token = required_str(body, "appToken")
        if any(c in token for c in "/\\%?#") or token in (".", ".."):
            raise ApiError(400, "appToken: not an app token.", code="INVALID", field="appToken")
        wait = self.budgets.attempt(req.client or "")
        if wait:
            raise _too_many(wait, "requests from this address")
        return body, token

    def _receipt(self, token, session_id):
        try:
            cdr, location = self.source.session(token, session_id)
            return read_receipt(cdr, location)
        except SourceError as err:
            raise ApiError(err.status, err.message, code=err.code,
                           headers={"Retry-After": "30"} if err.status >= 500 else None)
        except NotReady:
            raise ApiError(409, "This session has no receipt yet: it is still running or its costs are not "
                                "known. Try again in a minute.", code="RECEIPT_NOT_READY")

    # ---- the endpoints ----

    def email(self, req):
        body, token = self._body(req)
        session_id = required_str(body, "sessionId")
        try:
            recipient = email_address.check(body.get("email"))
        except email_address.AddressError as exc:
            raise ApiError(400, f"email: {exc}", code="INVALID_EMAIL", field="email")
        invoice = read_invoice(body.get("invoice"))
        receipt = self._receipt(token, session_id)
        wait = self.budgets.send(token, recipient)
        if wait:
            raise _too_many(wait, "receipts sent for this session's driver or to this address")
        message = compose(receipt, recipient, self.sender, invoice, self.now())
        try:
            self.delivery.send(message, self.sender[1], recipient)
        except DeliveryError as err:
            raise ApiError(err.status, err.message, code=err.code,
                           headers={"Retry-After": str(err.retry_after)} if err.retry_after else None)
        return Response(200, {"sent": True, "receiptNumber": receipt.number, "delivery": self.delivery.kind})

    def pdf(self, req):
        body, token = self._body(req)
        session_id = required_str(body, "sessionId")
        invoice = read_invoice(body.get("invoice"))
        receipt = self._receipt(token, session_id)
        if not pdf_document.available():
            raise _no_pdf()
        name = _safe_name(receipt.number)
        return _attachment(pdf_document.receipt_pdf(receipt, invoice), "application/pdf",
                           f"receipt-{name}.pdf" if name else "receipt.pdf")

    def export(self, req):
        body, token = self._body(req)
        first, last = _day(body, "from"), _day(body, "to")
        if last < first:
            raise ApiError(400, "to: must not be before from.", code="OUT_OF_RANGE", field="to")
        if (last - first).days >= MAX_EXPORT_DAYS:
            raise ApiError(400, f"to: a range is at most {MAX_EXPORT_DAYS} days.", code="OUT_OF_RANGE", field="to")
        kind = body.get("format", "csv")
        if kind not in ("csv", "pdf"):
            raise ApiError(400, "format: must be csv or pdf.", code="INVALID", field="format")
        invoice = read_invoice(body.get("invoice"))
        if kind == "pdf" and not pdf_document.available():
            raise _no_pdf()
        since = dt.datetime.combine(first, dt.time(), dt.timezone.utc) - ZONE_SLACK
        until = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), dt.timezone.utc) + ZONE_SLACK
        try:
            ids = self.source.session_ids(token, since.isoformat(), until.isoformat())
        except SourceError as err:
            raise ApiError(err.status, err.message, code=err.code)
        if len(ids) > MAX_EXPORT_SESSIONS:
            raise ApiError(422, f"More than {MAX_EXPORT_SESSIONS} sessions in this range: choose a shorter one.",
                           code="TOO_MANY_SESSIONS")
        receipts = []
        for session_id in ids:
            try:
                receipt = self._receipt(token, session_id)
            except ApiError as err:
                if err.status >= 500:
                    raise
                continue  # a session without a receipt (yet) has no row
            # a session belongs to the day it started on in the charger's time zone
            if receipt.started is not None and first <= receipt.started.date() <= last:
                receipts.append(receipt)
        receipts.sort(key=lambda r: r.started)
        name = f"charging-{first.isoformat()}-{last.isoformat()}"
        if kind == "csv":
            return _attachment(export_csv(receipts), "text/csv; charset=utf-8; header=present", name + ".csv")
        return _attachment(pdf_document.export_pdf(receipts, first.isoformat(), last.isoformat(), invoice),
                           "application/pdf", name + ".pdf")


def _no_pdf():
    return ApiError(503, "PDF documents cannot be made on this server (python3-reportlab is not installed).",
                    code="PDF_UNAVAILABLE")


def _day(body, field):
    value = body.get(field)
    if value is None:
        raise ApiError(400, f"{field}: is required (YYYY-MM-DD).", code="REQUIRED", field=field)
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ApiError(400, f"{field}: must be a date YYYY-MM-DD.", code="INVALID_DATE", field=field)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ApiError(400, f"{field}: must be a date YYYY-MM-DD.", code="INVALID_DATE", field=field)
