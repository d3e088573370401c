"""Where a body's name goes on past a word the named-body pattern would stop at.

- `lowercase_compound_part`: a word of the name joined by a glued hyphen to a lowercase part, with the
  name going on after it ("High-level Committee on Management", "International Co-ordinating Committee"),
  is one word of the name; not a modifier made of a body's acronym ("PEPFAR-supported Ministry"), a State
  or a place ("Jordan-run Jerusalem Awqaf ... Department"), a `hyphen_modifier_opening` word ("the
  State-level Ombudsman": a scope, not a name) nor one whose lowercase part has a `hyphen_modifier_ending`
  ("Israeli-led Coalition", "Geneva-based Institute": "-led", "-based" say who leads or where).
- `region_pair_goes_on`: a complement's "X and the Y" that is one region (`region_pair`: "Latin America
  and the Caribbean", "Asia and the Pacific") goes on, though the model tags "the Caribbean" as a place or
  body of its own ("Forum of the Countries of Latin America and the Caribbean on Sustainable Development").

- `names_itself`: a run that is a State, a place or an acronym is a name of its own, not the first words of
  a body whose head comes after "and" ("... Limited in Uganda and RAAS Micro Finance Institution", "EAPC and
  European Palliative Care Academy"; not "Women's Peace and Humanitarian Fund").

- `joiner_goes_on`: inside a complement, a `complement_joiner` word ("from", "by", "or") and a capitalised
  word of no State, place, person, known body or generic phrase go on with the name ("Working Group on
  Enforced or Voluntary Disappearances", "National Fund for Reducing Emissions from Deforestation and Forest
  Degradation", "Global Alliance to Spare Water from Armed Conflicts", "International Federation of Action
  by Christians for the Abolition of Torture"); not an article after the joiner ("... by the Government"),
  nor after a State ("Armed Forces of the Russian Federation or ..."), nor before a run ending with a body's
  head noun (a second body), nor a place the model tagged ("Group of Experts from Africa").

- `abbreviated_honorific`: an honorific written with its full stop ("Mr.", "Ms.", "H.E.") inside a run of
  capitalised words opens a person's name, and the body's name ends before it ("Executive Office of The
  Secretary General Mr. Christophe Monnier"); a spelled-out title ("Vice President") stays a name's word.

The first two, the last two read `org_filters.jsonl` (a language without their kinds has no such names); the third
reads the place and State names."""

from __future__ import annotations

from spacy.tokens import Doc

HYPHENS = ("-", "–", "‑")


def _acronym(text: str) -> bool:
    return len(text) >= 2 and text.isupper()


def lowercase_compound_part(doc: Doc, j: int, know) -> bool:
    """doc[j] is a hyphen glued between the name's word doc[j-1] and a lowercase word doc[j+1], and a
    capitalised word of the name follows that word ("High" "-" "level" "Committee"). A language whose
    filters have no hyphen_modifier_ending reads no such compounds (French and Spanish today)."""
    endings = tuple(know.filters["hyphen_modifier_ending"])
    if not endings:
        return False
    if not (j >= 1 and j + 2 < len(doc) and doc[j].text in HYPHENS and not doc[j].whitespace_
            and not doc[j - 1].whitespace_ and doc[j + 1].is_alpha and doc[j + 1].is_lower
            and doc[j + 1].whitespace_ and "\n" not in doc[j + 1].whitespace_):
        return False
    first = doc[j - 1].text
    if (_acronym(first) or know.is_place(first) or first.lower() in know.filters["hyphen_modifier_opening"]
            or doc[j + 1].lower_.endswith(endings)):
        return False
    nxt = doc[j + 2].text
    return nxt[:1].isupper() and not _acronym(nxt) and nxt.lower() not in know.stop_words


def region_pair_goes_on(doc: Doc, m: int, c: int, know) -> bool:
    """The words around the joint doc[m:c] ("and the") are one region_pair: its first part ends at m and
    its second part opens at c ("Latin America | and the | Caribbean")."""
    for pair in know.filters["region_pair"]:
        words = pair.split()
        size = len(words)
        for a in range(max(0, m - size + 1), m):
            if a + size > c and a + size <= len(doc) and [t.lower_ for t in doc[a:a + size]] == words:
                return True
    return False


def names_itself(run, know) -> bool:
    """The capitalised run (a Span) is a State, a place the data knows or one acronym ("Uganda", "EAPC")."""
    text = run.text
    return bool(know.is_place(text)) or len(run) == 1 and _acronym(text)


def joiner_goes_on(doc: Doc, c: int, know, capitalised, run_end, elsewhere) -> bool:
    """doc[c] is a lowercase complement_joiner and the name's words go on right after it; `capitalised`
    and `run_end` are the named-body pattern's reading of a word and of a run, `elsewhere(i)` says a
    place or a person opens at doc[i]. A language without complement_joiner joins nothing."""
    joiners = know.filters["complement_joiner"]
    if not joiners or doc[c].lower_ not in joiners or not doc[c].text.islower() or c + 1 >= len(doc):
        return False
    if "\n" in doc[c].text_with_ws or "\n" in doc[c - 1].text_with_ws:
        return False
    nxt = doc[c + 1]
    if not capitalised(nxt) or _acronym(nxt.text) or nxt.lower_ in know.articles:
        return False
    run = doc[c + 1:run_end(c + 1)]
    text = run.text
    b = c
    while b > 0 and capitalised(doc[b - 1]):
        b -= 1
    if b < c and know.is_state(doc[b:c].text):
        return False   # "Armed Forces of the Russian Federation or ...": a State closes the complement
    if len(run) and run[-1].lower_ in know.filters["org_head"]:
        return False   # "... or National Guard": a second body
    if (not len(run) or names_itself(run, know) or know.gazetteer.lookup(text) or know.is_state(text)
            or text.lower() in know.filters["generic"] or elsewhere(c + 1)
            or nxt.lower_.rstrip(".") in know.filters["honorific"] | know.filters["complement_stop"]):
        return False
    return True


def abbreviated_honorific(token, know) -> bool:
    """"Mr.", "Dr.", "H.E.": an honorific with its abbreviation's full stop."""
    return token.text.endswith(".") and token.lower_.rstrip(".") in know.filters["honorific"]
