"""The help screen, built from the command table so it always shows the keys actually bound."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType

from briefing.app.commands import COMMANDS, display_key
from briefing.app.text_modal import TextModal

PANES = (
    ("1", "Pairs", "country pairs with article count and trend (▲ warming ▼ cooling ◆ mixed); filter box above"),
    ("2", "Articles", "the pair's articles; ● unread, ★ bookmarked; enter opens"),
    ("3", "Article", "the text with people, countries, places, organisations and dates highlighted"),
    ("4", "Brief", "trend evidence, statements, timeline, people; enter jumps to the article"),
)


def help_text(keys: Mapping[str, str], settings: str) -> Text:
    """`settings`: the config file the keys are changed in (config.settings_file)."""
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
    text.append(f"\nKeys can be changed in the [keys] table of {settings}.", style="dim")
    return text


class HelpScreen(TextModal):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close help"),
    ]

    def __init__(self, keys: Mapping[str, str], settings: str) -> None:
        super().__init__("Help — briefing", help_text(keys, settings), "help-text")
