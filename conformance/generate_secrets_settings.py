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
    # Airflow 3: the [workers] backend a task sees, per-key kwargs, and their precedence.
    {
        "id": "workers-backend-wins",
        "env": {
            "AIRFLOW__SECRETS__BACKEND": SSM,
            "AIRFLOW__SECRETS__BACKEND_KWARGS": '{"connections_prefix": "/server/conns"}',
            "AIRFLOW__WORKERS__SECRETS_BACKEND": SM,
            "AIRFLOW__WORKERS__SECRETS_BACKEND_KWARGS": '{"connections_prefix": "worker/conns", "region_name": "eu-west-2"}',
        },
    },
    {
        "id": "workers-backend-without-kwargs-ignores-secrets-kwargs",
        "env": {
            "AIRFLOW__SECRETS__BACKEND": SM,
            "AIRFLOW__SECRETS__BACKEND_KWARGS": '{"connections_prefix": "server/conns"}',
            "AIRFLOW__WORKERS__SECRETS_BACKEND": SSM,
        },
    },
    {
        "id": "workers-kwargs-without-workers-backend-are-ignored",
        "env": {
            "AIRFLOW__SECRETS__BACKEND": SM,
            "AIRFLOW__SECRETS__BACKEND_KWARGS": '{"connections_prefix": "server/conns"}',
            "AIRFLOW__WORKERS__SECRETS_BACKEND_KWARGS": '{"connections_prefix": "worker/conns"}',
            "AIRFLOW__WORKERS__SECRETS_BACKEND_KWARG__SEP": ":",
        },
    },
    {"id": "workers-backend-only", "env": {"AIRFLOW__WORKERS__SECRETS_BACKEND": SSM}},
    {
        "id": "per-key-kwarg-overrides-json",
        "env": {
            "AIRFLOW__SECRETS__BACKEND": SM,
            "AIRFLOW__SECRETS__BACKEND_KWARGS": '{"connections_prefix": "from/json", "region_name": "us-east-1"}',
            "AIRFLOW__SECRETS__BACKEND_KWARG__CONNECTIONS_PREFIX": "from/env",
            "AIRFLOW__SECRETS__BACKEND_KWARG__SEP": ":",
        },
    },
    {
        "id": "per-key-kwargs-alone",
        "env": {
            "AIRFLOW__SECRETS__BACKEND": SSM,
            "AIRFLOW__SECRETS__BACKEND_KWARG__CONNECTIONS_PREFIX": "/per/key",
            "AIRFLOW__SECRETS__BACKEND_KWARG__CONNECTIONS_LOOKUP_PATTERN": "^db_",
            "AIRFLOW__SECRETS__BACKEND_KWARG__": "ignored, no key",
        },
    },
    {
        "id": "per-key-kwarg-lowercased",
        "env": {
            "AIRFLOW__SECRETS__BACKEND": SSM,
            "AIRFLOW__SECRETS__BACKEND_KWARG__Region_Name": "ap-south-1",
        },
    },
    {
        "id": "workers-per-key-kwargs",
        "env": {
            "AIRFLOW__WORKERS__SECRETS_BACKEND": SM,
            "AIRFLOW__WORKERS__SECRETS_BACKEND_KWARGS": '{"connections_prefix": "w/json"}',
            "AIRFLOW__WORKERS__SECRETS_BACKEND_KWARG__CONNECTIONS_PREFIX": "w/env",
            "AIRFLOW__SECRETS__BACKEND_KWARG__SEP": "|",
        },
    },
    {
        "id": "secrets-per-key-kwargs-on-fallback",
        "env": {
            "AIRFLOW__SECRETS__BACKEND": LFS,
            "AIRFLOW__SECRETS__BACKEND_KWARG__CONNECTIONS_FILE_PATH": "/opt/conns.json",
        },
    },
    {
        "id": "kwargs-not-an-object",
        "env": {"AIRFLOW__SECRETS__BACKEND": SSM, "AIRFLOW__SECRETS__BACKEND_KWARGS": "[1, 2]"},
    },
    {
        "id": "kwargs-invalid-json",
        "env": {"AIRFLOW__SECRETS__BACKEND": SSM, "AIRFLOW__SECRETS__BACKEND_KWARGS": "{prefix: 1"},
    },
    {
        "id": "secretsmanager-client-kwargs",
        "env": {
            "AIRFLOW__SECRETS__BACKEND": SM,
            "AIRFLOW__SECRETS__BACKEND_KWARGS": json.dumps({
                "use_ssl": False,
                "verify": False,
                "api_version": "2017-10-17",
                "aws_access_key_id": "AKIAEXAMPLEBACKEND",
                "aws_secret_access_key": "planted-backend-secret",
                "role_arn": "arn:aws:iam::123456789012:role/reader",
                "assume_role_kwargs": {"ExternalId": "ext-1"},
                "service_config": {"secretsmanager": {"endpoint_url": "http://127.0.0.1:4566"}},
                "config_kwargs": {"retries": {"max_attempts": 7}},
                "unknown_kwarg_x": 1,
            }),
        },
    },
    {
        "id": "local-filesystem-unknown-kwarg",
        "env": {
            "AIRFLOW__SECRETS__BACKEND": LFS,
            "AIRFLOW__SECRETS__BACKEND_KWARGS": '{"connections_file_path": "/opt/c.yaml", "colour": "blue"}',
        },
    },
]

PROBE = r"""
import json, sys
from airflow.configuration import conf, initialize_secrets_backends
out = {"backends": [], "use_cache": None, "cache_ttl_seconds": None, "error": None}
try:
    if sys.argv[1] == "worker":
        # What a task on an Airflow 3 worker searches (the Task SDK's list, [workers] backend first).
        from airflow.sdk.configuration import initialize_secrets_backends as sdk_backends
        from airflow.sdk.execution_time.secrets import DEFAULT_SECRETS_SEARCH_PATH_WORKERS
        backends = sdk_backends(default_backends=DEFAULT_SECRETS_SEARCH_PATH_WORKERS)
    else:
        backends = initialize_secrets_backends()
    for b in backends:
        d = {"class": type(b).__module__ + "." + type(b).__name__}
        for attr in ("connections_prefix", "connections_lookup_pattern", "sep", "extra_conn_words", "kwargs", "connections_file",
                     "api_version", "use_ssl"):
            if hasattr(b, attr):
                d[attr] = getattr(b, attr)
        if hasattr(b, "kwargs") and hasattr(b, "use_ssl"):
            # The backend's own AWS client, as its `client` property builds it (not called: no AWS here).
            from airflow.providers.amazon.aws.utils.connection_wrapper import AwsConnectionWrapper
            w = AwsConnectionWrapper.from_connection_metadata(conn_id=f"{type(b).__name__}__connection", extra=b.kwargs)
            cfg = w.botocore_config
            d["client"] = {
                "region_name": w.region_name,
                "endpoint_url": w.endpoint_url,
                "verify": w.verify,
                "aws_access_key_id": w.aws_access_key_id,
                "has_secret_access_key": w.aws_secret_access_key is not None,
                "profile_name": w.profile_name,
                "role_arn": w.role_arn,
                "assume_role_method": w.assume_role_method,
                "assume_role_kwargs": w.assume_role_kwargs,
                "botocore_config": None if cfg is None else {
                    k: getattr(cfg, k, None) for k in ("retries", "connect_timeout", "read_timeout")
                },
            }
        out["backends"].append(d)
    out["use_cache"] = conf.getboolean("secrets", "use_cache")
    out["cache_ttl_seconds"] = conf.getint("secrets", "cache_ttl_seconds")
except Exception as e:
    out = {"backends": None, "error": {"type": type(e).__name__}}
print(json.dumps(out))
"""


def run(case, mode):
    env = {k: v for k, v in os.environ.items() if not k.startswith("AIRFLOW")}
    env.update(case["env"])
    with tempfile.TemporaryDirectory() as home:
        env["AIRFLOW_HOME"] = home
        done = subprocess.run([sys.executable, "-c", PROBE, mode], env=env, capture_output=True, text=True)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        # Airflow failed before the probe could report (e.g. at import): keep the exception class.
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        return {"backends": None, "error": {"type": last.split(":")[0].split(".")[-1]}}
    return json.loads(lines[-1])


def main():
    import airflow
    from importlib.metadata import version

    # "airflow": what a server builds; "airflow_worker": what a task on a worker builds (awsconn's model).
    cases = [{**case, "airflow": run(case, "server"), "airflow_worker": run(case, "worker")} for case in CASES]
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
