"""The student's HTML report: one self-contained page, checked in real headless Chromium. It
loads with every network request refused and still shows everything, names nothing outside
itself (every src and href is a data: URI or a fragment), runs no script — not even what a
submission printed or raised as HTML — and shows Chinese. Screenshots are kept in
$GRADE_SCREENSHOTS (CI prints where), else in the test's temporary folder."""

from __future__ import annotations

import html.parser
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GRADE = str(Path(sys.executable).parent / "grade")
SUBMISSIONS = ROOT / "tests" / "submissions"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
INJECTION = (
    "import numpy as np\n"
    "print('<script>document.title=\"pwned\"</script><img src=x onerror=\"document.title=\\'pwned\\'\">')\n"
    "def one_hot(labels, num_classes):\n"
    "    raise ValueError('<script>document.title=\"pwned\"</script>')\n"
)
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")


def page(tmp_path: Path, exercise: str, submission: Path, lang: str) -> Path:
    out = tmp_path / f"feedback-{exercise}-{lang}.html"
    done = subprocess.run(
        [GRADE, exercise, "-s", str(submission), "--format", "html", "-o", str(out), "--lang", lang],
        capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode in (0, 1), done.stderr
    return out


def chromium(tmp_path: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """Headless Chromium with a fresh profile, every network request refused."""
    command = [
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-quic", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
        f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0", *arguments,
    ]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


class References(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.references: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.references += [v or "" for k, v in attrs if k in ("src", "href", "srcset", "action", "data")]


def test_the_page_is_self_contained_and_escapes_the_submission(tmp_path):
    submission = tmp_path / "exercise1.py"
    submission.write_text(INJECTION)
    text = page(tmp_path, "1", submission, "en").read_text(encoding="utf-8")
    found = References()
    found.feed(text)
    assert all(r.startswith(("data:", "#")) for r in found.references), found.references
    assert "script" not in found.tags and "img" not in found.tags and "link" not in found.tags
    assert "&lt;script&gt;" in text and "url(" not in text.replace("data:", "")


def test_a_failing_array_check_draws_expected_against_received(tmp_path):
    text = page(tmp_path, "2", SUBMISSIONS / "exercise2" / "mistakes" / "grad-sign.py", "en").read_text()
    assert "<svg" in text and "<circle" in text


@needs_chromium
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_chromium_shows_the_page_offline_and_runs_nothing(lang, tmp_path):
    screenshots = Path(os.environ.get("GRADE_SCREENSHOTS") or tmp_path)
    screenshots.mkdir(parents=True, exist_ok=True)
    submission = tmp_path / "exercise1.py"
    submission.write_text(INJECTION)
    injected = page(tmp_path, "1", submission, lang)
    dom = chromium(tmp_path, "--dump-dom", injected.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert "pwned" not in dom.stdout.split("<title>")[1].split("</title>")[0]
    assert "<script" not in dom.stdout and "<img" not in dom.stdout
    assert "Uncaught" not in dom.stderr and "CONSOLE" not in dom.stderr
    mistaken = page(tmp_path, "2", SUBMISSIONS / "exercise2" / "mistakes" / "grad-sign.py", lang)
    shot = screenshots / f"student-report-exercise2-{lang}.png"
    done = chromium(tmp_path, f"--screenshot={shot}", "--window-size=1000,1600", mistaken.as_uri())
    assert done.returncode == 0 and shot.stat().st_size > 10_000, done.stderr[-2000:]
    print(f"screenshot: {shot}")
    if lang == "zh":
        dom = chromium(tmp_path, "--dump-dom", mistaken.as_uri()).stdout
        assert "练习反馈" in dom
