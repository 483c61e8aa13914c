"""SQL for the build schedule: tasks, their links, checklists, templates and the punch list.

The lists a person opens many times a day (my tasks, the board, the crew's load) read
through the indexes ``tasks_owner`` (owner_id, status) and ``tasks_show_role_status``
(show_id, role, status), so they stay quick on a show of 750,000 tasks.
"""

from __future__ import annotations

import sqlite_utils

from expo_desk.store.queries import in_chunks, one, rows, scalar

OPEN_STATUSES = ("not_started", "in_progress", "blocked")
_OPEN = "('not_started', 'in_progress', 'blocked')"

# A task with its booth, hall, owner and exhibitor (the holder of the booth's active sale,
# else the exhibitor of the contract the task came from).
_ROW = ("SELECT t.*, b.number AS booth_number, h.id AS hall_id, h.code AS hall_code,"
        " u.display_name AS owner_name, coalesce(eb.company_name, ek.company_name) AS exhibitor,"
        " (SELECT count(*) FROM task_checklist_items c WHERE c.task_id = t.id) AS checklist_total,"
        " (SELECT coalesce(sum(c.done), 0) FROM task_checklist_items c WHERE c.task_id = t.id) AS checklist_done"
        " FROM {source} t"
        " LEFT JOIN booths b ON b.id = t.booth_id"
        " LEFT JOIN halls h ON h.id = b.hall_id"
        " LEFT JOIN users u ON u.id = t.owner_id"
        " LEFT JOIN contract_lines l ON l.booth_id = t.booth_id AND l.holds_booth = 1"
        " LEFT JOIN contracts kb ON kb.id = l.contract_id"
        " LEFT JOIN exhibitors eb ON eb.id = kb.exhibitor_id"
        " LEFT JOIN contracts kt ON kt.id = t.contract_id"
        " LEFT JOIN exhibitors ek ON ek.id = kt.exhibitor_id")
_ORDER = " ORDER BY t.planned_finish IS NULL, t.planned_finish, t.planned_start, b.number, t.sort_order"


# ---------------------------------------------------------------- single rows


def get_task(db: sqlite_utils.Database, task_id: str) -> dict | None:
    return one(db, "SELECT * FROM tasks WHERE id = ?", [task_id])


def task_row(db: sqlite_utils.Database, task_id: str) -> dict | None:
    """The task with booth, hall, owner, exhibitor and checklist counts."""
    return one(db, _ROW.format(source="tasks") + " WHERE t.id = ?", [task_id])


def get_checklist_item(db: sqlite_utils.Database, item_id: str) -> dict | None:
    return one(db, "SELECT * FROM task_checklist_items WHERE id = ?", [item_id])


def checklist(db: sqlite_utils.Database, task_id: str) -> list[dict]:
    return rows(db, "SELECT c.*, u.display_name AS done_by_name FROM task_checklist_items c"
                    " LEFT JOIN users u ON u.id = c.done_by WHERE c.task_id = ? ORDER BY c.position", [task_id])


def checklist_counts(db: sqlite_utils.Database, task_id: str) -> tuple[int, int]:
    """(items ticked, items) of a task's checklist."""
    row = db.execute("SELECT coalesce(sum(done), 0), count(*) FROM task_checklist_items WHERE task_id = ?",
                     [task_id]).fetchone()
    return int(row[0]), int(row[1])


def predecessors(db: sqlite_utils.Database, task_id: str) -> list[dict]:
    return rows(db, "SELECT t.id, t.name, t.status, t.planned_start, t.planned_finish, d.lag_days, d.id AS link_id"
                    " FROM task_dependencies d JOIN tasks t ON t.id = d.predecessor_id"
                    " WHERE d.successor_id = ? ORDER BY t.planned_finish, t.name", [task_id])


def successors(db: sqlite_utils.Database, task_id: str) -> list[dict]:
    return rows(db, "SELECT t.id, t.name, t.status, t.planned_start, t.planned_finish, d.lag_days, d.id AS link_id"
                    " FROM task_dependencies d JOIN tasks t ON t.id = d.successor_id"
                    " WHERE d.predecessor_id = ? ORDER BY t.planned_start, t.name", [task_id])


# ---------------------------------------------------------------- lists for people


def open_tasks_for(db: sqlite_utils.Database, show_id: str, user_id: str | None, role: str | None) -> list[dict]:
    """Open tasks a person owns, plus detailed tasks of their role that nobody owns.

    Two index look-ups joined by UNION ALL: ``tasks_owner`` for the owned ones,
    ``tasks_show_role_status`` for the role's unowned ones.
    """
    parts, params = [], []
    if user_id:
        # "+show_id": the show has hundreds of thousands of tasks, the person a few thousand
        parts.append(f"SELECT * FROM tasks WHERE owner_id = ? AND status IN {_OPEN} AND +show_id = ?")
        params += [user_id, show_id]
    if role:
        parts.append(f"SELECT * FROM tasks WHERE show_id = ? AND role = ? AND status IN {_OPEN}"
                     " AND owner_id IS NULL AND level = 'task'")
        params += [show_id, role]
    if not parts:
        return []
    source = "(" + " UNION ALL ".join(parts) + ")"
    return rows(db, _ROW.format(source=source) + _ORDER, params)


def board_column(db: sqlite_utils.Database, show_id: str, role: str, status: str, *, hall_id: str | None = None,
                 limit: int = 500) -> list[dict]:
    """Detailed tasks of one role and status (a column of the board), soonest due first.

    The page of tasks is chosen from the tasks table alone, then joined, so a column of
    400,000 tasks costs a sort of their dates, not 400,000 joins.
    """
    hall = " AND x.booth_id IN (SELECT id FROM booths WHERE hall_id = ?)" if hall_id else ""
    source = ("(SELECT x.* FROM tasks x WHERE x.show_id = ? AND x.role = ? AND x.status = ? AND x.level = 'task'"
              f"{hall} ORDER BY x.planned_finish IS NULL, x.planned_finish, x.planned_start, x.sort_order LIMIT ?)")
    params = [show_id, role, status, *([hall_id] if hall_id else []), limit]
    return rows(db, _ROW.format(source=source) + _ORDER, params)


def count_by_status(db: sqlite_utils.Database, show_id: str, role: str) -> dict[str, int]:
    found = db.execute("SELECT status, count(*) FROM tasks WHERE show_id = ? AND role = ? AND level = 'task'"
                       " GROUP BY status", [show_id, role]).fetchall()
    return {status: n for status, n in found}


def crew_tasks(db: sqlite_utils.Database, show_id: str, owner_ids: list[str], first_day: str,
               last_day: str) -> list[dict]:
    """Detailed tasks owned by these people whose planned days touch [first_day, last_day]."""
    found: list[dict] = []
    for chunk, marks in in_chunks(owner_ids):
        found += rows(db, "SELECT t.id, t.name, t.status, t.owner_id, t.booth_id, t.planned_start, t.planned_finish,"
                          " b.number AS booth_number, h.code AS hall_code FROM tasks t"
                          " LEFT JOIN booths b ON b.id = t.booth_id LEFT JOIN halls h ON h.id = b.hall_id"
                          f" WHERE t.owner_id IN ({marks}) AND t.show_id = ? AND t.level = 'task'"
                          " AND t.planned_start <= ? AND t.planned_finish >= ?"
                          " ORDER BY t.planned_start, b.number",
                      [*chunk, show_id, last_day, first_day])
    return found


def active_users(db: sqlite_utils.Database, role: str) -> list[dict]:
    return rows(db, "SELECT id, display_name, username FROM users WHERE role = ? AND active = 1"
                    " ORDER BY display_name", [role])


# ---------------------------------------------------------------- the whole schedule


def schedule_table(db: sqlite_utils.Database, show_id: str, hall_id: str | None = None) -> tuple[list[str], list[tuple]]:
    """(column names, rows) of every task of the show, or of a hall's detailed tasks and all
    events and milestones, as tuples: 750,000 of them load in seconds, not minutes.

    The first ten columns are the fields of ``domain.schedule.TaskNode`` in its order (with
    ISO dates); then the rest of the row as the Gantt shows it, with booth number, hall and
    owner name.
    """
    sql = ("SELECT t.id, t.parent_id, t.level, t.planned_start, t.planned_finish, t.status, t.actual_start,"
           " t.actual_finish, t.baseline_finish, t.percent_done, t.show_id, t.booth_id, t.role, t.owner_id, t.name,"
           " t.baseline_start, t.blocked_reason, t.notes, t.sort_order, t.contract_id, t.template_id,"
           " b.number AS booth_number, b.hall_id, h.code AS hall_code, u.display_name AS owner_name FROM tasks t"
           " LEFT JOIN booths b ON b.id = t.booth_id LEFT JOIN halls h ON h.id = b.hall_id"
           " LEFT JOIN users u ON u.id = t.owner_id WHERE t.show_id = ?")
    params = [show_id]
    if hall_id:
        sql += " AND (t.level <> 'task' OR b.hall_id = ?)"
        params.append(hall_id)
    cursor = db.execute(sql + " ORDER BY t.sort_order, t.rowid", params)
    return [c[0] for c in cursor.description], cursor.fetchall()


def all_links(db: sqlite_utils.Database) -> list[tuple[str, str, int]]:
    """(predecessor, successor, lag) of every link in the file: one plain scan, quicker than
    joining 700,000 links to their tasks to pick a show's (the caller knows its task ids)."""
    return db.execute("SELECT predecessor_id, successor_id, lag_days FROM task_dependencies").fetchall()


def show_levels(db: sqlite_utils.Database, show_id: str, level: str) -> list[dict]:
    return rows(db, "SELECT * FROM tasks WHERE show_id = ? AND level = ? ORDER BY sort_order", [show_id, level])


def next_sort_order(db: sqlite_utils.Database, show_id: str) -> int:
    return int(scalar(db, "SELECT coalesce(max(sort_order), -1) + 1 FROM tasks WHERE show_id = ?", [show_id]))


def baseline_changes(db: sqlite_utils.Database, show_id: str) -> list[dict]:
    """Tasks whose baseline differs from their plan (what saving a baseline would change)."""
    return rows(db, "SELECT id, baseline_start, baseline_finish, planned_start, planned_finish FROM tasks"
                    " WHERE show_id = ? AND (baseline_start IS NOT planned_start"
                    " OR baseline_finish IS NOT planned_finish)", [show_id])


def copy_plan_to_baseline(db: sqlite_utils.Database, task_ids: list[str]) -> None:
    db.conn.executemany("UPDATE tasks SET baseline_start = planned_start, baseline_finish = planned_finish"
                        " WHERE id = ?", [(tid,) for tid in task_ids])


# ---------------------------------------------------------------- contracts and booths


def contract_tasks(db: sqlite_utils.Database, contract_id: str) -> list[dict]:
    return rows(db, "SELECT * FROM tasks WHERE contract_id = ? ORDER BY sort_order", [contract_id])


def booth_has_tasks(db: sqlite_utils.Database, contract_id: str, booth_id: str) -> bool:
    return scalar(db, "SELECT 1 FROM tasks WHERE contract_id = ? AND booth_id = ? LIMIT 1",
                  [contract_id, booth_id]) is not None


def contract_for_booth(db: sqlite_utils.Database, booth_id: str) -> dict | None:
    """The contract holding the booth (its active sale), if any."""
    return one(db, "SELECT k.* FROM contract_lines l JOIN contracts k ON k.id = l.contract_id"
                   " WHERE l.booth_id = ? AND l.holds_booth = 1", [booth_id])


# ---------------------------------------------------------------- templates


def templates(db: sqlite_utils.Database, show_id: str, scope: str | None = None) -> list[dict]:
    if scope:
        return rows(db, "SELECT * FROM task_templates WHERE show_id = ? AND scope = ? ORDER BY position",
                    [show_id, scope])
    return rows(db, "SELECT * FROM task_templates WHERE show_id = ?"
                    " ORDER BY CASE scope WHEN 'show' THEN 0 WHEN 'shell' THEN 1 ELSE 2 END, position", [show_id])


def get_template(db: sqlite_utils.Database, template_id: str) -> dict | None:
    return one(db, "SELECT * FROM task_templates WHERE id = ?", [template_id])


def template_users(db: sqlite_utils.Database, show_id: str, scope: str, position: int) -> list[dict]:
    """Templates of the show pointing at this position (as the step after, or as the parent)."""
    same = rows(db, "SELECT * FROM task_templates WHERE show_id = ? AND scope = ? AND after_position = ?",
                [show_id, scope, position])
    if scope != "show":
        return same
    return same + rows(db, "SELECT * FROM task_templates WHERE show_id = ? AND parent_position = ?",
                       [show_id, position])


# ---------------------------------------------------------------- the punch list


def get_punch_item(db: sqlite_utils.Database, punch_id: str) -> dict | None:
    return one(db, "SELECT * FROM punch_items WHERE id = ?", [punch_id])


_PUNCH = ("SELECT p.*, b.number AS booth_number, h.code AS hall_code, t.name AS task_name,"
          " u.display_name AS reported_by_name FROM punch_items p"
          " LEFT JOIN booths b ON b.id = p.booth_id LEFT JOIN halls h ON h.id = b.hall_id"
          " LEFT JOIN tasks t ON t.id = p.task_id LEFT JOIN users u ON u.id = p.reported_by")
_PUNCH_ORDER = (" ORDER BY CASE p.severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END,"
                " p.reported_at, p.rowid")


def punch_items(db: sqlite_utils.Database, show_id: str, status: str | None) -> list[dict]:
    if status:
        return rows(db, _PUNCH + " WHERE p.show_id = ? AND p.status = ?" + _PUNCH_ORDER, [show_id, status])
    return rows(db, _PUNCH + " WHERE p.show_id = ?" + _PUNCH_ORDER, [show_id])


def task_punch_items(db: sqlite_utils.Database, task_id: str) -> list[dict]:
    return rows(db, _PUNCH + " WHERE p.task_id = ?" + _PUNCH_ORDER, [task_id])


def open_punch_counts(db: sqlite_utils.Database, show_id: str) -> dict[str, int]:
    found = db.execute("SELECT severity, count(*) FROM punch_items WHERE show_id = ? AND status = 'open'"
                       " GROUP BY severity", [show_id]).fetchall()
    return {severity: n for severity, n in found}


def booth_in_show(db: sqlite_utils.Database, booth_id: str, show_id: str) -> bool:
    return scalar(db, "SELECT 1 FROM booths WHERE id = ? AND show_id = ?", [booth_id, show_id]) is not None
