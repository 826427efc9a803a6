"""Real-browser tests (Debian's Chromium driven by Playwright): the offline report, and JupyterLab.

Every request that is not a local file (report) or the local server (JupyterLab) is blocked, so a chart
that needed a CDN would fail here. Screenshots go to a temporary folder; their paths are printed on failure.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from gzanalysis.views.notebook import BUNDLE_MARK

pytestmark = [pytest.mark.browser, pytest.mark.slow]

playwright = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ROOT = Path(__file__).resolve().parent.parent
SHOTS = Path(tempfile.mkdtemp(prefix="gz-screenshots-"))
CJK_FONT = "12px 'Noto Sans CJK SC'"
LAB_CONFIG = ROOT / "tools" / "jupyterlab"  # `make lab`'s server config and Lab settings

if not Path(CHROMIUM).exists():
    pytest.skip(
        "chromium is not installed (apt-get install chromium fonts-noto-cjk)", allow_module_level=True
    )


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from gzanalysis.publish.report import build

    out = tmp_path_factory.mktemp("site")
    build(out, quiet=True)
    return out


def _open(browser, url: str, allowed) -> tuple:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors, blocked = [], []
    page.on("pageerror", lambda e: errors.append(str(e)))

    def route(r):
        if allowed(r.request.url):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(url)
    return page, errors, blocked


def _shot(page, name: str) -> Path:
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def _wait_for_charts(page, timeout=15):
    """Wait until every chart on the page has drawn its marks and the count has settled (widgets render late)."""

    def counts():
        return (
            page.locator(".vega-embed").count(),
            page.locator(".vega-embed svg.marks, .vega-embed canvas.marks").count(),
        )

    deadline = time.time() + timeout
    last = None
    while time.time() < deadline:
        now = counts()
        if now == last and now[0] == now[1]:
            return now
        last = now
        page.wait_for_timeout(500)
    return counts()


def test_report_pages_render_offline(browser, site):
    pages = sorted(site.glob("*.html"))
    assert len(pages) >= 13
    chart_pages = 0
    for path in pages:
        page, errors, blocked = _open(browser, path.as_uri(), lambda u: u.startswith("file://"))
        charts, marks = _wait_for_charts(page, timeout=10 if path.name != "index.html" else 1)
        shot = _shot(page, path.stem)
        text = page.inner_text("body")
        assert not errors, f"{path.name}: page errors {errors[:3]} (screenshot {shot})"
        assert not blocked, f"{path.name}: requests outside the site {blocked[:3]} (screenshot {shot})"
        assert marks == charts, f"{path.name}: {charts} charts, {marks} drawn (screenshot {shot})"
        assert any("\u4e00" <= ch <= "\u9fff" for ch in text), (
            f"{path.name}: no Chinese text (screenshot {shot})"
        )
        assert page.evaluate(f'document.fonts.check("{CJK_FONT}", "预算")'), (
            "no CJK font: apt-get install fonts-noto-cjk"
        )
        chart_pages += charts > 0
        page.close()
    assert chart_pages >= 5


def test_report_explorers_show_their_default_view(browser, site):
    page, errors, _ = _open(
        browser, (site / "01_spending_composition.html").as_uri(), lambda u: u.startswith("file://")
    )
    _wait_for_charts(page)
    shot = _shot(page, "explorer-default-view")
    assert page.locator(".widget-dropdown select").count() >= 3, f"widgets not rendered (screenshot {shot})"
    assert page.locator(".gz-kernel-note").count() == 1
    widget_charts = page.locator(
        ".widget-output .vega-embed svg.marks, .widget-output .vega-embed canvas.marks"
    )
    assert widget_charts.count() == 1, f"the explorer's chart is not drawn (screenshot {shot})"
    assert not errors


def test_report_bound_control_changes_the_chart(browser, site):
    page, errors, _ = _open(
        browser, (site / "01_spending_composition.html").as_uri(), lambda u: u.startswith("file://")
    )
    _wait_for_charts(page)
    select = page.locator(".vega-bind select").first
    chart = page.locator(".vega-embed").filter(has=page.locator(".vega-bind")).first
    before = chart.locator("svg.marks").inner_html()
    select.select_option("项")
    page.wait_for_timeout(500)
    after = chart.locator("svg.marks").inner_html()
    shot = _shot(page, "bound-control")
    assert before != after, f"choosing 项 did not change the drill-down chart (screenshot {shot})"
    assert "行政运行" in after  # a 项 of 201, the default class
    assert not errors


def test_report_prints_readably(browser, site):
    page, _, _ = _open(
        browser, (site / "03_carried_over_funds.html").as_uri(), lambda u: u.startswith("file://")
    )
    _wait_for_charts(page)
    page.emulate_media(media="print")
    assert not page.locator(".gz-nav").is_visible()
    pdf = page.pdf(format="A4")
    assert pdf[:4] == b"%PDF" and len(pdf) > 50_000


# ---------------------------------------------------------------- JupyterLab
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab on 127.0.0.1 with a token, over a copy of the notebooks; stopped by its PID afterwards."""
    root = tmp_path_factory.mktemp("lab")
    for nb in (ROOT / "notebooks").glob("*.ipynb"):  # each with its paired source, as `make lab` shows them
        shutil.copy(nb, root / nb.name)
        shutil.copy(nb.with_suffix(".py"), root / nb.with_suffix(".py").name)
    shutil.copy(ROOT / "notebooks" / "jupytext.toml", root / "jupytext.toml")
    # Render every cell (no windowing), so that the tests see every output. The news prompt is turned off
    # by the project's own overrides.json (tools/jupyterlab), which this Lab reads as `make lab`'s does.
    settings = root / ".settings"
    (settings / "@jupyterlab" / "notebook-extension").mkdir(parents=True)
    (settings / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings").write_text(
        '{"windowingMode": "none"}'
    )
    port, token = _free_port(), secrets.token_hex(16)
    jupyter = Path(sys.executable).with_name("jupyter")
    proc = subprocess.Popen(
        [
            str(jupyter),
            "lab",
            "--no-browser",
            f"--port={port}",
            f"--ServerApp.token={token}",
            "--ServerApp.ip=127.0.0.1",
            "--allow-root",
            f"--ServerApp.root_dir={root}",
            f"--config={LAB_CONFIG / 'jupyter_server_config.json'}",
            f"--LabApp.app_settings_dir={LAB_CONFIG}",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={
            **os.environ,
            "JUPYTER_CONFIG_DIR": str(root / ".config"),
            "JUPYTERLAB_SETTINGS_DIR": str(settings),
        },
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=1)
            break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("JupyterLab did not start")
    yield base, token, root
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()


def _prompts(panel) -> list[str]:
    return [t.strip() for t in panel.locator(".jp-CodeCell .jp-InputPrompt").all_inner_texts()]


def _run_all(page, panel, timeout: float = 180) -> None:
    """Run ▸ Run All Cells once the kernel is ready; wait until every code cell has its execution count."""
    panel.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for(timeout=90_000)
    page.locator(".jp-StatusBar-Widget", has_text="Idle").first.wait_for(timeout=90_000)
    for _ in range(5):  # the menu command is ignored while the kernel connection is still being set up
        page.locator(".lm-MenuBar-itemLabel").get_by_text("Run", exact=True).click()
        page.locator(".lm-Menu-itemLabel").get_by_text("Run All Cells", exact=True).click()
        page.wait_for_timeout(3000)
        if any(p != "[ ]:" for p in _prompts(panel)):
            break
    deadline = time.time() + timeout
    while time.time() < deadline:
        pending = [p for p in _prompts(panel) if p in ("[ ]:", "[*]:", "")]
        if not pending:
            return
        page.wait_for_timeout(500)
    raise AssertionError(f"cells did not finish running: {_prompts(panel)}")


EXPLORERS = {  # notebook → (a dropdown's current label, the label to choose)
    "01_spending_composition": ("类", "项"),
    "02_growth_explanations": ("增减条形图", "瀑布图"),
    "03_carried_over_funds": ("类", "款"),
    "04_performance_targets": ("全部", 'P1 2023年赣州市"城市大脑"建设专项'),
}
LAB_NOTEBOOKS = sorted(p.stem for p in (ROOT / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("name", LAB_NOTEBOOKS)
def test_jupyterlab_runs_each_notebook_offline(browser, lab, name):
    base, token, _ = lab
    url = f"{base}/lab/workspaces/ws-{secrets.token_hex(4)}/tree/{name}.ipynb?token={token}"
    page, errors, blocked = _open(browser, url, lambda u: u.startswith(base))
    panel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
    _run_all(page, panel)
    charts, marks = _wait_for_charts(page, timeout=30)
    shot = _shot(page, f"lab-{name}")
    error_outputs = panel.locator(
        ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
    ).all_inner_texts()
    tracebacks = [t for t in error_outputs if "Error" in t or "Traceback" in t]
    assert not tracebacks, f"{name}: error outputs {tracebacks[:1]} (screenshot {shot})"
    assert not [b for b in blocked if "127.0.0.1" not in b], (
        f"{name}: requests left the machine: {blocked[:3]}"
    )
    expected = panel.locator(".gz-chart").count()
    assert marks >= expected, f"{name}: {expected} charts, {marks} drawn (screenshot {shot})"
    assert not page.get_by_text("Would you like to get notified").count(), f"news prompt (screenshot {shot})"
    listed = page.locator(".jp-DirListing-itemText").all_inner_texts()
    assert f"{name}.ipynb" in listed and f"{name}.py" not in listed, listed  # one entry per notebook
    _save_and_check(page, lab, name)
    if name in EXPLORERS:
        current, choice = EXPLORERS[name]
        widget = panel.locator(".widget-vbox").last
        widget.wait_for(timeout=30_000)
        widget.scroll_into_view_if_needed()
        assert widget.locator(".widget-dropdown select").count() >= 2, (
            f"{name}: widgets not rendered (screenshot {shot})"
        )
        chart = widget.locator(".vega-embed svg.marks")
        chart.wait_for(timeout=30_000)
        before = chart.inner_html()
        select = (
            widget.locator(".widget-dropdown select")
            .filter(has=page.locator(f"option:text-is('{choice}')"))
            .first
        )
        select.select_option(label=choice)
        deadline = time.time() + 20
        after = before
        while time.time() < deadline and after == before:
            page.wait_for_timeout(250)
            if chart.count():
                after = chart.first.inner_html()
        shot = _shot(page, f"lab-{name}-changed")
        assert after != before, (
            f"{name}: choosing {choice!r} did not change the explorer's chart (screenshot {shot})"
        )
    page.close()


def _save_and_check(page, lab, name: str) -> None:
    """Ctrl+S after Run All: the notebook keeps its outputs but not the 0.9 MB chart library; the paired
    .py source is rewritten by jupytext exactly as it was (no header added)."""
    root = lab[2]
    before = (root / f"{name}.ipynb").stat().st_mtime
    page.keyboard.press("Control+s")
    deadline = time.time() + 20
    while time.time() < deadline and (root / f"{name}.ipynb").stat().st_mtime == before:
        page.wait_for_timeout(250)
    page.wait_for_timeout(500)
    saved = root / f"{name}.ipynb"
    assert saved.stat().st_mtime != before, f"{name}: not saved"
    assert saved.stat().st_size < 400_000, f"{name}: {saved.stat().st_size} bytes saved"
    cells = json.loads(saved.read_text(encoding="utf-8"))["cells"]
    library = [o for c in cells for o in c.get("outputs", []) if o.get("metadata", {}).get(BUNDLE_MARK)]
    assert len(library) == 1 and len(json.dumps(library)) < 5_000, f"{name}: the chart library was stored"
    source = (ROOT / "notebooks" / f"{name}.py").read_text(encoding="utf-8")
    assert (root / f"{name}.py").read_text(encoding="utf-8") == source, f"{name}.py changed on save"


def test_data_strings_cannot_run_script_in_the_report(browser, tmp_path, monkeypatch):
    """A package whose names hold <script> renders them as text: nothing it holds executes in a page."""
    import gzanalysis
    from gzanalysis.publish.report import build

    evil = "</script><script>window.__pwned=1</script><img src=x onerror=window.__pwned=2>"
    package = tmp_path / "evil"
    shutil.copytree(Path(gzanalysis.load().path).parent, package)
    for name in ["functional_codes.csv", "expenditure_by_function.csv"]:
        path = package / name
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("一般公共服务支出", evil.replace('"', "'")), encoding="utf-8")
    monkeypatch.setenv("GZANALYSIS_DISCLOSURE", str(package))
    site = tmp_path / "site"
    build(site, notebooks=[ROOT / "notebooks" / "01_spending_composition.ipynb"], quiet=True)
    page, errors, blocked = _open(
        browser, (site / "01_spending_composition.html").as_uri(), lambda u: u.startswith("file://")
    )
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    _wait_for_charts(page)
    shot = _shot(page, "escaping")
    assert page.evaluate("window.__pwned") is None, f"data executed as script (screenshot {shot})"
    assert not dialogs
    assert "<script>window.__pwned=1</script>" in page.inner_text("body"), "the name is shown, as text"
