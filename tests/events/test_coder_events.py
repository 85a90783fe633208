"""Event coding on real-style news sentences: every category, modality, reported speech."""
import pytest


def events(coder, text, **kw):
    return [e for e in coder.code(text, **kw).events if not e.negated]


def has(evs, category, actor=None, recipient=None, mode=None):
    for e in evs:
        if e.event != category:
            continue
        if actor and not any(a.country == actor for a in e.actor):
            continue
        if recipient and not any(r.country == recipient for r in e.recipient):
            continue
        if mode and e.mode != mode:
            continue
        return True
    return False


@pytest.mark.parametrize("text, category, actor, recipient", [
    ("Hungary and Romania agreed on Wednesday to cooperate on border security.", "AGREE", "HUN", None),
    ("The Japanese prime minister met the Indian foreign minister in Tokyo on Monday.", "CONSULT", "JPN", "IND"),
    ("Germany praised Ghana's handling of the election.", "SUPPORT", "DEU", "GHA"),
    ("Argentina apologized to Brazil for the incident at sea.", "SUPPORT", "ARG", "BRA"),
        ("Bowing to pressure from Brazil, Argentina agreed to release the fishing crew.", "CONCEDE", "ARG", None),
    ("France and Germany launched joint military exercises with Poland.", "COOPERATE", "FRA", None),
    ("Norway sent 40 tonnes of medical aid to Sudan.", "AID", "NOR", "SDN"),
    ("Ethiopia withdrew its troops from Somalia on Friday.", "RETREAT", "ETH", "SOM"),
    ("Kenya urged Uganda to reopen the border crossing.", "REQUEST", "KEN", "UGA"),
    ("Pakistan accused India of violating the ceasefire.", "ACCUSE", "PAK", "IND"),
    ("Serbia rejected Kosovo's proposal for new talks.", "REJECT", "SRB", None),
    ("Iran threatened to close the Strait of Hormuz if Washington imposed new sanctions.", "THREATEN", "IRN", None),
    ("Thousands of Chilean students demonstrated in Santiago against tuition fees.", "PROTEST", "CHL", None),
    ("The European Union imposed sanctions on Belarus on Monday.", "SANCTION", "EUR", "BLR"),
    ("Russia deployed additional troops to its border with Finland.", "MOBILIZE", "RUS", None),
    ("Turkish police arrested 30 journalists in Istanbul.", "COERCE", "TUR", None),
    ("Israeli warplanes bombed targets in southern Lebanon overnight.", "ASSAULT", "ISR", None),
])
def test_each_category(coder, text, category, actor, recipient):
    evs = events(coder, text)
    assert has(evs, category, actor, recipient), [(e.event, [a.country for a in e.actor], [r.country for r in e.recipient]) for e in evs]


def test_negated_event_is_flagged_and_left_out(coder):
    res = coder.code("Syrian troops did not attack the town of Idlib on Sunday.")
    assert not any(e.event == "ASSAULT" for e in res.events if not e.negated)
    assert any(e.event == "ASSAULT" and e.negated for e in res.events)
    assert all(e["negated"] is False for e in res.to_dict()["events"])


def test_future_cooperation_is_agree(coder):
    evs = events(coder, "The United Nations will provide food aid to refugees in Chad next month.")
    assert has(evs, "AGREE", "UNO")
    assert not has(evs, "AID")


def test_announced_withdrawal_is_intent_to_yield(coder):
    """CAMEO 035x (intent to yield) maps to AGREE; a conditional one is a THREATEN."""
    evs = events(coder, "Nigeria announced that it will withdraw its troops from Chad.")
    assert has(evs, "AGREE", "NGA")
    evs = events(coder, "Nigeria said it will withdraw its troops from Chad unless the rebels disarm.")
    assert has(evs, "THREATEN", "NGA")


def test_hypothetical_and_historical_aux(coder):
    res = coder.code("If Russian forces crossed the border, Estonia would respond. "
                     "In 1991, Iraqi troops invaded Kuwait.", published="2024-05-01")
    invaded = [e for e in res.events if e.trigger.text.startswith("invad")]
    assert invaded and invaded[0].aux == "historical"


def test_refusal_to_cooperate_is_reject(coder):
    evs = events(coder, "The United States said it would not meet the hostage-takers' demands.")
    assert has(evs, "REJECT", "USA")


def test_reported_speech_keeps_the_reported_actor(coder):
    res = coder.code("A UN spokesman said Sudanese rebels shelled the town of Kadugli on Sunday.")
    assault = [e for e in res.events if e.event == "ASSAULT"]
    assert assault and any(a.country == "SDN" for a in assault[0].actor)
    assert assault[0].reported_by is not None and assault[0].reported_by.country == "UNO"
    assert not any(e.event == "ASSAULT" and any(a.country == "UNO" for a in e.actor) for e in res.events)


def test_accusation_is_not_the_accused_act(coder):
    evs = events(coder, "Azerbaijan accused Armenia of shelling its positions near the border.")
    assert has(evs, "ACCUSE", "AZE", "ARM")
    assert not has(evs, "ASSAULT")


def test_news_agency_attribution_is_not_an_event(coder):
    res = coder.code("Kazakhstan's president met the Chinese foreign minister in Astana, Kazinform reports.")
    assert has(res.events, "CONSULT", "KAZ", "CHN")
    assert all(a.text != "Kazinform" for e in res.events for a in e.actor)


def test_passive_puts_the_agent_first(coder):
    evs = events(coder, "Two Malian soldiers were killed by jihadist fighters near Gao.")
    assault = [e for e in evs if e.event == "ASSAULT"]
    assert assault and any(r.country == "MLI" for r in assault[0].recipient)


def test_every_event_has_spans_evidence_and_codes(coder):
    text = "Egyptian police arrested twelve protesters in Cairo on Monday."
    res = coder.code(text, published="2024-03-06")
    assert res.events
    for e in res.events:
        s, t = e.trigger.span
        assert text[s:t] == e.trigger.text
        assert e.evidence and e.cameo and e.quad in (1, 2, 3, 4) and e.score is not None
        for a in e.actor + e.recipient:
            assert text[a.span[0]:a.span[1]] == a.text
    arrest = [e for e in res.events if e.event == "COERCE"][0]
    assert arrest.mode == "arrest" and arrest.date == "2024-03-04"
    assert arrest.location is not None and arrest.location.country == "EGY"


def test_consult_modes_from_parties_and_place(coder):
    third = events(coder, "Delegations from Russia and Ukraine held direct peace talks in Istanbul on Friday.")
    assert has(third, "CONSULT", mode="third-party")
    visit = events(coder, "The Indian prime minister met the Japanese prime minister in Tokyo on Monday.")
    assert has(visit, "CONSULT", "IND", "JPN", mode="visit")
    phone = events(coder, "The French president spoke by telephone with the Brazilian president on Monday.")
    assert not has(phone, "CONSULT", mode="third-party")


def test_capitalised_plural_cue_gives_the_mode(coder):
    evs = events(coder, "Drones operated by the Malian army struck a wedding celebration in central Mali.")
    assert has(evs, "ASSAULT", mode="drone")


@pytest.mark.parametrize("text, category, mode", [
    ("Russia stopped supplying weapons to Syria in March.", "SANCTION", "discontinue"),
    ("The Serbian army ceased shelling Sarajevo on Monday.", "RETREAT", "ceasefire"),
])
def test_stopping_an_act_turns_it_round(coder, text, category, mode):
    evs = events(coder, text)
    assert has(evs, category, mode=mode), [(e.event, e.mode) for e in evs]
    assert not has(evs, "AID") and not has(evs, "ASSAULT")


def test_object_under_a_particle_counts(coder):
    """spaCy hangs "of the talks" under "out": walking out of talks is still a withdrawal from them."""
    evs = events(coder, "Kosovo's negotiators walked out of the talks with Serbia in Brussels.")
    assert has(evs, "SANCTION", "KOS", mode="withdraw"), [(e.event, e.mode) for e in evs]


def test_subjected_to_an_act_suffers_it(coder):
    evs = events(coder, "Palestinian prisoners were subjected to torture by Israeli interrogators.")
    assert has(evs, "ASSAULT", "ISR", "PSE", mode="torture"), [(e.event, [a.country for a in e.actor]) for e in evs]


def test_demands_of_protesters_are_their_protest(coder):
    text = "Protesters demanding the resignation of the president looted shops in Bishkek on Thursday."
    evs = events(coder, text)
    assert has(evs, "PROTEST") and not has(evs, "REQUEST"), [(e.event, e.trigger.text) for e in evs]


def test_reporter_of_a_hostile_act_accuses_when_asked_about(coder):
    text = "Amnesty International said on Thursday that Turkish police routinely tortured detainees in custody."
    amnesty = (0, len("Amnesty International"))
    police = (text.index("Turkish police"), text.index(" routinely"))
    assert coder.classify(text, amnesty, police)["event"] == "ACCUSE"
    detainees = (text.index("detainees"), text.index(" in custody"))
    assert coder.classify(text, police, detainees)["event"] == "ASSAULT"
    own = "Iraq said on Monday it had shelled Iranian positions near Basra."
    assert coder.classify(own, (0, 4), (own.index("Iranian"), own.index(" near")))["event"] == "ASSAULT"


@pytest.mark.parametrize("text, category, actor, recipient", [
    ("Israel held Syria responsible for the attack on its border post.", "ACCUSE", "ISR", "SYR"),
    ("Syria announced plans to resume talks with Israel.", "AGREE", "SYR", None),
    ("Iraq announced its readiness to use force against Kuwait.", "THREATEN", "IRQ", "KWT"),
    ("Two Italian engineers were taken hostage by Nigerian rebels.", "ASSAULT", "NGA", "ITA"),
])
def test_predicate_objects_and_nouns_of_intent(coder, text, category, actor, recipient):
    evs = events(coder, text)
    assert has(evs, category, actor, recipient), [(e.event, [a.country for a in e.actor]) for e in evs]


def test_drawing_criticism_or_facing_protests_is_suffering_them(coder):
    evs = events(coder, "Israel's decision drew sharp criticism from the European Union on Monday.")
    assert has(evs, "ACCUSE", "EUR", "ISR"), [(e.event, [a.country for a in e.actor]) for e in evs]
    evs = events(coder, "The Turkish government faced protests from Kurdish farmers in Diyarbakir.")
    assert has(evs, "PROTEST", recipient="TUR") and not has(evs, "ACCUSE")
