"""Country names, capitals, demonyms and country institutions mapped to ISO 3166-1 alpha-3 codes.

Generated from two country-data libraries (pycountry for ISO names, countryinfo for capitals,
demonyms and alternative spellings) plus a short curated list for what they lack: press usage
such as "US", "Britain", "the Kremlin" and irregular demonyms. No spaCy here: the patterns are
plain data that `briefing.analyze.nlp` hands to an EntityRuler.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from briefing.wording import single_spaced

# Press names and institutions that the libraries do not carry.
ALIASES: dict[str, tuple[str, ...]] = {
    "USA": (
        "US",
        "U.S.",
        "U.S",
        "USA",
        "U.S.A.",
        "America",
        "United States of America",
        "Washington",
    ),
    "GBR": ("UK", "U.K.", "Britain", "Great Britain"),
    "CHN": ("mainland China", "PRC"),
    "TWN": ("Taiwan",),
    "ARE": ("UAE", "U.A.E.", "the Emirates"),
    "SAU": ("Saudi",),
    "PSE": ("Palestine", "Gaza", "the West Bank", "Gaza Strip"),
    "KOR": ("South Korea", "Korea"),
    "PRK": ("North Korea", "DPRK"),
    "COD": ("DRC", "DR Congo"),
    "TUR": ("Turkiye", "Türkiye"),
    "CZE": ("Czechia",),
    "NLD": ("Holland", "The Hague"),
    "VAT": ("the Vatican", "Vatican City", "the Holy See"),
    "IRN": ("Iran", "Persia"),
    "MMR": ("Burma",),
    "CIV": ("Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"),
    "XKX": ("Kosovo",),
    "SYR": ("Syria",),
    "ISR": ("Israel",),
}
INSTITUTIONS: dict[str, tuple[str, ...]] = {
    "USA": ("the White House", "White House", "the Pentagon", "Pentagon", "the State Department", "State Department"),
    "GBR": ("Downing Street", "Whitehall"),
    "RUS": ("the Kremlin", "Kremlin"),
    "CHN": ("Zhongnanhai",),
}
"""The seats of government news names for the government itself; also bare, as a modifier: "White House press
secretary Josh Earnest", "State Department deputy spokesperson Vedant Patel", "Kremlin spokesman"."""
DEMONYM_ALIASES: dict[str, tuple[str, ...]] = {
    "USA": ("American", "Americans", "US-led"),
    "GBR": ("British", "Briton", "Britons", "UK-based"),
    "SAU": ("Saudi", "Saudis", "Saudi Arabian"),
    "ARE": ("Emirati", "Emiratis"),
    "NLD": ("Dutch",),
    "PHL": ("Filipino", "Filipinos", "Philippine"),
    "COD": ("Congolese",),
    "ISR": ("Israeli", "Israelis"),
    "PSE": ("Palestinian", "Palestinians"),
    "CHE": ("Swiss",),
    "NZL": ("New Zealander", "New Zealanders"),
    "TUR": ("Turkish", "Turks"),
    "CHN": ("Chinese", "Sino"),
    "JPN": ("Japanese",),
    "FRA": ("French", "Frenchman"),
    "IRL": ("Irish",),
    "ESP": ("Spanish", "Spaniard", "Spaniards"),
    "DNK": ("Danish", "Dane", "Danes"),
    "SWE": ("Swedish", "Swede", "Swedes"),
    "FIN": ("Finnish", "Finn", "Finns"),
    "POL": ("Polish", "Pole", "Poles"),
    "KOR": ("South Korean", "South Koreans"),
    "PRK": ("North Korean", "North Koreans"),
    "UKR": ("Ukrainian", "Ukrainians"),
    "AFG": ("Afghan", "Afghans"),
    "ARG": ("Argentine", "Argentines", "Argentinian", "Argentinians"),
    "ECU": ("Ecuadorian", "Ecuadorians"),
    "NPL": ("Nepali",),
    "SVN": ("Slovenian", "Slovenians"),
    "ISL": ("Icelandic",),
}
# Heads of state and government news names without their country: world knowledge the text takes for
# granted ("Blair congratulates Bush"). Full names only, so a surname alone never decides.
LEADERS: dict[str, tuple[str, ...]] = {
    "USA": (
        "George Bush",
        "George W Bush",
        "George W. Bush",
        "Bill Clinton",
        "Barack Obama",
        "Donald Trump",
        "Joe Biden",
        "Dick Cheney",
        "Kamala Harris",
    ),
    "GBR": (
        "Tony Blair",
        "Gordon Brown",
        "David Cameron",
        "Theresa May",
        "Boris Johnson",
        "Liz Truss",
        "Rishi Sunak",
        "Keir Starmer",
    ),
    "RUS": ("Vladimir Putin", "Dmitry Medvedev", "Boris Yeltsin", "Mikhail Kasyanov", "Mikhail Fradkov"),
    "FRA": ("Jacques Chirac", "Nicolas Sarkozy", "Francois Hollande", "François Hollande", "Emmanuel Macron"),
    "DEU": ("Gerhard Schroeder", "Gerhard Schröder", "Angela Merkel", "Olaf Scholz", "Friedrich Merz"),
    "CHN": ("Hu Jintao", "Wen Jiabao", "Xi Jinping", "Li Keqiang", "Li Qiang", "Jiang Zemin"),
    "JPN": ("Junichiro Koizumi", "Shinzo Abe", "Fumio Kishida", "Yoshihide Suga", "Shigeru Ishiba"),
    "IND": ("Manmohan Singh", "Narendra Modi", "Atal Bihari Vajpayee"),
    "PAK": ("Pervez Musharraf", "Imran Khan", "Nawaz Sharif", "Shehbaz Sharif", "Shaukat Aziz"),
    "ISR": ("Ariel Sharon", "Ehud Olmert", "Benjamin Netanyahu", "Naftali Bennett", "Yair Lapid", "Isaac Herzog"),
    "PSE": ("Yasser Arafat", "Mahmoud Abbas"),
    "IRN": (
        "Mohammad Khatami",
        "Mahmoud Ahmadinejad",
        "Hassan Rouhani",
        "Ebrahim Raisi",
        "Ali Khamenei",
        "Masoud Pezeshkian",
    ),
    "TUR": ("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan", "Ahmet Davutoglu", "Binali Yildirim"),
    "UKR": ("Viktor Yushchenko", "Viktor Yanukovych", "Petro Poroshenko", "Volodymyr Zelensky", "Volodymyr Zelenskyy"),
    "SYR": ("Bashar al-Assad", "Bashar Assad", "Ahmed al-Sharaa"),
    "EGY": ("Hosni Mubarak", "Mohamed Morsi", "Abdel Fattah al-Sisi", "Abdel Fattah el-Sisi"),
    "MAR": ("Mohammed VI",),
    "BRA": ("Luiz Inacio Lula da Silva", "Lula da Silva", "Jair Bolsonaro", "Dilma Rousseff"),
    "VEN": ("Hugo Chavez", "Hugo Chávez", "Nicolas Maduro", "Nicolás Maduro"),
    "ZWE": ("Robert Mugabe", "Emmerson Mnangagwa"),
    "ZAF": ("Thabo Mbeki", "Jacob Zuma", "Cyril Ramaphosa", "Nelson Mandela"),
    "PRK": ("Kim Jong-il", "Kim Jong-un", "Kim Jong Un", "Kim Jong Il"),
    "KOR": ("Roh Moo-hyun", "Lee Myung-bak", "Park Geun-hye", "Moon Jae-in", "Yoon Suk Yeol", "Lee Jae-myung"),
    "SAU": ("Mohammed bin Salman",),
    "ITA": ("Silvio Berlusconi", "Giorgia Meloni", "Mario Draghi"),
    "CAN": ("Justin Trudeau", "Stephen Harper", "Paul Martin", "Mark Carney"),
    "AUS": ("John Howard", "Kevin Rudd", "Anthony Albanese", "Scott Morrison"),
}
REGIONS = tuple(
    f"{part} {name}" for part in ("Latin", "South", "North", "Central") for name in ("America", "American", "Americans")
)
"""Continents and regions whose names hold a country word ("Latin American emerging markets", "South American
markets"): no news of the United States. The country ruler tags them whole, as places of no country, so that the
entity model does not read "American" out of them alone."""
# Words the libraries list that are far more often something else in news text.
NOT_COUNTRY_NAMES = frozenset(
    {
        "Victoria",
        "Kingston",
        "Hamilton",
        "Georgetown",
        "Jamestown",
        "Saint John's",
        "Castries",
        "Charlotte Amalie",
        "Avarua",
        "Plymouth",
        "Road Town",
        "The Valley",
        "Basseterre",
        "Santiago",
        "San José",
        "Praia",
        "Palikir",
        "Melekeok",
        "Funafuti",
        "Alofi",
        "Adamstown",
        "Kingstown",
        "Nuku'alofa",
        "Papeete",
        "Nouméa",
        "Gibraltar",
        "King Edward Point",
        "Flying Fish Cove",
        "West Island",
        "Sri Jayawardenepura Kotte",
        "Wales",
        "Scotland",
        "England",
        "Northern Ireland",
        "Welsh",
        "Scottish",
        "English",
        "Scot",
        "Scots",
        "Yaren",
        "Washington D.C.",
        "Man",
        "Manx",
        "Mann",
        "Island",
        "Jersey",
        "Guernsey",
        "Georgia",
        "Chad",
        "Jordan",
        "Turkey",
        "Guinea",
        "Niger",
        "Dominica",
    }
)
"""Dropped outright, or (for the last few: real countries that are also words or names) kept as
names but flagged ambiguous, see AMBIGUOUS."""
AMBIGUOUS = frozenset({"Georgia", "Chad", "Jordan", "Turkey", "Guinea", "Niger", "Dominica", "Washington", "Jersey"})
"""Country words that are also people, places or things: taken as countries only where context allows."""

_KEEP_AMBIGUOUS_AS_NAMES = {
    "Georgia": "GEO",
    "Chad": "TCD",
    "Jordan": "JOR",
    "Turkey": "TUR",
    "Guinea": "GIN",
    "Niger": "NER",
    "Dominica": "DMA",
}


@dataclass(frozen=True, slots=True)
class CountryTerm:
    text: str
    code: str
    kind: str
    """name, capital, demonym or institution."""

    @property
    def label(self) -> str:
        return "NORP" if self.kind == "demonym" else ("ORG" if self.kind == "institution" else "GPE")


def _latin(text: str) -> bool:
    return all(ord(ch) < 0x250 or unicodedata.category(ch).startswith("P") for ch in text)


def _plural(demonym: str) -> str | None:
    if demonym.endswith(("ese", "ish", "ch", "sh", "ss", "i", "s")):
        return None if not demonym.endswith("i") else demonym + "s"
    return demonym + "s"


@lru_cache(maxsize=1)
def country_terms() -> tuple[CountryTerm, ...]:
    """Every surface form we tag, longest first so that "South Korea" wins over "Korea"."""
    import pycountry
    from countryinfo import CountryInfo

    terms: dict[str, CountryTerm] = {}

    def add(text: str | None, code: str, kind: str, *, curated: bool = False) -> None:
        if not text:
            return
        text = single_spaced(text)
        if len(text) < 4 and not curated:
            return  # ISO codes and abbreviations collide with ordinary words ("IN", "IT")
        if not curated and (text in NOT_COUNTRY_NAMES or not _latin(text) or "," in text):
            return
        terms.setdefault(text, CountryTerm(text, code, kind))

    for code, aliases in ALIASES.items():
        for alias in aliases:
            kind = "institution" if alias.startswith("the ") else "name"
            if alias in ("Washington", "The Hague"):
                kind = "capital"
            add(alias, code, kind, curated=True)
    for code, seats in INSTITUTIONS.items():
        for seat in seats:
            add(seat, code, "institution", curated=True)
    for code, demonyms in DEMONYM_ALIASES.items():
        for d in demonyms:
            add(d, code, "demonym", curated=True)
    for name, code in _KEEP_AMBIGUOUS_AS_NAMES.items():
        add(name, code, "name", curated=True)

    for country in pycountry.countries:
        code = country.alpha_3
        for attr in ("common_name", "name", "official_name"):
            add(getattr(country, attr, None), code, "name")
    # Most populous first, so a demonym or capital shared with a territory goes to the state ("Indian").
    infos = sorted(CountryInfo.all().values(), key=lambda i: -(i.get("population") or 0))
    for info in infos:
        code = (info.get("ISO") or {}).get("alpha3")
        if not code or not isinstance(code, str) or len(code) != 3:
            continue
        add(info.get("name"), code, "name")
        for alt in info.get("altSpellings") or ():
            if isinstance(alt, str) and not alt.isupper():
                add(alt, code, "name")
        capital = info.get("capital")
        if isinstance(capital, str):
            add(capital, code, "capital")
        demonym = info.get("demonym")
        if isinstance(demonym, str) and demonym:
            add(demonym, code, "demonym")
            add(_plural(demonym), code, "demonym")
    # "the Netherlands", "the Philippines": also written with "The" at a sentence start.
    return tuple(sorted(terms.values(), key=lambda t: (-len(t.text), t.text)))


@lru_cache(maxsize=1)
def _by_text() -> dict[str, CountryTerm]:
    index: dict[str, CountryTerm] = {}
    for term in country_terms():
        index.setdefault(term.text.lower(), term)
        bare = re.sub(r"^the\s+", "", term.text, flags=re.IGNORECASE).lower()
        index.setdefault(bare, term)
    return index


def lookup(text: str) -> CountryTerm | None:
    """The country a surface form stands for ("Moroccan" -> MAR), or None."""
    key = single_spaced(text.replace("’", "'")).lower()
    key = re.sub(r"'s$", "", key)
    term = _by_text().get(key) or _by_text().get(re.sub(r"^the\s+", "", key))
    return term


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Alpha-3 code to the short name readers expect ("Syria", not "Syrian Arab Republic")."""
    import pycountry

    names: dict[str, str] = {}
    for country in pycountry.countries:
        names[country.alpha_3] = getattr(country, "common_name", None) or country.name
    names.update(_SHORT_NAMES)
    return names


_SHORT_NAMES = {
    "SYR": "Syria",
    "RUS": "Russia",
    "IRN": "Iran",
    "KOR": "South Korea",
    "PRK": "North Korea",
    "TWN": "Taiwan",
    "PSE": "Palestine",
    "VEN": "Venezuela",
    "BOL": "Bolivia",
    "TZA": "Tanzania",
    "VNM": "Vietnam",
    "LAO": "Laos",
    "MDA": "Moldova",
    "COD": "DR Congo",
    "COG": "Congo",
    "FSM": "Micronesia",
    "VAT": "Vatican",
    "GBR": "United Kingdom",
    "USA": "United States",
    "CZE": "Czechia",
    "TUR": "Turkey",
    "XKX": "Kosovo",
    "BRN": "Brunei",
    "CPV": "Cape Verde",
    "SWZ": "Eswatini",
    "MKD": "North Macedonia",
}


def country_name(code: str) -> str:
    return country_names().get(code, code)


@lru_cache(maxsize=1)
def _leaders() -> dict[str, str]:
    return {name: code for code, names in LEADERS.items() for name in names}


def leader_country(name: str) -> str | None:
    """Country of a well-known head of state or government, by full name."""
    return _leaders().get(name)


@lru_cache(maxsize=1)
def _subdivisions() -> dict[str, str]:
    """Name (and its "-n" adjective: "Californian") of every first-level region that belongs to one country
    only and is no country term -> that country's alpha-3 code."""
    import pycountry

    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    found: dict[str, set[str]] = {}
    for s in pycountry.subdivisions:
        name = single_spaced(s.name)
        if getattr(s, "parent_code", None) or len(name) < 4 or not _latin(name) or lookup(name):
            continue
        code = alpha3.get(s.country_code)
        if not code:
            continue
        forms = [name, name + "n"] if name.endswith("a") else [name]
        for form in forms:
            found.setdefault(form, set()).add(code)
    return {form: next(iter(codes)) for form, codes in found.items() if len(codes) == 1}


def region_country(text: str) -> str | None:
    """Country of a region named or described by its adjective ("California", "Californian" -> USA): where a
    firm is from ("Californian wine company Chalone"), not a country mention in itself."""
    return _subdivisions().get(single_spaced(text))


@lru_cache(maxsize=1)
def _leader_surnames() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for code, names in LEADERS.items():
        for name in names:
            found.setdefault(name.split()[-1], set()).add(code)
    return found


def leader_surname_country(surname: str) -> str | None:
    """Country of the one well-known leader with this surname ("President Bush"); None when several share it.
    Only for a surname the text gives an office to: "Mr Brown" alone could be anyone."""
    codes = _leader_surnames().get(surname, set())
    return next(iter(codes)) if len(codes) == 1 else None
