"""Exhibitor and contact use cases: validate, write in one transaction, audit, report changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from expo_desk.domain.actors import Actor
from expo_desk.domain.exhibitors import EXHIBITOR_FIELDS, clean_contact, clean_exhibitor, normalise_company
from expo_desk.domain.permissions import Action, can, require, require_owner
from expo_desk.errors import PermissionDenied, Problem, UserError, ValidationError
from expo_desk.services.audit import decode_entries
from expo_desk.services.changes import ChangeSet, record_delete, record_insert, record_update
from expo_desk.store import exhibitors as exhibitor_store
from expo_desk.store import records
from expo_desk.store import users as user_store
from expo_desk.store.transactions import transaction

if TYPE_CHECKING:
    from expo_desk.store.db import Database


def _duplicate_problem(db: Database, show_id: str, name: str, exclude_id: str | None) -> list[Problem]:
    clash = exhibitor_store.company_key_owner(db, show_id, normalise_company(name), exclude_id)
    if clash is not None:
        return [Problem("company_name", f"本届展会已有此公司 / this show already has this company: {clash}")]
    return []


def _check_manager(db: Database, manager_id: str | None) -> list[Problem]:
    if manager_id and not user_store.user_exists(db, manager_id):
        return [Problem("account_manager_id", "客户经理不存在 / no such account manager")]
    return []


def _assignable_manager(actor: Actor, manager_id: str | None) -> str | None:
    """An account manager may only own exhibitors themselves; managers assign anyone."""
    if can(actor, Action.EDIT_ANY_EXHIBITOR):
        return manager_id
    if manager_id not in (None, actor.user_id):
        raise PermissionDenied(f"{actor.name} 只能把展商分配给自己 / {actor.name} may only assign exhibitors to themselves")
    return actor.user_id


def require_owner_of(db: Database, actor: Actor, exhibitor_id: str) -> dict:
    """The exhibitor, once the actor is allowed to change it."""
    require(actor, Action.EDIT_EXHIBITORS)
    current = exhibitor_store.get(db, exhibitor_id)
    if current is None:
        raise UserError("展商已被删除 / this exhibitor no longer exists")
    require_owner(actor, current["account_manager_id"], current["company_name"])
    return current


def create_exhibitor(db: Database, actor: Actor, show_id: str, values: dict,
                     contacts: list[dict] | None = None) -> ChangeSet:
    """Add an exhibitor (and its contacts) to a show; every problem reported at once."""
    require(actor, Action.EDIT_EXHIBITORS)
    cleaned, problems = clean_exhibitor(values)
    cleaned["account_manager_id"] = _assignable_manager(actor, cleaned.get("account_manager_id"))
    cleaned_contacts = []
    for index, contact in enumerate(contacts or [], start=1):
        c_clean, c_problems = clean_contact(contact)
        cleaned_contacts.append(c_clean)
        problems += [Problem(p.field, p.message, where=f"contact {index}") for p in c_problems]
    changes = ChangeSet()
    with transaction(db):
        if cleaned.get("company_name"):
            problems += _duplicate_problem(db, show_id, cleaned["company_name"], None)
        problems += _check_manager(db, cleaned.get("account_manager_id"))
        if problems:
            raise ValidationError(problems)
        now = records.utc_now()
        row = record_insert(db, actor, changes, "exhibitors", {
            "show_id": show_id, **cleaned, "company_key": normalise_company(cleaned["company_name"]),
            "created_at": now, "updated_at": now,
        })
        for contact in cleaned_contacts:
            record_insert(db, actor, changes, "contacts", {"exhibitor_id": row["id"], **contact})
    return changes


def update_exhibitor(db: Database, actor: Actor, exhibitor_id: str, values: dict) -> ChangeSet:
    """Change some fields of an exhibitor; unchanged values leave no audit entry."""
    cleaned, problems = clean_exhibitor(values, partial=True)
    changes = ChangeSet()
    with transaction(db):
        current = require_owner_of(db, actor, exhibitor_id)
        if "account_manager_id" in cleaned and cleaned["account_manager_id"] != current["account_manager_id"]:
            cleaned["account_manager_id"] = _assignable_manager(actor, cleaned["account_manager_id"])
        if "company_name" in cleaned and cleaned["company_name"]:
            problems += _duplicate_problem(db, current["show_id"], cleaned["company_name"], exhibitor_id)
            cleaned["company_key"] = normalise_company(cleaned["company_name"])
        problems += _check_manager(db, cleaned.get("account_manager_id"))
        if problems:
            raise ValidationError(problems)
        if record_update(db, actor, changes, "exhibitors", exhibitor_id, cleaned):
            exhibitor_store.touch(db, exhibitor_id, records.utc_now())
    return changes


def delete_exhibitor(db: Database, actor: Actor, exhibitor_id: str) -> ChangeSet:
    """Remove an exhibitor with its contacts and post-show data; refused while it has contracts.

    Leads keep their history and lose the link; every row touched is audited.
    """
    changes = ChangeSet()
    with transaction(db):
        current = require_owner_of(db, actor, exhibitor_id)
        held = exhibitor_store.contracts(db, exhibitor_id)
        if held:
            numbers = ", ".join(c["number"] for c in held)
            raise UserError(
                f"{current['company_name']} 有合同 {numbers}，不能删除；请先取消合同 / "
                f"has contracts {numbers} and cannot be deleted; cancel them first"
            )
        dependents = exhibitor_store.dependent_ids(db, exhibitor_id)
        for lead_id in dependents.pop("leads"):
            records.update(db, actor, "leads", lead_id, {"exhibitor_id": None})
            changes.add("updated", "leads", lead_id)
        for table, ids in dependents.items():
            for row_id in ids:
                record_delete(db, actor, changes, table, row_id)
        try:
            records.delete(db, actor, "exhibitors", exhibitor_id)
        except records.RowInUse as exc:
            raise UserError(f"{current['company_name']}: 仍有关联记录，不能删除 / still referenced elsewhere") from exc
        changes.add("deleted", "exhibitors", exhibitor_id)
    return changes


def exhibitor_snapshot(db: Database, exhibitor_id: str) -> dict:
    """Everything ``delete_exhibitor`` removes or unlinks, so that a deletion can be undone."""
    row = records.get_row(db, "exhibitors", exhibitor_id)
    if row is None:
        raise UserError("展商已被删除 / this exhibitor no longer exists")
    dependents = exhibitor_store.dependent_ids(db, exhibitor_id)
    leads = dependents.pop("leads")
    return {
        "exhibitor": {k: v for k, v in row.items() if k not in records.DERIVED_COLUMNS},
        "rows": {table: [records.get_row(db, table, row_id) for row_id in ids] for table, ids in dependents.items()},
        "leads": leads,
    }


def restore_exhibitor(db: Database, actor: Actor, snapshot: dict) -> ChangeSet:
    """Put a deleted exhibitor back with the same ids, its contacts and post-show rows,
    and relink its leads; refused if another exhibitor took its name meanwhile."""
    exhibitor = snapshot["exhibitor"]
    require(actor, Action.EDIT_EXHIBITORS)
    require_owner(actor, exhibitor.get("account_manager_id"), exhibitor["company_name"])
    changes = ChangeSet()
    with transaction(db):
        if exhibitor_store.get(db, exhibitor["id"]) is not None:
            raise UserError(f"{exhibitor['company_name']}: 已存在 / is already there")
        problems = _duplicate_problem(db, exhibitor["show_id"], exhibitor["company_name"], None)
        if exhibitor.get("account_manager_id") and not user_store.user_exists(db, exhibitor["account_manager_id"]):
            exhibitor = {**exhibitor, "account_manager_id": None}
        if problems:
            raise ValidationError(problems)
        records.insert(db, actor, "exhibitors", exhibitor)
        changes.add("inserted", "exhibitors", exhibitor["id"])
        for table, saved in snapshot["rows"].items():
            for row in saved:
                records.insert(db, actor, table, row)
                changes.add("inserted", table, row["id"])
        for lead_id in snapshot["leads"]:
            lead = records.get_row(db, "leads", lead_id)
            if lead is not None and lead["exhibitor_id"] is None:
                records.update(db, actor, "leads", lead_id, {"exhibitor_id": exhibitor["id"]})
                changes.add("updated", "leads", lead_id)
    return changes


def exhibitor_values(db: Database, exhibitor_id: str) -> dict:
    """The editable fields of an exhibitor as they are now (what an undo of an edit restores)."""
    row = exhibitor_store.get(db, exhibitor_id)
    if row is None:
        raise UserError("展商已被删除 / this exhibitor no longer exists")
    return {field: row[field] for field in EXHIBITOR_FIELDS}


def add_contact(db: Database, actor: Actor, exhibitor_id: str, values: dict) -> ChangeSet:
    cleaned, problems = clean_contact(values)
    if problems:
        raise ValidationError(problems)
    changes = ChangeSet()
    with transaction(db):
        require_owner_of(db, actor, exhibitor_id)
        record_insert(db, actor, changes, "contacts", {"exhibitor_id": exhibitor_id, **cleaned})
    return changes


def _contact_exhibitor(db: Database, contact_id: str) -> str:
    contact = records.get_row(db, "contacts", contact_id)
    if contact is None:
        raise UserError("联系人已被删除 / this contact no longer exists")
    return contact["exhibitor_id"]


def update_contact(db: Database, actor: Actor, contact_id: str, values: dict) -> ChangeSet:
    cleaned, problems = clean_contact(values, partial=True)
    if problems:
        raise ValidationError(problems)
    changes = ChangeSet()
    with transaction(db):
        require_owner_of(db, actor, _contact_exhibitor(db, contact_id))
        record_update(db, actor, changes, "contacts", contact_id, cleaned)
    return changes


def delete_contact(db: Database, actor: Actor, contact_id: str) -> ChangeSet:
    changes = ChangeSet()
    with transaction(db):
        require_owner_of(db, actor, _contact_exhibitor(db, contact_id))
        record_delete(db, actor, changes, "contacts", contact_id)
    return changes


def search_exhibitors(db: Database, show_id: str, text: str = "", *, sort: str = "company_name",
                      descending: bool = False, limit: int = 200, offset: int = 0,
                      manager_id: str | None = None) -> list[dict]:
    """Exhibitors matching every typed word; ``manager_id`` keeps one account manager's own."""
    return exhibitor_store.search(db, show_id, text, sort=sort, descending=descending, limit=limit, offset=offset,
                                  manager_id=manager_id)


def count_exhibitors(db: Database, show_id: str, text: str = "") -> int:
    return exhibitor_store.count(db, show_id, text)


def search_exhibitors_page(db: Database, show_id: str, text: str = "", *, sort: str = "company_name",
                           descending: bool = False, limit: int = 200, offset: int = 0) -> tuple[list[dict], int]:
    """One page of matches and the number of matches in all."""
    return exhibitor_store.search_page(db, show_id, text, sort=sort, descending=descending, limit=limit, offset=offset)


def exhibitor_detail(db: Database, exhibitor_id: str) -> dict | None:
    """Everything the detail pane shows: the record, contacts, contracts and history."""
    row = exhibitor_store.get(db, exhibitor_id)
    if row is None:
        return None
    contacts = exhibitor_store.contacts(db, exhibitor_id)
    history = records.audit_entries(db, "exhibitors", exhibitor_id, limit=50)
    for contact in contacts:
        history += records.audit_entries(db, "contacts", contact["id"], limit=10)
    history.sort(key=lambda entry: entry["at"], reverse=True)
    return {
        "exhibitor": row,
        "contacts": contacts,
        "contracts": exhibitor_store.contracts(db, exhibitor_id),
        "history": decode_entries(db, history[:50]),
    }
