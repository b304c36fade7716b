"""Members' photos of grievances: accept plain photos only, and keep nothing but their pixels.

A photo arrives as untrusted bytes. Its format is judged by its first bytes (never by its name
or declared content type); only JPEG, PNG and WebP are decoded, and only after our own reading
of its header (dimensions, bit depth, frames: a few hundred bytes, no Pillow) shows that decoding
it costs what a phone photo costs (see ``LIMITS``). A report's photos are all judged this way
before any of them is decoded, and a worker process decodes ``DECODES_AT_ONCE`` photo at a time,
so a flood of hostile files costs header reads, not gigabytes. The upright first frame is
brought near its final size while it decodes (JPEG ``draft``) or right after (``reduce``),
flattened onto white, scaled to ``MAX_SIDE`` and
encoded afresh as a JPEG from its pixels alone, so EXIF (GPS, camera serial), XMP, ICC profiles,
comments and text chunks have nowhere to ride along. The result is then checked, through Pillow
and byte by byte; anything unexpected refuses the photo (fail closed).

Why one output format: these photos are evidence (mould, a broken lift) shown on a page and
printed in letters; transparency means nothing there and white is what paper is. One format
means one encoder and one verifier to trust, and a predictable size.

Pure shared core: the standard library and Pillow, no Flask, no capability. Pillow is imported
by the first photo a worker decodes, not with the app.
"""
from __future__ import annotations

import io
import os
import re
import secrets
import struct
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image

MAX_BYTES = 10 * 1024 * 1024
MAX_SIDE = 2000
JPEG_QUALITY = 85

# The most pixels a photo may have, by what decoding it costs: at most about 110 MB of memory
# for one decode, measured (bench/photos.py). Each stays under Pillow's own limit (89 MP), so
# Pillow never warns.
LIMITS = {
    # A phone photo: 12 to 50 MP of 8-bit sequential JPEG (50 MP sensors save 8160x6144, which
    # is 50.1 MP; HEIC is shared as such a JPEG). libjpeg decodes it at 1/2 to 1/8 scale
    # (``draft``), so even the largest holds about 2000x1500 pixels: about 50 MB in all.
    "JPEG": 52_000_000,
    # Progressive JPEG (editors, the web; not phones): libjpeg keeps every coefficient of the
    # whole image until the last scan, whatever the scale: up to 6 bytes a pixel.
    "JPEG progressive": 16_000_000,
    # PNG decodes at full size, 4 bytes a pixel, before ``reduce``: a 5K screenshot is 14.7 MP,
    # a phone's 3 to 5 MP. WebP costs about 20 bytes a pixel (its decoder's two canvases, then
    # copies): a phone screenshot, not a camera photo.
    "PNG": 16_000_000,
    "WEBP": 5_000_000,
    # 16 bits a channel (editors only): twice as much to inflate, and 16-bit grey needs a
    # 32-bit copy before it can be reduced.
    "PNG 16-bit": 8_000_000,
}
# A photo is one frame. A phone's JPEG may carry a second picture (HDR gain map, depth map:
# MPO) that is never decoded; an animated PNG or WebP keeps its first frame, but a file of more
# frames than this is an animation or a video, not a photo.
MAX_FRAMES = 8
# Photos decoded at the same time by one worker process (gunicorn runs threads): what bounds
# its memory. Waiting here holds no database lock: the view counts the attempt, commits, then
# cleans the photos, and writes the report afterwards.
DECODES_AT_ONCE = 1
_DECODING = threading.BoundedSemaphore(DECODES_AT_ONCE)
EXTENSIONS = {"jpg": "image/jpeg"}  # stored extension -> media type

# English explanations, for logs and tests; views choose a translated message by ``code``.
REASONS = {
    "too_large": "The file is larger than 10 MB.",
    "not_an_image": "The file is not an image.",
    "unsupported_format": "Only JPEG, PNG and WebP photos are accepted.",
    "too_many_pixels": "The image has more pixels than its format and bit depth allow.",
    "animated": f"The file holds more than {MAX_FRAMES} images (an animation or a video).",
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


@dataclass(frozen=True)
class Header:
    """What a photo's header says, read without decoding anything."""

    format: str  # Pillow's name: JPEG, PNG or WEBP
    width: int
    height: int
    bits: int = 8  # per channel
    frames: int = 1
    progressive: bool = False

    @property
    def kind(self) -> str:
        """The key of ``LIMITS`` that applies."""
        if self.bits > 8:
            return f"{self.format} 16-bit"
        return "JPEG progressive" if self.progressive else self.format


def clean_photo(data: bytes) -> CleanPhoto:
    """Re-encode an uploaded photo without any metadata, or raise ``PhotoRefused``."""
    return clean_photos([data])[0]


def clean_photos(uploads: list[bytes]) -> list[CleanPhoto]:
    """Re-encode a report's photos, or raise ``PhotoRefused`` for the first one refused: every
    header is judged before any photo is decoded, so one bad file costs no decode at all."""
    headers = [inspect(data) for data in uploads]
    return [_cleaned(data, header) for data, header in zip(uploads, headers)]


def inspect(data: bytes) -> Header:
    """The photo's header, if decoding it stays within ``LIMITS`` and ``MAX_FRAMES``; else
    ``PhotoRefused``. Reads a few hundred bytes: nothing is decoded."""
    if not data:
        raise PhotoRefused("not_an_image", "empty file")
    if len(data) > MAX_BYTES:
        raise PhotoRefused("too_large")
    header = _HEADER_READERS[_sniff(data)](data)
    if not header.width or not header.height:
        raise PhotoRefused("damaged", "no size in the header")
    if header.bits not in (1, 2, 4, 8, 16) or (header.bits > 8 and header.format != "PNG"):
        raise PhotoRefused("damaged", f"{header.bits} bits a channel")
    if header.frames > MAX_FRAMES:
        raise PhotoRefused("animated", f"{header.frames} frames")
    if header.width * header.height > LIMITS[header.kind]:
        raise PhotoRefused("too_many_pixels",
                           f"{header.width}x{header.height}, {header.kind}")
    return header


def _cleaned(data: bytes, header: Header) -> CleanPhoto:
    """Decode, re-encode and verify one photo whose header was judged, one decode at a time."""
    with _DECODING:
        image = _decode(data, header)
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


# --- reading headers ---------------------------------------------------------------------------

# A photo has a few dozen header segments or chunks at most (JPEG before its frame: JFIF, EXIF,
# XMP, ICC, MPF, tables; PNG before its pixels: IHDR, colour, density, a few texts; WebP: VP8X,
# ICC, EXIF, XMP, its frames): reading further is time that a flood of tiny ones would buy.
_MAX_CHUNKS = 64


def _u16be(data: bytes, pos: int) -> int:
    """The big-endian 16-bit number at ``pos`` (a JPEG length or dimension)."""
    if pos + 2 > len(data):
        raise PhotoRefused("damaged", "header cut short")
    return int.from_bytes(data[pos:pos + 2], "big")


# SOFn markers: C0, C1 sequential; C2 progressive; C3 lossless; C5..C7 hierarchical;
# C9..CB, CD..CF the same with arithmetic coding. C4 (DHT), C8 (JPG) and CC (DAC) are not frames.
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
_PROGRESSIVE = {0xC2, 0xC6, 0xCA, 0xCE}


def _jpeg_header(data: bytes) -> Header:
    """Size, precision and kind from the JPEG's frame header (SOFn), the segments before it
    skipped by their lengths. Other pictures of an MPO (gain map, depth map) are not counted:
    they are never decoded."""
    pos = 2
    for _ in range(_MAX_CHUNKS):
        while pos < len(data) and data[pos] == 0xFF:  # the marker, after any fill bytes
            pos += 1
        if pos >= len(data) or data[pos - 1] != 0xFF:
            raise PhotoRefused("damaged", "no frame header")
        marker = data[pos]
        if marker in _SOF:
            precision = data[pos + 3] if pos + 3 < len(data) else 0
            return Header("JPEG", width=_u16be(data, pos + 6), height=_u16be(data, pos + 4),
                          bits=precision, progressive=marker in _PROGRESSIVE)
        if marker in (0xD9, 0xDA):  # the image ends, or its scan starts, before any frame
            raise PhotoRefused("damaged", "no frame header")
        pos += 1 + (0 if 0xD0 <= marker <= 0xD8 or marker == 0x01 else _u16be(data, pos + 1))
    raise PhotoRefused("damaged", f"more than {_MAX_CHUNKS} segments before the frame header")


_PNG_BITS = {0: (1, 2, 4, 8, 16), 2: (8, 16), 3: (1, 2, 4, 8), 4: (8, 16), 6: (8, 16)}


def _png_header(data: bytes) -> Header:
    """Size, bit depth and frames from the PNG's IHDR and, for an animated PNG, its acTL
    (both come before the first image data)."""
    if data[12:16] != b"IHDR" or len(data) < 33:
        raise PhotoRefused("damaged", "no IHDR")
    width, height, bits, colour = struct.unpack(">IIBB", data[16:26])
    if bits not in _PNG_BITS.get(colour, ()):
        raise PhotoRefused("damaged", f"bit depth {bits} with colour type {colour}")
    frames = 1
    for kind, start, length in _chunks(data, 8, riff=False):
        if kind in (b"IDAT", b"IEND"):
            break
        if kind == b"acTL" and length >= 4:
            frames = max(1, int.from_bytes(data[start:start + 4], "big"))
    return Header("PNG", width, height, bits=bits, frames=frames)


def _chunks(data: bytes, pos: int, riff: bool):
    """Yield ``(kind, start of data, length)`` for the chunks of a PNG (length, kind, data,
    CRC) or of a RIFF file such as WebP (kind, little-endian length, data padded to even)."""
    for _ in range(_MAX_CHUNKS):
        if pos + 8 > len(data):
            return
        if riff:
            kind, length = data[pos:pos + 4], int.from_bytes(data[pos + 4:pos + 8], "little")
        else:
            length, kind = int.from_bytes(data[pos:pos + 4], "big"), data[pos + 4:pos + 8]
        yield kind, pos + 8, length
        pos += 8 + length + (length & 1 if riff else 4)
    raise PhotoRefused("damaged", f"more than {_MAX_CHUNKS} chunks before the pixels")


def _webp_header(data: bytes) -> Header:
    """Size and frames of a WebP, from its first chunk (VP8, VP8L or VP8X) and its ANMF
    chunks. Pillow's WebP decoder allocates its canvas when the file is opened, so this is
    read first."""
    chunk = data[12:16]
    if chunk == b"VP8X" and len(data) >= 30:
        width = int.from_bytes(data[24:27], "little") + 1
        height = int.from_bytes(data[27:30], "little") + 1
    elif chunk == b"VP8L" and len(data) >= 25 and data[20] == 0x2F:
        bits = int.from_bytes(data[21:25], "little")
        width, height = (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    elif chunk == b"VP8 " and len(data) >= 30 and data[23:26] == b"\x9d\x01\x2a":
        width = int.from_bytes(data[26:28], "little") & 0x3FFF
        height = int.from_bytes(data[28:30], "little") & 0x3FFF
    else:
        raise PhotoRefused("damaged", "no WebP frame header")
    frames = 0
    if chunk == b"VP8X" and data[20] & 0x02:  # the animation flag: count the frames
        for kind, _start, _length in _chunks(data, 12, riff=True):
            frames += kind == b"ANMF"
            if frames > MAX_FRAMES:
                break
    return Header("WEBP", width, height, frames=max(frames, 1))


_HEADER_READERS = {"JPEG": _jpeg_header, "PNG": _png_header, "WEBP": _webp_header}


# --- decoding ---------------------------------------------------------------------------------

# What Pillow's parsers raise on broken input, besides its own UnidentifiedImageError (OSError).
_DAMAGED = (OSError, SyntaxError, ValueError, EOFError, IndexError, struct.error)


def _decode(data: bytes, header: Header) -> Image.Image:
    """The upright first frame, opaque RGB, longest side at most MAX_SIDE."""
    from PIL import ImageOps


    image = _open(data, header)
    try:
        # JPEG only (a no-op elsewhere): libjpeg decodes at 1/2, 1/4 or 1/8 scale, still at
        # least the final size, so a big phone photo never occupies full memory.
        image.draft(None, _fitted(image.size))
        image.load()  # frame 0: an animated PNG or WebP gives its first frame
        image = _shrunk(image)
        # Apply the EXIF orientation while we still have it (``reduce`` and ``convert`` keep
        # it), so the photo stays upright; in place, as a copy is one more image in memory.
        ImageOps.exif_transpose(image, in_place=True)
        return _resized(_opaque_rgb(image))
    except _DAMAGED as error:
        raise PhotoRefused("damaged", type(error).__name__) from error


def _open(data: bytes, header: Header) -> Image.Image:
    """Read the header with the one parser that the first bytes named; it must see the size
    that ``inspect`` judged."""
    from PIL import Image


    try:
        image = Image.open(io.BytesIO(data), formats=[header.format])
    except Image.DecompressionBombError as error:  # a second frame header, say
        raise PhotoRefused("too_many_pixels") from error
    except _DAMAGED as error:
        raise PhotoRefused("damaged", type(error).__name__) from error
    if image.size != (header.width, header.height):
        raise PhotoRefused("damaged", f"Pillow reads {image.size}, the header said "
                                      f"{header.width}x{header.height}")
    return image


# Modes that Image.reduce averages as they are (not palette indices, not 16-bit grey).
_REDUCIBLE = {"L", "LA", "RGB", "RGBA", "CMYK", "I"}


def _shrunk(image: Image.Image) -> Image.Image:
    """A full-size decode (PNG, WebP) box-reduced by a whole factor, still at least the final
    size, before the copies that flattening makes; a JPEG drafted to size is left as is."""
    factor = max(image.size) // MAX_SIDE
    if factor < 2:
        return image
    if image.mode in _SIXTEEN_BIT_GREY:
        image = image.convert("I")
    elif image.has_transparency_data and image.mode not in ("LA", "RGBA"):
        image = image.convert("RGBA")  # palette and colour-key transparency become alpha
    elif image.mode not in _REDUCIBLE:
        image = image.convert("RGB")
    return image.reduce(factor)


_SIXTEEN_BIT_GREY = {"I", "I;16", "I;16B", "I;16L", "I;16N"}


def _opaque_rgb(image: Image.Image) -> Image.Image:
    """8-bit RGB: 16-bit grey scaled down, CMYK converted, transparency flattened onto white."""
    from PIL import Image


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
    from PIL import Image


    target = _fitted(image.size)
    return image if target == image.size else image.resize(target, Image.Resampling.LANCZOS)


def _encode(image: Image.Image) -> bytes:
    """A JPEG made from the pixels alone."""
    from PIL import Image


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
    from PIL import Image


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
