"""Events between countries read from the dependency parse, with a polarity from an event-coding scheme.

The lexicon is not a list of phrases seen in our articles: it follows the root categories of CAMEO
(the Conflict and Mediation Event Observations scheme used to code news about relations between
states) and scales each category by its mean on the Goldstein conflict-cooperation scale (-10 war ...
+10 alliance), so "agree", "invest", "aid" are warming and "sanction", "seize", "threaten" cooling with a
strength that comes from the scheme, not from fitting. Each category lists the verbs and nouns that
express it, by lemma, so every inflection and nominalisation of a listed word counts.

How an event word reads depends on its place in the parse, not on the words next to it:
- negation: a `neg` child ("did not agree"), the determiner "no" ("no deal"), or a governing verb of
  failure ("failed to agree", "refused to sign"): a missed warming step counts half as cooling, a
  negated cooling step counts nothing;
- reversal: an event that is the object or subject of a verb of ending or easing ("lift sanctions",
  "sanctions were lifted", "tensions eased") flips, as does one placed "at risk" or "on hold";
  "threaten the deal" is one cooling step;
- relations: "ties", "relations" and the like carry no direction themselves; they take it from the verb
  acting on them ("strengthen ties", "ties soured") or an adjective ("strained relations");
- topic: an event that is only what another event is about ("a probe into a bond deal", "talks on a
  ceasefire") is the topic of that event, not a step of its own;
- modality: a modal auxiliary or a governing verb of intention ("could sign", "hope to agree") hedges.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.analyze.dates import MONTHS, WEEKDAYS
from briefing.analyze.gazetteer import lookup

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


@dataclass(frozen=True, slots=True)
class Category:
    """One CAMEO root category (or a sub-category with a distinct Goldstein value) and its words."""

    code: str
    goldstein: float
    lemmas: frozenset[str]


def _cat(code: str, goldstein: float, words: str) -> Category:
    return Category(code, goldstein, frozenset(words.split()))


CATEGORIES: tuple[Category, ...] = (
    # Verbal cooperation
    _cat("03 express intent to cooperate", 4.0, "pledge vow promise offer"),
    _cat(
        "04 consult",
        1.0,
        "talk talks negotiate negotiation consult consultation summit visit dialogue conversation meet meeting",
    ),
    _cat(
        "05 engage in diplomatic cooperation",
        3.5,
        "praise commend congratulate welcome endorse support back recognise recognize apologise apologize thank "
        "forgive friendship rapprochement reconciliation reconcile normalisation normalization normalise "
        "normalize thaw détente detente",
    ),
    _cat(
        "057 sign formal agreement",
        8.0,
        "agree agreement deal treaty accord pact memorandum sign ceasefire truce",
    ),
    # Material cooperation
    _cat(
        "06 engage in material cooperation",
        6.0,
        "share cooperate cooperation co-operation collaborate collaboration partnership partner alliance ally invest "
        "trade sell export import supply investment investor stake acquire acquisition buy buyout purchase "
        "takeover merge merger venture contract tie-up",
    ),
    _cat("07 provide aid", 7.0, "aid assist assistance help donate donation loan grant rescue"),
    _cat("08 yield", 5.0, "ease release resume reopen restore de-escalate concession concede"),
    # Verbal conflict
    _cat("09 investigate", -2.0, "investigate investigation probe inquiry"),
    _cat("10 demand", -5.0, "demand ultimatum"),
    _cat(
        "11 disapprove",
        -2.0,
        "criticise criticize criticism accuse accusation condemn condemnation denounce blame complain complaint "
        "allege allegation rebuke"
        " fine lawsuit sue",
    ),
    _cat("12 reject", -4.0, "reject rejection refuse refusal veto oppose"),
    _cat("13 threaten", -6.0, "threaten threat warn warning"),
    _cat("14 protest", -6.5, "protest boycott"),
    # Material conflict
    _cat("15 exhibit force posture", -7.2, "mobilise mobilize standoff stand-off"),
    _cat(
        "16 reduce relations",
        -4.0,
        "sever severance suspend suspension expel expulsion recall summon downgrade freeze halt cancel scrap "
        "abandon withdraw withdrawal",
    ),
    _cat("163 impose embargo or sanctions", -8.0, "sanction embargo tariff"),
    _cat("17 coerce", -7.0, "seize seizure confiscate nationalise nationalize arrest detain ban bar block raid"),
    _cat(
        "17x dispute",
        -5.0,
        "dispute row rift feud spat tension tensions crisis clash confrontation confront hostility provocation "
        "provoke retaliate retaliation escalate escalation rivalry spy espionage meddle interfere interference",
    ),
    _cat("18-20 use force", -9.5, "attack invade invasion bomb bombing war fight shell strike kill"),
)

RELATION_NOUNS = frozenset("tie ties relation relations relationship link links contact contacts bond bonds".split())
"""Words for the relationship itself: they carry no direction of their own."""
IMPROVE = frozenset(
    "strengthen deepen boost expand enhance bolster cement elevate upgrade improve develop advance consolidate "
    "broaden reinforce restore re-establish reestablish establish normalise normalize mend repair rebuild warm "
    "forge resume revive".split()
)
DAMAGE = frozenset(
    "cut sever break suspend downgrade freeze sour strain damage harm hurt worsen rupture deteriorate poison "
    "cool".split()
)
GOOD_STATE = frozenset("close warm good friendly strong cordial improved improving strategic".split())
BAD_STATE = frozenset("strained tense frosty icy chilly soured troubled difficult bad hostile poor".split())
"""Verbs and adjectives that give a relation noun its direction."""

ENDING = frozenset(
    "end lift ease resolve settle slash cut defuse overcome halt stop suspend cancel scrap abandon freeze "
    "withdraw drop "
    "remove reduce calm bury quit exit unwind dissolve collapse stall evade avoid escape delay postpone defer".split()
) | frozenset(
    {
        "shut off",
        "shut down",
        "pull out",
        "get out",
        "back out",
        "bail out",
        "opt out",
        "back away",
        "walk away",
        "break off",
        "cut off",
        "call off",
        "give up",
        "break up",
        "fall through",
        "fall apart",
    }
)
"""Verbs that undo the event they act on: "lift sanctions" is warming, "suspend cooperation" cooling; one put
off ("the tie-up has been delayed") is on hold, undone for now."""
FAILURE = frozenset("fail failure refuse refusal decline".split())
INTENTION = frozenset("hope seek aim plan want expect try consider propose mull".split())
UNCONFIRMED = INTENTION | frozenset("report rumour rumor allege".split())
"""Participles that make an event noun one planned or passed on, not done: "the proposed deal", "his
reported treaty"."""
RISK_STATES = frozenset("risk doubt jeopardy hold threat ice trouble difficulty danger".split())
"""'a deal at risk', 'talks on hold': the event is in danger, a cooling step."""
NOT_AN_EVENT_MODIFIERS = {
    "war": frozenset("civil world cold price".split()),
    "attack": frozenset("terror terrorist".split()),
    "deal": frozenset("great good".split()),
}
"""'civil war', 'a price war', 'terror attacks', 'a great deal': not an act of one state towards another."""
ENVOYS = frozenset("ambassador envoy diplomat consul chargé representative delegation mission staff".split())
"""Whom a state recalls or summons in protest (CAMEO 16)."""
VERB_ONLY = frozenset("share demand back bar help sign strike shell fight block partner ally".split())
"""Words whose noun (or adjective) is mostly no act between states."""
HEDGE_MODALS = frozenset("could may might would should".split())
NEGATED_WARMING = 0.5
"""A warming step that did not happen ("no deal", "failed to agree") counts this much as cooling."""
SCALE = 0.3
PER_POINT = 0.1
"""An event weighs SCALE + PER_POINT * |Goldstein|: 0.4 for talks, 0.9 for investment, 1.1 for a deal."""


def _lexicon() -> dict[str, Category]:
    index: dict[str, Category] = {}
    for category in CATEGORIES:
        for lemma in category.lemmas:
            index.setdefault(lemma, category)
    return index


LEXICON = _lexicon()


@dataclass(frozen=True, slots=True)
class Event:
    """One event word of a sentence, read in its parse."""

    token: int
    """Index of the event word in its Doc."""
    start: int
    end: int
    """Character offsets in the Doc."""
    polarity: float
    """+1 warming, -1 cooling, after negation and reversal."""
    weight: float
    category: str
    hedged: bool
    measured: bool = False
    """Only measured, as a statistic (`measured`): a step only when both of a pair are its sides."""
    describes: bool = False
    """Only says what a thing is ("a symbol of cooperation between Canada and the US"): no step by anyone."""
    called_off: bool = False
    """A warming event undone by a verb of ending ("the summit was cancelled", "talks were postponed", "called
    off the visit"): a meeting that will not take place is a setback, not words. Not "there would be no talks
    unless ...", a refusal in words."""


VERBAL_CONFLICT = frozenset("09 10 11 12 13".split())
"""Root codes of CAMEO's verbal conflict (its quad class 3: investigate, demand, disapprove, reject, threaten):
words one side says or a probe it opens, not an act toward the other (protest, sanctions, force are material)."""
VERBAL_COOPERATION = frozenset("03 04 05".split())
"""Root codes of CAMEO's verbal cooperation (intent, consult, diplomatic cooperation)."""


def words_of_conflict(event: Event) -> bool:
    """Whether an event is words against the other side, no act: verbal conflict ("accused", "a probe",
    "will oppose any bid"), or verbal cooperation withheld ("won't back a bid"); not one called off ("the
    summit was cancelled"), which is an act of reducing relations (CAMEO 16)."""
    root = event.category[:2]
    return root in VERBAL_CONFLICT or (root in VERBAL_COOPERATION and event.polarity < 0 and not event.called_off)


def _key(token: Token) -> str:
    return token.lemma_.lower().replace("’", "'")


def base_polarity(token: Token) -> tuple[float, float, str] | None:
    """(sign, weight, category) of an event word by its own meaning, or None."""
    if token.pos_ not in ("VERB", "NOUN", "PROPN", "ADJ"):
        return None
    key = _key(token)
    if key in RELATION_NOUNS or token.lower_ in RELATION_NOUNS:
        return _relation_polarity(token)
    if _founds_a_facility(token):
        investment = LEXICON["invest"]  # "building a car factory in India"
        return 1.0, SCALE + PER_POINT * investment.goldstein, investment.code
    joined = _hyphenated_key(token)
    if joined in LEXICON:
        key = joined  # "tie-up", "stand-off", "co-operation": the tokenizer splits them at the hyphen
    category = LEXICON.get(key) or LEXICON.get(token.lower_)
    if category is None or not _is_event(token, key):
        return None
    if token.pos_ == "VERB" and verb_key(token) != key:
        return None  # "back away", "break up": the particle makes another verb
    sign = 1.0 if category.goldstein > 0 else -1.0
    return sign, SCALE + PER_POINT * abs(category.goldstein), category.code


def _hyphenated_key(token: Token) -> str:
    """The lemma of a word joined to the one before it by a hyphen, with that word: "tie-up" (the tokenizer
    splits "tie-up" into "tie", "-", "up"), else the lemma alone."""
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text in ("-", "\u2011") and not doc[token.i - 1].whitespace_:
        first = doc[token.i - 2]
        if not first.whitespace_ and first.is_alpha:
            return f"{first.lower_}-{_key(token)}"
    return _key(token)


FOUNDING = frozenset({"build", "open", "construct", "establish", "set up"})
FACILITIES = frozenset(
    "plant factory facility works mill refinery smelter subsidiary branch office headquarters".split()
)
"""A firm that builds or opens a plant, a factory or an office somewhere invests there: material cooperation
(CAMEO 06), like the investment, the contract and the supply of the lexicon."""


def _founds_a_facility(token: Token) -> bool:
    """ "Volkswagen is considering building a car factory in India", "opening an assembly plant"."""
    return (
        token.pos_ == "VERB"
        and verb_key(token) in FOUNDING
        and any(c.dep_ == "dobj" and _key(c) in FACILITIES for c in token.children)
    )


def _is_event(token: Token, key: str) -> bool:
    """Words of the lexicon used in a sense that is no act between states."""
    idioms = NOT_AN_EVENT_MODIFIERS.get(key, frozenset())
    if any(c.dep_ in ("amod", "compound") and _key(c) in idioms for c in token.children):
        return False
    if key in ("war", "attack") and any(
        c.dep_ == "prep" and c.lower_ == "on" and any(_key(g) in ("terror", "terrorism", "drug") for g in c.children)
        for c in token.children
    ):
        return False  # "the war on terror"
    if (
        key == "attack"
        and token.pos_ == "VERB"
        and any(c.dep_ == "prep" and c.lower_ in ("on", "over", "for") for c in token.children)
    ):
        return False  # "Straw attacked on China arms": criticised at home about a topic
    if key in FAILURE and any(c.dep_ == "xcomp" for c in token.children):
        return False  # "refused to sign": a negator of the verb it governs, read there
    if key == "fight" and any(c.dep_ == "dobj" and not c.ent_type_ for c in token.children):
        return False  # "fight terrorism", "fight inflation": a problem, not another state
    if key in ("meet", "meeting") and not _meets_someone(token):
        return False  # "meet demand", "met its targets", "officials met in Rabat": no one named is met
    if key == "row" and _in_a_row(token):
        return False  # "the third week in a row": one after another, no quarrel
    if key == "deal" and token.pos_ == "VERB":
        return False  # "deal with rising prices"
    if key == "accord" and token.pos_ != "NOUN":
        return False  # "according to the bank's figures": a source, not an accord
    if (
        key in ("help", "assist")
        and token.pos_ == "VERB"
        and any(c.dep_ == "xcomp" for c in token.children)
        and not any(c.dep_ == "dobj" for c in token.children)
    ):
        return False  # "helped boost stock markets", "to help pay a tax bill": a cause, not aid to anyone
    if key in ("recall", "summon") and not any(
        c.dep_ in ("dobj", "nsubjpass") and _key(c) in ENVOYS for c in token.children
    ):
        return False  # "he recalls his experience": remembering; a state recalls or summons its envoys
    if key in VERB_ONLY and token.pos_ != "VERB":
        return False  # "growing demand", "a strike", "Shell", "a sign of"
    if token.pos_ == "ADJ" and key not in ("hostile",) and not token.tag_.startswith("VB"):
        return False  # a participle the tagger took for an adjective ("threatened retaliation") still counts
    return not (key == "support" and token.dep_ == "compound")


def _a_thing(token: Token) -> bool:
    """A common noun naming no one: no entity, no person, body or agent ("targets", "demand"), unlike
    "officials", "his counterpart", "the delegation", "him"."""
    return (
        token.pos_ == "NOUN"
        and not token.ent_type_
        and not _names_an_agent(token)
        and _key(token) not in ENVOYS | {"counterpart"}
    )


def _in_a_row(token: Token) -> bool:
    """ "for the third week in a row", "five games in a row": the bare idiom "in a row" (one after another),
    a row with nothing to say what kind or what about; "embroiled in a row over tariffs", "in a diplomatic
    row" are quarrels."""
    return (
        token.dep_ == "pobj"
        and token.head.lower_ == "in"
        and [c.lower_ for c in token.children] == ["a"]
    )


def _meets_someone(token: Token) -> bool:
    """A meeting is a consultation (CAMEO 04) with a partner it names: "met with the LSE", "a meeting with
    Blair", "an LSE meeting". Not "officials met in Rabat" (no one met), "meet demand" (a thing), nor a name
    or a group met head on, which is how sport reports a fixture and its draw ("Umaga will meet O'Driscoll",
    "officials met representatives from Switzerland, France and Cyprus to arrange the fixtures")."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("with", "between"):
            # "with the Irish captain leading the side" is an absolute clause, no one met
            return not any(c.dep_ in ("acl", "relcl") and c.tag_ == "VBG" for o in child.children for c in o.children)
        if token.pos_ == "NOUN" and child.dep_ in ("compound", "poss") and (child.ent_type_ or child.pos_ == "PROPN"):
            return True
        if child.dep_ == "dobj" and _key(child) in MET_IN_OFFICE:
            return True  # "met his Chinese counterpart", "met the Syrian president": an office, no fixture
    return False


def _relation_polarity(token: Token) -> tuple[float, float, str] | None:
    """ "strained ties", "strengthen relations", "ties soured": a relation noun's direction from its words."""
    for child in token.children:
        if child.dep_ in ("amod", "acl") and _key(child) in GOOD_STATE | IMPROVE:
            return 1.0, 1.0, "relation state"
        if child.dep_ in ("amod", "acl") and (_key(child) in BAD_STATE | DAMAGE or child.lower_ in BAD_STATE):
            return -1.0, 1.0, "relation state"
    head = token.head
    if token.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj") and head.pos_ in ("VERB", "NOUN", "ADP"):
        verb = head.head if token.dep_ == "pobj" else head
        if _key(verb) in IMPROVE:
            return 1.0, 1.2, "relation improved"
        if _key(verb) in DAMAGE:
            return -1.0, 1.4, "relation damaged"
    return None


def _negated(token: Token) -> bool:
    """ "did not agree", "no deal", "failed to sign": the event did not happen."""
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in token.children):
        return True
    if token.dep_ == "pobj" and token.head.lower_ == "without":
        return True  # "talks ended without an agreement"
    if token.pos_ == "VERB" and _no_one_does(token):
        return True  # "neither side agreed", "no country signed"
    head = token.head
    if token.dep_ in ("dobj", "nsubjpass", "attr") and any(c.dep_ == "neg" for c in head.children):
        return True
    clause = token if token.pos_ == "VERB" else head
    if clause.dep_ == "ccomp" and any(c.dep_ == "neg" for c in clause.head.children):
        return True  # "did not mean that Libya had cut its ties"
    if token.dep_ == "pobj" and head.lower_ in TARGET_PREPOSITIONS and clause_verb(token).i != token.i:
        verb = clause_verb(token)  # "refused to sign up to the treaty", "did not go to the summit"
        if any(c.dep_ == "neg" for c in verb.children) or (
            verb.dep_ in ("xcomp", "acl") and _key(verb.head) in FAILURE
        ):
            return True
    if token.dep_ in ("dobj", "attr") and head.dep_ in ("xcomp", "acl"):
        token, head = head, head.head  # "failed to reach an agreement"
    return token.dep_ in ("xcomp", "acl") and _key(head) in FAILURE


DENIAL = frozenset({"deny", "rule out", "exclude", "dismiss", "play down", "refute"})
"""Verbs of denying: what they govern is denied, or (negated) left a possibility; neither done nor missed."""
REPORT_NOUNS = frozenset("report rumour rumor speculation claim suggestion".split())
"""'denied reports it was withdrawing': the event is what the denied report says."""


DEPICTION = frozenset({"depict", "portray", "dramatise", "dramatize", "re-enact", "reenact"})
"""Verbs of representing: what a film, book or play depicts is its story, no step by anyone ("Dirty War ...
depicts a dirty bomb attack on the City of London")."""


def _in_denial(token: Token) -> bool:
    """ "did not rule out that there had been an agreement", "denied reports it was withdrawing from Iraq",
    "denied accusing Germany": the event is in what a verb of denying governs, so no step either way.
    So is an event a work depicts (`DEPICTION`): it is the work's story."""
    return _governed_by(token, DENIAL) or _governed_by(token, DEPICTION)


def _governed_by(token: Token, verbs: frozenset[str]) -> bool:
    """Whether the event is in the object or complement of one of `verbs` (through report nouns)."""
    current = token
    for _ in range(5):
        head = current.head
        if head.i == current.i:
            return False
        if head.pos_ in ("VERB", "AUX") and verb_key(head) in verbs:
            return current.dep_ in ("ccomp", "dobj", "xcomp")
        if head.pos_ == "NOUN" and _key(head) not in REPORT_NOUNS and current.dep_ not in ("acl", "relcl", "ccomp"):
            return False
        current = head
    return False


JUDICIAL = frozenset(
    "court judge jury lawsuit suit sue litigation trial tribunal prosecutor prosecute prosecution lawyer attorney "
    "bankruptcy plaintiff defendant verdict indictment indict".split()
)
"""Words of judicial proceedings: a court, its people and its acts (a closed class, like the lexicon's)."""
JUDICIAL_ACTS = frozenset("sue prosecute indict".split())
"""Those of them that are judicial as verbs too ("to judge", "to try" are not)."""


def judicial(sentence: Span) -> bool:
    """Whether a sentence reports judicial proceedings ("a US court ruled", "fans sue activists",
    "Yukos filed for bankruptcy"): the parties argue before a court, they take no step towards each other."""
    return any(
        _key(t) in JUDICIAL
        and (t.pos_ in ("NOUN", "PROPN") or _key(t) in JUDICIAL_ACTS)
        and not (_key(t) == "suit" and _key(t.head) == "follow")  # "Germany followed suit": did the same
        for t in sentence
    )


def state_sides(sentence: Span) -> set[str]:
    """Countries a sentence names as sides of what it reports by their own word or their government
    ("Russia", "the Russian government"), not by a firm, a person or a court of theirs ("German airline
    Lufthansa", "a US court")."""
    codes: set[str] = set()
    for t in sentence:
        code = mention_codes([t], sentence)
        if not code or not is_actor(t):
            continue
        head = t
        while head.dep_ in ("compound", "flat") and head.head.i != head.i and head.head.ent_iob_ == "I":
            head = head.head  # the last word of a multi-word name ("United States")
        if head.dep_ not in MODIFIER_DEPS or _key(head.head) in GOVERNMENT:
            codes |= code
    return codes


GOVERNMENT = frozenset(
    "government ministry minister president premier authority administration cabinet parliament state regime "
    "leadership army navy military troop troops force forces soldier embassy ambassador official regulator".split()
)
"""Nouns for a state's own bodies and people: "the Russian government" is Russia as a side."""
MET_IN_OFFICE = (GOVERNMENT | ENVOYS | {"counterpart", "leader"}) - {"representative", "staff", "mission"}
"""Whom a meeting's direct object names when it is a consultation: an office-holder ("met his counterpart"), not
a name or group met head on as sport reports a fixture ("met representatives from Switzerland")."""
TARGET_PREPOSITIONS = frozenset("to with at for".split())
"""Prepositions whose object is what a negated verb aims at ("did not go to the summit"), unlike time or
circumstance ("has not grown since the 1998 accord")."""
EVENT_TOPIC_PREPOSITIONS = frozenset("over about into on concerning regarding of".split())
"""After an event word, what the event is about ("a probe into a bond deal", "talks on a ceasefire"): no step."""
COUNTRY_TOPIC_PREPOSITIONS = frozenset("over about regarding concerning".split())
"""Before a country, what a claim is about ("concerns over China"); not "on", "into", "of": a target or owner."""


NO_ONE = frozenset("no neither none nobody".split())
UNDER_NEGATION_DEPS = frozenset("dobj pobj prep xcomp acl advcl".split())


def _under_negation(token: Token) -> bool:
    """ "cannot support the plan to boost aid": an event inside the object or purpose of a negated verb.

    The negated verb carries the negation as its own event; what it would have brought about is no step.
    """
    current = token
    for _ in range(4):
        if current.dep_ not in UNDER_NEGATION_DEPS or current.head.i == current.i:
            return False
        current = current.head
        if current.pos_ in ("VERB", "AUX") and (
            any(c.dep_ == "neg" for c in current.children) or _no_one_does(current)
        ):
            return True
    return False


def _no_one_does(verb: Token) -> bool:
    """The verb's subject is "neither side", "no country", "nobody"."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in NO_ONE or any(d.lower_ in NO_ONE for d in c.children))
        for c in verb.children
    )


def _hedged(token: Token) -> bool:
    """ "could sign", "hope to agree", "wants to end isolation with an agreement", "the proposed deal": a
    modal or a verb of intention on the clause the event stands in, or a participle of intention on the
    event noun itself."""
    if any(c.dep_ in ("amod", "acl") and c.tag_ == "VBN" and _key(c) in UNCONFIRMED for c in token.children):
        return True
    verb = clause_verb(token)
    for tok in (verb, verb.head if verb.dep_ == "xcomp" else verb):
        if any(c.dep_ == "aux" and c.lower_ in HEDGE_MODALS for c in tok.children):
            return True
    return verb.dep_ == "xcomp" and _key(verb.head) in INTENTION


def clause_verb(token: Token) -> Token:
    """The verb of the clause a word stands in: itself, or the first verb up its heads ("an agreement" in
    "to end isolation with an agreement" stands in the clause of "end")."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb


def verb_key(verb: Token) -> str:
    """A verb's lemma with its particle: "pull out", "back away", "break off"."""
    for child in verb.children:
        if child.dep_ in ("prt", "advmod", "prep") and child.lower_ in PARTICLES and child.i == verb.i + 1:
            return f"{_key(verb)} {child.lower_}"
    return _key(verb)


PARTICLES = frozenset("out away off up down apart through back".split())


def _acting_verb(token: Token) -> Token | None:
    """The verb an event word is the object or subject of ("lift sanctions", "talks collapsed")."""
    if token.dep_ in ("dobj", "nsubjpass", "nsubj", "xcomp"):
        return token.head
    if token.dep_ == "compound" and _key(token.head) in ENDING:
        return token.head  # "a supply cut", "the sanctions freeze"
    if token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.lower_ in ("of", "from"):
        head = token.head.head
        if head.pos_ in ("ADV", "ADP") and head.dep_ in ("prt", "advmod", "prep"):
            head = head.head  # "get out of a deal": the preposition hangs on the particle
        if head.pos_ == "VERB":
            return head  # "pull out of the deal", "withdraw from the treaty"
    if token.dep_ == "conj":
        return _acting_verb(token.head)
    return None


def _ends_something_else(token: Token, verb: Token) -> bool:
    """ "takeover talk lifts shares", "the deal cut costs": the event is the active subject of a verb of ending
    that has an object of its own, so it is the one ending, not the thing ended."""
    return token.dep_ in ("nsubj", "compound") and any(c.dep_ == "dobj" for c in verb.children)


def _at_risk(token: Token) -> bool:
    for clause in token.children:
        if clause.dep_ in ("acl", "relcl") and _at_risk_prep(clause):
            return True  # "the second investment to run into trouble"
    return _at_risk_prep(token) or _at_risk_subject(token)


def _at_risk_prep(token: Token) -> bool:
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("at", "in", "on", "under", "into")
        and any(_key(o) in RISK_STATES for o in c.children if o.dep_ == "pobj")
        for c in token.children
    )


def _at_risk_subject(token: Token) -> bool:
    for prep in token.children:
        if (
            prep.dep_ == "prep"
            and prep.lower_ in ("at", "in", "on", "under")
            and any(_key(o) in RISK_STATES for o in prep.children if o.dep_ == "pobj")
        ):
            return True
    head = token.head
    return token.dep_ == "nsubj" and any(
        c.dep_ == "prep" and any(_key(o) in RISK_STATES for o in c.children) for c in head.children
    )


LESS = frozenset("low few little small".split())


def _lowered(token: Token) -> bool:
    """ "lower tariffs", "fewer sanctions": a comparative of less on a hostile measure eases it."""
    return any(c.dep_ == "amod" and c.tag_ == "JJR" and _key(c) in LESS for c in token.children)


def outside_topics(sentence: Span) -> str:
    """The sentence without what its events are about ("talks with Peugeot about a possible alliance" ->
    "talks with Peugeot"): a hedge inside a topic ("possible") qualifies the topic, not the event."""
    topic_words: set[int] = set()
    for token in sentence:
        if base_polarity(token) is None:
            continue
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in EVENT_TOPIC_PREPOSITIONS - {"of"} and not _gives_a_time(prep):
                topic_words.update(t.i for t in prep.subtree)
    return "".join(t.text_with_ws for t in sentence if t.i not in topic_words)


TIME_ENTITIES = frozenset({"DATE", "TIME"})


def _gives_a_time(prep: Token) -> bool:
    """ "agreed on Friday", "talks on 3 March", "met over the weekend": the preposition's object is when, not
    what about (a date or time entity, or a weekday or month the tagger left unlabelled)."""
    return any(
        o.dep_ == "pobj" and (o.ent_type_ in TIME_ENTITIES or o.lower_ in WEEKDAYS or o.lower_ in MONTHS)
        for o in prep.children
    )


def _topic_of_event(token: Token, events: set[int]) -> bool:
    """ "a probe into a bond deal", "talks on a ceasefire": the event is what another event is about."""
    if token.dep_ == "pobj" and token.head.lower_ in EVENT_TOPIC_PREPOSITIONS:
        return token.head.head.i in events
    return token.dep_ == "compound" and token.head.i in events and token.i < token.head.i


FIGURES = frozenset("MONEY PERCENT QUANTITY".split())
"""Entity types of a figure: an amount, a share, a quantity."""


def measured(token: Token) -> bool:
    """Whether an event noun is only measured, as a statistic: it stands in the subject of a verb (not
    "be") whose own clause gives a figure ("US exports rose 12.3%", "the gap between exports and
    imports hit $671bn"). One country's trade figure is the sum of many firms' sales, no step toward
    another (the trend counts it only when both of the pair are its sides, "Japan's trade with China rose");
    "signed a $2bn deal" (the deal is the object) and "the deal is worth $2bn" (a copula) stay events."""
    return _measuring_verb(token) is not None


def _measuring_verb(token: Token) -> Token | None:
    """The verb that gives a measured event noun its figure (see `measured`), else None."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    current = token
    while current.dep_ not in ("nsubj", "nsubjpass") and current.head.i != current.i:
        if current.head.pos_ in ("VERB", "AUX"):
            return None
        current = current.head
    if current.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = current.head
    if verb.lemma_.lower() == "be":
        return None
    subject = {t.i for t in current.subtree}
    return verb if any(t.ent_type_ in FIGURES for t in _own_clause(verb) if t.i not in subject) else None


GROWTH = frozenset("rise grow increase climb jump surge soar double triple expand gain rocket leap swell".split())
DECLINE = frozenset("fall drop decline slump shrink plunge slide tumble sink halve dip decrease contract".split())
"""Verbs of a figure's change: a statistic of trade between the two says where it went only through them."""


def measured_change(token: Token) -> float | None:
    """How a measured event's figure moved (see `measured`): +1 it grew ("Japan's trade with China rose
    12%"), -1 it shrank, 0 it only stands at a level ("supplies from Turkmenistan account for 45% of the
    gas imported by Ukraine", "trade added up to $5bn": a share or a total is no step either way); None
    when the event is not measured or its verb is one of ending, which reverses it already."""
    verb = _measuring_verb(token)
    if verb is None or key_in_ending(verb):
        return None
    key = _key(verb)
    return 1.0 if key in GROWTH else -1.0 if key in DECLINE else 0.0


COMPARISON = frozenset("than like unlike as".split())
DESCRIPTIVE = 0.25
"""'the organisers of the attack', 'victims of the war': an event only describing something else."""


def _compared(token: Token) -> bool:
    """ "more effective than the current ban", "attacks such as the bombing": a yardstick, not a step."""
    return token.dep_ == "pobj" and token.head.lower_ in COMPARISON


def _names_a_kind(token: Token, base: dict[int, tuple[float, float, str]]) -> bool:
    """ "aid workers", "the trade minister", "war crimes", "imported cars": an event word naming a kind of
    thing, not an act."""
    if token.head.i in base or token.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if token.dep_ == "compound":
        return True
    # "imported cars", "exported goods", "gas imported by Ukraine": a past participle that only describes
    # the goods (a warming word; a cooling one such as "frozen assets" still reads as an ending of something
    # unnamed)
    # ("plans for sovereignty to be shared" is a clause of its own, with its auxiliaries: an event)
    return (
        token.dep_ in ("amod", "acl")
        and token.tag_ == "VBN"
        and base[token.i][0] > 0
        and not key_in_ending(token)
        and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in token.children)
    )


def _describes_a_thing(token: Token, base: dict[int, tuple[float, float, str]]) -> bool:
    """ "a symbol of cooperation and friendship", "the organisers of the attack": the event only says what a
    thing is; so does each conjunct of it."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    head = token.head
    return token.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" and head.head.i not in base


def _ending_in_chain(verb: Token) -> Token:
    """The first verb of ending down a chain of open complements ("looks set to be scrapped"), else `verb`."""
    current = verb
    for _ in range(4):
        if key_in_ending(current):
            return current
        nxt = next((c for c in current.children if c.dep_ in ("xcomp", "oprd", "acomp")), None)
        if nxt is None:
            break
        current = nxt
    return verb


STANDALONE_ENDING = 0.5
"""A verb of ending that acts on no event of the lexicon ("withdrew its assets") counts this much."""


def key_in_ending(token: Token) -> bool:
    return _key(token) in ENDING or verb_key(token) in ENDING


def consumed_by_event(token: Token, base: dict[int, tuple[float, float, str]]) -> set[int]:
    """The verb's own index when one of the lexicon's events is its object or subject."""
    return {token.i} if any(_acting_verb(t) is token for t in token.children if t.i in base) else set()


MAKING_VERBS = frozenset({"strike"})
"""Verbs of force that, with a warming event as their object, make it: "strike a deal", "struck an agreement"
(English idiom, as "a great deal" is no deal); "threaten the deal", "attack the agreement" stay hostile."""


def _makes(verb: Token, event: Token) -> bool:
    return verb.lemma_ in MAKING_VERBS and event.dep_ == "dobj" and event.head.i == verb.i


def find_events(sentence: Span) -> list[Event]:
    """The events of one parsed sentence, each read with its negation, reversal, topic and modality."""
    base = {t.i: p for t in sentence if (p := base_polarity(t)) is not None}
    consumed: set[int] = set()
    found: dict[int, Event] = {}
    for i, (sign, weight, code) in base.items():
        token = sentence.doc[i]
        polarity = sign
        called_off = False
        verb = _acting_verb(token)
        if verb is not None and token.dep_ in ("nsubj", "nsubjpass"):
            verb = _ending_in_chain(verb)  # "the investment looks set to be scrapped"
        if verb is not None and verb.i != i and code not in ("relation improved", "relation damaged"):
            if (_key(verb) in ENDING or verb_key(verb) in ENDING) and not _ends_something_else(token, verb):
                polarity = -sign  # "lift sanctions", "suspend cooperation", "talks collapsed"
                called_off = sign > 0
                consumed.add(verb.i)
            elif verb.i in base and base[verb.i][0] < 0 and sign > 0 and _makes(verb, token):
                consumed.add(verb.i)  # "close to striking a deal": the deal is the step
            elif verb.i in base and base[verb.i][0] < 0 and sign > 0:
                polarity, weight = -1.0, max(weight, base[verb.i][1])  # "threaten the deal": one cooling step
                consumed.add(verb.i)
            elif verb.i in base and token.dep_ == "dobj" and (base[verb.i][0] < 0 or base[verb.i][0] == sign):
                consumed.add(i)  # "threaten sanctions", "sign an agreement": the verb is the step
        if code in ("relation improved", "relation damaged") and verb is not None:
            consumed.add(verb.i)  # "strengthen ties": the verb is read through the relation noun
        if _at_risk(token):
            polarity = -1.0 if sign > 0 else polarity
        elif sign < 0 and _lowered(token):
            polarity = 1.0  # "lower trade tariffs": an easing
        factor = 1.0
        describes = False
        if key_in_ending(token) and i not in consumed_by_event(token, base):
            factor = STANDALONE_ENDING  # "withdrew $1bn", "frozen assets": ending something unnamed
        if _in_denial(token):
            factor = 0.0  # "did not rule out an agreement", "denied reports of a withdrawal": nothing happened
        elif _negated(token):
            polarity, factor = (-1.0, NEGATED_WARMING) if polarity > 0 else (polarity, 0.0)
        elif _under_negation(token):
            factor = 0.0
        if _topic_of_event(token, set(base)) or _compared(token) or _names_a_kind(token, base):
            factor = 0.0
        elif describes := _describes_a_thing(token, base):
            factor *= DESCRIPTIVE
        change = measured_change(token)
        if change is not None:
            polarity, factor = (polarity * change, factor) if change else (polarity, 0.0)
        found[i] = Event(
            i,
            token.idx,
            token.idx + len(token),
            polarity,
            weight * factor,
            code,
            _hedged(token),
            measured(token),
            describes,
            called_off,
        )
    return [e for i, e in sorted(found.items()) if i not in consumed and e.weight > 0]


def sentence_countries(sentence: Span) -> set[str]:
    """Country codes named in a parsed sentence (the gazetteer's entity ids, else a lookup of the name)."""
    codes: set[str] = set()
    for ent in sentence.ents:
        code = ent.ent_id_ or None
        if code is None and ent.label_ in ("GPE", "NORP"):
            term = lookup(ent.text)
            code = term.code if term else None
        if code:
            codes.add(code)
    return codes


def event_parties(
    sentence: Span,
    event: Event,
    names: Mapping[str, str] | None = None,
    *,
    actors_only: bool = False,
    agents_only: bool = False,
) -> set[str]:
    """Countries in the clause of an event: the subtree of the verb it belongs to, its subject included.

    `names` places people and companies (full name or surname -> country), so "Wembley agreed to
    sell its US unit to BLB" has the parties of the firms as well as of the country word. With
    `actors_only`, a country named only as the place where something happens or as a modifier of a
    thing ("filed in Houston", "the UK album chart") is left out: it is no side of the event.
    """
    token = sentence.doc[event.token]
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return mention_codes(_own_clause(verb), sentence, names, actors_only=actors_only, agents_only=agents_only)


def sentence_actors(sentence: Span, names: Mapping[str, str] | None = None, *, agents_only: bool = False) -> set[str]:
    """Countries a sentence names as sides of what it reports (not as places or modifiers of things);
    `agents_only`: as someone who acts (`is_agent`)."""
    return mention_codes(list(sentence), sentence, names, actors_only=True, agents_only=agents_only)


def mention_codes(
    tokens: list[Token],
    sentence: Span,
    names: Mapping[str, str] | None = None,
    *,
    actors_only: bool = False,
    agents_only: bool = False,
) -> set[str]:
    """Country codes of the mentions starting among `tokens` (gazetteer ids, names, placed people/firms).

    `agents_only`: only mentions that name someone who can take a step (`is_agent`), not a thing the
    country's word merely describes ("American tricks", "US drama 24")."""
    named = {ent.start: ent for ent in sentence.ents} if names else {}
    codes: set[str] = set()
    for t in tokens:
        code: str | None = None
        if t.ent_type_ and t.ent_id_:
            code = t.ent_id_
        elif t.ent_type_ in ("GPE", "NORP") and t.ent_iob_ == "B":
            term = lookup(t.text)
            code = term.code if term else None
        elif names and t.i in named:
            text = named[t.i].text
            code = names.get(text) or names.get(text.split()[-1])
        if not code or ((actors_only or agents_only) and not is_actor(t)):
            continue
        if agents_only and not (names and t.i in named and code != t.ent_id_) and not is_agent(t):
            continue
        codes.add(code)
    return codes


def _names_an_event(token: Token) -> bool:
    return token.lemma_.lower() in RELATION_NOUNS or base_polarity(token) is not None


PLACE_PREPOSITIONS = frozenset("in at across throughout within inside outside around near on".split())
"""Prepositions whose object is where something happens, not who does it ("filed in Houston")."""
COUNTRY_PLACE_PREPOSITIONS = frozenset("in at inside within near across throughout outside around off".split())
"""Prepositions before a country mention that make the country the place, not a party (salience: "signed in
Brussels"). Not "on", which before a country names a target ("sanctions on Russia", "pressure on China");
"off" names a place at sea ("off Somalia")."""
MODIFIER_DEPS = frozenset("compound amod nmod nummod".split())


def is_actor(token: Token) -> bool:
    """Whether a country mention names a side of what the sentence reports, rather than the place
    something happens ("filed for bankruptcy in Houston") or a kind of thing ("the UK album chart",
    "UK dog tracks", "US stock markets").

    The mention is followed up through its name's own words and the modifiers to the noun it
    describes. It is a place when that noun is the object of a preposition of place attached to a verb
    or to another place. It names a kind of thing when a common noun stands between it and that noun
    ("UK *album* chart") and the noun is no subject, no event and no name: "UK bank seals deal",
    "a South Korean deal", "Indian newspaper company Jagran" keep their country.
    """
    head = token
    while head.dep_ in ("compound", "flat") and head.head.i != head.i and head.head.ent_iob_ == "I":
        head = head.head  # the last word of a multi-word name ("United States")
    mention = head.i
    kind_of_thing = False
    while _modifies(head) and head.head.i != head.i:
        kind_of_thing = kind_of_thing or (head.i != mention and head.pos_ == "NOUN")
        head = head.head
        kind_of_thing = kind_of_thing or any(
            c.dep_ == "compound" and c.pos_ == "NOUN" and c.i > mention for c in head.children
        )
    if head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPOSITIONS:
        attached = head.head.head
        if attached.pos_ in ("VERB", "AUX") or attached.ent_type_ in ("GPE", "LOC", "FAC"):
            return False
    if kind_of_thing:
        return (
            head.dep_ in ("nsubj", "nsubjpass", "agent")
            or bool(head.ent_type_)
            or _names_an_event(head)
            or _names_an_agent(head)
        )
    return True


def _modifies(token: Token) -> bool:
    """A modifier of the noun after it; an adjective the parser hung as a possessor ("attacked German
    'empire'": "German" tagged JJ, arc `poss`) is one too, since only a noun with "'s" owns."""
    return token.dep_ in MODIFIER_DEPS or (token.dep_ == "poss" and token.tag_ == "JJ")


def is_agent(token: Token) -> bool:
    """Whether a country mention names someone who can take a step toward another country: the country
    itself ("Russia", "the French", "Britain's"), or its word describing a body, an official, a firm, a
    group or a named one ("the US government", "a British Muslim group", "US bank Wells Fargo"), or an
    event of its own ("US sanctions"). A country word describing a thing is no agent: "American tricks",
    "the US drama 24", "British show" (a domestic rule or a broadcast naming the other country is no step
    of either toward the other)."""
    head = token
    while head.dep_ in ("compound", "flat") and head.head.i != head.i and head.head.ent_iob_ == "I":
        head = head.head
    if not _modifies(head) or head.head.i == head.i:
        return True
    while _modifies(head) and head.head.i != head.i:
        head = head.head
        if head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or _names_an_agent(head) or _key(head) in GOVERNMENT:
            return True
    return _names_an_event(head)


ORGANISATIONS = frozenset(
    "firm company group bank government ministry authority agency army navy force forces regulator "
    "watchdog giant consortium conglomerate corporation business carrier airline team side official "
    "officials leader minister".split()
)
"""Nouns that name someone who acts (a body, its people); with agent nouns ("maker", "investor") they make
a country word that describes them a side: "the Italian car maker", "a US investment bank"."""


def _names_an_agent(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return lemma in ORGANISATIONS or (len(lemma) > 4 and lemma.endswith(("er", "or", "ist")))


OTHER_CLAUSES = frozenset({"advcl", "relcl", "ccomp", "conj", "parataxis"})


def _own_clause(verb: Token) -> list[Token]:
    """The verb's subtree without the clauses hanging on it ("..., while Spain criticised Italy")."""
    tokens: list[Token] = []
    stack = [verb]
    while stack:
        t = stack.pop()
        tokens.append(t)
        stack.extend(c for c in t.children if not (c.dep_ in OTHER_CLAUSES and c.pos_ in ("VERB", "AUX")))
    return tokens
