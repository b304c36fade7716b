"""What the collective letter says in law, per kind of problem: the landlord's obligations to
cite and the association's usual demand, kept as data (the legal review of issue 22, A2 and
C5). The volunteer starts from these and adjusts them per case; the case keeps what was
adjusted. The letter is written in French whatever the reader's language: the texts are French.

Allocation and transfer requests are individual files (``categories.INDIVIDUAL``): they are
never grouped in a collective case, so they have no entry here.
"""
LOI_89 = "la loi n° 89-462 du 6 juillet 1989"
LOI_86 = "la loi n° 86-1290 du 23 décembre 1986"

# Décret 87-712 art. 1 says "notamment": its list is not exhaustive. Art. 7 d) of loi 89-462
# puts on the landlord whatever vétusté, malfaçon, vice, cas fortuit or force majeure causes.
TENANT_REPAIRS = (
    "Les réparations locatives sont définies par le décret n° 87-712 du 26 août 1987 ; en "
    "tout état de cause, celles qui sont occasionnées par la vétusté, une malfaçon, un vice de "
    "construction, un cas fortuit ou la force majeure incombent au bailleur (article 7 d) de "
    f"{LOI_89}).")
# Only when the volunteer has checked it, case by case (off by default).
NOT_TENANT_REPAIRS = ("Nous avons vérifié que les désordres signalés ne relèvent pas des "
                      "réparations locatives.")

# category: (the obligations to cite, whether the tenant-repairs sentence applies, the demand)
GROUNDS = {
    "repairs": (
        f"En application de l'article 6 c) de {LOI_89} et des articles 1719 et 1720 du code "
        "civil, le bailleur est tenu d'entretenir les locaux en état de servir à l'usage prévu "
        "par le contrat et d'y faire toutes les réparations, autres que locatives, nécessaires "
        "au maintien en état et à l'entretien normal des locaux loués.",
        True,
        "Un diagnostic des désordres, les devis et un calendrier écrit des travaux."),
    "damp": (
        f"L'article 6 de {LOI_89} oblige le bailleur à remettre un logement décent, ne laissant "
        "pas apparaître de risques manifestes pouvant porter atteinte à la sécurité physique ou "
        "à la santé. Le décret n° 2002-120 du 30 janvier 2002 (article 2) exige que le logement "
        "assure le clos et le couvert, que le gros œuvre le protège des infiltrations d'eau et "
        "que ses dispositifs d'ouverture et de ventilation permettent un renouvellement de "
        "l'air adapté aux besoins d'une occupation normale.",
        True,
        "Un diagnostic de la ventilation et des infiltrations, leur traitement, et la remise en "
        "état des logements touchés sans frais pour les locataires."),
    "heating": (
        "Le décret n° 2002-120 du 30 janvier 2002 (article 3) exige une installation "
        "permettant un chauffage normal et une alimentation en eau chaude ; un logement qui en "
        f"est privé n'est pas décent au sens de l'article 6 de {LOI_89}. Les charges de "
        "chauffage ne sont exigibles qu'en contrepartie d'un service rendu (article 23 de la "
        "même loi) : la fourniture d'énergie et l'entretien courant sont récupérables, le gros "
        "entretien ne l'est pas.",
        True,
        "Le rétablissement d'un chauffage normal et de l'eau chaude, les relevés de "
        "température de l'immeuble, et un avoir sur les charges de chauffage de la période."),
    "water": (
        "Le décret n° 2002-120 du 30 janvier 2002 (article 3) exige une installation "
        "d'alimentation en eau potable assurant la distribution à l'intérieur du logement avec "
        f"une pression et un débit suffisants. L'article 6 c) de {LOI_89} met à la charge du "
        "bailleur toutes les réparations autres que locatives.",
        True,
        "La recherche et la réparation des fuites, la remise en état des colonnes, et le "
        "rétablissement d'une pression et d'un débit suffisants."),
    "lifts": (
        f"En application de l'article 6 c) de {LOI_89}, le bailleur doit entretenir les locaux "
        "et leurs équipements en état de servir à l'usage prévu. Le code de la construction et "
        "de l'habitation impose au propriétaire d'un ascenseur un contrat d'entretien et un "
        "contrôle technique périodique. Les charges d'ascenseur ne sont exigibles qu'en "
        "contrepartie d'un service rendu (article 23 de la même loi).",
        True,
        "Un calendrier écrit de remise en service, une solution d'attente pendant la panne, et "
        "la déduction des charges d'ascenseur pour la durée de celle-ci."),
    "pests": (
        f"L'article 6 de {LOI_89} oblige le bailleur à remettre un logement décent « exempt de "
        "toute infestation d'espèces nuisibles et parasites ». Seuls les produits de "
        "désinsectisation sont des charges récupérables (décret n° 87-713 du 26 août 1987) : "
        "la main-d'œuvre du traitement reste à la charge du bailleur.",
        False,
        "Le traitement de l'immeuble entier, parties communes comprises, selon un calendrier "
        "communiqué aux locataires, sans refacturation de la main-d'œuvre."),
    "cleanliness": (
        "L'entretien des parties communes n'est récupérable au titre des charges (décret "
        "n° 87-713 du 26 août 1987 ; décret n° 82-955 du 9 novembre 1982 pour les logements "
        "HLM) qu'en contrepartie d'un service effectivement rendu : les charges ne sont "
        f"exigibles que sur justification (article 23 de {LOI_89}).",
        False,
        "Le rétablissement du nettoyage selon un planning affiché, et la régularisation des "
        "charges pour la période où il n'a pas été assuré."),
    "common_areas": (
        f"En application de l'article 6 c) de {LOI_89} et de l'article 1719 du code civil, le "
        "bailleur doit entretenir les parties communes et leurs équipements (éclairage, portes, "
        "boîtes aux lettres, local à ordures) en état de servir à l'usage prévu. Leur entretien "
        "et l'enlèvement des encombrants ne sont facturés en charges qu'en contrepartie d'un "
        "service rendu (article 23 de la même loi).",
        True,
        "La réparation des équipements en cause selon un calendrier écrit, et l'enlèvement "
        "régulier des encombrants."),
    "caretaker": (
        "Le code de la construction et de l'habitation impose aux bailleurs de certains "
        "ensembles d'habitation une obligation de gardiennage ou de surveillance. La "
        "rémunération du gardien n'est récupérable que dans la mesure du service rendu : aux "
        "trois quarts s'il assure l'entretien des parties communes et l'élimination des "
        "déchets, à 40 % s'il n'assure que l'une de ces tâches (décret n° 87-713 du 26 août "
        "1987 ; décret n° 82-955 du 9 novembre 1982).",
        False,
        "Une présence du gardien aux heures affichées, et le détail de la part de sa "
        "rémunération imputée en charges."),
    "parking": (
        f"Le bailleur doit assurer la jouissance paisible et l'entretien du parking loué "
        f"(article 1719 du code civil ; article 6 de {LOI_89} lorsqu'il est loué avec le "
        "logement). Ses charges ne sont exigibles qu'en contrepartie d'un service rendu "
        "(article 23 de la même loi).",
        True,
        "La remise en état des accès, des portes et de l'éclairage du parking, et la "
        "régularisation de ses charges tant qu'il n'est pas utilisable."),
    "fire_safety": (
        f"L'article 6 de {LOI_89} et le décret n° 2002-120 du 30 janvier 2002 (article 2) "
        "exigent un logement ne laissant pas apparaître de risques manifestes pour la sécurité "
        "physique ou la santé. Le code de la santé publique impose en outre au propriétaire le "
        "dossier technique amiante des parties communes, tenu à la disposition des occupants, "
        "et le constat de risque d'exposition au plomb des parties communes des immeubles "
        "construits avant 1949 ; les équipements de sécurité incendie doivent être entretenus "
        "et vérifiés.",
        False,
        "La communication du dossier technique amiante et du constat de risque d'exposition au "
        "plomb des parties communes, et le calendrier de vérification et de remise en état des "
        "équipements de sécurité incendie."),
    "security": (
        f"L'article 6 b) de {LOI_89} et l'article 1719 3° du code civil obligent le bailleur à "
        "assurer aux locataires la jouissance paisible des lieux ; le décret n° 2002-120 du "
        "30 janvier 2002 (article 2) exige que les dispositifs de retenue des personnes et les "
        "accès soient dans un état conforme à leur usage.",
        True,
        "La réparation des portes et du contrôle d'accès, et le rétablissement de l'éclairage "
        "des accès, selon un calendrier écrit."),
    "noise": (
        f"L'article 6 b) de {LOI_89} et l'article 1719 3° du code civil obligent le bailleur à "
        "assurer aux locataires la jouissance paisible des lieux ; chaque locataire doit "
        "lui-même user paisiblement des locaux (article 7 b) de la même loi). La présente "
        "demande porte sur l'isolation phonique et les équipements de l'immeuble : elle ne vise "
        "aucun foyer.",
        False,
        "Un diagnostic acoustique des parties communes et des équipements bruyants (VMC, "
        "colonnes, portes), et les travaux d'isolation phonique qui en découlent."),
    "charges": (
        "Les charges récupérables ne sont exigibles que sur justification et en contrepartie "
        f"des services rendus (article 23 de {LOI_89} ; décret n° 87-713 du 26 août 1987, ou "
        "article L. 442-3 du code de la construction et de l'habitation et décret n° 82-955 du "
        "9 novembre 1982 pour les logements HLM). Un mois avant leur régularisation annuelle, "
        "le bailleur communique le décompte par nature de charges et le mode de répartition ; "
        "les pièces justificatives sont ensuite tenues à la disposition des locataires pendant "
        "six mois. Les représentants des locataires ont accès aux documents relatifs à la "
        f"détermination et à l'évolution des charges locatives (article 44 de {LOI_86}). Les "
        "sommes trop perçues peuvent être réclamées pendant trois ans (article 7-1 de la loi "
        "n° 89-462).",
        False,
        "Le décompte par nature de charges et la clé de répartition, la consultation des pièces "
        "justificatives dans le délai de six mois, et le remboursement des sommes perçues sans "
        "justification."),
    "rent": (
        "Le bailleur remet gratuitement au locataire qui la demande une quittance distinguant "
        f"le loyer et les charges (article 21 de {LOI_89}) ; l'aide personnalisée au logement "
        "qui lui est versée vient en déduction des sommes dues. Dans le parc social, le loyer "
        "et ses révisions sont encadrés par le code de la construction et de l'habitation, et "
        "le supplément de loyer de solidarité n'est exigible que dans les conditions de ses "
        "articles L. 441-3 et suivants.",
        False,
        "Le détail des sommes appelées (loyer, supplément de loyer de solidarité, provisions "
        "pour charges), de l'aide au logement déduite, et le mode de calcul de toute "
        "augmentation."),
    "works": (
        "Tout projet d'amélioration ayant une incidence sur les loyers ou les charges doit "
        f"faire l'objet d'une concertation préalable avec les locataires (article 44 quater de "
        f"{LOI_86}). Lorsque des travaux durent plus de vingt et un jours, le loyer est diminué "
        "à proportion du temps et de la partie du logement dont les locataires ont été privés "
        "(article 1724 du code civil) ; une contribution au partage des économies de charges "
        f"n'est due que dans les conditions de l'article 23-1 de {LOI_89}.",
        False,
        "Une réunion de concertation avant toute décision, le calendrier des travaux, et les "
        "mesures d'accompagnement des locataires pendant le chantier."),
    "data": (
        "Le bailleur traite les données personnelles de ses locataires dans le respect des "
        "principes de l'article 5 du règlement (UE) 2016/679 (RGPD) ; chaque locataire a le "
        "droit d'obtenir communication de toutes les données le concernant (articles 12 à 15). "
        "L'amicale accompagne les locataires qui exercent ce droit, chacun pour son dossier.",
        False,
        "Une réponse dans le délai d'un mois à chacune des demandes d'accès que les locataires "
        "vous adresseront, et les coordonnées de votre délégué à la protection des données."),
    "other": (
        f"En application de l'article 6 de {LOI_89}, le bailleur est tenu de remettre au "
        "locataire un logement décent, d'assurer sa jouissance paisible et d'entretenir les "
        "locaux en état de servir à l'usage prévu par le contrat.",
        True,
        ""),
}

def default_grounds(kinds: list[str]) -> str:
    """The letter's legal paragraph for these kinds of problem: each kind's obligations once,
    then the tenant-repairs rule once if any of them concerns repairs."""
    known = [kind for kind in dict.fromkeys(kinds) if kind in GROUNDS] or ["other"]
    paragraphs = [GROUNDS[kind][0] for kind in known]
    if any(GROUNDS[kind][1] for kind in known):
        paragraphs.append(TENANT_REPAIRS)
    return "\n\n".join(paragraphs)


def default_demands(kinds: list[str]) -> str:
    """The usual demands for these kinds of problem, one a line (empty when none applies)."""
    return "\n".join(GROUNDS[kind][2] for kind in dict.fromkeys(kinds)
                     if kind in GROUNDS and GROUNDS[kind][2])
