"""Members' photos of grievances: accept plain photos only, and keep nothing but their pixels.

A photo arrives as untrusted bytes. Its format is judged by its first bytes (never by its name
or declared content type); only JPEG, PNG and WebP are decoded, and only after the header shows
a sane pixel count. The upright first frame is flattened onto white, scaled to ``MAX_SIDE`` and
encoded afresh as a JPEG from its pixels alone, so EXIF (GPS, camera serial), XMP, ICC profiles,
comments and text chunks have nowhere to ride along. The result is then checked, through Pillow
and byte by byte; anything unexpected refuses the photo (fail closed).

Why one output format: these photos are evidence (mould, a broken lift) shown on a page and
printed in letters; transparency means nothing there and white is what paper is. One format
means one encoder and one verifier to trust, and a predictable size.

Pure shared core: the standard library and Pillow, no Flask, no capability.
"""
import io
import os
import re
import secrets
import struct
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

MAX_BYTES = 10 * 1024 * 1024
MAX_SIDE = 2000
# Stricter than Pillow's own limit (about 89 MP): a 40 MP RGB image already needs 120 MB to
# decode. Phones save 12 to 24 MP by default.
MAX_PIXELS = 40_000_000
JPEG_QUALITY = 85
EXTENSIONS = {"jpg": "image/jpeg"}  # stored extension -> media type

# English explanations, for logs and tests; views choose a translated message by ``code``.
REASONS = {
    "too_large": "The file is larger than 10 MB.",
    "not_an_image": "The file is not an image.",
    "unsupported_format": "Only JPEG, PNG and WebP photos are accepted.",
    "too_many_pixels": f"The image has more than {MAX_PIXELS:,} pixels.",
    "damaged": "The image is damaged or incomplete.",
    "metadata": "The photo's hidden information (location, camera) could not be removed.",
}


class PhotoRefused(ValueError):
    """A photo that is not kept; ``code`` (a key of ``REASONS``) says why, for the view."""

    def __init__(self, code: str, detail: str = ""):
        if code not in REASONS:
            raise ValueError(f"unknown refusal code {code!r}; expected one of {sorted(REASONS)}")
        super().__init__(f"{REASONS[code]} ({detail})" if detail else REASONS[code])
        self.code = code


@dataclass(frozen=True)
class CleanPhoto:
    """A re-encoded photo that carries pixels only, ready to be saved."""

    data: bytes
    extension: str
    media_type: str
    width: int
    height: int


def clean_photo(data: bytes) -> CleanPhoto:
    """Re-encode an uploaded photo without any metadata, or raise ``PhotoRefused``."""
    if not data:
        raise PhotoRefused("not_an_image", "empty file")
    if len(data) > MAX_BYTES:
        raise PhotoRefused("too_large")
    image = _decode(data, _sniff(data))
    encoded = _encode(image)
    verify_clean(encoded)
    return CleanPhoto(encoded, "jpg", EXTENSIONS["jpg"], image.width, image.height)


# --- recognising the format -------------------------------------------------------------------

# Formats people may send that we do not take, so that the message can say which ones we do:
# GIF, TIFF (and BigTIFF), BMP, Photoshop, JPEG XL (bare and boxed), JPEG 2000.
_UNSUPPORTED_SIGNATURES = (b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*", b"II+\x00", b"BM",
                           b"8BPS", b"\xff\x0a", b"\x00\x00\x00\x0cJXL ", b"\x00\x00\x00\x0cjP  ")


def _sniff(data: bytes) -> str:
    """The Pillow format of an accepted photo, judged by its first bytes only."""
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    head = data[:4096]
    if (head.startswith(_UNSUPPORTED_SIGNATURES)
            or head[4:8] == b"ftyp"  # ISO media: HEIC, HEIF, AVIF (and videos)
            or b"<svg" in head.lower()):
        raise PhotoRefused("unsupported_format")
    raise PhotoRefused("not_an_image")


# --- decoding ---------------------------------------------------------------------------------

# What Pillow's parsers raise on broken input, besides its own UnidentifiedImageError (OSError).
_DAMAGED = (OSError, SyntaxError, ValueError, EOFError, IndexError, struct.error)


def _decode(data: bytes, fmt: str) -> Image.Image:
    """The upright first frame, opaque RGB, longest side at most MAX_SIDE."""
    image = _open(data, fmt)
    if image.width * image.height > MAX_PIXELS:
        raise PhotoRefused("too_many_pixels", f"{image.width}x{image.height}")
    try:
        # JPEG only (a no-op elsewhere): libjpeg decodes at 1/2, 1/4 or 1/8 scale, still at
        # least the final size, so a big phone photo never occupies full memory.
        image.draft(None, _fitted(image.size))
        image.load()  # frame 0: an animated PNG or WebP gives its first frame
        # Apply the EXIF orientation while we still have it, so the photo stays upright.
        upright = ImageOps.exif_transpose(image)
        return _resized(_opaque_rgb(upright))
    except _DAMAGED as error:
        raise PhotoRefused("damaged", type(error).__name__) from error


def _open(data: bytes, fmt: str) -> Image.Image:
    """Read the header only, with the one parser that the first bytes named."""
    try:
        with warnings.catch_warnings():
            # Between about 89 and 179 MP Pillow only warns; MAX_PIXELS, checked right after
            # this, is stricter, so the warning says nothing we do not act on. (catch_warnings
            # is process-wide; gunicorn's sync workers serve one request at a time.)
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            return Image.open(io.BytesIO(data), formats=[fmt])
    except Image.DecompressionBombError as error:
        raise PhotoRefused("too_many_pixels") from error
    except _DAMAGED as error:
        raise PhotoRefused("damaged", type(error).__name__) from error


_SIXTEEN_BIT_GREY = {"I", "I;16", "I;16B", "I;16L", "I;16N"}


def _opaque_rgb(image: Image.Image) -> Image.Image:
    """8-bit RGB: 16-bit grey scaled down, CMYK converted, transparency flattened onto white."""
    if image.mode in _SIXTEEN_BIT_GREY:
        # convert("L") would clip 0..65535 at 255 and give a white photo: scale instead.
        image = image.convert("I").point(lambda value: value / 256).convert("L")
    if image.has_transparency_data:
        rgba = image.convert("RGBA")  # also resolves palette and colour-key transparency
        flat = Image.new("RGB", rgba.size, "white")
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    return image.convert("RGB")


def _fitted(size: tuple[int, int]) -> tuple[int, int]:
    """``size`` scaled down so that its longest side is at most MAX_SIDE."""
    width, height = size
    longest = max(width, height)
    if longest <= MAX_SIDE:
        return size
    ratio = MAX_SIDE / longest
    return max(1, round(width * ratio)), max(1, round(height * ratio))


def _resized(image: Image.Image) -> Image.Image:
    """The image scaled down to fit MAX_SIDE, unchanged when it already fits."""
    target = _fitted(image.size)
    return image if target == image.size else image.resize(target, Image.Resampling.LANCZOS)


def _encode(image: Image.Image) -> bytes:
    """A JPEG made from the pixels alone."""
    # A new image has an empty ``info``: Pillow copies ``info`` through transpose and resize
    # and reuses some of it (ICC profile) when saving, so nothing of the upload may reach save.
    pixels = Image.frombytes("RGB", image.size, image.tobytes())
    out = io.BytesIO()
    pixels.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return out.getvalue()


# --- verifying the result ---------------------------------------------------------------------

_SOI, _EOI, _SOS, _APP0 = 0xD8, 0xD9, 0xDA, 0xE0
# The segments a plain JPEG needs: frame headers (baseline, extended, progressive), Huffman and
# quantisation tables, restart interval, scan header, JFIF. Everything else is refused, notably
# APP1..APP15 (EXIF, XMP, ICC, Photoshop/IPTC, maker data) and COM (comments).
_ALLOWED_SEGMENTS = {0xC0, 0xC1, 0xC2, 0xC4, 0xDB, 0xDD, _SOS, _APP0}
# What Pillow reports about a bare JPEG: its JFIF header and how it was encoded.
_PLAIN_INFO = {"jfif", "jfif_version", "jfif_unit", "jfif_density", "dpi",
               "progressive", "progression"}


def verify_clean(data: bytes) -> None:
    """Raise ``PhotoRefused("metadata")`` unless ``data`` is a JPEG carrying pixels only."""
    for marker, payload in _jpeg_segments(data):
        if marker not in _ALLOWED_SEGMENTS:
            raise PhotoRefused("metadata", f"segment FF{marker:02X}")
        # A JFIF header of exactly 14 bytes has a 0x0 thumbnail: no second, unrotated copy.
        if marker == _APP0 and not (payload.startswith(b"JFIF\x00") and len(payload) == 14):
            raise PhotoRefused("metadata", "APP0 is not a bare JFIF header")
    _verify_reopened(data)


def _verify_reopened(data: bytes) -> None:
    """Second opinion from Pillow: the file decodes and shows no metadata at all."""
    try:
        with Image.open(io.BytesIO(data), formats=["JPEG"]) as image:
            image.load()
            exif, info, applist = image.getexif(), set(image.info), image.applist
    except _DAMAGED as error:
        raise PhotoRefused("metadata", "the re-encoded photo does not decode") from error
    if len(exif) or not info <= _PLAIN_INFO or [name for name, _ in applist] != ["APP0"]:
        raise PhotoRefused("metadata", "Pillow still sees metadata")


def _jpeg_segments(data: bytes):
    """Yield ``(marker, payload)`` for every segment of a JPEG, skipping the coded scans."""
    if not data.startswith(b"\xff\xd8"):
        raise PhotoRefused("metadata", "not a JPEG")
    pos = 2
    while True:
        if pos >= len(data) or data[pos] != 0xFF:
            raise PhotoRefused("metadata", f"no marker at byte {pos}")
        while pos < len(data) and data[pos] == 0xFF:  # fill bytes may precede a marker
            pos += 1
        if pos >= len(data):
            raise PhotoRefused("metadata", "ends inside a marker")
        marker = data[pos]
        pos += 1
        if marker == _EOI:
            if pos != len(data):  # a classic place to hide data that viewers ignore
                raise PhotoRefused("metadata", "bytes after the end of the image")
            return
        length = int.from_bytes(data[pos:pos + 2], "big")
        if length < 2 or pos + length > len(data):
            raise PhotoRefused("metadata", f"segment FF{marker:02X} overruns the file")
        yield marker, data[pos + 2:pos + length]
        pos += length
        if marker == _SOS:
            pos = _after_scan(data, pos)


def _after_scan(data: bytes, pos: int) -> int:
    """Position of the first marker after entropy-coded data that starts at ``pos``."""
    while True:
        pos = data.find(b"\xff", pos)
        if pos < 0 or pos + 1 >= len(data):
            raise PhotoRefused("metadata", "scan without an end")
        following = data[pos + 1]
        # FF00 is an escaped data byte and FFD0..FFD7 a restart marker: both belong to the scan.
        if following == 0x00 or 0xD0 <= following <= 0xD7:
            pos += 2
        else:
            return pos


# --- storing ----------------------------------------------------------------------------------

_STORED_NAME = re.compile(r"[0-9a-f]{32}\.(?:%s)" % "|".join(EXTENSIONS))


def random_name(extension: str) -> str:
    """A fresh unguessable file name (128 random bits in hex) with ``extension``."""
    if extension not in EXTENSIONS:
        raise ValueError(f"unknown photo extension {extension!r}; expected one of "
                         f"{sorted(EXTENSIONS)}")
    return f"{secrets.token_hex(16)}.{extension}"


def safe_path(directory: Path, name: str) -> Path:
    """The path of stored photo ``name`` in ``directory``; any other name is refused."""
    # Only names that random_name could have made: no separator, no "..", nothing absolute.
    if not isinstance(name, str) or not _STORED_NAME.fullmatch(name):
        raise ValueError(f"not a stored photo name: {name!r}")
    return Path(directory) / name


def save(directory: Path, photo: CleanPhoto) -> str:
    """Write ``photo`` under a random name in ``directory`` (mode 0600), returning the name."""
    directory = Path(directory)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    name = random_name(photo.extension)
    # mkstemp creates the file 0600 in the same directory, so that os.replace is atomic: a
    # reader never sees half a photo, and a crash leaves at most a dot-file behind.
    fd, temporary = tempfile.mkstemp(dir=directory, prefix=".upload-", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(photo.data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, safe_path(directory, name))
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _fsync_directory(directory)
    return name


def _fsync_directory(directory: Path) -> None:
    """Make the new directory entry durable, so a saved name still exists after a crash."""
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
