"""The cards of a statement's lines, drawn as HTML for its public page and the volunteers':
label, verdict, nature, amounts, cost per unit, what is not recoverable, why with the
reference, and the flags; and the table of its natures (what each costs, per unit, on the
year before, against the other buildings).

Drawn here rather than by a Jinja macro: a statement has hundreds of lines, and a macro cost
some 40 µs a line (a call, thirty attribute lookups, fifteen escapes), five times the rest of
the page for 200 lines. Here the words are translated and escaped once for the page, and a
line is a few dict lookups and one string; everything that comes from a volunteer or a
landlord's statement (label, reason of an overruling) is escaped.

The cards are written in ASCII, any other character as a character reference (``&#8239;``,
``&euro;``, ``&#1593;``): CPython keeps a string at the width of its widest character, so one
"€" in 130 KB of cards made Jinja's copy of them and their UTF-8 encoding ten times slower:
a third of what a 200-line page cost more than a 10-line one. Drawn in ASCII, they go into
the page once it is encoded (``views``), byte for byte."""
from html import escape as _escape

from markupsafe import Markup

from . import labels
from .check import AMOUNT, LABEL, NATURE, PERCENT, natures


def escape(text: str, quote: bool = False) -> str:
    """``text`` escaped for HTML and in ASCII, any other character as a character reference:
    ``&<>``, which is all an element's text needs, and ``"'`` too with ``quote`` (in an
    attribute, or for what was typed, as Jinja escapes it)."""
    text = _escape(text, quote)
    return text if text.isascii() else text.encode("ascii", "xmlcharrefreplace").decode()


def _words(distribution_key: str) -> dict:
    """The page's words, escaped once (``escape``: they are only ever text, never an
    attribute)."""
    found = labels.words(distribution_key)
    return {key: (value if key == "lang" else
                  {code: str(escape(text)) for code, text in value.items()}
                  if isinstance(value, dict) else str(escape(value)))
            for key, value in found.items()}


def _ends(c, w: dict, end: str) -> tuple[str, str]:
    """What a card holds before its amount (the verdict and the nature) and after its figures
    (why with the reference, the flags, ``end``): the same for every line of a nature with
    the same verdict and why in one check (a nature's flags and reference are the
    nature's)."""
    code, verdict = c.line[NATURE], c.verdict
    by_volunteer = f' <span class="hint">{w["by_volunteer"]}</span>' if c.overruled else ""
    head = (f'</h3>\n<p class="charge-verdict"><span class="badge verdict-{escape(verdict, quote=True)}">'
            f'{w["verdicts"].get(verdict) or escape(verdict)}</span>{by_volunteer}</p>\n'
            f'<dl class="facts">\n  <dt>{w["nature"]}</dt><dd>'
            f'{w["natures"].get(code) or escape(code)}</dd>\n'
            f'  <dt>{w["for_building"]}</dt><dd>')
    flags = (f'<p class="charge-flags"><strong>{w["to_look"]}</strong> '
             f'{escape(" — ".join(c.flags))}</p>' if c.flags else "")
    tail = (f'\n</dl>\n<p class="charge-why">{escape(c.why)} <span class="hint">'
            f'({escape(c.reference)})</span></p>\n{flags}\n{end}')
    return head, tail


def _draw(checked: list, w: dict, item: str = "") -> list[str]:
    """Each checked line's card, in order, as HTML (everything in it escaped), with the
    page's words (``_words``); with ``item`` (``"li"``), each in an element of that name."""
    euros = labels.euros_writer(w["lang"], html=True)
    unit_euros = labels.unit_euros_writer(w["lang"], html=True)
    start, end = (f"<{item}>", f"</{item}>") if item else ("", "")
    label = f'{start}\n<h3 class="charge-label">'
    per_unit = f'</dd>\n  <dt>{w["per_unit"]}</dt><dd>'
    not_recoverable = f'\n  <dt>{w["not_recoverable"]}</dt><dd>'
    to_establish = f'{not_recoverable}{w["to_establish"]}</dd>'
    # Around a line's own figures (its label, amount, cost per unit and what is not
    # recoverable) everything is drawn once for the page: the card's two ends (``_ends``)
    # for a nature, verdict and why; a percentage charged.
    ends: dict[tuple, tuple[str, str]] = {}
    charged: dict[int, str] = {}
    cards = []
    for c in checked:
        line = c.line
        key = (c.verdict, c.overruling, line[NATURE], c.why)
        found = ends.get(key)
        if found is None:
            found = ends[key] = _ends(c, w, end)
        cents = line[AMOUNT]
        amount = euros(cents)
        percent = line[PERCENT]
        if percent:
            shown = charged.get(percent)
            if shown is None:
                shown = charged[percent] = \
                    f' ({w["charged"].replace("{n}", escape(str(percent)))})'
            percent = shown
        else:
            percent = ""
        excess = c.excess
        if excess:
            excess = (f'{not_recoverable}<strong>'
                      f'{amount if excess == cents else euros(excess)}</strong></dd>')
        else:
            excess = to_establish if c.disputed else ""
        cards.append(
            f'{label}{escape(line[LABEL], quote=True)}{found[0]}{amount}{percent}'
            f'{per_unit + unit_euros(c.per_unit) if c.per_unit is not None else ""}</dd>'
            f'{excess}{found[1]}')
    return cards


def _table(summary: list[tuple], w: dict) -> str:
    """The statement's natures (``check.natures``) as a table: what each costs the building
    and per unit, on the year before, against the other buildings; a column none of them
    has a figure for (no total of m², no year before, no other building) is left out."""
    euros = labels.euros_writer(w["lang"], html=True)
    unit_euros = labels.unit_euros_writer(w["lang"], html=True)
    point = "," if w["lang"] == "fr" else "."
    shown = [any(row[column] is not None for row in summary) for column in (2, 3, 4)]
    heads = [w["per_unit"], w["year_before"], w["against_others"]]
    none = "&#8212;"
    rows = []
    for code, cents, per_unit, rise, above in summary:
        cells = [none if per_unit is None else unit_euros(per_unit),
                 none if rise is None else f"{round(rise * 100):+d}&nbsp;%",
                 none if above is None else w["times"].replace(
                     "{times}", f"{above:.1f}".replace(".", point))]
        rows.append(f'<tr><th scope="row">{w["natures"].get(code) or escape(code)}</th>'
                    f'<td>{euros(cents)}</td>'
                    + "".join(f"<td>{cell}</td>" for cell, on in zip(cells, shown) if on)
                    + "</tr>")
    return (f'<table aria-labelledby="natures-title">\n<thead><tr><th scope="col">'
            f'{w["nature"]}</th><th scope="col">{w["for_building"]}</th>'
            + "".join(f'<th scope="col">{head}</th>' for head, on in zip(heads, shown) if on)
            + "</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>")


def draw(checked: list, distribution_key: str) -> list[Markup]:
    """Each checked line's card (``check.Checked``), in order, as safe HTML."""
    return [Markup(card) for card in _draw(checked, _words(distribution_key))]


def table(statement: dict, checked: list) -> Markup:
    """The table of the statement's natures (``check.natures``), as safe HTML."""
    return Markup(_table(natures(statement, checked), _words(statement["distribution_key"])))


def page(statement: dict, checked: list) -> tuple[str, str]:
    """The public page's table of natures and its cards as the items of a list: HTML in
    ASCII (everything in it escaped), the words translated once for both."""
    w = _words(statement["distribution_key"])
    return _table(natures(statement, checked), w), "".join(_draw(checked, w, "li"))
