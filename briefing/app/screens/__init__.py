"""The reader's screens: the main one with its panes (help and problems are modals beside them in app/)."""
