"""Which countries one clause relates (`links.clause_links`), on sentences from BBC articles."""

from __future__ import annotations

from briefing.analyze.links import clause_links, one_side_pairs, relation_noun_links, token_codes
from tests.analyze.analyze_helpers import nlp


def _links(sentence: str, names: dict[str, str]) -> set[tuple[str, str]]:
    """`names`: word -> country it stands for (a name, or a firm placed there)."""
    doc = nlp()(sentence)
    spans = [(t.i, t.i + 1, names[t.text]) for t in doc if t.text in names]
    return clause_links(doc[:], token_codes(spans))


def test_subject_and_object_of_one_verb_are_related_also_through_a_controlled_verb() -> None:
    assert _links("Boeing is to supply Japan Airlines with up to 50 planes.", {"Boeing": "USA", "Japan": "JPN"}) == {
        ("JPN", "USA")
    }


def test_a_pronoun_subject_of_a_reported_clause_is_the_speaker() -> None:
    sentence = "South Africa biggest retail bank Absa has said it is still in talks with UK bank Barclays."
    assert _links(sentence, {"Absa": "ZAF", "Barclays": "GBR"}) == {("GBR", "ZAF")}


def test_co_subjects_are_related() -> None:
    assert _links("Morocco and Syria signed a trade agreement on Monday.", {"Morocco": "MAR", "Syria": "SYR"}) == {
        ("MAR", "SYR")
    }


def test_a_country_inside_a_relative_clause_is_not_related_to_the_main_subject() -> None:
    sentence = "Inbev, which bought Brazilian brewer Ambev last year, said profits rose."
    assert _links(sentence, {"Inbev": "BEL", "Brazilian": "BRA", "Ambev": "BRA"}) == set()


def test_an_infinitive_of_purpose_is_done_by_the_main_subject() -> None:
    sentence = (
        "Britain has offered to send a company of 120 Gurkhas to assist with the tsunami relief effort in "
        "Indonesia, Downing Street said."
    )
    assert ("GBR", "IDN") in _links(sentence, {"Britain": "GBR", "Indonesia": "IDN"})


def test_a_country_describing_the_setting_of_the_act_is_no_side() -> None:
    sentence = (
        "Shares in Anglo-Swedish drug firm AstraZeneca have closed down 8% in UK trade after the failure of "
        "its Iressa drug."
    )
    assert _links(sentence, {"AstraZeneca": "SWE", "UK": "GBR"}) == set()


def test_the_country_itself_as_the_place_of_a_firms_act_stays_a_side() -> None:
    sentence = "General Motors is to build Cadillacs in Sweden at the Saab plant."
    assert _links(sentence, {"Motors": "USA", "Sweden": "SWE"}) == {("SWE", "USA")}


def test_co_subjects_facing_a_third_party_are_one_side() -> None:
    assert _links("Iraq and Afghanistan in WTO talks", {"Iraq": "IRQ", "Afghanistan": "AFG"}) == set()
    sentence = "The move came after France and Germany vowed to run their budget deficits below the EU cap in 2005."
    assert _links(sentence, {"France": "FRA", "Germany": "DEU"}) == set()


def test_co_subjects_of_a_clause_reporting_no_event_are_not_related() -> None:
    sentence = "Shares in Elan and Biogen Idec plunged on Monday as the firms suspended sales of a new drug."
    assert _links(sentence, {"Elan": "IRL", "Biogen": "USA", "Idec": "USA"}) == set()


def test_countries_between_which_a_relation_holds_are_related_whatever_else_the_clause_names() -> None:
    sentence = (
        "Diplomatic ties between Morocco and Syria seem to be heading towards a warming up following phone "
        "talks Monday between the two countries' Foreign Ministers Nasser Bourita and Asaad Al-Shibani."
    )
    assert _links(sentence, {"Morocco": "MAR", "Syria": "SYR"}) == {("MAR", "SYR")}


def _one_side(sentence: str, names: dict[str, str]) -> set[tuple[str, str]]:
    doc = nlp()(sentence)
    spans = [(t.i, t.i + 1, names[t.text]) for t in doc if t.text in names]
    return one_side_pairs(doc[:], token_codes(spans))


def test_co_objects_of_a_third_partys_act_are_one_side() -> None:
    sentence = "The World Trade Organisation (WTO) is to hold membership talks with both Iraq and Afghanistan."
    assert _one_side(sentence, {"Iraq": "IRQ", "Afghanistan": "AFG"}) == {("AFG", "IRQ")}
    sentence = "The European Commission (EC) has called a truce in its battle with France and Germany."
    assert _one_side(sentence, {"France": "FRA", "Germany": "DEU"}) == {("DEU", "FRA")}


def test_countries_that_act_on_each_other_are_not_one_side() -> None:
    assert (
        _one_side("Morocco and Syria signed a trade agreement on Monday.", {"Morocco": "MAR", "Syria": "SYR"}) == set()
    )
    sentence = (
        "In a sign of a thaw in relations between Egypt and Israel, the two countries have signed a trade protocol."
    )
    assert _one_side(sentence, {"Egypt": "EGY", "Israel": "ISR"}) == set()


def test_a_relation_noun_relates_its_owner_and_its_with_or_between_object() -> None:
    # NBC News (pasted page schema-org-context-object): the relationship named by a noun, not a verb.
    korea = {"Korea": "KOR", "South": "KOR", "U.S.": "USA"}
    assert _links(
        "Lee also expressed concern about how the martial law declaration might affect South Korea's relations "
        "with the U.S.",
        korea,
    ) == {("KOR", "USA")}
    assert ("KOR", "USA") in _links(
        "They have repeatedly reaffirmed the ironclad nature of the U.S. alliance with South Korea.", korea
    )
    assert _links("Ties between Morocco and Syria have improved.", {"Morocco": "MAR", "Syria": "SYR"}) == {
        ("MAR", "SYR")
    }
    # a relation noun with one side only relates nothing; nor does a noun of no relationship
    assert _links("South Korea's relations with its neighbours are calm.", korea) == set()
    assert _links("South Korea's economy grew faster than the U.S. economy.", korea) == set()


def test_two_partners_of_an_ownerless_relation_noun_are_related_only_by_between() -> None:
    """For a pair listed besides (`PairEvidence.related`, `joint_partners=False`): "talks with Russia and Saudi
    Arabia" (BBC business/320, the WTO's talks) are one party's talks with each; "between" relates the two."""
    names = {"Russia": "RUS", "Saudi": "SAU", "Arabia": "SAU", "India": "IND", "Pakistan": "PAK"}

    def related(sentence: str) -> set[tuple[str, str]]:
        doc = nlp()(sentence)
        codes = token_codes([(t.i, t.i + 1, names[t.text]) for t in doc if t.text in names])
        return relation_noun_links(doc[:], codes, joint_partners=False)

    wto = "China's admission in 2001 took 15 years and talks with Russia and Saudi Arabia have been taking place."
    assert ("RUS", "SAU") not in related(wto)
    assert related("The site was a forum to discuss relations between India and Pakistan.") == {("IND", "PAK")}


def test_a_measure_compared_through_a_verb_relates_no_one() -> None:
    # BBC tech 074 "China 'to overtake US net use'": statistics compared, nothing done between the two.
    sentence = (
        "Market analysts Panlogic predicts that net users in China will exceed the 137 million US users of the net."
    )
    assert _links(sentence, {"China": "CHN", "US": "USA"}) == set()
    assert _links("China 'to overtake US net use'", {"China": "CHN", "US": "USA"}) == set()
