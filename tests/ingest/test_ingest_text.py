"""Ingest of text articles on real text: front matter, debris cleaning, splitting, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.ingest import load_articles
from briefing.ingest.clean import clean_lines
from briefing.ingest.frontmatter import split_front_matter
from briefing.ingest.sanitize import sanitize
from briefing.ingest.split import split_articles

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
BBC = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "bbc"


def test_yaml_front_matter_gives_title_date_source(tmp_path: Path) -> None:
    f = tmp_path / "a.md"
    f.write_text(
        '---\ntitle: "Rabat and Damascus talk"\ndate: 2024-12-30\nsource: Morocco World News\n---\n\n'
        "Diplomatic ties between Morocco and Syria are warming after a phone call between the ministers.\n",
        encoding="utf-8",
    )
    [article] = load_articles([f]).articles
    assert article.title == "Rabat and Damascus talk"
    assert article.published == "2024-12-30"
    assert article.outlet == "Morocco World News"
    assert article.body.startswith("Diplomatic ties")


def test_header_lines_front_matter(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Title: Ankara and Damascus\nDate: 3 May 2023\nSource: Gulf News\n\nThe body of the article.\n")
    [article] = load_articles([f]).articles
    assert (article.title, article.published, article.outlet) == ("Ankara and Damascus", "2023-05-03", "Gulf News")
    assert article.body == "The body of the article."


def test_key_value_line_in_text_is_not_front_matter() -> None:
    meta, rest = split_front_matter("Warning: this is the headline\nAnd the text follows.\n")
    assert meta.fields == {} and rest.startswith("Warning:")


def test_unclosed_front_matter_is_reported(tmp_path: Path) -> None:
    f = tmp_path / "a.md"
    f.write_text("---\ntitle: x\nno closing line\n\nbody text here\n")
    result = load_articles([f])
    assert not result.articles
    assert "front matter" in result.problems[0].message and str(f) in str(result.problems[0])


def test_title_is_first_line_without_front_matter() -> None:
    [article] = load_articles([SEEDS / "000_64bdc68748c8cb16.txt"]).articles
    assert article.title == "Is a phone call paving the way towards thawing Morocco-Syria relations?"
    assert not article.body.startswith("Is a phone call")


def test_file_without_headline_takes_first_sentence_and_keeps_it_in_body() -> None:
    [article] = load_articles([SEEDS / "002_f1c03c6ad2ffb493.txt"]).articles
    assert article.title.startswith("Doha, Qatar")
    assert article.title.endswith("Syria.")  # abbreviations such as "Maj." do not end the sentence
    assert article.body.startswith(article.title)


def test_two_articles_in_one_file_are_split_and_cleaned() -> None:
    articles = load_articles([SEEDS / "001_d377006751cbb045.txt"]).articles
    assert len(articles) == 2
    first, second = articles
    assert first.title.startswith("Morocco, US Discuss")
    assert second.title.startswith("Syria’s Reconciliation Committee")
    assert (first.index, second.index) == (0, 1) and first.id != second.id
    for a in articles:
        assert "(Reuters)" not in a.body and "(Facebook)" not in a.body
        assert "\nTT\n" not in f"\n{a.body}\n" and "\n20\n" not in f"\n{a.body}\n"
        assert a.title not in a.body  # the repeated headline is gone
    assert "Soufan" in second.body and "Soufan" not in first.body


def test_weather_widget_tags_and_credits_removed() -> None:
    body = "\n".join(a.body for a in load_articles([SEEDS]).articles)
    for junk in ("mostlycloudy", "light rain", "°", "Image Credit:", "Tags :"):
        assert junk not in body
    assert "Lavrov" in body


def test_repeated_prose_paragraph_is_kept_once_but_not_dropped() -> None:
    para = "The talks between the two ministers lasted three hours and ended with a joint statement."
    assert clean_lines([para, para]) == [para]


def test_split_needs_two_article_sized_parts() -> None:
    lines = ["Headline one", "", "Short body.", "", "", "Another Heading Here", "", "Another short body."]
    assert len(split_articles(lines)) == 1


def test_sanitize_strips_escapes_and_invisible_characters() -> None:
    text = "A\x1b[31mred\x1b[0m \x1b]8;;http://x\x07link\x1b]8;;\x07 \u202eevil\u202c zero\u200bwidth\r\nline"
    assert sanitize(text) == "Ared link evil zerowidth\nline"


def test_folders_recursive_sorted_hidden_skipped(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    body = "\n\nA paragraph of the article about Morocco and Syria that is long enough.\n"
    (tmp_path / "b" / "2.txt").write_text("Second" + body)
    (tmp_path / "a.txt").write_text("First" + body.replace("Syria", "Qatar"))
    (tmp_path / ".hidden" / "x.txt").write_text("Hidden" + body)
    (tmp_path / ".dot.txt").write_text("Dot" + body)
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    titles = [a.title for a in load_articles([tmp_path]).articles]
    assert titles == ["First", "Second"]


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty file"), (b"  \n\t\n", "only whitespace"), (b"\x00\x01\x02binary\x00", "binary")],
)
def test_bad_files_give_one_line_and_the_rest_goes_on(tmp_path: Path, content: bytes, message: str) -> None:
    (tmp_path / "bad.txt").write_bytes(content)
    (tmp_path / "good.txt").write_text("Good title\n\nA good article body about talks between two countries.\n")
    result = load_articles([tmp_path])
    assert [a.title for a in result.articles] == ["Good title"]
    [problem] = result.problems
    assert problem.source.endswith("bad.txt") and message in problem.message
    assert "\n" not in str(problem)


def test_legacy_encodings_are_read(tmp_path: Path) -> None:
    text = (
        "Caf\u00e9 talks in Rabat\n\n"
        "The minister\u2019s visit to the caf\u00e9 was \u201cproductive\u201d, officials said.\n"
    )
    (tmp_path / "cp.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "u16.txt").write_bytes(text.encode("utf-16"))
    articles = load_articles([tmp_path]).articles
    assert len(articles) == 1  # the same text twice is one article
    assert articles[0].title == "Café talks in Rabat" and "“productive”" in articles[0].body


def test_missing_path_and_unsupported_file(tmp_path: Path) -> None:
    (tmp_path / "x.docx").write_bytes(b"PK")
    result = load_articles([tmp_path / "nope", tmp_path / "x.docx"])
    assert [p.message for p in result.problems] == ["no such file or folder", "unsupported file type '.docx'"]


def test_long_article_is_cut_with_a_warning(tmp_path: Path) -> None:
    paras = [
        f"Round {i}: the delegations met again in the capital and discussed trade and visas. " * 5 for i in range(40)
    ]
    (tmp_path / "long.txt").write_text("Long one\n\n" + "\n\n".join(paras))
    result = load_articles([tmp_path], max_article_chars=2000)
    assert len(result.articles[0].body) <= 2000
    assert "only the first 2,000 are analysed" in result.problems[0].message


@pytest.mark.skipif(not BBC.is_dir(), reason="shared corpora not available")
def test_real_bbc_folder_loads_with_invalid_utf8_file() -> None:
    result = load_articles([BBC / "politics"])
    sources = [a.source for a in result.articles]
    assert len(set(sources)) == len(sources), "a one-article BBC file was split"
    assert len(sources) >= 380  # 414 files, some of them the same article twice
    assert all(a.title and a.body for a in result.articles)


def test_dateline_and_byline_become_metadata_not_body(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(
        "Iran and Saudi Arabia agree to resume ties\n\nBy Jane Doe\nPublished On 10 Mar 2023\n\n"
        "Iran and Saudi Arabia have agreed to restore diplomatic relations, a joint statement said.\n\n"
        "Follow Al Jazeera English:\n"
    )
    [article] = load_articles([f]).articles
    assert (article.published, article.author) == ("2023-03-10", "Jane Doe")
    assert article.body == "Iran and Saudi Arabia have agreed to restore diplomatic relations, a joint statement said."


def test_sentence_starting_with_by_is_not_a_byline(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Talks end\n\nBy the time talks began, both sides had left the capital for consultations.\n")
    [article] = load_articles([f]).articles
    assert article.author is None and article.body.startswith("By the time")


def test_caption_credits_related_links_and_late_dateline(tmp_path: Path) -> None:
    caption = "Egyptian Foreign Minister Sameh Shoukry and his Sudanese counterpart meet in Cairo. Photo: AFP"
    f = tmp_path / "a.txt"
    f.write_text(
        "Egypt, Sudan sign agreement on Nile water cooperation\n"
        f"{caption}\n{caption}\nShare\nFacebook\nTwitter\nWhatsApp\n"
        "Last updated: 14 February 2024, 10:32 AM\n\n"
        "CAIRO: Egypt and Sudan on Wednesday signed a memorandum of understanding, the ministry said.\n\n"
        "Relations between Cairo and Khartoum were strained in 2021 but have improved since.\n\n"
        "Read more:\nEthiopia says dam talks with Egypt have collapsed\nSudan army chief visits Cairo\n\n"
        "Topics: Egypt, Sudan, Nile\n"
    )
    [article] = load_articles([f]).articles
    assert article.published == "2024-02-14"
    assert article.body.splitlines()[0].startswith("CAIRO: Egypt and Sudan")
    for junk in ("Photo: AFP", "Facebook", "Last updated", "Read more", "dam talks", "army chief", "Topics"):
        assert junk not in article.body
    assert article.body.endswith("have improved since.")


def test_repeated_sentence_paragraph_is_not_a_caption() -> None:
    para = "The minister said the talks would continue next week in the capital."
    assert clean_lines([para, "Other words of the article follow here in a sentence.", para]) == [
        para,
        "Other words of the article follow here in a sentence.",
        para,
    ]


def test_articles_separated_by_a_rule_line_are_split(tmp_path: Path) -> None:
    para = "The ministers of both countries met in the capital and discussed trade, visas and security. " * 3
    f = tmp_path / "two.txt"
    f.write_text(
        f"Qatar and Syria talk\n\n{para}\n\n---\n\n"
        f"Turkey and Syria meet in Moscow\n\n{para.replace('both', 'the two')}\n"
    )
    articles = load_articles([f]).articles
    assert [a.title for a in articles] == ["Qatar and Syria talk", "Turkey and Syria meet in Moscow"]
    assert all("---" not in a.body for a in articles)


def test_numeric_character_references_are_the_characters_and_never_escapes(tmp_path: Path) -> None:
    """BBC tech/074 writes "the internet caf&#233;"; a reference to ESC must not become an escape sequence."""
    path = tmp_path / "a.txt"
    path.write_text(
        "China 'to overtake US net use'\n\n"
        "\"They get access only when they go home and go off to the internet caf&#233;.\" "
        "Prices fell by &#163;5 and &#x2014; so it goes. &#27;[31mred&#27;[0m and AT&amp;T stay as written.\n",
        encoding="utf-8",
    )
    body = load_articles([str(path)]).articles[0].body
    assert "internet café." in body and "£5" in body and "\u2014" in body
    assert "\x1b" not in body and "&#" not in body
    assert "AT&amp;T" in body
