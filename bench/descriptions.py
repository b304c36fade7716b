"""Benchmark of an action's description at save time: the worst texts the form accepts
(at most 200 "[" or "<", 10,000 characters), against an ordinary 10,000-character text.

Python-Markdown scans on from each unclosed "[" (and "<") to the end of its paragraph, so the
time grows with brackets × length: the form's limits keep the worst case near half a second,
paid once when a volunteer saves (the page is stored, never rendered per request). Pure
Python: run ``.venv/bin/python bench/descriptions.py`` from the repository root; each time
is the best of a few rounds, and the ratio to the ordinary text is the one to compare. The
worst text is reported, the others in its note.

The same for a communiqué: the worst texts ``markup.too_complex`` still accepts (the suite
checks what they render to, tests/test_markup.py; how long they take is measured here).
"""
import time

from common import SMOKE, Figure, Target, print_table, rounds

from association.actions import MAX_BRACKETS, MAX_DESCRIPTION
from association.markup import MAX_BRACKETS as COMMUNIQUE_BRACKETS
from association.markup import render_markdown

ROUNDS = rounds(3)
N = MAX_BRACKETS


def texts() -> dict[str, str]:
    """The ordinary baseline and the hostile texts, each cut to the form's length limit."""
    ordinary = ("L'assemblée générale se tient **samedi** à la salle polyvalente ; venez "
                "nombreux, avec vos questions sur les charges.\n\n") * 100
    found = {
        "ordinary text (baseline)": ordinary,
        f"{N} unclosed '[' then text": "[" * N + "a" * MAX_DESCRIPTION,
        f"{N} '[' and {N} '<' then text": "[<" * N + "b" * MAX_DESCRIPTION,
        f"{N} '![' then text": "![" * N + "d" * MAX_DESCRIPTION,
        f"{N} '[x](' then text": "[x](" * N + "c " * MAX_DESCRIPTION,
        f"{N} '[a ' spread out": ("[" + "a " * 24) * N,
        f"{N} '<a ' then text": "<a " * N + "x" * MAX_DESCRIPTION,
    }
    return {name: text[:MAX_DESCRIPTION] for name, text in list(found.items())[:2 if SMOKE else None]}


def communique_texts() -> dict[str, str]:
    """An ordinary communiqué of about 90,000 characters, and the worst ones accepted."""
    words = "mot " * 24_000
    return dict(list({
        "ordinary communiqué (baseline)": ("Le bailleur annonce une **hausse** des charges ; "
                                           "nous la contestons.\n\n") * 1300,
        "19 unclosed '[' then 24,000 words": "[" * 19 + words,
        "19 '[a](' then 24,000 words": "[a](" * 19 + words,
        f"{COMMUNIQUE_BRACKETS // 2} '<b>' then 90,000 characters":
            "<b>x</b> " * (COMMUNIQUE_BRACKETS // 2) + "x" * 90_000,
        "a list 33 deep": "1. " * 33,
    }.items())[:2 if SMOKE else None])


def best_time(text: str) -> float:
    """The least disturbed of a few renderings, in seconds."""
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        render_markdown(text)
        times.append(time.perf_counter() - start)
    return min(times)


def figures() -> list[Figure]:
    """The worst hostile text's rendering time against the ordinary text's."""
    measured = {name: best_time(text) * 1000 for name, text in texts().items()}
    baseline_name, baseline = next(iter(measured.items()))
    hostile = {name: ms for name, ms in measured.items() if name != baseline_name}
    worst = max(hostile, key=hostile.get)
    return [Figure(f"action description, worst accepted text: {worst}", hostile[worst],
                   baseline, "ms", Target("≤", 1000, "value",
                                          "ours: paid once, when a volunteer saves"),
                   note="; ".join(f"{name} {ms:.0f} ms" for name, ms in hostile.items()
                                  if name != worst),
                   how=f"`render_markdown` in one process, best of {ROUNDS}",
                   baseline_name="an ordinary text of the same length"),
            _worst_communique()]


def _worst_communique() -> Figure:
    """The slowest communiqué ``too_complex`` accepts, against an ordinary long one."""
    measured = {name: best_time(text) * 1000 for name, text in communique_texts().items()}
    baseline_name, baseline = next(iter(measured.items()))
    hostile = {name: ms for name, ms in measured.items() if name != baseline_name}
    worst = max(hostile, key=hostile.get)
    return Figure(f"communiqué, worst text accepted: {worst}", hostile[worst], baseline, "ms",
                  Target("≤", 2000, "value", "ours: paid once, when an editor previews or saves"),
                  note="; ".join(f"{name} {ms:.0f} ms" for name, ms in hostile.items()
                                 if name != worst),
                  how=f"`render_markdown` in one process, best of {ROUNDS}",
                  baseline_name="an ordinary communiqué of about the same length")


if __name__ == "__main__":
    print_table(figures())
