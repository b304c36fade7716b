"""Configuration: secret key handling and refusals at start."""
import os
import stat

import pytest

from association import create_app
from association.config import ConfigError, from_environment


def test_secret_key_generated_once_with_private_mode(tmp_path):
    """Without AMICALE_SECRET_KEY a key is generated in instance/, mode 0600, and reused."""
    instance = tmp_path / "instance"
    first = create_app({"INSTANCE_PATH": str(instance)})
    key_file = instance / "secret_key"
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    assert len(first.config["SECRET_KEY"]) >= 32
    second = create_app({"INSTANCE_PATH": str(instance)})
    assert second.config["SECRET_KEY"] == first.config["SECRET_KEY"]


def test_short_secret_key_is_refused(tmp_path):
    """A given key under 32 bytes stops the start with a message saying so."""
    with pytest.raises(ConfigError, match="at least 32 bytes"):
        create_app({"INSTANCE_PATH": str(tmp_path), "SECRET_KEY": "short"})


def test_debug_refused_in_production(tmp_path):
    """AMICALE_ENV=production with debug on refuses to start."""
    with pytest.raises(ConfigError, match="Debug mode is refused"):
        create_app({"INSTANCE_PATH": str(tmp_path), "ENV": "production", "DEBUG": True})


def test_unknown_scheduler_mode_refused(tmp_path):
    """AMICALE_SCHEDULER accepts only embedded or off."""
    with pytest.raises(ConfigError, match="embedded' or 'off'"):
        create_app({"INSTANCE_PATH": str(tmp_path), "SCHEDULER": "sometimes"})


def test_environment_variables_are_read_and_typed():
    """AMICALE_* variables become config keys, with integers and booleans parsed."""
    config = from_environment({"AMICALE_DATABASE": "/x.db", "AMICALE_JOB_CHECK_SECONDS": "7",
                               "AMICALE_BEHIND_PROXY": "true", "HOME": "/root"})
    assert config == {"DATABASE": "/x.db", "JOB_CHECK_SECONDS": 7, "BEHIND_PROXY": True}


def test_bad_integer_names_the_variable():
    """A non-number where a number is expected says which variable and what it got."""
    with pytest.raises(ConfigError, match="AMICALE_JOB_CHECK_SECONDS must be a whole number"):
        from_environment({"AMICALE_JOB_CHECK_SECONDS": "often"})


def test_database_defaults_to_instance_folder(tmp_path):
    """Without AMICALE_DATABASE the database is instance/amicale.db."""
    app = create_app({"INSTANCE_PATH": str(tmp_path / "inst")})
    assert app.config["DATABASE"] == str(tmp_path / "inst" / "amicale.db")


def test_ipv6_prefix_of_the_throttles_is_read_and_checked(tmp_path):
    """AMICALE_THROTTLE_IPV6_PREFIX is a whole number from 1 to 128."""
    assert from_environment({"AMICALE_THROTTLE_IPV6_PREFIX": "56"}) == {"THROTTLE_IPV6_PREFIX": 56}
    with pytest.raises(ConfigError, match="THROTTLE_IPV6_PREFIX"):
        create_app({"INSTANCE_PATH": str(tmp_path), "THROTTLE_IPV6_PREFIX": 129})


def test_mail_mode_is_checked_and_console_refused_in_production(tmp_path):
    """AMICALE_MAIL is wait or console; console, which counts messages sent that reach
    nobody, is refused in production."""
    with pytest.raises(ConfigError, match="'wait' or 'console'"):
        create_app({"INSTANCE_PATH": str(tmp_path), "MAIL": "smtp"})
    with pytest.raises(ConfigError, match="AMICALE_MAIL=console is refused"):
        create_app({"INSTANCE_PATH": str(tmp_path), "ENV": "production", "MAIL": "console"})
    assert create_app({"INSTANCE_PATH": str(tmp_path), "MAIL": "console"}).config["MAIL"] == "console"
