"""What the store tells the policy pack of a case: the customer's region for regional public
holidays, and their numbers so a refusal can name the untried ones."""

import shutil
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from collector_desk.domain.contacts import Channel, Relation
from collector_desk.domain.policy import Rule
from collector_desk.store.cache.cache_file import open_cache
from collector_desk.store.shared.compliance import case_state, judge
from collector_desk.store.shared.schema import Case, ContactPoint, Customer

SYDNEY = ZoneInfo("Australia/Sydney")
CANBERRA_DAY = datetime(2026, 3, 9, 10, 0, tzinfo=SYDNEY)  # the ACT's holiday, not NSW's


def test_the_customers_region_picks_their_states_holidays(demo_cache, tmp_path):
    path = tmp_path / "cache.sqlite"
    shutil.copy(demo_cache, path)
    engine = open_cache(path)
    with Session(engine) as s, s.begin():
        case_id, customer_id = s.execute(
            select(Case.id, Case.customer_id).order_by(Case.id)
        ).first()
        s.execute(
            update(Case).where(Case.id == case_id).values(policy_pack="AU", time_zone=SYDNEY.key)
        )
        s.execute(update(Customer).where(Customer.id == customer_id).values(time_zone=SYDNEY.key))
    with Session(engine) as s:
        case = s.get(Case, case_id)
        assert case_state(s, case).region is None  # the zone tells: NSW, where it is a Monday
        assert judge(s, case, Channel.CALL, None, CANBERRA_DAY).allowed
    with Session(engine) as s, s.begin():
        s.execute(update(Customer).where(Customer.id == customer_id).values(region="ACT"))
    with Session(engine) as s:
        case = s.get(Case, case_id)
        decision = judge(s, case, Channel.CALL, None, CANBERRA_DAY)
        assert [r.rule for r in decision.blocks] == [Rule.HOLIDAY]
        own = s.scalars(
            select(ContactPoint).where(
                ContactPoint.customer_id == case.customer_id,
                ContactPoint.relation == Relation.SELF,
            )
        ).all()
        points = {p.id: p for p in case_state(s, case).points}
        for row in own:  # each number with its kind and last two digits, as the screen masks it
            assert points[row.id].kind is row.kind
            assert points[row.id].tail == (row.value[-2:] if row.kind.is_phone else "")
    engine.dispose()
