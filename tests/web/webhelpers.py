"""Test data and helpers shared by the web tests (imported by name: pytest puts this folder on sys.path)."""
from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "azernews-bayramov-turk.txt"

ARTICLES = [
    {"id": "kharkiv", "title": "Shelling in Kharkiv", "source": "Wire", "published": "2022-03-02",
     "text": "Russian forces shelled the Ukrainian city of Kharkiv on Wednesday, Ukrainian officials said. "
             "President Volodymyr Zelensky accused Russia of war crimes and said 21 civilians were killed."},
    {"id": "berlin", "title": "Scholz and Macron in Berlin", "source": "Daily", "published": "2023-05-08",
     "text": "German Chancellor Olaf Scholz met French President Emmanuel Macron in Berlin on Monday. Germany and "
             "France signed an agreement on energy cooperation, the German government said."},
    {"id": "tbilisi", "title": "Protest in Tbilisi", "source": "Daily", "published": "2023-03-12",
     "text": "Thousands of protesters demonstrated against the Georgian government in Tbilisi on Sunday, police "
             "said. \"We will not give up,\" said Nika Melia, an opposition leader."},
]


def make_client(path, token=None) -> TestClient:
    from dotterel.web import create_app
    return TestClient(create_app(path, token=token))



def all_events(client, **params) -> list[dict]:
    r = client.get("/api/events", params={"per_page": 200, **params})
    assert r.status_code == 200, r.text
    return r.json()["items"]
