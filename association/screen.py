"""The sensitive-content screen: flag health, origin, offences... and judgemental remarks.

Every free-text field goes through ``find_sensitive`` before it is saved (DESIGN rule 3), so
that the writer sees what was flagged and why. The screen is a warning, not a censor: it
prefers precision on words with innocent senses ("la cage d'escalier est sale", "un bruit de
fou", "en face de l'église") and lets the writer confirm what it flags.

How it works: the text is normalised once (lowercase, accents and ligatures folded, hyphens
and line breaks as spaces) with a map back to the original offsets; one compiled regular
expression, its terms factored into a trie of letters so that each word start tries only the
terms sharing its first letters, finds every candidate in one pass; guards look at the few
words before a candidate; overlaps keep the longest match.
"""
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .screen_terms import GUARDS, TERMS

CATEGORIES = ("health", "disability", "origin", "religion", "sexuality", "opinion",
              "offences", "domestic_violence", "judgement")


@dataclass(frozen=True)
class Finding:
    """One flagged span: ``text[start:end] == term`` in the text that was screened."""

    category: str
    start: int
    end: int
    term: str


# Characters that NFKD does not decompose but people type in French and English notes.
_SPECIAL_FOLDS = {"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss", "ø": "o", "Ø": "o",
                  "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ı": "i"}
_APOSTROPHES = "’‘‛ʼ′´`"
_DASHES = "‐‑‒–—―−"
# Hyphens and line breaks become spaces so that "sans-papiers" and "garde\nà vue" match.
_ASCII_TABLE = str.maketrans({c: " " for c in "-_\t\n\r\f\v"})
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_WORD_CHAR = "[a-z0-9]"
_GUARD_SEPARATOR = "[ .,']+"  # between the words of a guard: "c'est", "M. Dupont"
_GUARD_WINDOW = 90  # characters before a candidate that guards may look at
_PLAIN_ALTERNATION = re.compile(r"\(\?:([a-z0-9 ']+(?:\|[a-z0-9 ']+)+)\)")
_QUANTIFIERS = ("?", "*", "+", "{")


@lru_cache(maxsize=4096)
def _fold(char: str) -> str:
    """The normalised spelling of one non-ASCII character (may be empty or longer)."""
    if char in _SPECIAL_FOLDS:
        return _SPECIAL_FOLDS[char]
    if char in _APOSTROPHES:
        return "'"
    if char in _DASHES or char.isspace():
        return " "
    if unicodedata.category(char) == "Cf":
        return ""  # soft hyphens and zero-width spaces would split a word in two
    decomposed = unicodedata.normalize("NFKD", char)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    folded = "".join(_SPECIAL_FOLDS.get(c, c) for c in folded).lower().translate(_ASCII_TABLE)
    # lower() must not change the length again when the whole text is lowered later
    return folded if folded.lower() == folded else folded.lower()


def _normalise(text: str) -> tuple[str, list[int] | None]:
    """The text to match against and, when lengths changed, each character's original index."""
    if text.isascii():
        return text.lower().translate(_ASCII_TABLE), None
    parts: list[str] = []
    changes: list[tuple[int, int]] = []
    last = 0
    for match in _NON_ASCII.finditer(text):
        i = match.start()
        folded = _fold(match.group())
        parts.append(text[last:i])
        parts.append(folded)
        if len(folded) != 1:
            changes.append((i, len(folded)))
        last = i + 1
    parts.append(text[last:])
    norm = "".join(parts).lower().translate(_ASCII_TABLE)
    if not changes:
        return norm, None
    index: list[int] = []
    previous = 0
    for i, length in changes:
        index.extend(range(previous, i))
        index.extend([i] * length)
        previous = i + 1
    index.extend(range(previous, len(text)))
    return norm, index


def _convert(fragment: str) -> str:
    """Turn a lexicon fragment into regex syntax: spaces (" ?" = optional) and apostrophes."""
    return (fragment.replace(" ?", "\x01").replace("'", "\x00").replace(" ", " +")
            .replace("\x00", "(?:' *| *)").replace("\x01", " *"))


def _top_level(fragment: str, wanted: str) -> list[int]:
    """Positions of ``wanted`` outside any group or character class."""
    depth, in_class, positions = 0, False, []
    for i, char in enumerate(fragment):
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0 and wanted == ")":
                positions.append(i)
        elif char == wanted and depth == 0:
            positions.append(i)
    return positions


def _expand_head(fragment: str) -> list[str]:
    """Split ``a|b`` and a leading ``(?:a|b)rest`` so that every piece starts with a letter."""
    bars = _top_level(fragment, "|")
    if bars:
        bounds = [-1, *bars, len(fragment)]
        return [piece for lo, hi in zip(bounds, bounds[1:])
                for piece in _expand_head(fragment[lo + 1:hi])]
    if not fragment.startswith("(?:"):
        return [fragment]
    i = _top_level(fragment, ")")[0]
    head, rest = fragment[3:i], fragment[i + 1:]
    if "[" in head or rest[:1] in _QUANTIFIERS:
        return [fragment]
    return [piece for choice in _expand_head(head) for piece in _expand_head(choice + rest)]


def _trie_regex(words: list[str]) -> str:
    """A regex matching exactly ``words``, factored by common prefixes (fast in ``re``)."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _emit_trie(trie)


def _emit_trie(node: dict) -> str:
    """The regex for one trie node (a nested dict; the key "" marks the end of a word)."""
    branches = [char + _emit_trie(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and len(branches[0]) == 1 else \
        f"(?:{'|'.join(branches)})"
    return f"{body}?" if "" in node else body


def _factor(source: str) -> str:
    """Replace every plain word list ``(?:a|b|c)`` in ``source`` by its trie form."""
    return _PLAIN_ALTERNATION.sub(lambda m: _trie_regex(m.group(1).split("|")), source)


def _guard_regex(source: str) -> str:
    """A guard source as a regex that must end exactly where the candidate starts."""
    body = _factor(f"(?:{source})").replace(" ", _GUARD_SEPARATOR)
    return "(?<![a-z0-9])" + body + "[ ']*\\Z"


def _compile_guard(spec: str, compiled: dict[str, re.Pattern]) -> tuple[tuple, bool]:
    """The regexes (any may match) and the expected outcome (True = must match) of a spec."""
    wanted = not spec.startswith("!")
    names = spec.lstrip("!").split("|")
    for name in names:
        if name not in compiled:
            compiled[name] = re.compile(_guard_regex(GUARDS[name]))
    return tuple(compiled[name] for name in names), wanted


def _literal_prefix(regex: str) -> int:
    """How many leading characters of ``regex`` are plain letters matched exactly once."""
    i = 0
    while i < len(regex) and regex[i].isalnum() and regex[i + 1:i + 2] not in _QUANTIFIERS:
        i += 1
    return i


def _emit_terms(node: dict) -> str:
    """The regex for a node of the term trie: longer literal prefixes first, then the tails."""
    branches = [char + _emit_terms(child) for char, child in sorted(node.items()) if char]
    # the empty group at the end names the term, and keeps each branch starting with a letter
    tails = sorted(node.get("", ()), key=lambda tail: -len(tail[0]))
    branches += [f"{rest}(?P<{name}>)(?!{_WORD_CHAR})" for rest, name in tails]
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


def _insert(trie: dict, regex: str, cut: int, name: str) -> None:
    """Add a term to a trie keyed by its literal prefix; the rest of its regex is a tail."""
    node = trie
    for char in regex[:cut]:
        node = node.setdefault(char, {})
    node.setdefault("", []).append((regex[cut:], name))


def _build() -> tuple[re.Pattern, re.Pattern, dict[str, tuple[str, tuple | None, bool]]]:
    """Compile the lexicon: one lookahead regex over all terms, one over unguarded terms only."""
    entries: dict[str, tuple[str, tuple | None, bool]] = {}
    guards: dict[str, tuple[tuple, bool]] = {}
    compiled: dict[str, re.Pattern] = {}
    trie: dict = {}
    pieces: list[tuple[str, int, str, bool]] = []
    for category, terms in TERMS.items():
        for term in terms:
            fragment, spec = (term, None) if isinstance(term, str) else term
            if spec and spec not in guards:
                guards[spec] = _compile_guard(spec, compiled)
            guard, wanted = guards[spec] if spec else (None, True)
            for piece in _expand_head(fragment):
                name = f"t{len(entries)}"
                entries[name] = (category, guard, wanted)
                regex = _convert(_factor(piece))
                cut = _literal_prefix(regex)
                _insert(trie, regex, cut, name)
                pieces.append((regex, cut, name, guard is None))
    # At one position the regex stops at the first term that matches; when that term's guard
    # then says no, a second regex finds whether an unguarded term starts there too. Only
    # unguarded terms whose letters agree with some guarded term's can be hidden that way.
    guarded = {regex[:cut] for regex, cut, _, plain in pieces if not plain}
    unguarded: dict = {}
    for regex, cut, name, plain in pieces:
        prefix = regex[:cut]
        if plain and any(prefix.startswith(g) or g.startswith(prefix) for g in guarded):
            _insert(unguarded, regex, cut, name)
    try:
        # A zero-width lookahead yields a candidate at every word start, overlapping ones too.
        pattern = re.compile(f"(?=(?<!{_WORD_CHAR}){_emit_terms(trie)})")
        fallback = re.compile(_emit_terms(unguarded))
    except re.error:
        _name_bad_term()
        raise
    return pattern, fallback, entries


def _name_bad_term() -> None:
    """Raise a ValueError naming the lexicon term that is not a valid regular expression."""
    for category, terms in TERMS.items():
        for term in terms:
            fragment = term if isinstance(term, str) else term[0]
            try:
                re.compile(_convert(_factor(fragment)))
            except re.error as error:
                raise ValueError(f"bad {category} term {fragment!r}: {error}") from error


_PATTERN, _FALLBACK, _ENTRIES = _build()


def find_sensitive(text: str, lang: str = "fr") -> list[Finding]:
    """Flag sensitive or judgemental words in ``text``; French and English are always screened.

    ``lang`` is the writer's interface language, a hint only: people mix languages.
    """
    if not text:
        return []
    norm, index = _normalise(text)
    candidates = []
    for match in _PATTERN.finditer(norm):
        name = match.lastgroup
        category, guards, wanted = _ENTRIES[name]
        start, end = match.start(), match.end(name)
        if guards is not None:
            window = max(0, start - _GUARD_WINDOW)
            found = any(guard.search(norm, window, start) for guard in guards)
            if found != wanted:
                match = _FALLBACK.match(norm, start)
                if match is None:
                    continue
                name = match.lastgroup
                category, end = _ENTRIES[name][0], match.end(name)
        candidates.append((start, end, category))
    if not candidates:
        return []
    # Keep the longest when two overlap (then the earliest).
    candidates.sort(key=lambda c: (c[0] - c[1], c[0]))
    kept: list[tuple[int, int, str]] = []
    for start, end, category in candidates:
        if all(end <= s or start >= e for s, e, _ in kept):
            kept.append((start, end, category))
    kept.sort()
    findings = []
    for start, end, category in kept:
        if index is not None:
            start, end = index[start], index[end - 1] + 1
        while end < len(text) and unicodedata.combining(text[end]):
            end += 1  # a decomposed accent belongs to the word it sits on
        findings.append(Finding(category, start, end, text[start:end]))
    return findings
