"""The reader's pane widgets, one per module: each draws its own part of the screen and handles the keys
that concern only it; what is selected, read or searched stays in `briefing.app.model.ReaderModel`."""
