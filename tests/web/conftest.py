"""Web fixtures: a database filled through the real app (POST /api/documents, the real coder),
read through FastAPI's TestClient.

``loaded`` is shared by the read-only tests: three short articles written for these
tests (three dates, several countries) and, when ../shared is present, the reference
article.  Tests that write use ``fresh``, an empty database of their own.
"""
from __future__ import annotations

import pytest
from webhelpers import ARTICLES, REFERENCE, make_client


@pytest.fixture(scope="session")
def web_coder(coder):
    """The app codes with the session's Coder instead of loading a second one."""
    from dotterel.web import service
    service._coder = coder
    return coder


@pytest.fixture(scope="session")
def loaded(tmp_path_factory, web_coder):
    """(client, outcomes by id) over a database holding ARTICLES and, if present, the reference article."""
    docs = [dict(a) for a in ARTICLES]
    if REFERENCE.exists():
        docs.append({"id": "azernews-bayramov-turk", "title": "Bayramov meets Türk", "source": "Azernews",
                     "published": "2023-09-13", "text": REFERENCE.read_text(encoding="utf-8")})
    client = make_client(tmp_path_factory.mktemp("web") / "loaded.duckdb")
    r = client.post("/api/documents", json={"documents": docs})
    assert r.status_code == 200, r.text
    outcomes = {o["id"]: o for o in r.json()["documents"]}
    assert all(o["status"] == "coded" for o in outcomes.values()), outcomes
    return client, outcomes


@pytest.fixture
def fresh(tmp_path, web_coder):
    return make_client(tmp_path / "fresh.duckdb")


@pytest.fixture
def reference_key(loaded):
    if not REFERENCE.exists():
        pytest.skip("../shared is absent (reference article)")
    return loaded[1]["azernews-bayramov-turk"]["key"]
