"""`collector-desk ...`: the composition root. Parses arguments, then hands over to a layer."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from platformdirs import user_data_dir

from collector_desk import __version__

DEFAULT_DEMO_CASES = 3000
DEFAULT_DEMO_SEED = 20261128


def default_data_dir() -> Path:
    return Path(user_data_dir("collector-desk", appauthor=False)) / "demo"


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
        "--rebuild",
        action="store_true",
        help="generate the demo portfolio again even if one exists",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "demo":
        from collector_desk.ui.app import DemoLaunch, run_demo  # Qt loads only when needed

        return run_demo(
            DemoLaunch(
                data_dir=args.data_dir or default_data_dir(),
                cases=args.cases,
                seed=args.seed,
                language=args.lang,
                screenshot=args.screenshot,
                rebuild=args.rebuild,
            )
        )
    build_parser().print_help()
    return 0


def run() -> None:
    sys.exit(main())


if __name__ == "__main__":
    run()
