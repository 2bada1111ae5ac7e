"""A scrollable text shown over the reader (help, problems), closed by escape, q or the key that opened it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


class TextModal(ModalScreen[None]):
    """Subclasses give the bindings (their own key closes them too) and, in their CSS, width and colour."""

    DEFAULT_CSS = """
    TextModal { align: center middle; }
    TextModal > VerticalScroll {
        width: 90%; max-width: 100; height: 90%;
        border: round $accent; border-title-style: bold; background: $surface; padding: 0 1;
    }
    """

    def __init__(self, title: str, text: Text, text_id: str) -> None:
        super().__init__()
        self._title, self._text, self._text_id = title, text, text_id

    def compose(self) -> ComposeResult:
        scroll = VerticalScroll()
        scroll.border_title = self._title
        with scroll:
            yield Static(self._text, id=self._text_id)

    def action_close(self) -> None:
        self.dismiss(None)
