"""People in the file: accounts, roles, passwords and signing in.

Only an administrator manages users; anyone may change their own password. When the
file does not require sign-in, every change is made by the single local user.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from expo_desk.domain.actors import Actor
from expo_desk.domain.enums import Role
from expo_desk.domain.passwords import hash_password, password_problem, verify_password
from expo_desk.domain.permissions import Action, can, require
from expo_desk.errors import PermissionDenied, Problem, UserError, ValidationError
from expo_desk.services.changes import ChangeSet, record_insert, record_update
from expo_desk.store import records
from expo_desk.store import users as user_store
from expo_desk.store.settings import get_setting, set_setting
from expo_desk.store.transactions import transaction

if TYPE_CHECKING:
    from expo_desk.store.db import Database

SIGN_IN_SETTING = "sign_in_required"
_USERNAME = re.compile(r"^[\w.@-]{2,40}$")
_BAD_SIGN_IN = "用户名或密码不对 / wrong user name or password"


def actor_for(user: dict) -> Actor:
    return Actor(user_id=user["id"], name=user["display_name"], role=Role(user["role"]))


def _username_for(display_name: str, db: Database) -> str:
    base = re.sub(r"\s+", ".", display_name.strip().lower()) or "user"
    candidate, n = base, 1
    while user_store.user_by_name(db, candidate):
        n += 1
        candidate = f"{base}{n}"
    return candidate


def find_or_add_account_manager(db: Database, actor: Actor, name: str) -> tuple[dict, bool]:
    """The account manager called ``name``; added (without a password) if unknown.

    Returns the user row and whether it was added. A person added this way cannot sign
    in until an administrator sets a password. Only those who may assign exhibitors to
    any account manager may add one this way.
    """
    found = user_store.user_by_name(db, name)
    if found:
        return found, False
    if not can(actor, Action.EDIT_ANY_EXHIBITOR):
        raise PermissionDenied(
            f"客户经理 {name.strip()} 不存在；只有部门经理或管理员可以添加 / "
            f"no account manager called {name.strip()}; only a department manager or administrator may add one")
    row = records.insert(db, actor, "users", {
        "username": _username_for(name, db),
        "display_name": name.strip(),
        "role": Role.ACCOUNT_MANAGER.value,
        "password_hash": None,
        "active": 1,
        "created_at": records.utc_now(),
    })
    return row, True


def list_account_managers(db: Database) -> list[dict]:
    """Active account managers, for pickers."""
    return [u for u in user_store.list_users(db, Role.ACCOUNT_MANAGER.value) if u["active"]]


def list_users(db: Database) -> list[dict]:
    """Everyone, without password hashes (only whether a password is set)."""
    return [{**{k: v for k, v in u.items() if k != "password_hash"}, "has_password": u["password_hash"] is not None}
            for u in user_store.list_users(db)]


def _check_new_password(password: str | None, problems: list[Problem]) -> None:
    if password is not None:
        problem = password_problem(password)
        if problem:
            problems.append(Problem("password", problem))


def _contact_problems(phone: str | None, email: str | None, problems: list[Problem]) -> dict:
    """Phone and e-mail as typed (printed on exhibitor packs); an e-mail needs its @."""
    found = {}
    if phone is not None:
        found["phone"] = phone.strip()
    if email is not None:
        found["email"] = email.strip()
        if found["email"] and "@" not in found["email"]:
            problems.append(Problem("email", f"电子邮箱无效 / not an e-mail address: '{found['email']}'"))
    return found


def create_user(db: Database, actor: Actor, username: str, display_name: str, role: Role | str,
                password: str | None = None, *, phone: str = "", email: str = "") -> ChangeSet:
    require(actor, Action.MANAGE_USERS)
    username, display_name = (username or "").strip(), (display_name or "").strip()
    problems: list[Problem] = []
    contact = _contact_problems(phone, email, problems)
    if not _USERNAME.match(username):
        problems.append(Problem("username", f"登录名只能含字母、数字和 . _ - @（2–40 个）/ a login may hold 2–40 letters, digits and . _ - @: '{username}'"))
    if not display_name:
        problems.append(Problem("display_name", "必须填写姓名 / a name is required"))
    try:
        role = Role(role)
    except ValueError:
        problems.append(Problem("role", f"没有这个角色 / no such role: {role}"))
    _check_new_password(password, problems)
    changes = ChangeSet()
    with transaction(db):
        if username and user_store.user_by_username(db, username):
            problems.append(Problem("username", f"登录名已被使用 / the login {username} is taken"))
        if problems:
            raise ValidationError(problems)
        record_insert(db, actor, changes, "users", {
            "username": username, "display_name": display_name, "role": role.value,
            "password_hash": hash_password(password) if password else None, "active": 1,
            "created_at": records.utc_now(), **contact,
        })
    return changes


def _keeps_an_administrator(db: Database, user: dict, new_role: str, active: bool) -> None:
    losing = user["role"] == Role.ADMINISTRATOR and (new_role != Role.ADMINISTRATOR or not active)
    if losing and user_store.count_administrators_who_can_sign_in(db, excluding=user["id"]) == 0 \
            and sign_in_required(db):
        raise UserError("这是最后一个能登录的管理员，不能降级或停用 / this is the last administrator who can sign in; "
                        "they cannot be demoted or deactivated")


def update_user(db: Database, actor: Actor, user_id: str, *, display_name: str | None = None,
                role: Role | str | None = None, active: bool | None = None, phone: str | None = None,
                email: str | None = None) -> ChangeSet:
    require(actor, Action.MANAGE_USERS)
    changes = ChangeSet()
    with transaction(db):
        user = user_store.get_user(db, user_id)
        if user is None:
            raise UserError("用户不存在 / no such user")
        problems: list[Problem] = []
        values: dict = _contact_problems(phone, email, problems)
        if problems:
            raise ValidationError(problems)
        if display_name is not None:
            if not display_name.strip():
                raise ValidationError([Problem("display_name", "必须填写姓名 / a name is required")])
            values["display_name"] = display_name.strip()
        if role is not None:
            try:
                values["role"] = Role(role).value
            except ValueError:
                raise ValidationError([Problem("role", f"没有这个角色 / no such role: {role}")]) from None
        if active is not None:
            values["active"] = 1 if active else 0
        _keeps_an_administrator(db, user, values.get("role", user["role"]), bool(values.get("active", user["active"])))
        record_update(db, actor, changes, "users", user_id, values)
    return changes


def set_password(db: Database, actor: Actor, user_id: str, new_password: str,
                 current_password: str | None = None) -> ChangeSet:
    """An administrator sets anyone's password; a person changes their own with the current one."""
    own = actor.user_id == user_id
    if not own:
        require(actor, Action.MANAGE_USERS)
    problem = password_problem(new_password)
    if problem:
        raise ValidationError([Problem("password", problem)])
    changes = ChangeSet()
    with transaction(db):
        user = user_store.get_user(db, user_id)
        if user is None:
            raise UserError("用户不存在 / no such user")
        if own and not can(actor, Action.MANAGE_USERS) and not verify_password(current_password or "", user["password_hash"]):
            raise UserError("当前密码不对 / the current password is wrong")
        records.update(db, actor, "users", user_id, {"password_hash": hash_password(new_password)})
        changes.add("updated", "users", user_id)
    return changes


def authenticate(db: Database, username: str, password: str) -> Actor:
    """The person signing in, or one message for any wrong name or password."""
    user = user_store.user_by_username(db, username or "")
    if user is None or not verify_password(password or "", user["password_hash"]):
        if user is not None and user["password_hash"] is None and user["active"]:
            raise UserError("此用户还没有密码，请找管理员设置 / this user has no password yet; ask an administrator")
        raise UserError(_BAD_SIGN_IN)
    if not user["active"]:
        raise UserError("此用户已停用 / this user has been deactivated")
    return actor_for(user)


def sign_in_required(db: Database) -> bool:
    return get_setting(db, SIGN_IN_SETTING, "0") == "1"


def set_sign_in_required(db: Database, actor: Actor, required: bool) -> ChangeSet:
    """Turning sign-in on needs an administrator who can sign in, or nobody could."""
    require(actor, Action.MANAGE_USERS)
    changes = ChangeSet()
    with transaction(db):
        if required and user_store.count_administrators_who_can_sign_in(db) == 0:
            raise UserError("请先创建一个有密码的管理员，再开启登录 / first add an administrator with a password, "
                            "then turn sign-in on")
        if set_setting(db, actor, SIGN_IN_SETTING, "1" if required else "0"):
            changes.add("updated", "settings", SIGN_IN_SETTING)
    return changes
