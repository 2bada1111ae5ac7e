"""`python -m briefing` runs the same command-line interface as `briefing`."""

from briefing.cli import main

raise SystemExit(main())
