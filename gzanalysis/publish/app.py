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
    """The question's explorer in ``lang``, its own language dropdown hidden: the page's switch sets it."""
    from gzanalysis.views import widgets

    made = getattr(widgets, QUESTIONS[question][0])(d)
    made.controls["lang"].layout.display = "none"
    made.controls["lang"].value = lang  # relabels everything and keeps the other controls' values
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

    from gzanalysis.package.load import load
    from gzanalysis.publish.execute import skip_slow_plugin
    from gzanalysis.views import notebook

    skip_slow_plugin()  # this page's kernel, like the report's, imports altair without it: a second sooner
    notebook.setup()  # the vega bundle on the page, from vl-convert: no CDN
    d = load()
    lang = lang or _query_lang()
    switch = w.ToggleButtons(options=LANGS, value=lang, description="")
    header = w.HTML(_header(question, lang))
    shown = explorer(question, d, lang)

    def relabel(change) -> None:
        header.value = _header(question, change["new"])
        # The explorer relabels itself and keeps the reader's choices.
        shown.controls["lang"].value = change["new"]

    switch.observe(relabel, names="value")
    return w.VBox([switch, header, shown])


# The labextensions a page loads: Voilà's widget manager and the widgets it draws. Voilà loads every
# labextension of the environment by default, and those written for JupyterLab alone fail in its page (the
# jupytext extension: "RUNTIME-012 ... @jupyterlab/docmanager" in the console, and version warnings).
EXTENSIONS = ["@voila-dashboards/widgets-manager8", "@jupyter-widgets/jupyterlab-manager"]


def set_xsrf_cookie(request, notebook, cwd):
    """Voilà's prelaunch hook: give the page the ``_xsrf`` cookie, so that closing it shuts its kernel down.

    A closing page asks the server to shut its kernel down with a POST that carries the ``_xsrf`` cookie's
    value (Voilà's widget manager, on ``beforeunload``); standalone Voilà never sets that cookie, so every
    such request was refused (``403 '_xsrf' argument missing from POST``, voila-dashboards/voila#1458) and
    the kernels ran until the server stopped. Reading the token sets the cookie on the page's response,
    and the server's XSRF check stays on. Returns None: the notebook is used as it is.
    """
    request.xsrf_token  # noqa: B018  (tornado sets the cookie when the token is first read)


# How often a kernel client waiting for a message with no deadline looks at its socket itself.
RECHECK_SECONDS = 1.0


def steady_kernel_client() -> type:
    """The kernel client class of Voilà's executors, whose waits for a kernel's reply cannot miss it.

    Voilà renders a page by executing its notebook with nbclient, which waits for the cell's
    ``execute_reply`` (shell) and its outputs (iopub) with no deadline: an ``await`` on the socket's file
    descriptor (pyzmq's asyncio socket). That descriptor is edge-triggered, and with both cores busy its
    wake-up was lost for one page load in three to five: the reply sat in the socket (``zmq.EVENTS``
    said POLLIN), the kernel was idle, and the page never loaded, Voilà sending heartbeats for ever
    (voila-dashboards/voila#1446). This client's channels wait in slices of ``RECHECK_SECONDS``: a slice
    that ends polls the socket itself (``zmq_poll``, not the descriptor), so a lost wake-up costs at most
    that long. Waits with a deadline are unchanged.
    """
    from queue import Empty

    from jupyter_client.asynchronous import AsyncKernelClient
    from jupyter_client.channels import AsyncZMQSocketChannel
    from traitlets import Type

    class SteadyChannel(AsyncZMQSocketChannel):
        async def get_msg(self, timeout: float | None = None) -> dict:
            if timeout is not None:
                return await super().get_msg(timeout)
            while True:
                try:
                    return await super().get_msg(RECHECK_SECONDS)
                except Empty:
                    continue

    class SteadyKernelClient(AsyncKernelClient):
        shell_channel_class = Type(SteadyChannel)
        iopub_channel_class = Type(SteadyChannel)
        stdin_channel_class = Type(SteadyChannel)
        control_channel_class = Type(SteadyChannel)

    return SteadyKernelClient


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
        *(f"--VoilaConfiguration.extension_allowlist={name}" for name in EXTENSIONS),
    ]
    # Runs when the server's loop starts, i.e. once it listens.
    tornado.ioloop.IOLoop.current().add_callback(
        lambda: print(f"gzanalysis app: {url}  (pages: {', '.join(QUESTIONS)}; Ctrl-C stops)", flush=True)
    )
    server = Voila.instance()
    server.initialize(argv)
    # A callable cannot come from the command line; each request's handler reads it from here.
    server.voila_configuration.prelaunch_hook = set_xsrf_cookie
    # Each kernel's manager (created when the server starts, from this config) makes the executor's client.
    server.config.AsyncKernelManager.client_factory = steady_kernel_client()
    # Quiet console: these pages carry no saved outputs to trust (the kernel draws everything on request).
    server.log.addFilter(lambda record: "is not trusted" not in record.getMessage())
    # No websocket keep-alive pings. They exist to keep connections open through proxies and to notice
    # clients that vanished; on 127.0.0.1 neither happens (a closed tab closes its socket). And they misfire:
    # jupyter_server's WebSocketMixin hands its intervals in ms to tornado, which reads them as seconds, so a
    # ws_ping_timeout longer than the interval makes tornado warn, while one no longer than it makes
    # jupyter_server warn "WebSocket ping timeout after 30002 ms." and close the page's kernel connection
    # whenever a pong is a moment late (a loaded machine).
    server.tornado_settings = {**server.tornado_settings, "ws_ping_interval": 0}
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
