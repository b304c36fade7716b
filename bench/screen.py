"""Benchmark of the sensitive-content screen: texts per second and time for a 2,000-char text.

Pure Python, no server: run with ``.venv/bin/python bench/screen.py`` from the repository root.
The machines are shared and noisy, so each figure is the best of several rounds (the least
disturbed one). The start-up cost is measured in fresh processes: the time to import the
screen (compiling the lexicon), with the share of it spent on the verb forms (read from
``association/data/screen_forms.json`` and completed by rules; simplemma is not loaded), and
the memory the screen adds (peak resident size after building it, minus before). Recall and
false alarms follow for each corpus: the one the lexicon grew from, the fresh one written
before lemmatised matching (then used to improve it), and fresh2, written after it and never
tuned against.
"""
import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT / "tests" / "corpus"
ROUNDS = 7
# (sensitive lines, ordinary lines) of each corpus, as in tests/test_screen.py
CORPORA = (("sensitive.txt", "ordinary.txt"), ("fresh_sensitive.txt", "fresh_ordinary.txt"),
           ("fresh2_sensitive.txt", "fresh2_ordinary.txt"))


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


def quality(find_sensitive, sensitive: str, ordinary: str) -> str:
    """Recall on a sensitive corpus and false-alarm rate on its ordinary companion."""
    lines = (CORPUS / sensitive).read_text(encoding="utf-8").splitlines()
    pairs = [line.split("\t", 1) for line in lines if line.strip() and not line.startswith("#")]
    caught = sum(category in {f.category for f in find_sensitive(text)}
                 for category, text in pairs)
    plain = corpus_texts(ordinary)
    flagged = sum(bool(find_sensitive(text)) for text in plain)
    return (f"recall {caught / len(pairs):.3f} ({caught}/{len(pairs)}), "
            f"false alarms {flagged / len(plain):.3f} ({flagged}/{len(plain)})")


def best_mean(function, argument, repeat: int) -> float:
    """Best over ROUNDS of the mean seconds per call of ``function(argument)``."""
    means = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        for _ in range(repeat):
            function(argument)
        means.append((time.perf_counter() - start) / repeat)
    return min(means)


# Run in a fresh interpreter: what building the screen costs a starting process (Flask and
# the package are imported first: not the screen's cost). Peak resident size is VmHWM where
# Linux has it (ru_maxrss keeps the peak of the process that forked this one, when larger).
_START = """
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])

def peak_kb():
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

import association
before = peak_kb()
start = time.perf_counter()
from association import screen
import_ms = (time.perf_counter() - start) * 1000
start = time.perf_counter()
screen._Lemmas(screen._lexicon_lemmas(), screen._read_forms())
lemmas_ms = (time.perf_counter() - start) * 1000
after = peak_kb()
print(json.dumps([import_ms, lemmas_ms, (after - before) / 1024, after / 1024,
                  any(name.split(".")[0] == "simplemma" for name in sys.modules)]))
"""


def start_up() -> tuple[float, float, float, float, bool]:
    """Over ROUNDS fresh processes: best import and verb-form times (ms), median memory the
    screen adds and peak size (MB), and whether simplemma was loaded."""
    runs = [json.loads(subprocess.run([sys.executable, "-c", _START, str(ROOT)], check=True,
                                      capture_output=True, text=True).stdout)
            for _ in range(ROUNDS)]
    import_ms, lemmas_ms, grown, peak, simplemma = zip(*runs)
    return (min(import_ms), min(lemmas_ms), statistics.median(grown), statistics.median(peak),
            any(simplemma))


def main() -> None:
    """Measure and print a small table."""
    import_ms, lemmas_ms, grown_mb, peak_mb, simplemma = start_up()
    from association.screen import find_sensitive

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
        ("lexicon compiled at import (fresh process)", f"{import_ms:.0f} ms"),
        ("  of which verb forms (data file and rules)", f"{lemmas_ms:.0f} ms"),
        ("memory added by the screen (peak RSS)", f"{grown_mb:.1f} MB"),
        ("  process peak RSS after building it", f"{peak_mb:.1f} MB"),
        ("simplemma loaded at run time", "yes" if simplemma else "no"),
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
    print()
    for sensitive, ordinary in CORPORA:
        name = sensitive.removesuffix("sensitive.txt").replace("_", " ") or "lexicon's "
        print(f"{name}corpus: {quality(find_sensitive, sensitive, ordinary)}")


if __name__ == "__main__":
    main()
