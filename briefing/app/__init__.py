"""The Textual reader; the only package that imports Textual."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from briefing.config import Config


def run(paths: Sequence[str], config: Config) -> int:
    """Open the reader on the paths (none: corpus.paths or the sample corpus); returns the exit code."""
    from briefing.app.commands import KeyConfigError
    from briefing.app.main import BriefingApp

    try:
        app = BriefingApp(config, paths=paths)
    except KeyConfigError as exc:
        from briefing.config import settings_file

        where = settings_file(config.path)
        from briefing.terminal import safe

        print(safe(f"briefing: error: {where}: {exc}"), file=sys.stderr)
        return 2
    app.run()
    return app.return_code or 0


__all__ = ["run"]
