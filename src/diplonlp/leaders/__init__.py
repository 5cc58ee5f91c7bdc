"""Leaders and officials: names, titles and honorifics resolved to person, role
and country.

Data (``data/leaders/``): ``gazetteer.json`` (people, their spellings in fa
and ar and their time-bounded roles; built from ``tools/gazetteer/*.txt``),
``titles.json`` (role words, ministers' portfolios, bodies and their heads,
honorifics, modifiers, words that stand for a country), ``roles.json`` (the
rules around them), ``offices.json`` (the offices within each role),
``names.json`` (how names of people the gazetteer lacks are written);
countries come from :mod:`diplonlp.countries`.

What is a mention (``ANNOTATION.md``, docs/leaders.md):

* a **name with its title** (either order, titles chained: "ولي العهد الأمير
  محمد بن سلمان", "فيصل بن مشعل، أمير منطقة القصيم"): one mention, the name's
  span, the titles in ``title``;
* a **title alone** standing for its holder ("نخست‌وزیر عراق", "رئيس الحكومة"
  with the story's country, "وزير خارجه كشورمان" with the outlet's);
* a **name alone** in full, and a **surname** once its person is introduced
  (or a surname news uses alone for leaders of the first rank);
* an **honorific** tied to one person ("رهبر ملت", "زعيم الأمة"), and a
  **generic** head of state ("رئیس دولت") when the article names one.

How a title is resolved: to a person the article names who held that office;
else to whoever held it at the story's date (the reference date, else the
published date, else the story's latest full date or year, else a day
estimated from the people it names: :mod:`.story`); else the mention keeps
role and country with ``name`` null.

Users extend or replace the gazetteer: ``LeaderExtractor(gazetteer=path or
mapping, extend=True)`` (see docs/leaders.md for the format).

Layout: :mod:`.gazetteer` (people and terms), :mod:`.variants` (spelling
variants of names), :mod:`.titles` (names, titles, honorifics found in the
text; which title goes with which name), :mod:`.names` (names of people the
gazetteer does not list), :mod:`.story` (the story's date when it writes
none), :mod:`.resolution` (person, role, country on the story's date),
:mod:`.extractor`.
"""

from diplonlp.leaders.extractor import LeaderExtractor
from diplonlp.leaders.gazetteer import Gazetteer, Person, Term, default_gazetteer

__all__ = ["Gazetteer", "LeaderExtractor", "Person", "Term", "default_gazetteer"]
