"""The reference article (Azernews, 2023-09-13) must come out right: the issue's done-when list."""


def _is_bayramov(e):
    return e is not None and "Bayramov" in (e.name or e.text)


def test_consult_between_bayramov_and_turk(reference_result):
    consults = [e for e in reference_result.events if e.event == "CONSULT"]
    assert consults, "no CONSULT"
    c = consults[0]
    parties = c.actor + c.recipient
    assert any(_is_bayramov(p) and p.country == "AZE" and p.sector == "GOV" for p in parties)
    assert any(p.country == "UNO" and ("Turk" in p.text or "Türk" in (p.name or "")) for p in parties)
    assert c.date == "2023-09-13"
    assert c.location is not None and c.location.country == "CHE"


def test_accusations_against_armenia(reference_result):
    accuse = [e for e in reference_result.events if e.event == "ACCUSE"]
    assert accuse
    assert any(any(r.country == "ARM" for r in e.recipient) and any(a.country == "AZE" for a in e.actor)
               for e in accuse)


def test_request_to_the_un(reference_result):
    reqs = [e for e in reference_result.events if e.event == "REQUEST"]
    assert any(any(r.country == "UNO" for r in e.recipient) and any(a.country == "AZE" for a in e.actor)
               for e in reqs)


def test_claims_are_rejected(reference_result, reference_text):
    start = reference_text.index("Claims about")
    end = reference_text.index("\n", start)
    answers = [e for e in reference_result.events
               if e.event in ("REJECT", "ACCUSE") and start <= e.trigger.span[0] < end]
    assert answers


def test_nothing_by_azernews_nothing_negated(reference_result):
    for e in reference_result.events:
        assert all("Azernews" not in a.text for a in e.actor)
        assert not e.negated
    # Armenia's forces "have not yet been withdrawn" must not appear as a RETREAT
    assert not any(e.event == "RETREAT" for e in reference_result.events)
