"""Category changes that depend on who acts, on whom, and in what kind of crowd.

The same verb names different PLOVER events in different hands, each rule in one line:

- civilians fighting in a protest, or fighting the police, riot (PROTEST riot), not ASSAULT;
- a strike by civilians is a labour strike; demands voiced by a crowd, or by civilians acting
  "to demand …", are their protest;
- a state "protesting" protests diplomatically (ACCUSE); state forces do not riot or obstruct,
  they coerce; civilians blocking roads obstruct (PROTEST obstruct);
- raiding or storming is a search by police (COERCE seize), an attack by armed groups
  (ASSAULT), a riot by crowds; civilians occupying a building stage a sit-in;
- seizing a person is an arrest by the state, an abduction by armed groups;
- a court jailing someone for a term sentences them (SANCTION convict);
- exercises by forces of several countries are joint (COOPERATE); who mobilises gives the mode.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..model import Entity
from .lexicon import Lexicon


def by_actor(lex: Lexicon, event: str, mode: str | None, tok: Token, actor: list[Entity], actor_tok: Token | None,
             recipient: list[Entity], keys, evidence: list[str]) -> tuple[str, str | None]:
    """The category and mode once the parties are known; ``evidence`` gets a line for each change."""
    lemma = tok.lemma_.lower()
    civilians = bool(actor) and all(a.sector in lex.civilian_sectors for a in actor)
    armed = bool(actor) and all(a.sector in lex.armed_sectors for a in actor)
    state = bool(actor) and all(a.sector in ("GOV", "LEG", "JUD") or a.kind == "country" for a in actor)
    if event == "ASSAULT" and actor and mode in (None, "primitive") \
            and all(a.sector in lex.civilian_sectors or a.sector is None and a.kind == "group" for a in actor) \
            and any(w in lex.protest_words | lex.police_words for w in keys[1].split()):
        event, mode = "PROTEST", "riot"  # "protesters clashed with police": a riot
        evidence.append("violence by civilians in a protest → PROTEST riot")
    if event == "ASSAULT" and lemma == "strike" and civilians:
        event, mode = "PROTEST", "strike"  # "pilots struck against the plan": a labour strike
        evidence.append("a strike by civilians → PROTEST strike")
    crowd = actor_tok is not None and (actor_tok.lemma_.lower() in lex.protest_words or any(
        o.lemma_.lower() in lex.protest_words for p in actor_tok.children if p.lower_ == "of" for o in p.children))
    gathered = tok.dep_ in ("advcl", "conj") and tok.tag_ == "VBG" and tok.head.lemma_.lower() in lex.assembly_verbs
    # civilians doing something "to demand …" or "demanding …" (occupying, marching, fasting) protest
    acting = tok.dep_ in ("advcl", "xcomp") and tok.tag_ in ("VB", "VBG") and tok.head.pos_ == "VERB" \
        and tok.head.lemma_.lower() not in lex.speech_verbs | lex.communication_verbs and civilians
    if event == "REQUEST" and (crowd or gathered or acting):
        event, mode = "PROTEST", lex.mode_from_words("PROTEST", keys) or "demo"
        # "protesters demanding …", "thousands gathered in the square demanding …"
        evidence.append("demands voiced by a crowd are its protest → PROTEST")
    if event == "PROTEST" and mode in (None, "demo") and state:
        event, mode = "ACCUSE", "disapprove"  # a government "protesting" is a diplomatic protest
        evidence.append("protest by a state actor → ACCUSE disapprove")
    elif event == "PROTEST" and mode in ("riot", "obstruct", "vandalize") and actor \
            and (state or all(a.sector in ("MIL", "COP") for a in actor)):
        event, mode = "COERCE", "restrict" if mode == "obstruct" else "seize"
        evidence.append(f"{tok.lemma_} by state forces → COERCE {mode}")
    elif event in ("COERCE", "REJECT") and mode in (None, "restrict", "withhold") and civilians \
            and lemma in lex.obstruction_verbs:
        event, mode = "PROTEST", "obstruct"  # "protesters blockaded the airport"
        evidence.append("blocking by civilians → PROTEST obstruct")
    if event == "COERCE" and mode == "seize" and lemma in lex.raiding_verbs:
        # who raids decides what it is: police search, armed groups attack, crowds riot
        if armed:
            event, mode = "ASSAULT", None  # "jihadists raided the village"
            evidence.append(f"{tok.lemma_} by an armed group → ASSAULT")
        elif civilians:
            event, mode = "PROTEST", "riot"  # "protesters stormed the residence"
            evidence.append(f"{tok.lemma_} by civilians → PROTEST riot")
    elif event == "COERCE" and mode == "seize" and lemma in lex.occupying_verbs and civilians:
        event, mode = "PROTEST", "obstruct"  # "workers occupied the factory": a sit-in
        evidence.append("occupation by civilians → PROTEST obstruct")
    if event == "COERCE" and mode == "arrest" and actor and all(a.sector == "JUD" for a in actor) \
            and set(keys[1].split()) & lex.sentence_words and "pending" not in keys[1].split():
        event, mode = "SANCTION", "convict"  # "a court jailed him for ten years": a sentence, not remand
        evidence.append("jailing by a court → SANCTION convict")
    if event == "COERCE" and mode == "seize" and recipient and all(r.kind == "person" for r in recipient):
        # seizing a person is capturing them: an arrest by the state, an abduction by others
        event, mode = ("ASSAULT", "abduct") if armed else ("COERCE", "arrest")
        evidence.append(f"a person seized → {event} {mode}")
    if event == "MOBILIZE" and lemma in lex.exercise_nouns and len({a.country for a in actor} - {None}) > 1:
        event, mode = "COOPERATE", None  # "French and Egyptian warships launched war games": joint exercises
        evidence.append("exercises by forces of several countries → COOPERATE")
    if event == "MOBILIZE" and mode != "weapons" and actor:
        # who mobilises says which kind: the army (troops), police, or a non-state force (militia)
        mode = {"MIL": "troops", "COP": "police", "REB": "militia", "PRM": "militia",
                "UAF": "militia"}.get(actor[0].sector or "", mode)
    return event, mode
