"""Lines of a statement from a spreadsheet saved as CSV: the template to fill in, the
reading of a filled one, which names every bad line and keeps none of a file with one, and
the check written back as CSV for a federation's or a lawyer's spreadsheet."""
import csv
import io
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from flask_babel import lazy_gettext as _l

from ..privacy import Flags, find_sensitive
from .recoverable import NATURES

COLUMNS = ("libelle", "nature", "montant", "montant_unitaire", "part_facturee")
MAX_LINES = 1000
MAX_LABEL = 200
MAX_EUROS = Decimal("100000000")
EXAMPLE = (("Combustible gaz", "heating_fuel", "41 250,00", "", ""),
           ("Contrat P3 chaufferie", "heating_p3", "6 800,00", "", ""),
           ("Salaire gardien", "caretaker_both", "32 000,00", "", "100"))


def template() -> str:
    """The CSV template: the header and three example lines (the natures to choose from are
    listed beside the import form)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(EXAMPLE)
    return out.getvalue()


def number(text: str) -> Decimal:
    """A number typed the French way ("1 234,56 €") or not ("1234.56"); raises ValueError
    when it is not one."""
    cleaned = (text or "").replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    cleaned = cleaned.replace("€", "").replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(text) from None
    if not value.is_finite() or abs(value) >= MAX_EUROS:
        raise ValueError(text)
    return value


def parse_euros(text: str) -> int:
    """An amount in euros with at most two decimals, in cents; raises ValueError when it is
    not one."""
    cents = number(text) * 100
    if cents != cents.to_integral_value():
        raise ValueError(text)
    return int(cents)


def _nature_code(text: str) -> str | None:
    """A nature given by its code or its name in French or English, whatever the case."""
    return _natures_by_name().get(" ".join((text or "").split()).lower())


@lru_cache(maxsize=1)
def _natures_by_name() -> dict[str, str]:
    from flask_babel import force_locale

    found = {}
    for language in ("en", "fr"):
        with force_locale(language):
            found.update({" ".join(str(nature.label).split()).lower(): code
                          for code, nature in NATURES.items()})
    return {**found, **{code: code for code in NATURES}}


def label_problem(label: str, lang: str = "fr"):
    """Why a line's label is refused (empty, too long, or about a person), or None."""
    if not label:
        return _l("the label is empty")
    if len(label) > MAX_LABEL:
        return _l("the label is longer than %(n)s characters", n=MAX_LABEL)
    findings = find_sensitive(label, lang)
    if findings:
        return _l("the label mentions %(categories)s: a line names what was paid for, never "
                  "a person", categories=", ".join(str(x) for x in Flags.of(findings).labels()))
    return None


def _row(values: dict, lang: str) -> tuple[dict | None, list]:
    """One CSV row as a line, or the problems found in it."""
    problems = []
    label = (values.get("libelle") or "").strip()
    if problem := label_problem(label, lang):
        problems.append(problem)
    nature = _nature_code(values.get("nature"))
    if nature is None:
        problems.append(_l("the nature “%(nature)s” is not one of the list (see the natures "
                           "under the import form)",
                           nature=(values.get("nature") or "").strip()))
    try:
        amount = parse_euros(values.get("montant") or "")
    except ValueError:
        amount = None
        problems.append(_l("the amount “%(amount)s” is not an amount in euros (for example "
                           "1 234,56)", amount=(values.get("montant") or "").strip()))
    unit = None
    if (values.get("montant_unitaire") or "").strip():
        try:
            unit = float(number(values["montant_unitaire"]))
        except ValueError:
            problems.append(_l("the amount per unit “%(amount)s” is not a number",
                               amount=values["montant_unitaire"].strip()))
    percent = None
    if (values.get("part_facturee") or "").strip():
        text = values["part_facturee"].strip().rstrip("%").strip()
        if text.isdigit() and 1 <= int(text) <= 100:
            percent = int(text)
        else:
            problems.append(_l("the charged share “%(share)s” is not a number from 1 to 100",
                               share=values["part_facturee"].strip()))
    if problems:
        return None, problems
    return {"label": label, "nature": nature, "amount_cents": amount,
            "stated_unit_amount": unit, "charged_percent": percent}, []


def read(data: bytes, lang: str = "fr") -> tuple[list[dict], list[str]]:
    """The lines of a CSV file, and the errors ("line 4: ..."); when there is any error, no
    line is to be kept."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")  # a spreadsheet's "CSV" on Windows
        except UnicodeDecodeError:
            return [], [str(_l("The file is not text: save the spreadsheet as CSV."))]
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [name.strip().lower() for name in reader.fieldnames or []]
    missing = [name for name in COLUMNS[:3] if name not in header]
    if missing:
        return [], [str(_l("The first line must name the columns (%(columns)s); missing: "
                           "%(missing)s.", columns=";".join(COLUMNS),
                           missing=", ".join(missing)))]
    reader.fieldnames = header
    rows, errors = [], []
    for number, values in enumerate(reader, start=2):
        if not any((value or "").strip() for value in values.values() if isinstance(value, str)):
            continue
        if len(rows) + len(errors) >= MAX_LINES:
            errors.append(str(_l("More than %(n)s lines: split the file.", n=MAX_LINES)))
            break
        row, problems = _row(values, lang)
        if problems:
            errors.append(str(_l("Line %(number)s: %(problems)s.", number=number,
                                 problems="; ".join(str(p) for p in problems))))
        else:
            rows.append(row)
    if not rows and not errors:
        errors.append(str(_l("The file holds no line.")))
    return rows, errors


def _text(value: str) -> str:
    """A cell of text as a spreadsheet opens it as text: one that starts like a formula
    (``=``, ``+``, ``-``, ``@``, a tab or a return) gets an apostrophe before it."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _decimal(value: float | None, places: int, comma: bool) -> str:
    text = "" if value is None else f"{value:.{places}f}"
    return text.replace(".", ",") if comma else text


def check_csv(checked: list, heads: list[str], words: dict, comma: bool) -> str:
    """The check of a statement's lines as CSV (``;``, a byte-order mark for spreadsheets):
    ``heads``, then a row a line — label, nature, amount, per unit, verdict, what is not
    recoverable, why, the reference (``words``: the natures' and verdicts' names). Texts
    that start like a formula are kept as text; amounts are in euros."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(heads)
    for c in checked:
        writer.writerow([
            _text(c.label), _text(words["natures"].get(c.nature, c.nature)),
            _decimal(c.amount_cents / 100, 2, comma), _decimal(c.per_unit, 4, comma),
            words["verdicts"].get(c.verdict, c.verdict),
            _decimal(None if c.excess is None else c.excess / 100, 2, comma),
            _text(c.why), _text(c.reference)])
    return "\ufeff" + out.getvalue()
