"""Who may write: the start-up token, cross-site form posts, and `dotterel serve`'s refusal
to listen beyond this machine without a token."""
from __future__ import annotations

import pytest
from webhelpers import ARTICLES, make_client

from dotterel.cli import main
from dotterel.errors import DotterelError
from dotterel.web.serve import is_loopback, serve

TOKEN = "s3cret-token"


@pytest.fixture
def guarded(tmp_path, web_coder):
    return make_client(tmp_path / "guarded.duckdb", token=TOKEN)


def test_posts_need_the_token_reads_do_not(guarded):
    body = {"documents": [{"text": ARTICLES[1]["text"], "published": ARTICLES[1]["published"]}]}
    missing = guarded.post("/api/documents", json=body)
    assert missing.status_code == 401 and "token" in missing.json()["detail"]
    assert missing.headers["www-authenticate"] == "Bearer"
    wrong = guarded.post("/api/documents", json=body, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403
    assert guarded.get("/api/events").json()["total"] == 0, "refused requests store nothing"
    assert guarded.post("/api/code", json=body["documents"][0]).status_code == 401
    ok = guarded.post("/api/documents", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 200 and ok.json()["stored"] == 1
    alt = guarded.post("/api/code", json=body["documents"][0], headers={"X-Dotterel-Token": TOKEN})
    assert alt.status_code == 200
    for path in ("/", "/events", "/api/events", "/docs", "/code"):
        assert guarded.get(path).status_code == 200


def test_form_asks_for_the_token(guarded):
    form = guarded.get("/code").text
    assert 'name="token"' in form and 'type="password"' in form
    data = {"text": ARTICLES[0]["text"], "action": "store"}
    refused = guarded.post("/code", data=data)
    assert refused.status_code == 401 and "token" in refused.text
    assert guarded.post("/code", data={**data, "token": "bad"}).status_code == 403
    ok = guarded.post("/code", data={**data, "token": TOKEN}, follow_redirects=False)
    assert ok.status_code == 303


def test_without_a_token_the_form_has_no_token_field(fresh):
    assert 'name="token"' not in fresh.get("/code").text


def test_cross_site_posts_are_refused(fresh):
    r = fresh.post("/code", data={"text": ARTICLES[0]["text"], "action": "store"},
                   headers={"Origin": "https://evil.example"})
    assert r.status_code == 403 and "evil.example" in r.text
    assert fresh.get("/api/events").json()["total"] == 0
    same = fresh.post("/code", data={"text": ARTICLES[0]["text"], "action": "preview"},
                      headers={"Origin": "http://testserver"})
    assert same.status_code == 200


def test_security_headers(fresh):
    headers = fresh.get("/").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize("host, loopback", [("127.0.0.1", True), ("localhost", True), ("::1", True),
                                            ("127.0.0.2", True), ("0.0.0.0", False), ("192.168.1.5", False),
                                            ("example.org", False), ("::", False)])
def test_loopback_hosts(host, loopback):
    assert is_loopback(host) is loopback


def test_serve_refuses_a_public_address_without_a_token(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("DOTTEREL_TOKEN", raising=False)
    db = tmp_path / "never.duckdb"
    with pytest.raises(DotterelError, match="without a token"):
        serve(str(db), host="0.0.0.0", port=0)
    assert main(["serve", "--db", str(db), "--host", "0.0.0.0"]) == 2
    assert "DOTTEREL_TOKEN" in capsys.readouterr().err
    assert not db.exists(), "nothing was opened"
