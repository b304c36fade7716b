"""Markdown → sanitised HTML, with French typography, for communiqués and other volunteer text.

The pipeline is Markdown, then one rewriting pass over its HTML (typography, link `rel`,
images), then nh3 against an explicit allowlist. nh3 comes last on purpose: whatever the
rewriting pass gets wrong, nothing reaches the page that the allowlist does not permit.
"""
import html
import re
from html.parser import HTMLParser

import markdown
import nh3
from markupsafe import Markup

# Ten times a long communiqué. Forms refuse more (too_long): Python-Markdown's worst cases
# (thousands of unclosed "[" or "<a ") grow with the square of a paragraph's length.
MAX_SOURCE_CHARS = 100_000
# What forms also refuse (too_complex), measured on Python-Markdown 3.11 on a 2-core machine:
# each unclosed "[" or tag-like "<" makes the inline parser read on to the end of its
# paragraph (400 of them in a 90,000-character paragraph: 9 s); nested list or quote markers
# at the start of a line recurse (about 300 levels of indentation, or "1. " 1,000 times on
# one line, exhaust Python's stack). A real text stays far below every limit.
MAX_BRACKETS = 400  # "[" and "<", each
MAX_SCANNED = 2_000_000  # characters the inline parser would read for unclosed constructs
MAX_NESTING_CHARS = 100  # leading spaces, tabs, ">" and list markers of one line
EXTERNAL_REL = "noopener nofollow"

_EXTENSIONS = ["tables", "footnotes", "fenced_code", "sane_lists"]
_BACKLINK_TITLE = {"fr": "Revenir à l’appel de la note {}",
                   "en": "Back to the reference of note {}"}

# What Markdown itself produces, plus a few harmless inline tags authors type by hand.
# No img: the CSP (default-src 'self') would block external images anyway, nothing lets an
# author upload one, and a same-site src would make every reader's browser request whatever
# URL of the site the author chose. An image is shown as its alt text instead.
_TAGS = {"a", "abbr", "b", "blockquote", "br", "code", "del", "div", "em", "h1", "h2", "h3",
         "h4", "h5", "h6", "hr", "i", "li", "ol", "p", "pre", "strong", "sub", "sup", "table",
         "tbody", "td", "th", "thead", "tr", "ul"}
_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "sup": {"id"}, "li": {"id"}}
_CLASSES = {"a": {"footnote-ref", "footnote-backref"}, "div": {"footnote"}}
_URL_SCHEMES = {"http", "https", "mailto"}
# Footnote ids contain a colon, which the site's own ids never do: no clobbering of the page.
_FOOTNOTE_ID = ("fn:", "fnref:")

_VERBATIM = {"code", "pre"}
_NAME = re.compile(r"[a-z][a-z0-9-]*")
# Browsers drop tabs and newlines anywhere in a URL and treat "\" as "/", so "/\t/x.org" and
# "/\x.org" lead off-site just like "//x.org".
_URL_NOISE = re.compile(r"[\t\n\r]")
_EXTERNAL = re.compile(r"https?:|[/\\]{2}", re.IGNORECASE)

_WORD_WITH_URL = re.compile(r"((?<!\S)\S*(?:://|www\.|@)\S*)")
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w|\Z)")
_OPENING_QUOTE = re.compile(r"«[ \u00a0\u202f]*")
_CLOSING_QUOTE = re.compile(r"[ \u00a0\u202f]*»")
# An existing space (ordinary or no-break) is replaced, so an author's own is never doubled;
# none goes after a space, an opening bracket or another mark ("?!" stays together).
_HIGH_PUNCTUATION = re.compile(r"(?<=[^\s;:!?(\[{])[ \u00a0\u202f]*([;:!?])")

_BLOCK_BREAK = re.compile(r"\n[ \t]*\n")
_NESTING = re.compile(r"^(?:[ \t>]|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))+", re.MULTILINE)
_BRACKET_OR_TAG = re.compile(r"\[|\]\(?|<[A-Za-z/!?]")

_PHRASING = {"a", "abbr", "b", "code", "del", "em", "i", "strong", "sub", "sup"}
_VOID = {"br", "hr", "img", "wbr"}
_WHITESPACE = re.compile(r"[ \t\r\n\f\v]+")
_TRAILING = " ,;:.!?-–—\u00a0\u202f"


def render_markdown(text: str, lang: str = "fr") -> Markup:
    """Sanitised HTML for Markdown `text`, with French typography when `lang` is "fr"."""
    footnotes = {"BACKLINK_TITLE": _BACKLINK_TITLE.get(lang, _BACKLINK_TITLE["en"])}
    converted = markdown.markdown(text, output_format="html", extensions=_EXTENSIONS,
                                  extension_configs={"footnotes": footnotes})
    rewriter = _Rewriter(typeset=lang == "fr")
    rewriter.feed(converted)
    rewriter.close()
    return Markup(_sanitise("".join(rewriter.out)))


def typeset(text: str, lang: str = "fr") -> str:
    """Plain text (a title, a name) with the French typography of ``render_markdown`` when
    `lang` is "fr": text, not HTML, to be escaped where it is used."""
    return _typeset("", text) if lang == "fr" else text


_BEFORE_COLON = re.compile(r"(?<=\S)[ \u00a0\u202f]*:(?=\s|$)")
_BEFORE_MARK = re.compile(r"(?<=\S)[ \u00a0\u202f]*([;!?]+)(?=\s|$|\u202f?»)")


def no_break_spaces(text: str) -> str:
    """French spacing alone, the apostrophes left as typed: a no-break space before ":", a
    narrow one before ; ! ? and inside « » — for a letter, so that no line of it starts with
    a lone ";" (URLs and addresses are left alone)."""
    parts = _WORD_WITH_URL.split(text)
    for index in range(0, len(parts), 2):  # odd indexes are URLs and addresses, left alone
        spaced = _OPENING_QUOTE.sub("«\u202f", parts[index])
        spaced = _CLOSING_QUOTE.sub("\u202f»", spaced)
        spaced = _BEFORE_COLON.sub("\u00a0:", spaced)
        parts[index] = _BEFORE_MARK.sub("\u202f\\1", spaced)
    return "".join(parts)


def too_long(text: str) -> bool:
    """Whether `text` is beyond what a form accepts as Markdown source."""
    return len(text) > MAX_SOURCE_CHARS


def too_complex(text: str) -> bool:
    """Whether Markdown `text` would take the renderer too long or too deep: more than
    MAX_BRACKETS "[" or "<", unclosed constructs that make it re-read long paragraphs, or a
    line nested deeper than MAX_NESTING_CHARS. Forms refuse such a text with a clear message
    (a real text never comes near), and callers render only what passed it and ``too_long``.
    """
    if text.count("[") > MAX_BRACKETS or text.count("<") > MAX_BRACKETS:
        return True
    if any(len(match[0].expandtabs(4)) > MAX_NESTING_CHARS
           for match in _NESTING.finditer(text)):
        return True
    return sum(_scanned(block) for block in _BLOCK_BREAK.split(text)) > MAX_SCANNED


def _scanned(block: str) -> int:
    """Roughly how many characters the inline parser reads again for a paragraph's unclosed
    constructs: from each "[" never closed, each link target's "(" and each tag-like "<" to
    where the search for its end stops."""
    if "[" not in block and "<" not in block:
        return 0
    opened, cost = [], 0
    for match in _BRACKET_OR_TAG.finditer(block):
        found, position = match[0], match.start()
        if found == "[":
            opened.append(position)
        elif found[0] == "]":
            if opened:
                opened.pop()
            if found == "](":  # a link's target, read on to its ")"
                cost += _distance_to(block, ")", position)
        else:
            cost += _distance_to(block, ">", position)
    return cost + sum(len(block) - position for position in opened)


def _distance_to(block: str, char: str, position: int) -> int:
    """How far from `position` the next `char` is (the end of the block without one)."""
    end = block.find(char, position)
    return (end if end >= 0 else len(block)) - position


def plain_text(source: str, limit: int | None = None, lang: str = "fr") -> str:
    """The readable text of Markdown `source` on one line, cut at a word before `limit` chars.

    For summaries (Atom, Open Graph): footnotes are left out, and the result is text, not
    HTML, so it must still be escaped where it is used.
    """
    extractor = _TextOnly()
    extractor.feed(render_markdown(source, lang))
    extractor.close()
    text = _WHITESPACE.sub(" ", "".join(extractor.parts)).strip()
    return text if limit is None or len(text) <= limit else _truncate(text, limit)


def _sanitise(html_text: str) -> str:
    """The HTML cut down to the allowlist: the last word on what reaches a page."""
    return nh3.clean(html_text, tags=_TAGS, clean_content_tags={"script", "style"},
                     attributes=_ATTRIBUTES, allowed_classes=_CLASSES,
                     tag_attribute_values={"a": {"rel": {EXTERNAL_REL}}},
                     attribute_filter=_keep_attribute, link_rel=None, url_schemes=_URL_SCHEMES)


def _keep_attribute(tag: str, name: str, value: str) -> str | None:
    """nh3's filter: only footnote ids survive, whatever an author types."""
    if name == "id" and not value.startswith(_FOOTNOTE_ID):
        return None
    return value


def _is_external(href: str) -> bool:
    """Whether a link leaves the site, read the way a browser reads it."""
    return bool(_EXTERNAL.match(_URL_NOISE.sub("", href).strip("\x00- ")))


def _typeset(previous: str, text: str) -> str:
    """French typography for a text node; `previous` is the character just before it."""
    parts = _WORD_WITH_URL.split(text)
    for index in range(0, len(parts), 2):  # odd indexes are URLs and addresses, left alone
        before = parts[index - 1][-1:] if index else previous
        parts[index] = _typeset_words(before, parts[index])
    return "".join(parts)


def _typeset_words(previous: str, text: str) -> str:
    """Narrow no-break spaces and curly apostrophes in text without URLs."""
    # The preceding character (from an earlier node) decides "Attention**!**", but a space
    # there would be swallowed by the space-replacing rules.
    context = "" if previous.isspace() else previous
    typeset = _APOSTROPHE.sub("’", context + text)
    typeset = _OPENING_QUOTE.sub("«\u202f", typeset)
    typeset = _CLOSING_QUOTE.sub("\u202f»", typeset)
    typeset = _HIGH_PUNCTUATION.sub(_space_before_punctuation, typeset)
    return typeset[len(context):]


def _space_before_punctuation(match: re.Match) -> str:
    """A narrow no-break space before the mark, except in times and ratios such as 10:30."""
    mark, whole, start, end = match.group(1), match.string, match.start(), match.end()
    if (mark == ":" and match.group(0) == ":" and whole[start - 1].isdigit()
            and whole[end:end + 1].isdigit()):
        return ":"
    return "\u202f" + mark


def _truncate(text: str, limit: int) -> str:
    """`text` cut at the last word boundary that leaves room for an ellipsis."""
    cut = text[:limit - 1]
    if not text[limit - 1].isspace():
        cut = cut.rpartition(" ")[0] or cut  # a single giant word is cut where it must be
    return cut.rstrip(_TRAILING) + "…"


class _Rewriter(HTMLParser):
    """Re-serialises Markdown's HTML: typography in text, rel on external links, no images.

    Every tag is written back from its parsed attributes and every text re-escaped, so nh3
    reads exactly the structure this pass saw: a link cannot look internal here and
    external there.
    """

    def __init__(self, typeset: bool):
        super().__init__(convert_charrefs=True)
        self.typeset = typeset
        self.out: list[str] = []
        self.verbatim = 0
        self.previous = ""

    def handle_starttag(self, tag, attrs):
        """An opening tag, rewritten from its parsed attributes."""
        self.handle_startendtag(tag, attrs)
        if tag in _VERBATIM:
            self.verbatim += 1

    def handle_startendtag(self, tag, attrs):
        """A self-closing tag, rewritten from its parsed attributes."""
        if tag == "img":
            self.handle_data(dict(attrs).get("alt") or "")
        elif _NAME.fullmatch(tag):
            self.out.append(f"<{tag}{_attributes(tag, attrs)}>")

    def handle_endtag(self, tag):
        """A closing tag."""
        if tag in _VERBATIM and self.verbatim:
            self.verbatim -= 1
        if _NAME.fullmatch(tag):
            self.out.append(f"</{tag}>")

    def handle_data(self, data):
        """Text between tags."""
        if self.typeset and not self.verbatim:
            data = _typeset(self.previous, data)
        self.out.append(html.escape(data, quote=False))
        self.previous = data[-1:] or self.previous


def _attributes(tag: str, attrs: list[tuple[str, str | None]]) -> str:
    """The attributes of a start tag, first occurrence winning as in browsers."""
    kept: dict[str, str] = {}
    for name, value in attrs:
        if _NAME.fullmatch(name):
            kept.setdefault(name, value or "")
    if tag == "a":
        kept.pop("rel", None)
        if _is_external(kept.get("href", "")):
            kept["rel"] = EXTERNAL_REL
    return "".join(f' {name}="{html.escape(value)}"' for name, value in kept.items())


class _TextOnly(HTMLParser):
    """Collects the text of sanitised HTML, minus footnotes, with spaces between blocks."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        """An opening tag, rewritten from its parsed attributes."""
        if tag not in _PHRASING:
            self.parts.append(" ")
        if tag in _VOID:
            return
        if self.skipping or dict(attrs).get("class") in ("footnote", "footnote-ref"):
            self.skipping += 1

    def handle_endtag(self, tag):
        """A closing tag."""
        if tag not in _PHRASING:
            self.parts.append(" ")
        if self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        """Text between tags."""
        if not self.skipping:
            self.parts.append(data)
