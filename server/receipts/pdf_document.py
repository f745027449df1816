"""Receipts as a PDF, drawn with Debian's python3-reportlab (imported on first use: ~70-95 ms once, then
~3 ms and ~24 kB a receipt with DejaVu Sans embedded for any name's letters). One receipt a page; an
expense export opens with a summary page (one line per session and the totals per currency). Without
reportlab, `available()` is False and the PDF endpoints answer 503 PDF_UNAVAILABLE."""
import importlib
import io
import os
import sys
import threading

from . import money
from .render_text import sections

FONT_DIR = "/usr/share/fonts/truetype/dejavu"
DEBIAN_PACKAGES = "/usr/lib/python3/dist-packages"
_lock = threading.Lock()
_state = {}


def _load():
    """The reportlab modules and font names, loaded once; None when reportlab cannot be imported."""
    with _lock:
        if "loaded" in _state:
            return _state["loaded"]
        _state["loaded"] = None
        try:
            modules = _import()
        except ImportError:
            return None
        canvas, pagesizes, pdfmetrics, ttfonts = modules
        regular, bold = "Helvetica", "Helvetica-Bold"   # Latin-1 only: the fallback without DejaVu
        try:
            pdfmetrics.registerFont(ttfonts.TTFont("ReceiptSans", os.path.join(FONT_DIR, "DejaVuSans.ttf")))
            pdfmetrics.registerFont(ttfonts.TTFont("ReceiptSans-Bold", os.path.join(FONT_DIR, "DejaVuSans-Bold.ttf")))
            regular, bold = "ReceiptSans", "ReceiptSans-Bold"
        except Exception:  # a missing or unreadable font file: reportlab raises its own types
            pass
        _state["loaded"] = (canvas, pagesizes.A4, regular, bold)
        return _state["loaded"]


def _import():
    names = ("reportlab.pdfgen.canvas", "reportlab.lib.pagesizes", "reportlab.pdfbase.pdfmetrics",
             "reportlab.pdfbase.ttfonts")
    try:
        return tuple(importlib.import_module(n) for n in names)
    except ImportError:
        # a Python of Debian's version that is not Debian's own (pyenv, a venv) may still use its package
        debian_python = f"/usr/lib/python3.{sys.version_info[1]}"
        if sys.version_info[0] != 3 or not os.path.isdir(debian_python) or DEBIAN_PACKAGES in sys.path \
                or not os.path.isdir(os.path.join(DEBIAN_PACKAGES, "reportlab")):
            raise
        sys.path.append(DEBIAN_PACKAGES)
        return tuple(importlib.import_module(n) for n in names)


def available():
    return _load() is not None


class _Writer:
    """Lines of text down A4 pages, a new page when one is full."""

    def __init__(self, title):
        self.canvas_mod, self.size, self.regular, self.bold = _load()
        self.buffer = io.BytesIO()
        self.c = self.canvas_mod.Canvas(self.buffer, pagesize=self.size, pageCompression=1, invariant=1)
        self.c.setTitle(title)
        self.c.setCreator("evcharge serve.py")
        self.width, self.height = self.size
        self.margin = 56
        self.y = self.height - self.margin

    def line(self, left, right="", size=10, bold=False, gap=4):
        if self.y < self.margin + size:
            self.page()
        font = self.bold if bold else self.regular
        self.c.setFont(font, size)
        room = self.width - 2 * self.margin - (self.c.stringWidth(right, font, size) + 12 if right else 0)
        while left and self.c.stringWidth(left, font, size) > room:
            left = left[:-2] + "…"
        self.c.drawString(self.margin, self.y, left)
        if right:
            self.c.drawRightString(self.width - self.margin, self.y, right)
        self.y -= size + gap

    def space(self, points=8):
        self.y -= points

    def page(self):
        self.c.showPage()
        self.y = self.height - self.margin

    def receipt(self, receipt, invoice):
        self.line(f"Receipt {receipt.number}", size=16, bold=True, gap=10)
        for heading, rows in sections(receipt, invoice):
            if heading:
                self.space(6)
                self.line(heading, size=12, bold=True, gap=6)
            for label, value in rows:
                self.line(label, value, bold=label == "Total") if label else self.line(value)

    def bytes(self):
        self.c.save()
        return self.buffer.getvalue()


def receipt_pdf(receipt, invoice=None):
    writer = _Writer(f"Receipt {receipt.number}")
    writer.receipt(receipt, invoice)
    return writer.bytes()


def export_pdf(receipts, first_day, last_day, invoice=None):
    """A summary page for the range, then each receipt on its own page."""
    writer = _Writer(f"Charging sessions {first_day} to {last_day}")
    writer.line(f"Charging sessions {first_day} to {last_day}", size=16, bold=True, gap=10)
    if invoice is not None:
        for line in invoice.lines():
            writer.line(line)
        writer.space()
    totals = {}
    for r in receipts:
        when = r.started.strftime("%Y-%m-%d %H:%M") if r.started else ""
        writer.line(f"{when}  {r.number}  {r.place}", r.money(r.total))
        net, vat, gross = totals.get(r.currency, (0, 0, 0))
        totals[r.currency] = (net + r.net, vat + r.total_vat, gross + r.total)
    if not receipts:
        writer.line("No finished sessions in this period.")
    writer.space()
    for currency, (net, vat, gross) in sorted(totals.items()):
        writer.line(f"Total excl. VAT ({currency})", money.format_money(net, currency))
        writer.line(f"VAT ({currency})", money.format_money(vat, currency))
        writer.line(f"Total ({currency})", money.format_money(gross, currency), bold=True)
    for r in receipts:
        writer.page()
        writer.receipt(r, invoice)
    return writer.bytes()
