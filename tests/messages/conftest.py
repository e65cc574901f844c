from tests.live_central import _sqlite_template, central_url, desk, live  # noqa: F401
