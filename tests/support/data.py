"""The optional real datasets, under ../shared/data beside the repository."""

from __future__ import annotations

from pathlib import Path

import pytest

from backend.config import PROJECT_ROOT

SHARED_DATA = (PROJECT_ROOT.parent / "shared" / "data").resolve()


def shared_data(*parts: str) -> Path:
    """A path under ../shared/data; the test is skipped when the data is absent."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (real datasets are optional)")
    return path
