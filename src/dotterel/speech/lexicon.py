"""The speech word lists (``knowledge/data/speech.yaml``) in the shape the rules use.

Kept apart from the rules so that a new cue verb or scare-quote word is a data
edit, and so the file is read once per process rather than once per document.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from dotterel.knowledge import KnowledgeError, load_yaml


def _words(items) -> frozenset[str]:
    return frozenset(str(x).lower() for x in items or ())


@dataclass(frozen=True)
class Lexicon:
    cue_verbs: frozenset[str]          # single-word lemmas
    cue_phrasal: frozenset[tuple[str, str]]  # (verb lemma, particle or object)
    direct_cue_verbs: frozenset[str]
    source_prepositions: tuple[tuple[str, ...], ...]
    byline_verbs: frozenset[str]
    trailing_clause_marks: frozenset[str]
    unsaid_heads: frozenset[str]
    expletive_subjects: frozenset[str]
    agent_preposition: str
    mouthpieces: tuple[tuple[str, ...], ...]
    document_nouns: frozenset[str]
    speaker_nouns: frozenset[str]
    person_descriptors: tuple[str, ...]
    organisation_nouns: frozenset[str]
    claim_nouns: frozenset[str]
    scare_min_words: int
    scare_preceded_by: tuple[tuple[str, ...], ...]
    question_labels: frozenset[str]
    answer_labels: frozenset[str]
    interview_cues: frozenset[str]
    not_speakers: frozenset[str]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    first_person: frozenset[str]

    def cue(self, tok: Token, direct: bool = False) -> str | None:
        """The cue words if ``tok`` is a verb of saying ("said", "pointed out"), else None.

        ``direct`` also admits verbs that only mark speech beside quote marks.
        """
        if not tok.tag_.startswith("VB"):
            return None
        lemma = tok.lemma_.lower()
        if lemma in self.cue_verbs or (direct and lemma in self.direct_cue_verbs):
            return tok.text
        for child in tok.rights:
            if (lemma, child.lower_) in self.cue_phrasal and child.dep_ in ("prt", "dobj", "advmod", "acomp", "ccomp"):
                return f"{tok.text} {child.text}"
        return None


def _phrases(items) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted((tuple(str(x).lower().split()) for x in items or ()), key=len, reverse=True))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The packaged speech lexicon, read once per process."""
    d = load_yaml("speech.yaml") or {}
    try:
        verbs = [str(v).lower() for v in d["cue_verbs"]]
        passive, scare, interview, pronouns = d["passive"], d["scare_quotes"], d["interview"], d["pronouns"]
        return Lexicon(
            cue_verbs=frozenset(v for v in verbs if " " not in v),
            cue_phrasal=frozenset(tuple(v.split(maxsplit=1)) for v in verbs if " " in v),
            direct_cue_verbs=_words(d.get("direct_cue_verbs")),
            source_prepositions=_phrases(d.get("source_prepositions")),
            byline_verbs=_words(d.get("byline_verbs")),
            trailing_clause_marks=_words(d.get("trailing_clause_marks")),
            unsaid_heads=_words(d.get("unsaid_heads")),
            expletive_subjects=_words(passive["expletive_subjects"]),
            agent_preposition=str(passive["agent_preposition"]).lower(),
            mouthpieces=_phrases(d.get("mouthpieces")),
            document_nouns=_words(d.get("document_nouns")),
            speaker_nouns=_words(d.get("speaker_nouns")),
            person_descriptors=tuple(str(x).lower() for x in d.get("person_descriptors") or ()),
            organisation_nouns=_words(d.get("organisation_nouns")),
            claim_nouns=_words(d.get("claim_nouns")),
            scare_min_words=int(scare["min_words"]),
            scare_preceded_by=_phrases(scare["preceded_by"]),
            question_labels=_words(interview["question_labels"]),
            answer_labels=_words(interview["answer_labels"]),
            interview_cues=_words(interview["cue_words"]),
            not_speakers=_words(interview["not_speakers"]),
            person_pronouns=_words(pronouns["person"]),
            group_pronouns=_words(pronouns["group"]),
            first_person=_words(pronouns["first_person"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise KnowledgeError(f"speech.yaml: missing or malformed entry: {exc}") from exc
