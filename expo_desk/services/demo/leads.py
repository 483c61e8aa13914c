"""The sales pipeline: a lead per exhibitor, prospects who said no or are still undecided, and the follow-ups."""

from __future__ import annotations

from expo_desk.services.demo.names import SECTOR_NAMES
from expo_desk.services.demo.records import Exhibitor
from expo_desk.services.demo.show_dates import SNAPSHOT
from expo_desk.services.demo.state import DemoState, money

# (why the lead was lost, what the prospect said)
_OBJECTIONS = (
    ("没有预算 / no budget", "今年参展预算已用完，明年再说"),
    ("怀疑效果 / doubts about results", "担心参展效果，要看往届展后报告"),
    ("同类展会太多 / too many similar shows", "同期还有广交会和青岛的展会，在比较"),
    ("时间冲突 / date clash", "九月份工厂订单多，人手紧张"),
    ("展位位置不满意 / booth location", "想要靠近主通道的角位"),
)
# what a follow-up of each kind was about
_FOLLOW_UP_NOTES = {
    "call": ("电话沟通参展意向", "电话跟进报价", "电话确认拜访时间", "介绍往届展后报告和观众数据"),
    "visit": ("上门拜访，介绍展会和展位图", "拜访客户，讨论特装方案", "拜访总经理，确认参展预算"),
    "email": ("发送招展函和展位图", "发送报价单", "发送合同文本"),
}


class LeadSteps(DemoState):
    def _make_leads(self) -> None:
        """The pipeline: one lead per exhibitor, plus prospects who said no or are undecided."""
        rng = self.rng
        leads, follow_ups = self.rows["leads"], self.rows["follow_ups"]

        def add(exhibitor: Exhibitor | None, prospect: str, manager: str, stage: str, created: int,
                value: int | None) -> None:
            lead_id = self.uid()
            lost, objections = "", ""
            if stage == "lost" or rng.random() < 0.3:
                reason, said = rng.choice(_OBJECTIONS)
                objections = said
                if stage == "lost":
                    lost = reason
            open_stage = stage in ("contacted", "visit_booked", "proposal")
            follow = self.iso(SNAPSHOT + rng.randint(0, 14)) if open_stage else None
            visit = None
            if stage in ("visit_booked", "proposal", "signed"):
                visit_day = created + rng.randint(3, 20) if stage != "visit_booked" else SNAPSHOT + rng.randint(1, 14)
                visit = f"{self.iso(visit_day)}T{rng.choice(('09:30', '10:00', '14:00', '15:30'))}"
            leads.append((lead_id, self.show_id, exhibitor.id if exhibitor else None, prospect, manager, stage, lost,
                          objections, value, follow, visit, "", self.stamp(created)))
            day = created
            for _ in range(rng.choices((1, 2, 3, 4), (30, 35, 25, 10))[0]):
                if day >= SNAPSHOT:
                    break
                kind = rng.choices(("call", "visit", "email"), (60, 20, 20))[0]
                follow_ups.append((self.uid(), lead_id, self.stamp(day), kind, rng.choice(_FOLLOW_UP_NOTES[kind]),
                                   manager))
                day += rng.randint(3, 25)

        holding = {id(e) for e in self.reserved_for.values()}
        for e in self.exhibitors:
            c = e.contract
            if c is None:
                stage = "visit_booked" if id(e) in holding else rng.choice(("contacted", "contacted", "lost"))
            elif c.status == "draft":
                stage = "proposal"
            elif c.status == "cancelled":
                stage = "lost"
            else:
                stage = "signed"
            add(e, "", e.manager, stage, e.created, e.expected)
        for _ in range(round(self.tier.exhibitors * 0.3)):
            sector = rng.choice(SECTOR_NAMES)
            name = self.company(sector)[0]
            stage = rng.choices(("lost", "contacted", "visit_booked", "proposal"), (70, 12, 10, 8))[0]
            add(None, name, rng.choice(self.managers), stage, SNAPSHOT - rng.randint(10, 250),
                money(rng.lognormvariate(10.5, 0.7) * 100, 100_000))
