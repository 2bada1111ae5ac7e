"""The two one-line input boxes: the pairs filter and the article search. Escape leaves either."""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.widgets import Input


class LeaveBox(Input):
    """An Input that posts `Left` on escape, so that its owner moves the focus back where it belongs."""

    class Left(Message):
        """The user pressed escape in the box."""

        def __init__(self, box: LeaveBox) -> None:
            super().__init__()
            self.box = box

        @property
        def control(self) -> LeaveBox:
            return self.box

    def on_key(self, event: events.Key) -> None:
        if event.key == "escape":
            event.stop()
            self.post_message(self.Left(self))


class FilterBox(LeaveBox):
    """Narrows the pairs list as the user types."""

    def __init__(self) -> None:
        super().__init__(placeholder="filter pairs", id="filter", compact=True)


class SearchBox(LeaveBox):
    """Finds a term in the open article; shown only while in use (class `-active`)."""

    def __init__(self) -> None:
        super().__init__(placeholder="search this article (enter: find, escape: close)", id="search", compact=True)

    def open(self, term: str) -> None:
        self.add_class("-active")
        self.value = term
        self.focus()

    def close(self) -> None:
        self.remove_class("-active")
