"""The ``gzanalysis`` command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _datapackage(args: argparse.Namespace) -> int:
    from gzanalysis.package.datapackage import write_package

    for folder in args.folders:
        descriptor = write_package(Path(folder))
        print(f"{folder}: {len(descriptor['resources'])} resources described in datapackage.json")
    return 0


def _audit(args: argparse.Namespace) -> int:
    import gzanalysis as gz
    from gzanalysis.audit.report import render

    d = gz.load(args.id)
    findings = gz.audit(d)
    sys.stdout.write(render(findings, args.format, d.meta["title"], show_ok=args.all))
    material = int((findings["status"] == "material").sum())
    return 1 if args.strict and material else 0


def _ingest_batch(args: argparse.Namespace) -> int:
    from gzanalysis.corpus.batch import ingest_corpus

    if not args.out:
        print("gzanalysis ingest: a folder or glob needs --out CORPUS", file=sys.stderr)
        return 2
    try:
        result = ingest_corpus(
            args.raw, args.out, jobs=args.jobs, scheduler=args.scheduler, limits=_limits(args)
        )
    except (FileNotFoundError, RuntimeError) as exc:
        print(f"gzanalysis ingest: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(
            "gzanalysis ingest: interrupted; what finished is in corpus.json, run again to go on",
            file=sys.stderr,
        )
        return 130
    sys.stdout.write(result.summary())
    return 1 if args.strict and result.failed else 0


def _limits(args: argparse.Namespace):
    from gzanalysis.ingest.preflight import Limits

    return Limits.of({name: getattr(args, name) for name in Limits.FLAGS})


def _ingest_pdf(args: argparse.Namespace) -> int:
    from gzanalysis.ingest.pdf import PdfError, ingest_pdf
    from gzanalysis.ingest.preflight import limits

    try:
        with limits(_limits(args)):  # the checks before any page is read (ingest.preflight)
            result = ingest_pdf(
                Path(args.raw), template=args.template, errata=Path(args.errata) if args.errata else None
            )
        if args.out:
            result.write(Path(args.out), force=args.force)
        else:  # the audit runs on a written package: write it where it is thrown away
            import tempfile

            with tempfile.TemporaryDirectory() as scratch:
                result.write(Path(scratch) / Path(args.raw).stem)
    except (PdfError, KeyError) as exc:
        print(f"gzanalysis ingest: {args.raw}: {exc.args[0] if exc.args else exc}", file=sys.stderr)
        return 2
    report = result.report()
    if args.report:
        Path(args.report).write_text(report, encoding="utf-8")
    else:
        sys.stdout.write(report)
    return 1 if args.strict and (result.material() or result.unread() or result.errata_problems) else 0


def _is_pdf(path: str) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(1024).lstrip().startswith(b"%PDF") or path.lower().endswith(".pdf")
    except OSError:
        return path.lower().endswith(".pdf")


def _ingest(args: argparse.Namespace) -> int:
    from gzanalysis.corpus.batch import is_batch

    if is_batch(args.raw):
        return _ingest_batch(args)
    if _is_pdf(args.raw):
        return _ingest_pdf(args)
    from gzanalysis.ingest import IngestError, ingest

    try:
        result = ingest(Path(args.raw), errata=Path(args.errata) if args.errata else None)
    except IngestError as exc:
        print(f"gzanalysis ingest: {args.raw}: {exc}", file=sys.stderr)
        return 2
    if args.out:
        result.write(Path(args.out))
    report = result.report.to_json() if args.format == "json" else result.report.render()
    if args.report:
        Path(args.report).write_text(report, encoding="utf-8")
    else:
        sys.stdout.write(report)
    return 1 if args.strict and result.report.unresolved else 0


def _figures(args: argparse.Namespace) -> int:
    import gzanalysis as gz
    from gzanalysis.publish.figures import write_figures

    for path in write_figures(gz.load(args.id), args.out, args.lang, args.format):
        print(path)
    return 0


def _notebooks(args: argparse.Namespace) -> int:
    from gzanalysis.publish.notebooks import copy_notebooks

    try:
        written = copy_notebooks(args.dest, force=args.force, solutions=not args.without_solutions)
    except FileExistsError as exc:
        print(f"gzanalysis notebooks: {exc}", file=sys.stderr)
        return 1
    print(f"copied {len(written)} notebooks into {args.dest}: open them with `jupyter lab {args.dest}`")
    return 0


def build_parser() -> argparse.ArgumentParser:
    from gzanalysis.publish import app, report

    parser = argparse.ArgumentParser(
        prog="gzanalysis", description="Study a unit budget disclosure (单位预算公开)."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser(
        "datapackage", help="regenerate datapackage.json of package folders from their metadata"
    )
    p.add_argument("folders", nargs="+", help="package folders, e.g. data/ganzhou-xzspj-2023")
    p.set_defaults(run=_datapackage)

    p = sub.add_parser(
        "audit", help="check every accounting identity of a disclosure; material findings first"
    )
    p.add_argument(
        "id", nargs="?", default=None, help="disclosure id or package folder (default: the first disclosure)"
    )
    p.add_argument("--format", choices=["text", "csv", "json", "markdown"], default="text")
    p.add_argument("--all", action="store_true", help="also list the checks that hold (text and markdown)")
    p.add_argument("--strict", action="store_true", help="exit with status 1 when a material finding exists")
    p.set_defaults(run=_audit)

    p = sub.add_parser(
        "ingest",
        help="read a disclosure (OCR text, or a PDF with a text layer) into a data package, with a report; "
        "a folder or glob of .txt/.pdf files into a corpus (one package each + Parquet facts)",
    )
    p.add_argument(
        "raw",
        help="the OCR text (data/raw/ganzhou-xzspj-2023.txt) or a budget PDF; "
        "or a folder or glob ('pdfs/*.pdf') for a corpus",
    )
    p.add_argument("--errata", help="errata.csv: the corrections to apply (the only ones the ingest makes)")
    p.add_argument(
        "--out", help="package folder to write (CSVs, errata, datapackage.json); omit to only report"
    )
    p.add_argument("--report", help="write the reconciliation report to this file instead of stdout")
    p.add_argument("--format", choices=["text", "json"], default="text", help="format of the report")
    p.add_argument(
        "--strict",
        action="store_true",
        help="exit with status 1 when a value is left unresolved (PDF: a material audit finding or an "
        "unread standard table; a corpus: a document failed)",
    )
    p.add_argument(
        "--template", help="PDF only: force a template family (gzanalysis/ingest/pdf/templates/NAME.toml)"
    )
    p.add_argument(
        "--force", action="store_true", help="PDF only: replace an --out folder that gzanalysis did not write"
    )
    p.add_argument("--jobs", type=int, default=None, help="corpus: local processes (default: every core)")
    p.add_argument(
        "--scheduler",
        help="corpus: address of a Dask scheduler (tcp://host:8786) to run the documents on; "
        "needs the extra [cluster] and the same paths on every worker",
    )
    from gzanalysis.ingest.preflight import Limits

    defaults = Limits()
    limit = p.add_argument_group(
        "limits per document",
        "past one, a document is refused (recorded as such in a corpus) and the batch goes on; pages, MB "
        "and streams are checked before any page is read, seconds and memory by the batch's supervisor",
    )
    limit.add_argument(
        "--max-pages", type=int, default=defaults.max_pages, help="pages (default: %(default)s)"
    )
    limit.add_argument(
        "--max-mb", type=float, default=defaults.max_mb, help="file size, MB (default: %(default)s)"
    )
    limit.add_argument(
        "--timeout", type=float, default=defaults.timeout,
        help="corpus: seconds to read one document, its package written and audited (default: %(default)s)",
    )  # fmt: skip
    limit.add_argument(
        "--max-memory", type=int, default=defaults.max_memory,
        help="corpus: MB resident for the process reading one document; also the most a stream may inflate "
        "to (default: %(default)s)",
    )  # fmt: skip
    p.set_defaults(run=_ingest)

    p = sub.add_parser(
        "figures", help="save every chart the notebooks show as static images (CJK font included)"
    )
    p.add_argument(
        "id", nargs="?", default=None, help="disclosure id or package folder (default: the first disclosure)"
    )
    p.add_argument("--out", required=True, help="folder to write the images into")
    p.add_argument("--format", nargs="+", choices=["png", "svg", "pdf"], default=["png", "svg"])
    p.add_argument("--lang", nargs="+", choices=["zh", "en"], default=["zh", "en"])
    p.set_defaults(run=_figures)

    p = sub.add_parser("notebooks", help="copy the curated notebooks into a folder, to open in JupyterLab")
    p.add_argument("dest", help="folder to copy the .ipynb files into (created if missing)")
    p.add_argument("--force", action="store_true", help="overwrite notebooks already in the folder")
    p.add_argument(
        "--without-solutions", action="store_true", help="leave out the teaching solutions (for a class)"
    )
    p.set_defaults(run=_notebooks)

    p = sub.add_parser("report", help="execute the curated notebooks and render the offline report site")
    report.add_arguments(p).set_defaults(run=report.run_args)

    p = sub.add_parser("app", help="serve the explorers as a live web app (Voilà) on 127.0.0.1")
    app.add_arguments(p).set_defaults(run=app.run_args)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
