"""The coder: a pure function of (text, metadata, knowledge) → Result.

``Coder()`` loads the spaCy model and the knowledge files once; ``code()`` may then be
called any number of times, from the CLI, a web server or a Spark partition, and
always gives the same result for the same input.

Flow: check input → parse → actors → quotes → events (per sentence) → dates and
places → quantities → Result.
"""
from __future__ import annotations

from datetime import date
from typing import Iterable, Iterator

from spacy.tokens import Doc

from . import knowledge as kn
from . import nlp as nlp_mod
from .actors import ActorResolver
from .clean import MAX_CHARS, check_text
from .errors import InputError
from .events.extract import Candidate, Context, SentenceCoder
from .events import fallback
from .events.lexicon import Lexicon, has_phrase, sentence_keys
from .events.refine import consult_mode
from .events.statements import statement_events
from .geo import Gazetteer, dateline_location, event_location
from .model import Document, Entity, Event, Result, TextSpan
from .quantities import extract_quantities
from .speech import find_quotes, speaker_at
from .time import is_historical, parse_published, sentence_date

class Coder:
    """Loads models and knowledge once; codes any number of documents."""

    def __init__(self, actor_files: Iterable[str] = (), model: str = nlp_mod.MODEL, max_chars: int = MAX_CHARS):
        self.nlp = nlp_mod.load(model)
        self.knowledge = kn.default(tuple(str(p) for p in actor_files))
        self.lexicon = Lexicon.from_knowledge(self.knowledge)
        self.actors = ActorResolver(self.knowledge, self.nlp)
        self.gazetteer = Gazetteer.default()
        self.max_chars = max_chars

    # ----------------------------------------------------------------- API
    def code(self, text: str, published=None, title: str | None = None, source: str | None = None,
             url: str | None = None, doc_id: str | None = None) -> Result:
        name = doc_id or "<text>"
        text = check_text(text, name, self.max_chars)
        document = Document(text=text, id=doc_id, title=title, source=source, url=url)
        pub = self._published(published, name, document)
        with self.nlp.memory_zone():  # strings of this text are freed afterwards: memory stays flat
            return self._code_doc(self.nlp(text), document, pub)

    def code_documents(self, documents: Iterable[Document], batch_size: int = 32) -> Iterator[Result | InputError]:
        """Code many documents with spaCy's batched parsing; bad ones yield their InputError."""
        def checked():
            for d in documents:
                name = d.id or "<text>"
                try:
                    d.text = check_text(d.text, name, self.max_chars)
                    pub = self._published(d.published, name, d)
                except InputError as e:
                    yield None, e, None
                    continue
                yield d, None, pub

        items = list(checked()) if not hasattr(documents, "__next__") else checked()
        buffer: list[tuple] = []
        for item in items:
            buffer.append(item)
            if len(buffer) >= batch_size:
                yield from self._flush(buffer)
                buffer = []
        yield from self._flush(buffer)

    def classify(self, text: str, actor: tuple[int, int], recipient: tuple[int, int] | None = None) -> dict:
        """The PLOVER category for a given actor (and recipient) span in a sentence: the
        candidate event that involves the pair (for the reporter of a hostile act, ACCUSE),
        else the naive Bayes guess (events.fallback)."""
        text = check_text(text, "<text>", self.max_chars)
        with self.nlp.memory_zone():
            doc = self.nlp(text)
            ctx, last_speaker, _ = self._context(doc, None, None)
            cands = [c for _, cs in self._candidates(doc, ctx, last_speaker, keep_actorless=True) for c in cs]
            best = choose_for_pair(cands, actor, recipient, _identities(_entities_in(doc, actor, ctx.entities_for)))
            if best is not None and _reported_by_pair_actor(best, actor):
                # "X said Y tortured Z", asked about X: X accuses Y (the act itself is Y's)
                event, mode = "ACCUSE", "allege"
            elif best is not None:
                event, mode = best.event, best.mode
            else:
                # nothing recognised involves the pair: the words of the sentence decide
                event, mode = fallback.model().predict(fallback.features(doc[:], self.lexicon)), None
        return {"event": event, "mode": mode, "score": self.lexicon.score(event, mode)}

    def entities_at(self, text: str, span: tuple[int, int]) -> list[Entity]:
        """The actor(s) a character span of ``text`` refers to, resolved in the whole text's context."""
        text = check_text(text, "<text>", self.max_chars)
        with self.nlp.memory_zone():
            doc = self.nlp(text)
            return _entities_in(doc, span, self.actors.resolve(doc).entities_for)

    # ------------------------------------------------------------ internals
    def _flush(self, buffer):
        """Code one batch inside a spaCy memory zone: the strings its texts add to the
        vocabulary are freed with it, so a long run over millions of articles stays flat."""
        good = [(d, pub) for d, err, pub in buffer if err is None]
        results = []
        with self.nlp.memory_zone():
            docs = iter(self.nlp.pipe([d.text for d, _ in good]))
            for d, err, pub in buffer:
                results.append(err if err is not None else self._code_doc(next(docs), d, pub))
        yield from results

    @staticmethod
    def _published(value, name: str, document: Document) -> date | None:
        try:
            pub = parse_published(value)
        except ValueError as e:
            raise InputError(name, str(e)) from None
        document.published = pub.isoformat() if pub else None
        return pub

    def _context(self, doc: Doc, published: str | None, pub: date | None):
        """Actors and quotes of the whole document, packed for the sentence coder."""
        doc_actors = self.actors.resolve(doc, published)
        quotes = find_quotes(doc, doc_actors)
        speakers = sorted(((q.span[0], q.speaker) for q in quotes if q.speaker is not None), key=lambda p: p[0])

        def last_speaker(offset: int) -> Entity | None:
            before = [s for start, s in speakers if start <= offset]
            return before[-1] if before else None

        ctx = Context(
            lexicon=self.lexicon,
            entities_for=doc_actors.entities_for,
            speaker_at=lambda off: speaker_at(quotes, off),
            historical=lambda s: is_historical(s, pub),
        )
        return ctx, last_speaker, (doc_actors, quotes)

    def _candidates(self, doc: Doc, ctx: Context, last_speaker, keep_actorless: bool = False):
        """Candidates sentence by sentence. News puts the main event first, so later sentences'
        events rank a little lower; a mode the sentence leaves open may come from its neighbours
        (the manual: "that sentence or possibly that sentence and one before it")."""
        coder = SentenceCoder(ctx, keep_actorless=keep_actorless)
        sents = list(doc.sents)
        seen = 0
        for k, sent in enumerate(sents):
            cands = coder.code(sent)
            cands += statement_events(sent, ctx, cands, last_speaker)
            for c in cands:
                c.confidence = max(0.05, c.confidence - 0.05 * min(seen, 5))
                if c.mode is None:
                    for other in (sents[k + 1] if k + 1 < len(sents) else None, sents[k - 1] if k else None):
                        mode = other is not None and self.lexicon.mode_from_words(c.event, sentence_keys(other))
                        if mode:
                            c.mode = mode
                            c.evidence.append(f"mode '{mode}' from a neighbouring sentence")
                            break
            seen += bool(cands)
            yield sent, _dedupe(cands)

    def _code_doc(self, doc: Doc, document: Document, pub: date | None) -> Result:
        ctx, last_speaker, (doc_actors, quotes) = self._context(doc, document.published, pub)
        dateline = dateline_location(doc, self.gazetteer)
        contexts = self._contexts(doc)
        events: list[Event] = []
        for sent, cands in self._candidates(doc, ctx, last_speaker):
            cands = [c for c in cands if not _mentioned_before(c, events)]
            if not cands:
                continue
            when, when_ev = sentence_date(sent, pub)
            for c in cands:
                events.append(self._event(c, len(events) + 1, document, when, when_ev, dateline, contexts))
        for q in quotes:
            q.events = [e.id for e in events if q.span[0] <= e.trigger.span[0] < q.span[1]]
        quantities = extract_quantities(doc, pub, claimant_for=lambda off: speaker_at(quotes, off))
        return Result(document=document, events=events, quotes=quotes, quantities=quantities,
                      entities=[m.entity for m in doc_actors.mentions])

    def _event(self, c: Candidate, n: int, document: Document, when, when_ev, dateline, contexts) -> Event:
        lex = self.lexicon
        start, end = c.trigger_span
        text = document.text
        loc = event_location(c.sent, c.head, self.gazetteer) or dateline
        evidence = "; ".join(c.evidence + ([f"date: {when_ev}"] if when else []))
        mode = c.mode
        if c.event == "CONSULT":
            mode = consult_mode(mode, c.actor, c.recipient, loc)
            if mode != c.mode:
                evidence += f"; mode {mode} from the parties and place"
        ctx = list(contexts)
        if mode in ("cyber", "misinformation") and mode not in ctx:
            ctx.append(mode)
        return Event(
            id=f"{document.id or 'doc'}-e{n}", event=c.event, mode=mode,
            trigger=TextSpan(text[start:end], (start, end)),
            sentence=TextSpan(c.sent.text, (c.sent.start_char, c.sent.end_char)),
            actor=c.actor, recipient=c.recipient, context=ctx, aux=c.aux, negated=c.negated,
            reported_by=c.reported_by, date=when, location=loc,
            cameo=lex.cameo(c.event, mode), score=lex.score(c.event, mode), quad=lex.quad(c.event),
            confidence=c.confidence * (0.6 if c.negated else 1.0), evidence=evidence,
        )

    def _contexts(self, doc: Doc) -> list[str]:
        """Document-level PLOVER contexts: those whose keywords occur at least twice."""
        keys = sentence_keys(doc)
        counts = {}
        for name, phrases in self.lexicon.contexts.items():
            n = sum(keys[0].count(" " + " ".join(p) + " ") or has_phrase(keys, p) for p in phrases)
            if n:
                counts[name] = n
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        return [name for name, n in ranked if n >= 2][:4]


def _mentioned_before(c: Candidate, events: list[Event]) -> bool:
    """An actorless event that repeats an earlier one's category and recipient is a second
    mention of it ("Azerbaijanis were expelled … the rights of Azerbaijanis expelled …")."""
    if c.actor or not c.recipient:
        return False
    mine = {(e.country, e.sector) for e in c.recipient}
    return any(e.event == c.event and mine & {(r.country, r.sector) for r in e.recipient} for e in events)


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    seen = set()
    out = []
    for c in cands:
        key = (c.event, c.head.i, tuple(sorted((e.country or "", e.name or "") for e in c.actor)))
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def _overlap(span, start: int, end: int) -> bool:
    return span is not None and start < span[1] and span[0] < end


def _tok_span(tok) -> tuple[int, int]:
    """Characters covered by a token's whole phrase."""
    return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)


def _pair_score(c: Candidate, actor, recipient, actor_ids: frozenset = frozenset()) -> float:
    score = 0.0
    if any(_overlap(actor, *e.span) for e in c.actor) or (c.actor_tok is not None and _overlap(actor, *_tok_span(c.actor_tok))):
        score += 2
    elif actor_ids & _identities(c.actor):
        score += 1.5  # the same actor mentioned again ("it", "the minister")
    elif recipient is not None and any(_overlap(recipient, *e.span) for e in c.actor):
        score -= 0.5  # the recipient's own act ("in protest at imports allowed by the government")
    if recipient is not None and (any(_overlap(recipient, *e.span) for e in c.recipient)
                                  or (c.recip_tok is not None and _overlap(recipient, *_tok_span(c.recip_tok)))):
        score += 1
    # the actor sits inside this trigger's clause
    head = c.trigger_tokens[0]
    if actor is not None and _overlap(actor, *_tok_span(head)):
        score += 0.5
    return score


# acts that, told by someone else about the actor, are that someone's accusation
HOSTILE = {"THREATEN", "SANCTION", "COERCE", "ASSAULT"}


def _reported_by_pair_actor(c: Candidate, actor) -> bool:
    """The given actor is who reports this hostile act, and the act is someone else's
    ("Amnesty said police tortured detainees"; not "Iraq said it had shelled …")."""
    return (c.reported_by is not None and c.event in HOSTILE and c.reported_by.span is not None
            and _overlap(actor, *c.reported_by.span) and bool(c.actor)
            and not any(_overlap(actor, *e.span) or e.country == c.reported_by.country for e in c.actor))


def choose_for_pair(cands: list[Candidate], actor, recipient, actor_ids: frozenset = frozenset()) -> Candidate | None:
    """The candidate coded for this actor/recipient pair; ties go to the most confident.
    ``actor_ids`` are who the actor span resolves to, so "it" or "the minister" elsewhere
    in the sentence counts as the actor too ("Turkey, which accused Syria …, said it would …")."""
    if not cands:
        return None
    return max(cands, key=lambda c: (_pair_score(c, actor, recipient, actor_ids), not c.negated, c.confidence))


def _entities_in(doc: Doc, span: tuple[int, int] | None, entities_for) -> list[Entity]:
    """The actor(s) a character span refers to: the entities of its head word."""
    region = doc.char_span(span[0], span[1], alignment_mode="expand") if span else None
    if region is None:
        return []
    root = region.root
    objects = [c for c in root.children if c.dep_ == "pobj"]
    head = objects[0] if root.pos_ == "ADP" and objects else root
    return entities_for(head)


def _identities(entities: list[Entity]) -> frozenset:
    return frozenset((e.country, e.name, e.sector, e.kind) for e in entities if e.name)
