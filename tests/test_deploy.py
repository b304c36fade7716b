"""deploy/: the files a volunteer copies onto a Debian server name only real settings and
real entry points, and systemd (and Caddy, where installed) accept them (issue 21)."""
import ast
import re
import shutil
import subprocess  # nosec B404: systemd-analyze and caddy, with fixed arguments
from pathlib import Path

import pytest

from association import create_app
from association.config import from_environment, names

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
INSTALLED = "/opt/amicale"  # where the units expect the code (README, "Putting it online")
UNITS = sorted(DEPLOY.glob("*.service"))


def commands(unit: Path) -> list[list[str]]:
    """Every ExecStart=/ExecStartPre= command line of a unit, split into words."""
    found = []
    for line in unit.read_text().splitlines():
        name, _, value = line.partition("=")
        if name in ("ExecStart", "ExecStartPre"):
            found.append(value.split())
    return found


def example_settings() -> dict:
    """The NAME=value lines of amicale.env.example, as systemd reads them."""
    settings = {}
    for line in (DEPLOY / "amicale.env.example").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, equals, value = line.partition("=")
            assert equals and name == name.strip() and not value.startswith(" "), line
            settings[name] = value
    return settings


def test_deploy_holds_what_a_server_needs():
    """Both services, the nightly off-site copy, the Caddyfile and the settings to copy."""
    assert {path.name for path in DEPLOY.iterdir()} >= {
        "amicale.service", "amicale-scheduler.service", "amicale-offsite.service",
        "amicale-offsite.timer", "Caddyfile", "amicale.env.example", "amicale"}
    assert "--app app" in (DEPLOY / "amicale").read_text()


def test_every_setting_the_files_name_exists():
    """Each AMICALE_* name in deploy/, the Makefile and the README is a setting Amicale reads:
    a misspelt one in the environment file would be ignored without a word."""
    known = names()
    for path in [*DEPLOY.iterdir(), ROOT / "Makefile", ROOT / "README.md"]:
        named = set(re.findall(r"AMICALE_[A-Z0-9_]+", path.read_text())) - {"AMICALE_STRESS"}
        assert named <= known, f"{path.name}: {sorted(named - known)}"


def test_the_example_settings_start_a_production_site(tmp_path):
    """The environment file as shipped (its blanks left empty) is accepted in production,
    and leaves the scheduler to its own service."""
    settings = example_settings()
    assert "AMICALE_SCHEDULER" not in settings  # it would win over amicale.service's own line
    config = from_environment(settings)
    config["INSTANCE_PATH"] = str(tmp_path / "instance")
    app = create_app(config)
    assert app.config["ENV"] == "production" and app.config["BEHIND_PROXY"] is True
    assert app.config["TRUSTED_HOSTS"] == ["amicale.example.org"]
    assert app.config["BASE_URL"].startswith("https://")


def test_units_start_real_entry_points(tmp_path):
    """Every command the units run exists: the project's gunicorn settings module, the WSGI
    app of app.py, and each `flask --app app` command."""
    app = create_app({"INSTANCE_PATH": str(tmp_path / "instance")})
    entry = ast.parse((ROOT / "app.py").read_text())
    assert any(isinstance(node, ast.Assign) and node.targets[0].id == "app" for node in entry.body)
    seen = set()
    for unit in UNITS:
        for words in commands(unit):
            program = words[0]
            if program.startswith(INSTALLED):
                relative = program.removeprefix(INSTALLED + "/")
                assert relative.startswith(".venv/bin/"), program
                seen.add(Path(relative).name)
                if (ROOT / ".venv/bin").is_dir():
                    assert (ROOT / relative).exists(), program
            if program.endswith("/flask"):
                assert words[1:3] == ["--app", "app"], words
                assert words[3] in app.cli.commands, words
                seen.add(words[3])
            if program.endswith("/gunicorn"):
                config = words[words.index("-c") + 1]
                assert config == "python:association.gunicorn_conf"
                assert (ROOT / "association" / "gunicorn_conf.py").exists()
                assert words[-1] == "app:app"
                assert words[words.index("--bind") + 1] == "127.0.0.1:8000"
    assert seen >= {"gunicorn", "flask", "init-db", "run-scheduler"}
    assert "reverse_proxy 127.0.0.1:8000" in (DEPLOY / "Caddyfile").read_text()


def test_the_web_app_leaves_the_jobs_to_the_scheduler_service():
    """amicale.service turns the embedded scheduler off; the scheduler has its own unit."""
    web = (DEPLOY / "amicale.service").read_text()
    assert "Environment=AMICALE_SCHEDULER=off" in web
    assert "EnvironmentFile=/etc/amicale/amicale.env" in web
    for unit in (DEPLOY / "amicale.service", DEPLOY / "amicale-scheduler.service"):
        text = unit.read_text()
        for option in ("NoNewPrivileges=yes", "ProtectSystem=strict", "PrivateTmp=yes",
                       "ReadWritePaths=/var/lib/amicale", "User=amicale"):
            assert option in text, (unit.name, option)


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze is not installed")
def test_systemd_accepts_the_units(tmp_path):
    """`systemd-analyze verify` on the units, pointed at this checkout and its .venv (it checks
    that each program exists); rclone, when not installed here, is stood in for by `true`.
    An unknown or misspelt option is only a warning to systemd, which ignores it: refused here."""
    if not (ROOT / ".venv/bin/gunicorn").exists():
        pytest.skip("no .venv with gunicorn in this checkout")
    env = tmp_path / "amicale.env"
    env.write_text((DEPLOY / "amicale.env.example").read_text())
    rclone = shutil.which("rclone") or shutil.which("true")
    for path in [*UNITS, *DEPLOY.glob("*.timer")]:
        text = (path.read_text().replace(INSTALLED, str(ROOT))
                .replace("/etc/amicale/amicale.env", str(env)).replace("/usr/bin/rclone", rclone))
        (tmp_path / path.name).write_text(text)
    result = subprocess.run(  # nosec B603: a fixed program on our own files
        [shutil.which("systemd-analyze"), "verify",
         *sorted(str(path) for path in tmp_path.glob("amicale*.*") if path.suffix != ".env")],
        capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert not re.search(r"Unknown|ignoring|Invalid|not executable", result.stderr, re.I), \
        result.stderr


@pytest.mark.skipif(not shutil.which("caddy"), reason="caddy is not installed")
def test_caddy_accepts_the_caddyfile():
    """`caddy validate` on the Caddyfile as shipped."""
    result = subprocess.run(  # nosec B603: a fixed program on our own file
        [shutil.which("caddy"), "validate", "--adapter", "caddyfile",
         "--config", str(DEPLOY / "Caddyfile")], capture_output=True, text=True, timeout=60,
        check=False)
    assert result.returncode == 0, result.stderr
