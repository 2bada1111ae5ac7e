"""The app's own drawing widgets: the brief pane's item list, the article view and the light scrollbar."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import App, ComposeResult
from textual.cache import LRUCache
from textual.geometry import Region
from textual.scrollbar import ScrollBar

from briefing.app.lru import store
from briefing.app.widgets.article_view import ArticleView
from briefing.app.widgets.item_view import ItemView
from briefing.app.widgets.pane_list import PaneList
from briefing.app.widgets.scrollbar import LightScrollBar
from tests.conftest import SHARED

HEADING = Text("Key statements", style="bold underline")
STATEMENT = Text("Bourita said the talks were “a new chapter” for Morocco and Syria, " * 3)


class Host(App[None]):
    def __init__(self, prompts: list[Text], enabled: list[bool]) -> None:
        super().__init__()
        self.prompts, self.enabled = prompts, enabled
        self.selected: list[int] = []

    def compose(self) -> ComposeResult:
        yield ItemView(id="items")

    def on_mount(self) -> None:
        view = self.query_one(ItemView)
        view.set_items("first", self.prompts, self.enabled)
        view.focus()

    def on_item_view_selected(self, event: ItemView.Selected) -> None:
        self.selected.append(event.index)


def _items(n: int) -> tuple[list[Text], list[bool]]:
    prompts, enabled = [], []
    for i in range(n):
        heading = i % 4 == 0
        prompts.append(HEADING if heading else Text(f"{i}: ") + STATEMENT)
        enabled.append(not heading)
    return prompts, enabled


async def test_cursor_skips_headings_and_enter_selects() -> None:
    app = Host(*_items(12))
    async with app.run_test(size=(60, 20)) as pilot:
        view = app.query_one(ItemView)
        assert view.highlighted == 1  # item 0 is a heading
        await pilot.press("down", "down", "down")
        assert view.highlighted == 5  # 4 is a heading
        await pilot.press("up")
        assert view.highlighted == 3
        await pilot.press("enter")
        assert app.selected == [3]
        await pilot.press("end")
        assert view.highlighted == 11
        await pilot.press("home")
        assert view.highlighted == 1
        await pilot.press("pagedown")
        assert view.highlighted is not None and view.highlighted > 2  # a screen of wrapped items further
        await pilot.press("pageup")
        assert view.highlighted == 1


async def test_long_items_wrap_and_the_highlight_stays_on_screen() -> None:
    app = Host(*_items(30))
    async with app.run_test(size=(60, 20)) as pilot:
        view = app.query_one(ItemView)
        assert view.virtual_size.height > 30 * 2  # each statement wraps over several lines
        await pilot.press("end")
        await pilot.pause()
        assert view.scroll_y > 0
        lines = [view.render_line(y).text for y in range(view.scrollable_content_region.height)]
        assert any(line.startswith("29: ") for line in lines)


async def test_click_selects_the_item_under_the_pointer() -> None:
    app = Host(*_items(6))
    async with app.run_test(size=(60, 20)) as pilot:
        view = app.query_one(ItemView)
        first_of_item_2 = next(
            y for y in range(view.virtual_size.height) if view.render_line(y).text.startswith("2: ")
        )
        await pilot.click(ItemView, offset=(3, first_of_item_2))
        assert app.selected == [2] and view.highlighted == 2


async def test_a_list_shown_again_reuses_its_lines() -> None:
    prompts, enabled = _items(8)
    app = Host(prompts, enabled)
    async with app.run_test(size=(60, 20)) as pilot:
        view = app.query_one(ItemView)
        kept = view._current
        view.set_items("second", [Text("other")], [True])
        await pilot.pause()
        assert view.item_count == 1 and view.render_line(0).text.startswith("other")
        view.set_items("first", prompts, enabled)
        assert view._current is kept  # same key, same width: nothing wrapped again
        view.set_items("first, new briefing", prompts, enabled)  # the app's key changes with its Briefing
        assert view._current is not kept


def test_store_replaces_a_kept_value_where_lru_set_does_not() -> None:
    cache: LRUCache[str, int] = LRUCache(4)
    store(cache, "pair", 1)
    cache.set("pair", 2)
    assert cache.get("pair") == 1  # Textual's set keeps the old value: the reason `store` exists
    store(cache, "pair", 3)
    assert cache.get("pair") == 3


class Reader(App[None]):
    def compose(self) -> ComposeResult:
        yield ArticleView(id="article")


async def test_an_article_shown_again_after_a_resize_reuses_its_lines_at_the_new_width() -> None:
    first, second = (
        Text((SHARED / "seeds" / name).read_text(encoding="utf-8"))
        for name in ("000_64bdc68748c8cb16.txt", "001_d377006751cbb045.txt")
    )
    app = Reader()
    async with app.run_test(size=(100, 20)) as pilot:
        view = app.query_one(ArticleView)
        view.set_text(first)
        view.set_text(second)
        wide = view._wrapped_width
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        view.set_text(first)  # kept at the old width: wrapped again
        narrow_lines = view._lines
        assert view._wrapped_width < wide
        view.set_text(second)
        view.set_text(first)  # its entry must now hold the narrow lines, not those of the first visit
        assert view._lines is narrow_lines
        assert all(cell_len(line.plain.rstrip()) <= view._wrapped_width for line in view._lines)
        assert view.plain == first.plain


class Lists(App[None]):
    def compose(self) -> ComposeResult:
        yield PaneList(id="long", classes="pane")

    def on_mount(self) -> None:
        self.query_one(PaneList).set_options([f"option {i}" for i in range(200)])


async def test_light_scrollbar_draws_what_textual_draws() -> None:
    app = Lists()
    async with app.run_test(size=(40, 20)) as pilot:
        pane = app.query_one(PaneList)
        for _ in range(3):
            bar = pane.vertical_scrollbar
            assert isinstance(bar, LightScrollBar) and bar.display
            region = Region(0, 0, bar.size.width, bar.size.height)
            ours = bar.render_lines(region)
            textual = ScrollBar.render_lines(bar, region)
            assert [s.text for s in ours] == [s.text for s in textual]
            assert [[seg.style for seg in s] for s in ours] == [[seg.style for seg in s] for s in textual]
            thumb = [y for y, s in enumerate(ours) if s != ours[0]]
            assert thumb, "the thumb must show"
            await pilot.press("pagedown", "pagedown", "pagedown")
            await pilot.pause()
