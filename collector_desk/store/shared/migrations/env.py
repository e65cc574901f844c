"""Alembic environment: run on the connection the caller hands over (see store.migrate)."""

from alembic import context
from sqlalchemy import create_engine

from collector_desk.store.shared.migrate import include_object
from collector_desk.store.shared.schema import Base

config = context.config
target_metadata = Base.metadata


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
