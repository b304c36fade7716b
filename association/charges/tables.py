"""The tables of the charges check, as declared in the inventory. They hold a building's
accounts as the landlord sent them and the association's reading of them: no personal data at
all (who entered or overruled what is in the audit log, not here)."""
from flask_babel import lazy_gettext as _l

from ..inventory import Column, Table, demo_flag

# Six years from the statement's receipt: the three years of art. 7-1 to claim back, and the
# years after it that the year-on-year comparison reads.
RETENTION = "2190 days after received_on"

TABLES: tuple[Table, ...] = (
    Table(
        "charge_statements",
        _l("the landlord's yearly statements of charges, one per building and year: who sent "
           "it, when it came, its distribution key. No personal data at all"),
        legal_basis="not_personal", people="none", retention=RETENTION, readers=("public",),
        retention_note=_l("(with its lines and overrulings)"),
        columns=(
            Column("id", _l("row number")),
            Column("building_id", _l("the building whose charges these are")),
            Column("year", _l("the year of charges the statement settles")),
            Column("sender", _l("who sent the statement (the landlord or its department)")),
            Column("received_on", _l("when the statement came: the six months to consult the "
                                     "supporting documents and the three years to claim back "
                                     "run from it")),
            Column("distribution_key", _l("how charges are shared: by surface (m²) or by "
                                          "shares")),
            Column("total_units", _l("the building's total m² or shares, to compute costs per "
                                     "unit")),
            Column("social_housing", _l("whether the building is social housing (which text "
                                        "lists the recoverable charges)")),
            Column("published_at", _l("when a volunteer published the check (empty: not "
                                      "public)")),
            Column("case_id", _l("the collective case its letters were added to")),
            Column("created_at", _l("when the statement was entered")),
            Column("updated_at", _l("when the statement was last changed")),
            demo_flag(),
        ),
    ),
    Table(
        "charge_lines",
        _l("the lines of a statement of charges: what was paid for, its nature, the amount "
           "for the building. No personal data at all"),
        legal_basis="not_personal", people="none", retention="until parent_deleted",
        readers=("public",),
        columns=(
            Column("id", _l("row number")),
            Column("statement_id", _l("the statement")),
            Column("position", _l("the line's place in the statement")),
            Column("label", _l("the line's label as the statement writes it (checked by the "
                               "sensitive-content screen: a label about a person is "
                               "refused)")),
            Column("nature", _l("the nature of charge, from the recoverable list")),
            Column("amount_cents", _l("the amount for the building, in cents")),
            Column("stated_unit_amount", _l("the amount per m² or per share the statement "
                                            "gives, if any")),
            Column("charged_percent", _l("the share of the cost the statement charges "
                                         "(a caretaker's pay at 100 or 75 per cent)")),
            Column("created_at", _l("when the line was entered")),
            demo_flag(),
        ),
    ),
    Table(
        "charge_overrules",
        _l("a volunteer's verdict on a line in place of the list's, with the reason. No "
           "personal data at all: who overruled is in the audit log"),
        legal_basis="not_personal", people="none", retention="until parent_deleted",
        readers=("public",),
        columns=(
            Column("id", _l("row number")),
            Column("line_id", _l("the line")),
            Column("verdict", _l("the verdict given: recoverable, partly, not recoverable, "
                                 "to ask about")),
            Column("share", _l("for a partly recoverable line, the recoverable per cent")),
            Column("reason", _l("why, in a sentence (checked by the sensitive-content "
                                "screen: a reason about a person is refused)")),
            Column("created_at", _l("when it was given")),
            demo_flag(),
        ),
    ),
    Table(
        "charge_outages",
        _l("the association's record of a building's equipment out of service (a lift, the "
           "heating): which, from when, until when. Dates only, no personal data at all"),
        legal_basis="not_personal", people="none", retention="2190 days after started_on",
        readers=("volunteer",),
        columns=(
            Column("id", _l("row number")),
            Column("building_id", _l("the building")),
            Column("equipment", _l("what was out of service: a lift, the heating, hot water")),
            Column("started_on", _l("the first day out of service")),
            Column("ended_on", _l("the last day out of service (empty: still out)")),
            Column("created_at", _l("when it was recorded")),
            demo_flag(),
        ),
    ),
)
