"""Permissions are enforced in the services: each role calls them directly."""

from __future__ import annotations

import pytest

from expo_desk.domain.enums import Role
from expo_desk.domain.permissions import ALLOWED, Action, can
from expo_desk.errors import PermissionDenied
from expo_desk.services import exhibitors as svc
from expo_desk.services import users as user_service
from expo_desk.services.exhibitor_import import import_exhibitors
from expo_desk.services.shows import create_show
from expo_desk.store.queries import scalar

ROLES = list(Role)


@pytest.fixture
def people(db, actor):
    """One signed-in person per role, plus a second account manager."""
    made = {}
    for role in ROLES:
        user_service.create_user(db, actor, role.value, f"{role.value} person", role, "correct horse")
        made[role] = user_service.authenticate(db, role.value, "correct horse")
    user_service.create_user(db, actor, "am2", "另一位经理", Role.ACCOUNT_MANAGER, "correct horse")
    made["other_am"] = user_service.authenticate(db, "am2", "correct horse")
    return made


def audit_rows(db) -> int:
    return scalar(db, "SELECT count(*) FROM audit_log")


@pytest.mark.parametrize("role", [Role.DESIGN_SUPERVISOR, Role.CONSTRUCTION_EXECUTOR])
def test_builders_cannot_change_exhibitors(db, show, people, role):
    before = audit_rows(db)
    with pytest.raises(PermissionDenied, match="may not change exhibitors"):
        svc.create_exhibitor(db, people[role], show["id"], {"company_name": "日照港集团有限公司"})
    assert svc.count_exhibitors(db, show["id"]) == 0
    assert audit_rows(db) == before


def test_an_account_manager_owns_what_they_add_and_nothing_else(db, show, people):
    am, other = people[Role.ACCOUNT_MANAGER], people["other_am"]
    mine = svc.create_exhibitor(db, am, show["id"], {"company_name": "日照港集团有限公司"}).inserted["exhibitors"][0]
    assert svc.exhibitor_detail(db, mine)["exhibitor"]["account_manager_id"] == am.user_id
    svc.update_exhibitor(db, am, mine, {"sector": "物流"})
    svc.add_contact(db, am, mine, {"name": "孙丽"})

    with pytest.raises(PermissionDenied, match="belongs to another account manager"):
        svc.update_exhibitor(db, other, mine, {"sector": "钢铁"})
    with pytest.raises(PermissionDenied, match="belongs to another account manager"):
        svc.delete_exhibitor(db, other, mine)
    contact_id = svc.exhibitor_detail(db, mine)["contacts"][0]["id"]
    with pytest.raises(PermissionDenied):
        svc.delete_contact(db, other, contact_id)
    with pytest.raises(PermissionDenied, match="only assign exhibitors to themselves"):
        svc.update_exhibitor(db, am, mine, {"account_manager_id": other.user_id})
    with pytest.raises(PermissionDenied, match="only assign exhibitors to themselves"):
        svc.create_exhibitor(db, am, show["id"], {"company_name": "别人的展商", "account_manager_id": other.user_id})
    assert svc.exhibitor_detail(db, mine)["exhibitor"]["sector"] == "物流"


def test_the_department_manager_reassigns_and_edits_anyones_exhibitor(db, show, people):
    am, dm = people[Role.ACCOUNT_MANAGER], people[Role.DEPARTMENT_MANAGER]
    mine = svc.create_exhibitor(db, am, show["id"], {"company_name": "日照港集团有限公司"}).inserted["exhibitors"][0]
    svc.update_exhibitor(db, dm, mine, {"account_manager_id": people["other_am"].user_id})
    with pytest.raises(PermissionDenied):
        svc.update_exhibitor(db, am, mine, {"sector": "钢铁"})  # no longer theirs
    svc.delete_exhibitor(db, dm, mine)


def test_only_an_administrator_manages_users(db, people):
    for role in ROLES:
        if role == Role.ADMINISTRATOR:
            continue
        with pytest.raises(PermissionDenied, match="may not manage users"):
            user_service.create_user(db, people[role], f"x{role.value}", "新人", Role.ACCOUNT_MANAGER, "password123")
        with pytest.raises(PermissionDenied):
            user_service.update_user(db, people[role], people["other_am"].user_id, role=Role.ADMINISTRATOR)
        with pytest.raises(PermissionDenied):
            user_service.set_password(db, people[role], people["other_am"].user_id, "stolen-password")
    user_service.update_user(db, people[Role.ADMINISTRATOR], people["other_am"].user_id, role=Role.DEPARTMENT_MANAGER)


def test_anyone_changes_their_own_password_with_the_current_one(db, people):
    executor = people[Role.CONSTRUCTION_EXECUTOR]
    with pytest.raises(Exception, match="current password is wrong"):
        user_service.set_password(db, executor, executor.user_id, "new-password-1", current_password="nope")
    user_service.set_password(db, executor, executor.user_id, "new-password-1", current_password="correct horse")
    assert user_service.authenticate(db, "construction_executor", "new-password-1").user_id == executor.user_id


def test_an_account_manager_cannot_add_managers_by_import(db, show, people, tmp_path):
    source = tmp_path / "rows.csv"
    source.write_text("公司名称,客户经理\n日照港集团有限公司,不存在的经理\n", encoding="utf-8")
    result = import_exhibitors(db, people[Role.ACCOUNT_MANAGER], show["id"], source)
    [problem] = result.problems
    assert problem.startswith(f"{source}:2:客户经理")
    assert problem.endswith("no account manager called 不存在的经理; only a department manager or administrator may add one")
    assert svc.count_exhibitors(db, show["id"]) == 0
    with pytest.raises(PermissionDenied):
        import_exhibitors(db, people[Role.CONSTRUCTION_EXECUTOR], show["id"], source)


def test_only_managers_create_shows(db, people):
    with pytest.raises(PermissionDenied):
        create_show(db, people[Role.ACCOUNT_MANAGER], "QD2027", "2027青岛海洋博览会")
    assert create_show(db, people[Role.DEPARTMENT_MANAGER], "QD2027", "2027青岛海洋博览会")["code"] == "QD2027"


def test_the_permission_table_names_the_issue_rules():
    assert {r for r in Role if can_role(r, Action.MANAGE_USERS)} == {Role.ADMINISTRATOR}
    assert ALLOWED[Action.APPROVE_DISCOUNTS] == {Role.DEPARTMENT_MANAGER}
    assert ALLOWED[Action.SIGN_OFF_SPOT_CHECKS] == {Role.DEPARTMENT_MANAGER}
    assert Role.CONSTRUCTION_EXECUTOR in ALLOWED[Action.UPDATE_BUILD_TASKS]
    assert {a for a in Action if can_role(Role.CONSTRUCTION_EXECUTOR, a)} == {Action.UPDATE_BUILD_TASKS,
                                                                             Action.EXCHANGE_CHANGES}
    assert ALLOWED[Action.RESOLVE_CONFLICTS] == {Role.DEPARTMENT_MANAGER}


def can_role(role: Role, action: Action) -> bool:
    from expo_desk.domain.actors import Actor

    return can(Actor("x", "x", role), action)


def test_every_action_has_a_name_for_refusals():
    from expo_desk.domain.permissions import _ACTION_NAMES

    assert set(_ACTION_NAMES) == set(Action)
