"""Benchmark of an action's description at save time: the worst texts the form accepts
(at most 200 "[" or "<", 10,000 characters), against an ordinary 10,000-character text.

Python-Markdown scans on from each unclosed "[" (and "<") to the end of its paragraph, so the
time grows with brackets × length: the form's limits keep the worst case near half a second,
paid once when a volunteer saves (the page is stored, never rendered per request). Pure
Python: run ``.venv/bin/python bench/descriptions.py`` from the repository root; each figure
is the best of a few rounds, and the ratio to the ordinary text is the one to compare.
"""
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from association.actions.forms import MAX_BRACKETS, MAX_DESCRIPTION  # noqa: E402
from association.markup import render_markdown  # noqa: E402

ROUNDS = 3
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
    return {name: text[:MAX_DESCRIPTION] for name, text in found.items()}


def best_time(text: str) -> float:
    """The least disturbed of a few renderings, in seconds."""
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        render_markdown(text)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    """Render each text and print its time and its ratio to the ordinary text."""
    measured = {name: best_time(text) for name, text in texts().items()}
    baseline = next(iter(measured.values()))
    print(f"{'description (10,000 characters at most)':<40}{'ms':>10}{'ratio':>10}")
    for name, seconds in measured.items():
        print(f"{name:<40}{seconds * 1000:>10.0f}{seconds / baseline:>10.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
