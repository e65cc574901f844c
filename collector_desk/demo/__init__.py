"""The demo portfolio. The generator (portfolio.py) loads Faker; import it only to build one."""

DEMO_COLLECTOR = "demo"  # the user the demo signs in as
DEMO_LEAD = "lead"  # the demo's team lead (`collector-desk demo --as lead`)
