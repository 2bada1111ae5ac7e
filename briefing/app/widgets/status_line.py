"""The status line under the panes: counts, loading progress, search position, the load error."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class StatusLine(Static):
    """One line of plain Text (never markup: it quotes search terms and error messages)."""

    def __init__(self, *, id: str = "status") -> None:
        super().__init__(Text("Loading…"), id=id, markup=False)

    def show(self, text: Text) -> None:
        self.update(text)
