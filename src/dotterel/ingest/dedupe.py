"""Exact and near-duplicate documents: MinHash signatures (datasketch) and LSH bands.

A wire story republished by many sites is one article: only the first copy is coded;
later copies are stored as duplicates of it and count as further articles reporting
its events.

- Exact: equal ``text_hash`` (text compared ignoring case and spacing).
- Near: estimated Jaccard similarity of the texts' word 3-gram sets at least
  ``THRESHOLD``.  datasketch computes each text's MinHash signature; the signature is
  cut into ``b`` bands of ``r`` values (datasketch's optimum for the threshold) and
  each band hashed to a bucket.  Texts sharing a bucket are candidates; a candidate
  is a duplicate when the signatures agree on at least ``THRESHOLD`` of their values.

Buckets and signatures of coded documents live in the database (tables
``doc_minhash`` and ``doc_buckets``), written in the same transaction as the document,
so a resumed run sees every document already stored and Python holds none of them;
DuckDB's index on the buckets, once loaded, stays in memory (about 0.47 MB per 1,000
coded documents; see ``store.memory``).  Documents decided but not yet written (in
flight to the coders) are held here in memory until their batch is committed.
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable

import numpy as np

from ..store.rows import text_hash

THRESHOLD = 0.7
NUM_PERM = 128
SEED = 1
SHINGLE = 3
SCHEME = "affine32"  # datasketch's permutation scheme; stored signatures depend on it
_WORD = re.compile(r"\w+")


@dataclass
class Signature:
    """What the index keeps of a coded document."""

    text_hash: str
    minhash: np.ndarray
    buckets: list[int]

    def blob(self) -> bytes:
        return self.minhash.astype("<u4").tobytes()


@dataclass
class Verdict:
    duplicate_of: str
    similarity: float
    kind: str  # "exact" | "near"


@lru_cache(maxsize=1)
def _lsh():
    from datasketch import MinHash, MinHashLSH
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations, lsh.b, lsh.r


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return {w.encode() for w in words}
    return {" ".join(words[i:i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> Signature:
    from datasketch import MinHash
    permutations, b, r = _lsh()
    m = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=permutations, scheme=SCHEME)
    m.update_batch(shingles(text))
    values = np.asarray(m.hashvalues, dtype=np.uint32)
    buckets = [int.from_bytes(hashlib.blake2b(bytes([i]) + values[i * r:(i + 1) * r].tobytes(),
                                              digest_size=8).digest(), "little", signed=True)
               for i in range(b)]
    return Signature(text_hash(text), values, buckets)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.mean(a == b))


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4").astype(np.uint32)


class Deduper:
    """Decides whether a text duplicates an earlier coded one.

    ``by_text_hash(h)`` and ``by_buckets(buckets)`` look stored documents up (the
    store's methods); pending documents are held with ``hold`` and dropped with
    ``release`` once written.
    """

    def __init__(self, by_text_hash: Callable[[str], str | None],
                 by_buckets: Callable[[list[int]], Iterable[tuple[str, bytes]]]):
        self._by_text_hash = by_text_hash
        self._by_buckets = by_buckets
        self._texts: dict[str, str] = {}
        self._buckets: dict[int, set[str]] = defaultdict(set)
        self._sigs: dict[str, Signature] = {}

    def check(self, text: str) -> tuple[Signature, Verdict | None]:
        sig = signature(text)
        return sig, self.judge(sig)

    def judge(self, sig: Signature) -> Verdict | None:
        """The verdict for a text whose signature is already computed."""
        first = self._texts.get(sig.text_hash) or self._by_text_hash(sig.text_hash)
        if first:
            return Verdict(first, 1.0, "exact")
        # stored documents first (in the order they were stored), then pending ones:
        # among equally similar candidates the earliest wins
        candidates = [(k, from_blob(blob)) for k, blob in self._by_buckets(sig.buckets)]
        candidates += [(k, self._sigs[k].minhash) for bucket in sig.buckets for k in self._buckets.get(bucket, ())]
        best_key, best = None, THRESHOLD
        for key, minhash in candidates:
            s = similarity(sig.minhash, minhash)
            if s > best or (s == best and best_key is None):
                best_key, best = key, s
        return Verdict(best_key, round(best, 3), "near") if best_key else None

    def hold(self, key: str, sig: Signature) -> None:
        self._texts[sig.text_hash] = key
        for bucket in sig.buckets:
            self._buckets[bucket].add(key)
        self._sigs[key] = sig

    def release(self, key: str) -> None:
        sig = self._sigs.pop(key, None)
        if sig is None:
            return
        self._texts.pop(sig.text_hash, None)
        for bucket in sig.buckets:
            keys = self._buckets.get(bucket)
            if keys is not None:
                keys.discard(key)
                if not keys:
                    del self._buckets[bucket]
