"""Near-duplicate detection and the English check, on their own (no database, no coder)."""
from dotterel.ingest.dedupe import THRESHOLD, Deduper, signature, similarity
from dotterel.ingest.language import non_english_reason
from ingest_samples import ARTICLES, FRENCH, near_copy


def _deduper():
    return Deduper(lambda h: None, lambda buckets: [])


def test_wire_copy_with_small_edits_is_a_near_duplicate_of_the_first():
    d = _deduper()
    text = ARTICLES[0]["text"]
    sig, verdict = d.check(text)
    assert verdict is None
    d.hold("first", sig)
    copy = near_copy(text)
    assert copy != text
    _, verdict = d.check(copy)
    assert verdict is not None and verdict.kind == "near" and verdict.duplicate_of == "first"
    assert THRESHOLD <= verdict.similarity < 1.0


def test_exact_copy_ignoring_case_and_spacing():
    d = _deduper()
    sig, _ = d.check(ARTICLES[1]["text"])
    d.hold("k1", sig)
    _, verdict = d.check("  " + ARTICLES[1]["text"].upper().replace(" ", "\n", 3))
    assert verdict.kind == "exact" and verdict.duplicate_of == "k1" and verdict.similarity == 1.0


def test_different_articles_on_the_same_subject_are_not_duplicates():
    d = _deduper()
    for n, a in enumerate(ARTICLES):
        sig, verdict = d.check(a["text"])
        assert verdict is None, a["id"]
        d.hold(str(n), sig)
    # the same story, rewritten by another outlet, is a separate article
    rewrite = ("Armenian troops shelled villages close to Lachin overnight, Azerbaijan's defence ministry said "
               "on Tuesday, adding that a tractor driver was hurt. Yerevan denied firing any shots.")
    assert d.check(rewrite)[1] is None


def test_released_documents_are_forgotten_and_stored_ones_are_found_through_the_callbacks():
    text = ARTICLES[2]["text"]
    sig = signature(text)
    d = _deduper()
    d.hold("k", sig)
    d.release("k")
    assert d.check(text)[1] is None
    stored = Deduper(lambda h: None, lambda buckets: [("stored", sig.blob())] if set(buckets) & set(sig.buckets) else [])
    _, verdict = stored.check(near_copy(text))
    assert verdict.duplicate_of == "stored" and verdict.kind == "near"
    assert round(similarity(sig.minhash, signature(near_copy(text)).minhash), 3) == verdict.similarity


def test_english_is_kept_other_languages_skipped_with_the_reason():
    lang, reason = non_english_reason(ARTICLES[3]["text"])
    assert lang == "en" and reason is None
    lang, reason = non_english_reason(FRENCH)
    assert lang == "fr" and "not English" in reason and "'fr'" in reason
    # too short to judge: coded rather than lost
    assert non_english_reason("Baku, 13 September.")[1] is None
