"""Rich Text built from untrusted strings: never markup, control characters made visible, offsets kept.

Everything here is pure (no Textual, no I/O) so the safety rules and the highlighting are easy to test.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text

from briefing.terminal import UNSAFE

if TYPE_CHECKING:  # types only: the first frame must not wait for the analysis records to import
    from briefing.article import AnalyzedArticle, Entity
    from briefing.brief import PairBrief, PairStatement


ENTITY_STYLES: dict[str, tuple[str, str]] = {
    "COUNTRY": ("bold #5fafff", "country"),
    "PERSON": ("bold #ffaf5f", "person"),
    "ORG": ("#d787ff", "organisation"),
    "GPE": ("#5fd7af", "place"),
    "LOC": ("#5fd7af", "place"),
    "NORP": ("#87afd7", "group"),
    "DATE": ("#d7d75f", "date"),
    "EVENT": ("#ff87af", "event"),
}
STATEMENT_STYLE = "italic underline"
SPEAKER_STYLE = "bold reverse #ffaf5f"
MATCH_STYLE = "black on #d7af00"
CURRENT_MATCH_STYLE = "black on #ff5f00 bold"
TREND_MARKS: dict[str, tuple[str, str]] = {
    "warming": ("▲", "green"),
    "cooling": ("▼", "red"),
    "mixed": ("◆", "yellow"),
    "unknown": ("·", "dim"),
}


def literal(value: str | None) -> str:
    """The string with control, escape and bidi characters replaced one for one, so offsets still match."""
    if not value:
        return ""

    def picture(m: re.Match[str]) -> str:
        c = ord(m.group())
        if c == 0x1B:
            return "␛"
        if c < 0x20:
            return chr(0x2400 + c)
        return "�"

    return UNSAFE.sub(picture, value.replace("\t", " "))


def plain(value: str | None, style: str = "") -> Text:
    """A Text that shows the string as typed: brackets and escapes never become markup or terminal codes."""
    return Text(literal(value), style=style)


def literal_line(value: str) -> str:
    """Untrusted text for a one-line notification: control characters made visible, newlines flattened."""
    return plain(value).plain.replace("\n", " ")


def entity_kind(entity: Entity) -> str:
    return "COUNTRY" if entity.country else entity.label.upper()


def trend_mark(label: str) -> Text:
    mark, style = TREND_MARKS.get(label, TREND_MARKS["unknown"])
    return Text(mark, style=style)


def pair_label(brief: PairBrief, unread: int) -> Text:
    """Unread mark, count and trend first, so that they stay in view when a long name is cut."""
    return pair_label_of(brief.title, len(brief.articles), brief.trend.label, unread)


def pair_label_of(title: str, count: int, trend: str, unread: int) -> Text:
    text = Text("● " if unread else "  ", style="bold #5fafff")
    text.append(f"{count:>3} ", style="cyan")
    text.append_text(trend_mark(trend))
    text.append(" ")
    text.append_text(plain(title, "bold" if unread else ""))
    return text


def article_meta(article: AnalyzedArticle, outlets: Sequence[str] = ()) -> str:
    """Outlet (every outlet that ran the story, when copies were merged) and date."""
    a = article.article
    parts = [
        ", ".join(outlets) if len(outlets) > 1 else a.outlet or a.source.rsplit("/", 1)[-1],
        a.published or "undated",
    ]
    return " · ".join(p for p in parts if p)


def article_label(article: AnalyzedArticle, *, read: bool, bookmarked: bool, outlets: Sequence[str] = ()) -> Text:
    return article_label_of(article.article.title, article_meta(article, outlets), read=read, bookmarked=bookmarked)


def article_label_of(title: str, meta: str, *, read: bool, bookmarked: bool) -> Text:
    text = Text()
    text.append("● " if not read else "  ", style="bold #5fafff")
    text.append("★ " if bookmarked else "", style="bold yellow")
    text.append_text(plain(title or "(untitled)", "" if read else "bold"))
    text.append("\n  ")
    text.append_text(plain(meta, "dim"))
    return text


def legend(labels: Sequence[str], enabled: bool) -> Text:
    text = Text("Legend: ", style="dim")
    seen: set[str] = set()
    for label in labels:
        style, name = ENTITY_STYLES.get(label, ("underline", label.lower()))
        if name in seen:
            continue
        seen.add(name)
        text.append(name, style=style if enabled else "dim")
        text.append("  ")
    text.append("“statement”", style=STATEMENT_STYLE if enabled else "dim")
    text.append("  ")
    text.append("speaker", style=SPEAKER_STYLE if enabled else "dim")
    if not enabled:
        text.append("  (highlighting off)", style="dim italic")
    return text


@dataclass(frozen=True, slots=True)
class ArticleDocument:
    text: Text
    body_offset: int
    """Where the article body starts inside `text`: body offsets + this = text offsets."""


def speaker_spans(article: AnalyzedArticle) -> list[tuple[int, int]]:
    """Where each statement's speaker is named: the nearest mention before the quote, else after it."""
    body = article.article.body
    spans: list[tuple[int, int]] = []
    for s in article.statements:
        names = [s.speaker, s.speaker.split()[-1]] if s.speaker.split() else []
        for name in names:
            before = body.rfind(name, max(0, s.start - 400), s.start)
            if before >= 0:
                spans.append((before, before + len(name)))
                break
            after = body.find(name, s.end, s.end + 400)
            if after >= 0:
                spans.append((after, after + len(name)))
                break
    return spans


def article_document(
    article: AnalyzedArticle,
    *,
    labels: Sequence[str],
    highlight: bool,
    matches: Sequence[tuple[int, int]] = (),
    current: int | None = None,
    bookmarked: bool = False,
) -> ArticleDocument:
    """Title, metadata, legend and the body; entity/statement styles are spans over literal text."""
    a = article.article
    head = Text()
    if bookmarked:
        head.append("★ ", style="bold yellow")
    head.append_text(plain(a.title or "(untitled)", "bold"))
    head.append("\n")
    meta = [a.outlet, a.author, a.published or "undated", a.link or a.source]
    head.append_text(plain(" · ".join(m for m in meta if m), "dim"))
    head.append("\n")
    head.append_text(legend(labels, highlight))
    head.append("\n\n")
    offset = len(head.plain)
    body = plain(a.body)
    if highlight:
        wanted = set(labels)
        n = len(a.body)
        for s in article.statements:
            if 0 <= s.start < s.end <= n:
                body.stylize(STATEMENT_STYLE, s.start, s.end)
        for e in article.entities:
            kind = entity_kind(e)
            if kind in wanted and 0 <= e.start < e.end <= n:
                body.stylize(ENTITY_STYLES.get(kind, ("underline", ""))[0], e.start, e.end)
        if "DATE" in wanted:
            for d in article.dates:
                if 0 <= d.start < d.end <= n:
                    body.stylize(ENTITY_STYLES["DATE"][0], d.start, d.end)
        for start, end in speaker_spans(article):
            body.stylize(SPEAKER_STYLE, start, end)
    for i, (start, end) in enumerate(matches):
        body.stylize(CURRENT_MATCH_STYLE if i == current else MATCH_STYLE, start, end)
    head.append_text(body)
    return ArticleDocument(head, offset)


def find_all(haystack: str, needle: str) -> list[tuple[int, int]]:
    """Case-insensitive, non-overlapping matches; offsets index into the original string."""
    if not needle:
        return []
    found: list[tuple[int, int]] = []
    lower, wanted = haystack.lower(), needle.lower()
    if len(lower) != len(haystack):  # casefolding changed lengths: fall back to a regex on the original
        return [(m.start(), m.end()) for m in re.finditer(re.escape(needle), haystack, re.IGNORECASE)]
    start = lower.find(wanted)
    while start >= 0:
        found.append((start, start + len(wanted)))
        start = lower.find(wanted, start + len(wanted))
    return found


_WORDS = re.compile(r"\S+\s*|\s+")


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """(start, end) of every screen line when the text is word-wrapped to `width` cells."""
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    pos = 0
    for para in text.split("\n"):
        start = pos
        pos += len(para) + 1
        if not para:
            lines.append((start, start))
            continue
        line_start, line_width = start, 0
        # Text of one-cell characters (most news) is measured by its length: cell_len per word and per
        # line so far was most of the cost of showing an article.
        measure = len if all(cell_len(c) == 1 for c in set(para)) else cell_len
        for m in _WORDS.finditer(para):
            word = m.group().rstrip() or m.group()
            word_width = measure(word)
            token_start = start + m.start()
            if line_width and line_width + word_width > width:
                lines.append((line_start, token_start))
                line_start, line_width = token_start, 0
            while word_width > width:  # a word longer than the line: fold it
                cut, w = 0, 0
                while cut < len(word) and w + cell_len(word[cut]) <= width:
                    w += cell_len(word[cut])
                    cut += 1
                cut = max(cut, 1)
                lines.append((line_start, line_start + cut))
                line_start += cut
                word = word[cut:]
                word_width = measure(word)
            line_width = measure(text[line_start : start + m.end()])
        lines.append((line_start, start + len(para)))
    return lines


def wrap_text(text: Text, width: int) -> tuple[list[tuple[int, int]], list[Text]]:
    """The screen lines of a styled text wrapped to `width` cells: their (start, end) and their Text."""
    offsets = wrap_offsets(text.plain, width)
    cuts = sorted({o for pair in offsets for o in pair})
    by_start: dict[int, Text] = {}
    position = 0
    for piece in text.divide(cuts):
        by_start[position] = piece
        position += len(piece.plain)
    lines: list[Text] = []
    for start, end in offsets:
        found = by_start.get(start)
        if start == end:
            lines.append(Text())
        elif found is not None and len(found.plain) == end - start:
            lines.append(found)
        else:
            lines.append(text[start:end])
    return offsets, lines


@dataclass(frozen=True, slots=True)
class BriefItem:
    prompt: Text
    article: str | None = None
    """Id of the article the item jumps to; None for headings."""
    start: int = 0
    end: int = 0
    more: bool = False
    """A "N more…" entry: selecting it shows the whole section."""
    statement: int = 0
    """The rank of the key statement the item shows (0: not a statement)."""


def _heading(title: str) -> BriefItem:
    return BriefItem(Text.assemble("\n", Text(title, style="bold underline")))


def _more(hidden: int, what: str) -> BriefItem:
    return BriefItem(Text(f"… {hidden} more {what} (enter: show all)", style="italic dim"), more=True)


def brief_items(brief: PairBrief, *, limit: int | None = None) -> list[BriefItem]:
    """The brief pane, one selectable item per lead sentence, evidence sentence, statement, date and person.

    Every item carries its article id and span from the brief, so nothing is searched here. Key
    statements show the brief's top `shown` and a "N more…" entry; `limit`: items per other section (a
    pair of thousands of articles would otherwise build thousands of items on every switch). `limit=None`
    shows everything, every statement included.
    """
    items: list[BriefItem] = []
    full = limit is None
    cap = limit if limit is not None else len(brief.timeline) + len(brief.people) + len(brief.statements) + 1
    head = Text.assemble(plain(brief.title, "bold"), "  trend: ")
    head.append_text(trend_mark(brief.trend.label))
    head.append(f" {brief.trend.label}")
    if brief.trend.label != "unknown":
        head.append(f" (confidence {brief.trend.confidence:.1f})", style="dim")
    period = period_label(brief)
    if period:
        head.append(f"   {period}", style="dim")
    items.append(BriefItem(head))
    if brief.lead:
        items.append(_heading("Lead"))
        for p in brief.lead:
            items.append(BriefItem(plain(p.text), p.article, p.start, p.end))
    if brief.evidence and brief.trend.label != "unknown":
        items.append(_heading("Trend evidence"))
        for p in brief.evidence:
            items.append(BriefItem(plain(p.text), p.article or None, p.start, p.end))
    if brief.statements:
        items.append(_heading("Key statements"))
        shown = brief.statements if full else brief.statements[: brief.shown]
        for ps in shown:
            items.append(statement_item(brief, ps))
        if len(shown) < len(brief.statements):
            items.append(_more(len(brief.statements) - len(shown), "statements"))
    if brief.timeline:
        items.append(_heading("Timeline"))
        background_started = False
        for t in brief.timeline[:cap]:
            if t.background and not background_started:
                background_started = True
                items.append(BriefItem(Text("Background", style="italic")))
            line = Text.assemble(
                plain(t.value, "bold #d7d75f"),
                plain(f" (also {', '.join(t.also)})", "#d7d75f") if t.also else "",
                "  ",
                plain(t.sentence),
            )
            items.append(BriefItem(line, t.article, t.start, t.end))
        if len(brief.timeline) > cap:
            items.append(_more(len(brief.timeline) - cap, "dates"))
    if brief.people:
        items.append(_heading("People"))
        for person in brief.people[:cap]:
            line = plain(person.name, "bold")
            extra = ", ".join(x for x in (person.role, person.country) if x)
            if extra:
                line.append_text(plain(f" — {extra}", "dim"))
            items.append(BriefItem(line, person.article, person.start, person.end))
        if len(brief.people) > cap:
            items.append(_more(len(brief.people) - cap, "people"))
    return items


def statement_item(brief: PairBrief, ps: PairStatement) -> BriefItem:
    s = ps.statement
    who = Text.assemble(plain(f"{ps.rank}. ", "dim"), plain(s.speaker, "bold #ffaf5f"))
    extra = ", ".join(x for x in (s.role, s.country) if x)
    if extra:
        who.append_text(plain(f" ({extra})", "dim"))
    who.append("\n")
    who.append_text(plain(s.text if not s.direct else f"“{s.text}”", "italic"))
    owner = brief.article(ps.article)
    if owner is not None:
        more = f" (+{len(ps.articles) - 1} more)" if len(ps.articles) > 1 else ""
        who.append_text(plain(f"\n— {owner.article.title}{more}", "dim"))
    return BriefItem(who, ps.article, s.start, s.end, statement=ps.rank)


def period_label(brief: PairBrief) -> str | None:
    """Publication dates, with the events' span beside them when it differs."""
    published, events = brief.period, brief.events_apart
    parts = []
    if published:
        parts.append(" – ".join(dict.fromkeys(v[:10] for v in published)))
    if events:
        parts.append("events " + " – ".join(dict.fromkeys(events)))
    return " · ".join(parts) or None
