"""The columns of every table the demo show fills, in insert order (parents first)."""

from __future__ import annotations

from expo_desk.services.task_template_defaults import STEP_FIELDS

COLUMNS: dict[str, tuple[str, ...]] = {
    "users": ("id", "username", "display_name", "role", "password_hash", "active", "created_at"),
    "shows": ("id", "code", "name", "name_en", "venue", "city", "build_start", "start_date", "end_date",
              "teardown_end", "currency", "revenue_target_fen", "created_at"),
    "halls": ("id", "show_id", "code", "name", "width_cm", "depth_cm"),
    "service_items": ("id", "show_id", "code", "name", "name_en", "unit", "unit_price_fen"),
    "pricing_rules": ("id", "show_id", "kind", "booth_type", "label", "label_en", "amount_fen", "percent_bp",
                      "min_area_m2", "area_from_m2", "area_to_m2", "open_sides", "effective_from", "effective_to",
                      "sort_order", "created_at"),
    "exhibitors": ("id", "show_id", "company_name", "company_key", "company_name_en", "sector", "phone", "email",
                   "website", "address", "expected_value_fen", "account_manager_id", "notes", "created_at",
                   "updated_at"),
    "contacts": ("id", "exhibitor_id", "name", "title", "phone", "email", "is_primary"),
    "booths": ("id", "show_id", "hall_id", "number", "x_cm", "y_cm", "width_cm", "depth_cm", "booth_type",
               "status", "blocked_reason", "reserved_for", "reserved_until", "sector"),
    "contracts": ("id", "show_id", "exhibitor_id", "number", "status", "account_manager_id", "total_fen",
                  "discount_fen", "discount_approved_by", "cancellation_fee_fen", "signed_on", "cancelled_on",
                  "fascia_text", "notes", "created_at", "signed_total_fen", "cancel_reason"),
    "contract_lines": ("id", "contract_id", "kind", "booth_id", "service_item_id", "description", "quantity",
                       "unit_price_fen", "amount_fen", "holds_booth"),
    "payment_schedule": ("id", "contract_id", "label", "due_on", "amount_fen"),
    "payments": ("id", "contract_id", "paid_on", "amount_fen", "method", "reference", "recorded_by", "created_at"),
    "leads": ("id", "show_id", "exhibitor_id", "prospect_name", "account_manager_id", "stage", "lost_reason",
              "objections", "expected_value_fen", "next_follow_up", "visit_at", "notes", "created_at"),
    "follow_ups": ("id", "lead_id", "happened_at", "kind", "note", "user_id"),
    "task_templates": ("id", "show_id", *STEP_FIELDS),
    "tasks": ("id", "show_id", "parent_id", "booth_id", "level", "role", "owner_id", "name", "planned_start",
              "planned_finish", "baseline_start", "baseline_finish", "actual_start", "actual_finish", "status",
              "blocked_reason", "notes", "sort_order", "contract_id", "template_id"),
    "task_dependencies": ("id", "predecessor_id", "successor_id", "lag_days"),
}
TABLE_ORDER = tuple(COLUMNS)  # parents before children
SCHEDULE_TABLES = ("tasks", "task_dependencies")  # written in chunks, after every other table
