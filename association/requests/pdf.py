"""Letters as PDF files, drawn on the server with fpdf2 from the same ``Letter`` as the page.

fpdf2 is pure Python (with fontTools and Pillow, already a dependency): it installs from
the package index on a fresh machine with no system library, where WeasyPrint would need
Pango. Its built-in fonts cannot write "œ", "’" or the narrow no-break space French
typography puts before "?", so the PDF embeds DejaVu Serif, shipped (cut down to Latin) in
``static/fonts/``. The PDF is made in memory for the request that asks for it and never
written anywhere.
"""
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from .letters import Letter

FONTS = Path(__file__).resolve().parent.parent.parent / "static" / "fonts"
FAMILY = "DejaVuSerif"
MARGIN = 20  # mm
LINE = 5.2  # mm, 10.5 pt text


def render(letter: Letter, title: str) -> bytes:
    """The letter as an A4 PDF."""
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=MARGIN)
    pdf.add_font(FAMILY, "", str(FONTS / "DejaVuSerif-latin.ttf"))
    pdf.add_font(FAMILY, "B", str(FONTS / "DejaVuSerif-Bold-latin.ttf"))
    pdf.set_title(title)
    pdf.set_lang(letter.language)
    pdf.set_creator("Amicale")
    pdf.add_page()
    pdf.set_font(FAMILY, size=10.5)
    for line in letter.sender:
        pdf.cell(0, LINE, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(LINE)
    right = pdf.w / 2
    for line in letter.recipient:
        pdf.set_x(right)
        pdf.multi_cell(pdf.w - right - MARGIN, LINE, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(LINE)
    pdf.set_x(right)
    pdf.cell(0, LINE, letter.dated, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(LINE)
    pdf.set_font(FAMILY, "B", 10.5)
    pdf.multi_cell(0, LINE, letter.subject, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FAMILY, size=10.5)
    for paragraph in letter.paragraphs:
        pdf.ln(LINE * 0.6)
        pdf.multi_cell(0, LINE, paragraph, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(LINE * 2)
    pdf.set_x(right)
    pdf.cell(0, LINE, letter.signature, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    return bytes(pdf.output())
