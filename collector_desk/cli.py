"""`collector-desk ...`: the composition root. Parses arguments, then hands over to a layer."""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
from pathlib import Path

from collector_desk import __version__
from collector_desk.config import app_dirs
from collector_desk.domain.cases import Role

DEFAULT_DEMO_CASES = 3000
DEFAULT_DEMO_SEED = 20261128


def default_data_dir() -> Path:
    return app_dirs.data_dir() / "demo"


def default_central_url() -> str:
    """The embedded default central store: a SQLite file in the user's data folder."""
    path = app_dirs.data_dir() / "central.sqlite"
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite+pysqlite:///{path}"


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="collector-desk",
        description="Collector Desk: a workstation for credit-card collections.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser(
        "demo", help="open the app on a generated demo portfolio (no server, no network)"
    )
    demo.add_argument(
        "--cases",
        type=_positive,
        default=DEFAULT_DEMO_CASES,
        help=f"cases in the demo portfolio (default {DEFAULT_DEMO_CASES})",
    )
    demo.add_argument(
        "--seed",
        type=int,
        default=DEFAULT_DEMO_SEED,
        help="random seed; the same seed gives the same portfolio",
    )
    demo.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help=f"where the demo cache lives (default {default_data_dir()})",
    )
    demo.add_argument(
        "--lang",
        choices=("zh_CN", "en"),
        default=None,
        help="user interface language (default: the system's)",
    )
    demo.add_argument(
        "--screenshot",
        type=Path,
        default=None,
        metavar="PATH",
        help="render the main window once the data shows, save a PNG, exit",
    )
    demo.add_argument(
        "--as",
        dest="as_user",
        choices=("collector", "lead"),
        default="collector",
        help="sign in as the demo's collector (default) or its team lead",
    )
    demo.add_argument(
        "--view",
        choices=("queue", "team", "numbers"),
        default="queue",
        help="what opens first: the queue, or for the lead the team's workload or numbers "
        "(with --screenshot, the picture is of that view)",
    )
    demo.add_argument(
        "--rebuild",
        action="store_true",
        help="generate the demo portfolio again even if one exists",
    )
    run = commands.add_parser("run", help="open the app on a central server (sign in)")
    run.add_argument(
        "--server",
        required=True,
        metavar="URL",
        help="the sync service, e.g. https://collector-desk.bank.example",
    )
    run.add_argument(
        "--allow-http",
        action="store_true",
        help="allow plain HTTP to a server that is not this computer",
    )
    run.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="where the local caches live (default: the user data folder)",
    )
    run.add_argument("--lang", choices=("zh_CN", "en"), default=None)
    _server_commands(commands)
    _admin_commands(commands)
    practice = commands.add_parser(
        "practice",
        help="practice calls with the call guide on made-up customers (never synced)",
    )
    practice.add_argument("--lang", choices=("zh_CN", "en"), default=None)
    practice.add_argument(
        "--seed", type=int, default=1, help="the same seed gives the same customers and answers"
    )
    practice.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help=f"where the practice cache lives (default {default_data_dir()})",
    )
    practice.add_argument("--screenshot", type=Path, default=None, metavar="PATH")
    commands.add_parser(
        "info",
        help="where this installation keeps data, settings and logs, its keyring, and a check "
        "that its resources, migrations and translations are all there (exit 1 if not)",
    )
    scripts = commands.add_parser("scripts", help="call scripts: check them after editing")
    script_actions = scripts.add_subparsers(dest="scripts_action", metavar="ACTION")
    check = script_actions.add_parser(
        "check", help="report every defect of each script, by file and step; exit 1 if any"
    )
    check.add_argument(
        "path",
        nargs="?",
        type=Path,
        default=None,
        help="a script file or a folder of them (default: the scripts shipped with the app)",
    )
    templates = commands.add_parser(
        "templates", help="SMS and e-mail templates: check them after editing"
    )
    template_actions = templates.add_subparsers(dest="templates_action", metavar="ACTION")
    check = template_actions.add_parser(
        "check",
        help="report every defect of each template (placeholders, debt named to a third party, "
        "SMS segments, opt-out), by file, language and part; exit 1 if any",
    )
    check.add_argument(
        "path",
        nargs="?",
        type=Path,
        default=None,
        help="a template file or a folder of them (default: the templates shipped with the app)",
    )
    return parser


def _info() -> int:
    """For IT and for the bundle's smoke test: paths, keyring, and what must travel inside."""
    from datetime import UTC, datetime

    from collector_desk.config.holiday_calendar import calendar_warnings
    from collector_desk.config.message_templates import check_templates
    from collector_desk.config.policy_packs import PackError, default_packs
    from collector_desk.config.resources import resource
    from collector_desk.config.scripts import check_scripts
    from collector_desk.store.cache.schema import CACHE
    from collector_desk.store.central.schema import CENTRAL
    from collector_desk.store.shared.migrate import head_revision
    from collector_desk.sync.credentials import describe_keyring, platform_keyring_missing

    print(f"Collector Desk {__version__}")
    print(f"data:     {app_dirs.data_dir()}")
    print(f"settings: {app_dirs.config_dir()}")
    print(f"logs:     {app_dirs.log_dir()}")
    active, real, known = describe_keyring()
    print(f"keyring:  {active} ({'real' if real else 'none: caches need the password'})")
    for backend, status in sorted(known.items()):
        print(f"  carries {backend}: {status}")
    missing = []
    lacking = platform_keyring_missing(sys.platform, known)
    if lacking:
        missing.append(f"the keyring backend {lacking}")
    try:
        print(f"schema:   cache {head_revision(CACHE)}, central store {head_revision(CENTRAL)}")
    except Exception as exc:  # a bundle without its migrations: say so and fail
        missing.append(f"migrations ({type(exc).__name__})")
    for part in (
        ("config", "security.toml"),
        ("config", "telephony.toml"),
        ("translations", "collector_desk_zh_CN.qm"),
        ("translations", "collector_desk_en.qm"),  # English plurals: "1 case", "3 cases"
        ("guide", "user_guide.en.md"),
        ("guide", "user_guide.zh_CN.md"),
    ):
        try:
            if not resource(*part).is_file():
                missing.append("/".join(part))
        except FileNotFoundError:
            missing.append("resources")
    if any(check_scripts(None).values()):
        missing.append("call scripts (run `collector-desk scripts check`)")
    if any(c.template is None or c.defects for c in check_templates(None).values()):
        missing.append("message templates (run `collector-desk templates check`)")
    try:
        for warning in calendar_warnings(default_packs(), datetime.now(UTC).date()):
            print(f"warning:  {warning}")
    except PackError as exc:  # a pack that does not load is a missing part of the install
        missing.append(f"policy packs ({exc})")
    for what in missing:
        print(f"missing:  {what}", file=sys.stderr)
    return 1 if missing else 0


def _check_scripts(path: Path | None) -> int:
    from collector_desk.config.scripts import check_scripts, describe

    if path is not None and not path.exists():
        print(f"refused: {path} does not exist", file=sys.stderr)
        return 2
    found = check_scripts(path)
    bad = {p: d for p, d in found.items() if d}
    for p, defects in bad.items():
        for defect in defects:
            print(describe(p, defect))
    good = len(found) - len(bad)
    print(f"{good} file(s) good, {len(bad)} with defects", file=sys.stderr if bad else sys.stdout)
    return 1 if bad else 0


def _check_templates(path: Path | None) -> int:
    from collector_desk.config.message_templates import check_templates, describe

    if path is not None and not path.exists():
        print(f"refused: {path} does not exist", file=sys.stderr)
        return 2
    found = check_templates(path)
    bad = {p: c for p, c in found.items() if c.template is None or c.defects}
    for p, checked in bad.items():
        for line in describe(p, checked):
            print(line)
    good = len(found) - len(bad)
    print(f"{good} file(s) good, {len(bad)} with defects", file=sys.stderr if bad else sys.stdout)
    return 1 if bad else 0


def _db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        default=None,
        metavar="URL",
        help="central store, e.g. postgresql+psycopg://user@host/db "
        "(default: a SQLite file in the user data folder)",
    )


def _encoding_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--encoding",
        default=None,
        metavar="CODEC",
        help="the CSV file's encoding, e.g. gb18030 (default: UTF-8 with or without BOM, or "
        "GB18030/GBK, told apart from the file itself); XLSX files need none",
    )


def _server_commands(commands) -> None:
    server = commands.add_parser("server", help="run the central sync service (HTTP + JSON)")
    _db_option(server)
    server.add_argument("--host", default="127.0.0.1")
    server.add_argument("--port", type=int, default=8470)
    server.add_argument("--cert", default=None, help="TLS certificate (PEM): serve HTTPS")
    server.add_argument("--key", default=None, help="TLS private key (PEM)")
    server.add_argument(
        "--workers",
        type=_positive,
        default=1,
        metavar="N",
        help="serve from N processes sharing the port (PostgreSQL only; default 1)",
    )
    actions = server.add_subparsers(dest="server_action", metavar="ACTION")
    migrate = actions.add_parser("migrate", help="create or upgrade the central store's schema")
    _db_option(migrate)


def _admin_commands(commands) -> None:
    admin = commands.add_parser("admin", help="manage teams and users of the central store")
    actions = admin.add_subparsers(dest="admin_action", metavar="ACTION", required=True)
    team = actions.add_parser("create-team", help="create a team")
    team.add_argument("name")
    _db_option(team)
    user = actions.add_parser(
        "create-user",
        help="create a user; the password is read from standard input (one line) or asked for",
    )
    user.add_argument("username")
    user.add_argument("--role", choices=[r.value for r in Role], required=True)
    user.add_argument("--team", default=None)
    user.add_argument("--name", default=None, help="display name (default: the username)")
    _db_option(user)
    allocation = actions.add_parser(
        "import-allocation",
        help="import customers, accounts, numbers and case assignments "
        "from a CSV or XLSX file (format: resources/samples/allocation.csv); all or nothing",
    )
    allocation.add_argument("file", type=Path)
    _encoding_option(allocation)
    allocation.add_argument(
        "--policy-pack",
        metavar="CODE",
        type=str.upper,
        help="the contact rules for this portfolio (CN, US, AU, IN); a policy_pack column "
        "overrides it per customer; without either, the customer's country decides",
    )
    _db_option(allocation)
    payments = actions.add_parser(
        "import-payments",
        help="record payments from a CSV or XLSX file (format: "
        "resources/samples/payments.csv): balances drop, promises are judged; all or nothing",
    )
    payments.add_argument("file", type=Path)
    _encoding_option(payments)
    _db_option(payments)
    monitor = actions.add_parser(
        "monitor-plans",
        help="judge every active repayment plan against payments (run daily): a missed "
        "installment breaks the plan and brings the case back to its collector",
    )
    _db_option(monitor)
    sending = actions.add_parser(
        "send-messages",
        help="send the SMS and e-mail desks queued, once (run it every minute from a timer); "
        "the relay and gateway come from COLLECTOR_DESK_SMTP_* and COLLECTOR_DESK_SMS_*",
    )
    _db_option(sending)
    for name, text in (
        (
            "disable-user",
            "shut an account: no sign-in, every sign-in refused at once; nothing is deleted, "
            "on the server or on the desktops (enable-user undoes it)",
        ),
        ("enable-user", "open a disabled or revoked account again (old sign-ins stay ended)"),
        (
            "reset-password",
            "set a new password, read from standard input (one line) or asked for; "
            "every sign-in of the user ends",
        ),
    ):
        account = actions.add_parser(name, help=text)
        account.add_argument("username")
        _db_option(account)
    wipe = actions.add_parser(
        "wipe-user",
        aliases=["revoke-user"],
        help="a leaver: no more sign-ins (until enable-user); each of the user's desktops "
        "pushes what it holds, then wipes its cache",
    )
    wipe.add_argument("username")
    _db_option(wipe)
    wipe_device = actions.add_parser(
        "wipe-device",
        help="a lost laptop: it pushes what it holds at its next contact, then wipes its cache",
    )
    wipe_device.add_argument("client_id", help="from `admin devices USERNAME`")
    _db_option(wipe_device)
    devices = actions.add_parser("devices", help="the desktops a user has synced from")
    devices.add_argument("username")
    _db_option(devices)


def _read_password() -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    import getpass

    first = getpass.getpass("Password: ")
    if getpass.getpass("Again: ") != first:
        raise SystemExit("the two passwords differ; nothing was changed")
    return first


def _run_server(args) -> int:
    from collector_desk.server import run

    url = args.db or default_central_url()
    if args.server_action == "migrate":
        revision = run.migrate(url)
        print(f"{run.describe(url)} is at schema {revision}")
        return 0
    from collector_desk.server.sending.configured import SendersMisconfigured

    try:
        run.serve(url, args.host, args.port, args.cert, args.key, args.workers)
    except (run.NotMigrated, run.OneProcessOnly, SendersMisconfigured) as exc:
        print(exc, file=sys.stderr)
        return 2
    return 0


def _import_file(runner, url: str, path: Path):
    """Run one import; on a refused file print its report and return None."""
    from collector_desk.server.imports import FileRefused

    try:
        return runner(url, path)
    except FileRefused as refused:
        print(refused.message(path), file=sys.stderr)
        return None


def _run_admin(args) -> int:
    from collector_desk.server import run
    from collector_desk.store.central.accounts import AccountError

    url = args.db or default_central_url()
    try:
        if args.admin_action == "create-team":
            print(f"team {args.name!r} created (id {run.create_team(url, args.name)})")
        elif args.admin_action == "create-user":
            user_id = run.create_user(
                url,
                args.username,
                args.name or args.username,
                Role(args.role),
                args.team,
                _read_password(),
            )
            print(f"user {args.username!r} created (id {user_id})")
        elif args.admin_action == "import-allocation":
            summary = _import_file(
                lambda u, p: run.import_allocation(u, p, args.policy_pack, args.encoding),
                url,
                args.file,
            )
            if summary is None:
                return 2
            print(
                f"imported {summary.accounts} account line(s): {summary.cases_new} new "
                f"case(s), {summary.cases_updated} updated, {summary.cases_moved} moved"
            )
        elif args.admin_action == "import-payments":
            summary = _import_file(
                lambda u, p: run.import_payments(u, p, args.encoding), url, args.file
            )
            if summary is None:
                return 2
            print(
                f"{summary.recorded} payment(s) recorded, {summary.skipped} already known, "
                f"{summary.promises_kept} promise(s) now kept"
            )
        elif args.admin_action == "monitor-plans":
            print(f"{run.monitor_plans(url)} plan(s) broken or completed")
        elif args.admin_action == "send-messages":
            print(run.send_messages(url, os.environ))
        elif args.admin_action == "disable-user":
            count = run.disable_user(url, args.username)
            print(f"{args.username!r} disabled, {count} sign-in(s) ended; nothing was deleted")
        elif args.admin_action == "enable-user":
            run.enable_user(url, args.username)
            print(f"{args.username!r} may sign in again")
        elif args.admin_action == "reset-password":
            count = run.reset_password(url, args.username, _read_password())
            print(f"password of {args.username!r} set, {count} sign-in(s) ended")
        elif args.admin_action in ("wipe-user", "revoke-user"):
            if not run.wipe_user(url, args.username):
                raise ValueError(f"there is no user {args.username!r}")
            print(
                f"{args.username!r} may not sign in until enable-user; every desktop of theirs "
                "pushes what it holds and wipes its cache at its next contact"
            )
        elif args.admin_action == "wipe-device":
            if not run.wipe_device(url, args.client_id):
                raise ValueError(f"no desktop {args.client_id!r} has synced here")
            print(f"desktop {args.client_id} wipes its cache at its next contact")
        elif args.admin_action == "devices":
            for device in run.devices(url, args.username):
                revoked = (
                    "" if device.revoked_at is None else f"  wiped {device.revoked_at:%Y-%m-%d}"
                )
                print(f"{device.client_id}  last seen {device.last_seen:%Y-%m-%d %H:%M}{revoked}")
    except (AccountError, ValueError) as exc:
        print(f"refused: {exc}; nothing was changed", file=sys.stderr)
        return 2
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "demo":
        from collector_desk.demo import DEMO_COLLECTOR, DEMO_LEAD
        from collector_desk.ui.shell.app import run_demo  # Qt loads only when needed
        from collector_desk.ui.shell.demo_desks import DemoLaunch

        if args.view != "queue" and args.as_user != "lead":
            build_parser().error(f"--view {args.view} is the team lead's: add --as lead")
        return run_demo(
            DemoLaunch(
                data_dir=args.data_dir or default_data_dir(),
                cases=args.cases,
                seed=args.seed,
                language=args.lang,
                screenshot=args.screenshot,
                rebuild=args.rebuild,
                username=DEMO_LEAD if args.as_user == "lead" else DEMO_COLLECTOR,
                view=args.view,
            )
        )
    if args.command == "run":
        from collector_desk.ui.shell.desk import run_desk

        data_dir = args.data_dir or app_dirs.data_dir()
        return run_desk(args.server, data_dir, args.lang, args.allow_http)
    if args.command == "server":
        return _run_server(args)
    if args.command == "admin":
        return _run_admin(args)
    if args.command == "practice":
        from collector_desk.ui.shell.app import run_practice

        return run_practice(
            args.data_dir or default_data_dir(), args.lang, args.seed, args.screenshot
        )
    if args.command == "info":
        return _info()
    if args.command == "scripts" and args.scripts_action == "check":
        return _check_scripts(args.path)
    if args.command == "templates" and args.templates_action == "check":
        return _check_templates(args.path)
    build_parser().print_help()
    return 0


def run() -> None:
    # A frozen app's worker processes (the demo's case maker, the import's line checkers)
    # start as this program: freeze_support runs their work instead of the app.
    multiprocessing.freeze_support()
    sys.exit(main())


if __name__ == "__main__":
    run()
