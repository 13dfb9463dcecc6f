"""Speakers and organisations in a write-up: those the registries hold, however the write-up spells them, and
new ones where the text introduces a speaker ("The speaker was ...", "a presentation from ...", "X, CEO of Y").

A speaker of the meeting is a person of the registry the write-up names in a speaking part: introduced, given
a role ("X, CEO of Y"), saying, suggesting or describing something, or heading the part that holds their
presentation. A key point is given a speaker only where its paragraph says that speaker said it (or it stands
under a heading that is the speaker's name).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from notes_core.model import Organisation, Speaker

PARTICLES = {"ben", "bin", "bint", "de", "da", "del", "della", "der", "di", "du", "la", "le", "van", "von", "al", "el"}
NAME_WORD = r"[A-Z][\w’'-]*"
NAME = re.compile(rf"{NAME_WORD}(?:[ \u00a0](?:(?:{'|'.join(sorted(PARTICLES))})[ \u00a0])?{NAME_WORD}){{0,4}}")
REPORTING = (
    r"said|says|suggested|suggests|pointed out|points out|described|describes|spoke|speaks|shared|shares|explained|"
    r"explains|argued|argues|noted|notes|felt|feels|believes|believed|thinks|thought|reflected|reflects|told|"
    r"quoted|introduced|introduces|presented|presents|talked|talks|added|adds|observed|warned|reminded|asked|"
    r"emphasised|emphasized|stressed|highlighted|recalled|has found|found|drew on|gave|outlined|proposed|urged|"
    r"chaired|hosted|facilitated|welcomed|recommended"
)
REPORTING_AFTER = re.compile(rf"(?:,[^,.;:]{{1,120}},)?(?:\s+\w+ly)?\s+(?:{REPORTING})\b")
REPORTING_BEFORE = re.compile(
    rf"(?:\b(?:{REPORTING})|according to|presentation(?:s)? (?:was |were )?(?:given )?(?:from|by)|followed by|"
    rf"heard from|speakers? (?:was|were|is)|talk (?:from|by)|thanks to)\s+(?:(?:our|the|a) [\w -]{{1,40}} )?$"
)
INTRODUCED = re.compile(
    r"(?:speakers? (?:was|were|is|are)|followed by|presentations? (?:from|by)|heard from|talk (?:from|by)|"
    r"joined by|welcomed)\s+(?:(?:our|the|a) [\w -]{1,40} )?$",
    re.I,
)
ROLE_VERB = re.compile(rf"\s+(?:who|which|and she|and he)\b|\s+(?:{REPORTING})\b")
ORGANISATION_WORDS = re.compile(
    r"\b(?:Trust|Council|Foundation|Network|Association|Coalition|Alliance|Partnership|Centre|Center|Institute|"
    r"Forum|Collective|Consulting|Group|Groups|Service|Services|Charity|Agency|Commission|University|"
    r"College|CIC|Ltd|Limited|Housing|YMCA|YWCA|Project|Club|Church|Federation|Union|Society|Hub|Trust’s|Network’s)$"
)
LEADING_WORDS = {"as", "and", "but", "so", "then", "when", "while", "also", "here", "however", "finally", "meanwhile"}
NOT_PEOPLE = {"the", "a", "an", "our", "this", "that", "these", "those", "in", "on", "at", "for", "and", "but", "it"}


@dataclass(frozen=True)
class Mention:
    speaker: str  # a registry id, or "" for a new person
    name: str  # as the write-up spells it
    start: int
    end: int
    exact: bool  # spelt as the registry has it (its name or an alias)


def normalise_name(name: str) -> str:
    name = name.replace("’", "'").replace("-", " ").replace("\u00a0", " ").replace(".", " ")
    return " ".join(name.casefold().split())


class SpeakerFinder:
    """Finds the registry's speakers in text: by name or alias, by a spelling close to one, and by first name
    where the write-up names that speaker in full elsewhere."""

    def __init__(self, speakers: dict[str, Speaker]):
        self.speakers = speakers
        self.spellings: dict[str, str] = {}
        for speaker in speakers.values():
            for spelling in (speaker.name, *speaker.aliases):
                self.spellings[normalise_name(spelling)] = speaker.id
        first: dict[str, set[str]] = {}
        for speaker in speakers.values():
            first.setdefault(normalise_name(speaker.name).split(" ")[0], set()).add(speaker.id)
        self.first_names = {name: next(iter(ids)) for name, ids in first.items() if len(ids) == 1}

    def full_mentions(self, text: str) -> list[Mention]:
        mentions = []
        for found in NAME.finditer(text):
            span = found.group(0)
            starts = [m.start() for m in re.finditer(r"\S+", span)]
            words = span.split()
            index = 0
            while index < len(words) - 1:
                # The longest span first: "Cate Newnes Smith" before "Cate Newnes"; "As Cate ..." from "Cate".
                for size in range(len(words) - index, 1, -1):
                    candidate = " ".join(words[index : index + size])
                    ident, exact = self.lookup(candidate)
                    if ident:
                        start = found.start() + starts[index]
                        mentions.append(Mention(ident, candidate, start, start + len(candidate), exact))
                        index += size - 1
                        break
                index += 1
        return mentions

    def lookup(self, name: str) -> tuple[str, bool]:
        key = normalise_name(name)
        if key in self.spellings:
            return self.spellings[key], True
        close = difflib.get_close_matches(key, list(self.spellings), n=1, cutoff=0.85)
        if close and key.split(" ")[0][:3] == close[0].split(" ")[0][:3] and len(key.split()) >= 2:
            return self.spellings[close[0]], False
        return "", False

    def first_name_mentions(self, text: str, named: set[str]) -> list[Mention]:
        """'Cate', 'Steve': a first name alone, for a speaker named in full elsewhere in the write-up."""
        mentions = []
        for found in re.finditer(r"\b[A-Z][\w’'-]+\b", text):
            ident = self.first_names.get(normalise_name(found.group(0)))
            if ident and ident in named:
                following = text[found.end() : found.end() + 2]
                if following.startswith(" ") and following[1:2].isupper():
                    continue  # the first word of another full name
                mentions.append(Mention(ident, found.group(0), found.start(), found.end(), True))
        return mentions


def speaking(text: str, mention: Mention) -> bool:
    """Whether the text has this person speak: introduced, given a role, or with a reporting verb beside them."""
    before, after = text[max(0, mention.start - 80) : mention.start], text[mention.end : mention.end + 160]
    if REPORTING_BEFORE.search(before.lower()) or INTRODUCED.search(before):
        return True
    if REPORTING_AFTER.match(after):
        return True
    return (
        after.startswith(", ")
        and bool(re.match(r", (?:the |our |a |an )?[a-zA-Z‘’-]", after))
        and (is_role(role_after(after)) or REPORTING_AFTER.search(after[:120]) is not None)
    )


def role_after(after: str) -> str:
    """'CEO of Surrey Youth Focus' in ', CEO of Surrey Youth Focus, who drew on ...'."""
    if not after.startswith(", "):
        return ""
    rest = after[2:]
    end = len(rest)
    for stop in (re.search(r"[.;:](?:\s|$)", rest), ROLE_VERB.search(rest)):
        if stop:
            end = min(end, stop.start())
    role = rest[:end]
    # ', CEO of X, who ...': the role ends at the comma before 'who'; a comma inside the role is kept when what
    # follows it is still the role ('previously X, and now working independently').
    if ", who" in rest[: end + 6] or role.endswith(","):
        role = role.rsplit(",", 1)[0] if role.endswith(",") else role
    return role.strip(" ,")


ROLE_WORD = re.compile(
    r"(?i)\b(?:ceo|chief|director|head|chair|manager|officer|founder|co-founder|convenor|co-convenor|lead|leader|"
    r"thought-leader|trustee|coordinator|co-ordinator|president|secretary|member|previously|former|formerly|"
    r"editor|professor|researcher|fellow|adviser|advisor|consultant|minister|mayor|councillor|partner|worker|"
    r"organiser|organizer|volunteer)\b"
)


def is_role(role: str) -> bool:
    return 0 < len(role) <= 300 and len(role.split()) <= 30 and ROLE_WORD.search(role) is not None


def looks_like_person(name: str, organisations: Iterable[Organisation]) -> bool:
    words = name.split()
    if not 2 <= len(words) <= 4 or words[0].lower() in NOT_PEOPLE or ORGANISATION_WORDS.search(name):
        return False
    if any(w.isupper() and len(w) > 1 for w in words):  # initials such as NHS, MEAM
        return False
    key = normalise_name(name)
    return not any(key == normalise_name(n) for org in organisations for n in (org.name, *org.names))


def new_person_mentions(text: str, finder: SpeakerFinder, organisations: Iterable[Organisation]) -> list[Mention]:
    """People the registry lacks whom the text introduces as speakers."""
    organisations = list(organisations)
    found = []
    for match in NAME.finditer(text):
        words = match.group(0).split()
        start = match.start()
        while words and words[0].lower() in LEADING_WORDS:
            start += len(words[0]) + 1
            words.pop(0)
        while words and words[-1].lower() in PARTICLES:
            words.pop()
        name = " ".join(words)
        if finder.full_mentions(name) or not looks_like_person(name, organisations):
            continue
        mention = Mention("", name, start, start + len(name), True)
        before = text[max(0, start - 80) : start]
        at_sentence_start = match.start() == 0 or bool(
            re.search(r"[.!?:]\s+$|^\s*$", text[max(0, match.start() - 3) : match.start()])
        )
        after = text[mention.end : mention.end + 160]
        introduced = INTRODUCED.search(before) is not None
        reported = at_sentence_start and REPORTING_AFTER.match(after) is not None
        given_role = at_sentence_start and after.startswith(", ") and is_role(role_after(after))
        if introduced or reported or (given_role and speaking(text, mention)):
            found.append(mention)
    return found


ORGANISATION_SPAN = re.compile(r"[A-Z][\w&’'-]*(?:\s(?:(?:of|for|and|&|the|in|on)\s)?[A-Z][\w&’'()-]*)*")
ARTICLE_BEFORE = re.compile(r"(?i)\b(?:a|an|each|every|any|another)\s+$")


class OrganisationFinder:
    """The registry's organisations in text by any of their names, and names that look like new organisations
    (capitalised words ending in Trust, Council, Network, ...), which the registry lacks."""

    def __init__(self, organisations: dict[str, Organisation]):
        self.organisations = organisations
        self.spellings = {normalise_name(n): org.id for org in organisations.values() for n in (org.name, *org.names)}
        self.pattern = (
            re.compile(
                r"\b(?:"
                + "|".join(
                    re.escape(n)
                    for n in sorted(
                        {n for o in organisations.values() for n in (o.name, *o.names)}, key=len, reverse=True
                    )
                )
                + r")\b"
            )
            if organisations
            else None
        )

    def known(self, text: str) -> list[str]:
        found: list[str] = []
        for match in self.pattern.finditer(text) if self.pattern else ():
            ident = self.spellings.get(normalise_name(match.group(0)))
            if ident and ident not in found:
                found.append(ident)
        return found

    def new(self, text: str) -> list[str]:
        """Names of organisations the registry does not hold, as the text spells them."""
        blanked = self.pattern.sub(lambda m: " " * len(m.group(0)), text) if self.pattern else text
        names: list[str] = []
        for match in ORGANISATION_SPAN.finditer(blanked):
            words = match.group(0).split()
            while words and words[0] in ("The", "Our", "A", "An", "In", "At", "For", "And"):
                words.pop(0)
            while words and words[-1] in ("of", "for", "and", "&", "the", "in", "on"):
                words.pop()
            name = " ".join(words)
            if len(words) < 2 or not ORGANISATION_WORDS.search(name):
                continue
            if ARTICLE_BEFORE.search(blanked[max(0, match.start() - 12) : match.start()]):
                continue  # 'an NHS Trust': a kind, not a name
            if normalise_name(name) not in self.spellings and name not in names:
                names.append(name)
        return names

    def in_role(self, role: str) -> tuple[str, str]:
        """(known id, '') or ('', new name) for the organisation a role names ('CEO of Surrey Youth Focus')."""
        known = self.known(role)
        if known:
            return known[0], ""
        new = self.new(role)
        if new:
            return "", new[0]
        tail = re.search(
            r"\b(?:of|at|from|for)\s+(?:the\s+)?([A-Z][\w&’'-]*(?:\s(?:(?:of|for|and|&)\s)?[A-Z][\w&’'-]*)+)", role
        )
        return ("", tail.group(1)) if tail else ("", "")
