"""`briefing serve` on the command line: the warning for a reachable address, the missing-extra error,
and the command each browser visit runs. None of these start a server."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.serve import is_loopback, visit_command

REPO = Path(__file__).resolve().parents[2]


def test_missing_extra_is_one_line_naming_the_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "textual_serve", None)  # as if it were not installed
    monkeypatch.setitem(sys.modules, "textual_serve.server", None)
    code = main(["serve", str(REPO / "seeds")])
    err = capsys.readouterr().err
    assert code == 2
    assert err == "briefing: error: textual-serve is not installed (pip install 'briefing[serve]')\n"


@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.7", "::", "reader.example.org"])
def test_reachable_address_warns_before_anything_else(
    host: str, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("textual_serve")
    empty = tmp_path / "empty"
    empty.mkdir()
    code = main(["serve", str(empty), "--host", host, "--port", "9"])  # no article: stops before serving
    err = capfd.readouterr().err.splitlines()  # the index step runs in a child process
    assert code == 1
    assert err[0].startswith(f"warning: serving on {host}, which other machines can reach: textual-serve has no login")
    assert "reverse proxy with authentication" in err[0]
    assert err[-1] == f"briefing: error: no usable article in {empty}"


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.8.0.1"])
def test_loopback_address_does_not_warn(host: str, tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("textual_serve")
    code = main(["serve", str(tmp_path), "--host", host])
    err = capfd.readouterr().err
    assert code == 1 and "no login" not in err


def test_loopback_addresses() -> None:
    assert all(is_loopback(h) for h in ("localhost", "LOCALHOST", "127.0.0.1", "127.255.0.9", "::1", "[::1]"))
    assert not any(is_loopback(h) for h in ("0.0.0.0", "::", "10.1.2.3", "192.168.0.1", "example.org", ""))


def test_each_visit_runs_this_pythons_reader_on_the_same_inputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    command = visit_command(["my news/a b.txt", "brief", "https://example.org/rss?x=1&y=2"], "conf dir/config.toml")
    assert command.startswith("exec ")  # no shell left between textual-serve and the app
    assert shlex.split(command)[1:] == [
        sys.executable,
        "-m",
        "briefing",
        "--config",
        str(tmp_path / "conf dir" / "config.toml"),
        str(tmp_path / "my news" / "a b.txt"),
        str(tmp_path / "brief"),  # a folder named like a subcommand stays a path
        "https://example.org/rss?x=1&y=2",
    ]


@pytest.mark.parametrize("port", ["0", "65536", "http", "-1"])
def test_bad_port_is_a_usage_error(port: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["serve", "--port", port])
    assert exit_info.value.code == 2
    assert f"argument --port: {port!r} is not a port number (1-65535)" in capsys.readouterr().err


def test_without_the_cache_each_visit_would_analyse_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("textual_serve")
    import briefing.serve

    served: list[str] = []
    monkeypatch.setattr(briefing.serve, "serve", lambda paths, **kwargs: served.extend(paths))
    config = tmp_path / "config.toml"
    config.write_text("[cache]\nenabled = false\n", encoding="utf-8")
    code = main(["serve", "--config", str(config), str(tmp_path / "news")])
    out, err = capfd.readouterr()
    assert code == 0 and served == [str(tmp_path / "news")]
    assert "warning: cache.enabled is false in the config: every visit analyses the articles again" in err
    assert "indexed" not in out  # nothing to index into
