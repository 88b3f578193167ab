"""Fixtures of the Python package's tests (docs/python.md).

Run by scripts/test.sh through CTest (`ctest -L python`), which sets
PYTHONPATH to build/python and VNIE_CLI, VNIE_SOURCE_DIR, VNIE_SHARED_DIR.
By hand: PYTHONPATH=build/python VNIE_CLI=build/vnie python3 -m pytest tests/python
"""
import os
import pathlib
import subprocess

import pytest

import vnie

SOURCE_DIR = pathlib.Path(os.environ.get("VNIE_SOURCE_DIR",
                                         pathlib.Path(__file__).resolve().parents[2]))
SHARED_DIR = pathlib.Path(os.environ.get("VNIE_SHARED_DIR", SOURCE_DIR.parent / "shared"))
DANTRI = SHARED_DIR / "bench" / "dantri-2020-2021.txt"


@pytest.fixture(scope="session")
def ex():
    return vnie.Extractor()


@pytest.fixture(scope="session")
def cli():
    """Path of the `vnie` tool; the tests that compare with it skip without it."""
    path = os.environ.get("VNIE_CLI")
    if not path:
        for candidate in ("build/vnie", "build-ci/vnie"):
            if (SOURCE_DIR / candidate).is_file():
                path = str(SOURCE_DIR / candidate)
                break
    if not path or not os.access(path, os.X_OK):
        pytest.skip("the vnie tool was not found (set VNIE_CLI)")
    return path


def run_cli(cli, *args, stdin=None):
    """Runs `vnie ARGS` in the source directory; returns stdout (bytes)."""
    proc = subprocess.run([cli, *args], cwd=SOURCE_DIR, input=stdin, capture_output=True,
                          timeout=600)
    assert proc.returncode in (0, 1), proc.stderr.decode(errors="replace")
    return proc.stdout


@pytest.fixture(scope="session")
def corpus_files():
    files = sorted((SOURCE_DIR / "corpus").glob("*.txt"))
    assert len(files) >= 5
    return files


def dantri_lines(max_bytes):
    """The first paragraphs of ../shared's dantri file, about max_bytes of text;
    skips when the file is absent."""
    if not DANTRI.is_file():
        pytest.skip(f"{DANTRI} is absent (../shared is not beside the repository)")
    out, size = [], 0
    with open(DANTRI, encoding="utf-8", errors="surrogateescape") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            out.append(line)
            size += len(line.encode("utf-8", "surrogateescape"))
            if size >= max_bytes:
                break
    return out
