"""Article records in JSON and JSON lines, as scrapers and news APIs export them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.ingest import load_articles
from briefing.ingest.errors import IngestError
from briefing.ingest.records import read_json, read_json_lines

RECORDS = [
    {
        "title": "Ministers meet in Brussels",
        "body": "Foreign ministers met in Brussels on Monday to discuss trade.\n\nNo agreement was reached.",
        "date": "2024-01-15",
        "source": "Daily Planet",
        "author": "Clark Kent",
        "url": "https://planet.example/brussels",
    },
    {
        "title": "Rain expected",
        "text": "Heavy rain is expected across the north of the country this weekend, forecasters said.",
        "published": "Mon, 02 Jan 2023 10:00:00 GMT",
        "outlet": "Weather Desk",
        "link": "https://weather.example/rain",
    },
]


def _dump(obj: object) -> bytes:
    return json.dumps(obj).encode("utf-8")


def test_list_of_records_maps_every_field() -> None:
    first, second = read_json("a.json", _dump(RECORDS))
    assert first.title == "Ministers meet in Brussels"
    assert first.body == "Foreign ministers met in Brussels on Monday to discuss trade.\n\nNo agreement was reached."
    assert (first.published, first.outlet, first.author, first.link) == (
        "2024-01-15",
        "Daily Planet",
        "Clark Kent",
        "https://planet.example/brussels",
    )
    assert first.source == "a.json" and first.index == 0
    assert second.body.startswith("Heavy rain is expected")
    assert (second.published, second.outlet, second.link) == (
        "2023-01-02",
        "Weather Desk",
        "https://weather.example/rain",
    )
    assert second.author is None and second.index == 1


def test_articles_object_in_the_news_api_shape() -> None:
    data = {
        "status": "ok",
        "articles": [
            {
                "source": {"id": None, "name": "Wire Service"},
                "author": ["Ann Lee", "Bo Kim", "Ann Lee"],
                "title": "Port strike ends",
                "description": "Dock workers returned to work on Friday after a two-week strike over pay.",
                "publishedAt": "2024-06-07T15:04:05Z",
                "url": "https://wire.example/port",
            }
        ],
    }
    [article] = read_json("news.json", _dump(data))
    assert article.outlet == "Wire Service"
    assert article.author == "Ann Lee, Bo Kim"
    assert article.published == "2024-06-07"
    assert article.body == "Dock workers returned to work on Friday after a two-week strike over pay."


def test_json_feed_in_a_json_file_goes_to_the_feed_reader() -> None:
    feed = {
        "version": "https://jsonfeed.org/version/1",
        "title": "Feed Title",
        "items": [{"id": "1", "title": "Item", "content_html": "<p>Body of the only item in this feed.</p>"}],
    }
    [article] = read_json("feed.json", _dump(feed))
    assert article.outlet == "Feed Title"
    assert article.body == "Body of the only item in this feed."


def test_body_is_sanitized_and_cleaned() -> None:
    record = {
        "title": "Quiet night",
        "body": "Quiet night\n\x1b[2JThe town had a quiet night, the police said on Sunday morning.\n"
        "Share this article\n",
    }
    [article] = read_json("a.json", _dump([record]))
    assert article.body == "The town had a quiet night, the police said on Sunday morning."


def test_bad_records_are_skipped_and_a_file_of_only_bad_ones_is_refused() -> None:
    mixed = [{"title": "Good", "body": "A usable article body that has words in it."}, 42, {"author": "Nobody"}]
    articles = read_json("a.json", _dump(mixed))
    assert [a.title for a in articles] == ["Good"]
    assert articles[0].index == 0
    with pytest.raises(IngestError, match=r"article 1: expected an object, found a number"):
        read_json("b.json", _dump([42, {"author": "Nobody"}]))


def test_title_only_record_keeps_its_title_as_body_and_body_only_gets_a_title() -> None:
    title_only, body_only = read_json(
        "a.json", _dump([{"title": "Headline alone"}, {"text": "Untitled body text first line.\nMore text."}])
    )
    assert title_only.body == "Headline alone"
    assert body_only.title == "Untitled body text first line."


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"{not json", r"not valid JSON \(line 1"),
        (b'"just a string"', "not a list of articles"),
        (b'{"items": []}', "not a list of articles"),
        (b"[]", "empty list"),
    ],
)
def test_json_files_that_hold_no_articles_are_refused(data: bytes, reason: str) -> None:
    with pytest.raises(IngestError, match=reason):
        read_json("bad.json", data)


def test_json_lines_skips_bad_lines() -> None:
    lines = [
        json.dumps(RECORDS[0]),
        "",
        "{broken",
        json.dumps(RECORDS[1]),
        "[1, 2]",
    ]
    articles = read_json_lines("a.jsonl", "\n".join(lines).encode("utf-8"))
    assert [a.title for a in articles] == ["Ministers meet in Brussels", "Rain expected"]
    assert [a.index for a in articles] == [0, 3]


def test_json_lines_with_nothing_usable_names_the_first_bad_line() -> None:
    data = b'\n\n{"author": "x"}\n{broken\n'
    with pytest.raises(IngestError, match=r"line 3: no \"title\" and no \"body\""):
        read_json_lines("a.jsonl", data)
    with pytest.raises(IngestError, match="empty"):
        read_json_lines("a.jsonl", b"")


def test_load_articles_reads_json_jsonl_and_ndjson_and_reports_bad_files(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_bytes(_dump({"articles": [RECORDS[0]]}))
    (tmp_path / "b.jsonl").write_text(json.dumps(RECORDS[1]) + "\n", encoding="utf-8")
    (tmp_path / "c.ndjson").write_text(json.dumps(RECORDS[0]) + "\n", encoding="utf-8")  # same article as a.json
    (tmp_path / "d.jsonl").write_text("{oops\n", encoding="utf-8")
    result = load_articles([tmp_path])
    assert sorted(a.title for a in result.articles) == ["Ministers meet in Brussels", "Rain expected"]
    assert [(Path(p.source).name, p.message) for p in result.problems] == [
        ("d.jsonl", "no usable article; first bad line is line 1: not valid JSON (Expecting property name "
         "enclosed in double quotes)")
    ]  # fmt: skip
