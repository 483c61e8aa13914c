"""A realistic, bilingual demo show at four sizes, the same every time for a given seed.

``write_demo`` creates a new Expo Desk file holding one show, the seed's Rizhao expo
(``RZ2026``): users of every role, halls with booths laid out in rows and aisles,
exhibitors with Chinese and English company names and their contacts, the show's
pricing rules (the default price list) and a service catalogue, contracts with booth,
premium and service lines priced by those rules, payment schedules and payments,
the sales pipeline, and the three-level build schedule (milestones, main events,
detailed tasks with finish-to-start dependencies) with the show's default task
templates: the milestones and main events are the show template's (so a contract signed
later files its booth tasks under them), and each contract's tasks carry the contract.

The data is a snapshot taken on ``SNAPSHOT`` (four weeks before build-up): most booths
are sold, a few are held for exhibitors who have not signed yet, deposits are in and
balances are coming in, the booth designs are being drawn and approved and nothing has
been built yet. There is therefore no post-show data (visitors, leads collected,
surveys).

Everything is derived from one ``random.Random(seed)``, ids included, so the same seed
and size give the same file content. Rows are produced here in plain Python and written
by ``expo_desk.store.bulk`` in one transaction. No audit entries are written for the
generated rows: the file is new and nobody has changed anything in it yet.

Where to look:

- ``tiers``: the sizes S, M, L, XL;
- ``show_dates``: the show and its calendar (``SNAPSHOT``, build-up, open days);
- ``names``: Chinese / English names of people and companies;
- ``people``: users and exhibitors with their contacts;
- ``floor``: halls and the booth layout;
- ``sales``: pricing rules, service catalogue, booth sales, contracts, payment schedules, payments;
- ``leads``: the sales pipeline and its follow-ups;
- ``task_templates``: the show's build-schedule templates (the app's default steps);
- ``schedule_templates`` and ``schedule``: the build schedule and its dependencies;
- ``generator``: ``DemoShow``, which runs the steps in order;
- ``writer``: ``write_demo``;
- ``state``, ``records``, ``columns``: what the steps share.
"""

from __future__ import annotations

from expo_desk.services.demo.columns import COLUMNS, TABLE_ORDER
from expo_desk.services.demo.generator import DemoShow, generate
from expo_desk.services.demo.show_dates import SHOW, SNAPSHOT
from expo_desk.services.demo.tiers import TIERS, Tier
from expo_desk.services.demo.writer import Progress, write_demo

__all__ = ["COLUMNS", "SHOW", "SNAPSHOT", "TABLE_ORDER", "TIERS", "DemoShow", "Progress", "Tier", "generate",
           "write_demo"]
