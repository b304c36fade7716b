"""What changed between two revisions, readably: line by line, and word by word inside a
changed line; every piece of text escaped (it is Markdown source, never rendered here)."""
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from markupsafe import Markup, escape

CONTEXT = 2  # unchanged lines shown around a change
MAX_WORDS = 4000  # beyond this, a changed line is shown removed then added, not word by word
_TOKENS = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class Line:
    """One line of a diff: "same", "removed", "added", "changed" (words marked) or "gap"."""

    kind: str
    text: Markup


def words(old: str, new: str) -> Markup:
    """One changed line with removed words in <del> and added words in <ins>."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    pieces = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            pieces.append(escape("".join(a[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(Markup("<del>{}</del>").format("".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(Markup("<ins>{}</ins>").format("".join(b[j1:j2])))
    return Markup("").join(pieces)


def lines(old: str | None, new: str | None) -> list[Line]:
    """The diff of two texts, unchanged stretches cut down to a little context."""
    a, b = (old or "").splitlines(), (new or "").splitlines()
    found: list[Line] = []
    opcodes = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            found += _context(a[i1:i2], first=index == 0, last=index == len(opcodes) - 1)
        elif tag == "delete":
            found += [Line("removed", escape(line)) for line in a[i1:i2]]
        elif tag == "insert":
            found += [Line("added", escape(line)) for line in b[j1:j2]]
        else:
            found += _replaced(a[i1:i2], b[j1:j2])
    return found


def _context(same: list[str], first: bool, last: bool) -> list[Line]:
    before = [] if first else same[:CONTEXT]
    after = [] if last else same[-CONTEXT:]
    if len(same) <= len(before) + len(after) + 1:
        return [Line("same", escape(line)) for line in same]
    return ([Line("same", escape(line)) for line in before] + [Line("gap", Markup("…"))]
            + [Line("same", escape(line)) for line in after])


def _replaced(old: list[str], new: list[str]) -> list[Line]:
    found = []
    for index in range(max(len(old), len(new))):
        before = old[index] if index < len(old) else None
        after = new[index] if index < len(new) else None
        if before is None:
            found.append(Line("added", escape(after)))
        elif after is None:
            found.append(Line("removed", escape(before)))
        elif len(before) + len(after) > MAX_WORDS * 6:
            found += [Line("removed", escape(before)), Line("added", escape(after))]
        else:
            found.append(Line("changed", words(before, after)))
    return found


SECTIONS = ("title", "cosignatories", "body", "note")


def revisions(old: dict | None, new: dict) -> dict[str, list[Line]]:
    """The diff of each text of two revisions (title, co-signatories, text, note), only for
    those that changed."""
    return {name: lines((old or {}).get(name), new.get(name)) for name in SECTIONS
            if ((old or {}).get(name) or "") != (new.get(name) or "")}
