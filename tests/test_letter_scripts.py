"""Issue 19: a letter in any script tenants write in. Its PDF draws the name and address
(Latin with every diacritic, Greek, Cyrillic, Arabic and Hebrew right to left, Chinese,
Japanese, Tamil, Bengali, Devanagari, Thai, Georgian, Armenian), or, for a script its
fonts lack, says so and offers the printable letter; and no log line or file anywhere keeps
any of it, even with every library logging at DEBUG."""
import io
import json
import logging
import re
import signal
from datetime import date

import pypdf
import pytest

from conftest import add_campaign, make_app
from servers import Browser, gunicorn

# Canary names and addresses, one person per script: none of these words is anywhere else.
DRAWN = {
    "latin": ("Nguyễn Ướcmơ Żółćkiewicz-Şığırcı", "ngõ Quỳnh 17\nŁęczyca Ğüzelyurt"),
    "greek": ("Ξενοφών Καλλιρρόη-Ψαθά", "οδός Ευριπίδου 12\nΘεσσαλονίκη"),
    "cyrillic": ("Евфросиния Щербакова-Жуйко", "улица Подъёмная 5\nЁлкинск"),
    "arabic": ("فاطمة الزهراء القيرواني", "شارع الياسمين ٧\nمكناس"),
    "hebrew": ("שושנה פרידלנדר", "רחוב הרימונים 4\nבאר שבע"),
    "chinese": ("欧阳秀英", "朝阳区望京街道\n北京市"),
    "japanese": ("山田さくら", "渋谷区神南\n東京都"),
    "tamil": ("முத்துலட்சுமி ராமசாமி", "காந்தி தெரு\nமதுரை"),
    "bengali": ("রবীন্দ্রনাথ চট্টোপাধ্যায়", "গুলশান এভিনিউ\nঢাকা"),
    "devanagari": ("अनुष्का श्रीवास्तव", "गांधी मार्ग\nवाराणसी"),
    "thai": ("สมศักดิ์ ใจดีมาก", "ถนนสุขุมวิท\nกรุงเทพ"),
    "georgian": ("ნინო ჯაფარიძე", "რუსთაველის გამზირი\nთბილისი"),
    "armenian": ("Արմեն Սարգսյան", "Աբովյան փողոց\nԵրևան"),
}
UNDRAWN = {  # scripts the PDF's fonts do not cover
    "korean": ("김민준", "서울특별시 종로구"),
    "ethiopic": ("ተስፋዬ ገብረመድህን", "ቦሌ መንገድ\nአዲስ አበባ"),
    "khmer": ("សុខ ចាន់ធា", "ផ្លូវព្រះនរោត្តម\nភ្នំពេញ"),
}
EVERYONE = {**DRAWN, **UNDRAWN}
TENANT_REF = "RÉF-{}-ΩЖ"  # a reference in three scripts, numbered per person


def _words(person) -> list[str]:
    name, address = person
    return [*name.split(), *address.split()]


def _fields(script: str) -> dict:
    name, address = EVERYONE[script]
    number = list(EVERYONE).index(script)
    return {"full_name": name, "postal_address": address,
            "tenant_ref": TENANT_REF.format(number), "letter_language": "fr"}


def _pdf_text(data: bytes) -> str:
    """The text a PDF reader extracts, without any white space (shaped scripts come out
    with spaces inside words, right-to-left ones word by word) nor the control bytes a reader
    puts for the extra glyph of a shaped cluster (the Tamil "ரு" is two glyphs for two
    characters, one of them mapped to both)."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    return re.sub(r"[\s\x00-\x1f]+", "", "".join(page.extract_text() for page in reader.pages))


def _letter(fields: dict):
    from association.letters import Letter

    return Letter(language="fr", sender=[fields["full_name"], *fields["postal_address"].split("\n"),
                                         fields["tenant_ref"]],
                  recipient=["Habitat Test", "1 rue du Test"], dated="Le 7 décembre 2026",
                  subject="Objet : demande d’accès", paragraphs=["Madame, Monsieur,"],
                  signature=fields["full_name"])


def _characters() -> set[str]:
    """Every non-ASCII character of the canaries."""
    return {char for person in EVERYONE.values() for word in _words(person) for char in word
            if ord(char) > 127}


def test_the_fonts_draw_each_script_and_only_what_is_needed():
    """Each drawn script finds its font; Latin needs none; an uncovered script gets None."""
    from association.letter_fonts import fallbacks

    assert fallbacks("Zéphyrine Łódź Şükrü Nguyễn Ξενοφών Щербакова « » ’ \u202f€") == []
    assert fallbacks(DRAWN["arabic"][0]) == ["NotoNaskhArabic"]
    assert fallbacks(DRAWN["tamil"][0] + " " + DRAWN["chinese"][0]) == \
        ["NotoSerifTamil", "DroidSansFallback"]
    for script, person in DRAWN.items():
        assert fallbacks("\n".join(person)) is not None, script
    for script, person in UNDRAWN.items():
        assert fallbacks("\n".join(person)) is None, script


@pytest.mark.parametrize("script", list(DRAWN))
def test_the_pdf_shows_each_name(app, script, caplog):
    """A reader finds the name, the address and the reference in the PDF's text, and no
    library logs anything while it is drawn, even at DEBUG."""
    from association.letters import pdf

    caplog.set_level(logging.DEBUG)
    fields = _fields(script)
    with app.test_request_context():
        text = _pdf_text(pdf(_letter(fields), "Campagne"))
    for word in [*_words(EVERYONE[script]), fields["tenant_ref"]]:
        assert word in text, (script, word)
    assert not [record for record in caplog.records
                if record.name.split(".")[0] in ("fpdf", "fontTools", "PIL")]
    for char in _characters():
        assert char not in caplog.text


@pytest.mark.parametrize("script", list(UNDRAWN))
def test_a_script_without_a_font_gets_no_pdf(app, script, caplog):
    """A letter holding a character no font has is refused before anything is drawn: no
    PDF with blanks, nothing logged."""
    from association.letters import Undrawable, pdf

    caplog.set_level(logging.DEBUG)
    with app.test_request_context(), pytest.raises(Undrawable) as refused:
        pdf(_letter(_fields(script)), "Campagne")
    assert str(refused.value) == "" and caplog.text == ""


def test_the_libraries_speak_again_after_a_letter(app):
    """The silence lasts only while letters are drawn."""
    from association.letters import pdf

    with app.test_request_context():
        pdf(_letter(_fields("arabic")), "Campagne")
    assert logging.getLogger("fpdf").getEffectiveLevel() <= logging.WARNING
    assert logging.getLogger("fontTools.subset").getEffectiveLevel() <= logging.WARNING


# Every library's records, DEBUG and up, to the server's log beside gunicorn's own: what an
# operator who turned logging up all the way would keep.
LOUD = json.dumps({
    "root": {"level": "DEBUG", "handlers": ["error_console"]},
    "loggers": {"gunicorn.error": {"level": "DEBUG", "propagate": True}},
    "formatters": {"generic": {
        "format": "%(asctime)s [%(process)d] [%(levelname)s] <%(name)s> %(message)s"}}})


@pytest.mark.slow
def test_canaries_in_fifteen_scripts_leave_no_trace(tmp_path):
    """Through a real gunicorn logging everything at DEBUG: the letter page and the PDF of a
    tenant in each of fifteen scripts. The PDF shows each drawable name; the others get a
    page that says why and offers the printable letter, which works. Afterwards no canary,
    nor any character of one, is in anything the process wrote (standard output and error,
    gunicorn's log) or in any file of the instance folder or of its temporary folder."""
    instance, scratch, log = tmp_path / "instance", tmp_path / "tmp", tmp_path / "gunicorn.log"
    scratch.mkdir()
    (tmp_path / "loud.json").write_text(LOUD)
    app = make_app(instance)
    add_campaign(app, opens_on=date.today().replace(day=1).isoformat())
    process, base = gunicorn(instance, workers=1, log_path=log,
                             args=("--log-level", "debug", "--log-config-json", str(tmp_path / "loud.json")),
                             TMPDIR=str(scratch))
    try:
        browser = Browser(int(base.rsplit(":", 1)[1]))
        token = browser.token("/demandes/bailleur-2026")
        for script in EVERYONE:
            form = {"csrf_token": token, **_fields(script)}
            status, _, page = browser.request("POST", "/demandes/bailleur-2026/lettre", form)
            assert status == 200 and EVERYONE[script][0] in page.decode(), script
            status, headers, body = browser.request("POST", "/demandes/bailleur-2026/lettre.pdf",
                                                    form)
            if script in DRAWN:
                assert status == 200 and body.startswith(b"%PDF"), script
                text = _pdf_text(body)
                for word in _words(EVERYONE[script]):
                    assert word in text, (script, word)
                continue
            page = body.decode()
            assert status == 422 and "Cette lettre ne peut pas être mise en PDF" in page, script
            assert "Enregistrer au format PDF" in page and "Ouvrir la lettre à imprimer" in page
            printable = re.search(r'<form method="post" novalidate action="([^"]+)">(.*?)</form>',
                                  page, re.S)
            assert printable[1] == "/demandes/bailleur-2026/lettre"
            again = dict(re.findall(r'name="([a-z_]+)" value="([^"]*)"', printable[2]))
            assert again["full_name"] == EVERYONE[script][0]
            status, _, letter = browser.request("POST", printable[1], again)
            assert status == 200 and EVERYONE[script][0] in letter.decode(), script
    finally:
        process.send_signal(signal.SIGTERM)
        out, _ = process.communicate(timeout=30)
    written = out + log.read_text(encoding="utf-8", errors="backslashreplace")
    assert "[DEBUG] <gunicorn.error>" in written  # the loud configuration did take
    # Not a word from the libraries that draw letters (their messages name glyphs, in order).
    assert not re.findall(r"<(?:fpdf|fontTools|PIL)\b[^>]*>.*", written)
    for char in sorted(_characters()):
        escaped = char.encode("unicode-escape").decode()
        assert char not in written and escaped not in written, (char, escaped)
    # Six bytes or more: a lone character in UTF-16 is two bytes, which a binary file (the
    # database's pages, random keys) holds by chance.
    needles = [(word, encoding) for person in EVERYONE.values() for word in _words(person)
               if not word.isascii() for encoding in ("utf-8", "utf-16-le", "utf-16-be")
               if len(word.encode(encoding)) >= 6]
    files = [path for folder in (instance, scratch) for path in folder.rglob("*")
             if path.is_file()]
    assert any(path.name == "amicale.db" for path in files)
    for path in files:
        content = path.read_bytes()
        for word, encoding in needles:
            assert word.encode(encoding) not in content, (path.name, word, encoding)


def test_a_collective_letter_in_an_uncovered_script_offers_its_printable_page(app, volunteers):
    """A case whose title a PDF cannot draw: its PDF link answers a page that says why and
    links to the printable letter, which shows the title."""
    from conftest import add_building, csrf_token

    building = add_building(app, "Bâtiment A")
    client = app.test_client()
    volunteers.login(client, volunteers.create("cas", "volunteer", [building]))
    title = "ቦሌ መንገድ ውሃ"
    made = client.post("/benevoles/dossiers/nouveau", data={
        "csrf_token": csrf_token(client, "/benevoles/dossiers/"), "building": building,
        "category": "damp", "title": title})
    assert made.status_code == 302, made.get_data(as_text=True)[-2000:]
    case_id = int(made.headers["Location"].rsplit("/", 1)[1])
    refused = client.get(f"/benevoles/dossiers/{case_id}/lettre.pdf")
    page = refused.get_data(as_text=True)
    assert refused.status_code == 422 and refused.mimetype == "text/html"
    assert "Cette lettre ne peut pas être mise en PDF" in page
    assert f'href="/benevoles/dossiers/{case_id}/lettre"' in page
    assert title in client.get(f"/benevoles/dossiers/{case_id}/lettre").get_data(as_text=True)


def test_line_breaks_and_tabs_typed_in_a_form_still_make_a_pdf(app):
    """A textarea's "\\r\\n" and a tab are layout, not characters to refuse a PDF for."""
    from association.letters import Letter, pdf

    letter = Letter(language="fr", sender=["Ana\tLima", "3 rue Basse"], recipient=["Habitat"],
                    dated="Le 7 décembre 2026", subject="Objet : fenêtres",
                    paragraphs=["Nous demandons :\r\n– un diagnostic\r\n– des travaux"],
                    signature="Ana Lima")
    text = _pdf_text(pdf(letter, "Lettre"))
    assert "AnaLima" in text and "–undiagnostic–destravaux" in text
