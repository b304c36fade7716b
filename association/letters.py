"""A letter, as a printable page and as a PDF: blocks of lines and paragraphs that the page
(``templates/_letter.html``) and ``pdf()`` both draw, so the two never differ.

The capabilities build their letters (joint access requests, collective letters to the
landlord) and hand them here. PDFs are drawn on the server with fpdf2: pure Python (with
fontTools and Pillow, already a dependency), it installs from the package index on a fresh
machine with no system library, where WeasyPrint would need Pango. Its built-in fonts cannot
write "œ", "’" or the narrow no-break space French typography puts before "?", nor a
tenant's name in Arabic, Tamil or Chinese, so the PDF embeds the fonts shipped in
``static/fonts/`` (``letter_fonts``). A PDF is made in memory for the request that asks for
it and never written anywhere; a letter that the fonts cannot draw gets none
(``Undrawable``), and the views offer its printable page instead, which the browser draws.
fpdf2 (and fontTools, Pillow, HarfBuzz under it: about 20 MB) is imported by the first PDF a
worker draws, not by the app: most workers never draw one.
"""
from dataclasses import dataclass, field, replace
from functools import cache
from urllib.parse import quote

from . import letter_fonts
from .letter_fonts import FAMILY, FONTS
from .markup import no_break_spaces


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
    copies: list[str] = field(default_factory=list)  # "Copie : …", below the signature

    def __post_init__(self):
        """A French letter gets French spacing before ; : ! ? and inside « » (no line of the
        page or the PDF starts with a lone ";"), whoever wrote its text."""
        if self.language == "fr":
            self.dated, self.subject, self.signature = (
                no_break_spaces(self.dated), no_break_spaces(self.subject),
                no_break_spaces(self.signature))
            self.paragraphs = [no_break_spaces(paragraph) for paragraph in self.paragraphs]
            self.copies = [no_break_spaces(line) for line in self.copies]

    def plain_text(self) -> str:
        """The letter as the body of an e-mail: its subject is the e-mail's own Subject
        (``mailto``), not repeated in the body (issue 22)."""
        blocks = ["\n".join(self.sender), *self.paragraphs, self.signature,
                  "\n".join(self.copies)]
        return "\n\n".join(block for block in blocks if block)

    def mailto(self, address: str | None) -> str | None:
        """A mailto: link to ``address`` with the subject and the body filled in."""
        if not address:
            return None
        return (f"mailto:{quote(address, safe='@')}?subject={quote(self.email_subject())}"
                f"&body={quote(self.plain_text())}")

    def email_subject(self) -> str:
        """The subject for an e-mail: the letter's subject line without its label ("Objet :",
        "Subject:"), which an e-mail's own Subject field already is."""
        label, colon, rest = self.subject.partition(":")
        if colon and rest.strip() and label.strip() and " " not in label.strip():
            return rest.strip()
        return self.subject

    def filename(self, stem: str) -> str:
        """A file name for the PDF, without anything personal in it."""
        return f"{stem}-{self.language}.pdf"

    def drawn_text(self) -> str:
        """Every character the PDF draws."""
        return "\n".join([*self.sender, *self.recipient, self.dated, self.subject,
                          *self.paragraphs, self.signature, *self.copies])


class Undrawable(Exception):
    """The letter holds a character that none of the PDF's fonts has: no PDF is drawn. It
    carries no message, so that nothing of the letter can reach a traceback."""


MARGIN = 20  # mm
LINE = 5.2  # mm, 10.5 pt text


def pdf(letter: Letter, title: str) -> bytes:
    """The letter as an A4 PDF; raises ``Undrawable`` before drawing anything when one of its
    characters is in none of the fonts."""
    letter = _without_controls(letter)
    with letter_fonts.quiet_libraries():
        fallbacks = letter_fonts.fallbacks(letter.drawn_text())
        if fallbacks is None:
            raise Undrawable()
        try:
            return _drawn(letter, title, fallbacks)
        except Exception:  # noqa: BLE001  (any: its message could quote the letter)
            raise RuntimeError("the PDF of a letter could not be drawn") from None


# A textarea sends "\r\n", and a tab or another control character has no glyph in any font:
# each becomes a space ("\r" nothing) rather than a refused PDF.
_CONTROLS = {code: " " for code in range(32) if code != ord("\n")} | {ord("\r"): None}


def _without_controls(letter: Letter) -> Letter:
    def clean(text: str) -> str:
        return text.translate(_CONTROLS)
    return replace(letter, sender=[clean(line) for line in letter.sender],
                   recipient=[clean(line) for line in letter.recipient], dated=clean(letter.dated),
                   subject=clean(letter.subject), paragraphs=[clean(p) for p in letter.paragraphs],
                   signature=clean(letter.signature), copies=[clean(c) for c in letter.copies])


@cache
def _document_class():
    """fpdf2's FPDF, imported when a worker draws its first PDF, with one fix: a line that
    starts and ends in a fallback font (a name in Arabic alone) sets the page's own font only
    inside that line's ``q … Q``, so every line after it was drawn with the fallback font's
    glyph numbers, as garbage. Here the font is set on the page whenever it changes, before
    any line."""
    from fpdf import FPDF

    class Document(FPDF):
        """fpdf2 2.8.9, the font set on the page whenever it changes."""

        def set_font(self, family=None, style="", size=0):
            """Select the font, and set it on the page at once."""
            super().set_font(family, style, size)
            if self.page and self.current_font is not None \
                    and not self.current_font_is_set_on_page:
                self._out(self._set_font_for_page(self.current_font, self.font_size_pt))

    return Document


def _drawn(letter: Letter, title: str, fallbacks: list[str]) -> bytes:
    from fpdf.enums import XPos, YPos

    document = _document_class()(format="A4", unit="mm")
    document.set_margins(MARGIN, MARGIN, MARGIN)
    document.set_auto_page_break(True, margin=MARGIN)
    for style, file_name in letter_fonts.MAIN.items():
        document.add_font(FAMILY, style, str(FONTS / file_name))
    for name in fallbacks:
        document.add_font(name, "", str(FONTS / letter_fonts.FALLBACKS[name]))
    if fallbacks:
        # Bold text (the subject) borrows the regular face of a script's font.
        document.set_fallback_fonts(fallbacks, exact_match=False)
    document.set_text_shaping(True)
    document.set_title(title)
    document.set_lang(letter.language)
    document.set_creator("Amicale")
    document.add_page()
    document.set_font(FAMILY, size=10.5)
    for line in letter.sender:
        document.multi_cell(0, LINE, line, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    document.ln(LINE)
    # The recipient, the date and the signature in the right half, aligned left and wrapped
    # within the margin (an address is never justified, a long name never cut off).
    right = document.w / 2
    half = document.w - right - MARGIN
    for line in letter.recipient:
        document.set_x(right)
        document.multi_cell(half, LINE, line, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    document.ln(LINE)
    document.set_x(right)
    document.multi_cell(half, LINE, letter.dated, align="L", new_x=XPos.LMARGIN,
                        new_y=YPos.NEXT)
    document.ln(LINE)
    document.set_font(FAMILY, "B", 10.5)
    document.multi_cell(0, LINE, letter.subject, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    document.set_font(FAMILY, size=10.5)
    for paragraph in letter.paragraphs:
        document.ln(LINE * 0.6)
        document.multi_cell(0, LINE, paragraph, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    document.ln(LINE * 2)
    for line in letter.signature.split("\n"):
        document.set_x(right)
        document.multi_cell(half, LINE, line, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if letter.copies:
        document.ln(LINE)
    for line in letter.copies:
        document.multi_cell(0, LINE, line, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    return bytes(document.output())
