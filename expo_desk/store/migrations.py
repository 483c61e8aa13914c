"""The schema, as named append-only migrations (never edit one that has shipped).

Keys are random UUIDs as text so rows made on two PCs never collide; money is integer
fen; lengths in integer centimetres; dates ISO text; timestamps UTC ISO-8601.
``PRAGMA user_version`` holds the schema version so an older Expo Desk can refuse a
newer file.
"""

from __future__ import annotations

import sqlite_utils
from sqlite_utils import Migrations

MIGRATIONS = Migrations("expo_desk")


def _run_script(db: sqlite_utils.Database, script: str) -> None:
    """Run a script one statement at a time: ``executescript`` would commit halfway
    through the migration's own transaction."""
    for statement in script.split(";\n"):
        if statement.strip():
            db.execute(statement)


def _set_version(db: sqlite_utils.Database, version: int) -> None:
    db.execute(f"PRAGMA user_version = {version}")


def _script_migration(db: sqlite_utils.Database, script: str, version: int) -> None:
    """The usual migration: run its script, then record the schema version it makes."""
    _run_script(db, script)
    _set_version(db, version)

_SCHEMA_V1 = """
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT
);
CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('account_manager','design_supervisor',
        'construction_executor','department_manager','administrator')),
    password_hash TEXT,
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);
CREATE TABLE shows (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    name_en TEXT NOT NULL DEFAULT '',
    venue TEXT NOT NULL DEFAULT '',
    city TEXT NOT NULL DEFAULT '',
    build_start TEXT,
    start_date TEXT,
    end_date TEXT,
    teardown_end TEXT,
    currency TEXT NOT NULL DEFAULT 'CNY',
    revenue_target_fen INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE TABLE halls (
    id TEXT PRIMARY KEY,
    show_id TEXT NOT NULL REFERENCES shows(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    width_cm INTEGER NOT NULL CHECK (width_cm > 0),
    depth_cm INTEGER NOT NULL CHECK (depth_cm > 0),
    background_path TEXT,
    background_x_cm INTEGER NOT NULL DEFAULT 0,
    background_y_cm INTEGER NOT NULL DEFAULT 0,
    background_scale REAL NOT NULL DEFAULT 1.0,
    UNIQUE (show_id, code)
);
CREATE TABLE exhibitors (
    id TEXT PRIMARY KEY,
    show_id TEXT NOT NULL REFERENCES shows(id) ON DELETE CASCADE,
    company_name TEXT NOT NULL,
    company_key TEXT NOT NULL,
    company_name_en TEXT NOT NULL DEFAULT '',
    sector TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    website TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    expected_value_fen INTEGER CHECK (expected_value_fen >= 0),
    account_manager_id TEXT REFERENCES users(id) ON DELETE SET NULL,
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (show_id, company_key)
);
CREATE INDEX exhibitors_show_name ON exhibitors(show_id, company_name);
CREATE INDEX exhibitors_manager ON exhibitors(account_manager_id);
CREATE TABLE contacts (
    id TEXT PRIMARY KEY,
    exhibitor_id TEXT NOT NULL REFERENCES exhibitors(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    is_primary INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX contacts_exhibitor ON contacts(exhibitor_id);
CREATE TABLE booths (
    id TEXT PRIMARY KEY,
    show_id TEXT NOT NULL REFERENCES shows(id) ON DELETE CASCADE,
    hall_id TEXT NOT NULL REFERENCES halls(id) ON DELETE CASCADE,
    number TEXT NOT NULL,
    x_cm INTEGER NOT NULL,
    y_cm INTEGER NOT NULL,
    width_cm INTEGER NOT NULL CHECK (width_cm > 0),
    depth_cm INTEGER NOT NULL CHECK (depth_cm > 0),
    booth_type TEXT NOT NULL CHECK (booth_type IN ('shell','raw')),
    status TEXT NOT NULL DEFAULT 'available'
        CHECK (status IN ('available','reserved','sold','blocked')),
    blocked_reason TEXT NOT NULL DEFAULT '',
    reserved_for TEXT NOT NULL DEFAULT '',
    reserved_until TEXT,
    sector TEXT NOT NULL DEFAULT '',
    UNIQUE (show_id, number)
);
CREATE INDEX booths_hall ON booths(hall_id);
CREATE TABLE leads (
    id TEXT PRIMARY KEY,
    show_id TEXT NOT NULL REFERENCES shows(id) ON DELETE CASCADE,
    exhibitor_id TEXT REFERENCES exhibitors(id) ON DELETE SET NULL,
    prospect_name TEXT NOT NULL DEFAULT '',
    account_manager_id TEXT REFERENCES users(id) ON DELETE SET NULL,
    stage TEXT NOT NULL DEFAULT 'contacted'
        CHECK (stage IN ('contacted','visit_booked','proposal','signed','lost')),
    lost_reason TEXT NOT NULL DEFAULT '',
    objections TEXT NOT NULL DEFAULT '',
    expected_value_fen INTEGER CHECK (expected_value_fen >= 0),
    next_follow_up TEXT,
    visit_at TEXT,
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX leads_manager_follow_up ON leads(account_manager_id, next_follow_up);
CREATE TABLE follow_ups (
    id TEXT PRIMARY KEY,
    lead_id TEXT NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
    happened_at TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'call',
    note TEXT NOT NULL DEFAULT '',
    user_id TEXT REFERENCES users(id) ON DELETE SET NULL
);
CREATE INDEX follow_ups_lead ON follow_ups(lead_id);
CREATE TABLE service_items (
    id TEXT PRIMARY KEY,
    show_id TEXT NOT NULL REFERENCES shows(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    name_en TEXT NOT NULL DEFAULT '',
    unit TEXT NOT NULL DEFAULT '',
    unit_price_fen INTEGER NOT NULL CHECK (unit_price_fen >= 0),
    UNIQUE (show_id, code)
);
CREATE TABLE contracts (
    id TEXT PRIMARY KEY,
    show_id TEXT NOT NULL REFERENCES shows(id) ON DELETE CASCADE,
    exhibitor_id TEXT NOT NULL REFERENCES exhibitors(id) ON DELETE RESTRICT,
    number TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft','signed','part_paid','paid','cancelled')),
    account_manager_id TEXT REFERENCES users(id) ON DELETE SET NULL,
    total_fen INTEGER NOT NULL DEFAULT 0,
    discount_fen INTEGER NOT NULL DEFAULT 0 CHECK (discount_fen >= 0),
    discount_approved_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    cancellation_fee_fen INTEGER NOT NULL DEFAULT 0,
    signed_on TEXT,
    cancelled_on TEXT,
    fascia_text TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    UNIQUE (show_id, number)
);
CREATE INDEX contracts_exhibitor ON contracts(exhibitor_id);
CREATE TABLE contract_lines (
    id TEXT PRIMARY KEY,
    contract_id TEXT NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('booth','service','premium','discount','fee')),
    booth_id TEXT REFERENCES booths(id) ON DELETE RESTRICT,
    service_item_id TEXT REFERENCES service_items(id) ON DELETE RESTRICT,
    description TEXT NOT NULL DEFAULT '',
    quantity INTEGER NOT NULL DEFAULT 1,
    unit_price_fen INTEGER NOT NULL DEFAULT 0,
    amount_fen INTEGER NOT NULL,
    holds_booth INTEGER NOT NULL DEFAULT 0 CHECK (holds_booth IN (0, 1)),
    CHECK (holds_booth = 0 OR booth_id IS NOT NULL)
);
CREATE INDEX contract_lines_contract ON contract_lines(contract_id);
-- A booth can hold at most one active sale: enforced here, not only in Python.
CREATE UNIQUE INDEX one_active_sale_per_booth ON contract_lines(booth_id) WHERE holds_booth = 1;
CREATE TABLE payment_schedule (
    id TEXT PRIMARY KEY,
    contract_id TEXT NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
    label TEXT NOT NULL DEFAULT '',
    due_on TEXT NOT NULL,
    amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0)
);
CREATE INDEX payment_schedule_contract ON payment_schedule(contract_id);
CREATE TABLE payments (
    id TEXT PRIMARY KEY,
    contract_id TEXT NOT NULL REFERENCES contracts(id) ON DELETE RESTRICT,
    paid_on TEXT NOT NULL,
    amount_fen INTEGER NOT NULL CHECK (amount_fen <> 0),
    method TEXT NOT NULL DEFAULT 'bank_transfer',
    reference TEXT NOT NULL DEFAULT '',
    proof_path TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    recorded_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX payments_contract ON payments(contract_id);
CREATE TABLE tasks (
    id TEXT PRIMARY KEY,
    show_id TEXT NOT NULL REFERENCES shows(id) ON DELETE CASCADE,
    parent_id TEXT REFERENCES tasks(id) ON DELETE CASCADE,
    booth_id TEXT REFERENCES booths(id) ON DELETE SET NULL,
    level TEXT NOT NULL CHECK (level IN ('milestone','event','task')),
    role TEXT CHECK (role IN ('account_manager','design_supervisor','construction_executor')),
    owner_id TEXT REFERENCES users(id) ON DELETE SET NULL,
    name TEXT NOT NULL,
    planned_start TEXT,
    planned_finish TEXT,
    baseline_start TEXT,
    baseline_finish TEXT,
    actual_start TEXT,
    actual_finish TEXT,
    status TEXT NOT NULL DEFAULT 'not_started'
        CHECK (status IN ('not_started','in_progress','blocked','done')),
    blocked_reason TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    sort_order INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX tasks_show_level ON tasks(show_id, level);
CREATE INDEX tasks_parent ON tasks(parent_id);
CREATE INDEX tasks_owner ON tasks(owner_id, status);
CREATE INDEX tasks_booth ON tasks(booth_id);
CREATE TABLE task_dependencies (
    id TEXT PRIMARY KEY,
    predecessor_id TEXT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    successor_id TEXT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    lag_days INTEGER NOT NULL DEFAULT 0,
    UNIQUE (predecessor_id, successor_id),
    CHECK (predecessor_id <> successor_id)
);
CREATE INDEX task_dependencies_successor ON task_dependencies(successor_id);
CREATE TABLE visitor_counts (
    id TEXT PRIMARY KEY,
    show_id TEXT NOT NULL REFERENCES shows(id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    sector TEXT NOT NULL DEFAULT '',
    visitors INTEGER NOT NULL CHECK (visitors >= 0),
    UNIQUE (show_id, day, sector)
);
CREATE TABLE exhibitor_leads (
    id TEXT PRIMARY KEY,
    exhibitor_id TEXT NOT NULL REFERENCES exhibitors(id) ON DELETE CASCADE,
    captured_on TEXT,
    visitor_name TEXT NOT NULL DEFAULT '',
    visitor_company TEXT NOT NULL DEFAULT '',
    contact TEXT NOT NULL DEFAULT '',
    interest TEXT NOT NULL DEFAULT '',
    agreement_signed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX exhibitor_leads_exhibitor ON exhibitor_leads(exhibitor_id);
CREATE TABLE survey_answers (
    id TEXT PRIMARY KEY,
    exhibitor_id TEXT NOT NULL REFERENCES exhibitors(id) ON DELETE CASCADE,
    question TEXT NOT NULL,
    answer TEXT NOT NULL DEFAULT '',
    score INTEGER
);
CREATE INDEX survey_answers_exhibitor ON survey_answers(exhibitor_id);
CREATE TABLE audit_log (
    id TEXT PRIMARY KEY,
    at TEXT NOT NULL,
    user_id TEXT,
    user_name TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('insert','update','delete')),
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    old_values TEXT,
    new_values TEXT
);
CREATE INDEX audit_log_row ON audit_log(table_name, row_id);
CREATE INDEX audit_log_at ON audit_log(at);
"""


@MIGRATIONS(name="0001_initial_schema")
def initial_schema(db: sqlite_utils.Database) -> None:
    _run_script(db, _SCHEMA_V1)
    db.execute(f"PRAGMA application_id = {0x45585044}")
    _set_version(db, 1)


# Every word a user may type to find an exhibitor, kept in one column by triggers so a
# search scans one column of one table (30,000 exhibitors answer in a few ms) and stays
# right whichever path wrote the row: services, importer, bulk demo load or sync.
_SEARCH_TEXT = """
    company_name || ' ' || company_name_en || ' ' || sector || ' ' || phone || ' ' || email || ' ' ||
    coalesce((SELECT display_name FROM users WHERE users.id = exhibitors.account_manager_id), '') || ' ' ||
    coalesce((SELECT group_concat(name || ' ' || phone || ' ' || email, ' ') FROM contacts
              WHERE contacts.exhibitor_id = exhibitors.id), '')
"""
_SEARCH_TRIGGERS = f"""
CREATE TRIGGER exhibitors_search_insert AFTER INSERT ON exhibitors BEGIN
    UPDATE exhibitors SET search_text = {_SEARCH_TEXT} WHERE id = NEW.id;
END;
CREATE TRIGGER exhibitors_search_update
AFTER UPDATE OF company_name, company_name_en, sector, phone, email, account_manager_id ON exhibitors BEGIN
    UPDATE exhibitors SET search_text = {_SEARCH_TEXT} WHERE id = NEW.id;
END;
CREATE TRIGGER contacts_search_insert AFTER INSERT ON contacts BEGIN
    UPDATE exhibitors SET search_text = {_SEARCH_TEXT} WHERE id = NEW.exhibitor_id;
END;
CREATE TRIGGER contacts_search_update AFTER UPDATE OF name, phone, email, exhibitor_id ON contacts BEGIN
    UPDATE exhibitors SET search_text = {_SEARCH_TEXT} WHERE id IN (OLD.exhibitor_id, NEW.exhibitor_id);
END;
CREATE TRIGGER contacts_search_delete AFTER DELETE ON contacts BEGIN
    UPDATE exhibitors SET search_text = {_SEARCH_TEXT} WHERE id = OLD.exhibitor_id;
END;
CREATE TRIGGER users_search_rename AFTER UPDATE OF display_name ON users BEGIN
    UPDATE exhibitors SET search_text = {_SEARCH_TEXT} WHERE account_manager_id = NEW.id;
END;
"""


def refresh_derived_columns(db: sqlite_utils.Database) -> None:
    """Recompute every trigger-maintained column at once (after a load with triggers off)."""
    db.execute(f"UPDATE exhibitors SET search_text = {_SEARCH_TEXT}")


@MIGRATIONS(name="0002_exhibitor_search_text")
def exhibitor_search_text(db: sqlite_utils.Database) -> None:
    db.execute("ALTER TABLE exhibitors ADD COLUMN search_text TEXT NOT NULL DEFAULT ''")
    refresh_derived_columns(db)
    # Covering index: counting matches reads the index alone, not every row.
    db.execute("CREATE INDEX exhibitors_search ON exhibitors(show_id, search_text)")
    for statement in _SEARCH_TRIGGERS.split("END;"):
        if statement.strip():
            db.execute(statement + "END;")
    _set_version(db, 2)


@MIGRATIONS(name="0003_audit_indexes")
def audit_indexes(db: sqlite_utils.Database) -> None:
    # The audit trail viewer filters by person or table and lists newest first: with
    # (filter column, at) the first page of a million entries is a short index walk, not
    # a sort. One record's history gets `at` too, or SQLite would rather walk the whole
    # table's entries in (table_name, at) order than sort a record's few.
    db.execute("CREATE INDEX IF NOT EXISTS audit_log_user_at ON audit_log(user_id, at)")
    db.execute("CREATE INDEX IF NOT EXISTS audit_log_name_at ON audit_log(user_name, at)")
    db.execute("CREATE INDEX IF NOT EXISTS audit_log_table_at ON audit_log(table_name, at)")
    db.execute("DROP INDEX IF EXISTS audit_log_row")
    db.execute("CREATE INDEX audit_log_row ON audit_log(table_name, row_id, at)")
    _set_version(db, 3)


# A show's pricing rules (expo_desk.domain.pricing explains each kind): money in fen,
# percentages in basis points (1,000 = 10 %), area thresholds in whole m², dates ISO and
# inclusive. One row per rule so each change leaves its own audit entry.
_PRICING_RULES = """
CREATE TABLE pricing_rules (
    id TEXT PRIMARY KEY,
    show_id TEXT NOT NULL REFERENCES shows(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('shell_base','raw_base','area_band','open_sides',
        'early_bird','late_surcharge')),
    booth_type TEXT NOT NULL DEFAULT '' CHECK (booth_type IN ('','shell','raw')),
    label TEXT NOT NULL DEFAULT '',
    label_en TEXT NOT NULL DEFAULT '',
    amount_fen INTEGER CHECK (amount_fen IS NULL OR amount_fen >= 0),
    percent_bp INTEGER CHECK (percent_bp IS NULL OR percent_bp BETWEEN 1 AND 10000),
    min_area_m2 INTEGER CHECK (min_area_m2 IS NULL OR min_area_m2 >= 0),
    area_from_m2 INTEGER CHECK (area_from_m2 IS NULL OR area_from_m2 >= 0),
    area_to_m2 INTEGER CHECK (area_to_m2 IS NULL OR area_to_m2 > coalesce(area_from_m2, 0)),
    open_sides TEXT NOT NULL DEFAULT '' CHECK (open_sides IN ('','inline','corner','peninsula','island')),
    effective_from TEXT,
    effective_to TEXT,
    sort_order INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    CHECK (amount_fen IS NOT NULL OR percent_bp IS NOT NULL),
    CHECK (effective_from IS NULL OR effective_to IS NULL OR effective_from <= effective_to)
);
CREATE INDEX pricing_rules_show ON pricing_rules(show_id, sort_order)
"""


@MIGRATIONS(name="0004_pricing_rules")
def pricing_rules(db: sqlite_utils.Database) -> None:
    _script_migration(db, _PRICING_RULES, 4)


# The sales terms of a show (one row per show, keyed by the show's id), what contracts
# need beyond their lines, the department manager's spot checks (the draw's seed is kept
# so a sample can be drawn again) and rebooking offers for the next edition.
_SALES = """
CREATE TABLE show_terms (
    id TEXT PRIMARY KEY REFERENCES shows(id) ON DELETE CASCADE,
    contract_prefix TEXT NOT NULL DEFAULT '',
    deposit_bp INTEGER NOT NULL DEFAULT 3000 CHECK (deposit_bp BETWEEN 0 AND 10000),
    deposit_due_days INTEGER NOT NULL DEFAULT 14 CHECK (deposit_due_days >= 0),
    balance_due_on TEXT,
    discount_threshold_bp INTEGER NOT NULL DEFAULT 500 CHECK (discount_threshold_bp BETWEEN 0 AND 10000),
    booth_sold_on TEXT NOT NULL DEFAULT 'signing' CHECK (booth_sold_on IN ('signing','deposit')),
    cancellation_schedule TEXT NOT NULL DEFAULT '[[90, 3000], [30, 5000], [0, 10000]]',
    draft_hold_days INTEGER NOT NULL DEFAULT 14 CHECK (draft_hold_days >= 1),
    expiry_warning_days INTEGER NOT NULL DEFAULT 3 CHECK (expiry_warning_days >= 0)
);
ALTER TABLE contracts ADD COLUMN discount_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE contracts ADD COLUMN discount_approved_at TEXT;
ALTER TABLE contracts ADD COLUMN signed_total_fen INTEGER;
ALTER TABLE contracts ADD COLUMN edited_after_signing INTEGER NOT NULL DEFAULT 0;
ALTER TABLE contracts ADD COLUMN cancel_reason TEXT NOT NULL DEFAULT '';
CREATE INDEX contracts_show_status ON contracts(show_id, status);
CREATE INDEX contracts_manager ON contracts(account_manager_id);
ALTER TABLE shows ADD COLUMN previous_show_id TEXT REFERENCES shows(id) ON DELETE SET NULL;
CREATE TABLE spot_checks (
    id TEXT PRIMARY KEY,
    show_id TEXT NOT NULL REFERENCES shows(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('contracts','payments')),
    sample_size INTEGER NOT NULL CHECK (sample_size > 0),
    seed INTEGER NOT NULL,
    population INTEGER NOT NULL,
    drawn_at TEXT NOT NULL,
    drawn_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    drawn_by_name TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    signed_off_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    signed_off_at TEXT
);
CREATE INDEX spot_checks_show ON spot_checks(show_id, drawn_at);
CREATE TABLE spot_check_items (
    id TEXT PRIMARY KEY,
    spot_check_id TEXT NOT NULL REFERENCES spot_checks(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    row_id TEXT NOT NULL,
    checks TEXT NOT NULL DEFAULT '{}',
    note TEXT NOT NULL DEFAULT '',
    UNIQUE (spot_check_id, position)
);
CREATE TABLE rebooking_offers (
    id TEXT PRIMARY KEY,
    show_id TEXT NOT NULL REFERENCES shows(id) ON DELETE CASCADE,
    exhibitor_id TEXT NOT NULL REFERENCES exhibitors(id) ON DELETE CASCADE,
    booth_id TEXT REFERENCES booths(id) ON DELETE SET NULL,
    previous_contract_id TEXT,
    offered_until TEXT,
    on_site INTEGER NOT NULL DEFAULT 0 CHECK (on_site IN (0, 1)),
    status TEXT NOT NULL DEFAULT 'offered' CHECK (status IN ('offered','accepted','declined','expired')),
    created_at TEXT NOT NULL
);
CREATE INDEX rebooking_offers_show ON rebooking_offers(show_id, status)
"""


@MIGRATIONS(name="0005_sales_terms_spot_checks")
def sales_terms_spot_checks(db: sqlite_utils.Database) -> None:
    _script_migration(db, _SALES, 5)


# The build schedule's templates (a booth type's tasks made when its contract is signed,
# the show's own milestones and main events), a checklist per task, the punch list of
# problems found on site, and on each task the contract and template it came from.
_SCHEDULE = """
CREATE TABLE task_templates (
    id TEXT PRIMARY KEY,
    show_id TEXT NOT NULL REFERENCES shows(id) ON DELETE CASCADE,
    scope TEXT NOT NULL CHECK (scope IN ('show','shell','raw')),
    position INTEGER NOT NULL,
    level TEXT NOT NULL DEFAULT 'task' CHECK (level IN ('milestone','event','task')),
    name TEXT NOT NULL,
    name_en TEXT NOT NULL DEFAULT '',
    role TEXT CHECK (role IN ('account_manager','design_supervisor','construction_executor')),
    duration_days INTEGER NOT NULL DEFAULT 1 CHECK (duration_days >= 0),
    after_position INTEGER,
    lag_days INTEGER NOT NULL DEFAULT 0,
    anchor TEXT CHECK (anchor IN ('signed','build_start','start_date','end_date','teardown_end')),
    anchor_offset_days INTEGER NOT NULL DEFAULT 0,
    parent_position INTEGER,
    checklist TEXT NOT NULL DEFAULT '[]',
    UNIQUE (show_id, scope, position)
);
ALTER TABLE tasks ADD COLUMN contract_id TEXT REFERENCES contracts(id) ON DELETE SET NULL;
ALTER TABLE tasks ADD COLUMN template_id TEXT REFERENCES task_templates(id) ON DELETE SET NULL;
ALTER TABLE tasks ADD COLUMN percent_done INTEGER NOT NULL DEFAULT 0 CHECK (percent_done BETWEEN 0 AND 100);
CREATE INDEX tasks_contract ON tasks(contract_id);
CREATE INDEX tasks_show_role_status ON tasks(show_id, role, status);
CREATE TABLE task_checklist_items (
    id TEXT PRIMARY KEY,
    task_id TEXT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
    done_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    done_at TEXT
);
CREATE INDEX task_checklist_task ON task_checklist_items(task_id, position);
CREATE TABLE punch_items (
    id TEXT PRIMARY KEY,
    show_id TEXT NOT NULL REFERENCES shows(id) ON DELETE CASCADE,
    task_id TEXT REFERENCES tasks(id) ON DELETE SET NULL,
    booth_id TEXT REFERENCES booths(id) ON DELETE SET NULL,
    severity TEXT NOT NULL CHECK (severity IN ('low','medium','high','critical')),
    description TEXT NOT NULL,
    photo_path TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','fixed','closed')),
    reported_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    reported_at TEXT NOT NULL,
    fixed_at TEXT
);
CREATE INDEX punch_items_show ON punch_items(show_id, status)
"""


@MIGRATIONS(name="0006_schedule_templates_punch_list")
def schedule_templates_punch_list(db: sqlite_utils.Database) -> None:
    _script_migration(db, _SCHEDULE, 6)


# What the documents need beyond sales and schedule: the show's own texts for the exhibitor
# pack (welcome, venue rules, contacts, badges… in Chinese and English), and per exhibitor
# the account manager's notes on the show's non-monetary outcomes and what the organizer
# did for them, for the post-show report.
_DOCUMENTS = """
CREATE TABLE show_texts (
    id TEXT PRIMARY KEY,
    show_id TEXT NOT NULL REFERENCES shows(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    text_zh TEXT NOT NULL DEFAULT '',
    text_en TEXT NOT NULL DEFAULT '',
    UNIQUE (show_id, key)
);
CREATE TABLE post_show_outcomes (
    id TEXT PRIMARY KEY REFERENCES exhibitors(id) ON DELETE CASCADE,
    services_delivered TEXT NOT NULL DEFAULT '',
    promotion TEXT NOT NULL DEFAULT '',
    matchmaking TEXT NOT NULL DEFAULT '',
    sales_network TEXT NOT NULL DEFAULT '',
    brand_image TEXT NOT NULL DEFAULT '',
    customer_needs TEXT NOT NULL DEFAULT '',
    competition TEXT NOT NULL DEFAULT '',
    updated_at TEXT,
    updated_by TEXT REFERENCES users(id) ON DELETE SET NULL
);
ALTER TABLE exhibitor_leads ADD COLUMN source TEXT NOT NULL DEFAULT '';
ALTER TABLE exhibitor_leads ADD COLUMN agreement_value_fen INTEGER CHECK (agreement_value_fen IS NULL OR agreement_value_fen >= 0);
CREATE INDEX visitor_counts_show_day ON visitor_counts(show_id, day);
CREATE INDEX survey_answers_question ON survey_answers(exhibitor_id, question)
"""


@MIGRATIONS(name="0007_show_texts_post_show_outcomes")
def show_texts_post_show_outcomes(db: sqlite_utils.Database) -> None:
    _script_migration(db, _DOCUMENTS, 7)


# What the printed documents name besides: the venue in English, and how to reach the
# organizer's people (an account manager's phone and e-mail on the exhibitor pack).
_CONTACT_DETAILS = """
ALTER TABLE shows ADD COLUMN venue_en TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN phone TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN email TEXT NOT NULL DEFAULT ''
"""


@MIGRATIONS(name="0008_contact_details")
def contact_details(db: sqlite_utils.Database) -> None:
    _script_migration(db, _CONTACT_DETAILS, 8)


# Copies of a show exchange changesets (SQLite's session extension). These tables are each
# copy's own bookkeeping and never travel: who this copy is, which files it has sent and
# applied, and the conflicts waiting for the department manager.
_SYNC = """
CREATE TABLE sync_state (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    code TEXT NOT NULL DEFAULT '',
    origin_id TEXT,
    origin_name TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    next_seq INTEGER NOT NULL DEFAULT 1,
    last_sent_id TEXT,
    copies_made INTEGER NOT NULL DEFAULT 0,
    last_sent_at TEXT,
    last_received_at TEXT
);
CREATE TABLE sync_files (
    id TEXT PRIMARY KEY,
    replica_id TEXT NOT NULL,
    replica_name TEXT NOT NULL DEFAULT '',
    seq INTEGER NOT NULL,
    direction TEXT NOT NULL CHECK (direction IN ('sent','applied')),
    made_at TEXT NOT NULL,
    made_by TEXT NOT NULL DEFAULT '',
    file_name TEXT NOT NULL DEFAULT '',
    changes INTEGER NOT NULL DEFAULT 0,
    conflicts INTEGER NOT NULL DEFAULT 0,
    refused INTEGER NOT NULL DEFAULT 0,
    done_at TEXT NOT NULL
);
CREATE INDEX sync_files_replica ON sync_files(replica_id, seq);
CREATE TABLE sync_conflicts (
    id TEXT PRIMARY KEY,
    file_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('value','duplicate','missing','refused')),
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    column_name TEXT NOT NULL DEFAULT '',
    ours TEXT,
    theirs TEXT,
    ours_by TEXT NOT NULL DEFAULT '',
    ours_at TEXT NOT NULL DEFAULT '',
    theirs_by TEXT NOT NULL DEFAULT '',
    theirs_at TEXT NOT NULL DEFAULT '',
    theirs_copy TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','resolved')),
    chosen TEXT CHECK (chosen IN ('ours','theirs')),
    resolved_by TEXT,
    resolved_at TEXT,
    settled_value TEXT,
    sent INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sync_conflicts_open ON sync_conflicts(status, table_name, row_id)
"""


@MIGRATIONS(name="0009_sync")
def sync(db: sqlite_utils.Database) -> None:
    _script_migration(db, _SYNC, 9)


SCHEMA_VERSION = 9
