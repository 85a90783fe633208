"""classify's last resort: the naive Bayes guess when no recognised event involves the pair."""
import json

from dotterel.events import fallback


def test_counts_file_was_trained_on_our_dev_data_only():
    data = json.loads(fallback.MODEL.read_text(encoding="utf-8"))
    assert data["trained_on"]["split"] == "dev"
    assert not any("GSR" in name or "plover" in name.lower() for name in data["trained_on"]["files"])
    assert len(data["classes"]) == 16


def test_words_decide_when_no_trigger_is_recognised(coder):
    # no lexicon entry covers "let go" or "gave a heads-up": the sentence's words decide
    text = "Abu Sayyaf gunmen let go two Malaysian fishermen on Jolo island on Sunday, the army said."
    got = coder.classify(text, (0, 17), (text.index("two Malaysian"), text.index(" on Jolo")))
    assert got["event"] == "RETREAT"
    text = "Saudi intelligence gave American officials a heads-up about explosives hidden in air cargo, a spokesman said."
    assert not coder.code(text).events
    got = coder.classify(text, (0, 18), (text.index("American"), text.index(" about")))
    assert got["event"] == "COOPERATE"


def test_features_leave_out_names_and_reporting_verbs(coder):
    from dotterel import nlp
    doc = nlp.load()("Kenyan police arrested 40 protesters in Nairobi on Monday, officials said.")
    feats = fallback.features(doc[:], coder.lexicon)
    assert "arrest" in feats and "arrest_protester" in feats
    assert "say" not in feats and "nairobi" not in feats and "monday" not in feats
