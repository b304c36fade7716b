"""A letter, as a printable page and as a PDF: blocks of lines and paragraphs that the page
(``templates/_letter.html``) and ``pdf()`` both draw, so the two never differ.

The capabilities build their letters (joint access requests, collective letters to the
landlord) and hand them here. PDFs are drawn on the server with fpdf2: pure Python (with
fontTools and Pillow, already a dependency), it installs from the package index on a fresh
machine with no system library, where WeasyPrint would need Pango. Its built-in fonts cannot
write "œ", "’" or the narrow no-break space French typography puts before "?", so the PDF
embeds DejaVu Serif, shipped (cut down to Latin) in ``static/fonts/``. A PDF is made in
memory for the request that asks for it and never written anywhere.
"""
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from fpdf import FPDF
from fpdf.enums import XPos, YPos


@dataclass
class Letter:
    """A letter ready to print or to turn into a PDF: blocks of lines and paragraphs."""

    language: str
    sender: list[str]
    recipient: list[str]
    dated: str
    subject: str
    paragraphs: list[str]
    signature: str
    attachments: list[str] = field(default_factory=list)

    def plain_text(self) -> str:
        """The letter as text, for an e-mail."""
        blocks = ["\n".join(self.sender), self.subject, *self.paragraphs, self.signature]
        return "\n\n".join(block for block in blocks if block)

    def mailto(self, address: str | None) -> str | None:
        """A mailto: link to ``address`` with the subject and the body filled in."""
        if not address:
            return None
        return (f"mailto:{quote(address, safe='@')}?subject={quote(self.subject)}"
                f"&body={quote(self.plain_text())}")

    def filename(self, stem: str) -> str:
        """A file name for the PDF, without anything personal in it."""
        return f"{stem}-{self.language}.pdf"


FONTS = Path(__file__).resolve().parent.parent / "static" / "fonts"
FAMILY = "DejaVuSerif"
MARGIN = 20  # mm
LINE = 5.2  # mm, 10.5 pt text


def pdf(letter: Letter, title: str) -> bytes:
    """The letter as an A4 PDF."""
    document = FPDF(format="A4", unit="mm")
    document.set_margins(MARGIN, MARGIN, MARGIN)
    document.set_auto_page_break(True, margin=MARGIN)
    document.add_font(FAMILY, "", str(FONTS / "DejaVuSerif-latin.ttf"))
    document.add_font(FAMILY, "B", str(FONTS / "DejaVuSerif-Bold-latin.ttf"))
    document.set_title(title)
    document.set_lang(letter.language)
    document.set_creator("Amicale")
    document.add_page()
    document.set_font(FAMILY, size=10.5)
    for line in letter.sender:
        document.cell(0, LINE, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    document.ln(LINE)
    right = document.w / 2
    for line in letter.recipient:
        document.set_x(right)
        document.multi_cell(document.w - right - MARGIN, LINE, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    document.ln(LINE)
    document.set_x(right)
    document.cell(0, LINE, letter.dated, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    document.ln(LINE)
    document.set_font(FAMILY, "B", 10.5)
    document.multi_cell(0, LINE, letter.subject, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    document.set_font(FAMILY, size=10.5)
    for paragraph in letter.paragraphs:
        document.ln(LINE * 0.6)
        document.multi_cell(0, LINE, paragraph, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    document.ln(LINE * 2)
    document.set_x(right)
    document.cell(0, LINE, letter.signature, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    return bytes(document.output())
