"""The help screen, built from the command table so it always shows the keys actually bound."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from briefing.app.commands import COMMANDS, display_key

PANES = (
    ("1", "Pairs", "country pairs with article count and trend (▲ warming ▼ cooling ◆ mixed); filter box above"),
    ("2", "Articles", "the pair's articles; ● unread, ★ bookmarked; enter opens"),
    ("3", "Article", "the text with people, countries, places, organisations and dates highlighted"),
    ("4", "Brief", "trend evidence, statements, timeline, people; enter jumps to the article"),
)


def help_text(keys: Mapping[str, str]) -> Text:
    text = Text()
    text.append("Panes\n", style="bold underline")
    for number, name, what in PANES:
        text.append(f" {number} ", style="bold reverse")
        text.append(f" {name:<9}", style="bold")
        text.append(f"{what}\n")
    text.append("\nKeys\n", style="bold underline")
    for command in COMMANDS:
        text.append(f" {display_key(keys.get(command.id, command.key)):<14}", style="bold #5fafff")
        text.append(f"{command.description}\n")
    text.append(" escape        ", style="bold #5fafff")
    text.append("Close search, help or the palette\n")
    text.append("\nKeys can be changed in the [keys] table of config.toml.", style="dim")
    return text


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 90%; max-width: 100; height: 90%;
        border: round $accent; border-title-style: bold; background: $surface; padding: 0 1;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close help"),
    ]

    def __init__(self, keys: Mapping[str, str]) -> None:
        super().__init__()
        self._keys = dict(keys)

    def compose(self) -> ComposeResult:
        scroll = VerticalScroll()
        scroll.border_title = "Help — briefing"
        with scroll:
            yield Static(help_text(self._keys), id="help-text")

    def action_close(self) -> None:
        self.dismiss(None)
