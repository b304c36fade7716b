"""The sensitive-content screen (DESIGN rule 3): what it flags, what it leaves alone, offsets."""
from collections import Counter
from pathlib import Path

import pytest

from association import privacy, screen_terms
from association.screen import CATEGORIES, Finding, find_sensitive

CORPUS = Path(__file__).parent / "corpus"


def corpus_lines(name):
    """The non-comment, non-blank lines of a corpus file."""
    text = (CORPUS / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def sensitive_corpus():
    """(expected category, text) pairs from the sensitive corpus."""
    return [tuple(line.split("\t", 1)) for line in corpus_lines("sensitive.txt")]


def categories(text, lang="fr"):
    """The set of categories the screen finds in ``text``."""
    return {finding.category for finding in find_sensitive(text, lang)}


def test_corpus_is_large_and_varied():
    """Each corpus has at least 170 lines and every category at least 12 sensitive lines."""
    pairs = sensitive_corpus()
    assert len(pairs) >= 170
    assert len(corpus_lines("ordinary.txt")) >= 170
    counts = Counter(category for category, _ in pairs)
    assert set(counts) == set(CATEGORIES)
    assert min(counts.values()) >= 12, counts


def test_corpus_recall_and_false_alarms():
    """At least 95 % of sensitive lines are caught, at most 5 % of ordinary lines flagged."""
    pairs = sensitive_corpus()
    misses = [(category, text) for category, text in pairs if category not in categories(text)]
    ordinary = corpus_lines("ordinary.txt")
    alarms = [(text, [(f.category, f.term) for f in find_sensitive(text)]) for text in ordinary]
    alarms = [alarm for alarm in alarms if alarm[1]]
    recall = 1 - len(misses) / len(pairs)
    false_alarm_rate = len(alarms) / len(ordinary)
    report = (f"recall {recall:.3f} on {len(pairs)} lines, false alarms {false_alarm_rate:.3f} "
              f"on {len(ordinary)} lines\nmisses: {misses}\nfalse alarms: {alarms}")
    assert recall >= 0.95 and false_alarm_rate <= 0.05, report


@pytest.mark.parametrize("text, category", [
    ("alcoolique", "judgement"),
    ("violence conjugale", "domestic_violence"),
    ("ancien SDF addiction boisson", "health"),
    ("n'est pas de nationalité française", "origin"),
    ("personne très difficile à vivre, de tempérament agressif et violent, très procédurier",
     "judgement"),
    ("séropositif", "health"),
    ("cancer", "health"),
    ("sous chimiothérapie", "health"),
    ("Alzheimer aveugle", "health"),
    ("Alzheimer aveugle", "disability"),
    ("dépression hôpital psychiatrique", "health"),
    ("maladie de Parkinson", "health"),
])
def test_ikos_comments_are_flagged(text, category):
    """Every comment the CNIL found in IKOS is flagged in its category."""
    assert category in categories(text)


def test_offsets_point_into_the_original_text():
    """Spans index the text as written, even when œ, ﬁ, accents and ’ change lengths."""
    text = ("Sa sœur (cœur fragile) n’est pas de nationalité française ; "
            "ﬁls SÉROPO, sœur alcoolique")
    findings = find_sensitive(text)
    assert [(f.category, f.term) for f in findings] == [
        ("origin", "pas de nationalité française"),
        ("health", "SÉROPO"),
        ("judgement", "alcoolique"),
    ]
    for finding in findings:
        assert text[finding.start:finding.end] == finding.term


def test_decomposed_accents_stay_inside_the_span():
    """A word typed with combining accents (e + U+0301) is flagged whole, accent included."""
    text = "il est se\u0301ropositive\u0301"
    (finding,) = find_sensitive(text)
    assert finding.term == "se\u0301ropositive\u0301"
    assert text[finding.start:finding.end] == finding.term


def test_invisible_characters_do_not_hide_a_word():
    """A soft hyphen or zero-width space inside a word does not defeat the screen."""
    assert categories("sé\u00adro\u200bpositif") == {"health"}


@pytest.mark.parametrize("text", [
    "séropositif", "SEROPOSITIF", "seropositif", "SéroPositif", "sero-positif", "séro positif",
])
def test_case_and_accents_do_not_matter(text):
    """Capitals, missing accents and hyphens do not change what is flagged."""
    assert categories(text) == {"health"}


@pytest.mark.parametrize("text, category", [
    ("alcoolique", "judgement"), ("alcooliques", "judgement"),
    ("il est agressif", "judgement"), ("elle est agressive", "judgement"),
    ("ils sont agressifs", "judgement"), ("elles sont agressives", "judgement"),
    ("elle est enceinte", "health"), ("des femmes enceintes", "health"),
    ("il est fou", "judgement"), ("elle est folle", "judgement"),
    ("ils sont fous", "judgement"), ("elles sont folles", "judgement"),
    ("battue par son mari", "domestic_violence"), ("battu par sa compagne", "domestic_violence"),
    ("frappée par son conjoint", "domestic_violence"), ("il frappe sa femme", "domestic_violence"),
    ("drunk", "judgement"), ("drunks", "judgement"),
    ("handicapé", "disability"), ("handicapées", "disability"),
    ("musulman", "religion"), ("musulmanes", "religion"),
    ("immigré", "origin"), ("immigrées", "origin"),
])
def test_inflections_are_flagged(text, category):
    """Gender, number and verb forms of a term are flagged like the term itself."""
    assert category in categories(text)


@pytest.mark.parametrize("text, category", [
    ("alcolique", "judgement"), ("alcoolik", "judgement"), ("il est schizo", "health"),
    ("skizophrène", "health"), ("depressif", "health"), ("dépréssion", "health"),
    ("séropo", "health"), ("VIH", "health"), ("HIV", "health"), ("SIDA", "health"),
    ("chimio", "health"), ("hosto psy", "health"), ("sorti de l'HP", "health"),
    ("a fait une TS", "health"), ("sans-papier", "origin"), ("cassos", "judgement"),
])
def test_misspellings_and_abbreviations_are_flagged(text, category):
    """Common misspellings and abbreviations written by volunteers are still caught."""
    assert category in categories(text)


@pytest.mark.parametrize("text, category", [
    ("She's undergoing chemo", "health"), ("she is pregnant", "health"),
    ("Tenant is deaf", "disability"), ("undocumented family", "origin"),
    ("they're Muslim", "religion"), ("he's gay", "sexuality"),
    ("union rep at the depot", "opinion"), ("criminal record", "offences"),
    ("domestic abuse", "domestic_violence"), ("he's a liar", "judgement"),
    ("the neighbours are dirty", "judgement"), ("crazy woman on the 4th", "judgement"),
])
def test_english_terms_are_flagged(text, category):
    """English notes are screened as well as French ones."""
    assert category in categories(text)


def test_lang_is_only_a_hint():
    """Both languages are screened whatever the interface language."""
    assert categories("undocumented", lang="fr") == {"origin"}
    assert categories("sans papiers", lang="en") == {"origin"}


@pytest.mark.parametrize("text, category", [
    ("il est sale", "judgement"), ("voisin sale", "judgement"),
    ("les gens sales du 2e", "judgement"), ("c'est un sale type", "judgement"),
    ("sale arabe", "origin"), ("la folle du 3e", "judgement"),
    ("vieux fou", "judgement"), ("il est malade", "health"),
    ("ils vont à la mosquée le vendredi", "religion"), ("il va à l'église", "religion"),
    ("porte le voile", "religion"), ("catholique pratiquant", "religion"),
    ("militant CGT", "opinion"), ("il vote RN", "opinion"), ("communiste", "opinion"),
    ("sorti de prison", "offences"), ("garde à vue", "offences"),
    ("il a été condamné", "offences"),
    ("main courante contre son conjoint", "domestic_violence"),
])
def test_risky_words_are_flagged_about_a_person(text, category):
    """Words with an innocent sense are flagged when they are about a person."""
    assert category in categories(text)


@pytest.mark.parametrize("text", [
    "La cage d'escalier est sale", "un bruit de fou toute la nuit", "c'est fou",
    "un fou rire", "l'ascenseur est malade", "en face de l'église",
    "la police est venue pour un cambriolage dans la cave", "le gardien", "le syndic",
    "le bailleur", "l'assemblée générale", "dégât des eaux", "fuite", "moisissures",
    "punaises de lit", "charges de chauffage", "ascenseur en panne", "infiltration",
    "bruit la nuit", "porte d'entrée cassée", "dans l'enceinte de la résidence",
    "les enceintes à fond", "la porte a été condamnée", "sursis à expulsion",
    "Secours catholique", "prière de fermer la porte", "je vous prie d'agréer",
    "la sourde oreille", "mur aveugle", "accès handicapés", "à l'étranger",
    "boucherie halal", "les ordures ménagères", "on monte dans le noir",
    "le voisin de droite", "sale temps", "the lift is sick again", "black mould",
    "the stairwell is dirty", "crazy noise at night", "the church hall",
])
def test_innocent_senses_are_not_flagged(text):
    """Ordinary grievances that share a word with a sensitive term are left alone."""
    assert find_sensitive(text) == []


def test_longest_match_wins_and_spans_do_not_overlap():
    """Overlapping candidates keep the longest; findings come sorted by start."""
    text = "Le mari est violent. Sale arabe écrit sur la porte. Il sort de prison, alcoolique."
    findings = find_sensitive(text)
    assert [(f.category, f.term) for f in findings] == [
        ("domestic_violence", "mari est violent"),
        ("origin", "Sale arabe"),
        ("offences", "prison"),
        ("judgement", "alcoolique"),
    ]
    for before, after in zip(findings, findings[1:]):
        assert before.end <= after.start


@pytest.mark.parametrize("text", ["", " ", "\n\t", "...", "12 rue des Lilas"])
def test_empty_or_plain_text_gives_nothing(text):
    """Empty, blank or plain text has no findings."""
    assert find_sensitive(text) == []


def test_a_long_ordinary_text_is_screened():
    """A 2,000-character text of ordinary grievances is screened whole and gives no finding."""
    lines = corpus_lines("ordinary.txt")
    text = ""
    for line in lines:
        text += line + "\n"
        if len(text) >= 2000:
            break
    assert len(text) >= 2000
    assert find_sensitive(text[:2000]) == []


def test_findings_are_immutable_and_well_formed():
    """A finding is frozen, names a known category and its term is its span."""
    text = "Voisine ENCEINTE, mari alcoolique, famille sans papiers"
    findings = find_sensitive(text)
    assert len(findings) == 3
    for finding in findings:
        assert isinstance(finding, Finding)
        assert finding.category in CATEGORIES
        assert text[finding.start:finding.end] == finding.term
    with pytest.raises(AttributeError):
        findings[0].category = "health"


def test_lexicon_and_categories_agree():
    """The lexicon has terms for exactly the declared categories, in the same order."""
    assert tuple(screen_terms.TERMS) == CATEGORIES


def test_privacy_module_exposes_the_screen():
    """privacy re-exports the screen so that callers depend on one module."""
    assert privacy.find_sensitive is find_sensitive
    assert {"CATEGORIES", "Finding", "find_sensitive"} <= set(privacy.__all__)
