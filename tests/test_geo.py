"""The gazetteer, event locations and datelines on real-style news sentences."""
from pathlib import Path

import pytest

from dotterel import nlp
from dotterel.geo import Gazetteer, dateline_location, event_location
from dotterel.knowledge import Country

SHARED = Path(__file__).resolve().parents[1] / "../shared"


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer.default()


@pytest.fixture(scope="module")
def locate(gazetteer):
    pipeline = nlp.load()

    def locate(text, trigger):
        doc = pipeline(text)
        token = next(t for t in doc if t.text == trigger)
        return event_location(token.sent, token, gazetteer)

    return locate


@pytest.mark.parametrize("name, canonical, country", [
    ("Kabul", "Kabul", "AFG"),
    ("Kiev", "Kyiv", "UKR"),  # another spelling of a big city
    ("Sao Paulo", "São Paulo", "BRA"),  # accents do not matter
    ("the Swiss Confederation", "Switzerland", "CHE"),
    ("Russian Federation", "Russia", "RUS"),
    ("Republic of Korea", "South Korea", "KOR"),
    ("Georgia", "Georgia", "GEO"),  # the country before the US state
    ("Texas", "Texas", "USA"),
    ("Washington", "Washington, D.C.", "USA"),  # places.tsv: the news sense
    ("Stepanakert", "Khankendi", "AZE"),
    ("Azerbaijan's", "Azerbaijan", "AZE"),
])
def test_lookup(gazetteer, name, canonical, country):
    loc = gazetteer.lookup(name)
    assert (loc.name, loc.country) == (canonical, country)


def test_lookup_coordinates_and_country_filter(gazetteer):
    paris = gazetteer.lookup("Paris")
    assert paris.country == "FRA" and abs(paris.lat - 48.86) < 0.1 and abs(paris.lon - 2.35) < 0.1
    assert gazetteer.lookup("Paris", country="USA").country == "USA"
    assert gazetteer.lookup("Switzerland").lat is None  # no offline centroid for whole countries


def test_acronyms_are_not_towns(gazetteer):
    assert gazetteer.lookup("UN") is None  # not the Indian town of Un
    assert gazetteer.lookup("Nowhereville") is None


def test_knowledge_codes_win_over_iso():
    gaz = Gazetteer.build([Country("KOS", "Kosovo")])
    assert gaz.lookup("Kosovo").country == "KOS"
    assert gaz.lookup("Pristina").country == "KOS"


@pytest.mark.parametrize("text, trigger, place, name, country", [
    ("A suicide bomber killed 12 people in Kabul on Tuesday, police said.", "killed", "Kabul", "Kabul", "AFG"),
    ("Ukrainian troops shelled positions near Donetsk yesterday.", "shelled", "Donetsk", "Donetsk", "UKR"),
    ("Hundreds of trucks waited at the border in Rafah.", "waited", "Rafah", "Rafaḩ", "PSE"),
    ("Fighting broke out on the outskirts of Lachin overnight.", "broke", "Lachin", "Lachin", "AZE"),
    ("Erdogan visited Baku last week.", "visited", "Baku", "Baku", "AZE"),
    ("Israeli aircraft struck targets in the Gaza Strip overnight.", "struck", "Gaza Strip", "Gaza Strip", "PSE"),
    ("Iran and Iraq signed an agreement in Baghdad on Monday.", "signed", "Baghdad", "Baghdad", "IRQ"),
    ("Speaking in Geneva, the minister said the talks had failed.", "said", "Geneva", "Geneva", "CHE"),
])
def test_event_location(locate, text, trigger, place, name, country):
    loc = locate(text, trigger)
    assert (loc.text, loc.name, loc.country) == (place, name, country)
    assert text[loc.span[0]:loc.span[1]] == place


def test_cities_carry_coordinates(locate):
    loc = locate("A suicide bomber killed 12 people in Kabul on Tuesday, police said.", "killed")
    assert abs(loc.lat - 34.5) < 0.1 and abs(loc.lon - 69.2) < 0.1


@pytest.mark.parametrize("text, trigger", [
    ("The minister criticised the decision.", "criticised"),
    ("Moscow said it would retaliate against any attack.", "said"),  # a place as actor
    ("Russia had attacked Ukraine, the minister said in Geneva.", "attacked"),  # where it was said
    ("The talks in Geneva ended without agreement.", "ended"),  # the place describes the subject
    ("Azerbaijan condemned Armenia's provocations against the border crossing.", "condemned"),
])
def test_no_event_location(locate, text, trigger):
    assert locate(text, trigger) is None


def test_dates_are_not_towns(locate):
    assert locate("Police arrested 20 protesters in March.", "arrested") is None  # March, England


def test_landmark_takes_its_citys_country(locate):
    loc = locate("Clashes were reported at Independence Square in Kyiv.", "reported")
    assert (loc.text, loc.country) == ("Independence Square", "UKR")
    assert abs(loc.lat - 50.45) < 0.1


def test_closest_place_to_trigger_wins(locate):
    text = "Police in Baghdad said gunmen attacked a checkpoint near Mosul on Sunday."
    assert locate(text, "attacked").name == "Mosul"


def test_reference_sentence_location(locate):
    text = ("Foreign Minister of the Republic of Azerbaijan Jeyhun Bayramov met with UN High Commissioner "
            "for Human Rights Volker Turk within the framework of his business trip to the Swiss "
            "Confederation on 13 September, Azernews reports.")
    loc = locate(text, "met")
    assert (loc.name, loc.country, loc.text) == ("Switzerland", "CHE", "Swiss Confederation")


def test_reference_article_first_sentence(gazetteer):
    path = SHARED / "corpus" / "azernews-bayramov-turk.txt"
    if not path.exists():
        pytest.skip("shared reference corpus not available")
    doc = nlp.load()(path.read_text(encoding="utf-8"))
    met = next(t for t in doc if t.text == "met")
    assert event_location(met.sent, met, gazetteer).country == "CHE"
    assert dateline_location(doc, gazetteer) is None


@pytest.mark.parametrize("text, place, name, country", [
    ("BAKU, Sept 13 (Reuters) - Azerbaijan said on Wednesday...", "BAKU", "Baku", "AZE"),
    ("KYIV, Ukraine — Russian drones struck the capital overnight.", "KYIV", "Kyiv", "UKR"),
    ("WASHINGTON (AP) — The Senate voted on Tuesday.", "WASHINGTON", "Washington, D.C.", "USA"),
    ("PARIS, Texas - A storm hit the town.", "PARIS", "Paris", "USA"),
])
def test_dateline(gazetteer, text, place, name, country):
    loc = dateline_location(nlp.load()(text), gazetteer)
    assert (loc.text, loc.name, loc.country) == (place, name, country)
    assert text[loc.span[0]:loc.span[1]] == place


def test_no_dateline(gazetteer):
    assert dateline_location(nlp.load()("Foreign Minister Bayramov met - briefly - with envoys."), gazetteer) is None
