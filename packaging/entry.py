"""The frozen app's entry point: the same as the `collector-desk` console script."""

from collector_desk.cli import run

if __name__ == "__main__":
    run()
