"""Benchmark of the sensitive-content screen: texts per second and time for a 2,000-char text.

Pure Python, no server: run with ``.venv/bin/python bench/screen.py`` from the repository root.
The machines are shared and noisy, so each figure is the best of several rounds (the least
disturbed one), and the import cost (compiling the lexicon) is shown apart.
"""
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT / "tests" / "corpus"
ROUNDS = 7


def corpus_texts(name: str) -> list[str]:
    """The texts of a corpus file, without comments or the category column."""
    lines = (CORPUS / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t")[-1] for line in lines if line.strip() and not line.startswith("#")]


def long_text(ordinary: list[str], sensitive: list[str], size: int = 2000) -> str:
    """About ``size`` characters of ordinary lines with three sensitive ones mixed in."""
    rng = random.Random(2012)
    lines = [rng.choice(ordinary) for _ in range(60)]
    for position, line in zip((3, 11, 19), rng.sample(sensitive, 3)):
        lines[position] = line
    return "\n".join(lines)[:size]


def best_mean(function, argument, repeat: int) -> float:
    """Best over ROUNDS of the mean seconds per call of ``function(argument)``."""
    means = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        for _ in range(repeat):
            function(argument)
        means.append((time.perf_counter() - start) / repeat)
    return min(means)


def main() -> None:
    """Measure and print a small table."""
    import association  # noqa: F401  (the package imports Flask: not the screen's cost)

    start = time.perf_counter()
    from association.screen import find_sensitive
    import_ms = (time.perf_counter() - start) * 1000

    ordinary = corpus_texts("ordinary.txt")
    sensitive = corpus_texts("sensitive.txt")
    corpus = ordinary + sensitive

    def screen_corpus(texts):
        for text in texts:
            find_sensitive(text)

    per_corpus = best_mean(screen_corpus, corpus, 20)
    text = long_text(ordinary, sensitive)
    ascii_text = text.encode("ascii", "ignore").decode()
    per_long = best_mean(find_sensitive, text, 500)
    per_ascii = best_mean(find_sensitive, ascii_text, 500)
    lengths = [len(t) for t in corpus]

    rows = [
        ("lexicon compiled at import", f"{import_ms:.0f} ms"),
        (f"corpus: {len(corpus)} texts, median {statistics.median(lengths):.0f} chars",
         f"{len(corpus) / per_corpus:,.0f} texts/s"),
        ("mean per corpus text", f"{per_corpus / len(corpus) * 1e6:.1f} µs"),
        (f"{len(text)}-char text (accents, {len(find_sensitive(text))} findings)",
         f"{per_long * 1e6:.0f} µs"),
        (f"{len(ascii_text)}-char text, ASCII only", f"{per_ascii * 1e6:.0f} µs"),
    ]
    width = max(len(label) for label, _ in rows)
    print(f"{'sensitive-content screen':<{width}}  best of {ROUNDS} rounds")
    print("-" * (width + 20))
    for label, value in rows:
        print(f"{label:<{width}}  {value:>16}")


if __name__ == "__main__":
    main()
