"""Units named by a class head and a list of portfolios (French, Spanish): "Ministerio de Relaciones
Exteriores y Cooperación Internacional" -> "Ministry of Foreign Affairs and International
Cooperation", "Ministère de l'éducation, de l'université et de la recherche" -> "Ministry of
Education, Universities and Research".

No word list of its own: the portfolios and the English order of each head are read from the
language's gazetteer rows. A row whose French/Spanish form is a head (org_filters.jsonl
`english_head`), "de"/"del"/"des" (`of_connector`) and a complement, and whose English name is
the head's English word, "of" and a complement ("Ministerio de Cooperación Internacional" ->
"Ministry of International Cooperation"), gives the pair of complements. A head is composed this
way only when its English rows name it "<Head> of X" nearly always (Ministry, Department, Office:
English writes "Engineering Section", "Statistics Division", so those heads are left out). The
composed name joins the portfolios as English notes write them: commas and a last "and".
English has no `english_head`: nothing is learnt and nothing composed."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

# a head is composed "<Head> of X" when this share of its rows, and at least MIN_ROWS of them, say so
OF_SHARE, MIN_ROWS = 0.8, 5


@dataclass(frozen=True)
class Portfolios:
    heads: frozenset[str]                    # the language's heads (lowercase) composed "<Head> of X"
    phrases: dict[str, str]                  # a complement as the language writes it (lowercase) -> English
    longest: int                             # the most tokens a complement has (whitespace-split)


def learn_portfolios(orgs, heads: dict[str, str], of_words, articles) -> Portfolios:
    """The complements and heads of these gazetteer rows (`orgs`: Org records whose aliases hold the
    language's forms; `heads`: english_head pairs)."""
    of_re = "|".join(re.escape(w) for w in sorted(of_words, key=len, reverse=True))
    art_re = "|".join(re.escape(a) for a in sorted(articles, key=len, reverse=True))
    # "de l'", "de la", "del", "des", "d'": the connector, then maybe an article (an elided one glued)
    rest_re = re.compile(rf"^(?:{of_re})(?:\s+|(?<=['’]))(?:(?:{art_re})(?:\s+|(?<=['’])))?(.+)$") if of_re else None
    by_length = sorted(heads, key=len, reverse=True)
    phrases: dict[str, dict[str, set[str]]] = {}   # head -> complement -> English
    order: dict[str, Counter] = {}
    for org in orgs:
        for form in org.aliases:
            low = " ".join(form.lower().split())
            head = next((h for h in by_length if low.startswith(h + " ")), None)
            if head is None or rest_re is None:
                continue
            m = rest_re.match(low[len(head) + 1:])
            if not m:
                continue
            english = heads[head]
            counts = order.setdefault(head, Counter())
            m_en = re.match(rf"^{re.escape(english)} of (?:the )?(.+)$", org.name)
            if m_en and not org.acronym:
                counts["of"] += 1
                phrases.setdefault(head, {}).setdefault(m.group(1), set()).add(m_en.group(1))
            else:
                counts["other"] += 1
    composed = frozenset(h for h, c in order.items() if c["of"] >= MIN_ROWS and c["of"] >= OF_SHARE * sum(c.values()))
    # a composed head's complements only (a ministry's portfolios, not an office's "Ombudsman"); one
    # complement with two English names is none
    pooled: dict[str, set[str]] = {}
    for head in composed:
        for k, v in phrases.get(head, {}).items():
            pooled.setdefault(k, set()).update(v)
    single = {k: next(iter(v)) for k, v in pooled.items() if len(v) == 1}
    return Portfolios(composed, single, max((len(k.split()) for k in single), default=0))


def portfolio_list(doc, c: int, taken, portfolios: Portfolios, of_words, articles, conjunctions):
    """(end, [English complements]) of the portfolios listed from token c ("Relaciones Exteriores y
    Cooperación Internacional", "l'éducation, de l'université et de la recherche"), at least two of
    them; None when the words at c are no such list. Each one after the first follows a comma or a
    conjunction, then maybe the connector and an article again."""
    found, i, n = [], c, len(doc)
    while True:
        hit = None
        for k in range(min(portfolios.longest * 2, n - i), 0, -1):
            if any(taken[i:i + k]):
                continue
            english = portfolios.phrases.get(" ".join(doc[i:i + k].text.lower().split()))
            if english is not None:
                hit = (i + k, english)
                break
        if hit is None:
            break
        found.append(hit[1])
        i = end = hit[0]
        # the next one: ", " or a conjunction, then maybe "de" and an article ("et de la recherche")
        j = i
        if j < n and doc[j].text == ",":
            j += 1
        if j < n and doc[j].lower_ in conjunctions:
            j += 1
        if j == i or j < n and taken[j]:
            break
        if j < n and doc[j].lower_ in of_words:
            j += 1
        if j < n and doc[j].lower_ in articles:
            j += 1
        i = j
    if len(found) < 2:
        return None
    return end, found


def english_list(parts: list[str]) -> str:
    """"Education", "Universities", "Research" -> "Education, Universities and Research"."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
