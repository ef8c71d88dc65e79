from __future__ import annotations

import pytest

from slideshelf.lib.env import ConfigError, env_bool, env_float, env_int, env_list, env_origin


def test_unset_variable_gives_the_default(monkeypatch):
    monkeypatch.delenv("SLIDESHELF_X_LIMIT", raising=False)
    assert env_int("X_LIMIT", 7) == 7


def test_number_is_parsed(monkeypatch):
    monkeypatch.setenv("SLIDESHELF_X_LIMIT", "12")
    monkeypatch.setenv("SLIDESHELF_X_DELAY", "0.5")
    assert env_int("X_LIMIT", 7) == 12
    assert env_float("X_DELAY", 1.0) == 0.5


def test_typo_in_a_number_stops_the_start_with_the_variable_named(monkeypatch):
    monkeypatch.setenv("SLIDESHELF_X_LIMIT", "12MB")
    with pytest.raises(ConfigError, match="SLIDESHELF_X_LIMIT must be a whole number, got '12MB'"):
        env_int("X_LIMIT", 7)


def test_value_below_the_minimum_is_refused(monkeypatch):
    monkeypatch.setenv("SLIDESHELF_X_LIMIT", "0")
    with pytest.raises(ConfigError, match="at least 1"):
        env_int("X_LIMIT", 7, minimum=1)


def test_booleans_and_lists(monkeypatch):
    monkeypatch.setenv("SLIDESHELF_X_FLAG", "no")
    monkeypatch.setenv("SLIDESHELF_X_HOSTS", "a.example, b.example,")
    assert env_bool("X_FLAG", True) is False
    assert env_list("X_HOSTS", []) == ["a.example", "b.example"]
    monkeypatch.setenv("SLIDESHELF_X_FLAG", "maybe")
    with pytest.raises(ConfigError, match="true or false"):
        env_bool("X_FLAG", True)


def test_a_site_address_is_a_scheme_and_host_only(monkeypatch):
    monkeypatch.setenv("SLIDESHELF_X_SITE", "HTTPS://Slides.Example.se:8443/")
    assert env_origin("X_SITE") == "https://slides.example.se:8443"
    monkeypatch.delenv("SLIDESHELF_X_SITE")
    assert env_origin("X_SITE") == ""
    for wrong, message in (
        ("slides.example.se", "must start with https:// or http://"),
        ("ftp://slides.example.se", "must start with https:// or http://"),
        ("https://slides.example.se/slides", "scheme and host only"),
        ("https://slides.example.se/?a=1", "scheme and host only"),
    ):
        monkeypatch.setenv("SLIDESHELF_X_SITE", wrong)
        with pytest.raises(ConfigError, match=message):
            env_origin("X_SITE")
