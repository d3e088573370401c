"""What a recommendation unit's place in the note says about it (used by `pipeline/nlp/recommendations.py`).

- A numbered item of a UPR recommendations list that the layout read as a heading (it has no closing ";", so it
  looks like a title line: "155.60 Expand its policies ... (State of Palestine)", "15. Implement fully ...
  (Russian Federation) and continue ... (Dominican Republic)") is a list item: it opens with a list marker and
  ends with recommending States in parentheses, every one in the State gazetteer. A heading never ends so, and
  read as a heading it would end the recommendations section, so that every later item not opening with a known
  imperative ("Cognizant of ..., consider", "Narrow the definition ...") was lost.
- A UPR item that ends with its States and a colon ("... health (Chile):") is an item, not a lead-in.
- Under some headings a cue is no cue (an exclusion of kind `section` with `cues`: it silences those cue labels
  under a matching heading, where one without `cues` vetoes everything there): in the
  State under review's presentation and the interactive dialogue of a UPR report, "could"/"might" describe what a
  law allows or a plan will bring ("prisoners could be separated in groups", "Courts could reduce sentences"),
  while the States' proposals there are worded "recommended"/"encouraged"/"should".

Plain functions over text and the compiled rules; no state.
"""

from __future__ import annotations

import re

# A list marker that opens a block ("155.60 ", "15. ", "(c) ")
_MARKER = re.compile(r"^\s*(?:\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}[.)]|\([a-z]{1,4}\))\s+")


def closing_states(body: str, rules) -> list[str]:
    """The recommending States that close `body` (a trailing ":" allowed), each one a State of the gazetteer;
    [] when the parentheses hold anything else."""
    from pipeline.nlp.recommendations import trailing_states

    text = body.rstrip()
    if text.endswith(":"):
        text = text[:-1]
    if not text.rstrip(" ;.,").endswith(")"):
        return []
    names = trailing_states(text, rules.is_state, rules.grammar.get("state_part_end"))
    if not names or not all(_states_only(n, rules.is_state) for n in names):
        return []
    return names


def _states_only(inner: str, is_state) -> bool:
    if is_state(inner):
        return True
    parts = [p.strip() for p in re.split(r",|\band\b", inner) if p.strip()]
    return len(parts) > 1 and all(is_state(p) for p in parts)


def heading_is_item(btext: str, rules) -> bool:
    """Whether a block read as a heading is a numbered UPR list item: a list marker, then text closed by
    recommending States in parentheses."""
    m = _MARKER.match(btext)
    if not m or rules.is_state is None:
        return False
    body = re.sub(r"\s+", " ", btext[m.end():]).strip()
    return len(body.split()) >= 4 and bool(closing_states(body, rules))


def item_with_states_colon(body: str, rules) -> bool:
    """Whether a unit ending with ":" is a UPR item whose States close it ("... and health (Chile):"), so no
    lead-in."""
    return body.rstrip().endswith(":") and bool(closing_states(body, rules))


def silenced_cues(section: str, rules) -> frozenset[str]:
    """The cue labels that are no cue under the heading `section` (exclusions of kind `section` with `cues`)."""
    if not section:
        return frozenset()
    out: set[str] = set()
    for _, kind, regex, only in rules.exclusions:
        if kind == "section" and only and regex.search(section):
            out |= only
    return frozenset(out)


def skip_silenced(body: str, found, silenced: frozenset[str], rules):
    """The first cue of `body` from `found` on whose label is not silenced; None when none is left."""
    from pipeline.nlp.recommendations import find_cue

    while found and found[0].label in silenced:
        cue, cs, ce = found
        nxt = find_cue(body[ce:], rules)
        found = (nxt[0], ce + nxt[1], ce + nxt[2]) if nxt else None
    return found


_NUMBER = re.compile(r"^\s*(\d{1,3})[.)]\s")


def numbering_jumps(last: str, btext: str) -> bool:
    """Whether a numbered block leaves the list whose latest item is `last`: both plain numbers ("43." then
    "90."), the new one not the next ("90. The response of Guatemala to these recommendations will be included
    ..." after item "43." is the report's own paragraph numbering again, not item 44)."""
    a = re.fullmatch(r"(\d{1,3})[.)]", last or "")
    b = _NUMBER.match(btext)
    return bool(a and b) and int(b.group(1)) != int(a.group(1)) + 1


# The next numbered item of a UPR list run into the item before it by the layout: "... (Brazil); 63.16. Consider
# ..." (the split is made after the ";" and its spaces)
_EMBEDDED_ITEM = re.compile(r"\)\s*;?\s+(?=\d{1,3}\.\d{1,3}\.?\s+[A-Z])")


def split_embedded_items(text: str, units: list[tuple[int, int, object]]) -> list[tuple[int, int, object]]:
    """`units` (start, end, first cue or None) with each one cut where a sub-numbered UPR item starts inside it
    after a closing parenthesis ("(Brazil); 63.16. Consider ..."); a cut unit's cue is found again."""
    out: list[tuple[int, int, object]] = []
    for s, e, found in units:
        cuts = [m.end() for m in _EMBEDDED_ITEM.finditer(text, s, e)]
        if not cuts:
            out.append((s, e, found))
            continue
        bounds = [s] + cuts + [e]
        out += [(a, b, None) for a, b in zip(bounds, bounds[1:]) if b > a]
    return out
