"""`composed_units`: the bodies a language names by a class head of its own,
its name adjectives and a known body or State as complement ("Bureau du
Comité spécial" -> "Bureau of the Special Committee"), given the English name
English notes write (org_filters.jsonl `english_head`, `english_adjective`,
`own_board`). Used by `org_matcher` (the `unnotes_orgs` component).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from pipeline.nlp.org_portfolios import english_list, portfolio_list
from pipeline.nlp.orgs import OrgKnowledge, _is_ordinal, _run_end, is_acronym, name_goes_on

MAX_HEAD_TOKENS = 4        # the longest class head phrase ("Conseil d'administration", "Groupe de travail")


def composed_units(doc: Doc, kept: list, taken: list[bool], know: OrgKnowledge) -> list[tuple[int, int, str]]:
    """(start, end, English name) of the bodies a language names by a class head of its own, its name
    adjectives and a known body or State as its complement, none of them listed: "Bureau du Comité
    spécial" -> "Bureau of the Special Committee", "Sous-Comité technique" -> "Technical
    Subcommittee", "Conseil d'administration du PNUD" -> "Executive Board of UNDP", "Asamblea
    Nacional de Kuwait" -> "National Assembly of Kuwait". The English name is composed as English
    notes write such a unit (org_filters.jsonl `english_head`, `english_adjective`: adjectives before
    the head, "of the" + the body's canonical name, "of" + its acronym as written or the State's UN
    name). A head with no adjective and no known complement, or a name that goes on with words the
    pairs do not know, is left to the other rules. Nothing in a language without `english_head`."""
    heads, adjectives = know.filters.english.get("english_head"), know.filters.english.get("english_adjective", {})
    if not heads:
        return []
    of = know.filters["of_connector"]
    firsts = {h.split()[0].split("'")[0].split("’")[0] for h in heads}   # a head's first word, to skip the rest fast
    body_at = {s: (e, org) for s, e, org in kept}
    found = []
    i, n = 0, len(doc)
    while i < n:
        # (not a numbered meeting: "131e Assemblée de l'Union interparlamentaire", "la 131ª Asamblea de ...")
        if (taken[i] and i not in body_at or not doc[i].text[:1].isupper() or doc[i].lower_ not in firsts
                or i > 0 and (_is_ordinal(doc[i - 1].text, know.filters) or doc[i - 1].text[:1].isdigit())):
            i += 1
            continue
        # the head and its adjectives are free words, or exactly a known body's name ("Conseil d'administration",
        # "Assemblée nationale") which the complement makes a unit of its own
        own = body_at.get(i, (i, None))[0]
        head_end = next((i + k for k in range(min(MAX_HEAD_TOKENS, n - i), 0, -1)
                         if doc[i:i + k].text.lower() in heads and not any(taken[own:i + k])), None)
        if head_end is None:
            i += 1
            continue
        english = [heads[doc[i:head_end].text.lower()]]
        listed = _portfolio_unit(doc, i, head_end, own, taken, know)
        if listed is not None:
            found.append(listed)
            i = listed[1]
            continue
        j = head_end
        adjs = []
        while j < n and (j < own or not taken[j]) and doc[j].lower_ in adjectives:
            adjs.append(adjectives[doc[j].lower_])
            j += 1
        # a unit's whole name that a language's own row gives (local: "Ministère des affaires étrangères", "Division
        # de statistique") before the complement: "... de l'Ukraine" -> "Ministry of Foreign Affairs of Ukraine"; a
        # body of the shared gazetteer is a body of its own ("Assemblée générale de l'Organisation des États
        # américains" is the OAS General Assembly, "Bureau des affaires spatiales du Secrétariat" UNOOSA)
        whole = None
        if j < own:
            if not body_at[i][1].local:
                i = own
                continue
            whole, english, adjs, j = body_at[i][1], [body_at[i][1].name], [], own
        end, complement, comp_org, of_state = j, "", None, False
        c = j
        if c < n and doc[c].lower_ in of and not taken[c]:
            c += 1
            if c < n and doc[c].lower_ in know.articles and not taken[c]:
                c += 1
            if c in body_at:
                e, org = body_at[c]
                comp_org = org
                written = doc[c:e].text
                if whole is not None and is_acronym(written):
                    i = e   # "Comité d'experts de la pharmacodépendance de l'OMS": English writes the
                    continue   # acronym before the unit ("WHO Expert Committee"), or leaves it out
                complement = org.acronym if org.acronym and is_acronym(written) else "the " + org.name
                end = e
            elif c < n and not taken[c]:
                # the State the State rules found there ("Federación de Rusia"), or a capitalised run naming one
                state = next((s for s in doc.spans.get("candidates", []) if s.start == c and s.label_ == "STATE"), None)
                r = state.end if state is not None else _run_end(doc, c, know)
                iso3 = (state.kb_id_ if state is not None else know.is_state(doc[c:r].text)) if r > c else None
                if iso3 and know.state_name(iso3):
                    complement, end, of_state = english_state(know.state_name(iso3), know), r, True
            if not complement:
                i = j   # a complement the rules cannot name in English: the body is left to the other rules
                continue
        elif whole is not None or not adjs or not all(doc[a].text[:1].isupper() for a in range(head_end, j)):
            # no complement: only adjectives written as a name's ("Subcomité Técnico"); a lowercase one is a
            # phrase as often ("le programme national", "un centre régional")
            i = j
            continue
        text = doc[i:end].text
        # a name that goes on ("Centre régional pour le ...", "Comisión de las Naciones Unidas sobre ...", "... des
        # Nations Unies chargé de ...", "Ministère de la santé et de ..."), a State's own name ("Fédération de Russie"), a drop phrase ("Mission
        # permanente de l'Argentine") or a known name is no composed unit
        before = comp_org is not None and comp_org.name.lower() in know.filters["complement_before_head"]
        goes_on = end < n and (doc[end].lower_ in know.filters["connector"] - know.conjunctions and doc[end].text.islower()
                               and not (of_state and not _capital_after(doc, end + 1, know))
                               or name_goes_on(doc, end, know) or doc[end].lower_ in know.filters["name_participle"]
                               or not complement and doc[end].is_alpha and doc[end].text[:1].isupper()
                               and not doc[end].is_sent_start)   # "Comité Regional Asesor de ..."
        if (goes_on or know.is_state(text) or any(p in text.lower() for p in know.filters["drop_phrase"])
                or know.gazetteer.lookup(text) or end - i < 2):
            i = max(j, i + 1)
            continue
        named = " ".join(adjs[::-1] + english)
        if whole is not None and before:
            i = end   # "Département des affaires politiques de l'ONU": the known body itself
            continue
        if before:
            name = comp_org.name + " " + named   # "United Nations Standing Advisory Committee"
        else:
            name = named + (" of " + complement if complement else "")
        found.append((i, end, name))
        i = end
    return found


def _portfolio_unit(doc: Doc, i: int, head_end: int, own: int, taken: list[bool], know: OrgKnowledge):
    """(start, end, English name) of a head and a list of portfolios ("Ministerio de Educación,
    Universidades e Investigación" -> "Ministry of Education, Universities and Research"), the first
    of them maybe a language's own row's ("Ministerio de Relaciones Exteriores" + "y Cooperación
    Internacional"); None when the head is no "<Head> of X" head or no list follows (org_portfolios)."""
    portfolios = know.portfolios
    head = doc[i:head_end].text.lower()
    of = know.filters["of_connector"]
    if head not in portfolios.heads or head_end >= len(doc) or doc[head_end].lower_ not in of:
        return None
    c = head_end + 1
    if c < len(doc) and doc[c].lower_ in know.articles:
        c += 1
    free = [t and not (i <= k < own) for k, t in enumerate(taken)]   # the own row's words may be read again
    listed = portfolio_list(doc, c, free, portfolios, of, know.articles, know.conjunctions)
    if listed is None:
        return None
    end, parts = listed
    if end < own or end < len(doc) and (name_goes_on(doc, end, know) or doc[end].lower_ in know.filters["name_participle"]):
        return None
    if know.gazetteer.lookup(doc[i:end].text):
        return None
    return i, end, f"{know.filters.english['english_head'][head]} of {english_list(parts)}"


def english_state(un_name: str, know: OrgKnowledge) -> str:
    """A State's UN name as English writes it after "of" in a body's name: "Ukraine", "the Russian
    Federation" (a first word of org_filters.jsonl `english_state_article`), "the Plurinational State
    of Bolivia" for "Bolivia (Plurinational State of)"."""
    m = re.fullmatch(r"(.+?) \((.+ of(?: the)?)\)", un_name)
    if m:
        return f"the {m.group(2)} {m.group(1)}"
    first = un_name.split()[0] if un_name.split() else ""
    return f"the {un_name}" if first.lower() in know.filters["english_state_article"] else un_name


def _capital_after(doc: Doc, k: int, know: OrgKnowledge) -> bool:
    """doc[k], or the word after an article there, is capitalised: a State complement's name goes on
    only with a name ("... de l'Ukraine pour la Paix"), not with a phrase ("... de Ucrania sobre el
    bombardeo")."""
    if k < len(doc) and doc[k].lower_ in know.articles:
        k += 1
    return k < len(doc) and doc[k].text[:1].isupper()
