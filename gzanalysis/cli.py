"""The ``gzanalysis`` command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _datapackage(args: argparse.Namespace) -> int:
    from gzanalysis.datapackage import write_package

    for folder in args.folders:
        descriptor = write_package(Path(folder))
        print(f"{folder}: {len(descriptor['resources'])} resources described in datapackage.json")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="gzanalysis", description="Study a unit budget disclosure (单位预算公开).")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("datapackage", help="regenerate datapackage.json of package folders from their metadata")
    p.add_argument("folders", nargs="+", help="package folders, e.g. data/ganzhou-xzspj-2023")
    p.set_defaults(run=_datapackage)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
