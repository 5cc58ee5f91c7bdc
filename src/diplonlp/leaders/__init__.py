"""Leaders and officials: names, titles and honorifics resolved to person, role
and country.

Data (``data/leaders/``): ``gazetteer.json`` (people, their spellings in fa
and ar and their time-bounded roles), ``roles.json`` (the title words),
``honorifics.json`` (epithets tied to one person); countries come from
:mod:`diplonlp.countries`.

What is a mention:

* a **name** of a person in the gazetteer, full ("ولادیمیر پوتین") or short
  ("پوتین"); some short names ("رحمان") count only after the person was named
  in full in the same article;
* a **title**: a role word and the country it belongs to ("رئیس جمهور
  تاجیکستان", "رئيس حكومة الاتحاد الروسي", "وزير الخارجية التركي",
  "سفیر چین در تاجیکستان"). A role word that needs a country ("وزیر", Arabic
  "رئيس") and has none is only kept right before a name;
* an **honorific** tied to one person ("رهبر ملت", "زعيم الأمة");
* a **generic** head of state ("رئیس دولت", "زعيم البلاد") only when the
  article names exactly one head of state.

How a title is resolved: to a person the article names who held that office;
else to whoever held it at the story's date (the reference date, else the
published date, else the story's latest full date or year: the one anchor of
:func:`diplonlp.dates.story_anchor`); else the mention
keeps role and country with ``name`` null. A title right before or after a
name ("امامعلی رحمان، رئیس جمهور تاجیکستان") resolves to that person and is
kept on the name mention as ``title``.

Users extend or replace the gazetteer: ``LeaderExtractor(gazetteer=path or
mapping, extend=True)`` (see docs/leaders.md for the format).

Layout: :mod:`.gazetteer` (people and terms), :mod:`.titles` (names, titles,
honorifics found in the text), :mod:`.names` (names of people the gazetteer
does not list), :mod:`.resolution` (person, role, country on the story's
date), :mod:`.extractor`.
"""

from diplonlp.leaders.extractor import LeaderExtractor
from diplonlp.leaders.gazetteer import Gazetteer, Person, Term, default_gazetteer

__all__ = ["Gazetteer", "LeaderExtractor", "Person", "Term", "default_gazetteer"]
