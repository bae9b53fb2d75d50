"""Fixtures shared by every test folder: the pipeline, the CLI in-process and as a script, and
the shared corpora next to the repository."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from detente.cli.main import main
from detente.pipeline import Pipeline, default_pipeline

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
WIKINEWS = SHARED / "corpora" / "wikinews" / "wikinews_2020.csv"
DEV_TEXTS = SHARED / "eval" / "dev" / "texts"


@dataclass(frozen=True)
class CliRun:
    """What one `detente` command did."""

    status: int
    stdout: str
    stderr: str

    @property
    def stderr_lines(self) -> list[str]:
        return self.stderr.splitlines()

    def lines_naming(self, needle: str) -> list[str]:
        """The lines of standard error that mention `needle`."""
        return [line for line in self.stderr_lines if needle in line]


Detente = Callable[..., CliRun]


def _checked(run: CliRun) -> CliRun:
    # A user sees one clear line per problem, never a developer's traceback.
    for stream in (run.stdout, run.stderr):
        assert "Traceback" not in stream, stream
    return run


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The standard pipeline, loaded once (spaCy takes a second)."""
    return default_pipeline()


@pytest.fixture
def detente(capsys: pytest.CaptureFixture[str]) -> Detente:
    """Runs `detente ARGS...` in this process through `detente.cli.main.main`."""

    def run(*args: str | Path) -> CliRun:
        capsys.readouterr()
        status = main([str(arg) for arg in args])
        out, err = capsys.readouterr()
        return _checked(CliRun(status, out, err))

    return run


@pytest.fixture(scope="session")
def detente_script() -> Callable[..., CliRun]:
    """Runs the installed `detente` console script in a subprocess."""
    script = Path(sys.executable).parent / "detente"
    if not script.exists():
        pytest.fail(f"{script}: the console script is not installed (pip install -e .)")

    def run(*args: str | Path, stdin: bytes = b"", cwd: Path | None = None) -> CliRun:
        done = subprocess.run(
            [str(script), *(str(arg) for arg in args)],
            input=stdin,
            capture_output=True,
            cwd=cwd,
            timeout=300,
            check=False,
        )
        return _checked(
            CliRun(
                done.returncode,
                done.stdout.decode("utf-8"),
                done.stderr.decode("utf-8"),
            )
        )

    return run


@pytest.fixture(scope="session")
def wikinews_csv() -> Path:
    """The 2020 Wikinews sample (124 articles) in ../shared; skipped where it is absent."""
    if not WIKINEWS.is_file():
        pytest.skip(f"{WIKINEWS} is not here")
    return WIKINEWS


@pytest.fixture(scope="session")
def dev_texts() -> list[Path]:
    """The development set's article texts in ../shared; skipped where they are absent."""
    texts = sorted(DEV_TEXTS.glob("*.txt"))
    if not texts:
        pytest.skip(f"no dev texts in {DEV_TEXTS}")
    return texts
