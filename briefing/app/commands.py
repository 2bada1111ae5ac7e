"""The one table of reader commands: footer, help screen, command palette and key bindings all come from it.

A command is defined once here, so a key rebound in config.toml changes every place it is shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})


class KeyConfigError(ValueError):
    """A [keys] entry of config.toml that Textual could not bind; the message is the line the user sees."""


@dataclass(frozen=True, slots=True)
class Command:
    id: str
    """Also the name of the key in the [keys] table of config.toml, when it is rebindable."""
    key: str
    """Default keys, Textual key names, comma separated."""
    description: str
    action: str
    """Textual action string run by the key, the palette and the help screen."""
    footer: bool = True
    rebindable: bool = True
    priority: bool = False


COMMANDS: tuple[Command, ...] = (
    Command("help", "question_mark", "Help", "app.help"),
    Command("quit", "q", "Quit", "app.quit"),
    Command("search", "slash", "Search", "app.search"),
    Command("next_match", "n", "Next match", "app.next_match", footer=False),
    Command("previous_match", "N", "Previous match", "app.previous_match", footer=False),
    Command("previous_pair", "left_square_bracket", "Previous pair", "app.previous_pair", footer=False),
    Command("next_pair", "right_square_bracket", "Next pair", "app.next_pair"),
    Command("focus_pairs", "1", "Pairs pane", "app.focus_pane('pairs')", footer=False),
    Command("focus_articles", "2", "Articles pane", "app.focus_pane('articles')", footer=False),
    Command("focus_article", "3", "Article pane", "app.focus_pane('article')", footer=False),
    Command("focus_brief", "4", "Brief pane", "app.focus_pane('brief')", footer=False),
    Command("toggle_highlight", "h", "Highlights", "app.toggle_highlight"),
    Command("bookmark", "b", "Bookmark", "app.bookmark"),
    Command("export", "e", "Export pair", "app.export"),
    Command("export_all", "E", "Export all", "app.export_all", footer=False),
    Command("open_link", "o", "Open the article's web page", "app.open_link", footer=False),
    Command("problems", "exclamation_mark", "Problems (bad inputs, cache trouble)", "app.problems", footer=False),
    Command("command_palette", "ctrl+p", "Command palette", "app.command_palette", footer=False, priority=True),
    Command("down", "j", "Move down", "app.move(1)", footer=False, rebindable=False),
    Command("up", "k", "Move up", "app.move(-1)", footer=False, rebindable=False),
    Command("next_pane", "tab", "Next pane", "app.focus_next", footer=False, rebindable=False),
    Command("previous_pane", "shift+tab", "Previous pane", "app.focus_previous", footer=False, rebindable=False),
    Command("open", "enter", "Open / jump", "app.open", footer=False, rebindable=False),
)

BY_ID = {c.id: c for c in COMMANDS}


def _valid_key(key: str) -> bool:
    from textual.keys import Keys, key_to_character

    from briefing.app._textual_compat import character_to_key

    *modifiers, name = key.split("+")
    if not name or any(m not in MODIFIERS for m in modifiers):
        return False
    if len(name) == 1:
        return name.isprintable() and not name.isspace()
    if name in {k.value for k in Keys} or name in {"space", "tab", "enter", "escape", "backspace", "delete"}:
        return True
    if name.startswith("f") and name[1:].isdigit():
        return 1 <= int(name[1:]) <= 24
    if name in {character_to_key(chr(c)) for c in range(33, 127)}:
        return True
    char = key_to_character(name)
    return char is not None and len(char) == 1 and char.isprintable()


def normalize(keys: str) -> str:
    """Comma-separated Textual key names, with single characters turned into their key names ("?" -> question_mark)."""
    from briefing.app._textual_compat import character_to_key

    parts = [k.strip() for k in keys.split(",")]
    return ",".join(character_to_key(k) if len(k) == 1 else k for k in parts)


def resolve_keys(configured: Mapping[str, str]) -> dict[str, str]:
    """Command id -> keys, defaults overlaid with config; raises KeyConfigError for an unusable or clashing key."""
    keys: dict[str, str] = {c.id: c.key for c in COMMANDS}
    for command_id, value in configured.items():
        command = BY_ID.get(command_id)
        if command is None or not command.rebindable:
            known = ", ".join(c.id for c in COMMANDS if c.rebindable)
            raise KeyConfigError(f"keys.{command_id}: unknown command (known: {known})")
        parts = [p.strip() for p in str(value).split(",")]
        bad = [p for p in parts if not _valid_key(p)]
        if bad or not parts:
            raise KeyConfigError(
                f"keys.{command_id} = {value!r}: {', '.join(repr(b) for b in bad) or 'empty'} is not a key name "
                '(use Textual key names such as "q", "ctrl+p", "f1", "question_mark"; several keys with commas)'
            )
        keys[command_id] = normalize(str(value))
    owner: dict[str, tuple[str, str]] = {}
    for command_id, value in keys.items():
        for key in value.split(","):
            same = physical_key(key)
            if same in owner and owner[same][0] != command_id:
                other_id, other_key = owner[same]
                named = repr(key) if key == other_key else f"{other_key!r} ({key!r} is the same key)"
                raise KeyConfigError(f"key {named} is bound to both {other_id} and {command_id}; change one in [keys]")
            owner[same] = (command_id, key)
    return keys


def physical_key(key: str) -> str:
    """One name per key press: "Q" and "shift+q", "ctrl+shift+x" and "shift+ctrl+x" are the same key."""
    *modifiers, name = key.split("+")
    if len(name) == 1 and name.isalpha() and name.isupper():
        modifiers.append("shift")
        name = name.lower()
    return "+".join([*sorted(set(modifiers)), name])


def display_key(keys: str) -> str:
    """How a key is shown in help text: '?' rather than question_mark."""
    from textual.keys import format_key

    shown = []
    for key in keys.split(","):
        *mods, name = key.split("+")
        shown.append("+".join([*mods, format_key(name)]))
    return " ".join(shown)
