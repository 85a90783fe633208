"""Actors: who is named in an article, and who each argument of a sentence stands for.

``ActorResolver(knowledge, nlp)`` builds its matchers once; ``resolve(doc, published)``
returns :class:`DocActors` for one spaCy-parsed article, whose ``entities_for(token)``
gives the PLOVER entities (country code, sector) of the noun phrase a token heads.
"""
from dotterel.actors.doc_actors import DocActors, Mention
from dotterel.actors.resolver import ActorResolver

__all__ = ["ActorResolver", "DocActors", "Mention"]
