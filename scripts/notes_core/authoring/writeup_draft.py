"""A write-up, read into blocks (read/writeup*.py), marked up as the six meetings of the archive are marked.

- The title is the write-up's first heading (or its first short line, or an email's subject); the question is
  quoted in the introduction ("The topic was ‘...’", "‘...’ was the question we explored").
- Parts: "Summary of key points", "Key points", "In more detail", "Discussion" and Word's or Markdown's level-2
  headings become `##` parts; other short lines without a full stop become `###` sub-headings.
- Key points: in a part, the paragraphs after its lead-in ("Here are some of the key points ...:", "The main
  points which emerged ... were:", "... made the following points:") are key points, one a paragraph, and what
  comes before the lead-in is the introduction. In a part without a lead-in, every paragraph is a key point but
  those that frame the meeting: one that quotes the meeting's question, one that speaks of the meeting itself
  ("In this cell", "Our focus this time", "We started with"), a speaker's introduction, and a line ending in a
  colon that leads into another paragraph. A list stays with the point before it (a list right after a lead-in
  is a list of points). A point whose paragraph opens with a label ("Resources.") keeps it as its title.
- Closing lines ("Further reading: ...", "Future meetings") end the key points: a heading of the write-up's own
  (a "Future meetings" line) or, when it has none, a heading marked as the site's, before them.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from markdown.extensions.toc import slugify

from notes_core.authoring.recognise import (
    Mention,
    OrganisationFinder,
    SpeakerFinder,
    is_role,
    new_person_mentions,
    normalise_name,
    role_after,
    speaking,
)
from notes_core.authoring.suggest_themes import Suggestion, ThemeSuggester
from notes_core.check.fields import ID_PATTERN, MAX_ID
from notes_core.check.meeting import CLOSING_LINE
from notes_core.model import Organisation, Speaker
from notes_core.read.writeup_parts import Block, LeftOut, Writeup

PART_NAME = re.compile(
    r"(?i)(?:summary(?: of (?:the )?key points)?|(?:the )?key points|in more detail|(?:the )?discussion|"
    r"introduction|background|presentations?|(?:the )?speakers|questions and answers|q ?& ?a|breakout "
    r"(?:sessions|groups|discussions)|feedback|next steps|actions|conclusions?|summary of (?:the )?discussion)"
)
CLOSING_NAME = re.compile(
    r"(?i)(?:further reading|future meetings?|next meetings?|date of (?:the )?next meeting|upcoming meetings?|"
    r"useful links|links|references|forthcoming meetings?)"
)
LEAD_IN = re.compile(
    r"(?i).*\b(?:points?|themes?|messages|takeaways|issues|ideas|reflections|observations)\b[^.?!]{0,80}:\s*"
    r"|.*\b(?:emerged|were made|was made|were raised|included)\b[^.?!]{0,40}:\s*"
)
FRAMING = re.compile(
    r"(?i)^(?:(?:in|at|during|for|from) (?:this|the|today’s|today's) (?:cell|meeting|session|call|webinar|workshop|"
    r"gathering)\b|our focus\b|(?:we|the meeting|the session) (?:started|began|opened|finished|ended|closed) "
    r"(?:with|by)\b)"
    r"|\b(?:first|second|third|next|other|our|the|guest) speakers? (?:was|were|is|are)\b|"
    r"\bintroduced the (?:model|meeting|session|discussion|topic|theme)\b|\bchaired by\b|"
    r"\bwelcomed (?:everyone|participants)\b"
)
QUESTION_CUE = re.compile(
    r"(?i)\b(?:topic|question|theme|focus|title|subject)s?\b[^‘“'\"]{0,80}[‘“]|explored the following|"
    r"[’”] ?(?:was|were) the (?:question|topic|theme)s?"
)
QUOTE = re.compile(r"[‘“]([^’”]{10,1000}?)[’”](?=[\s.,;:)]|$)")
# A quoted question may quote in turn ("‘... can we ‘let go’ when we collaborate ...?’") and hold apostrophes.
QUESTION_QUOTE = re.compile(
    r"[‘“]((?:[^‘’“”]|’(?=\w)|‘[^‘’“”]{1,200}’(?=[\s.,;:?!)])|“[^“”]{1,200}”){10,1000}?)[’”](?=[\s.,;:)]|$)"
)
LABEL = re.compile(r"((?:[A-Z‘][\w’'‘-]*)(?: [\w’'‘-]+){0,6})([.:])\s+(?=[A-Z‘“(0-9])")
FINITE = re.compile(
    r"(?i)\b(?:is|are|was|were|be|been|can|could|may|might|must|should|will|would|need|needs|has|have|had|do|does|"
    r"did|it|we|they|there|this|these|those|he|she|i|you)\b"
)
ANNOUNCEMENT = re.compile(r"(.{3,80}?\d.{0,40}?)\.\s+(.{5,300}?)(?::\s+|\s+[–-]\s+)(.{5,1000})")
HEADING_WORDS = 14
TITLE_WORDS = re.compile(r"(?i)(?:joining forces|notes? (?:of|from)|meeting)\b")
SITE_NOTE = (
    '!!! note "Heading added by this site"\n'
    "    The notes give no heading here: this one ends the key points before the notes' closing lines."
)


@dataclass
class DraftPoint:
    blocks: list[Block]
    level: int  # 3 under a part, 4 under a sub-heading
    label: str = ""
    speaker: str | None = None
    ident: str = ""
    suggestion: Suggestion = field(default_factory=lambda: Suggestion((), ()))
    already: tuple[str, str] | None = None  # (point id, meeting file) of a point on the site with the same words

    @property
    def text(self) -> str:
        return " ".join(block.text for block in self.blocks)


@dataclass
class Piece:
    """What the draft's body holds, in order: a heading, the write-up's text, or a key point."""

    kind: str  # "heading", "site-heading", "text", "items", "point"
    text: str = ""
    level: int = 0
    blocks: list[Block] = field(default_factory=list)
    point: DraftPoint | None = None


@dataclass(frozen=True)
class NewSpeaker:
    ident: str
    name: str
    organisation: str  # a registry id, a proposed one, or ""
    line: int


@dataclass(frozen=True)
class NewOrganisation:
    ident: str
    name: str
    line: int


@dataclass(frozen=True)
class Announced:
    when: str
    title: str
    question: str


@dataclass
class Draft:
    title: str
    question: str
    pieces: list[Piece]
    speakers: list[tuple[str, str]]  # (id, role as the write-up gives it, or "")
    new_speakers: list[NewSpeaker]
    new_organisations: list[NewOrganisation]
    fuzzy_names: list[tuple[str, str]]  # (spelling in the write-up, speaker id) where it is not a known spelling
    announced: list[Announced]
    left_out: list[LeftOut]
    notes: list[str]
    markdown: bool = False  # the write-up's text is Markdown, kept as it is

    @property
    def points(self) -> list[DraftPoint]:
        return [piece.point for piece in self.pieces if piece.point is not None]


def heading_like(block: Block) -> bool:
    """A short line without a full stop: a heading in plain text (or a bold line in Word)."""
    text = block.text.strip()
    if block.kind == "heading":
        return True
    if block.kind != "paragraph" or not text or len(text) > 110 or len(text.split()) > HEADING_WORDS:
        return False
    if text[-1] in ".?!:;,’”\"')" or (CLOSING_LINE.match(text) and ":" in text):
        return False
    return text[0].isupper() or text[0].isdigit() or text[0] in "‘“"


def build_draft(
    writeup: Writeup,
    speakers: dict[str, Speaker],
    organisations: dict[str, Organisation],
    suggester: ThemeSuggester,
    taken_ids: set[str],
    title_hint: str = "",
    question_hint: str = "",
) -> Draft:
    left_out = list(writeup.left_out)
    notes = list(writeup.notes)
    blocks = list(writeup.blocks)
    title, blocks = find_title(blocks, writeup, left_out, title_hint)
    question = question_hint.strip() or find_question(blocks)
    blocks = [as_heading(block) for block in blocks]
    finder = SpeakerFinder(speakers)
    organisation_finder = OrganisationFinder(organisations)
    pieces = mark_up(blocks, question)
    speaker_roles, new_speakers, fuzzy = find_speakers(pieces, finder, organisations)
    new_organisations = propose_organisations(pieces, organisation_finder, new_speakers, taken=set(organisations))
    new_speakers = [
        NewSpeaker(
            s.ident,
            s.name,
            s.organisation
            or next((o.ident for o in new_organisations if o.name and o.name in role_of(s, speaker_roles)), ""),
            s.line,
        )
        for s in new_speakers
    ]
    everyone = {**speakers, **{s.ident: Speaker(s.ident, s.name) for s in new_speakers}}
    attribute_points(pieces, SpeakerFinder(everyone), {ident for ident, _role in speaker_roles}, new_speakers)
    used = set(taken_ids)
    for point in (piece.point for piece in pieces if piece.point is not None):
        point.ident = unique_id(point_id(point), used)
        used.add(point.ident)
        point.suggestion = suggester.suggest(point.text)
    announced = find_announced(pieces)
    return Draft(
        title,
        question,
        pieces,
        speaker_roles,
        new_speakers,
        new_organisations,
        fuzzy,
        announced,
        left_out,
        notes,
        writeup.markdown,
    )


def role_of(speaker: NewSpeaker, roles: list[tuple[str, str]]) -> str:
    return next((role for ident, role in roles if ident == speaker.ident), "")


def find_title(blocks: list[Block], writeup: Writeup, left_out: list[LeftOut], hint: str) -> tuple[str, list[Block]]:
    """The title, and the blocks after it; a covering note before the title line is left out (and listed)."""
    for index, block in enumerate(blocks[:6]):
        if (block.kind == "heading" and block.level == 1) or (
            block.kind == "paragraph" and heading_like(block) and not PART_NAME.fullmatch(block.text.strip())
        ):
            # Only a line that reads as a title ends a covering note: the subject's words, or "Joining forces".
            after_note = block.kind != "heading" and index > 0 and not any(b.kind == "heading" for b in blocks[:index])
            titled = similar(block.text, writeup.subject) or similar(block.text, hint)
            if after_note and not titled and not TITLE_WORDS.match(block.text):
                continue
            for before in blocks[:index]:
                left_out.append(LeftOut(before.line, before.text, "covering note before the title"))
            return block.text.strip(), blocks[index + 1 :]
    subject = re.sub(r"(?i)^(?:(?:re|fwd?|fw)\s*:\s*)+", "", writeup.subject).strip()
    subject = re.sub(r"(?i)^(?:notes?|write-?up)\s*(?:of|from|:)?\s*(?:the\s+)?(?:meeting\s*)?[:,-]?\s*", "", subject)
    return (hint.strip() or subject or "FILL IN: the meeting's title"), blocks


def similar(a: str, b: str) -> bool:
    a, b = normalise_name(a), normalise_name(b)
    return bool(a and b) and (a in b or difflib.SequenceMatcher(None, a, b).ratio() >= 0.8)


def find_question(blocks: list[Block]) -> str:
    """The question or topic the introduction quotes."""
    for block in blocks[:12]:
        if (
            block.kind == "heading"
            and block.level <= 2
            and block is not blocks[0]
            and not PART_NAME.fullmatch(block.text)
        ):
            break
        text = block.text
        cue = QUESTION_CUE.search(text)
        start = 0 if cue is None or cue.group(0)[0] in "’”" else cue.start()
        quote = (QUESTION_QUOTE.search(text, start) or QUOTE.search(text, start)) if cue else None
        if cue and quote:
            inner = quote.group(1).strip()
            before = text[: quote.start()].strip()
            # "The advent of ... daunting. ‘So how should this best be approached?’ was the question ...": a short
            # quote that ends the paragraph's first sentences is asked in their context.
            if (
                len(inner.split()) < 10
                and re.search(r"[.?!]$", before)
                and text[quote.end() :].lstrip().startswith("was")
            ):
                return f"{before} ‘{inner}’"
            return inner
    for block in blocks[:8]:
        if block.kind == "paragraph" and block.text.rstrip().endswith("?") and len(block.text) < 600:
            return block.text.strip()
    return ""


def as_heading(block: Block) -> Block:
    if block.kind == "heading":
        level = 2 if block.level <= 2 or PART_NAME.fullmatch(block.text) or CLOSING_NAME.fullmatch(block.text) else 3
        return Block("heading", block.text.strip().rstrip(":"), block.line, level)
    if heading_like(block):
        text = block.text.strip()
        level = 2 if PART_NAME.fullmatch(text.rstrip(":")) or CLOSING_NAME.fullmatch(text.rstrip(":")) else 3
        return Block("heading", text, block.line, level)
    return block


def is_lead_in(block: Block) -> bool:
    return block.kind == "paragraph" and block.text.rstrip().endswith(":") and bool(LEAD_IN.fullmatch(block.text))


def is_framing(blocks: list[Block], index: int, question: str) -> bool:
    block = blocks[index]
    first = re.split(r"(?<=[.?!’])\s+(?=[A-Z‘])", block.text, maxsplit=1)[0]
    if FRAMING.search(first):
        return True
    if question and quotes_question(first, question):
        return True
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    return block.text.rstrip().endswith(":") and following is not None and following.kind == "paragraph"


def quotes_question(text: str, question: str) -> bool:
    for quote in QUOTE.finditer(text):
        a, b = normalise_name(quote.group(1)), normalise_name(question)
        if a and (a in b or difflib.SequenceMatcher(None, a, b).ratio() >= 0.6):
            return True
    return False


def mark_up(blocks: list[Block], question: str) -> list[Piece]:
    parts: list[list[Block]] = [[]]
    for block in blocks:
        if block.kind == "heading" and block.level == 2:
            parts.append([block])
        else:
            parts[-1].append(block)
    has_structure = any(is_lead_in(b) for b in blocks) or len(parts) > 1
    pieces: list[Piece] = []
    closing = False
    for number, part in enumerate(parts):
        if not part:
            continue
        heading = part[0] if part[0].kind == "heading" and part[0].level == 2 else None
        body = part[1:] if heading else part
        if heading:
            pieces.append(Piece("heading", heading.text, 2, [heading]))
            closing = bool(CLOSING_NAME.fullmatch(heading.text))
        if closing:
            pieces += [text_piece(b) for b in body]
            continue
        lead = next((i for i, b in enumerate(body) if is_lead_in(b)), None)
        if lead is None and number == 0 and has_structure:
            lead = len(body)  # the introduction, before the first part
        start = 0
        if lead is not None:
            for block in body[:lead]:
                pieces.append(text_piece(block))
            if lead < len(body) and heading is None:
                pieces.append(Piece("heading", "Key points", 2))
            if lead < len(body):
                pieces.append(text_piece(body[lead]))
            start = lead + 1
        closing = mark_points(body, start, lead is not None and lead < len(body), question, pieces)
    return pieces


def mark_points(body: list[Block], start: int, after_lead_in: bool, question: str, pieces: list[Piece]) -> bool:
    """Key points from body[start:]; True when a closing line was reached (the rest of the part is closing)."""
    level = 3
    current: DraftPoint | None = None
    previous_lead = after_lead_in
    labels = sum(1 for b in body[start:] if b.kind == "paragraph" and label_of(b) and not CLOSING_LINE.match(b.text))
    for index in range(start, len(body)):
        block = body[index]
        if block.kind == "heading":
            pieces.append(Piece("heading", block.text, 3, [block]))
            level, current, previous_lead = 4, None, False
            continue
        if block.kind == "paragraph" and CLOSING_LINE.match(block.text.strip()):
            name = CLOSING_LINE.match(block.text.strip())
            assert name is not None
            words = name.group(1)
            pieces.append(Piece("site-heading", words[:1].upper() + words[1:].lower(), 2))
            pieces += [text_piece(b) for b in body[index:]]
            return True
        if block.kind == "item":
            if current is not None and not previous_lead:
                current.blocks.append(block)
                continue
            if previous_lead:  # a list of key points
                current = DraftPoint([block], level)
                pieces.append(Piece("point", point=current))
                continue
            pieces.append(text_piece(block))
            continue
        previous_lead = False
        if is_lead_in(block):
            pieces.append(text_piece(block))
            current, previous_lead = None, True
            continue
        if is_framing(body, index, question):
            pieces.append(text_piece(block))
            current = None
            continue
        label = label_of(block) if labels >= 2 or block.bold_start else ""
        current = DraftPoint([block], level, label)
        pieces.append(Piece("point", point=current))
    return False


def label_of(block: Block) -> str:
    """'Resources' of 'Resources. To manage ...': a short opening phrase with no verb, set apart by a full stop or a
    colon (or set in bold)."""
    if block.bold_start:
        bold = block.bold_start.strip().rstrip(".:").strip()
        if 0 < len(bold.split()) <= 10:
            return bold
    found = LABEL.match(block.text)
    if not found or FINITE.search(found.group(1)) or "," in found.group(1):
        return ""
    return found.group(1).strip("*_ ")


def text_piece(block: Block) -> Piece:
    if block.kind == "heading":
        return Piece("heading", block.text, max(block.level, 2), [block])
    return Piece("items" if block.kind == "item" else "text", block.text, 0, [block])


def find_speakers(
    pieces: list[Piece], finder: SpeakerFinder, organisations: dict[str, Organisation]
) -> tuple[list[tuple[str, str]], list[NewSpeaker], list[tuple[str, str]]]:
    """The meeting's speakers (registry id, role as the write-up gives it), new people it introduces as speakers,
    and spellings that are close to a registry name without being one of its spellings."""
    texts: list[tuple[str, int, bool]] = []  # (text, line, is a heading)
    for piece in pieces:
        if piece.kind == "site-heading" or (piece.kind == "heading" and CLOSING_NAME.fullmatch(piece.text)):
            break
        for block in piece.point.blocks if piece.point else piece.blocks:
            texts.append((block.text, block.line, block.kind == "heading"))
    mentions: list[tuple[Mention, str, bool]] = []
    named: set[str] = set()
    for text, _line, is_heading in texts:
        for mention in finder.full_mentions(text):
            mentions.append((mention, text, is_heading))
            named.add(mention.speaker)
    for text, _line, is_heading in texts:
        for mention in finder.first_name_mentions(text, named):
            mentions.append((mention, text, is_heading))
    order: dict[str, tuple[int, str]] = {}
    fuzzy: list[tuple[str, str]] = []
    for position, (mention, text, is_heading) in enumerate(mentions):
        if not (is_heading and normalise_name(text) == normalise_name(mention.name)) and not speaking(text, mention):
            continue
        role = role_after(text[mention.end : mention.end + 400])
        role = role if is_role(role) else ""
        if mention.speaker not in order:
            order[mention.speaker] = (position, role)
        elif role and not order[mention.speaker][1]:
            order[mention.speaker] = (order[mention.speaker][0], role)
        if not mention.exact and (mention.name, mention.speaker) not in fuzzy:
            fuzzy.append((mention.name, mention.speaker))
    roles = [(ident, role) for ident, (_p, role) in sorted(order.items(), key=lambda item: item[1][0])]
    new: list[NewSpeaker] = []
    seen = set(finder.speakers)
    for text, line, is_heading in texts:
        candidates = new_person_mentions(text, finder, organisations.values())
        if is_heading and not candidates and re.fullmatch(r"[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){1,2}", text.strip()):
            candidates = [Mention("", text.strip(), 0, len(text.strip()), True)]
        for mention in candidates:
            ident = slugify(mention.name, "-")
            if not ID_PATTERN.match(ident) or ident in seen:
                continue
            seen.add(ident)
            role = role_after(text[mention.end : mention.end + 400])
            role = role if is_role(role) else ""
            known_org = OrganisationFinder(organisations).in_role(role)[0] if role else ""
            new.append(NewSpeaker(ident, mention.name, known_org, line))
            roles.append((ident, role))
    return roles, new, fuzzy


def propose_organisations(
    pieces: list[Piece], finder: OrganisationFinder, new_speakers: list[NewSpeaker], taken: set[str]
) -> list[NewOrganisation]:
    found: list[NewOrganisation] = []
    names: set[str] = set()
    for piece in pieces:
        if piece.kind == "site-heading":
            break
        for block in piece.point.blocks if piece.point else piece.blocks:
            for name in finder.new(block.text):
                ident = slugify(name, "-")[:MAX_ID].strip("-")
                if name in names or not ID_PATTERN.match(ident) or ident in taken:
                    continue
                names.add(name)
                taken.add(ident)
                found.append(NewOrganisation(ident, name, block.line))
    return found


SPEAKER_HEADING = re.compile(r"[A-Z][\w’'-]+(?: (?:[a-z]{2,4} )?[A-Z][\w’'-]+){1,3}")


def attribute_points(
    pieces: list[Piece],
    finder: SpeakerFinder,
    meeting_speakers: set[str],
    new_speakers: list[NewSpeaker],
) -> None:
    """A point's speaker: the one its paragraph has say it, or the one whose name heads the part it is in."""
    by_name = {normalise_name(s.name): s.ident for s in new_speakers}
    heading_speaker: str | None = None
    for piece in pieces:
        if piece.kind in ("heading", "site-heading"):
            heading_speaker = None
            if piece.level >= 3 and SPEAKER_HEADING.fullmatch(piece.text.strip()):
                ident, _exact = finder.lookup(piece.text.strip())
                heading_speaker = ident or by_name.get(normalise_name(piece.text))
            continue
        point = piece.point
        if point is None:
            continue
        text = point.blocks[0].text
        said = []
        mentions = finder.full_mentions(text) + finder.first_name_mentions(text, meeting_speakers)
        for mention in mentions:
            if mention.speaker in meeting_speakers and speaking(text, mention) and mention.speaker not in said:
                said.append(mention.speaker)
        for name, ident in by_name.items():
            if name and name in normalise_name(text) and ident not in said:
                said.append(ident)
        if len(said) == 1:
            point.speaker = said[0]
        elif not said and heading_speaker:
            point.speaker = heading_speaker


def point_id(point: DraftPoint) -> str:
    """From the label, or the first words that say something of the paragraph's first sentence."""
    if point.label:
        words = point.label
    else:
        first = re.split(r"(?<=[.?!])\s", point.blocks[0].text, maxsplit=1)[0]
        kept = [w for w in re.findall(r"[A-Za-z][A-Za-z’'-]*", first) if w.lower().replace("’", "'") not in ID_STOP]
        words = " ".join(kept[:4]) or "key point"
    ident = slugify(words.replace("’", "").replace("'", ""), "-")
    ident = re.sub(r"-{2,}", "-", ident).strip("-")[:48].strip("-")
    return ident if ID_PATTERN.match(ident) else "key-point"


ID_STOP = set(
    """
    a an the and or but of to in on at for from by with as is are was were be been being it its this that these
    those there here we our us they their them he she his her you your i can could may might must should would
    will shall not no so if then than also which who whom what when where while how all any some such more most
    very much many often always sometimes just only even however therefore furthermore instead above finally
    and’ it's it’s there's that's said suggested
    """.split()  # noqa: SIM905 - a word list reads better as words
)


def unique_id(ident: str, used: set[str]) -> str:
    if ident not in used:
        return ident
    number = 2
    while f"{ident}-{number}" in used:
        number += 1
    return f"{ident}-{number}"


def find_announced(pieces: list[Piece]) -> list[Announced]:
    """The meetings a "Future meetings" part announces: 'When. Title: question' lines."""
    found: list[Announced] = []
    in_future = False
    for piece in pieces:
        if piece.kind in ("heading", "site-heading"):
            in_future = bool(re.match(r"(?i)(?:future|next|upcoming|forthcoming) meetings?", piece.text))
            continue
        if not in_future or piece.kind not in ("text", "items"):
            continue
        match = ANNOUNCEMENT.fullmatch(piece.text.strip())
        if match:
            found.append(Announced(match.group(1).strip(), match.group(2).strip(), match.group(3).strip()))
    return found
