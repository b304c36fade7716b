"""The sensitive-content screen (DESIGN rule 3): what it flags, what it leaves alone, offsets."""
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

import simplemma

from association import privacy, screen, screen_terms
from association.screen import CATEGORIES, Finding, find_sensitive

CORPUS = Path(__file__).parent / "corpus"


def corpus_lines(name):
    """The non-comment, non-blank lines of a corpus file."""
    text = (CORPUS / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def sensitive_corpus(name="sensitive.txt"):
    """(expected category, text) pairs from a sensitive corpus."""
    return [tuple(line.split("\t", 1)) for line in corpus_lines(name)]


def corpus_figures(sensitive, ordinary):
    """Recall on a sensitive corpus, false-alarm rate on an ordinary one, and a report."""
    pairs = sensitive_corpus(sensitive)
    misses = [(category, text) for category, text in pairs if category not in categories(text)]
    lines = corpus_lines(ordinary)
    alarms = [(text, [(f.category, f.term) for f in find_sensitive(text)]) for text in lines]
    alarms = [alarm for alarm in alarms if alarm[1]]
    recall = 1 - len(misses) / len(pairs)
    false_alarm_rate = len(alarms) / len(lines)
    report = (f"recall {recall:.3f} on {len(pairs)} lines, false alarms {false_alarm_rate:.3f} "
              f"on {len(lines)} lines\nmisses: {misses}\nfalse alarms: {alarms}")
    return recall, false_alarm_rate, report


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
    """At least 98 % of sensitive lines are caught, at most 1 % of ordinary lines flagged.

    The lexicon grew from this corpus, so it must stay near perfect on it.
    """
    recall, false_alarm_rate, report = corpus_figures("sensitive.txt", "ordinary.txt")
    assert recall >= 0.98 and false_alarm_rate <= 0.01, report


def test_fresh_corpus_is_large_and_varied():
    """The fresh corpus has at least 120 lines of each kind and every category."""
    pairs = sensitive_corpus("fresh_sensitive.txt")
    assert len(pairs) >= 120
    assert len(corpus_lines("fresh_ordinary.txt")) >= 120
    assert {category for category, _ in pairs} == set(CATEGORIES)


def test_fresh_corpus_recall_and_false_alarms():
    """On lines written after the lexicon: at least 90 % caught, at most 3 % flagged.

    The fresh corpus was written before lemmatised matching, which was then measured and
    improved on it (recall 0.75 before, 1.00 after): it is a development set now, hence the
    margin. ``fresh2_*`` was written after the change and is only reported (``make bench``).
    """
    recall, false_alarm_rate, report = corpus_figures("fresh_sensitive.txt",
                                                      "fresh_ordinary.txt")
    assert recall >= 0.90 and false_alarm_rate <= 0.03, report


BLIND = ("blind_dev_sensitive.txt", "blind_dev_ordinary.txt", "blind_heldout_sensitive.txt",
         "blind_heldout_ordinary.txt")


def test_blind_corpus_is_large_varied_and_marked():
    """The blind corpus (issue 20): over 300 lines, both halves covering every category, each
    file marked as never a lexicon source."""
    pairs = sensitive_corpus(BLIND[0]) + sensitive_corpus(BLIND[2])
    plain = corpus_lines(BLIND[1]) + corpus_lines(BLIND[3])
    assert len(pairs) >= 150 and len(plain) >= 150
    for name in BLIND[0], BLIND[2]:
        assert {category for category, _ in sensitive_corpus(name)} == set(CATEGORIES)
    for name in BLIND:
        assert "NEVER a lexicon source" in (CORPUS / name).read_text(encoding="utf-8")


def test_blind_dev_corpus_recall_and_false_alarms():
    """On the blind corpus' dev half: at least 90 % caught, at most 5 % flagged.

    Written before reading the lexicon; its dev half was then read to see what kind of text
    the screen missed (never copied from), its held-out half only measured (make bench).
    """
    recall, false_alarm_rate, report = corpus_figures(BLIND[0], BLIND[1])
    assert recall >= 0.90 and false_alarm_rate <= 0.05, report


@pytest.mark.parametrize("text, category", [
    ("il boit", "health"), ("elle boit tous les soirs", "health"), ("she drinks too much", "health"),
    ("la voisine perd la tête", "health"), ("il a pété un câble", "health"),
    ("he's off his meds", "health"), ("she is losing her mind", "health"),
    ("ils boitent tous les deux", "disability"), ("she can't walk any more", "disability"),
    ("une famille de Marocains", "origin"), ("those Asians upstairs", "origin"),
    ("deux femmes qui habitent ensemble", "sexuality"), ("her wife", "sexuality"),
    ("Mme Petit et sa compagne", "sexuality"),
    ("les gosses sont frappés", "domestic_violence"),
    ("he shoved her down the stairs", "domestic_violence"),
    ("des nuisibles, ces locataires", "judgement"), ("those animals next door", "judgement"),
    ("ils sont immondes", "judgement"),
])
def test_states_idioms_households_and_contempt(text, category):
    """What the blind corpus showed missing: states told with a verb, idioms, groups named
    about a household, a couple's make-up, dehumanising words (examples not from it)."""
    assert category in categories(text)


@pytest.mark.parametrize("text", [
    "je perds la tête avec ces charges", "ce bruit me fait péter les plombs",
    "il boit son café sur le palier", "la boîte aux lettres est cassée",
    "a vermin problem in the cellar", "the Poles of the fence are down",
    "elle et sa copine ont apporté un gâteau", "elle a un grain de beauté",
    "la religion des chiffres", "le local est à l'ouest du bâtiment",
    "he couldn't see the notice in the dark", "the water bill is high.",
])
def test_new_terms_keep_innocent_senses(text):
    """The writer's own exasperation, a coffee, pests, a friend: not flagged."""
    assert find_sensitive(text) == []


def test_dev3_corpus_recall_and_false_alarms():
    """On dev3 (issue 20, round 3 of the lexicon): at least 98 % caught, at most 1 % flagged.

    Written in batches, each screened only once written, to grow the lexicon where text nobody
    had tuned against was missed; the held-out corpora are only measured (bench/screen.py).
    """
    recall, false_alarm_rate, report = corpus_figures("dev3_sensitive.txt", "dev3_ordinary.txt")
    assert recall >= 0.98 and false_alarm_rate <= 0.01, report


@pytest.mark.parametrize("text, category", [
    ("le type du 5e picole dès le matin", "health"), ("elle se met minable le samedi", "health"),
    ("mon voisin sucre un peu les fraises", "health"), ("il est zinzin", "health"),
    ("she's getting hammered every night", "health"), ("elle fait une FIV", "health"),
    ("il a une jambe en moins", "disability"), ("le Marocain du 4e", "origin"),
    ("ils fêtent l'Aïd", "religion"), ("M. Roche vit avec son compagnon", "sexuality"),
    ("il est encarté au PS", "opinion"), ("il a été arrêté hier", "offences"),
    ("il l'insulte et la menace", "domestic_violence"),
    ("les gens du 6e sont des sauvages", "judgement"), ("ils sont au RSA", "judgement"),
])
def test_round3_states_idioms_and_groups(text, category):
    """Round 3: states told with a verb, idioms, groups named about a household, couples,
    offences told with a verb, benefits judged, contempt said of people (examples written
    here, not taken from a corpus)."""
    assert category in categories(text)


@pytest.mark.parametrize("text", [
    "les plombs ont sauté au 4e", "l'origine de la fuite est trouvée", "un dépôt sauvage de pneus",
    "le traitement de l'humidité a échoué", "la cave est infectée de rats", "le hall est crasseux",
    "le plafond menace de tomber", "un mur aveugle côté cour", "un bruit sourd dans les tuyaux",
    "une dépression au fond du parking", "prière de refermer la porte",
    "la porte du garage a pété un câble", "la chaudière boit énormément",
    "l'ascenseur est une vraie prison", "la rampe pour fauteuils roulants est cassée",
    "le bailleur a été condamné à verser 2 000 €", "la régularisation des charges est arrivée",
    "the bin men are on strike", "the lift had a breakdown", "there's a crack in the wall",
    "j'ai porté plainte pour vol", "les joints de la douche sont noirs",
])
def test_round3_keeps_building_talk_clear(text):
    """Round 3's verbs and adjectives keep their building senses: fuses, leaks, a dip in the
    ground, a broken door, a thirsty boiler, a court against the landlord, the writer's own
    complaint."""
    assert find_sensitive(text) == []


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


@pytest.mark.parametrize("text, category", [
    # who does what to whom: the striker, an object pronoun, the verb in any form
    ("il la frappe", "domestic_violence"), ("il l'a frappée hier", "domestic_violence"),
    ("il l'a encore battue", "domestic_violence"), ("son mari la bat", "domestic_violence"),
    ("il la frappait", "domestic_violence"), ("il la frappera", "domestic_violence"),
    ("il la bats", "domestic_violence"), ("il la frapé", "domestic_violence"),
    ("son compagnon la cogne", "domestic_violence"), ("il la tabasse", "domestic_violence"),
    ("il l'a giflée", "domestic_violence"), ("son ex la harcèle", "domestic_violence"),
    ("mon mari me frappe", "domestic_violence"), ("il va la frapper", "domestic_violence"),
    ("elle se fait taper par son copain", "domestic_violence"),
    ("elle s'est fait tabasser", "domestic_violence"),
    ("il lui a mis une gifle", "domestic_violence"),
    ("son mari lui a cassé le nez", "domestic_violence"),
    ("il la pousse dans les escaliers", "domestic_violence"),
    ("il bat ses enfants", "domestic_violence"),
    ("le père frappe les gosses", "domestic_violence"),
    ("il la tape au visage", "domestic_violence"),
    ("frappée par son ex-compagnon", "domestic_violence"),
    ("il a levé la main sur sa femme", "domestic_violence"),
    ("les violences de son mari", "domestic_violence"),
    ("il est violent avec sa femme", "domestic_violence"),
    ("he hits her", "domestic_violence"), ("her boyfriend hits her", "domestic_violence"),
    ("he beats his wife", "domestic_violence"), ("he beat her up", "domestic_violence"),
    ("he's been beating her for years", "domestic_violence"),
    ("her ex keeps threatening her", "domestic_violence"),
    ("she is being abused by her husband", "domestic_violence"),
    ("abusive partner", "domestic_violence"), ("her husband is abusive", "domestic_violence"),
    # a blow to someone outside the family is an offence
    ("le voisin l'a frappée", "offences"), ("il a frappé la gardienne", "offences"),
    ("he punched the caretaker", "offences"),
    # other verbs and paraphrases
    ("il a été arrêté pour vol", "offences"), ("la police l'a embarqué", "offences"),
    ("il vend de la drogue dans le hall", "offences"), ("il a un casier", "offences"),
    ("il a des problèmes cardiaques", "health"), ("opéré du dos", "health"),
    ("ils se droguaient dans la cave", "health"), ("elles prient", "religion"),
    ("son mari la trompe", "sexuality"), ("il vote Le Pen", "opinion"),
])
def test_who_does_what_to_whom(text, category):
    """Violence told with a verb in any form, and paraphrases, are flagged in their category."""
    assert category in categories(text)


@pytest.mark.parametrize("text", [
    "le gardien a frappé à la porte pour relever les compteurs", "la chaudière bat de l'aile",
    "les voisins battent les tapis", "le vent frappe les volets", "ça cogne dans les tuyaux",
    "le technicien a tapé sur le tuyau", "le technicien l'a tapé pour le relancer",
    "le syndic nous maltraite avec ses charges", "il me tape sur les nerfs avec ses travaux",
    "le bailleur la menace d'expulsion", "ce qui me frappe, c'est le silence du bailleur",
    "faute de frappe dans le courrier", "je me suis fait taper sur les doigts par le syndic",
    "elle le bat au scrabble", "on m'a tapé mon vélo dans la cave", "il la tape à la porte",
    "la table, on la pousse contre le mur", "il prie le bailleur de répondre",
    "on a porté plainte contre le bailleur", "l'ascenseur est arrêté pour travaux",
    "il a un casier à la cave", "il a pas ses papiers de voiture",
    "le bailleur nous traite comme des chiens", "c'est la peste ces cafards",
    "the wind is hitting the shutters", "the landlord threatened her with eviction",
    "someone kicked the front door in", "the roof leak hit the neighbour's ceiling",
    "we did time trials",
])
def test_verbs_of_violence_keep_their_innocent_senses(text):
    """Knocking on doors, beating carpets, a failing boiler and a landlord's threats pass."""
    assert find_sensitive(text) == []


def test_lemmas_named_by_the_lexicon_exist():
    """Every ``<lang:lemma>`` in the lexicon is a word simplemma knows (catches typos)."""
    wanted = screen._lexicon_lemmas()
    unknown = [(lang, lemma) for lang, lemmas in wanted.items() for lemma in sorted(lemmas)
               if not simplemma.is_known(lemma, lang)]
    assert wanted and unknown == []


def test_committed_verb_forms_are_what_simplemma_gives():
    """The forms file matches the lexicon's lemmas, the rules and simplemma: it cannot drift.

    The screen reads only the file at run time; simplemma is a test-time tool.
    """
    committed = screen._read_forms()
    generated = screen.dictionary_forms(screen._lexicon_lemmas())
    stale = sorted({f"<{lang}:{lemma}>" for data in (committed, generated)
                    for lang, entries in data["lemmas"].items() for lemma in entries
                    if committed["lemmas"].get(lang, {}).get(lemma)
                    != generated["lemmas"].get(lang, {}).get(lemma)})
    if committed["simplemma"] != generated["simplemma"]:
        stale.insert(0, f"simplemma {committed['simplemma']} -> {generated['simplemma']}")
    assert committed == generated, (
        f"{screen.FORMS_FILE.name} is stale ({', '.join(stale) or 'layout'}): run "
        f"`.venv/bin/{screen.REGENERATE}` and commit the file")


def test_the_screen_does_not_load_simplemma():
    """Building the screen in a fresh process reads the forms file, not simplemma."""
    code = ("import sys; import association.screen; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'simplemma'))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, cwd=Path(__file__).parent.parent)
    assert result.stdout.strip() == "[]"


def test_lemma_forms_come_from_the_dictionary_and_regular_paradigms():
    """Irregular forms come from simplemma, shared and agreed ones from regular rules."""
    lemmas = screen._Lemmas({"fr": {"battre", "frapper"}, "en": {"beat", "hit"}},
                            screen._read_forms())
    assert {"bats", "battu", "battue", "battaient", "batu"} <= lemmas.forms["fr", "battre"]
    assert {"frappe", "frappee", "frappions", "frape"} <= lemmas.forms["fr", "frapper"]
    assert {"beaten", "beating", "beats"} <= lemmas.forms["en", "beat"]
    assert {"hits", "hitting"} <= lemmas.forms["en", "hit"]


def test_a_misspelling_that_is_another_word_is_left_out():
    """"serait" is not "serrait" typed fast: the dictionary knows it as a form of "être"."""
    lemmas = screen._Lemmas({"fr": {"serrer"}}, screen._read_forms())
    assert "serrait" in lemmas.forms["fr", "serrer"]
    assert "serait" not in lemmas.forms["fr", "serrer"]


def test_a_lemma_missing_from_the_forms_file_names_the_command():
    """A lemma added to the lexicon without regenerating the file fails with the command."""
    with pytest.raises(LookupError, match="regenerate"):
        screen._Lemmas({"fr": {"castagner"}}, screen._read_forms())


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


def test_offsets_of_a_verb_form_point_into_the_original_text():
    """A conjugated form typed with accents and a curly apostrophe is flagged as written."""
    text = "Son mari l’a encore FRAPPÉE hier soir"
    (finding,) = find_sensitive(text)
    assert finding.category == "domestic_violence"
    assert finding.term == "l’a encore FRAPPÉE"
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
