"""The figure words in knowledge/data/units.yaml: well-formed, and consistent with each other."""
from dotterel.quantities.lexicon import lexicon

QUALIFIERS = {"=", "~", "<", ">", "<=", ">="}


def test_qualifier_phrases_use_known_symbols_and_do_not_clash():
    lex = lexicon()
    assert set(lex.qualifiers.values()) <= QUALIFIERS
    assert set(lex.post_qualifiers.values()) <= QUALIFIERS


def test_change_words_point_up_or_down():
    lex = lexicon()
    for table in (lex.change_verbs, lex.change_verbs_by, lex.change_nouns, lex.change_adverbs):
        assert table and set(table.values()) <= {"up", "down"}


def test_currencies_are_iso_codes():
    lex = lexicon()
    for code in list(lex.currency_symbols.values()) + list(lex.currency_after.values()):
        assert code in lex.currency_codes, code


def test_vague_amounts_are_ordered_ranges():
    lex = lexicon()
    for word, (low, high) in {**lex.vague, **lex.vague_factors}.items():
        assert 0 < low <= high, word


def test_number_words_and_multipliers_do_not_overlap():
    lex = lexicon()
    assert not set(lex.numbers) & set(lex.multipliers)
    assert all(v > 1 for v in lex.multipliers.values())
