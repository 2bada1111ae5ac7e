"""The lead: two or three extracted sentences that say what happened between the two countries."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from brief_helpers import analysed

from briefing.article import Person
from briefing.brief import build_brief
from briefing.brief.lead import opens_back
from briefing.brief.text import sentence_spans

BBC = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "bbc" / "politics"
FREE = (
    "All four Britons held by the US in Guantanamo Bay will be returned to the UK within weeks, Foreign Secretary "
    "Jack Straw told the Commons on Tuesday.\n\nMoazzam Begg, from Birmingham, and Martin Mubanga, Richard Belmar "
    "and Feroz Abbasi, from London, have been held by the US for almost three years. They were detained in the "
    'Cuban camp as part of the US-led "war on terror". Mr Straw said the US had agreed to release the four after '
    '"intensive and complex discussions" over security. He said the government had been negotiating the return '
    'of the detainees since 2003.\n\nBut he added: "Once they are back in the UK, the police will consider '
    'whether to arrest them." Azmat Begg thanked his lawyers and the British people for the support he had '
    "received while campaigning for his son's release."
)
QUESTIONED = (
    "The four Britons freed from US custody in Guantanamo Bay are expected to be allowed a visit by one relative."
    "\n\nMoazzam Begg, Martin Mubanga, Feroz Abbasi and Richard Belmar were held for three years, accused of "
    "al-Qaeda links. The men are being held at London's Paddington Green police station, where they are expected "
    "to be questioned by UK anti-terror officers. Police have said they have a duty to investigate the men, who "
    "were arrested on their return to the UK."
)


def test_the_lead_is_central_sentences_naming_both_countries_with_their_places() -> None:
    first = analysed(FREE, ("GBR", "USA"), source="a.txt")
    second = analysed(QUESTIONED, ("GBR", "USA"), source="b.txt")
    brief = build_brief(("GBR", "USA"), [first, second])
    assert 2 <= len(brief.lead) <= 3
    texts = [p.text for p in brief.lead]
    assert texts[0].startswith("All four Britons held by the US in Guantanamo Bay")  # the news, in story order
    for p in brief.lead:
        body = brief.article(p.article).article.body  # type: ignore[union-attr]
        assert " ".join(body[p.start : p.end].split()) == p.text
        assert not p.text.startswith(("“", '"', "But he added"))  # a lead reports; it does not quote
    assert {p.article for p in brief.lead} == {first.id, second.id}  # central across both articles


def test_no_lead_without_a_sentence_about_the_pair() -> None:
    a = analysed("Flooding closed roads in the north for a second day running after the storm.", None)
    assert build_brief(None, [a]).lead == ()


def test_sentences_of_a_real_bbc_article_end_where_it_ends_them() -> None:
    path = BBC / "192.txt"
    if not path.is_file():
        return
    body = path.read_text(encoding="utf-8", errors="replace")
    spans = sentence_spans(body)
    texts = [body[s:e] for s, e in spans]
    assert (
        'Mr Straw said the US had agreed to release the four after "intensive and complex discussions" over '
        "security." in texts
    )
    assert all(not t[:1].isspace() and not t[-1:].isspace() for t in texts)
    assert [s for s, _ in spans] == sorted(s for s, _ in spans)


def test_an_articles_first_sentence_states_its_event_and_leads() -> None:
    """Three BBC stories on Blair and Bush's second term (UK–US): the lead is each story's first sentence
    (the lede: "Tony Blair is urging European leaders to wake up…"), not a second sentence of one of them
    that repeats more of the others' words ("Mr Bush's re-election came at a crucial time…")."""
    paths = [BBC / name for name in ("126.txt", "189.txt", "280.txt")]
    if not all(p.is_file() for p in paths):
        return
    articles = []
    for p in paths:
        title, _, body = p.read_text(encoding="utf-8", errors="replace").strip().partition("\n")
        people = [Person("Tony Blair", "GBR", "Prime Minister"), Person("George Bush", "USA", "President")]
        articles.append(analysed(body.strip(), ("GBR", "USA"), title=title, source=p.name, people=people))
    brief = build_brief(("GBR", "USA"), articles)
    assert len(brief.lead) == 3
    for passage in brief.lead:
        index = {a.id: a for a in articles}[passage.article]
        assert passage.start == sentence_spans(index.article.body)[0][0], passage.text


def test_a_sentence_pointing_back_to_the_one_before_gives_way_to_one_that_stands_alone() -> None:
    """BBC politics, "Goldsmith denies war advice claim" and "Blair rejects Iraq advice calls" (Iraq–UK): the
    same news twice, once as "He also says Lord Goldsmith warned…" (who says? the sentence before), once
    as "…Philippe Sands QC… says Lord Goldsmith warned…"; the lead takes the one a reader understands alone."""
    paths = [BBC / name for name in ("184.txt", "327.txt")]
    if not all(p.is_file() for p in paths):
        return
    people = [Person("Tony Blair", "GBR", "Prime Minister"), Person("Peter Goldsmith", "GBR", "Attorney General")]
    articles = []
    for p in paths:
        title, _, body = p.read_text(encoding="utf-8", errors="replace").strip().partition("\n")
        articles.append(analysed(body.strip(), ("GBR", "IRQ"), title=title, source=p.name, people=people))
    lead = [p.text for p in build_brief(("GBR", "IRQ"), articles).lead]
    assert any("Philippe Sands QC" in t and "Lord Goldsmith warned" in t for t in lead), lead
    assert not any(opens_back(t) for t in lead), lead
    assert opens_back("He also says Lord Goldsmith warned Tony Blair on 7 March 2003.")
    assert opens_back(
        "But, Hans Reckers, a board member of Germany's central bank, said that cash trading should stay."
    )
    assert not opens_back(
        "Tony Blair has rejected calls for the publication of advice on the legality of the Iraq war."
    )
