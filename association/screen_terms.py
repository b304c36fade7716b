"""The lexicon of the sensitive-content screen: French and English terms per category.

Terms are regular-expression fragments written against the normalised text that
``association.screen`` builds: lowercase, accents removed, œ/æ spelled out, hyphens,
underscores and line breaks turned into spaces. Conventions inside a fragment:

- a space means "one or more spaces" (so "sans papiers" also matches "sans-papiers");
- an apostrophe means "an apostrophe, a space or nothing" ("d'origine" = "d origine");
- only non-capturing groups ``(?:...)``; matches are whole words.

A term is either a string (always flagged) or ``(fragment, guard)``. Guards look at the words
just before the term, because many words have an innocent sense: "sale" for a stairwell,
"fou" in "un bruit de fou", "église" as a landmark. ``guard`` names one or more entries of
GUARDS joined by "|" (flag when any of them matches) or a single "!name" (flag unless it
matches). Guard sources use plain spaces between words and write "c est" for "c'est".
"""

# Who a judgemental adjective can be about: pronouns and nouns for people. Third person only,
# so that "je deviens folle" (the writer's own exasperation) is not flagged.
_SUBJ = (
    "il|elle|ils|elles|lui|eux|voisin|voisine|voisins|voisines|locataire|locataires|gens|"
    "famille|familles|type|types|mec|mecs|gars|femme|femmes|homme|hommes|mari|epouse|epoux|"
    "conjoint|conjointe|compagnon|compagne|concubin|concubine|copain|copine|fils|fille|filles|"
    "gamin|gamine|gamins|gamines|gosse|gosses|enfant|enfants|ado|ados|monsieur|madame|mr|mme|"
    "m|mlle|dame|dames|vieux|vieille|vieilles|individu|individus|personne|personnes|occupant|"
    "occupante|occupants|jeune|jeunes|pere|mere|frere|soeur|bebe|petit|petite|resident|"
    "residente|residents|habitant|habitante|habitants|couple|temperament|caractere|"
    "comportement|attitude|he|she|they|him|them|he s|she s|they re|neighbour|neighbor|"
    "neighbours|neighbors|tenant|tenants|family|guy|guys|man|men|woman|women|lady|ladies|"
    "people|kid|kids|son|daughter|husband|wife|partner|bloke|person|boy|girl|boys|girls|"
    "child|children|gentleman|mother|father|brother|sister|mum|mom|dad"
)
_SELF = "je|j|tu|t|vous|nous|on|i|i m|you|you re|we|we re|suis|es|sommes|etes"
_COPULA = (
    "est|sont|etait|etaient|sera|seront|devient|deviennent|devenu|devenue|reste|restent|"
    "semble|semblent|parait|a l air|ont l air|avait l air|a deja ete|a ete|ont deja ete|ont ete|"
    "avait ete|est devenu|est devenue|rentre|rentrent|rentrait|tombe|tombee|suis|is|are|was|"
    "were|am|seems|seem|looks|look|gets|get|got|has been|have been|had been|s|re|m"
)
_ADV = (
    "tres|vraiment|trop|completement|totalement|carrement|super|un peu|assez|toujours|"
    "souvent|encore|si|tellement|franchement|plutot|vachement|hyper|grave|gravement|"
    "serieusement|parfois|deja|aussi|really|very|so|totally|completely|quite|a bit|always|"
    "too|bloody|pretty|extremely|absolutely|seriously|often|again|also|sometimes|still|"
    "terminally|critically|mentally|chronically|partially|registered|legally"
)
_MOD = (
    "vrai|vraie|vrais|vraies|sacre|sacree|gros|grosse|pauvre|vieux|vieille|veritable|petit|"
    "petite|real|total|complete|right|proper|bloody|old|big|espece de|bande de"
)
# A word joined to the previous judgement by "et": "agressif et violent".
_CHAIN = "(?: [a-z]+ (?:et|and|ou|or|mais|but))?"

GUARDS = {
    # "il est sale", "les gens du 2e sont sales", "Mme Dupont est folle"
    # (a floor or a name may sit between: "la famille du 6e est", "Mme Dupont est")
    "pred": f"(?:(?:{_SUBJ})(?: (?:du|de la|de l|des|d|from|on|in|at|of)(?: the)? [a-z0-9]+"
            f"(?: [a-z0-9]+)?)?|(?:m|mme|mr|mrs|ms|mlle|monsieur|madame|dr)(?: [a-z]+){{1,2}})"
            f" (?:{_COPULA})(?: (?:{_ADV}))*{_CHAIN}",
    # "voisin sale", "femme enceinte", "tempérament agressif et violent"
    "attr": f"(?:{_SUBJ})(?: (?:{_ADV}))*{_CHAIN}",
    # the writer about themselves, for health only: "je suis enceinte", "tombée malade"
    "self": f"(?:(?:{_SELF})(?: (?:{_COPULA}))?|tombe|tombee|tombes|tombees|tomber|tombera|tombait)"
            f"(?: (?:{_ADV}))*",
    # "c'est un menteur", "ce sont des parasites", "traité de voleur"
    "is_a": f"(?:c est|ce sont|c etait|est|sont|etait|etaient|is|are|was|were|he s|she s|"
            f"they re|traite|traitee|traites|traitees|called)"
            f" (?:un|une|des|de|d|a|an)(?: (?:{_MOD}))*",
    # "le fou du 3e", "la vieille folle", "un sourd"
    "det": f"(?:un|une|le|la|les|l|des|ce|cet|cette|ces|mon|ma|mes|son|sa|ses|leur|leurs|du|"
           f"au|aux|quel|quelle|quels|quelles|espece de|bande de)(?: (?:{_MOD}))*",
    # determiners that point at people rather than at a shop ("chez le chinois")
    "det_people": "(?:un|une|des|les|ces|cette|ce|cet)",
    "origin": "(?:d|de l)? origine|nationalite",
    # worship, not a landmark: "va à l'église", "goes to church"
    "worship": "(?:va|vont|allait|allaient|aller|vais|allons|ira|iront|frequente|frequentent|"
               "frequentait|prie|prient|priait|prier|pilier|piliers|goes|go|went|going|"
               "attends|attend|attended|attending)(?: (?:a|au|a la|a l|de|de la|de l|la|l|le|"
               "to|to the|at|at the|his|her|their|sa|son|leur|tous les jours))*",
    "prayer": "(?:fait|font|faisait|faire|fais|dit|disent)(?: (?:sa|ses|leur|leurs|la|les))?"
              "|sa|ses|leurs",
    "pronoun": "(?:il|elle|ils|elles|he|she|they)(?: (?:tres|beaucoup|souvent|toujours))*",
    "ts": "(?:fait|fais|faire|refait|fera|faisait)(?: (?:une|des|deux|plusieurs))?",
    "hp": "en|l|sorti de l|sortie de l",
    "hospital": "(?:est|sont|etait|etaient|suis|encore|toujours|transporte|transportee|"
                "emmene|emmenee|admis|admise|sorti|sortie|sort)(?: (?:de|d))?(?: a)? l",
    "covid": "(?:a|avait|eu|attrape|attrapee|positif|positive|has|had|got|caught|with)"
             "(?: (?:le|la|au|du))?",
    "aids": "has|had|have|got|with|of|from",
    "gav": "en|sa|une",
    # English "rape", not French "râpé" (a worn carpet): "accused of rape", "a rape"
    "rape_ctx": "of|for|a|the|attempted|after|alleged|reported",
    "union": "(?:militant|militante|militants|militantes|syndique|syndiquee|syndiques|"
             "syndiquees|delegue|deleguee|delegues|deleguees|adherent|adherente|adherents|"
             "encarte|encartee|representant|representante|elu|elue|syndicat|syndical|"
             "syndicale)(?: (?:a|au|chez|de|du|la|le))*",
    "party": "(?:vote|votent|votait|votaient|voter|votera|voteront|electeur|electrice|electeurs|"
             "electrices|militant|militante|militants|militantes|encarte|encartee|encartes|"
             "adherent|adherente|adherents|adherentes|membre|membres|sympathisant|"
             "sympathisante|sympathisants|proche|pro|partisan|partisane|candidat|candidate|"
             "votes|voted|voting|member|supporter|supporters)"
             "(?: (?:pour|du|de|au|a|la|le|chez|des|l|the|for|of))*",
    "yellow_vest": "(?:ancien|ancienne|anciens|anciennes|militant|militante|avec les|chez les)",
    # negative guards: flag unless one of these comes just before
    "access": "(?:acces|place|places|rampe|rampes|toilettes?|wc|parking|stationnement|entree|"
              "ascenseur|douche|sanitaires?|amenage|amenagee?s?|adapte|adaptee?s?|logements?)"
              "(?: [a-z]+){0,3}",
    "blind_wall": "mur|murs|facade|facades|fenetre|fenetres|porte|portes|pignon|pignons|"
                  "confiance|obeissance|foi|amour",
    "abroad": "(?:(?:a|de|depuis|vers|pour) l)|corps|langues?|affaires|monnaies?|devises?|pays|"
              "permis|plaques?|societes?|investisseurs?|etudiants?",
    "speaks": "parle|parlent|parlait|parlaient|lit|lisent|ecrit|ecrivent|comprend|comprennent|"
              "sait|savent",
    "language": "parle|parlent|parler|parlait|en|traduit|traduite|traduction|traduire|cours(?: d)?|"
                "lit|lire|ecrit|langue|alphabet|chiffres?|calligraphie",
    "secours": "secours",
    "unorthodox": "(?:pas|peu|guere)(?: (?:tres|vraiment|du tout))?",
    "halal_shop": "boucherie|boucheries|boucher|rayon|restaurant|restaurants|resto|epicerie|"
                  "kebab|viande|snack|supermarche|magasin|butcher|butchers|shop|store",
    "veiled_thing": "roue|roues|jante|jantes|disque|velo|voix|ciel|soleil",
    "breed": "(?:chiens?|chats?|chevaux|cheval|chiots?)(?: de)?",
    "the_syndic": "le|du|au|un|ce|votre|notre|leur|son|mon",
    "thing": "(?:hall|halls|sol|sols|escalier|escaliers|local|locaux|couloir|couloirs|"
             "appartement|appartements|logement|logements|cave|caves|parking|ascenseur|"
             "ascenseurs|mur|murs|vitres?|tapis|moquettes?|cuisine|cuisines|salle de bain|"
             "toilettes|wc|containers?|conteneurs?|poubelles?|bacs?|cour|palier|paliers|portes?|"
             "entree|immeuble|batiment|residence|lieux|parties communes|vide ordures|rideaux|"
             "fenetres?|rampes?)(?: (?:est|sont|etait|etaient|reste|restent))?(?: (?:{adv}))*"
             .format(adv=_ADV),
    "aggressive_thing": "(?:odeurs?|produits?|couleurs?|lumieres?|eclairage|prix|marketing|"
                        "design|chiens?|bruits?|sons?|nettoyage|detergents?|traitement|"
                        "publicite|dogs?|cleaning|smell|pricing)(?: (?:tres|trop|very|too))?",
}

# People nouns that follow an English adjective: "crazy woman", "dirty people".
_EN_PEOPLE = (
    "(?:man|men|woman|women|lady|ladies|guy|guys|bloke|family|families|people|person|tenant|"
    "tenants|neighbours?|neighbors?|kid|kids|boy|boys|girl|girls|couple|resident|residents|son|"
    "daughter|husband|wife|child|children|gentleman|old man|old woman|old lady|lot)"
)
_KIN = (
    "(?:mari|conjoint|conjointe|compagnon|compagne|copain|copine|ex|ex mari|ex compagnon|"
    "ex conjoint|concubin|concubine|femme|epoux|epouse|partenaire|pere|mere|beau pere|"
    "belle mere|fils|fille|frere|petit ami|petite amie)"
)
_NAT_FR = (
    "(?:(?:algeri|tunisi|syri|egypti|ivoiri|comori|haiti|vietnami|cambodgi|laoti|indi|"
    "armeni|ukraini|itali|bresili|colombi|peruvi|capverdi|guadeloupe|guine|erythre|"
    "martiniqu|mauritani|somali|ethiopi|nigeri|iraki|irani|tunisi)en(?:ne|nes|s)?"
    "|(?:marocain|africain|dominicain|americain|mexicain|afghan|tamoul|philippin|kosovar)"
    "(?:e|es|s)?"
    "|(?:senegal|congol|camerounais|malais|libanais|pakistanais|bangladais|portugais|polonais|"
    "soudanais|gabonais|togolais|beninois|chinois|japonais|antillais|martiniquais|"
    "reunionnais|guyanais|mahorais|albanais|maltais|irlandais|anglais|francais)(?:e|es)?"
    "|senegalais(?:e|es)?|malien(?:ne|nes|s)?|turc|turcs|turque|turques|kurdes?|russes?|"
    "bulgares?|moldaves?|serbes?|tchetchenes?|roumain(?:e|es|s)?|espagnol(?:e|es|s)?|"
    "asiatiques?|maghrebin(?:e|es|s)?|subsaharien(?:ne|nes|s)?)"
)
_NAT_EN = (
    "(?:polish|romanian|moroccan|algerian|nigerian|somali|pakistani|indian|chinese|african|"
    "arab|asian|turkish|kurdish|albanian|eritrean|syrian|afghan|bulgarian|lithuanian|"
    "portuguese|caribbean|jamaican|bangladeshi|sudanese|ghanaian|congolese|vietnamese|"
    "filipino|eastern european|foreign|immigrant|black|traveller|gypsy|roma)"
)

TERMS = {
    "health": (
        "sero ?po(?:sitif|sitive|sitifs|sitives|s)?", "vih", "hiv", "sida", ("aids", "aids"),
        "cancers?", "cancereu(?:x|se|ses)", "tumeurs?", "tumou?rs?", "leucemies?",
        "leuka?emia", "lymphomes?", "lymphoma", "chimio(?:therapie)?s?", "chemo(?:therapy)?",
        "radio ?therap(?:ie|y)", "oncolog[a-z]*", "alzheimer", "parkinson", "demence",
        "dementia", "sclerose en plaques", "multiple sclerosis", "mucoviscidose",
        "cystic fibrosis", "drepanocytose", "sickle cell", "lupus", "fibromyalgie",
        "epilep(?:sie|tique|tiques|sy|tic|tics)", "diabet(?:e|es|ique|iques|ic|ics)",
        "insulines?", "dialys(?:e|es|ee|ees|is)",
        "insuffisan(?:ce|t|te|ts|tes) (?:renale|renal|cardiaque|respiratoire|hepatique)",
        "hepatite(?:s)?", "hepatitis", "tuberculos(?:e|is)", "avc",
        "(?:had|has|suffered|having) a stroke", "infarctus", "crise cardiaque",
        "heart attack", "pacemaker",
        "greffe(?:e)? d(?:u|e|es) (?:rein|reins|foie|coeur|poumon|poumons|moelle)",
        "asthm(?:e|es|atique|atiques|a|atic|atics)", "bpco", "copd",
        "allerg(?:ie|ies|ique|iques|y|ies|ic)", "bronchites? chroniques?",
        "chronic (?:illness|pain|condition|fatigue)", "depressions?",
        "depressi(?:f|ve|fs|ves)", "depressed", ("deprime(?:e|s|es)?", "pred|attr|self"),
        "burn ?out", "antidepress(?:eurs?|ants?)", "anxiolytiques?", "neuroleptiques?",
        "somniferes?", "s(?:ch|k|ck)[iy]zo(?:phr[a-z]*|s)?", "bipolaires?", "bipolar",
        "psychiatr[a-z]*", "pedopsychiatr[a-z]*", "psys?", "psychologues?",
        "psychologist", "psychotherap[a-z]*", "psycho(?:se|ses|tique|tiques|sis|tic)",
        "paranoia", "paranoiaques?", "paranoid",
        "troubles? (?:psychiques?|psychiatriques?|mentaux|bipolaires?|anxieux|"
        "du comportement|obsessionnels?)",
        "mental (?:health|illness|breakdown)", "nervous breakdown", "tentatives? de suicide",
        "suicid[a-z]*", ("ts", "ts"), ("hp", "hp"), "hospitalis[a-z]*", "hospitaliz[a-z]*",
        ("hopital", "hospital"), "in (?:the )?hospital", "addict(?:e|es|s|ed|ion|ions)?",
        "alcoolisme", "alcoholism", "alcoo?lo ?dependan(?:t|te|ts|tes|ce)",
        "dependance a l'alcool", "alcohol (?:problem|problems|dependency|abuse)",
        "drinking problem", "problemes? (?:d'alcool|avec l'alcool|de boisson)", "abus d'alcool",
        "boi(?:t|vent) (?:beaucoup|trop|enormement|comme un trou)", "sectioned",
        "toxicomanes?", "toxicomanie", "toxicos?",
        "se drogu(?:e|ent|ait|aient)", ("drogue(?:e|s|es)", "pred|attr"),
        "drug (?:addict|addicts|addiction|user|users|problem|problems|abuse)", "on drugs",
        "takes drugs",
        "(?:fumeur|fumeurs|fumeuse|consommateur|consommateurs|consommatrice) de "
        "(?:crack|cocaine|coke|heroine)",
        "accros? (?:a|au|aux) (?:la |l')?(?:drogue|alcool|heroine|crack|coke|cocaine|cannabis|"
        "shit|jeu|jeux|boisson)",
        "sevrage", "desintox(?:ication)?", "rehab", "methadone", "subutex", "overdose",
        "csapa", ("enceintes?", "pred|attr|self"),
        "enceintes? de (?:[0-9]+|un|deux|trois|quatre|cinq|six|sept|huit|neuf)(?: mois| semaines)?",
        "enceintes? de (?:jumeaux|son|sa)",
        "grossesses?", "pregnan(?:t|cy|cies)", "accouch[a-z]*", "fausses? couches?", "ivg",
        "avortements?", "miscarriages?", "abortions?", "conges? (?:de )?maternite",
        "maternity leave", ("malades?", "pred|attr|self"), "maladies?",
        ("sick", "pred|attr|self"), "off sick", "sick (?:leave|note)",
        ("ill", "pred|attr|self"), "illness(?:es)?", "diseases?", "infirmier(?:e|s|es)?",
        "district nurse", "palliati(?:f|fs|ve|ves)", "obes(?:e|es|ite|ity)",
        "anorexi[a-z]*", "boulimi[a-z]*", "bulimi[a-z]*", ("covid", "covid"),
        "sous (?:traitement|morphine|oxygene|perfusion)", "morphine", "on medication",
    ),
    "disability": (
        ("handicap(?:e|ee|es|ees|s)?", "!access"),
        "disabilit(?:y|ies)(?! (?:access|ramp|toilet|toilets|parking|bay|bays|lift))",
        ("disabled", "pred|attr"), f"disabled {_EN_PEOPLE}", "fauteuils? roulants?",
        "en fauteuil", "wheelchairs?(?! (?:access|accessible|ramp|ramps))",
        ("mobilite reduite", "!access"), ("aveugles?", "!blind_wall"),
        "malvoyant(?:e|s|es)?", "mal voyant(?:e|s|es)?", "non voyant(?:e|s|es)?",
        "canne blanche", "chien guide", ("blind", "pred"), f"blind {_EN_PEOPLE}",
        "visually impaired", "partially sighted", "(?:sight|hearing) impaired",
        ("sourd(?:e|s|es)?(?! oreilles?)", "pred|attr|det"), "sourds? muets?",
        "sourdes? muettes?", "malentendant(?:e|s|es)?", "deaf(?! ears?)", "hard of hearing",
        "hearing aids?", "langue des signes", "sign language",
        "autis(?:te|tes|me|m|tic)", "asperger", "trisomi(?:e|que|ques)",
        "down'?s? syndrome", "paraplegi(?:que|ques|c|cs|e)", "tetraplegi(?:que|ques|c|e)",
        "quadriplegi(?:c|a)", ("paralys(?:e|ee|es|ees|ie)", "pred|attr|self"),
        ("paraly[sz]ed", "pred|attr"),
        "ampute(?:e|s|es)? (?:d'une|de la|des|d'un|de sa|de son) (?:jambe|jambes|bras|main|pied)",
        ("ampute(?:e|s|es)?", "pred|attr|self"), "amputees?", "infirmes?",
        ("invalides?", "pred|attr|det"), "invalidite", "mdph", "aah", "rqth", "pch",
        "deficien(?:t|te|ts|tes|ce|ces) (?:mental|mentale|mentaux|mentales|intellectuel|"
        "intellectuelle|intellectuels|visuel|visuelle|visuels|auditif|auditive|auditifs)",
        "retard mental", "special needs", "learning difficult(?:y|ies)",
        "deambulateurs?", "walking frame", "zimmer frame", "bequilles", "crutches",
        "mobility scooter", "sous (?:tutelle|curatelle)", "curatelle",
    ),
    "origin": (
        "nationalites?", "nationalit(?:y|ies)", ("pas (?:de nationalite )?francais(?:e|es)?",
                                                  "!speaks"),
        "(?:french|british|eu|uk|foreign|non eu|non uk) nationals?", "sans papiers?",
        "clandestin(?:e|s|es)?", "situation irreguliere", "sejour irregulier",
        "immigr(?:e|ee|es|ees|ation|ations|ant|ante|ants|antes)", "emigre(?:e|s|es)?",
        "migrant(?:e|s|es)?", ("etranger(?:e|s|es)?", "!abroad"), "foreigners?",
        "titres? de sejour", "cartes? de sejour", "oqtf", "residence permits?",
        "leave to remain", "refugi(?:e|ee|es|ees)", "refugees?",
        "demandeu(?:r|rs|se|ses) d'asile", "asile", "asylum", "undocumented", "illegals",
        ("arabes?", "!language"), "rebeu(?:s|e|es)?", "beurs?", "beurettes?",
        ("noir(?:e|s|es)?", "pred|attr|det_people"), ("blacks?", "pred|attr"),
        "roms?", "rroms?", "gitan(?:e|s|es)?", "gens du voyage", "manouches?", "tziganes?",
        "gyps(?:y|ies)", "gipsy", (_NAT_FR, "pred|attr|det_people|origin"),
        f"{_NAT_EN} {_EN_PEOPLE}", (_NAT_EN, "pred"),
        f"sales? (?:{_NAT_FR}|arabes?|noirs?|negres?|bougnoules?|roms?|gitans?|etrangers?|"
        "immigres?|bamboulas?|bicots?|chinetoques?)",
        "ethni(?:e|es|que|ques|c|city|cities)", "racia(?:l|le|les|ux)",
        ("races?", "!breed"), "couleur de peau", "skin colou?r",
        "(?:personnes?|gens|homme|hommes|femme|femmes|famille|familles) de couleur",
        "people of colou?r", "negr(?:e|es|esse|esses|o|os)", "bougnoules?", "bamboulas?",
        "bicots?", "chinetoques?", "niakoues?", "romanos?", "harkis?", "nigg[a-z]*",
        "pakis?", "wogs?",
    ),
    "religion": (
        "musulman(?:e|s|es)?", "muslims?", "moslems?", "islam(?:ique|iques|ic)?",
        "islamistes?", "islamists?", "jui(?:f|fs|ve|ves)", "jews?", "jewish",
        "judaisme", "judaism", "youpin(?:e|s|es)?", "feujs?", ("catholiques?", "!secours"),
        "catholics?", "catholicism(?:e)?", "protestant(?:e|s|es)?", "protestantisme",
        "evangeli(?:que|ques|ste|stes|cal|cals)", "chretien(?:ne|s|nes)?", "christians?",
        "christianisme", "christianity", ("orthodoxes?", "!unorthodox"),
        ("orthodox", "!unorthodox"), "jehovah", "bouddhist(?:e|es|s)?", "bouddhisme",
        "buddhis(?:t|ts|m)", "hindou(?:e|s|es)?", "hindus?", "hindouisme", "hinduism",
        "sikh(?:e|s|es)?", "athee(?:s)?", "atheis(?:t|ts|m|me)", "agnosti(?:que|ques|c|cs)",
        "pratiquant(?:e|s|es)?", "croyant(?:e|s|es)?", "religions?", "religieu(?:x|se|ses)",
        "religious", "ramadan", "careme", "shabbat", "chabbat", "sabbat", "sabbath",
        "casher", "kasher", "cacher", "kosher", ("halal", "!halal_shop"),
        "port(?:e|ent|er|ait|ant) (?:le|un|son) (?:voile|foulard|hijab)",
        ("voilee(?:s)?", "!veiled_thing"), "voile integral", "hijabs?", "niqabs?",
        "burqas?", "burkas?", "tchador", "jilbab", "kippa", "kipa", "kippot",
        "headscar(?:f|fs|ves)",
        ("(?:eglise|mosquee|synagogue|temple|church|mosque|chapelle|paroisse)s?", "worship"),
        "messes?", ("prieres?", "prayer"), ("prie(?:nt)?", "pronoun"), ("prays", "pronoun"),
        "sectes?", "imams?", "rabbins?", "rabbis?",
    ),
    "sexuality": (
        "homosexu[a-z]*", "homos?", "homophob[a-z]*", "lesbophob[a-z]*", "transphob[a-z]*",
        "gays?", "lesbi(?:enne|ennes|an|ans)", "gouines?", "pedes?", "pds?",
        "sales? tapettes?", ("tapettes?", "is_a"), "bisexu[a-z]*",
        "transgen(?:re|res|der|ders)", "transsexu[a-z]*", ("trans", "pred|det_people"),
        "trans (?:woman|women|man|men|person|people|kid|girl|boy)", "non binaires?",
        "non binary", "nonbinary", "queer", "lgbt[a-z]*", "orientation sexuelle",
        "sexual orientation", "vie sexuelle", "sex life", "relations? sexuelles?",
        "sexual (?:relations|relationship|partner|partners)", "sexualite", "sexuality",
        "prostitu[a-z]*", "travailleu(?:r|rs|se|ses) du sexe", "sex work(?:er|ers)?",
        "escort(?:e)? girls?", "racolage", "proxenet[a-z]*",
        "(?:recoit|ramene|recevait|ramenait|recoivent|ramenent) des "
        "(?:hommes|femmes|clients|mecs)",
        "ebats", "f(?:aire|ont|ait|aisaient|aisait) l'amour",
        "trompe (?:sa femme|son mari|sa compagne|son compagnon|sa copine|son copain|"
        "son epouse|son conjoint)",
        "infidel(?:e|es|ite)", "adulteres?", "adultery", "cheat(?:s|ing)? on (?:his|her)",
        "(?:an|having an|has an|had an) affair", "amant(?:e|s|es)?", "sexes?", "sex",
        "porno(?:s|graphie|graphique|graphy|graphic)?", "couple de (?:deux )?(?:femmes|hommes)",
        "same sex",
    ),
    "opinion": (
        "cgt", "cfdt", "cftc", "cfe cgc", "unsa", "fsu", "force ouvriere",
        ("(?:fo|sud|cnt)", "union"), ("syndiqu(?:e|ee|es|ees)", "!the_syndic"),
        "syndicalistes?", "syndicalisme",
        "(?:delegue|deleguee|delegues|militant|militante|militants|engagement|activite|"
        "activites|responsable|mandat) syndica(?:l|le|ux|les)",
        "union (?:rep|reps|member|members|activist|activists|official|organi[sz]er|steward)",
        "trade unionists?", "shop stewards?", "unioni[sz]ed",
        ("(?:rn|fn|ps|lr|lo|udi|modem|reconquete)", "party"), "lfi", "pcf", "npa", "eelv",
        "front national", "rassemblement national", "france insoumise", "insoumis(?:e|es)?",
        "parti (?:communiste|socialiste|de gauche|radical)", "les republicains",
        "lutte ouvriere", "europe ecologie", "communistes?", "communis(?:ts?|m|me)",
        "socialistes?", "socialists?", "gauchistes?", "trotsk[iy]stes?", "trotskyists?",
        "anarchistes?", "anars?", "anarchists?", "fachos?", "fascistes?", "fascists?",
        "neo ?nazi[a-z]*", "nazi(?:e|s|es)?", "extreme (?:droite|gauche)",
        "ultra (?:droite|gauche)", "far (?:right|left)", "right wing", "left wing",
        "ecolos?", "ecologistes?", "royalistes?", "monarchistes?", "identitaires?",
        "souverainistes?", "lepenistes?", "macronistes?", "melenchonistes?",
        "zemmouristes?", ("gilets? jaunes?", "pred|yellow_vest"),
        ("de (?:gauche|droite)", "pred"),
        "vot(?:e|ent|ait|aient|er|era) (?:a|pour la|pour l'|pour les) "
        "(?:gauche|droite|extreme droite|extreme gauche)",
        "opinions? politiques?", "engagement politique", "militant(?:e|s|es)? politiques?",
        "political (?:views|opinions|beliefs|activist|activism|party)", "politically active",
        "tory", "tories", "ukip", "labour (?:party|voter|voters|member|members|supporter|"
        "supporters|activist|councillor)",
        "votes? (?:labour|tory|conservative|reform|green|ukip|lib dem)",
        "(?:conservative|reform|green) (?:voter|voters|supporter|supporters|party member)",
        "trump supporter", "brexiteer",
    ),
    "offences": (
        "casiers? judiciaires?", "casier (?:charge|vierge)",
        "criminal (?:record|records|past|conviction|convictions)",
        "previous convictions?", "convicted", "convicts?", "ex ?cons?",
        "ex (?:convict|prisoner|offender)", "prisons?", "prisonnier(?:e|s|es)?", "taule",
        "taulard(?:e|s|es)?", "zonzon", "maison d'arret", "centre penitentiaire",
        "penitenciers?", "incarcer[a-z]*", "emprisonn[a-z]*", "jail(?:ed|s)?", "gaol",
        "inmates?", "behind bars", ("detenu(?:e|s|es)?", "pred|attr|det"), "garde a vue",
        ("gav", "gav"), "police custody", "in custody",
        "interpell(?:e|ee|es|ees|ation|ations) par (?:la police|les policiers|les flics|"
        "la bac|les keufs|la gendarmerie)",
        "arret(?:e|ee|es|ees) par (?:la police|les policiers|les flics|la bac|"
        "les gendarmes|la gendarmerie)",
        "s'est fait (?:arreter|interpeller|embarquer|serrer|choper)",
        "embarque(?:e|s|es)? par (?:la police|les flics|les keufs|les policiers)",
        "menott(?:e|ee|es|ees)", "arrest(?:ed|s)?",
        "condamn(?:e|ee|es|ees) (?:pour(?! (?:travaux|cause|raison|des raisons|securite))|"
        "a [0-9]|a (?:de la prison|une peine|un an|deux ans|trois ans|cinq ans|dix ans|"
        "du sursis|perpetuite|une amende|la prison|verser)|par (?:le tribunal|la justice|"
        "la cour))",
        ("condamn(?:e|ee|es|ees)", "pred"), "condamnations? (?:penales?|pour)",
        "deja condamn(?:e|ee|es|ees)", "sentenced to", "(?:criminal|prison) sentence",
        "sursis(?! (?:a l'expulsion|a expulsion|d'expulsion|a statuer|a execution|"
        "de paiement|de l'expulsion))",
        "mise a l'epreuve", "liberte conditionnelle", "bracelet electronique", "spip",
        "travaux d'interet general", "probation", "on parole", "electronic tag",
        "delinquan(?:t|te|ts|tes|ce)", "delinquents?", "dealers?", "dealeu(?:r|rs|se|ses)",
        "deale(?:nt|ait|aient)?", "trafiquant(?:e|s|es)?",
        "drug (?:dealing|dealer|dealers)", "(?:dealing|deals|sells|selling|sell) drugs",
        ("voleu(?:r|rs|se|ses)", "pred|is_a"), ("thie(?:f|ves)", "pred|is_a"), "recel",
        "receleu(?:r|rs|se|ses)", ("escrocs?", "pred|is_a"), "fiche(?:e|s|es)? s",
        "connu(?:e|s|es)? (?:des|par les) services de police",
        "connu(?:e|s|es)? de la police", "known to (?:the )?police",
        "plaintes? contre (?:lui|elle|eux|le voisin|la voisine|les voisins|son voisin|"
        "sa voisine|ses voisins|le locataire|la locataire|m|mme|monsieur|madame|ce monsieur|"
        "cette dame)",
        "tribunal correctionnel", "cour d'assises", "comparution immediate",
        "juge d'application des peines", "viols?", "violee(?:s)?", "raped", ("rapes?", "rape_ctx"),
        "agress(?:e|ee|es|ees) sexuellement", "agressions? sexuelles?", "attouchements",
        "sexual(?:ly)? assault(?:ed)?", "pedophil[a-z]*", "paedophil[a-z]*",
        "pedocriminel[a-z]*", "sex offenders?", "recidivistes?", "repeat offenders?",
        "offenders?", ("criminals?", "pred|is_a"),
    ),
    "domestic_violence": (
        "violences? (?:conjugales?|intra ?familiales?|familiales?|domestiques?|"
        "faites aux femmes|au sein du couple|sexuelles?)",
        "domestic (?:violence|abuse)", "intimate partner violence", "coercive control",
        "femmes? battues?", "enfants? battus?", "enfants? maltraite(?:e|s|es)?",
        "battered (?:wife|wives|woman|women|child|children)",
        f"battu(?:e|s|es)? par (?:son|sa|leur|ses|le|la) {_KIN}",
        f"frapp(?:e|ee|es|ees) par (?:son|sa|leur|le|la) {_KIN}",
        "(?:bat|battait|battaient|frappe|frappait|frappent|tabasse|tabassait|cogne|cognait|"
        "brutalise|brutalisait|maltraite|maltraitait|violente|menace|menacait|etrangle|"
        f"etranglait) (?:sa|son|ses|leur|leurs) (?:{_KIN}|enfants?|gosses|gamins|petits)",
        "(?:il|elle) (?:la|le|les) (?:bat|battait|frappe|frappait|cogne|cognait|tabasse|"
        "tabassait)",
        "l'a (?:frappee|battue|cognee|tabassee|frappe|battu|etranglee)",
        f"mains? courantes? contre (?:son|sa|leur) {_KIN}",
        f"plaintes? contre (?:son|sa|leur) {_KIN}", "ordonnance de protection",
        "bracelet anti rapprochement", "telephone grave danger", "3919",
        "victimes? de violences?",
        "(?:mari|conjoint|compagnon|copain|concubin|ex|pere|epoux|partenaire) "
        "(?:est |etait |devient )?(?:tres |souvent |parfois )?violent",
        "cris et (?:des )?coups", "coups et (?:des )?cris", "foyer pour femmes",
        "women'?s (?:refuge|shelter)", "refuge for women", "maltraitances?", "child abuse",
        "(?:beats|beat|hits|hit|abuses|abused|attacks|attacked|threatens|threatened|strangled)"
        " (?:his|her) (?:wife|husband|partner|girlfriend|boyfriend|kids|children|son|daughter)",
        "(?:partner|husband|boyfriend|wife|ex) (?:beats|hits|abuses|attacks|threatens|beat|hit|"
        "abused) (?:her|him)",
        "abusive (?:husband|partner|boyfriend|relationship|ex|father|wife|girlfriend)",
        "restraining order", "(?:he|she) (?:hits|beats|hit|beat) (?:her|him)",
    ),
    "judgement": (
        "alcoo?li(?:que|ques|k|ks|c|cs)", "alcoholics?", "alcoo?los?", "drunk(?:s|ards?|en)?",
        "ivrognes?", "poivrot(?:e|s|es)?", "(?:soulard|saoulard)(?:e|s|es)?",
        "pochtron(?:ne|s|nes)?", "pochards?", ("bourre(?:e|s|es)?", "pred"),
        ("(?:soul|saoul)(?:e|s|es)?", "pred"), ("agressi(?:f|ve|fs|ves)", "!aggressive_thing"),
        ("aggressive", "!aggressive_thing"), ("violent(?:e|s|es)?", "pred|attr"),
        f"violent {_EN_PEOPLE}", "menteu(?:r|rs|se|ses)", "mytho(?:s|mane|manes)?",
        "liars?", "procedurie(?:r|re|rs|res)", "litigious", "vexatious",
        ("(?:fou|folle|fous|folles)(?! rires?)", "pred|attr|det|is_a"),
        ("dingues?", "pred|attr|is_a"), ("cingle(?:e|s|es)?", "pred|attr|det|is_a"),
        ("tare(?:e|s|es)?", "pred|attr|det|is_a"), ("timbre(?:e|s|es)?", "pred"),
        "psychopathes?", ("psychos?", "pred|attr|det|is_a"), "hysteri(?:que|ques|cal)",
        ("desequilibre(?:e|s|es)?", "pred|attr|det|is_a"), ("derange(?:e|s|es)?", "pred"),
        "cas sociaux", "cas social", "cassos", ("assiste(?:e|s|es)?(?! (?:par|de))",
                                                  "pred|is_a|det_people"),
        "profiteu(?:r|rs|se|ses)", ("parasites?", "pred|is_a"), "(?:vit|vivent) en parasites?",
        "scroungers?", "spongers?", "freeloaders?", "feignant(?:e|s|es)?",
        "faineant(?:e|s|es)?", "flemmard(?:e|s|es)?", "faineasses?", ("lazy", "pred|attr"),
        f"lazy {_EN_PEOPLE}", ("sales?", "pred|attr"),
        "sales? (?:type|types|mec|mecs|gars|con|conne|cons|gosse|gosses|gamin|gamine|gamins|"
        "bonne femme|bonnes femmes|vieux|vieille|individu|individus|voisin|voisine|voisins|"
        "voisines|famille|familles|bete|porc|porcs|cochon|cochons|morveux|morveuse|racaille|"
        "clodo|connard|connasse|bourge|bourges|bouffon|bouffons|menteur|menteuse|ivrogne|"
        "poivrot|traitre|flic|flics|keuf|keufs|peste|garce|gueule|tete|caractere|engeance|"
        "personnage|bonhomme|gens)",
        ("(?:dirty|filthy|smelly)", "pred|attr"),
        f"(?:dirty|filthy|smelly|crazy|mad|nasty|disgusting) {_EN_PEOPLE}",
        "dirty (?:bastard|bastards|pig|pigs|old man)",
        ("crasseu(?:x|se|ses)", "!thing"), ("pouilleu(?:x|se|ses)", "!thing"),
        ("crad(?:e|es|ingue|ingues)", "!thing"), ("degueulasses?", "pred|attr"),
        ("pu(?:e|ent)", "attr"), ("stinks?", "attr"), "clochard(?:e|s|es)?", "clodos?",
        "zonard(?:e|s|es)?", "voyous?", "racailles?", "caillera", "vaurien(?:ne|s|nes)?",
        "thugs?", "yobs?", "chavs?", "scum(?:bag|bags)?", "lowlifes?", "white trash",
        "trouble ?makers?", "problem (?:family|families|tenant|tenants)", "junkies?",
        "crackheads?", "druggies?", "slobs?", "nutters?", "nutcases?", "lunatics?",
        "weirdos?", ("creeps?", "pred|is_a"), ("(?:nuts|insane|mad)", "pred"),
        ("crazy", "pred|attr"), ("stupid", "pred|attr"), "morons?",
        ("idiot(?:e|s|es)?", "pred|attr|is_a|det"), ("(?:con|conne|cons|connes)", "is_a|det"),
        "connard(?:e|s|es)?", "connasses?", "abruti(?:e|s|es)?", "imbeciles?",
        "cretin(?:e|s|es)?", "enfoire(?:e|s|es)?", "salauds?", "salopes?",
        "batard(?:e|s|es)?", "petasses?", "pouf(?:f)?iasses?", "megeres?", "harpies?",
        ("garces?", "pred|is_a|det"), ("ordures?", "is_a"), "pourritures?",
        "bitch(?:es)?", "bastards?", "arseholes?", "assholes?", "jerks?", "dickheads?",
        "twats?", ("debiles?", "pred|attr|is_a|det"), "mongoliens?",
        ("attarde(?:e|s|es)?", "pred|attr|is_a|det"), "difficile a vivre",
        "difficult to live with",
        "caractere (?:difficile|de cochon|impossible|execrable|de chien)",
        "mauvais caractere",
        ("(?:insupportables?|invivables?|penibles?|infernal(?:e|es|aux)?|odieu(?:x|se|ses)|"
         "imbuvables?|detestables?|exasperant(?:e|s|es)?)", "pred|attr"),
        ("(?:mal eleve(?:e|s|es)?|malpoli(?:e|s|es)?|impoli(?:e|s|es)?|grossie(?:r|re|rs|res)|"
         "irrespectueu(?:x|se|ses)|malhonnetes?|rude|hypocrites?)", "pred|attr|is_a"),
        "mauvais(?:e|es)? payeu(?:r|rs|se|ses)", "bad payers?", "magouilleu(?:r|rs|se|ses)",
        "sans gene", ("pervers(?:e|es)?", "pred|attr|is_a|det"),
        ("vicieu(?:x|se|ses)", "pred|attr|is_a|det"), ("louches?", "attr"),
        "gros(?:se)? (?:porc|porcs|vache|vaches|lard|dondon|thon)",
        "vieux con", "vieille (?:peau|bique|sorciere)", ("racistes?", "pred|is_a"),
        ("(?:porcs?|cochons?|animaux|sauvages|singes|chiens)", "is_a"), "bons? a rien",
        "bonnes? a rien", "good for nothing", "nos(?:e)?y", "paranos?",
    ),
}
