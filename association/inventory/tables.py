"""The shared core's tables, and the register's other items.

Each capability declares its own tables in its package (``TABLES``); the inventory is the
union of both. A new migration that adds a table or a column adds its declaration in the
same change.
"""
from flask_babel import lazy_gettext as _l

from .model import Column, Table


def demo_flag() -> Column:
    """The ``is_demo`` column: demonstration rows, which ``demo --remove`` deletes."""
    return Column("is_demo", _l("marks demonstration content, so it can be told apart and removed"))


TABLES: tuple[Table, ...] = (
    Table(
        "_sqlite_migrations",
        _l("records which schema changes have been applied"),
        legal_basis="not_personal", people="none", retention="keep", readers=("system",),
        technical=True,
        columns=(
            Column("id", _l("row number")),
            Column("migration_set", _l("name of the set of schema changes")),
            Column("name", _l("name of the schema change")),
            Column("applied_at", _l("when the change was applied")),
        ),
    ),
    Table(
        "association_settings",
        _l("who the association is: the controller named in this register"),
        legal_basis="legitimate_interest", people="contacts", retention="keep",
        readers=("public",),
        columns=(
            Column("id", _l("always 1: there is one association per installation")),
            Column("name", _l("name of the association")),
            Column("postal_address", _l("postal address of the association")),
            Column("contact_email", _l("contact address for questions about data"), personal=True,
                   retention="until replaced"),
            Column("federation", _l("the tenants' federation it is affiliated to, if any")),
            Column("represents_tenth", _l("whether it represents at least one in ten of the "
                                          "tenants of its group of buildings")),
            Column("signatory", _l("who signs its letters to landlords (a public function)"),
                   personal=True, retention="until replaced"),
            Column("signatory_function", _l("as what they sign (president, secretary...)")),
            demo_flag(),
            # The legal notice (LCEN art. 6 III) and the register's processors and transfers.
            Column("seat_address", _l("registered office (siège social), for the legal notice")),
            Column("telephone", _l("the association's telephone, for the legal notice"),
                   personal=True, retention="until replaced"),
            Column("rna_number", _l("number in the register of associations (RNA)")),
            Column("publication_director", _l("name of the directeur de la publication (the "
                                              "legal representative), for the legal notice and "
                                              "requests for a right of reply"),
                   personal=True, retention="until replaced"),
            Column("publication_director_function", _l("their function in the association "
                                                       "(usually the président)")),
            Column("host_name", _l("name of the site's host (a processor), for the legal notice "
                                   "and the register")),
            Column("host_address", _l("postal address of the host")),
            Column("host_telephone", _l("telephone of the host")),
            Column("mail_relay", _l("the mail relay that sends messages to members, if any (a "
                                    "processor): name and country")),
            Column("transfers_outside_eu", _l("transfers of personal data outside the European "
                                              "Union, as the association declares them")),
        ),
    ),
    Table(
        "landlords",
        _l("landlords and data controllers the association deals with (public organisations)"),
        legal_basis="legitimate_interest", people="contacts", retention="keep",
        readers=("public",),
        columns=(
            Column("id", _l("row number")),
            Column("name", _l("name of the landlord")),
            Column("postal_address", _l("postal address, for letters")),
            Column("dpo_email", _l("e-mail of the landlord's data protection officer"),
                   personal=True, retention="until replaced"),
            Column("siren", _l("company number (SIREN)")),
            Column("departement", _l("département of its seat: whose public holidays its "
                                     "deadlines count")),
            demo_flag(),
        ),
    ),
    Table(
        "buildings",
        _l("buildings the association covers"),
        legal_basis="not_personal", people="none", retention="keep", readers=("public",),
        columns=(
            Column("id", _l("row number")),
            Column("name", _l("name of the building or residence")),
            Column("street_address", _l("street address of the building")),
            Column("landlord_id", _l("the building's landlord")),
            demo_flag(),
        ),
    ),
    Table(
        "job_runs",
        _l("which scheduled job ran for which period, so each runs exactly once; "
           "feeds the transparency report"),
        legal_basis="not_personal", people="none", retention="400 days after started_at",
        retention_note=_l("(the successful runs of a job that repeats during the day, such as "
                          "sending mail, after 2 days, the latest one excepted)"),
        technical=True, readers=("admin",),
        columns=(
            Column("job", _l("identifier of the job")),
            Column("period", _l("period the run covers")),
            Column("status", _l("running, done or failed")),
            Column("attempts", _l("how many times the run was attempted")),
            Column("started_at", _l("when the run started")),
            Column("finished_at", _l("when the run ended")),
            Column("outcome", _l("counts of what the job did (never personal data)")),
        ),
    ),
    Table(
        "throttle_events",
        _l("attempts counted to slow down guessing and bulk use (sign-ins, keys, reports, "
           "volunteers' searches); who tried is kept only as a keyed hash, and only for the "
           "limit's window (at most a day)"),
        legal_basis="legitimate_interest", people="volunteers",
        retention="1 day after at", technical=True, readers=("system",),
        columns=(
            Column("id", _l("row number")),
            Column("scope", _l("what was attempted (account or address)")),
            Column("subject_hash", _l("keyed hash of the login name or network address"),
                   personal=True),
            Column("at", _l("when the attempt failed")),
        ),
    ),
    Table(
        "audit_log",
        _l("who did what to which record, and when: every volunteer read of a non-public record "
           "and every change; members see the entries about their own records. Never any text, "
           "key or password"),
        export_heading=_l("Who read or changed my records"), export_rank=90,
        legal_basis="legitimate_interest", people="volunteers",
        retention="365 days after at", readers=("admin", "member"),
        member_link="member_id", on_member_erase="unlink",
        columns=(
            Column("id", _l("row number")),
            Column("at", _l("when")),
            Column("volunteer_id", _l("the volunteer who acted"), personal=True),
            Column("volunteer_login", _l("their login name at the time"), personal=True),
            Column("action", _l("read, create, update, delete, reveal, export, sign-in...")),
            Column("object_type", _l("kind of record")),
            Column("object_id", _l("which record")),
            Column("member_id", _l("the member the record belongs to, if any"), personal=True),
            Column("reason", _l("why masked text was revealed, from a closed list (never the "
                                "text itself)")),
            Column("key_confirmed", _l("for a member's own export or erasure, whether a volunteer "
                                       "had confirmed their key (the transparency report counts "
                                       "only those)")),
        ),
    ),
    Table(
        "audit_tallies",
        _l("reads that come in numbers (a search finding a report, a case page showing its "
           "reports), counted once per volunteer, record and day, so that members see one line "
           "per volunteer and day in their log; the audit log holds the first of each. Never "
           "the words searched"),
        export_heading=_l("Searches and pages that showed my records"), export_rank=91,
        legal_basis="legitimate_interest", people="volunteers",
        retention="365 days after last_at", readers=("admin", "member"),
        member_link="member_id", on_member_erase="unlink",
        columns=(
            Column("id", _l("row number")),
            Column("day", _l("the day, in the association's time zone")),
            Column("volunteer_id", _l("the volunteer who read"), personal=True),
            Column("volunteer_login", _l("their login name at the time"), personal=True),
            Column("action", _l("what they did (found in a search, read)")),
            Column("object_type", _l("kind of record")),
            Column("object_id", _l("which record")),
            Column("member_id", _l("the member the record belongs to, if any"), personal=True),
            Column("times", _l("how many times that day")),
            Column("first_at", _l("the first time that day")),
            Column("last_at", _l("the last time that day")),
        ),
    ),
)

# Art. 30 items that do not come from a single table. The processors (the host, the mail
# relay) and the transfers are the association's settings: the register adds them.
RECIPIENTS = (_l("no one else outside the association: nothing is sold, shared or sent to "
                 "third parties"),)
TRANSFERS_OUTSIDE_EU = _l("none declared by the association yet")
# Which legitimate interest (GDPR art. 13(1)(d)): the association's object in its statutes.
LEGITIMATE_INTEREST = _l("to defend the tenants' interests collectively, the association's "
                         "object under its statutes")
# The exception to art. 9(1) for the sensitive text a writer keeps, and the rule of art. 10.
SENSITIVE_BASIS = _l("kept only with the explicit consent of the person who writes it (GDPR "
                     "art. 9(2)(a)), given by a tick box that names the data; deleting the text "
                     "withdraws it. Allegations of offences about other people are never kept "
                     "(GDPR art. 10, art. 46 loi 78-17)")
SECURITY_MEASURES = (
    _l("members are known by a key, never by name, e-mail or phone"),
    _l("the database deletes securely (secure_delete) and retention is enforced by a daily job"),
    _l("strict browser security headers; no third-party content, font, map or analytics"),
    _l("forms are protected against cross-site request forgery"),
    _l("the server's secret key is generated on the server and never leaves it"),
    _l("a backup is made every day and kept at most five weeks (7 daily and 4 weekly copies), "
       "encrypted when the association sets a passphrase; a journal of erasures (keyed hashes "
       "only) makes sure that restoring a backup brings back no one who erased their data"),
)


