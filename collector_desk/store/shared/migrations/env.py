"""Alembic environment: run on the connection the caller hands over (see store.shared.migrate),
comparing against the tables of the side being migrated.

From the command line (developers writing a migration) the side is alembic.ini's section:
`alembic -n cache ...` or `alembic -n central ...`; see the README's "Schema changes"."""

from alembic import context
from sqlalchemy import create_engine

from collector_desk.store.shared.migrate import include_object, side_metadata, side_named

config = context.config
side = config.attributes.get("side") or side_named(config.get_main_option("side", "cache"))
target_metadata = side_metadata(side.name)


def _configure(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things; batch mode copies the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        return
    url = config.get_main_option("sqlalchemy.url")
    if context.is_offline_mode():
        context.configure(url=url, target_metadata=target_metadata, literal_binds=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    assert url is not None, "alembic.ini sets sqlalchemy.url"
    engine = create_engine(url)
    with engine.connect() as conn:
        _configure(conn)


run()
