"""The reader's end of the core's problem channel: a notification for new problems, and the problems view.

The core returns its problems on `Corpus.problems` (bad inputs, cut articles, cache moved aside or given
up); the reader would otherwise lose them, since Textual owns the terminal and stderr is not seen.
Every line is untrusted text (file names, server replies): shown as typed, never as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType

from briefing.app.render import literal_line, plain
from briefing.app.text_modal import TextModal
from briefing.article import Problem
from briefing.wording import count

SHOWN_IN_NOTICE = 5
"""Problems listed in one notification; the problems view lists them all."""


def problems_notice(new: Sequence[Problem], key: str) -> str:
    """The notification for problems not yet notified; `key` is the problems view's key as shown."""
    lines = "\n".join(literal_line(str(p)) for p in new[:SHOWN_IN_NOTICE])
    more = f"\n… and {len(new) - SHOWN_IN_NOTICE} more" if len(new) > SHOWN_IN_NOTICE else ""
    return f"{count(len(new), 'problem')} ({key} lists them):\n{lines}{more}"


def problems_text(problems: Sequence[Problem]) -> Text:
    if not problems:
        return Text("No problems: every input was read and the cache works.")
    text = Text()
    for problem in problems:
        text.append_text(plain(problem.source, "bold"))
        text.append("\n    ")
        text.append_text(plain(problem.message))
        text.append("\n")
    return text


class ProblemsScreen(TextModal):
    """Every problem of the open corpus, in the order met."""

    DEFAULT_CSS = """
    ProblemsScreen > VerticalScroll { max-width: 120; border: round $warning; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,exclamation_mark", "close", "Close problems"),
    ]

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__(f"Problems — {count(len(problems), 'problem')}", problems_text(problems), "problems-text")
