"""Index pages: meetings, themes, speakers, organisations and principles."""
from __future__ import annotations

from collections import defaultdict

from ..model import Archive, Meeting, Point
from . import links as L
from .links import escape, front_matter, link, point_link


def render_index_pages(archive: Archive) -> dict[str, str]:
    pages = {
        L.MEETINGS_INDEX: render_meetings_index(archive),
        L.THEMES_INDEX: render_themes_index(archive),
        L.SPEAKERS_INDEX: render_speakers_index(archive),
        L.ORGANISATIONS_INDEX: render_organisations_index(archive),
        L.PRINCIPLES_BY_THEME: render_principles_by_theme(archive),
        L.PRINCIPLES_A_TO_Z: render_principles_a_to_z(archive),
    }
    for theme_id in archive.themes:
        pages[L.theme_page(theme_id)] = render_theme_page(archive, theme_id)
    meetings_of = speaker_meetings(archive)
    for speaker_id in archive.speakers:
        pages[L.speaker_page(speaker_id)] = render_speaker_page(archive, speaker_id, meetings_of.get(speaker_id, []))
    return pages


def render_meetings_index(archive: Archive) -> str:
    page = L.MEETINGS_INDEX
    out = [front_matter("Meetings", f"All {len(archive.meetings)} meetings of the series, in order, with their questions, speakers and themes."), "# Meetings", ""]
    for series_id, series in archive.series.items():
        meetings = [m for m in archive.meetings if m.series == series_id]
        planned = [p for p in archive.planned if p.series == series_id]
        if not meetings and not planned:
            continue
        out += [f"## {escape(series.title)}", "", escape(series.description), ""]
        for meeting in meetings:
            speakers = ", ".join(f"[{escape(archive.speakers[r.speaker].name)}]({link(page, L.speaker_page(r.speaker))})" for r in meeting.speakers)
            themes = ", ".join(f"[{escape(archive.themes[t].title)}]({link(page, L.theme_page(t))})" for t in meeting.themes)
            count = len(meeting.points)
            out += [
                f"### {meeting.order}. [{escape(meeting.title)}]({link(page, L.meeting_page(meeting))})",
                "",
                f"{escape(meeting.question)}  ",
                f"**Speakers:** {speakers}  ",
                f"**Themes:** {themes}  ",
                f"**{count} key point{'s' if count != 1 else ''}**" + (f" · {meeting.date}" if meeting.date else ""),
                "",
            ]
        if planned:
            out += ["### Planned meetings", "", "Announced in the notes, with no write-up yet. The notes give no year.", ""]
            for plan in planned:
                announced = archive.meetings_by_slug[plan.announced_in]
                out += [
                    f"- **{escape(plan.title)}** ({escape(plan.when)}, planned){': ' + escape(plan.question) if plan.question else ''}"
                    f" Announced in [{escape(announced.title)}]({link(page, L.meeting_page(announced), 'future-meetings')}).",
                ]
            out.append("")
    return "\n".join(out)


def render_themes_index(archive: Archive) -> str:
    page = L.THEMES_INDEX
    out = [front_matter("Themes", "The themes that run through the meetings, with how many key points and meetings touch each."), "# Themes", "",
           "| Theme | Key points | Meetings | About |", "| --- | ---: | ---: | --- |"]
    for theme_id, theme in archive.themes.items():
        points = archive.points_by_theme.get(theme_id, ())
        meetings = len({p.meeting for p in points})
        out.append(f"| [{escape(theme.title)}]({link(page, L.theme_page(theme_id))}) | {len(points)} | {meetings} | {escape(theme.description)} |")
    return "\n".join(out) + "\n"


def render_theme_page(archive: Archive, theme_id: str) -> str:
    theme = archive.themes[theme_id]
    page = L.theme_page(theme_id)
    points = archive.points_by_theme.get(theme_id, ())
    grouped = group_by_meeting(points)
    out = [front_matter(theme.title, theme.description), f"# {escape(theme.title)}", "", escape(theme.description), "",
           f"{len(points)} key point{'s' if len(points) != 1 else ''} from {len(grouped)} meeting{'s' if len(grouped) != 1 else ''}.", ""]
    for meeting_slug, meeting_points in grouped.items():
        meeting = archive.meetings_by_slug[meeting_slug]
        out += [f"## [{escape(meeting.title)}]({link(page, L.meeting_page(meeting))}) {{#{meeting.slug}}}", ""]
        for point in meeting_points:
            out += render_point_entry(archive, page, point, skip_theme=theme_id)
    return "\n".join(out)


def render_point_entry(archive: Archive, page: str, point: Point, skip_theme: str | None = None) -> list[str]:
    """A point as it appears on index pages: linked title, attribution, other themes, text."""
    details = []
    if point.speaker:
        details.append(f"[{escape(archive.speakers[point.speaker].name)}]({link(page, L.speaker_page(point.speaker))})")
    others = [t for t in point.themes if t != skip_theme]
    if others:
        details.append("also " + ", ".join(f"[{escape(archive.themes[t].title)}]({link(page, L.theme_page(t))})" for t in others))
    # Kept out of search, so a phrase from a point finds the point itself first, not this copy.
    lines = [f"### [{escape(point.title)}]({point_link(page, point)}) {{ data-search-exclude }}", ""]
    if details:
        lines += [" · ".join(details), "{: .point-meta }", ""]
    lines += [f"{escape(point.text)}", ""]
    return lines


def render_speakers_index(archive: Archive) -> str:
    page = L.SPEAKERS_INDEX
    meetings_of = speaker_meetings(archive)
    out = [front_matter("Speakers", "Everyone who spoke at the meetings, with their organisation and the meetings they spoke at."), "# Speakers", "",
           "| Speaker | Organisation | Meetings | Key points attributed |", "| --- | --- | ---: | ---: |"]
    for speaker in sorted(archive.speakers.values(), key=lambda s: sort_name(s.name)):
        organisation = archive.organisations[speaker.organisation].name if speaker.organisation else ""
        org_cell = f"[{escape(organisation)}]({link(page, L.ORGANISATIONS_INDEX, speaker.organisation)})" if organisation else "Not given in the notes"
        out.append(f"| [{escape(speaker.name)}]({link(page, L.speaker_page(speaker.id))}) | {org_cell} | {len(meetings_of.get(speaker.id, ()))} | {len(archive.points_by_speaker.get(speaker.id, ()))} |")
    return "\n".join(out) + "\n"


def render_speaker_page(archive: Archive, speaker_id: str, meetings: list[tuple[Meeting, str | None]]) -> str:
    speaker = archive.speakers[speaker_id]
    page = L.speaker_page(speaker_id)
    points = archive.points_by_speaker.get(speaker_id, ())
    description = f"{speaker.name}: the Joining Forces meetings they spoke at and the key points attributed to them."
    out = [front_matter(speaker.name, description), f"# {escape(speaker.name)}", ""]
    facts = []
    if speaker.role:
        facts.append(f"**Role:** {escape(speaker.role)}")
    if speaker.organisation:
        organisation = archive.organisations[speaker.organisation]
        facts.append(f"**Organisation:** [{escape(organisation.name)}]({link(page, L.ORGANISATIONS_INDEX, organisation.id)})")
    if speaker.aliases:
        facts.append("**Also written in the notes as:** " + ", ".join(escape(a) for a in speaker.aliases))
    if facts:
        out += ["  \n".join(facts), ""]
    out += ["## Meetings", ""]
    for meeting, role in meetings:
        out.append(f"- [{escape(meeting.title)}]({link(page, L.meeting_page(meeting))})" + (f": {escape(role)}" if role else ""))
    out.append("")
    out += ["## Key points attributed", ""]
    if not points:
        out += ["The notes attribute no individual key point to this speaker; see the meetings above for what was said.", ""]
    for meeting_slug, meeting_points in group_by_meeting(points).items():
        meeting = archive.meetings_by_slug[meeting_slug]
        out += [f"### From [{escape(meeting.title)}]({link(page, L.meeting_page(meeting))})", ""]
        for point in meeting_points:
            out += [f"- [{escape(point.title)}]({point_link(page, point)})"]
        out.append("")
    return "\n".join(out)


def render_organisations_index(archive: Archive) -> str:
    page = L.ORGANISATIONS_INDEX
    out = [front_matter("Organisations", "The organisations mentioned in the notes, with the meetings and key points that mention each."), "# Organisations", ""]
    speakers_of: dict[str, list] = defaultdict(list)
    for speaker in archive.speakers.values():
        if speaker.organisation:
            speakers_of[speaker.organisation].append(speaker)
    for organisation in sorted(archive.organisations.values(), key=lambda o: o.name.lower()):
        out += [f"## {escape(organisation.name)} {{#{organisation.id}}}", ""]
        if organisation.description:
            out += [escape(organisation.description), ""]
        speakers = speakers_of.get(organisation.id, [])
        if speakers:
            out += ["Speakers: " + ", ".join(f"[{escape(s.name)}]({link(page, L.speaker_page(s.id))})" for s in speakers), ""]
        meetings = archive.meetings_by_organisation.get(organisation.id, ())
        if meetings:
            out += ["Mentioned in: " + ", ".join(f"[{escape(m.title)}]({link(page, L.meeting_page(m))})" for m in meetings), ""]
        for point in archive.points_by_organisation.get(organisation.id, ()):
            out.append(f"- [{escape(point.title)}]({point_link(page, point)})")
        out.append("")
    return "\n".join(out)


def render_principles_by_theme(archive: Archive) -> str:
    page = L.PRINCIPLES_BY_THEME
    out = [front_matter("Principles by theme", f"All {len(archive.points)} key points of the series, grouped by theme, each with its permanent link."), "# Principles by theme", "",
           f"Every key point, under each of its themes. See also [all principles from A to Z]({link(page, L.PRINCIPLES_A_TO_Z)}), or download them as [JSON](../principles.json) or [CSV](../principles.csv).", ""]
    for theme_id, theme in archive.themes.items():
        points = archive.points_by_theme.get(theme_id, ())
        out += [f"## [{escape(theme.title)}]({link(page, L.theme_page(theme_id))}) {{#{theme_id}}}", ""]
        for point in points:
            meeting = archive.meetings_by_slug[point.meeting]
            out.append(f"- [{escape(point.title)}]({point_link(page, point)}) ({escape(meeting.title)})")
        out.append("")
    return "\n".join(out)


def render_principles_a_to_z(archive: Archive) -> str:
    page = L.PRINCIPLES_A_TO_Z
    out = [front_matter("Principles A to Z", f"All {len(archive.points)} key points of the series in alphabetical order."), "# Principles A to Z", ""]
    letters: dict[str, list[Point]] = defaultdict(list)
    for point in sorted(archive.points.values(), key=lambda p: (p.title.lower(), p.id)):
        first = point.title.lstrip("‘'\"“(")[:1].upper()
        letters[first if first.isalpha() else "#"].append(point)
    for letter, points in letters.items():
        anchor = f"letter-{letter.lower()}" if letter.isalpha() else "letter-other"
        out += [f"## {letter} {{#{anchor}}}", ""]
        for point in points:
            meeting = archive.meetings_by_slug[point.meeting]
            out.append(f"- [{escape(point.title)}]({point_link(page, point)}) ({escape(meeting.title)})")
        out.append("")
    return "\n".join(out)


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


def sort_name(name: str) -> tuple[str, str]:
    parts = name.split()
    return (parts[-1].lower(), name.lower())
