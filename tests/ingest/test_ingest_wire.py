"""Hard-wrapped wire copy on real article text: unwrapping, recasing, datelines, credits and sign-offs.

Also the other side: clean one-paragraph-per-line text (BBC, seeds, pasted pages) comes through
these steps untouched.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from briefing.ingest import load_articles
from briefing.ingest.decode import decode_text
from briefing.ingest.frontmatter import split_front_matter
from briefing.ingest.recase import CaseEvidence, is_all_caps, recase
from briefing.ingest.sanitize import sanitize
from briefing.ingest.unwrap import unwrap_lines
from briefing.ingest.wire import read_wire

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
BBC = SHARED / "corpora" / "bbc"
needs_bbc = pytest.mark.skipif(not BBC.exists(), reason="shared BBC corpus not present")


def _article(path: Path) -> tuple[str, list[str]]:
    lines = [line.strip() for line in decode_text(path.read_bytes()).split("\n") if line.strip()]
    return lines[0], lines[1:]


def _paragraphs(lines: list[str]) -> list[str]:
    return [line for line in lines if line.strip()]


@needs_bbc
@pytest.mark.parametrize("width", [65, 72])
def test_wrapped_paragraphs_apart_by_blank_lines_come_back_whole(width: int) -> None:
    _, paragraphs = _article(BBC / "business" / "016.txt")
    wrapped: list[str] = []
    for paragraph in paragraphs:
        wrapped += [*textwrap.wrap(paragraph, width), ""]
    assert len(wrapped) > 3 * len(paragraphs)
    assert _paragraphs(unwrap_lines(wrapped)) == paragraphs


@needs_bbc
def test_first_line_indent_and_email_quotes_separate_paragraphs() -> None:
    _, paragraphs = _article(BBC / "politics" / "010.txt")
    indented = [line for p in paragraphs for line in textwrap.wrap(p, 65, initial_indent="   ")]
    assert _paragraphs(unwrap_lines(indented)) == paragraphs
    quoted: list[str] = []
    for paragraph in paragraphs:
        quoted += ["> " + line for line in textwrap.wrap(paragraph, 70)] + [">"]
    assert _paragraphs(unwrap_lines(quoted)) == paragraphs


@needs_bbc
def test_short_last_line_with_full_stop_ends_a_paragraph_without_blank_lines() -> None:
    # No blank line and no indent: a paragraph ends where its last line leaves room for the next word.
    _, paragraphs = _article(BBC / "politics" / "010.txt")
    wrapped = [line for p in paragraphs for line in textwrap.wrap(p, 65)]
    result = _paragraphs(unwrap_lines(wrapped))
    assert result == paragraphs


def test_compound_broken_at_its_hyphen_is_rejoined() -> None:
    text = (
        "Rapid tooling-up of China's manufacturing sector means a massive demand for energy - one of the factors "
        "which has kept world oil prices sky-high for most of this year, while the breakneck pace of economic "
        "expansion has kept growth above 9% for more than a year."
    )
    wrapped = textwrap.wrap(text, 38)
    assert any(line.endswith("-") and not line.endswith(" -") for line in wrapped)
    assert unwrap_lines(wrapped) == [text]


def _clean_files() -> list[Path]:
    files = sorted(BBC.glob("*/*.txt"))[::7] + sorted((SHARED / "seeds").glob("*"))
    return files + sorted((SHARED / "corpora" / "pasted" / "pages").glob("*"))


@needs_bbc
def test_clean_one_paragraph_per_line_text_is_untouched() -> None:
    files = _clean_files()
    assert len(files) > 300
    for path in files:
        _, rest = split_front_matter(sanitize(decode_text(path.read_bytes())))
        lines = rest.split("\n")
        assert unwrap_lines(lines) is lines, path
        title, body = next((s, lines[i + 1 :]) for i, s in enumerate(lines) if s.strip())
        wire = read_wire(title.strip(), body)
        assert (wire.title, wire.place) == (title.strip(), None), path
        # Only the tail may go, and only a page's copyright footer.
        assert wire.lines == body[: len(wire.lines)], path
        dropped = [s for s in body[len(wire.lines) :] if s.strip()]
        assert all("©" in s or "copyright" in s.lower() for s in dropped), path
        if "bbc" in path.parts or "seeds" in path.parts:
            assert not dropped


@needs_bbc
def test_all_caps_headline_takes_the_case_the_body_uses() -> None:
    title, body = _article(BBC / "business" / "016.txt")
    evidence = CaseEvidence(body)
    assert recase(title.upper(), evidence, headline=True) == title  # "China keeps tight rein on credit"
    title, body = _article(BBC / "politics" / "001.txt")
    assert recase("HEWITT SAYS U.S. AND UK'S CHINESE TORIES", CaseEvidence(body), headline=True) == (
        "Hewitt says U.S. and UK's Chinese Tories"
    )


@needs_bbc
def test_all_caps_body_is_recased_for_entity_recognition() -> None:
    _, body = _article(BBC / "business" / "016.txt")
    caps = [p.upper() for p in body]
    assert all(is_all_caps(p) for p in caps)
    wire = read_wire("CHINA KEEPS TIGHT REIN ON CREDIT", caps)
    assert wire.title == "China keeps tight rein on credit"
    first = wire.lines[0]
    assert first.startswith("China's efforts to stop the economy")  # sentence start and the gazetteer
    assert "Chinese exports" in wire.lines[1] and not is_all_caps(wire.lines[1])


def test_acronym_keeps_capitals_when_the_body_writes_it_so() -> None:
    evidence = CaseEvidence(["Ministers from the EU and NATO met in Brussels on Monday, officials said."])
    assert recase("EU AND NATO MINISTERS MEET", evidence, headline=True) == "EU and NATO ministers meet"


@pytest.mark.parametrize(
    ("line", "published", "place", "date", "outlet"),
    [
        ("WASHINGTON, March 3 (Reuters) - The talks began.", "2024-03-04", "Washington", "2024-03-03", "Reuters"),
        ("BEIJING, Jan 5 - The talks began.", "2025-01-06", "Beijing", "2025-01-05", None),
        ("BEIJING, Dec 30 - The talks began.", "2025-01-02", "Beijing", "2024-12-30", None),
        ("LONDON (AP) — The talks began.", None, "London", None, "AP"),
        ("GENEVA, 3 March 2023 (AFP) -- The talks began.", None, "Geneva", "2023-03-03", "AFP"),
        ("KYIV, Ukraine, Feb 24 (Reuters) - The talks began.", None, "Kyiv, Ukraine", None, "Reuters"),
    ],
)
def test_dateline_goes_to_metadata(
    line: str, published: str | None, place: str, date: str | None, outlet: str | None
) -> None:
    wire = read_wire("Talks begin", [line, "", "A second paragraph follows here."], published)
    assert wire.lines[0] == "The talks began."
    assert (wire.place, wire.published, wire.outlet) == (place, date, outlet)


def test_text_that_only_resembles_a_dateline_stays() -> None:
    for line in (
        "Ms Hewitt said the plan - announced on Sunday - was fair.",
        "The UK economy grew 0.7% in the quarter - a little faster than expected.",
    ):
        wire = read_wire("Title", [line])
        assert wire.lines == [line] and wire.place is None


@needs_bbc
def test_credits_copyright_and_sign_off_are_dropped() -> None:
    _, body = _article(BBC / "politics" / "010.txt")
    closings = [
        ["(Reporting by Jane Doe in Glasgow; Additional reporting by Ali Khan; Editing by Tom Hogue)"],
        ["(Reporting by Jane Doe; Editing by Tom Hogue)", "Reuters"],
        ["Compiled by Jane Doe", "Copyright 2024 The Associated Press. All rights reserved."],
        ["© 2024 Reuters"],
    ]
    for closing in closings:
        wire = read_wire("Title", ["EDINBURGH, Nov 3 (Reuters) - " + body[0], *body[1:], "", *closing])
        assert wire.lines == body, closing
    inline = read_wire("Title", [*body[:-1], body[-1] + " (Reporting by Jane Doe; Editing by Tom Hogue)"])
    assert inline.lines == body


def test_lone_short_last_line_stays_without_other_wire_evidence() -> None:
    # A football report ends with the referee's name: no dateline, no credits, so it is text.
    lines = ["Celtic won 3-0 at Parkhead on Saturday.", "", "Referee:", "", "K Clark"]
    assert read_wire("Celtic win", lines).lines == lines
    assert read_wire("Celtic win", ["GLASGOW (PA) - " + lines[0], "", "PA"]).outlet == "PA"


@needs_bbc
def test_wire_file_reads_as_the_article(tmp_path: Path) -> None:
    title, paragraphs = _article(BBC / "business" / "016.txt")
    lines = [title.upper(), ""]
    for paragraph in ["BEIJING, Nov 3, 2004 (Xinhua) - " + paragraphs[0], *paragraphs[1:]]:
        lines += [*textwrap.wrap(paragraph, 65), ""]
    lines += ["(Reporting by Jane Doe; Editing by Tom Hogue)", "Xinhua"]
    f = tmp_path / "wire.txt"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    [article] = load_articles([f]).articles
    assert article.title == title
    assert article.body.split("\n\n") == paragraphs
    assert (article.published, article.outlet) == ("2004-11-03", "Xinhua")


def test_headline_byline_and_credits_of_an_agency_story(tmp_path: Path) -> None:
    story = [
        "WASHINGTON, March 3 (Reuters) - U.S. Secretary of State Antony Blinken will travel to China next week "
        "for talks with Foreign Minister Wang Yi, the State Department said on Friday, as the two countries try "
        "to ease tensions over Taiwan and trade.",
        '"We want to keep the lines of communication open," State Department spokesman Matthew Miller told '
        "reporters in Washington. China's foreign ministry said Beijing welcomed the visit.",
    ]
    lines = ["U.S.'S BLINKEN TO VISIT CHINA AS TENSIONS SIMMER", "By Humeyra Pamuk", ""]
    for paragraph in [*story, "(Reporting by Humeyra Pamuk; Editing by Chris Reese)"]:
        lines += [*textwrap.wrap(paragraph, 68), ""]
    f = tmp_path / "blinken.txt"
    f.write_bytes("\r\n".join(lines).encode("utf-8"))
    [article] = load_articles([f]).articles
    assert article.title == "U.S.'s Blinken to visit China as tensions simmer"
    assert (article.author, article.outlet, article.published) == ("Humeyra Pamuk", "Reuters", None)
    assert article.body.split("\n\n") == [story[0].split(" - ", 1)[1], story[1]]


@needs_bbc
def test_balancing_wrapper_never_splits_a_paragraph_inside() -> None:
    # fmt balances line lengths, so room left on a line is no proof of a paragraph end; without blank
    # lines some paragraphs run together, but none is cut in the middle.
    _, paragraphs = _article(BBC / "business" / "016.txt")
    _, more = _article(BBC / "politics" / "010.txt")
    wrapped: list[str] = []
    for paragraph in [*paragraphs, *more]:
        wrapped += _balanced(paragraph, 72)
    result = _paragraphs(unwrap_lines(wrapped))
    assert 2 <= len(result) <= len(paragraphs) + len(more)
    assert " ".join(result) == " ".join([*paragraphs, *more])
    ends = {len(" ".join([*paragraphs, *more][: i + 1])) for i in range(len(paragraphs) + len(more))}
    at = 0
    for paragraph in result:
        at += len(paragraph) + (1 if at else 0)
        assert at in ends, paragraph[-60:]


def _balanced(text: str, width: int) -> list[str]:
    """Lines of `text` wrapped to about the same length each (what fmt and par do), at most `width`."""
    words = text.split()
    lines_needed = -(-len(text) // int(width * 0.9))
    target = len(text) / lines_needed
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        if current and (len(candidate) > width or len(current) >= target):
            lines.append(current)
            current = word
        else:
            current = candidate
    return [*lines, current]
