"""The fixed vocabularies of the domain, stored as their string values."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ACCOUNT_MANAGER = "account_manager"  # 项目经理
    DESIGN_SUPERVISOR = "design_supervisor"  # 项目主管
    CONSTRUCTION_EXECUTOR = "construction_executor"  # 项目执行
    DEPARTMENT_MANAGER = "department_manager"  # 部门经理
    ADMINISTRATOR = "administrator"


class BoothType(StrEnum):
    SHELL = "shell"  # 标准展位
    RAW = "raw"  # 光地


class BoothStatus(StrEnum):
    AVAILABLE = "available"
    RESERVED = "reserved"
    SOLD = "sold"
    BLOCKED = "blocked"


class ContractStatus(StrEnum):
    DRAFT = "draft"
    SIGNED = "signed"
    PART_PAID = "part_paid"
    PAID = "paid"
    CANCELLED = "cancelled"


class LeadStage(StrEnum):
    CONTACTED = "contacted"
    VISIT_BOOKED = "visit_booked"
    PROPOSAL = "proposal"
    SIGNED = "signed"
    LOST = "lost"


class TaskLevel(StrEnum):
    MILESTONE = "milestone"  # 总进度控制
    EVENT = "event"  # 主进度控制
    TASK = "task"  # 详细进度控制


class TaskStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    BLOCKED = "blocked"
    DONE = "done"


# Sectors named in the seed first, then others common at Chinese trade shows.
SECTORS: dict[str, str] = {
    "钢铁": "Steel",
    "汽车": "Automotive",
    "渔业": "Fishery",
    "旅游": "Tourism",
    "食品": "Food",
    "机械": "Machinery",
    "电子": "Electronics",
    "纺织": "Textiles",
    "建材": "Building materials",
    "化工": "Chemicals",
    "家居": "Home furnishing",
    "医疗": "Healthcare",
    "物流": "Logistics",
    "新能源": "New energy",
}
