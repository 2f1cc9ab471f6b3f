"""The installed package carries resources/ and plans/ inside it."""

import shutil
import subprocess
import sys
import zipfile

import pytest

from .conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    # build from a clean copy: setuptools' build/ folder in the checkout could hold stale files
    source = tmp_path_factory.mktemp("source") / "aarshjul"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".venv", ".git", "build", "dist", "*.egg-info", "__pycache__", ".*_cache"
        ),
    )
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(source)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0:
        pytest.fail(f"building the wheel failed:\n{result.stderr}")
    (path,) = out.glob("aarshjul-*.whl")
    return zipfile.ZipFile(path)


def test_wheel_holds_the_plan_fonts_and_translations(wheel):
    names = set(wheel.namelist())
    for expected in (
        "aarshjul/plans/2022.toml",
        "aarshjul/resources/fonts/OpenSans-Regular.ttf",
        "aarshjul/resources/fonts/OpenSans-Semibold.ttf",
        "aarshjul/resources/fonts/LICENSE-OpenSans.txt",
        "aarshjul/resources/translations/da.toml",
        "aarshjul/resources/icons/aarshjul.svg",
        "aarshjul/model/fileformat.py",
        "aarshjul/ui/main_window.py",
    ):
        assert expected in names
    assert wheel.read("aarshjul/plans/2022.toml") == (ROOT / "plans" / "2022.toml").read_bytes()
    assert not any(n.startswith(("tests/", "plans/", "resources/")) for n in names)


def test_wheel_declares_the_safe_pyside_versions_and_the_command(wheel):
    metadata = next(n for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))
    text = wheel.read(metadata).decode()
    assert 'Requires-Dist: PySide6-Essentials<6.12,>=6.8; python_version < "3.12"' in text
    entry_points = next(n for n in wheel.namelist() if n.endswith("entry_points.txt"))
    assert "aarshjul = aarshjul.cli:main" in wheel.read(entry_points).decode()
