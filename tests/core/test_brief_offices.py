"""Offices of a state, now or before, on BBC titles: whose country the corpus's other holders may tell."""

from __future__ import annotations

import pytest

from briefing.brief.offices import public_office, speaker_level


@pytest.mark.parametrize(
    ("speaker", "role", "public"),
    [
        ("Jack Straw", "Foreign Secretary", True),
        ("Robin Cook", "Former foreign secretary", True),  # of the country whose secretary he was
        ("Letitia Clark", "bankruptcy judge", True),
        ("the prime minister's official spokesman", None, True),
        ("Werner Seifert", "chief executive", False),  # a firm's office, not a state's
        ("Rolf Breuer", "chairman", False),
        ("Stephanie Villalba", "former head", False),
        ("James Seller", "general secretary", False),  # a union's
        ("Michael Mates", "Tory MP", False),
    ],
)
def test_a_public_office_is_a_states_now_or_before(speaker: str, role: str | None, public: bool) -> None:
    assert public_office(speaker, role) is public


def test_a_former_office_holder_speaks_as_a_person_with_a_role() -> None:
    assert speaker_level("Robin Cook", "Former foreign secretary") == "role"
    assert speaker_level("Jack Straw", "Foreign Secretary") == "minister"
