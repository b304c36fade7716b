"""Boxes from other capabilities inside a communiqué: a paragraph holding only a shortcode
such as ``[[campagne:loyers-2026]]`` is replaced by what the capability that declares the
kind returns (``Lends.embeds``: kind → function(db, argument) → safe HTML or None).

Embeds are drawn with the page, on the stored HTML, never in the stored HTML itself: a
campaign's live figures stay live, and a capability installed later fills the boxes of
communiqués published before it. The public page cache keeps a drawn page only while the
database is as it was (``pagecache``): a box is as fresh as the figures it shows. On public pages
an unknown kind or argument leaves nothing; the editors' preview says what is missing.
"""
import re

from markupsafe import Markup

from ..capability import collect

# As the stored HTML holds it: alone in its paragraph, French typography having perhaps put
# a narrow no-break space before the colon.
SHORTCODE = re.compile(
    r"<p>\[\[([a-z][a-z0-9_-]{0,30})[\u202f\u00a0 ]?:([A-Za-z0-9][A-Za-z0-9_.-]{0,120})\]\]</p>")

# As an editor types it, on a line of its own.
SOURCE_SHORTCODE = re.compile(
    r"^[ \t]*\[\[[a-z][a-z0-9_-]{0,30}:[A-Za-z0-9][A-Za-z0-9_.-]{0,120}\]\][ \t]*$", re.MULTILINE)


def without_shortcodes(source: str) -> str:
    """Markdown with its shortcode lines taken out (for a summary: a box is no sentence)."""
    return SOURCE_SHORTCODE.sub("", source)


def kinds() -> dict:
    """Every declared kind of embed with its function."""
    return dict(collect("lends.embeds"))


def apply(db, html: str, missing=None) -> Markup:
    """``html`` (already sanitised) with each shortcode paragraph replaced by its box; a
    kind or argument nobody answers for becomes ``missing(kind, argument)`` (nothing when
    ``missing`` is None)."""
    if "[[" not in html:
        return Markup(html)
    found = kinds()

    def box(match: re.Match) -> str:
        kind, argument = match[1], match[2]
        drawn = found[kind](db, argument) if kind in found else None
        if drawn is None:
            return str(missing(kind, argument)) if missing else ""
        return str(Markup('<div class="embed embed-{}">{}</div>').format(kind, drawn))

    return Markup(SHORTCODE.sub(box, html))
