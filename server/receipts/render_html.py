"""The receipt as a small HTML page (the e-mail's HTML part): the text part's rows as tables, every value
escaped, inline styles only (mail clients drop style sheets and never run scripts)."""
import html

from .render_text import sections

CELL = "padding:4px 8px;border-bottom:1px solid #ddd;vertical-align:top"


def render_html(receipt, invoice=None):
    e = html.escape
    out = ['<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
           f"<title>Receipt {e(receipt.number)}</title></head>",
           '<body style="font-family:sans-serif;color:#1a1a1a;max-width:36em;margin:0 auto;padding:16px">',
           f'<h1 style="font-size:1.4em">Receipt {e(receipt.number)}</h1>']
    for heading, rows in sections(receipt, invoice):
        if heading:
            out.append(f'<h2 style="font-size:1.1em;margin-top:1.2em">{e(heading)}</h2>')
        out.append('<table style="border-collapse:collapse;width:100%">')
        for label, value in rows:
            strong = label == "Total"
            cell = "th" if strong else "td"
            if label:
                out.append(f'<tr><{cell} style="{CELL};text-align:left">{e(label)}</{cell}>'
                           f'<{cell} style="{CELL};text-align:right">{e(value)}</{cell}></tr>')
            else:
                out.append(f'<tr><td colspan="2" style="{CELL}">{e(value)}</td></tr>')
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out)
