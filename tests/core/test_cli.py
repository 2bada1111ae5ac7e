"""The `briefing` command as a user runs it: help, version, exit codes and one-line errors."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing import __version__
from briefing.cli import COMMANDS, build_parser, run_app, run_brief, split_command

REPO = Path(__file__).resolve().parents[2]


def run(*args: str, cwd: Path, config: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["XDG_CACHE_HOME"] = str(cwd / ".cache")
    env["XDG_CONFIG_HOME"] = str(cwd / ".config")
    if config:
        env["BRIEFING_CONFIG"] = str(config)
    return subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True, text=True, cwd=cwd, env=env)


def test_version(tmp_path: Path) -> None:
    result = run("--version", cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.strip() == f"briefing {__version__}"


@pytest.mark.parametrize("command", ["", "brief"])
def test_help(tmp_path: Path, command: str) -> None:
    result = run(*([command] if command else []), "--help", cwd=tmp_path)
    assert result.returncode == 0 and "usage: briefing" in result.stdout


def test_markdown_brief_of_one_pair_from_any_folder(tmp_path: Path) -> None:
    result = run("brief", str(REPO / "seeds"), "--pair", "syr-mar", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Morocco – Syria")
    assert "Bourita" in result.stdout


def test_unknown_pair_is_exit_1_with_the_known_pairs(tmp_path: Path) -> None:
    result = run("brief", str(REPO / "seeds"), "--pair", "FRA-DEU", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "MAR-SYR" in result.stderr and "Traceback" not in result.stderr


def test_no_usable_article_is_exit_1_and_bad_files_warn(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    result = run("brief", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 1
    assert "empty.txt: empty file" in result.stderr and "no usable article" in result.stderr


def test_usage_error_is_exit_2(tmp_path: Path) -> None:
    result = run("brief", "--format", "pdf", cwd=tmp_path)
    assert result.returncode == 2 and "invalid choice" in result.stderr


def test_broken_config_is_exit_2_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[analysis\nmodel = 1\n")
    result = run("brief", str(REPO / "seeds"), cwd=tmp_path, config=bad)
    assert result.returncode == 2
    assert result.stderr.startswith("briefing: error: ") and "line 1" in result.stderr
    assert result.stderr.count("\n") == 1


def test_missing_model_says_how_to_install(tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text('[analysis]\nmodel = "en_core_web_nonexistent"\n[cache]\nenabled = false\n')
    result = run("brief", str(REPO / "seeds"), cwd=tmp_path, config=cfg)
    assert result.returncode == 2
    assert "en_core_web_nonexistent" in result.stderr and "pip install" in result.stderr
    assert "Traceback" not in result.stderr


def test_output_file_is_never_overwritten_without_force(tmp_path: Path) -> None:
    out = tmp_path / "brief.md"
    out.write_text("my earlier export\n")
    result = run("brief", str(REPO / "seeds"), "-o", str(out), cwd=tmp_path)
    assert result.returncode == 1 and "already exists" in result.stderr
    assert out.read_text() == "my earlier export\n"
    result = run("brief", str(REPO / "seeds"), "-o", str(out), "--force", cwd=tmp_path)
    assert result.returncode == 0 and out.read_text().startswith("# ")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def parsed(*argv: str) -> tuple[str, argparse.Namespace]:
    """The command a command line runs, and its arguments, as `main` parses them."""
    args = build_parser().parse_args(split_command(list(argv)))
    return args.command, args


@pytest.mark.parametrize(
    "argv",
    [
        ("--config", "my.toml", "brief", "news/"),
        ("brief", "news/", "--config", "my.toml"),
        ("--config=my.toml", "brief", "news/"),
        ("brief", "--config", "my.toml", "news/"),
    ],
)
def test_config_option_before_or_after_the_command(argv: tuple[str, ...]) -> None:
    command, args = parsed(*argv)
    assert (command, args.config, args.paths, args.handler) == ("brief", "my.toml", ["news/"], run_brief)


def test_paths_alone_open_the_reader_with_or_without_config() -> None:
    assert parsed("news/", "more.txt")[1].paths == ["news/", "more.txt"]
    command, args = parsed("--config", "my.toml", "news/")
    assert (command, args.config, args.paths, args.handler) == ("read", "my.toml", ["news/"], run_app)
    assert parsed()[0] == "read" and parsed()[1].paths == []
    with pytest.raises(SystemExit):  # "--config" without its value is a usage error, not a config named "read"
        parsed("--config")


@pytest.mark.parametrize("name", [c.name for c in COMMANDS])
def test_a_folder_named_like_a_command_opens_as_a_path_or_after_dashes(name: str) -> None:
    assert parsed(f"./{name}")[1].paths == [f"./{name}"]
    assert parsed("--", name)[1].paths == [name]
    assert parsed("--config", "c.toml", "--", name)[1].paths == [name]
    assert parsed("news/", name)[1].paths == ["news/", name]  # only the first word names a command


def test_every_command_has_help_and_a_handler_from_one_table(tmp_path: Path) -> None:
    top = run("--help", cwd=tmp_path).stdout
    for command in COMMANDS:
        assert command.name in top and command.help.split()[0] in top
        assert parsed(command.name, *(["gold.json"] if command.name == "evaluate" else []))[1].handler is (
            command.handler
        )


def test_config_given_after_the_command_is_the_one_read(tmp_path: Path) -> None:
    """End to end: a config whose corpus holds only an empty file names that folder in the error."""
    news = tmp_path / "mine"
    news.mkdir()
    (news / "empty.txt").write_text("")
    cfg = tmp_path / "my.toml"
    cfg.write_text(f'[corpus]\npaths = ["{news}"]\n[cache]\nenabled = false\n')
    for argv in (("--config", str(cfg), "brief"), ("brief", "--config", str(cfg))):
        result = run(*argv, cwd=tmp_path)
        assert result.returncode == 1, result.stderr
        assert "empty.txt: empty file" in result.stderr and f"no usable article in {news}" in result.stderr


def test_runs_in_a_folder_holding_another_tools_config_toml(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text('[tool.poetry]\nname = "theirs"\n')
    (tmp_path / "empty.txt").write_text("")
    result = run("brief", "empty.txt", cwd=tmp_path)
    assert result.returncode == 1 and "unknown section" not in result.stderr
    assert "empty.txt: empty file" in result.stderr
