"""``make app``: the explorers as a live web app, served by Voilà on 127.0.0.1.

    gzanalysis app [--port 8866]        # or: python -m gzanalysis.publish.app

One page per question (composition, changes, carry-over, targets), each a notebook of ``app_pages/`` that
calls ``page(question)``: the explorer of ``gz.widgets`` in a live kernel, under a 中文 / English switch and
links to the other pages. Voilà strips the code; the charts draw with the vega bundle that
``gz.notebook.setup()`` puts on the page, so no request leaves the machine. Ctrl-C stops the server and
its kernels.
"""

from __future__ import annotations

import argparse
import contextlib
import inspect
import os
import socket
import sys
from importlib.resources import files
from pathlib import Path
from urllib.parse import parse_qs

# question → (explorer function of gz.widgets, {lang: (link text, page title)})
QUESTIONS = {
    "composition": (
        "composition_explorer",
        {"zh": ("支出构成", "钱花在哪里"), "en": ("Composition", "What the money is spent on")},
    ),
    "changes": (
        "changes_explorer",
        {"zh": ("较上年增减", "变化与原因"), "en": ("Changes", "Changes on last year, and why")},
    ),
    "carryover": (
        "carryover_explorer",
        {"zh": ("上年结转", "结转资金的去向"), "en": ("Carry-over", "Where last year's funds go")},
    ),
    "targets": (
        "targets_explorer",
        {"zh": ("绩效目标", "项目承诺什么"), "en": ("Targets", "What the projects promise")},
    ),
}
LANGS = [("中文", "zh"), ("English", "en")]


def pages_dir() -> Path:
    """The app's notebooks (one per question), shipped inside the package."""
    return Path(str(files("gzanalysis.publish").joinpath("app_pages")))


def _query_lang() -> str:
    """The page's ``?lang=`` (Voilà hands the kernel the request's query string), else Chinese."""
    lang = parse_qs(os.environ.get("QUERY_STRING", "")).get("lang", ["zh"])[0]
    return lang if lang in dict(LANGS).values() else "zh"


def explorer(question: str, d, lang: str):
    """The question's explorer in ``lang``, through its public function."""
    from gzanalysis.views import widgets

    make = getattr(widgets, QUESTIONS[question][0])
    if "lang" in inspect.signature(make).parameters:
        return make(d, lang=lang)
    made = make(d)  # explorers without a lang argument carry a language control of their own
    made.controls["lang"].value = lang
    return made


def _header(question: str, lang: str) -> str:
    links = " · ".join(
        f"<b>{names[lang][0]}</b>"
        if name == question
        else f'<a href="{name}.ipynb?lang={lang}">{names[lang][0]}</a>'
        for name, (_, names) in QUESTIONS.items()
    )
    short, title = QUESTIONS[question][1][lang]
    return f"<h2>{short}{'：' if lang == 'zh' else ': '}{title}</h2><nav>{links}</nav>"


def page(question: str, lang: str | None = None):
    """The app page of one question: a language switch, links to the other pages, and the explorer."""
    import ipywidgets as w
    from traitlets import TraitError

    from gzanalysis.package.load import load
    from gzanalysis.publish.execute import skip_slow_plugin
    from gzanalysis.views import notebook

    skip_slow_plugin()  # this page's kernel, like the report's, imports altair without it: a second sooner
    notebook.setup()  # the vega bundle on the page, from vl-convert: no CDN
    d = load()
    lang = lang or _query_lang()
    switch = w.ToggleButtons(options=LANGS, value=lang, description="")
    header = w.HTML(_header(question, lang))
    holder = w.VBox([explorer(question, d, lang)])

    def relabel(change) -> None:
        header.value = _header(question, change["new"])
        before, after = holder.children[0], explorer(question, d, change["new"])
        for name, control in before.controls.items():  # keep the reader's choices across the switch
            if name != "lang" and name in after.controls:
                with contextlib.suppress(TraitError):  # an option the other language does not offer
                    after.controls[name].value = control.value
        holder.children = [after]

    switch.observe(relabel, names="value")
    return w.VBox([switch, header, holder])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(port: int | None = None) -> int:
    """Run Voilà on 127.0.0.1 until Ctrl-C (or SIGTERM); prints the URL once it listens."""
    import tornado.ioloop
    from voila.app import Voila

    port = port or free_port()
    url = f"http://127.0.0.1:{port}/voila/render/composition.ipynb"
    # Our template (app_share/voila/templates/gzanalysis): Voilà finds templates on the Jupyter data path.
    share = str(files("gzanalysis.publish").joinpath("app_share"))
    os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [share, os.environ.get("JUPYTER_PATH")]))
    argv = [
        str(pages_dir()),
        "--template=gzanalysis",
        "--no-browser",
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        "--Voila.port_retries=0",  # the port asked for, or fail: never another one silently
        "--strip_sources=True",
        "--Voila.log_level=WARN",
        "--KernelManager.transport=ipc",  # kernels on local sockets, not TCP ports (and no warning about it)
    ]
    # Runs when the server's loop starts, i.e. once it listens.
    tornado.ioloop.IOLoop.current().add_callback(
        lambda: print(f"gzanalysis app: {url}  (pages: {', '.join(QUESTIONS)}; Ctrl-C stops)", flush=True)
    )
    server = Voila.instance()
    server.initialize(argv)
    # Quiet console: these pages carry no saved outputs to trust (the kernel draws everything on request),
    # and jupyter_server's default websocket ping timeout (3 × the interval) makes tornado warn once.
    server.log.addFilter(lambda record: "is not trusted" not in record.getMessage())
    server.tornado_settings = {**server.tornado_settings, "ws_ping_timeout": 30000}
    server.start()
    print("gzanalysis app: stopped", flush=True)
    return 0


def add_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument(
        "--port", type=int, default=8866, help="port on 127.0.0.1 (default: 8866; 0: any free)"
    )
    return parser


def run_args(args: argparse.Namespace) -> int:
    try:
        import voila  # noqa: F401
    except ImportError:
        print('error: the app needs Voilà: pip install "gzanalysis[app]" (or make app)', file=sys.stderr)
        return 2
    return serve(args.port)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m gzanalysis.publish.app", description=__doc__.splitlines()[0]
    )
    return run_args(add_arguments(parser).parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
