"""The receipt as plain text (the e-mail's text part): the same rows, in the same order, as the HTML part."""
from . import money


def _rate(rate):
    return money.format_percent(rate) if rate is not None else "rate not given"


def sections(receipt, invoice=None):
    """[(heading or None, [(label, value)])]: what both parts of the mail show, in order."""
    m = receipt.money
    out = [(None, [("Total", m(receipt.total))] + ([("", receipt.payment)] if receipt.payment else []))]
    lines = []
    for line in receipt.lines:
        value = m(line.amount)
        if line.vat is not None:
            value += f" (VAT {_rate(receipt.vat_rates[0].rate if receipt.vat_rates else None)}: {m(line.vat)})"
        lines.append((line.label, value))
    lines += [("Total excl. VAT", m(receipt.net)), ("VAT", m(receipt.total_vat)), ("Total", m(receipt.total))]
    out.append(("Cost (VAT included)", lines))
    if receipt.vat_rates:
        out.append(("VAT per rate", [(f"VAT {_rate(r.rate)}",
                                      f"excl. VAT {m(r.net)} · VAT {m(r.vat)} · total {m(r.gross)}")
                                     for r in receipt.vat_rates]))
    out.append(("Session", receipt.facts()))
    if receipt.support:
        out.append(("Help from the operator", receipt.support))
    if invoice is not None:
        out.append(("Invoice to", [("", line) for line in invoice.lines()]))
    return out


def render_text(receipt, invoice=None):
    title = f"Receipt {receipt.number}"
    text = [title, "=" * len(title), ""]
    for heading, rows in sections(receipt, invoice):
        if heading:
            text += [heading, "-" * len(heading)]
        for label, value in rows:
            text.append(f"{label}: {value}" if label else value)
        text.append("")
    return "\n".join(text)
