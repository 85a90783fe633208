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


# --- who said what, and which numbers were claimed (issue 3) ---------------------------

def test_direct_quotes_whole_and_attributed(reference_result, reference_text):
    directs = [q for q in reference_result.quotes if q.kind == "direct"]
    opening = reference_text.index('"From 1987 to 1991')
    closing = reference_text.index('real reconciliation,"') + len("real reconciliation,")
    long_quote = [q for q in directs if q.span[0] <= opening + 1 and q.span[1] >= closing]
    assert long_quote, "the two-paragraph quote is not one quote"
    assert len(directs) == reference_text.count('\n"') + reference_text.startswith('"')
    for q in directs:
        assert _is_bayramov(q.speaker) and q.speaker.country == "AZE" and q.speaker.sector == "GOV"
    assert not any("humanitarian situation" == q.text.strip('"') for q in reference_result.quotes)


def test_indirect_statements_of_the_minister(reference_result):
    indirect = [q for q in reference_result.quotes if q.kind == "indirect" and _is_bayramov(q.speaker)]
    texts = " | ".join(q.text for q in indirect)
    assert "our country actively cooperates" in texts
    assert "despite the end of the conflict" in texts


def test_our_country_is_azerbaijan(reference_result, reference_text):
    at = reference_text.index("our country actively")
    evs = [e for e in reference_result.events if any(a.span[0] == at for a in e.actor)]
    assert evs and all(a.country == "AZE" for e in evs for a in e.actor if a.span[0] == at)


def test_claimed_figures(reference_result):
    q = reference_result.quantities
    by_text = {n.text: n for n in q}
    n306 = next(n for n in q if n.value == 306)
    assert n306.unit == "people" and n306.period and n306.period.start == "2020-11"
    assert _is_bayramov(n306.claimant)
    more = next(n for n in q if n.value == 3300)
    assert more.qualifier == ">" and more.period and more.period.start == "1993"
    expelled = [n for n in q if n.low == 100000 and n.period and n.period.start == "1987"]
    assert expelled and expelled[0].period.end == "1991"
    assert any(n.low == 100000 and "mine" in (n.unit or "") for n in q)
    assert not any(n.value is not None and 1900 <= n.value <= 2100 and n.unit is None for n in q), by_text
