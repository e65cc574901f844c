"""Deleting a row makes the database look for its children by each foreign key that points at
it; without an index on the child's column that look is a scan of the child table, once per
deleted row (removing a case from a million-case cache took 3.1 s)."""

import pytest
from sqlalchemy import ForeignKeyConstraint, Table

from collector_desk.store.cache.schema import CACHE
from collector_desk.store.central.schema import CENTRAL
from collector_desk.store.shared.migrate import side_metadata

# Parents whose rows are never deleted (a user is disabled or wiped, a team stays), so no
# delete ever looks for their children: an index there would only cost every write.
NEVER_DELETED = {"users", "teams"}


def _indexed(table: Table, fk: ForeignKeyConstraint) -> bool:
    columns = [c.name for c in fk.columns]
    leading = [[c.name for c in index.columns] for index in table.indexes]
    leading.append([c.name for c in table.primary_key.columns])
    leading += [
        [c.name for c in unique.columns]
        for unique in table.constraints
        if type(unique).__name__ == "UniqueConstraint"
    ]
    return any(lead[: len(columns)] == columns for lead in leading)


@pytest.mark.parametrize("side", [CACHE, CENTRAL], ids=lambda side: side.name)
def test_every_foreign_key_a_delete_follows_has_an_index(side):
    unindexed = [
        f"{table.name}.{', '.join(c.name for c in fk.columns)} -> {fk.referred_table.name}"
        for table in side_metadata(side.name).sorted_tables
        for fk in table.foreign_key_constraints
        if fk.referred_table.name not in NEVER_DELETED and not _indexed(table, fk)
    ]
    assert unindexed == []
