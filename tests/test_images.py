"""Members' photos: refused when they are not plain photos, stored with pixels only."""
import ast
import inspect
import io
import os
import random
import stat
import struct
import sys
import warnings
from pathlib import Path

import pytest
from PIL import ExifTags, Image, ImageFile, PngImagePlugin, WebPImagePlugin

from association import images
from association.images import MAX_BYTES, MAX_SIDE, PhotoRefused, clean_photo

XMP = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description '
       b'photoshop:City="Secret-City"/></rdf:RDF></x:xmpmeta>')
COMMENT = b"appartement 4B, Mme Secret"
CAMERA = "SecretCam 3000"


def encode(image, fmt, **params):
    """The bytes of ``image`` saved as ``fmt``."""
    out = io.BytesIO()
    image.save(out, fmt, **params)
    return out.getvalue()


def refusal(data):
    """The refusal code that clean_photo gives for ``data``."""
    with pytest.raises(PhotoRefused) as caught:
        clean_photo(data)
    return caught.value.code


def reopen(photo):
    """The cleaned photo, decoded again."""
    image = Image.open(io.BytesIO(photo.data))
    image.load()
    return image


def camera_exif(orientation=None):
    """EXIF as a phone writes it: camera model and GPS position, maybe an orientation."""
    exif = Image.Exif()
    exif[ExifTags.Base.Model] = CAMERA
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (48.0, 51.0, 29.64)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (2.0, 21.0, 7.99)
    return exif


def gps_needles(data):
    """The latitude's seconds as a stored EXIF rational, in both byte orders."""
    exif = Image.open(io.BytesIO(data)).getexif()
    seconds = exif.get_ifd(ExifTags.IFD.GPSInfo)[ExifTags.GPS.GPSLatitude][2]
    return [struct.pack(order + "LL", seconds.numerator, seconds.denominator) for order in "<>"]


def assert_no_metadata(photo):
    """No trace of the test's EXIF, XMP or comment in the bytes or in what Pillow reads."""
    for secret in (b"Exif\x00\x00", b"xmpmeta", b"ns.adobe.com", b"Secret", CAMERA.encode()):
        assert secret not in photo.data
    image = reopen(photo)
    assert len(image.getexif()) == 0
    assert not {"exif", "xmp", "icc_profile", "comment"} & set(image.info)


def test_jpeg_loses_gps_exif_xmp_and_comment_and_stays_upright():
    """A phone JPEG comes out upright, with no EXIF, GPS position, XMP or comment left."""
    stored = Image.new("RGB", (300, 200), "blue")
    stored.paste((255, 0, 0), (0, 0, 60, 60))  # a red mark in the stored top-left corner
    source = encode(stored, "JPEG", exif=camera_exif(orientation=6), xmp=XMP, comment=COMMENT)
    needles = gps_needles(source)
    assert CAMERA.encode() in source and XMP in source and COMMENT in source
    assert any(needle in source for needle in needles)

    photo = clean_photo(source)

    assert_no_metadata(photo)
    assert not any(needle in photo.data for needle in needles)
    # Orientation 6 means "rotate 90 degrees clockwise to view": sides swap and the red mark
    # moves to the top-right corner.
    assert (photo.width, photo.height) == (200, 300)
    red, _, blue = reopen(photo).getpixel((195, 5))
    assert red > 200 and blue < 60


def test_png_loses_text_chunks():
    """tEXt, zTXt and iTXt chunks (author, comment, XMP) and eXIf do not survive."""
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Secret Tenant")
    info.add_text("Comment", COMMENT.decode(), zip=True)
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    source = encode(Image.new("RGB", (50, 40), "green"), "PNG", pnginfo=info,
                    exif=camera_exif())
    assert b"tEXt" in source and b"zTXt" in source and b"iTXt" in source

    photo = clean_photo(source)

    assert_no_metadata(photo)
    assert (photo.width, photo.height) == (50, 40)


def test_webp_loses_exif_and_xmp():
    """EXIF and XMP chunks of a WebP do not survive."""
    source = encode(Image.new("RGB", (50, 40), "green"), "WEBP", exif=camera_exif(), xmp=XMP)
    assert b"EXIF" in source and b"XMP " in source

    photo = clean_photo(source)

    assert_no_metadata(photo)


def test_output_is_a_bare_jpeg():
    """Whatever comes in, a JPEG with only its JFIF header comes out."""
    photo = clean_photo(encode(Image.new("RGB", (20, 20), "green"), "PNG"))

    assert (photo.extension, photo.media_type) == ("jpg", "image/jpeg")
    assert photo.data.startswith(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    assert [name for name, _ in reopen(photo).applist] == ["APP0"]


@pytest.mark.parametrize("size, expected", [
    ((4000, 1000), (MAX_SIDE, 500)),
    ((1500, 3000), (1000, MAX_SIDE)),
    ((640, 480), (640, 480)),
])
@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
def test_large_images_are_scaled_to_max_side(size, expected, fmt):
    """The longest side is brought down to MAX_SIDE; smaller photos keep their size."""
    photo = clean_photo(encode(Image.new("RGB", size, "green"), fmt))

    assert (photo.width, photo.height) == expected
    assert reopen(photo).size == expected


def jpeg_claiming(width, height):
    """A small JPEG whose frame header claims ``width`` x ``height`` pixels."""
    data = bytearray(encode(Image.new("RGB", (16, 16)), "JPEG"))
    sof = data.index(b"\xff\xc0")  # FFC0, length, precision, height, width
    data[sof + 5:sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


@pytest.mark.parametrize("make", [
    lambda: encode(Image.new("1", (8000, 7500)), "PNG"),  # 60 MP, over our limit only
    lambda: encode(Image.new("1", (10000, 10000)), "PNG"),  # where Pillow would warn
    lambda: encode(Image.new("1", (15000, 15000)), "PNG"),  # where Pillow raises
    lambda: jpeg_claiming(8000, 7500),
    lambda: encode(Image.new("RGB", (8000, 7500)), "WEBP", lossless=True, method=0),
], ids=["png-60MP", "png-100MP", "png-225MP", "jpeg-60MP", "webp-60MP"])
def test_decompression_bombs_are_refused_before_decoding(make, monkeypatch):
    """Too many pixels is refused from the header alone, silently: no decode, no warning."""
    data = make()
    assert len(data) < 100_000  # tiny on disk, huge in memory

    def decode(*args):
        raise AssertionError("the image was decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", decode)
    monkeypatch.setattr(WebPImagePlugin.WebPImageFile, "load", decode)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert refusal(data) == "too_many_pixels"
    assert caught == []


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
@pytest.mark.parametrize("cut", [lambda data: len(data) // 2, lambda data: 30],
                         ids=["in-the-pixels", "in-the-header"])
def test_truncated_images_are_damaged(fmt, cut):
    """A photo cut short, in its pixels or in its header, is refused as damaged."""
    data = encode(Image.effect_noise((300, 300), 60).convert("RGB"), fmt)

    assert refusal(data[:cut(data)]) == "damaged"


@pytest.mark.parametrize("data", [
    b"",
    random.Random(7).randbytes(5000),
    b"Bonjour, voici ma photo.",
    b"\x00" * 100,
], ids=["empty", "random", "text", "zeros"])
def test_what_is_not_an_image_is_refused(data):
    """Empty files, random bytes and text are not images."""
    assert refusal(data) == "not_an_image"


@pytest.mark.parametrize("fmt", ["GIF", "TIFF", "BMP"])
def test_other_image_formats_are_unsupported(fmt):
    """GIF, TIFF and BMP are refused with the list of accepted formats."""
    assert refusal(encode(Image.new("RGB", (20, 20), "green"), fmt)) == "unsupported_format"


@pytest.mark.parametrize("data", [
    b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>',
    b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic",
    b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf",
], ids=["svg", "heic", "avif"])
def test_svg_and_heic_are_unsupported(data):
    """SVG (scriptable) and HEIC/AVIF (no decoder here) are refused by their first bytes."""
    assert refusal(data) == "unsupported_format"


def test_a_file_over_10_mb_is_refused_before_anything_else():
    """Size is checked first, whatever the content."""
    assert refusal(b"\xff\xd8\xff" + bytes(MAX_BYTES)) == "too_large"


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_animated_images_give_their_first_frame(fmt):
    """An animated PNG or WebP is kept as its first frame."""
    frames = [Image.new("RGB", (40, 40), colour) for colour in ("red", "blue")]
    data = encode(frames[0], fmt, save_all=True, append_images=frames[1:], duration=100,
                  lossless=True)
    assert Image.open(io.BytesIO(data)).n_frames == 2

    red, _, blue = reopen(clean_photo(data)).getpixel((20, 20))

    assert red > 200 and blue < 60


def test_cmyk_jpeg_comes_out_rgb():
    """A CMYK JPEG (print workflows) comes out as an RGB photo with its colours."""
    data = encode(Image.new("CMYK", (40, 40), (0, 255, 255, 0)), "JPEG")  # pure red in ink

    image = reopen(clean_photo(data))

    assert image.mode == "RGB"
    red, green, blue = image.getpixel((20, 20))
    assert red > 200 and green < 60 and blue < 60


def test_16_bit_png_is_scaled_not_clipped():
    """16-bit grey keeps its tones (mid-grey stays mid-grey, not white)."""
    data = encode(Image.new("I;16", (40, 40), 32768), "PNG")

    image = reopen(clean_photo(data))

    assert image.mode == "RGB"
    assert all(120 < channel < 136 for channel in image.getpixel((20, 20)))


@pytest.mark.parametrize("image, params", [
    (Image.new("RGBA", (40, 40), (255, 0, 0, 0)), {}),
    (Image.new("LA", (40, 40), (0, 0)), {}),
    (Image.new("P", (40, 40), 0), {"transparency": 0}),
    (Image.new("RGB", (40, 40), "red"), {"transparency": (255, 0, 0)}),
    (Image.new("L", (40, 40), 90), {"transparency": 90}),
], ids=["rgba", "grey-alpha", "palette-index", "rgb-colour-key", "grey-colour-key"])
def test_transparency_is_flattened_onto_white(image, params):
    """Transparent areas (alpha, palette index, colour key) become white."""
    data = encode(image, "PNG", **params)
    assert Image.open(io.BytesIO(data)).has_transparency_data

    pixels = reopen(clean_photo(data))

    assert pixels.mode == "RGB"
    assert all(channel > 245 for channel in pixels.getpixel((20, 20)))


def test_half_transparent_palette_png_keeps_its_opaque_part():
    """In a palette PNG with a transparent index, opaque pixels keep their colour."""
    image = Image.new("P", (40, 40), 0)
    image.putpalette([0, 0, 0, 255, 0, 0])  # index 0 black (transparent), 1 red
    image.paste(1, (20, 0, 40, 40))
    data = encode(image, "PNG", transparency=0)

    pixels = reopen(clean_photo(data))

    assert all(channel > 245 for channel in pixels.getpixel((5, 20)))
    red, green, blue = pixels.getpixel((35, 20))
    assert red > 200 and green < 60 and blue < 60


def test_grey_and_palette_photos_come_out_rgb():
    """Grey and palette images without transparency come out in plain RGB."""
    for image in (Image.new("L", (20, 20), 90), Image.new("1", (20, 20), 1),
                  Image.new("RGB", (20, 20), "green").convert("P")):
        assert reopen(clean_photo(encode(image, "PNG"))).mode == "RGB"


def bare_jpeg(**params):
    """A small JPEG saved by Pillow with ``params`` (exif, comment, icc_profile...)."""
    return encode(Image.new("RGB", (20, 20), "green"), "JPEG", **params)


@pytest.mark.parametrize("data", [
    bare_jpeg(exif=camera_exif()),
    bare_jpeg(xmp=XMP),
    bare_jpeg(comment=COMMENT),
    bare_jpeg(icc_profile=b"\x00" * 128),
    bare_jpeg(dpi=(72, 72), exif=b"Exif\x00\x00MM\x00*\x00\x00\x00\x08\x00\x00"),
    bare_jpeg() + b"secret after the end",
    bare_jpeg()[:-2],
    encode(Image.new("RGB", (20, 20)), "PNG"),
], ids=["exif", "xmp", "comment", "icc", "empty-exif", "trailing", "no-end", "png"])
def test_verification_refuses_any_metadata(data):
    """The final check refuses APP1..APP15, COM, trailing bytes and anything not a JPEG."""
    with pytest.raises(PhotoRefused) as caught:
        images.verify_clean(data)

    assert caught.value.code == "metadata"


def test_verification_accepts_a_bare_jpeg():
    """A JPEG as Pillow writes it with no options passes, progressive ones too."""
    images.verify_clean(bare_jpeg())
    images.verify_clean(bare_jpeg(progressive=True))


def test_photo_is_refused_when_metadata_survives_encoding(monkeypatch):
    """Fail closed: if the encoder ever let metadata through, the photo would be refused."""
    monkeypatch.setattr(images, "_encode", lambda image: bare_jpeg(comment=b"left behind"))

    assert refusal(encode(Image.new("RGB", (20, 20)), "PNG")) == "metadata"


def test_content_decides_never_a_name():
    """The API takes bytes only: a PNG that a phone named "../../x.jpg" is judged as a PNG."""
    photo = clean_photo(encode(Image.new("RGB", (20, 20), "green"), "PNG"))

    assert photo.extension == "jpg"
    assert list(inspect.signature(clean_photo).parameters) == ["data"]


def test_save_writes_private_files_with_random_names(tmp_path):
    """Photos land atomically in a 0700 folder as 0600 files named by random_name."""
    folder = tmp_path / "instance" / "photos"
    photo = clean_photo(encode(Image.new("RGB", (20, 20), "green"), "PNG"))

    names = [images.save(folder, photo) for _ in range(2)]

    assert names[0] != names[1]
    assert sorted(os.listdir(folder)) == sorted(names)  # no temporary file left behind
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for name in names:
        path = images.safe_path(folder, name)
        assert path.parent == folder
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert path.read_bytes() == photo.data


def test_random_names_follow_the_pattern():
    """Names are 32 hex characters and a known extension, never twice the same."""
    names = {images.random_name("jpg") for _ in range(100)}

    assert len(names) == 100
    for name in names:
        assert images.safe_path(Path("/x"), name) == Path("/x") / name
    with pytest.raises(ValueError):
        images.random_name("php")


@pytest.mark.parametrize("name", [
    "../../x.jpg",
    "/etc/passwd",
    "/" + "a" * 32 + ".jpg",
    "..",
    "",
    "x.jpg",
    "A" * 32 + ".jpg",
    "a" * 32 + ".png",
    "a" * 32 + ".jpg\n",
    "a" * 32 + ".jpg/../../secret_key",
    "a" * 31 + "/.jpg",
    None,
])
def test_safe_path_refuses_names_it_did_not_make(name):
    """Only names of the random pattern map to a path: no traversal, no absolute path."""
    with pytest.raises(ValueError):
        images.safe_path(Path("/srv/instance/photos"), name)


def test_photo_refused_knows_only_its_codes():
    """Every refusal code has a message, and an unknown code is a programming error."""
    for code in images.REASONS:
        assert str(PhotoRefused(code))
    with pytest.raises(ValueError):
        PhotoRefused("sorry")


def test_module_is_pure_shared_core():
    """images.py imports only the standard library and Pillow: no Flask, no capability."""
    tree = ast.parse(Path(images.__file__).read_text(encoding="utf-8"))
    imported = {alias.name.split(".")[0] for node in ast.walk(tree)
                if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom) and node.level == 0}

    assert imported - set(sys.stdlib_module_names) == {"PIL"}
    assert not any(isinstance(node, ast.ImportFrom) and node.level for node in ast.walk(tree))


# --- what decoding costs, judged from the header (issue 19, finding 2) --------------------------

def progressive_jpeg(size):
    """A uniform grey progressive JPEG of ``size``: tiny on disk."""
    return encode(Image.new("L", size, 90), "JPEG", progressive=True)


@pytest.mark.parametrize("make, kind", [
    (lambda: encode(Image.new("I;16", (6000, 6000), 30000), "PNG"), "PNG 16-bit"),  # 36 MP
    (lambda: encode(Image.new("I;16", (3000, 3000), 30000), "PNG"), "PNG 16-bit"),  # 9 MP
    (lambda: encode(Image.new("1", (5000, 4000)), "PNG"), "PNG"),  # 20 MP
    (lambda: progressive_jpeg((5000, 4000)), "JPEG progressive"),  # 20 MP
    (lambda: encode(Image.new("RGB", (2500, 2400)), "WEBP", lossless=True, method=0), "WEBP"),
], ids=["png-16bit-36MP", "png-16bit-9MP", "png-20MP", "progressive-jpeg-20MP", "webp-6MP"])
def test_costly_decodes_are_refused_by_their_header(make, kind, monkeypatch):
    """Each kind of file has the pixel limit of what it costs to decode (16-bit, PNG, WebP and
    progressive JPEG decode at full size): over it, the header alone refuses it."""
    data = make()
    assert kind in images.LIMITS

    def decode(*args):
        raise AssertionError("the image was decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", decode)
    monkeypatch.setattr(WebPImagePlugin.WebPImageFile, "load", decode)
    with pytest.raises(PhotoRefused) as caught:
        clean_photo(data)
    assert caught.value.code == "too_many_pixels" and kind in str(caught.value)


def test_a_50_megapixel_phone_jpeg_is_kept():
    """A 50 MP sensor's photo (8160x6144, sequential JPEG) is within the limits, drafted."""
    photo = clean_photo(encode(Image.new("L", (8160, 6144), 90), "JPEG"))

    assert (photo.width, photo.height) == (MAX_SIDE, 1506)


def test_a_header_reads_size_depth_frames_and_kind():
    """``inspect`` reads what decoding will cost without decoding."""
    assert images.inspect(encode(Image.new("I;16", (30, 20)), "PNG")) == images.Header(
        "PNG", 30, 20, bits=16)
    assert images.inspect(progressive_jpeg((40, 30))).kind == "JPEG progressive"
    assert images.inspect(encode(Image.new("RGB", (50, 60)), "JPEG")).kind == "JPEG"
    for params in ({"lossless": True}, {"quality": 50}):  # VP8L and VP8 headers
        assert images.inspect(encode(Image.new("RGB", (70, 33)), "WEBP", **params)) == \
            images.Header("WEBP", 70, 33)


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_animations_of_many_frames_are_refused(fmt):
    """More than MAX_FRAMES frames is an animation, not a photo: refused by its header."""
    frames = [Image.new("RGB", (40, 40), (n * 20, 0, 0)) for n in range(images.MAX_FRAMES + 1)]
    data = encode(frames[0], fmt, save_all=True, append_images=frames[1:], duration=100,
                  lossless=True)

    assert refusal(data) == "animated"


def test_a_reports_headers_are_all_judged_before_any_photo_is_decoded(monkeypatch):
    """A good photo then a bomb: the bomb is refused before the good one is decoded."""
    def decode(*args):
        raise AssertionError("the image was decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", decode)
    with pytest.raises(PhotoRefused) as caught:
        images.clean_photos([encode(Image.new("RGB", (64, 48)), "JPEG"),
                             encode(Image.new("1", (8000, 7500)), "PNG")])
    assert caught.value.code == "too_many_pixels"


def test_a_header_that_pillow_reads_otherwise_is_damaged():
    """A JPEG with a second, larger frame header: Pillow would decode a size we did not judge."""
    data = bytearray(encode(Image.new("RGB", (16, 16)), "JPEG"))
    sof = data.index(b"\xff\xc0")
    frame = data[sof:sof + 2 + int.from_bytes(data[sof + 2:sof + 4], "big")]
    frame[5:9] = struct.pack(">HH", 4000, 4000)
    data[sof:sof] = frame  # ours reads the first, 4000x4000; Pillow keeps the last, 16x16

    assert refusal(bytes(data)) == "damaged"


def test_a_flood_of_tiny_header_chunks_is_refused_unread():
    """More header segments or chunks than any photo has is refused, not walked to the end."""
    jpeg = encode(Image.new("RGB", (16, 16)), "JPEG")
    comments = jpeg[:2] + b"\xff\xfe\x00\x04ab" * 100 + jpeg[2:]
    texts = PngImagePlugin.PngInfo()
    for number in range(100):
        texts.add_text(f"k{number}", "v")

    assert refusal(comments) == "damaged"
    assert refusal(encode(Image.new("RGB", (16, 16)), "PNG", pnginfo=texts)) == "damaged"
