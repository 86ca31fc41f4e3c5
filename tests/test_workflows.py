"""The GitHub workflows, read offline: what they run exists, they ask only for the permissions they
need, the pull-request check shows every problem at once, the deploy publishes under the address
GitHub Pages reports. (`make rehearsal` runs their steps as on a runner; it is too slow for here.)"""

from __future__ import annotations

import os
import re
import shlex
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from conftest import REPO

WORKFLOWS = REPO / ".github" / "workflows"
CHECK = WORKFLOWS / "tarkistus.yml"
DEPLOY = WORKFLOWS / "julkaisu.yml"
OPERATORS = {"&&", "||", ";", "|", "&", "{", "}", "(", ")", "!"}
KEEPS_GOING = {"${{ !cancelled() }}", "!cancelled()", "${{ always() }}", "always()"}


def load(path: Path) -> dict:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in workflow:  # YAML 1.1 reads the key `on` as a boolean
        workflow["on"] = workflow.pop(True)
    return workflow


def steps(workflow: dict) -> list[tuple[str, dict]]:
    return [(job_id, step) for job_id, job in workflow["jobs"].items() for step in job.get("steps", [])]


def commands(script: str) -> list[list[str]]:
    """The simple commands of a ``run:`` script, each as words without ``sudo``/``env``/``VAR=``."""
    found = []
    for line in script.replace("\\\n", " ").splitlines():
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        lexer.commenters = "#"
        words: list[str] = []
        for token in [*lexer, ";"]:
            if token in OPERATORS or set(token) <= set("&|;"):
                while words and (words[0] in {"sudo", "env", "exec"} or re.match(r"^\w+=", words[0])):
                    words.pop(0)
                if words:
                    found.append(words)
                words = []
            else:
                words.append(token)
    return found


def run_commands(workflow: dict) -> list[tuple[dict, list[str]]]:
    return [(step, words) for _, step in steps(workflow) if "run" in step for words in commands(step["run"])]


def makefile() -> tuple[set[str], set[str]]:
    """The Makefile's targets and the variables it reads."""
    text = (REPO / "Makefile").read_text(encoding="utf-8")
    targets = set()
    for match in re.finditer(r"^([^\s#.$][^:=#\n]*?)\s*:(?![=])", text, re.M):
        targets.update(match[1].split())
    variables = set(re.findall(r"\$\((\w+)\)", text)) | set(re.findall(r"^(\w+)\s*[?:]?=", text, re.M))
    return targets, variables


def make_calls(workflow: dict) -> list[tuple[dict, list[str], dict[str, str]]]:
    """(step, targets, variables) of every ``make`` the workflow runs."""
    calls = []
    for step, words in run_commands(workflow):
        if words[0] == "make":
            args = [w for w in words[1:] if not w.startswith("-")]
            calls.append(
                (step, [a for a in args if "=" not in a], dict(a.split("=", 1) for a in args if "=" in a))
            )
    return calls


def action(step: dict) -> str:
    return step.get("uses", "").split("@")[0]


@pytest.mark.parametrize("path", [CHECK, DEPLOY], ids=lambda p: p.name)
def test_every_make_target_and_script_the_workflow_runs_exists(path: Path):
    workflow = load(path)
    targets, variables = makefile()
    assert {"check", "test", "site", "browser"} <= targets  # the parser reads this Makefile
    calls = make_calls(workflow)
    assert calls, "the workflow runs no make target"
    for step, called, assigned in calls:
        assert set(called) <= targets, f"{step.get('name')}: no such make target {set(called) - targets}"
        assert set(assigned) <= variables, (
            f"{step.get('name')}: the Makefile reads no {set(assigned) - variables}"
        )
    scripts = [w for _, words in run_commands(workflow) for w in words[:1] if "scripts/" in w]
    for script in scripts:
        file = REPO / script.removeprefix("./")
        assert file.is_file() and os.access(file, os.X_OK), f"{script} is not an executable script"
    programs = {words[0] for _, words in run_commands(workflow)}
    # Anything else would need its own check here (and on the runner image).
    assert programs <= {"make", "apt-get", "test", "echo", "exit", *scripts}, (
        f"unexpected commands: {programs}"
    )


def test_the_command_parser_sees_through_sudo_env_and_operators():
    assert commands("sudo DEBIAN_FRONTEND=x apt-get install -y a b\nscripts/x && make site") == [
        ["apt-get", "install", "-y", "a", "b"],
        ["scripts/x"],
        ["make", "site"],
    ]
    assert commands('test -n "$A" || { echo "::error::no"; exit 1; }\nmake check FORMAT=github # x') == [
        ["test", "-n", "$A"],
        ["echo", "::error::no"],
        ["exit", "1"],
        ["make", "check", "FORMAT=github"],
    ]


def test_permissions_are_the_least_each_workflow_needs():
    check, deploy = load(CHECK), load(DEPLOY)
    assert check["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    for workflow in (check, deploy):
        for job_id, job in workflow["jobs"].items():
            widened = {
                k: v
                for k, v in job.get("permissions", {}).items()
                if workflow["permissions"].get(k) not in (v, "write")
            }
            assert not widened, f"job {job_id} asks for more: {widened}"


def test_the_pull_request_check_runs_everything_even_after_a_failure():
    workflow = load(CHECK)
    assert "pull_request" in workflow["on"]
    calls = {
        (tuple(called), tuple(sorted(assigned.items()))): step
        for step, called, assigned in make_calls(workflow)
    }
    wanted = [(("check",), (("FORMAT", "github"),)), (("test",), ()), (("site",), ())]
    assert set(wanted) <= set(calls), f"make calls: {list(calls)}"
    run_steps = [step for _, step in steps(workflow) if "run" in step]
    order = [run_steps.index(calls[w]) for w in wanted]
    assert order == sorted(order)
    # Every run step after the first goes on when an earlier one failed, and so do the three.
    for step in [calls[w] for w in wanted] + run_steps[1:]:
        assert str(step.get("if", "")).strip() in KEEPS_GOING, (
            f"{step.get('name')} stops at the first failure"
        )
    # `make site` is the strict build: warnings (broken links, missing pages) fail it.
    assert "mkdocs build --strict" in (REPO / "Makefile").read_text(encoding="utf-8")


def test_the_deploy_builds_with_the_address_configure_pages_reports():
    workflow = load(DEPLOY)
    assert workflow["on"]["push"]["branches"] == ["main"]
    build_id, build = next(
        (job_id, job)
        for job_id, job in workflow["jobs"].items()
        if any(action(s) == "actions/upload-pages-artifact" for s in job.get("steps", []))
    )
    configure = next(s for s in build["steps"] if action(s) == "actions/configure-pages")
    site = next(s for s in build["steps"] if ["make", "site"] in commands(s.get("run", "")))
    upload = next(s for s in build["steps"] if action(s) == "actions/upload-pages-artifact")
    position = [id(s) for s in build["steps"]].index
    assert position(id(configure)) < position(id(site)) < position(id(upload))
    assert "id" in configure
    assert site.get("env", {}).get("KB_SITE_URL") == f"${{{{ steps.{configure['id']}.outputs.base_url }}}}"
    assert "if" not in site  # publishes only what passed the checks before it
    mkdocs = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^site_url: !ENV KB_SITE_URL$", mkdocs, re.M)
    assert upload["with"]["path"] == re.search(r"^site_dir: (\S+)$", mkdocs, re.M)[1]
    deploy = next(
        job
        for job in workflow["jobs"].values()
        if any(action(s) == "actions/deploy-pages" for s in job.get("steps", []))
    )
    assert deploy["needs"] in (build_id, [build_id])
    assert deploy["environment"]["name"] == "github-pages"


@pytest.mark.parametrize("path", [CHECK, DEPLOY], ids=lambda p: p.name)
def test_actions_are_pinned_to_a_major_version_at_least(path: Path):
    for _, step in steps(load(path)):
        if "uses" in step:
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})", step["uses"]), step[
                "uses"
            ]


@pytest.mark.parametrize("path", [CHECK, DEPLOY], ids=lambda p: p.name)
def test_the_runner_gets_the_python_and_system_packages_the_makefile_needs(path: Path):
    workflow = load(path)
    setup = next(s for _, s in steps(workflow) if action(s) == "actions/setup-python")
    wanted = tuple(int(n) for n in str(setup["with"]["python-version"]).split("."))
    requires = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "requires-python"
    ]
    # "3.11" is the newest 3.11.x (setup-python); a patch level in requires-python is below it
    assert wanted >= tuple(int(n) for n in requires.split()[0].removeprefix(">=").split("."))[: len(wanted)]
    assert setup["with"]["cache"] == "pip"
    installed = {
        w
        for _, words in run_commands(workflow)
        if words[:2] == ["apt-get", "install"]
        for w in words[2:]
        if not w.startswith("-")
    }
    voikko = re.search(
        r'^PACKAGES="([^"]+)"', (REPO / "scripts/install-voikko").read_text(encoding="utf-8"), re.M
    )[1]
    assert set(voikko.split()) <= installed
    # Ubuntu's chromium package only starts a snap, which does not run on the runners.
    assert not installed & {"chromium", "chromium-browser"}
    apt_steps = [s for _, s in steps(workflow) if "apt-get install" in s.get("run", "")]
    assert all("sudo" in s["run"] for s in apt_steps)  # the runner's user is not root


def test_the_deploy_refuses_to_publish_without_feedback_channel_and_data_terms():
    """The accessibility statement's feedback channel and the open data's terms come from
    repository variables through mkdocs.yml's ``extra:``; without either nothing is published."""
    workflow = load(DEPLOY)
    build = next(
        job
        for job in workflow["jobs"].values()
        if any(action(s) == "actions/upload-pages-artifact" for s in job.get("steps", []))
    )
    site = next(s for s in build["steps"] if ["make", "site"] in commands(s.get("run", "")))
    mkdocs = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    for variable, setting in (("KB_PALAUTE", "palaute"), ("KB_AVOIMEN_DATAN_EHDOT", "avoimen_datan_ehdot")):
        assert site["env"][variable] == f"${{{{ vars.{variable} }}}}"
        run = site["run"]
        assert re.search(rf'test -n "\${variable}" \|\| {{[^}}]*exit 1; }}', run), variable
        assert run.index(variable) < run.index("make site")
        assert re.search(rf'^  {setting}: !ENV \[{variable}, ""\]$', mkdocs, re.M), setting


def rehearsal():
    """``scripts/runner-rehearsal`` as a module (a script without the ``.py`` ending)."""
    from importlib.machinery import SourceFileLoader
    from importlib.util import module_from_spec, spec_from_loader

    path = REPO / "scripts" / "runner-rehearsal"
    spec = spec_from_loader("runner_rehearsal", SourceFileLoader("runner_rehearsal", str(path)))
    assert spec is not None and spec.loader is not None
    module = module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while it runs
    spec.loader.exec_module(module)
    return module


def test_the_rehearsal_names_the_repository_variables_the_deploy_would_lack():
    """`make rehearsal` reads a repository variable from the environment variable of the same
    name; it names each one that is not set before the deploy fails on it, as on GitHub."""
    unset_variables = rehearsal().unset_variables
    deploy = DEPLOY.read_text(encoding="utf-8")
    assert unset_variables(deploy, {}) == ["KB_AVOIMEN_DATAN_EHDOT", "KB_PALAUTE"]
    assert unset_variables(deploy, {"KB_PALAUTE": "https://example.org/palaute"}) == [
        "KB_AVOIMEN_DATAN_EHDOT"
    ]
    assert unset_variables(deploy, {"KB_PALAUTE": "x", "KB_AVOIMEN_DATAN_EHDOT": ""}) == [
        "KB_AVOIMEN_DATAN_EHDOT"
    ]
    assert unset_variables(deploy, {"KB_PALAUTE": "x", "KB_AVOIMEN_DATAN_EHDOT": "y"}) == []
    assert unset_variables(CHECK.read_text(encoding="utf-8"), {}) == []  # a pull request's check needs none
