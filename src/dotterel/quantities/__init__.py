"""Claimed quantities: the figures a news text asserts, with what they count and when.

A figure is any number a reader would quote: digits ("306", "3,300", "1.1bn",
"€40m", "$2.5 billion", "12.5%", "40 km"), number words ("two", "a dozen",
"half a million") and vague amounts ("dozens", "tens of thousands", "hundreds
of thousands").  Each becomes a :class:`dotterel.model.Quantity`:

- ``value`` the number; ``low``/``high`` its stated spread: both equal ``value``
  for a single number, the ends for a range ("10 to 15": value None), and the
  bounds of a vague amount ("hundreds of thousands": 100000..999999, value = low).
- ``qualifier`` from the hedge written next to it: ``~`` about/around/some/
  roughly/an estimated; ``<`` nearly/almost/less than/under; ``>`` more than/over;
  ``>=`` at least/or more; ``<=`` up to/as many as/no more than; ``=`` otherwise.
  A figure that is a change ("rose 5%", "cut by 2 million", "a 3% drop", "down 3
  points") is ``up``/``down`` instead: the direction says more than the hedge.
- ``unit`` ISO currency code, ``%``, ``percentage points``, a measure (``km``,
  ``tonnes``), ``people`` for person nouns and demonyms (soldiers, troops,
  civilians, Azerbaijanis) and for bare numbers counted by a casualty verb
  ("killed 12"), otherwise the counted noun's lemma ("mine").  A bare number after
  a counted one in the same sentence shares its unit ("306 people ... and more
  than 3,300 in total").  "one in five" is a share: 20 ``%``.
- ``what`` a short phrase: the counted noun and, when the figure is the subject,
  its predicate ("people (have fallen victim to mines)").
- ``period`` the nearest period phrase in the parse, resolved by
  :func:`dotterel.time.period`; ``claimant`` from the caller's ``claimant_for``.

Not figures: years and dates ("in 2020", "13 September"), times of day,
ordinals ("first", "3rd"), durations and ages ("30 years", "a 30-year period",
"aged 25": a duration in a period phrase is the period), labels and names
("Resolution 2334", "Article 5", "F-16", "G20"), phone numbers and codes, a
reference to things already named ("the two countries"), "one" unless it counts
people ("one of the", "one day"), compound adjectives ("a five-member
delegation", "a 10-point plan"), and bare fractions ("half of the city").
Words live in ``knowledge/data/units.yaml``.
"""
from .extract import extract_quantities

__all__ = ["extract_quantities"]
