"""The sensitive-content screen: flag health, origin, offences... and judgemental remarks.

Every free-text field goes through ``find_sensitive`` before it is saved (DESIGN rule 3), so
that the writer sees what was flagged and why. The screen is a warning, not a censor: it
prefers precision on words with innocent senses ("la cage d'escalier est sale", "un bruit de
fou", "en face de l'église") and lets the writer confirm what it flags.

How it works: the text is normalised once (lowercase, accents and ligatures folded, hyphens
and line breaks as spaces) with a map back to the original offsets, and cut into tokens. Each
term of the lexicon is a phrase compiled on its own and filed under the words it can start
with (a verb under every form of it, an open word such as "psychiatr..." under its stem): at
each token, only the phrases filed under that word are tried, anchored there. Guards look at
the few words before a candidate; overlaps keep the longest match.

Verbs are matched by lemma: a lexicon fragment may name ``<fr:frapper|battre>``, and the build
replaces it with every form of those verbs, taken from simplemma's French and English
dictionaries and completed by regular paradigms, since simplemma files ambiguous forms under
one lemma only ("frappe" under the noun, "battue" under the hunt). simplemma is a build and
test tool: its forms are generated once into ``data/screen_forms.json`` (``python -m
association.screen --regenerate``, which a test checks), so a process neither imports it nor
loads its tables. The forms are folded like the text and file a phrase under each of them, so
"il l'a frappée", "il la bats", "he's been hitting her" cost nothing more at screening time
than a plain word: lemmatising each word of each text would be slower and would fail on text
typed without accents, which the dictionaries do not know.
"""
import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

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


# ``<fr:frapper|battre>`` in a lexicon fragment: every form of these lemmas (see _Lemmas).
_LEMMA_REF = re.compile(r"<(fr|en):([^<>:]+)>")
# The dictionary's forms of the lemmas the lexicon names, generated from simplemma (see
# dictionary_forms) and committed, so that neither simplemma nor its tables load at run time.
FORMS_FILE = Path(__file__).resolve().parent / "data" / "screen_forms.json"
REGENERATE = "python -m association.screen --regenerate"
# Regular French -er endings: simplemma files a form shared with a noun ("frappe", "tape",
# "cogne") under the noun only, so the verb's own list lacks its most frequent forms.
_ER_ENDINGS = ("er e es ent ons ez ais ait aient ions iez a ai as âmes âtes èrent erai eras "
               "era erons erez eront erais erait erions eriez eraient é ée és ées ant").split()
# Literary tenses (imperfect subjunctive, first and second person plural of the simple past)
# that no tenant writes: left out of -er verbs, they would only lengthen the regex.
_LITERARY_ER = ("asse", "asses", "assent", "assiez", "assions", "âmes", "âtes", "ât")
_DOUBLED = re.compile(r"(pp|tt|ss|ll|nn|mm|rr|ff|cc)")
_FORM = re.compile(r"[a-z]+\Z")


def _participle_agreement(form: str) -> list[str]:
    """Feminine and plural of a past participle in -é or -u ("battu" gives "battue").

    The dictionaries file "battue" under the noun (a hunt); agreement is regular, so it is
    added to every form ending like a participle (the -er paradigm has them already).
    """
    if form.endswith(("é", "u")):
        return [form + "e", form + "s", form + "es"]
    return []


def _english_regular(lemma: str) -> list[str]:
    """The regular -s, -ing and -ed forms of an English verb ("slapped", "hitting").

    simplemma files "beating" under the noun; irregular forms ("beaten") come from its list.
    """
    if re.search(r"(?:\A|[^aeiou])[aeiou][bdgmnprt]\Z", lemma):  # hit -> hitting, slapped
        stem = lemma + lemma[-1]
    else:
        stem = lemma[:-1] if lemma.endswith("e") and not lemma.endswith("ee") else lemma
    return [lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "z", "o")) else "s"),
            stem + "ing", stem + ("d" if stem.endswith("e") else "ed")]


def _paradigm(lang: str, lemma: str, listed) -> set[str]:
    """The dictionary's forms of ``lemma`` (``listed``) completed by regular rules.

    Regular endings, since the dictionary files a form shared with a noun under the noun;
    agreed participles; minus the literary tenses of -er verbs.
    """
    found = set(listed)
    if lang == "en":
        return found | set(_english_regular(lemma))
    if lemma.endswith("er"):
        if " " not in lemma:
            found.update(lemma[:-2] + ending for ending in _ER_ENDINGS)
        found -= {lemma[:-2] + ending for ending in _LITERARY_ER}
    return found | {extra for form in found for extra in _participle_agreement(form)}


def _misspellings(forms: set[str]) -> set[str]:
    """Forms with one doubled consonant typed single ("frapé", "batu"), as tenants write."""
    return {form[:match.start()] + form[match.start()] + form[match.end():]
            for form in forms for match in _DOUBLED.finditer(form)}


class _Lemmas:
    """Every form of the lemmas the lexicon names: the dictionary's, completed by rules.

    The dictionary's part comes from FORMS_FILE, read once at build and then dropped: the
    screen keeps only the forms, folded into its regex.
    """

    def __init__(self, wanted: dict[str, set[str]], generated: dict) -> None:
        """Gather the forms of ``wanted`` lemmas ({"fr": {"frapper"}}) from ``generated``.

        ``generated`` is what dictionary_forms gives, as FORMS_FILE holds it.
        """
        self.forms: dict[tuple[str, str], frozenset[str]] = {}
        for lang, lemmas in wanted.items():
            for lemma in lemmas:
                entry = generated["lemmas"].get(lang, {}).get(lemma)
                if entry is None:
                    raise LookupError(f"<{lang}:{lemma}> has no forms in {FORMS_FILE.name}: "
                                      f"run {REGENERATE}")
                found = _paradigm(lang, lemma, entry["forms"])
                if lang == "fr":
                    # not a slip for the verb when the dictionary knows it as another word
                    found |= _misspellings(found) - set(entry["other_words"])
                folded = {_normalise(form)[0] for form in found | {lemma}}
                self.forms[lang, lemma] = frozenset(f for f in folded if _FORM.match(f))

    def regex(self, lang: str, lemmas: str) -> str:
        """A regex over the folded forms of ``lemmas`` ("frapper|battre"), factored by
        prefixes: ``re`` tries a plain list of 700 forms one by one."""
        forms = set().union(*(self.forms[lang, lemma] for lemma in lemmas.split("|")))
        return _trie_regex(sorted(forms))


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


def dictionary_forms(wanted: dict[str, set[str]]) -> dict:
    """What FORMS_FILE holds for ``wanted`` lemmas, read from simplemma's dictionaries.

    For each lemma, the forms filed under it (and, for a French -er verb, under its participle
    taken as an adjective: "frappée" is filed under "frappé"), and the misspellings of its
    forms that the dictionary knows as forms of another word. simplemma is a build and test
    tool (tests/requirements.txt), imported here only: run ``python -m association.screen
    --regenerate`` after changing the lexicon's lemmas, the rules above or simplemma.
    """
    from importlib.metadata import version

    # simplemma's own cached dictionaries, shared with simplemma.is_known in the tests
    from simplemma.strategies.dictionaries import DEFAULT_DICTIONARY_FACTORY as factory

    generated: dict = {"about": f"Generated by `{REGENERATE}`: do not edit.",
                       "simplemma": version("simplemma"), "lemmas": {}}
    for lang in sorted(wanted):
        dictionary = factory.get_dictionary(lang)
        linked = {lemma: {lemma} for lemma in wanted[lang]}
        for lemma in wanted[lang]:
            if lang == "fr" and lemma.endswith("er"):
                adjective = dictionary.get(lemma[:-2] + "é")
                if adjective:
                    linked[lemma].add(adjective)
        heads = set().union(*linked.values())
        inverse: dict[str, set[str]] = {}
        for form, head in dictionary.items():  # one pass over the whole dictionary
            if head in heads:
                inverse.setdefault(head, set()).add(form)
        entries = generated["lemmas"][lang] = {}
        for lemma in sorted(wanted[lang]):
            listed = set().union(*(inverse.get(head, ()) for head in linked[lemma]))
            other_words = set()
            if lang == "fr":
                other_words = {variant for variant
                               in _misspellings(_paradigm(lang, lemma, listed))
                               if dictionary.get(variant) not in (None, lemma)}
            entries[lemma] = {"forms": sorted(listed), "other_words": sorted(other_words)}
    return generated


def _forms_json(generated: dict) -> str:
    """FORMS_FILE's text: one lemma a line, so that a regeneration diffs by lemma."""
    lines = ["{", f' "about": {json.dumps(generated["about"])},',
             f' "simplemma": {json.dumps(generated["simplemma"])},', ' "lemmas": {']
    languages = list(generated["lemmas"].items())
    for i, (lang, entries) in enumerate(languages):
        lines.append(f"  {json.dumps(lang)}: {{")
        items = list(entries.items())
        for j, (lemma, entry) in enumerate(items):
            comma = "," if j < len(items) - 1 else ""
            lines.append(f"   {json.dumps(lemma, ensure_ascii=False)}: "
                         f"{json.dumps(entry, ensure_ascii=False)}{comma}")
        lines.append("  }" + ("," if i < len(languages) - 1 else ""))
    lines += [" }", "}", ""]
    return "\n".join(lines)


def _read_forms() -> dict:
    """FORMS_FILE's content (see dictionary_forms)."""
    try:
        with FORMS_FILE.open(encoding="utf-8") as file:
            return json.load(file)
    except FileNotFoundError:
        raise LookupError(f"{FORMS_FILE} is missing: run {REGENERATE}") from None


def _lemma_refs(sources) -> dict[str, set[str]]:
    """The lemmas named by ``<lang:a|b>`` in ``sources``, per language."""
    wanted: dict[str, set[str]] = {}
    for source in sources:
        for lang, lemmas in _LEMMA_REF.findall(source):
            wanted.setdefault(lang, set()).update(lemmas.split("|"))
    return wanted


def _lexicon_lemmas() -> dict[str, set[str]]:
    """The lemmas that the lexicon's terms and guards name, per language."""
    return _lemma_refs([*_fragments(), *GUARDS.values()])


def _with_lemmas(fragment: str, lemmas: _Lemmas) -> str:
    """``fragment`` with each ``<lang:a|b>`` replaced by the regex of all their forms."""
    return _LEMMA_REF.sub(lambda m: lemmas.regex(m.group(1), m.group(2)), fragment)


def _convert(fragment: str) -> str:
    """Turn a lexicon fragment into regex syntax: spaces (" ?" = optional) and apostrophes."""
    return (fragment.replace(" ?", "\x01").replace("'", "\x00").replace(" ", " +")
            .replace("\x00", "(?:' *| *)").replace("\x01", " *"))


def _top_level(fragment: str, wanted: str) -> list[int]:
    """Positions of ``wanted`` outside any group, character class or ``<lang:lemmas>``."""
    depth, in_class, positions = 0, False, []
    for i, char in enumerate(fragment):
        if in_class:
            in_class = char not in "]>"
        elif char in "[<":
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
    """Split ``a|b`` and a leading ``(?:a|b)rest`` so that each phrase has one first word."""
    bars = _top_level(fragment, "|")
    if bars:
        bounds = [-1, *bars, len(fragment)]
        return [piece for lo, hi in zip(bounds, bounds[1:])
                for piece in _expand_head(fragment[lo + 1:hi])]
    if not fragment.startswith("(?:"):
        return [fragment]
    i = _top_level(fragment, ")")[0]
    head, rest = fragment[3:i], fragment[i + 1:]
    if rest[:1] == "?" and rest[1:2] not in _QUANTIFIERS:  # "(?:a )?rest": with and without
        rest = rest[1:]
        return [piece for choice in [*_expand_head(head), ""]
                for piece in _expand_head(choice + rest)]
    if rest[:1] in _QUANTIFIERS:
        return [fragment]
    return [piece for choice in _expand_head(head) for piece in _expand_head(choice + rest)]


def _first_words(phrase: str, lemmas: _Lemmas) -> tuple[bool, list[str]]:
    """What a phrase's first word is: (True, the words it can be) when they are known, or
    (False, stems) when the word goes on ("gays?", "psychiatr[a-z]*": a word starting with
    the stem); (False, [""]) when any word may start it."""
    head = _LEMMA_REF.match(phrase)
    if head:  # a verb first: every form of it, the word ending where the verb does
        lang, names = head.groups()
        forms = sorted(set().union(*(lemmas.forms[lang, name] for name in names.split("|"))))
        return phrase[head.end():][:1] in ("", " ", "("), forms
    regex = _convert(phrase)
    i = 0
    while i < len(regex) and regex[i].isalnum() and regex[i + 1:i + 2] not in _QUANTIFIERS:
        i += 1
    return regex[i:i + 2] in ("", " +"), [regex[:i]]


def _guard_regex(source: str, lemmas: _Lemmas) -> str:
    """A guard source as a regex that must end exactly where the candidate starts."""
    body = f"(?:{_with_lemmas(source, lemmas)})".replace(" ", _GUARD_SEPARATOR)
    return "(?<![a-z0-9])" + body + "[ ']*\\Z"


def _compile_guard(spec: str, compiled: dict[str, re.Pattern],
                   lemmas: _Lemmas) -> tuple[tuple, bool]:
    """The regexes (any may match) and the expected outcome (True = must match) of a spec."""
    wanted = not spec.startswith("!")
    names = spec.lstrip("!").split("|")
    for name in names:
        if name not in compiled:
            compiled[name] = re.compile(_guard_regex(GUARDS[name], lemmas))
    return tuple(compiled[name] for name in names), wanted


@dataclass(frozen=True)
class _Phrase:
    """One phrase of the lexicon, tried where a token could be its first word: its regex
    (the rest of the phrase, anchored at the token), its category, and its guards: ``guards``
    (any may match) must match or not as ``wanted`` says, else ``otherwise`` (guards, wanted,
    category) may give it another category ("son mari la frappe", "le voisin la frappe")."""

    regex: re.Pattern
    category: str
    guards: tuple = ()
    wanted: bool = True
    otherwise: tuple | None = None

    def category_at(self, norm: str, start: int) -> str | None:
        """The category when the guards allow the phrase at ``start``, else None."""
        if not self.guards:
            return self.category
        window = max(0, start - _GUARD_WINDOW)
        guards, wanted, category = self.guards, self.wanted, self.category
        found = any(guard.search(norm, window, start) for guard in guards)
        if found != wanted and self.otherwise is not None:
            guards, wanted, category = self.otherwise
            found = any(guard.search(norm, window, start) for guard in guards)
        return category if found == wanted else None


class _Lexicon:
    """The lexicon as phrases keyed by their first word: ``words`` by the whole word (a verb
    phrase under each of the verb's forms), ``stems`` by the first two letters of the start
    of a word that goes on, with that start ("psychiatr": "ps", ("psychiatr", phrase))."""

    def __init__(self) -> None:
        """Compile every term of TERMS, each alternative of its first word apart."""
        self.words: dict[str, list[_Phrase]] = {}
        self.stems: dict[str, list[_Phrase]] = {}
        lemmas = _Lemmas(_lexicon_lemmas(), _read_forms())
        guards: dict[str, tuple[tuple, bool]] = {}
        compiled: dict[str, re.Pattern] = {}
        for category, terms in TERMS.items():
            for term in terms:
                fragment, spec, *rest = (term, None) if isinstance(term, str) else term
                for one in (spec, *(other for other, _ in rest)):
                    if one and one not in guards:
                        guards[one] = _compile_guard(one, compiled, lemmas)
                guard, wanted = guards[spec] if spec else ((), True)
                otherwise = (*guards[rest[0][0]], rest[0][1]) if rest else None
                for phrase in _expand_head(fragment):
                    try:
                        regex = re.compile(f"(?:{_convert(_with_lemmas(phrase, lemmas))})"
                                           f"(?!{_WORD_CHAR})")
                    except re.error as error:
                        raise ValueError(f"bad {category} term {fragment!r}: {error}") from error
                    whole, keys = _first_words(phrase, lemmas)
                    entry = _Phrase(regex, category, guard, wanted, otherwise)
                    for key in keys:
                        if whole:
                            self.words.setdefault(key, []).append(entry)
                        else:
                            self.stems.setdefault(key[:2], []).append((key, entry))

    @lru_cache(maxsize=50_000)  # noqa: B019 (one lexicon, built once, for the process)
    def phrases(self, word: str) -> tuple[_Phrase, ...]:
        """The phrases that may start with ``word`` (remembered: words repeat)."""
        found = list(self.words.get(word, ()))
        for key in {word[:2], word[:1], ""}:
            found += [entry for stem, entry in self.stems.get(key, ()) if word.startswith(stem)]
        return tuple(found)


def _fragments() -> list[str]:
    """Every term's regex fragment, guard names left aside."""
    return [term if isinstance(term, str) else term[0]
            for terms in TERMS.values() for term in terms]


@lru_cache(maxsize=1)
def _build() -> _Lexicon:
    """The lexicon, compiled once a process at the first text screened (a worker that never
    screens a text never pays for it), or by gunicorn's master before it forks
    (``compile_lexicon``), so that the workers share it."""
    return _Lexicon()


def compile_lexicon() -> None:
    """Compile the lexicon now: gunicorn's master does, before forking its workers."""
    _build()


_TOKEN = re.compile(f"{_WORD_CHAR}+")


def find_sensitive(text: str, lang: str = "fr") -> list[Finding]:
    """Flag sensitive or judgemental words in ``text``; French and English are always screened.

    ``lang`` is the writer's interface language, a hint only: people mix languages.
    """
    if not text:
        return []
    norm, index = _normalise(text)
    lexicon, candidates = _build(), []
    for token in _TOKEN.finditer(norm):
        start = token.start()
        for phrase in lexicon.phrases(token.group()):
            match = phrase.regex.match(norm, start)
            if match:
                category = phrase.category_at(norm, start)
                if category:
                    candidates.append((start, match.end(), category))
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


def _regenerate(argv: list[str]) -> int:
    """``python -m association.screen --regenerate``: write FORMS_FILE from simplemma."""
    if argv != ["--regenerate"]:
        print(f"usage: {REGENERATE}", file=sys.stderr)
        return 2
    generated = dictionary_forms(_lexicon_lemmas())
    FORMS_FILE.write_text(_forms_json(generated), encoding="utf-8")
    count = sum(len(entry["forms"]) for entries in generated["lemmas"].values()
                for entry in entries.values())
    print(f"{FORMS_FILE}: {count} forms of {sum(map(len, generated['lemmas'].values()))} "
          f"lemmas from simplemma {generated['simplemma']}")
    return 0


if __name__ == "__main__":
    sys.exit(_regenerate(sys.argv[1:]))
