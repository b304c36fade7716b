"""The check of a statement of charges, as pure rules: each line's verdict against the
recoverable list (or a volunteer's overruling), why, with the reference; what is not
recoverable, in euros for the building and per m² or share; rises year on year and costs per
m² against the association's other buildings. Amounts are in cents; nothing here reads or
writes the database."""
from dataclasses import dataclass
from statistics import median

from flask_babel import format_decimal, get_locale
from flask_babel import lazy_gettext as _l

from .recoverable import ASK, NOT_RECOVERABLE, PARTLY, RECOVERABLE, nature, texts

RISE_THRESHOLD = 0.20  # a nature that costs 20 % more than the year before is flagged
COMPARE_THRESHOLD = 1.30  # ... and one that costs 30 % more per m² than the other buildings


# A statement's line as ``statements.lines`` reads it: a plain tuple, the row the database
# driver gives as it is (a statement has hundreds of lines, read, checked and drawn at each
# request: a dict a line was a tenth of a 200-line page). ``line()`` makes one by name.
ID, LABEL, NATURE, AMOUNT, PERCENT = range(5)


def line(label: str, nature: str, amount_cents: int, charged_percent: int | None = None,
         line_id: int | None = None) -> tuple:
    """A line of a statement (``ID``, ``LABEL``, ``NATURE``, ``AMOUNT`` in cents,
    ``PERCENT``: the share charged, when the statement gives one)."""
    return line_id, label, nature, amount_cents, charged_percent


@dataclass(slots=True)
class Checked:
    """A line (``line()``) with its verdict: ``excess`` is the part that is not recoverable,
    in cents (None when it cannot be known from the statement: ask for the split);
    ``disputed`` says whether the dispute letter contests it; ``overruling``, the verdict,
    share and reason a volunteer gave in place of the list's; ``flags``, the warnings beside
    the verdict (a rise on the year before, a cost above the other buildings'), in words."""

    line: tuple
    verdict: str
    why: str
    reference: str
    excess: int | None
    disputed: bool
    overruling: tuple | None = None
    per_unit: float | None = None
    rise: float | None = None
    above_others: float | None = None
    flags: tuple[str, ...] = ()

    @property
    def overruled(self) -> bool:
        """Whether a volunteer gave the verdict."""
        return self.overruling is not None

    @property
    def line_id(self) -> int | None:
        """The line's row number."""
        return self.line[ID]

    @property
    def label(self) -> str:
        """The line's label, as the statement writes it."""
        return self.line[LABEL]

    @property
    def nature(self) -> str:
        """The line's nature, a code of the recoverable list."""
        return self.line[NATURE]

    @property
    def amount_cents(self) -> int:
        """The line's amount for the building, in cents."""
        return self.line[AMOUNT]


def flags(rise: float | None, above_others: float | None) -> tuple[str, ...]:
    """The warnings a nature's rise on the year before and its cost per unit against the
    other buildings' call for, in words (the same for every line of the nature)."""
    found = []
    if rise is not None and rise > RISE_THRESHOLD:
        found.append(str(_l("up %(percent)s per cent on the year before",
                            percent=round(rise * 100))))
    if above_others is not None and above_others > COMPARE_THRESHOLD:
        times = format_decimal(round(above_others, 1))
        found.append(str(_l("%(times)s times the other buildings' cost per unit",
                            times=times)))
    return tuple(found)


def _share_verdict(line: tuple, share: int | None, why: str) -> tuple[str, str, int | None, bool]:
    """A partly recoverable line: its verdict, why, excess and whether it is disputed."""
    amount = line[AMOUNT]
    if share is None:
        return PARTLY, why, None, True
    charged = line[PERCENT] or 100
    if charged <= share:
        return RECOVERABLE, str(_l("%(why)s It is charged at %(charged)s per cent: within "
                                   "the limit.", why=why, charged=charged)), 0, False
    excess = amount - round(amount * share / charged)
    return PARTLY, str(_l("%(why)s It is charged at %(charged)s per cent.", why=why,
                          charged=charged)), excess, excess > 0


def _listed(line: tuple, social_housing: bool, language: str | None) -> tuple:
    """What the recoverable list says of a line of this nature charged at this percentage:
    its verdict, why, reference, whether it is disputed, and how its excess follows from its
    amount (``"all"``, ``0``, None when unknown, or the recoverable share of what is charged)."""
    found = nature(line[NATURE])
    why, ref = texts(found.code, social_housing, language)
    if found.verdict == PARTLY:
        kind, why, excess, disputed = _share_verdict(line, found.share, why)
        if excess is None or kind == RECOVERABLE:
            return kind, why, ref, disputed, excess
        return kind, why, ref, disputed, (found.share, line[PERCENT] or 100)
    if found.verdict == NOT_RECOVERABLE:
        return NOT_RECOVERABLE, why, ref, True, "all"
    if found.verdict == ASK:
        return ASK, why, ref, False, None
    return RECOVERABLE, why, ref, False, 0


def _excess(amount: int, listed: tuple) -> tuple[int | None, bool]:
    """What is not recoverable of ``amount`` by what the list says (``_listed``), and
    whether the line is disputed."""
    _kind, _why, _ref, disputed, rule = listed
    if rule == "all":
        return amount, disputed
    if isinstance(rule, tuple):
        excess = amount - round(amount * rule[0] / rule[1])
        return excess, excess > 0
    return rule, disputed


def verdict(line: tuple, social_housing: bool, language: str | None = None,
            overruling: tuple | None = None) -> Checked:
    """One line's verdict: the ``overruling`` a volunteer gave (verdict, share, reason), or
    the recoverable list's (``language``: the page's, when the caller knows it already)."""
    if not overruling:
        listed = _listed(line, social_housing, language)
        return Checked(line, listed[0], listed[1], listed[2], *_excess(line[AMOUNT], listed))
    found = nature(line[NATURE])
    _why, ref = texts(found.code, social_housing, language)
    given, share, reason = overruling
    why = str(_l("Overruled by a volunteer: %(reason)s", reason=reason))
    if given == PARTLY:
        _kind, _why, excess, disputed = _share_verdict(line, share, why)
        return Checked(line, PARTLY, why, ref, excess, disputed, overruling)
    excess = {RECOVERABLE: 0, NOT_RECOVERABLE: line[AMOUNT]}.get(given)
    return Checked(line, given, why, ref, excess, given == NOT_RECOVERABLE, overruling)


def by_nature(lines: list[tuple]) -> dict[str, int]:
    """What each nature costs the building, in cents."""
    sums: dict[str, int] = {}
    for found in lines:
        sums[found[NATURE]] = sums.get(found[NATURE], 0) + found[AMOUNT]
    return sums


def check(statement: dict, lines: list[tuple], previous: dict[str, int] | None = None,
          others: dict[str, list[float]] | None = None,
          overrulings: dict[int, tuple] | None = None) -> list[Checked]:
    """Every line's verdict (``overrulings``: the volunteers', by line id), with its cost per
    unit (m² or share), the rise of its nature on the year before (``previous``: that
    statement's sums by nature, in cents) and how its nature's cost per unit compares with
    the other buildings' of the same year (``others``: nature -> their costs per unit, in
    euros)."""
    units = statement.get("total_units") or 0
    before = previous or {}
    now = by_nature(lines)
    medians = {code: median(positive) for code, costs in (others or {}).items()
               if (positive := [cost for cost in costs if cost > 0])}
    language = str(get_locale() or "fr")
    social = bool(statement.get("social_housing", 1))
    overrulings = overrulings or {}
    # What the list says depends only on a line's nature and percentage, and the rise and
    # the comparison only on its nature: each worked out once for the statement, so that a
    # line is a dict lookup and a few operations, its words translated once.
    rises = {code: now[code] / cents - 1 for code, cents in before.items()
             if cents and code in now}
    above = {code: now[code] / 100 / units / medians[code] for code in now
             if code in medians} if units else {}
    facts = {code: (rises.get(code), above.get(code), flags(rises.get(code), above.get(code)))
             for code in now}
    listed: dict[tuple, tuple] = {}
    checked = []
    for found in lines:
        code, amount = found[NATURE], found[AMOUNT]
        per_unit = amount / 100 / units if units else None
        if overrulings and found[ID] in overrulings:
            result = verdict(found, social, language, overrulings[found[ID]])
            result.per_unit = per_unit
            result.rise, result.above_others, result.flags = facts[code]
        else:
            key = (code, found[PERCENT])
            said = listed.get(key)
            if said is None:
                said = listed[key] = _listed(found, social, language)
            kind, why, ref, disputed, rule = said
            if rule == "all":
                excess = amount
            elif isinstance(rule, tuple):
                excess = amount - round(amount * rule[0] / rule[1])
                disputed = excess > 0
            else:
                excess = rule
            result = Checked(found, kind, why, ref, excess, disputed, None, per_unit,
                             *facts[code])
        checked.append(result)
    return checked


def natures(statement: dict, checked: list[Checked]) -> list[tuple]:
    """What each nature costs in the statement, in the order it first comes: (code, cents,
    cost per unit in euros or None, rise on the year before or None, times the other
    buildings' cost per unit or None). The rise and the comparison are the nature's, not a
    line's: a line's own year before is not known."""
    units = statement.get("total_units") or 0
    found: dict[str, list] = {}
    for c in checked:
        code = c.line[NATURE]
        if code in found:
            found[code][1] += c.line[AMOUNT]
        else:
            found[code] = [code, c.line[AMOUNT], None, c.rise, c.above_others]
    for entry in found.values():
        entry[2] = entry[1] / 100 / units if units else None
    return [tuple(entry) for entry in found.values()]


def totals(statement: dict, checked: list[Checked]) -> dict:
    """The statement's sums, in cents: everything, what is disputed, what is known not to be
    recoverable, and the latter per unit (euros)."""
    units = statement.get("total_units") or 0
    total = disputed = excess = ask = flagged = 0
    for c in checked:  # one pass over the lines for every sum
        amount = c.line[AMOUNT]
        total += amount
        excess += c.excess or 0
        if c.verdict == ASK:
            ask += 1
        if c.disputed:
            disputed += amount
        if c.disputed or c.flags:
            flagged += 1
    return {"total": total, "disputed": disputed, "excess": excess,
            "excess_per_unit": excess / 100 / units if units else None,
            "lines": len(checked), "ask": ask, "flagged": flagged}


def tenant_share(statement: dict, checked: list[Checked], units: float) -> dict | None:
    """What the disputed lines cost a home of ``units`` (its m² or shares) and what it could
    claim back, in cents; None when the statement has no total to divide by. Nothing is kept."""
    total_units = statement.get("total_units") or 0
    if not total_units or units <= 0:
        return None
    part = units / total_units
    return {"disputed": round(sum(c.amount_cents for c in checked if c.disputed) * part),
            "claim": round(sum(c.excess or 0 for c in checked) * part),
            "total": round(sum(c.amount_cents for c in checked) * part)}
