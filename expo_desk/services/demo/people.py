"""Users of every role, and the exhibitors with their phone, address and contacts."""

from __future__ import annotations

from expo_desk.services.demo.names import ROADS, SECTOR_NAMES, SECTOR_WEIGHTS, TITLES, TITLES_PRIMARY, mobile, person
from expo_desk.services.demo.records import Exhibitor
from expo_desk.services.demo.show_dates import SET_UP, SNAPSHOT
from expo_desk.services.demo.state import DemoState, money

# the three roles that own the work on a booth
ACCOUNT_MANAGER = "account_manager"
DESIGN_SUPERVISOR = "design_supervisor"
CONSTRUCTION_EXECUTOR = "construction_executor"


class PeopleSteps(DemoState):
    def _user(self, role: str, display: str | None = None, username: str | None = None) -> str:
        if display is None:
            display, username = person(self.rng)
        base, n = username, 1
        while username.lower() in self._usernames:
            n += 1
            username = f"{base}{n}"
        self._usernames.add(username.lower())
        uid = self.uid()
        self.rows["users"].append((uid, username, display, role, None, 1, self.stamp(SET_UP)))
        return uid

    def _make_users(self) -> None:
        """One department manager, the administrator and enough staff of each role for the tier."""
        t = self.tier
        self._usernames: set[str] = set()
        self.department_manager = self._user("department_manager")
        self.administrator = self._user("administrator", "系统管理员", "admin")
        self.managers = [self._user(ACCOUNT_MANAGER) for _ in range(max(5, t.exhibitors // 200))]
        self.supervisors = [self._user(DESIGN_SUPERVISOR) for _ in range(max(3, t.booths // 1000))]
        self.executors = [self._user(CONSTRUCTION_EXECUTOR) for _ in range(max(4, t.booths // 500))]

    def _make_exhibitors(self) -> None:
        """The exhibitors' names, sectors and account managers (rows come later, once sales are known)."""
        rng = self.rng
        self.exhibitors = []
        for _ in range(self.tier.exhibitors):
            e = Exhibitor()
            e.id = self.uid()
            e.sector = rng.choices(SECTOR_NAMES, SECTOR_WEIGHTS)[0]
            e.name, e.name_en, e.key, e.city, e.domain = self.company(e.sector)
            e.manager = rng.choice(self.managers)
            self.exhibitors.append(e)

    def _exhibitor_rows(self) -> None:
        """Exhibitor and contact rows; dates follow the exhibitor's contract, if any."""
        rng = self.rng
        contacts = self.rows["contacts"]
        for e in self.exhibitors:
            city, py, area = e.city
            digits = 8 if len(area) == 3 else 7
            phone = f"{area}-{rng.randint(2, 8)}{rng.randrange(10 ** (digits - 1)):0{digits - 1}d}"
            if e.expected is None and rng.random() < 0.7:
                e.expected = money(rng.lognormvariate(11.5, 0.8) * 100, 100_000)
            c = e.contract
            e.created = (c.created if c.signed is None else c.signed) - rng.randint(20, 90) if c \
                else SNAPSHOT - rng.randint(5, 200)
            updated = min(SNAPSHOT - 1, e.created + rng.randint(0, 120))
            address = f"{city}市{rng.choice(ROADS)}{rng.randint(1, 399)}号"
            self.rows["exhibitors"].append((
                e.id, self.show_id, e.name, e.key, e.name_en, e.sector, phone,
                f"{rng.choice(('info', 'sales', 'market', 'office'))}@{e.domain}", f"www.{e.domain}", address,
                e.expected, e.manager, "", self.stamp(e.created), self.stamp(updated),
            ))
            for n in range(rng.choices((1, 2, 3), (50, 35, 15))[0]):
                name, py_name = person(rng)
                title = rng.choice(TITLES_PRIMARY if n == 0 else TITLES)
                contacts.append((self.uid(), e.id, name, title, mobile(rng), f"{py_name}@{e.domain}",
                                 1 if n == 0 else 0))
