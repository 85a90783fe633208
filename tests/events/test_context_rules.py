"""Rules that decide a category from the sentence around the trigger (who acts, what is
demanded or refused, what a clause is about), each checked on a sentence of its kind."""
import pytest

from test_coder_events import events, has


def given(text, actor, recipient=None):
    """Character spans of the actor and recipient words in ``text`` (first occurrence)."""
    a = text.index(actor)
    r = text.index(recipient) if recipient else None
    return (a, a + len(actor)), ((r, r + len(recipient)) if recipient else None)


@pytest.mark.parametrize("text, actor, recipient, category", [
    # telling someone to act, or a subjunctive that-clause, is a demand, not the act itself
    ("President Bush told Israel on Monday to withdraw its troops from Palestinian towns.", "Bush", "Israel", "REQUEST"),
    ("Egypt insisted that Israel withdraw from all occupied territory.", "Egypt", "Israel", "REQUEST"),
    ("The foreign minister warned Belgrade that it must comply fully with the peace plan.", "minister", "Belgrade", "REQUEST"),
    ("Britain is pushing for the EU to lift the arms embargo.", "Britain", "EU", "REQUEST"),
    # refusals and threats told through negation
    ("European Union ministers decided not to lift the arms embargo on China.", "Union", "China", "REJECT"),
    ("Israel did not rule out military action against Iran, officials said.", "Israel", "Iran", "THREATEN"),
    # ordering someone out of the country is expelling them
    ("Ghana ordered two Nigerian diplomats to leave the country within 48 hours.", "Ghana", "Nigerian", "SANCTION"),
    # the act a reaction is about, when the pair is that act's
    ("The expulsion of IAEA inspectors by North Korea was condemned by Washington on Tuesday.", "North Korea", "IAEA", "SANCTION"),
    # labelling an act with a censure condemns it
    ("China described Japan's remarks as provocative on Monday.", "China", "Japan", "ACCUSE"),
    # calling a named person is a phone call; calling someone a liar condemns them
    ("President Bush called Russian President Vladimir Putin on Monday to discuss Iran.", "Bush", "Putin", "CONSULT"),
    ("The opposition called the president a liar.", "opposition", "president", "ACCUSE"),
    # an act done despite someone's protests rejects them, and stays the act for its own parties
    ("France said on Monday it would go ahead with its nuclear tests in the Pacific despite protests from "
     "Australia.", "France", "Australia", "REJECT"),
    ("The Turkish army held joint naval exercises with Israeli forces last week, despite strong protests "
     "from Syria.", "Turkish", "Israeli", "COOPERATE"),
    # the given actor mentioned again as a pronoun
    ("Turkey, which has accused Syria of harbouring rebels, said on Monday it would cooperate with Iraq.",
     "Turkey", "Iraq", "AGREE"),
])
def test_classify_reads_the_construction(coder, text, actor, recipient, category):
    a, r = given(text, actor, recipient)
    assert coder.classify(text, a, r)["event"] == category


@pytest.mark.parametrize("text, category, mode", [
    # who raids or occupies decides what it is
    ("Suspected jihadists raided the village of Solhan in Burkina Faso overnight.", "ASSAULT", None),
    ("Hundreds of workers occupied the Renault factory in France on Monday.", "PROTEST", "obstruct"),
    ("Police raided the offices of an opposition newspaper in Ankara on Monday.", "COERCE", "seize"),
    # civilians clashing with police, or fighting with petrol bombs, riot
    ("Protesters threw stones and petrol bombs at police in Athens on Tuesday.", "PROTEST", "riot"),
    # a crowd doing something "to demand" protests
    ("Indonesian students occupied the parliament building on Tuesday to press for Suharto's removal.", "PROTEST", None),
    # an event noun that began to happen stands without named parties
    ("A ceasefire came into force in eastern Ukraine at midnight on Saturday, officials said.", "RETREAT", "ceasefire"),
    # a subject event is the event, its verb the effect
    ("A general strike shut down shops and businesses across Kashmir on Monday.", "PROTEST", "strike"),
    # a seized person is captured
    ("Turkish commandos captured Kurdish rebel leader Abdullah Ocalan in Kenya on Monday.", "COERCE", "arrest"),
    # a court jailing someone for a term sentences them
    ("A Cairo court on Sunday jailed three Al Jazeera journalists for seven years.", "SANCTION", "convict"),
])
def test_actor_and_context_decide_the_category(coder, text, category, mode):
    assert has(events(coder, text), category, mode=mode), [(e.event, e.mode) for e in events(coder, text)]


def test_narrower_weapon_words_refine_the_mode(coder):
    evs = events(coder, "A suicide car bomb exploded at a checkpoint in Ramadi on Monday, killing eight policemen.")
    assert max(evs, key=lambda e: e.confidence).mode == "suicide-attack"
    evs = events(coder, "Security forces fired pellet guns at stone-throwing youths in Srinagar on Friday.")
    assert has(evs, "ASSAULT", mode="crowd-control")


def test_a_telephone_call_is_no_pressure(coder):
    evs = events(coder, "President Bush praised Pakistan's cooperation in a telephone call on Monday.")
    assert has(evs, "SUPPORT") and not has(evs, "CONCEDE")


def test_circumstance_clauses_are_no_part_of_an_order(coder):
    evs = events(coder, "The army ordered a curfew in Kalimpong on Tuesday after protesters set fire to a police post.")
    assert has(evs, "COERCE", mode="curfew")
