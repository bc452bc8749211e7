"""docs/story.png: the story page of the seed corpus, as Debian's Chromium shows it.

    .venv/bin/python docs/screenshot.py [--out DIR]    # DIR of an earlier `storyline run` on the seeds

Without --out it runs `storyline run ../shared/corpus/seeds` into a temporary
folder first. It serves the store on a free loopback port, opens the home
page, follows the first story and saves the top of its page.
"""
from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


def shoot(out_dir: Path, target: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "storyline.cli", "serve", "--out", str(out_dir), "--port",
                               str(port)])
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(base + "/favicon.ico")
                break
            except httpx.TransportError:
                time.sleep(0.1)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 1200, "height": 1500})
            page.goto(base + "/")
            page.locator("a.story-title").first.click()
            page.wait_for_load_state("load")
            page.screenshot(path=str(target))
            browser.close()
    finally:
        server.terminate()
        server.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, help="folder of a `storyline run` on the seeds")
    args = parser.parse_args()
    target = ROOT / "docs" / "story.png"
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp) / "seeds"
        if not args.out:
            subprocess.run([sys.executable, "-m", "storyline.cli", "run", str(ROOT.parent / "shared/corpus/seeds"),
                            "--out", str(out), "--quiet"], check=True)
        shoot(out, target)
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
