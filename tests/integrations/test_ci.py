"""The CI integrations, run for real: the GitHub Action's steps, the pre-commit hooks with the
real pre-commit from PyPI in a scratch repository, and the README's snippets (each must be the
tested file it names). Run by scripts/test.sh's `integrations` layer with the project's .venv.

APIFRONT_CLI names the built CLI (the layer builds it); the `apifront` pre-commit hook builds its
own from the hook repository, as it does for users.
"""

import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
CLI = Path(os.environ.get("APIFRONT_CLI", ROOT / "target/release/apifront"))
README = (ROOT / "README.md").read_text()
UPSTREAM = "https://github.com/apifront/apifront"


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


def snippet(path):
    """The code block the README shows after `<!-- snippet: PATH -->`."""
    marker = f"<!-- snippet: {path} -->"
    assert marker in README, f"README has no snippet of {path}"
    after = README.split(marker, 1)[1]
    match = re.match(r"\s*```[a-z]*\n(.*?)```", after, re.S)
    assert match, f"no code block after {marker}"
    return match.group(1)


class ReadmeSnippets(unittest.TestCase):
    """Each integration's README snippet is the tested file it names (with the repository's own
    address where the file refers to this checkout)."""

    def test_snippets_are_the_tested_files(self):
        for path, local, public in [
            (".github/workflows/apifront-lint-example.yml", "uses: ./", "uses: apifront/apifront@main"),
            ("packages/apifront/examples/lint.mjs", None, None),
            ("packages/cdk/examples/app.ts", None, None),
            ("tests/integrations/pre-commit-config.yaml", None, None),
        ]:
            text = (ROOT / path).read_text()
            if local:
                self.assertIn(local, text)
                text = text.replace(local, public)
            self.assertEqual(snippet(path), text, path)

    def test_install_commands_name_real_packages(self):
        block = snippet("install")
        self.assertIn(f"cargo install --locked --git {UPSTREAM} apifront-cli", block)
        cargo = (ROOT / "crates/cli/Cargo.toml").read_text()
        self.assertIn('name = "apifront-cli"', cargo)
        self.assertIn('name = "apifront"', cargo)
        package = json.loads((ROOT / "packages/apifront/package.json").read_text())
        self.assertIn(f"./apifront-{package['version']}.tgz", block)
        cdk = json.loads((ROOT / "packages/cdk/package.json").read_text())
        self.assertIn(f"./{cdk['name']}-{cdk['version']}.tgz", block)


class GitHubAction(unittest.TestCase):
    def setUp(self):
        self.action = yaml.safe_load((ROOT / "action.yml").read_text())
        self.tmp = Path(tempfile.mkdtemp(prefix="apifront-action-"))
        (self.tmp / "apifront/bin").mkdir(parents=True)
        shutil.copy(CLI, self.tmp / "apifront/bin/apifront")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def lint(self, **inputs):
        env = {**os.environ, "RUNNER_TEMP": str(self.tmp), "GITHUB_OUTPUT": str(self.tmp / "output"),
               "GITHUB_ACTION_PATH": str(ROOT)}
        env.update({f"INPUT_{k.upper()}": v for k, v in inputs.items()})
        return run([str(ROOT / "scripts/github-action.sh"), "lint"], cwd=ROOT, env=env)

    def test_the_action_is_a_composite_of_the_tested_script(self):
        self.assertEqual(self.action["runs"]["using"], "composite")
        self.assertEqual(set(self.action["inputs"]), {"paths", "severity", "disable", "sarif"})
        scripts = [s.get("run", "") for s in self.action["runs"]["steps"]]
        self.assertTrue(any("scripts/github-action.sh\" install" in s for s in scripts))
        self.assertTrue(any("scripts/github-action.sh\" lint" in s for s in scripts))
        upload = [s for s in self.action["runs"]["steps"] if "upload-sarif" in s.get("uses", "")]
        self.assertEqual(len(upload), 1)
        self.assertIn("inputs.sarif != ''", upload[0]["if"])

    def test_the_example_workflow_runs_clean_and_writes_sarif(self):
        workflow = yaml.safe_load((ROOT / ".github/workflows/apifront-lint-example.yml").read_text())
        [step] = [s for s in workflow["jobs"]["lint"]["steps"] if s.get("uses") == "./"]
        self.assertLessEqual(set(step["with"]), set(self.action["inputs"]))
        result = self.lint(**step["with"])
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        sarif = json.loads((ROOT / step["with"]["sarif"]).read_text())
        (ROOT / step["with"]["sarif"]).unlink()
        self.assertEqual(sarif["version"], "2.1.0")
        self.assertIn(f"sarif={step['with']['sarif']}", (self.tmp / "output").read_text())
        for line in result.stdout.splitlines():
            self.assertRegex(line, r"^::(notice|warning|error) file=")

    def test_errors_fail_the_step_with_annotations_and_sarif_still_written(self):
        sarif = self.tmp / "out.sarif"
        result = self.lint(paths="crates/cli/tests/fixtures/tree/api.yaml", sarif=str(sarif),
                           disable="waf-not-associated access-logging-disabled")
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn("::error file=crates/cli/tests/fixtures/tree/api.yaml,line=22,col=34,", result.stdout)
        self.assertNotIn("waf-not-associated", result.stdout)
        results = json.loads(sarif.read_text())["runs"][0]["results"]
        self.assertIn("apigw-host-header-forwarded", {r["ruleId"] for r in results})
        quiet = self.lint(paths="crates/cli/tests/fixtures/tree/api.yaml", severity="error",
                          disable="apigw-host-header-forwarded viewer-protocol-allow-all")
        self.assertEqual(quiet.returncode, 0, quiet.stdout)


class PreCommitHooks(unittest.TestCase):
    """The hooks of .pre-commit-hooks.yaml through the real pre-commit, configured with the
    README's snippet pointed at this repository's HEAD."""

    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="apifront-pre-commit-"))
        self.repo = self.tmp / "repo"
        self.repo.mkdir()
        self.env = {**os.environ, "PRE_COMMIT_HOME": str(self.tmp / "cache"),
                    "CARGO_TARGET_DIR": str(ROOT / "target/pre-commit"),
                    "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull}
        self.git("init", "-q")
        self.git("config", "user.email", "test@example.com")
        self.git("config", "user.name", "test")
        fixtures = ROOT / "crates"
        (self.repo / "infra").mkdir()
        shutil.copy(fixtures / "cli/tests/fixtures/tree/api.yaml", self.repo / "infra/api.yaml")
        shutil.copy(fixtures / "core/tests/fixtures/reference/hardened.yaml", self.repo / "infra/hardened.yaml")
        (self.repo / "ci.yml").write_text("on: push\njobs: {}\n")
        head = run(["git", "rev-parse", "HEAD"], cwd=ROOT).stdout.strip()
        config = (ROOT / "tests/integrations/pre-commit-config.yaml").read_text()
        config = config.replace(UPSTREAM, str(ROOT)).replace("rev: v0.1.0", f"rev: {head}")
        config += "      - id: apifront-system\n"
        (self.repo / ".pre-commit-config.yaml").write_text(config)

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def git(self, *args):
        result = run(["git", *args], cwd=self.repo, env=self.env)
        self.assertEqual(result.returncode, 0, result.stderr)

    def pre_commit(self, *args):
        return run([str(ROOT / ".venv/bin/pre-commit"), *args], cwd=self.repo, env=self.env)

    def test_hooks_fail_on_errors_and_skip_unrelated_files(self):
        self.git("add", ".")
        for hook in ["apifront", "apifront-system"]:
            env_path = f"{CLI.parent}:{os.environ['PATH']}"
            self.env["PATH"] = env_path
            failing = self.pre_commit("run", hook, "--all-files")
            self.assertEqual(failing.returncode, 1, failing.stdout + failing.stderr)
            self.assertIn("error[apigw-host-header-forwarded]", failing.stdout)
            self.assertIn("infra/api.yaml:22:34", failing.stdout)
            self.assertNotIn("ci.yml", failing.stdout)
            self.assertNotIn("hardened.yaml:", failing.stdout)
        (self.repo / "infra/api.yaml").unlink()
        self.git("add", "-A")
        for hook in ["apifront", "apifront-system"]:
            passing = self.pre_commit("run", hook, "--all-files")
            self.assertEqual(passing.returncode, 0, passing.stdout + passing.stderr)
            self.assertIn("Passed", passing.stdout)


if __name__ == "__main__":
    unittest.main()
