"""Views of a parse computed once per Doc and shared by the rule stages.

spaCy rebuilds `doc.text` from its tokens and walks the whole doc for `doc.sents` and `token.sent`
on every access; the rule stages ask for them many times per article. The views live in
`doc.user_data`; `release` drops them once the article is analysed, because Spans kept there point
back at their Doc: a reference cycle that only the cyclic collector frees, so without it a Doc (its
token arrays and tensor) outlives its article by dozens of articles and `briefing index` grows.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_TEXT = "briefing.text"
_SENTENCES = "briefing.sentences"


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text  # type: ignore[no-any-return]


def sentences(doc: Doc) -> tuple[Span, ...]:
    """`doc.sents`, walked once."""
    found = doc.user_data.get(_SENTENCES)
    if found is None:
        sents = tuple(doc.sents)
        found = doc.user_data[_SENTENCES] = (sents, [s.start for s in sents])
    return found[0]  # type: ignore[no-any-return]


def sentence_of(doc: Doc, token_index: int) -> Span:
    """`token.sent`, without its scan of the doc."""
    sentences(doc)
    sents, starts = doc.user_data[_SENTENCES]
    return sents[max(0, bisect_right(starts, token_index) - 1)]  # type: ignore[no-any-return]


def release(doc: Doc) -> None:
    """Drop the views kept on `doc`, so that the Doc is freed as soon as its last user lets it go."""
    doc.user_data.pop(_TEXT, None)
    doc.user_data.pop(_SENTENCES, None)
