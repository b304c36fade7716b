"""The fonts of the PDF letters, what they can draw, and the silence of the libraries that
draw with them.

A tenant writes their name and address in their own script. DejaVu Serif draws Latin (every
European and Vietnamese diacritic), Greek and Cyrillic; one font per script draws what it
lacks (fpdf2's fallback fonts: Arabic, Hebrew, Tamil, Bengali, Devanagari, Thai, Georgian,
Armenian, Chinese, Japanese), and HarfBuzz shapes them (Arabic joined and right to
left, Indic clusters). All are shipped in ``static/fonts/`` (their licences beside them).

fpdf2 logs every character a font lacks, in order, and Python's last-resort handler writes
that to stderr: a name would reach the server's log. So a letter is looked up in the fonts'
character maps before anything is drawn, and one holding a character that no font has is not
drawn at all (``fallbacks`` answers None); and while a letter is drawn, the loggers of fpdf2,
fontTools and Pillow are silenced (``quiet_libraries``), whatever they would have said.
"""
import logging
import threading
from contextlib import contextmanager
from functools import cache
from pathlib import Path

FONTS = Path(__file__).resolve().parent.parent / "static" / "fonts"
FAMILY = "DejaVuSerif"
MAIN = {"": "DejaVuSerif-lgc.ttf", "B": "DejaVuSerif-Bold-lgc.ttf"}
# One font per script, in the order fpdf2 tries them; each is added to a PDF only when the
# letter has a character that it alone draws first.
FALLBACKS = {
    "NotoNaskhArabic": "NotoNaskhArabic-Regular.ttf",
    "NotoSerifHebrew": "NotoSerifHebrew-Regular.ttf",
    "NotoSerifTamil": "NotoSerifTamil-Regular.ttf",
    "NotoSerifBengali": "NotoSerifBengali-Regular.ttf",
    "NotoSerifDevanagari": "NotoSerifDevanagari-Regular.ttf",
    "NotoSerifThai": "NotoSerifThai-Regular.ttf",
    "NotoSerifGeorgian": "NotoSerifGeorgian-Regular.ttf",
    "NotoSerifArmenian": "NotoSerifArmenian-Regular.ttf",
    "DroidSansFallback": "DroidSansFallback-cjk.ttf",
}
LAYOUT = frozenset("\n")  # what the layout acts on and never draws
LIBRARIES = ("fpdf", "fontTools", "PIL")  # their log records can quote the text they draw


@cache
def character_map(file_name: str) -> frozenset[int]:
    """The code points a font of ``static/fonts/`` has a glyph for (read once a process)."""
    from fontTools.ttLib import TTFont  # with the first letter: fontTools is heavy

    with TTFont(FONTS / file_name, lazy=True) as font:
        return frozenset(font.getBestCmap())


@cache
def _main_map() -> frozenset[int]:
    # Regular and bold alike: a character counts as DejaVu's only if both styles have it.
    return character_map(MAIN[""]) & character_map(MAIN["B"])


def fallbacks(text: str) -> list[str] | None:
    """The fallback fonts ``text`` needs, in fpdf2's order; None when a character of it is
    in no font (the text must then not be drawn)."""
    main, needed = _main_map(), set()
    for char in set(text) - LAYOUT:
        code = ord(char)
        if code in main:
            continue
        font = next((name for name, file_name in FALLBACKS.items()
                     if code in character_map(file_name)), None)
        if font is None:
            return None
        needed.add(font)
    return [name for name in FALLBACKS if name in needed]


_lock = threading.Lock()
_drawing = 0
_levels: dict[str, int] = {}


def _library_loggers() -> list[logging.Logger]:
    names = [name for name in list(logging.root.manager.loggerDict)
             if any(name == top or name.startswith(top + ".") for top in LIBRARIES)]
    return [logging.getLogger(name) for name in {*LIBRARIES, *names}]


@contextmanager
def quiet_libraries():
    """While the block runs, fpdf2, fontTools and Pillow log nothing at all, in any thread
    (their loggers and any child logger with a level of its own are raised above CRITICAL;
    the first block in restores nothing until the last one out)."""
    global _drawing
    with _lock:
        if _drawing == 0:
            for logger in _library_loggers():
                _levels[logger.name] = logger.level
                logger.setLevel(logging.CRITICAL + 1)
        _drawing += 1
    try:
        yield
    finally:
        with _lock:
            _drawing -= 1
            if _drawing == 0:
                for logger in _library_loggers():
                    logger.setLevel(_levels.pop(logger.name, logging.NOTSET))
