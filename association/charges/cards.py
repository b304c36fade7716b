"""The cards of a statement's lines, drawn as HTML for its public page and the volunteers':
label, verdict, nature, amounts, cost per unit, what is not recoverable, the year before, why
with the reference, and the flags.

Drawn here rather than by a Jinja macro: a statement has hundreds of lines, and a macro cost
some 40 µs a line (a call, thirty attribute lookups, fifteen escapes), five times the rest of
the page for 200 lines. Here the words are translated and escaped once for the page, and a
line is a few dict lookups and one string; everything that comes from a volunteer or a
landlord's statement (label, reason of an overruling) is escaped."""
from html import escape

from markupsafe import Markup

from . import labels


def _words(distribution_key: str) -> dict:
    """The page's words, escaped once (``html.escape``, as Jinja's: ``&<>"'``)."""
    found = labels.words(distribution_key)
    return {key: (value if key == "lang" else
                  {code: str(escape(text)) for code, text in value.items()}
                  if isinstance(value, dict) else str(escape(value)))
            for key, value in found.items()}


def _draw(checked: list, distribution_key: str, item: str = "") -> list[str]:
    """Each checked line's card, in order, as HTML (everything in it escaped); with ``item``
    (``"li"``), each in an element of that name."""
    w = _words(distribution_key)
    lang, verdicts, natures = w["lang"], w["verdicts"], w["natures"]
    euros, unit_euros = labels.euros_writer(lang), labels.unit_euros_writer(lang)
    by_volunteer = f' <span class="hint">{w["by_volunteer"]}</span>'
    head = f'<dl class="facts">\n  <dt>{w["nature"]}</dt><dd>'
    for_building = f'</dd>\n  <dt>{w["for_building"]}</dt><dd>'
    per_unit = f'</dd>\n  <dt>{w["per_unit"]}</dt><dd>'
    not_recoverable = f'\n  <dt>{w["not_recoverable"]}</dt><dd>'
    to_establish = f'{not_recoverable}{w["to_establish"]}</dd>'
    year_before = f'\n  <dt>{w["year_before"]}</dt><dd>'
    to_look = f'<p class="charge-flags"><strong>{w["to_look"]}</strong> '
    # What repeats from line to line is drawn once for the page: the card's head for a
    # verdict and a nature, a percentage charged, a why with its reference.
    heads: dict[tuple, str] = {}
    charged: dict[int, str] = {}
    whys: dict[tuple, str] = {}
    start, end = (f"<{item}>", f"</{item}>") if item else ("", "")
    cards = []
    for c in checked:
        line = c.line
        key = (c.verdict, c.overruled, line["nature"])
        top = heads.get(key)
        if top is None:
            code = line["nature"]
            top = heads[key] = (
                f'</h3>\n<p class="charge-verdict"><span class="badge verdict-{escape(c.verdict)}">'
                f'{verdicts.get(c.verdict) or escape(c.verdict)}</span>'
                f'{by_volunteer if c.overruled else ""}</p>\n{head}'
                f'{natures.get(code) or escape(code)}{for_building}')
        percent = line["charged_percent"]
        if percent:
            if percent not in charged:
                charged[percent] = f' ({w["charged"].replace("{n}", escape(str(percent)))})'
            percent = charged[percent]
        else:
            percent = ""
        excess = c.excess
        if excess:
            excess = f"{not_recoverable}<strong>{euros(excess)}</strong></dd>"
        else:
            excess = to_establish if c.disputed else ""
        why = whys.get((c.why, c.reference))
        if why is None:
            why = whys[(c.why, c.reference)] = (
                f'<p class="charge-why">{escape(c.why)} <span class="hint">'
                f'({escape(c.reference)})</span></p>\n')
        flags = c.flags
        cards.append(
            f'{start}\n<h3 class="charge-label">{escape(line["label"])}{top}'
            f'{euros(line["amount_cents"])}{percent}'
            f'{per_unit + unit_euros(c.per_unit) if c.per_unit is not None else ""}</dd>{excess}'
            f'{year_before + "%+d" % round(c.rise * 100) + "&nbsp;%</dd>" if c.rise is not None else ""}'
            f'\n</dl>\n{why}'
            f'{to_look + escape(" — ".join(flags)) + "</p>" if flags else ""}\n{end}')
    return cards


def draw(checked: list, distribution_key: str) -> list[Markup]:
    """Each checked line's card (``check.Checked``), in order, as safe HTML."""
    return [Markup(card) for card in _draw(checked, distribution_key)]


def listed(checked: list, distribution_key: str) -> Markup:
    """The cards as the items of a list, for the public page."""
    return Markup("".join(_draw(checked, distribution_key, "li")))
