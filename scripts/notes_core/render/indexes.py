"""Index pages: meetings, themes, speakers, organisations and key points."""

from __future__ import annotations

from collections import defaultdict

from notes_core import addresses as A
from notes_core.addresses import link
from notes_core.model import Archive, Meeting, PlannedMeeting, Point, Speaker
from notes_core.render import scale
from notes_core.render.point import point_list, render_point_entry
from notes_core.render.scale import chunks
from notes_core.render.text import (
    LISTING_END,
    LISTING_START,
    escape,
    front_matter,
    markdown_link,
    plural,
    speaker_links,
    table_row,
    theme_links,
)


def render_index_pages(archive: Archive) -> dict[str, str]:
    grouped = meetings_by_series(archive)
    pages = {
        A.MEETINGS_INDEX: render_meetings_index(archive, grouped),
        A.THEMES_INDEX: render_themes_index(archive),
        A.SPEAKERS_INDEX: render_speakers_index(archive),
        A.ORGANISATIONS_INDEX: render_organisations_index(archive),
        A.PRINCIPLES_BY_THEME: render_principles_by_theme(archive),
    }
    pages.update(render_a_to_z_pages(archive))
    if len(grouped) > 1:
        for series_id, meetings in grouped.items():
            pages[A.series_page(series_id)] = render_series_page(archive, series_id, meetings)
    for theme_id in archive.themes:
        pages[A.theme_page(theme_id)] = render_theme_page(archive, theme_id)
    meetings_of = speaker_meetings(archive)
    for speaker_id in archive.speakers:
        pages[A.speaker_page(speaker_id)] = render_speaker_page(archive, speaker_id, meetings_of.get(speaker_id, []))
    return pages


def render_meetings_index(archive: Archive, grouped: dict[str, list[Meeting]]) -> str:
    page = A.MEETINGS_INDEX
    out = [
        front_matter(
            "Meetings",
            f"All {len(archive.meetings)} meetings, numbered in the order the notes give them, with their questions, "
            "speakers and themes.",
            searchable=False,
        ),
        "# Meetings",
        "",
    ]
    planned_by_series: dict[str, list[PlannedMeeting]] = defaultdict(list)
    for plan in archive.planned:
        planned_by_series[plan.series].append(plan)
    for series_id, series in archive.series.items():
        meetings = grouped.get(series_id, [])
        planned = planned_by_series.get(series_id, [])
        if not meetings and not planned:
            continue
        out += [f"## {escape(series.title)}", "", escape(series.description), ""]
        if len(grouped) > 1:
            # Many series: each has its own page, so this one stays short.
            out += [
                f"{len(meetings)} meetings. [All meetings of "
                f"{escape(series.title)}]({link(page, A.series_page(series_id))})",
                "",
            ]
        elif len(meetings) > scale.NAV_FLAT_LIMIT:
            out += render_meeting_list(page, meetings)
        else:
            for meeting in meetings:
                out += render_meeting_entry(archive, page, meeting)
        out += render_planned(archive, page, planned)
    return "\n".join(out)


def render_meeting_entry(archive: Archive, page: str, meeting: Meeting) -> list[str]:
    speakers = speaker_links(archive, page, (r.speaker for r in meeting.speakers))
    themes = theme_links(archive, page, meeting.themes)
    count = len(meeting.points)
    return [
        f"### {meeting.order}. [{escape(meeting.title)}]({link(page, A.meeting_page(meeting.slug))})",
        "",
        f"{escape(meeting.question)}  ",
        f"**Speakers:** {speakers}  ",
        f"**Themes:** {themes}  ",
        f"**{plural(count, 'key point')}**" + (f" · {meeting.date}" if meeting.date else ""),
        "",
    ]


def render_planned(archive: Archive, page: str, planned: list[PlannedMeeting]) -> list[str]:
    if not planned:
        return []
    out = ["### Announced meetings", "", "Announced in the notes, with no write-up yet. The notes give no year.", ""]
    for plan in planned:
        announced = archive.meetings_by_slug[plan.announced_in]
        out.append(
            f"- **{escape(plan.title)}** (announced for {escape(plan.when)})"
            f"{': ' + escape(plan.question) if plan.question else ''}"
            " Announced in "
            f"[{escape(announced.title)}]({link(page, A.meeting_page(announced.slug), 'future-meetings')})."
        )
    return out + [""]


def render_series_page(archive: Archive, series_id: str, meetings: list[Meeting]) -> str:
    series = archive.series[series_id]
    page = A.series_page(series_id)
    out = [
        front_matter(series.title, series.description, searchable=False),
        f"# {escape(series.title)}",
        "",
        escape(series.description),
        "",
        f"{len(meetings)} meetings, numbered in the order the notes give them.",
        "",
    ]
    return "\n".join(out + render_meeting_list(page, meetings))


def render_meeting_list(page: str, meetings: list[Meeting]) -> list[str]:
    """Meetings one line each, for long series."""
    # `1\.`: a list item starting "1. " would be read as a numbered list inside the item.
    out = [
        f"- {meeting.order}\\. [{escape(meeting.title)}]({link(page, A.meeting_page(meeting.slug))}): "
        f"{escape(meeting.question)}"
        f" ({plural(len(meeting.points), 'key point')}{', ' + meeting.date if meeting.date else ''})"
        for meeting in meetings
    ]
    return out + [""]


def meetings_by_series(archive: Archive) -> dict[str, list[Meeting]]:
    grouped: dict[str, list[Meeting]] = defaultdict(list)
    for meeting in archive.meetings:
        grouped[meeting.series].append(meeting)
    return {series: grouped[series] for series in archive.series if grouped.get(series)}


def render_themes_index(archive: Archive) -> str:
    page = A.THEMES_INDEX
    out = [
        front_matter(
            "Themes", "The themes that run through the meetings, with how many key points and meetings touch each."
        ),
        "# Themes",
        "",
        "| Theme | Key points | Meetings | About |",
        "| --- | ---: | ---: | --- |",
    ]
    for theme_id, theme in archive.themes.items():
        points = archive.points_by_theme.get(theme_id, ())
        meetings = len({p.meeting for p in points})
        out.append(
            f"| [{escape(theme.title)}]({link(page, A.theme_page(theme_id))}) | {len(points)} | {meetings} | "
            f"{escape(theme.description)} |"
        )
    return "\n".join(out) + "\n"


def render_theme_page(archive: Archive, theme_id: str) -> str:
    theme = archive.themes[theme_id]
    page = A.theme_page(theme_id)
    points = archive.points_by_theme.get(theme_id, ())
    grouped = group_by_meeting(points)
    out = [
        front_matter(theme.title, theme.description),
        f"# {escape(theme.title)}",
        "",
        escape(theme.description),
        "",
        f"{plural(len(points), 'key point')} from {plural(len(grouped), 'meeting')}.",
        "",
    ]
    with_text = len(points) <= scale.THEME_TEXT_LIMIT
    if not with_text:
        out += ["Each title links to the point in its meeting.", ""]
    for meeting_slug, meeting_points in grouped.items():
        meeting = archive.meetings_by_slug[meeting_slug]
        heading = f"[{escape(meeting.title)}]({link(page, A.meeting_page(meeting.slug))})"
        if with_text:
            out += [f"## {heading} {{#{meeting.slug}}}", ""]
            for point in meeting_points:
                out += render_point_entry(archive, page, point, skip_theme=theme_id)
        else:
            # Many points: a compact list, with no heading per meeting to swell the table of contents.
            out += [LISTING_START, f"**{heading}**", f"{{: #{meeting.slug} }}", ""]
            out += point_list(page, meeting_points) + [LISTING_END]
    return "\n".join(out)


def render_speakers_index(archive: Archive) -> str:
    page = A.SPEAKERS_INDEX
    meetings_of = speaker_meetings(archive)
    out = [
        front_matter(
            "Speakers",
            "The speakers the notes name at each meeting, with their role as the notes give it and the meetings they "
            "spoke at.",
        ),
        "# Speakers",
        "",
    ]
    speakers = sorted(archive.speakers.values(), key=lambda s: sort_name(s.name))
    if len(speakers) > scale.SPEAKER_TABLE_LIMIT:
        # Many speakers: a compact list by initial instead of a table.
        initial = ""
        for speaker in speakers:
            letter = speaker_initial(speaker.name)
            if letter != initial:
                initial = letter
                out += ["", f"## {escape(letter)}", ""]
            out.append(
                f"- {markdown_link(speaker.name, page, A.speaker_page(speaker.id))}: "
                f"{len(meetings_of.get(speaker.id, ()))} meetings"
            )
        return "\n".join(out) + "\n"
    out += [
        "| Speaker | Role, as the notes give it | Meetings | Key points attributed |",
        "| --- | --- | ---: | ---: |",
    ]
    for speaker in speakers:
        # The role says "former" where the notes do; an organisation alone would read as current.
        org_cell = escape(speaker.role) if speaker.role else "Not given in the notes"
        out.append(
            table_row(
                markdown_link(speaker.name, page, A.speaker_page(speaker.id)),
                org_cell,
                len(meetings_of.get(speaker.id, ())),
                len(archive.points_by_speaker.get(speaker.id, ())),
            )
        )
    return "\n".join(out) + "\n"


def render_speaker_page(archive: Archive, speaker_id: str, meetings: list[tuple[Meeting, str | None]]) -> str:
    speaker = archive.speakers[speaker_id]
    page = A.speaker_page(speaker_id)
    points = archive.points_by_speaker.get(speaker_id, ())
    description = f"{speaker.name}: the Joining Forces meetings they spoke at and the key points attributed to them."
    out = [front_matter(speaker.name, description), f"# {escape(speaker.name)}", ""]
    facts = []
    if speaker.role:
        facts.append(f"**Role:** {escape(speaker.role)}")
    if speaker.organisation:
        organisation = archive.organisations[speaker.organisation]
        facts.append(
            f"**Organisation:** [{escape(organisation.name)}]({link(page, A.ORGANISATIONS_INDEX, organisation.id)})"
        )
    if speaker.aliases:
        facts.append("**Also written in the notes as:** " + ", ".join(escape(a) for a in speaker.aliases))
    if facts:
        out += ["  \n".join(facts), ""]
    out += ["## Meetings { data-search-exclude }", ""]
    for meeting, role in meetings:
        out.append(
            f"- [{escape(meeting.title)}]({link(page, A.meeting_page(meeting.slug))})"
            + (f": {escape(role)}" if role else "")
        )
    out.append("")
    out += ["## Key points attributed { data-search-exclude }", ""]
    if not points:
        out += [
            "The notes attribute no individual key point to this speaker; see the meetings above for what was said.",
            "",
        ]
    for meeting_slug, meeting_points in group_by_meeting(points).items():
        meeting = archive.meetings_by_slug[meeting_slug]
        out += [
            f"### From [{escape(meeting.title)}]({link(page, A.meeting_page(meeting.slug))}) {{ data-search-exclude }}",
            "",
        ]
        out += point_list(page, meeting_points)
    return "\n".join(out)


def render_organisations_index(archive: Archive) -> str:
    page = A.ORGANISATIONS_INDEX
    out = [
        front_matter(
            "Organisations",
            "The organisations mentioned in the notes, with the meetings and key points that mention each.",
        ),
        "# Organisations",
        "",
    ]
    speakers_of: dict[str, list[Speaker]] = defaultdict(list)
    for speaker in archive.speakers.values():
        if speaker.organisation:
            speakers_of[speaker.organisation].append(speaker)
    compact = len(archive.organisations) > scale.NAV_FLAT_LIMIT
    for organisation in sorted(archive.organisations.values(), key=lambda o: o.name.lower()):
        if compact:  # many organisations: no heading each, so the table of contents stays short
            out += [f"**{escape(organisation.name)}**", f"{{: #{organisation.id} }}", ""]
        else:
            out += [f"## {escape(organisation.name)} {{#{organisation.id}}}", ""]
        if organisation.description:
            out += [escape(organisation.description), ""]
        speakers = speakers_of.get(organisation.id, [])
        if speakers:
            out += ["Speakers: " + speaker_links(archive, page, (s.id for s in speakers)), ""]
        meetings = archive.meetings_by_organisation.get(organisation.id, ())
        if meetings:
            shown = ", ".join(
                f"[{escape(m.title)}]({link(page, A.meeting_page(m.slug))})" for m in meetings[: scale.MENTIONS_SHOWN]
            )
            more = (
                f", and {len(meetings) - scale.MENTIONS_SHOWN} more meetings"
                if len(meetings) > scale.MENTIONS_SHOWN
                else ""
            )
            out += [f"Mentioned in: {shown}{more}", ""]
        points = archive.points_by_organisation.get(organisation.id, ())
        out += point_list(page, points[: scale.MENTIONS_SHOWN])
        if len(points) > scale.MENTIONS_SHOWN:
            out += [f"And {len(points) - scale.MENTIONS_SHOWN} more key points.", ""]
    return "\n".join(out)


def render_principles_by_theme(archive: Archive) -> str:
    page = A.PRINCIPLES_BY_THEME
    out = [
        front_matter(
            "Key points by theme",
            f"All {len(archive.points)} key points of the series, grouped by theme, each with its permanent link.",
            searchable=False,
        ),
        "# Key points by theme",
        "",
        "Every key point, under each of its themes. See also [all key points from A to "
        f"Z]({link(page, A.PRINCIPLES_A_TO_Z)}), or download them as [JSON](../principles.json) or "
        "[CSV](../principles.csv).",
        "",
    ]
    listed = len(archive.points) <= scale.LIST_LIMIT
    titles = meeting_titles(archive)
    for theme_id, theme in archive.themes.items():
        points = archive.points_by_theme.get(theme_id, ())
        out += [f"## [{escape(theme.title)}]({link(page, A.theme_page(theme_id))}) {{#{theme_id}}}", ""]
        if not listed:
            out += [
                f"{plural(len(points), 'key point')}: see "
                f"[{escape(theme.title)}]({link(page, A.theme_page(theme_id))}).",
                "",
            ]
            continue
        out += point_list(page, points, titles)
    return "\n".join(out)


def render_a_to_z_pages(archive: Archive) -> dict[str, str]:
    """One page A to Z, or past LIST_LIMIT points, a page of letters and a page per letter (in parts)."""
    letters: dict[str, list[Point]] = defaultdict(list)
    for point in sorted(archive.points.values(), key=lambda p: (p.title.lower(), p.id)):
        first = point.title.lstrip("‘'\"“(")[:1].upper()
        letters[first if first.isalpha() else "#"].append(point)
    title = "Key points A to Z"
    description = f"All {len(archive.points)} key points of the series in alphabetical order."
    titles = meeting_titles(archive)
    if len(archive.points) <= scale.LIST_LIMIT:
        out = [front_matter(title, description, searchable=False), f"# {title}", ""]
        for letter, points in letters.items():
            out += render_letter(titles, A.PRINCIPLES_A_TO_Z, letter, points, 2)
        return {A.PRINCIPLES_A_TO_Z: "\n".join(out)}
    pages: dict[str, str] = {}
    index = [front_matter(title, description, searchable=False), f"# {title}", "", "Choose a letter.", ""]
    for letter, points in letters.items():
        parts = chunks(points, scale.LETTER_PAGE)
        for number, part in enumerate(parts, start=1):
            name = (letter.lower() if letter.isalpha() else "other") + (f"-{number}" if len(parts) > 1 else "")
            uri = A.a_to_z_page(name)
            label = letter + (f" ({number} of {len(parts)})" if len(parts) > 1 else "")
            index.append(f"- [{label}]({link(A.PRINCIPLES_A_TO_Z, uri)}): {plural(len(part), 'key point')}")
            body = [
                front_matter(f"Key points: {label}", f"Key points whose titles start with {letter}.", searchable=False),
                f"# Key points: {label}",
                "",
            ]
            pages[uri] = "\n".join(body + render_letter(titles, uri, letter, part, None))
    return {A.PRINCIPLES_A_TO_Z: "\n".join(index) + "\n", **pages}


def render_letter(titles: dict[str, str], page: str, letter: str, points: list[Point], level: int | None) -> list[str]:
    out = []
    if level:
        anchor = f"letter-{letter.lower()}" if letter.isalpha() else "letter-other"
        out += [f"{'#' * level} {letter} {{#{anchor}}}", ""]
    return out + point_list(page, points, titles)


def meeting_titles(archive: Archive) -> dict[str, str]:
    return {slug: meeting.title for slug, meeting in archive.meetings_by_slug.items()}


def group_by_meeting(points: tuple[Point, ...]) -> dict[str, list[Point]]:
    grouped: dict[str, list[Point]] = {}
    for point in points:
        grouped.setdefault(point.meeting, []).append(point)
    return grouped


def speaker_meetings(archive: Archive) -> dict[str, list[tuple[Meeting, str | None]]]:
    result: dict[str, list[tuple[Meeting, str | None]]] = defaultdict(list)
    for meeting in archive.meetings:
        for role in meeting.speakers:
            result[role.speaker].append((meeting, role.role))
    return result


def speaker_initial(name: str) -> str:
    initial = name.split()[-1][:1].upper()
    return initial if initial.isalpha() else "#"


def sort_name(name: str) -> tuple[str, str]:
    parts = name.split()
    return (parts[-1].lower(), name.lower())
