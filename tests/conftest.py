"""Shared fixtures: one Coder per test session (the model loads once), and ../shared paths."""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
REFERENCE = SHARED / "corpus" / "azernews-bayramov-turk.txt"
GSR = SHARED / "benchmarks" / "plover-gsr" / "PLOVER_GSR_CAMEO.json"


@pytest.fixture(scope="session")
def coder():
    from dotterel import Coder
    return Coder()


@pytest.fixture(scope="session")
def reference_text():
    if not REFERENCE.exists():
        pytest.skip("../shared is absent (reference article)")
    return REFERENCE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def reference_result(coder, reference_text):
    return coder.code(reference_text, published="2023-09-13", source="Azernews",
                      doc_id="azernews-bayramov-turk")
