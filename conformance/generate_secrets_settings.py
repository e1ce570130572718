"""Records how the real Airflow turns [secrets] settings into its backend search list.

Run with the conformance virtualenv (apache-airflow + the amazon provider, pinned in
conformance/requirements.txt):

    conformance/.venv/bin/python conformance/generate_secrets_settings.py

Writes vectors/secrets_settings.json. Each case runs in a fresh interpreter,
because Airflow reads its configuration from the environment once, at import.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

SM = "airflow.providers.amazon.aws.secrets.secrets_manager.SecretsManagerBackend"
SSM = "airflow.providers.amazon.aws.secrets.systems_manager.SystemsManagerParameterStoreBackend"
LFS = "airflow.secrets.local_filesystem.LocalFilesystemBackend"

CASES = [
    {"id": "no-backend", "env": {}},
    {
        "id": "secretsmanager-all-kwargs",
        "env": {
            "AIRFLOW__SECRETS__BACKEND": SM,
            "AIRFLOW__SECRETS__BACKEND_KWARGS": json.dumps({
                "connections_prefix": "prod/conns",
                "connections_lookup_pattern": "^aws_",
                "sep": ":",
                "extra_conn_words": {"login": ["usr"]},
                "region_name": "eu-west-1",
                "endpoint_url": "http://127.0.0.1:5000",
                "profile_name": "ops",
                "role_arn": "arn:aws:iam::123456789012:role/reader",
                "variables_prefix": "prod/vars",
            }),
        },
    },
    {"id": "secretsmanager-defaults", "env": {"AIRFLOW__SECRETS__BACKEND": SM}},
    {
        "id": "secretsmanager-connections-disabled",
        "env": {"AIRFLOW__SECRETS__BACKEND": SM, "AIRFLOW__SECRETS__BACKEND_KWARGS": '{"connections_prefix": null}'},
    },
    {
        "id": "ssm-kwargs",
        "env": {
            "AIRFLOW__SECRETS__BACKEND": SSM,
            "AIRFLOW__SECRETS__BACKEND_KWARGS": json.dumps({
                "connections_prefix": "/team/conns",
                "connections_lookup_pattern": "db",
                "region_name": "us-east-2",
                "role_arn": "arn:aws:iam::123456789012:role/ssm-reader",
            }),
        },
    },
    {"id": "ssm-defaults", "env": {"AIRFLOW__SECRETS__BACKEND": SSM}},
    {
        "id": "local-filesystem",
        "env": {
            "AIRFLOW__SECRETS__BACKEND": LFS,
            "AIRFLOW__SECRETS__BACKEND_KWARGS": '{"connections_file_path": "/opt/airflow/connections.yaml"}',
        },
    },
    {"id": "local-filesystem-no-file", "env": {"AIRFLOW__SECRETS__BACKEND": LFS}},
    {
        "id": "cache-on",
        "env": {
            "AIRFLOW__SECRETS__BACKEND": SSM,
            "AIRFLOW__SECRETS__USE_CACHE": "True",
            "AIRFLOW__SECRETS__CACHE_TTL_SECONDS": "60",
        },
    },
    {"id": "cache-on-default-ttl", "env": {"AIRFLOW__SECRETS__BACKEND": SSM, "AIRFLOW__SECRETS__USE_CACHE": "true"}},
    {"id": "cache-off", "env": {"AIRFLOW__SECRETS__BACKEND": SSM, "AIRFLOW__SECRETS__USE_CACHE": "False"}},
    {"id": "unknown-backend", "env": {"AIRFLOW__SECRETS__BACKEND": "airflow.providers.hashicorp.secrets.vault.NoSuchBackend"}},
]

PROBE = r"""
import json
from airflow.configuration import conf, initialize_secrets_backends
out = {"backends": [], "use_cache": None, "cache_ttl_seconds": None, "error": None}
try:
    for b in initialize_secrets_backends():
        d = {"class": type(b).__module__ + "." + type(b).__name__}
        for attr in ("connections_prefix", "connections_lookup_pattern", "sep", "extra_conn_words", "kwargs", "connections_file"):
            if hasattr(b, attr):
                d[attr] = getattr(b, attr)
        out["backends"].append(d)
    out["use_cache"] = conf.getboolean("secrets", "use_cache")
    out["cache_ttl_seconds"] = conf.getint("secrets", "cache_ttl_seconds")
except Exception as e:
    out = {"backends": None, "error": {"type": type(e).__name__}}
print(json.dumps(out))
"""


def run(case):
    env = {k: v for k, v in os.environ.items() if not k.startswith("AIRFLOW")}
    env.update(case["env"])
    with tempfile.TemporaryDirectory() as home:
        env["AIRFLOW_HOME"] = home
        done = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        # Airflow failed before the probe could report (e.g. at import): keep the exception class.
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        return {"backends": None, "error": {"type": last.split(":")[0].split(".")[-1]}}
    return json.loads(lines[-1])


def main():
    import airflow
    from importlib.metadata import version

    cases = [{**case, "airflow": run(case)} for case in CASES]
    doc = {
        "generator": "conformance/generate_secrets_settings.py",
        "airflow_version": airflow.__version__,
        "amazon_provider_version": version("apache-airflow-providers-amazon"),
        "cases": cases,
    }
    target = Path(__file__).parent / "vectors" / "secrets_settings.json"
    target.write_text(json.dumps(doc, indent=2, sort_keys=True) + "\n")
    print(f"wrote {len(cases)} cases to {target}")


if __name__ == "__main__":
    main()
