"""Generate vectors/aws_connection_wrapper_fuzz.json: seeded random ``aws`` connections.

Each case is a random connection (login/password absent, empty, blank or set; a random subset of
the extra keys the amazon provider reads, with values of the right and of wrong types, empty
strings and conflicting keys) run through ``AwsConnectionWrapper`` and ``BaseSessionFactory``
exactly as ``generate_aws_wrapper.py`` does (its ``run_case``), so every case records the same
observable outcomes in the same shape. The seed is fixed: running it twice gives the same file.
"""

from __future__ import annotations

import random
from typing import Any

from _common import fuzz_arguments, pick, write_vectors
from generate_aws_wrapper import ROLE, TOKEN_FILE, run_case

SEED = 20261201
COUNT = 560
ABSENT = object()

# Connection ids that are valid for Airflow and awsconn alike (no CJK, at most 56 characters).
CONN_IDS = ["aws_default", "aws_default", "aws_default", "etl", "my-aws.conn", "AWS/Prod", "a#1", "x:y\\z", "Été_ß"]
CONN_TYPES = ["aws", "aws", "aws", "aws", None, "", "AWS", "s3", "emr"]
LOGIN = [ABSENT, ABSENT, None, "", " ", "AKIAFUZZ", "AKIAFUZZ", " AKIA ", "AKIA\u00e9"]
PASSWORD = [ABSENT, ABSENT, None, "", " ", "secret/key+1", "secret/key+1", " s "]
HOST = [ABSENT, ABSENT, ABSENT, "", "http://host:1"]

STRINGY = ["", " ", "x", 0, 1, True, False, None, [], ["a"], {}, {"a": 1}, 1.5]
REGIONS = ["eu-west-1", "us-east-1", "", " ", None, 5, True, ["eu-west-1"], "EU-WEST-1"]
URLS = ["http://localhost:4566", "https://e.example:1234/p", "", " ", None, 42, False, {"u": 1}]
ROLES = [ROLE, ROLE, ROLE, "arn:aws:iam::1:role/other", "", " ", None, 0, 1, True, ["r"], {"r": 1}]
METHODS = [
    "assume_role",
    "assume_role",
    "assume_role_with_saml",
    "assume_role_with_web_identity",
    "Assume_Role",
    "",
    None,
    1,
    ["assume_role"],
    "dummy",
]
ROLE_KWARGS = [
    {},
    {"ExternalId": "ext"},
    {"DurationSeconds": 900},
    {"RoleSessionName": "custom"},
    {"RoleSessionName": ""},
    {"RoleArn": "arn:aws:iam::1:role/other"},
    {"Policy": '{"Version":"2012-10-17"}', "Tags": [{"Key": "k", "Value": "v"}]},
    None,
    "",
    "x",
    [],
    0,
]
SERVICE_CONFIGS = [
    {},
    {"s3": {"endpoint_url": "http://s3:2"}},
    {"sts": {"endpoint_url": "http://sts:3"}},
    {"s3": {"endpoint_url": None}, "sts": {}},
    {"s3": {"bucket_name": "b"}, "ec2": {"endpoint_url": "http://ec2:4"}},
    {"sts": {"endpoint_url": ""}},
    {"s3": {"endpoint_url": 5}},
    None,
    "",
    "x",
    [],
]
CONFIG_KWARGS = [
    {},
    {"retries": {"max_attempts": 3}},
    {"retries": {"max_attempts": 2, "mode": "standard"}},
    {"retries": {"mode": "adaptive"}},
    {"connect_timeout": 2, "read_timeout": 7},
    {"signature_version": "unsigned"},
    {"signature_version": "v4"},
    {"user_agent": "fuzz"},
    {"max_pool_connections": 5},
    None,
    "",
    [],
    0,
    "x",
    ["retries"],
]
SESSION_KWARGS = [
    {},
    {"aws_access_key_id": "SKA", "aws_secret_access_key": "SKS"},
    {"aws_session_token": "SKT"},
    {"aws_access_key_id": "SKA"},
    {"aws_access_key_id": "SKA", "aws_secret_access_key": "SKS", "aws_session_token": "SKT"},
    {"aws_access_key_id": "", "aws_secret_access_key": "SKS"},
    None,
]
VERIFY = [True, False, "/etc/ssl/certs/ca.pem", "false", "true", "", None, 0, 1]
KEY_IDS = ["AKIAEXTRA", "AKIAEXTRA", "", " ", None, 7, True]
SECRETS = ["extra/secret", "extra/secret", "", " ", None, 8]
TOKENS = ["tok", "tok", "", None, 9]

# extra key -> value pool (each case takes a random subset of the keys)
EXTRA: dict[str, list[Any]] = {
    "aws_access_key_id": KEY_IDS,
    "aws_secret_access_key": SECRETS,
    "aws_session_token": TOKENS,
    "region_name": REGIONS,
    "role_arn": ROLES,
    "assume_role_method": METHODS,
    "assume_role_kwargs": ROLE_KWARGS,
    "endpoint_url": URLS,
    "service_config": SERVICE_CONFIGS,
    "config_kwargs": CONFIG_KWARGS,
    "botocore_kwargs": [{"user_agent": "x"}, None, "x"],
    "profile_name": ["etl", "", None, 3],
    "profile": ["etl", ""],
    "s3_config_file": ["/x", ""],
    "session_kwargs": SESSION_KWARGS,
    "verify": VERIFY,
    "aws_account_id": ["123456789012", "", None, 123456789012],
    "aws_iam_role": ["etl", "", None],
    "external_id": ["legacy", "", None],
    "host": ["http://legacy:1", "", None],
    "assume_role_with_web_identity_federation": ["file", "google", "", None],
    "assume_role_with_web_identity_token_file": [TOKEN_FILE, "", None],
    "region": ["eu-west-1"],
    "unknown_key": ["v", 1],
}
KEYS = list(EXTRA)
# Keys drawn more often: the ones every aws connection has.
WEIGHTS = {"aws_access_key_id": 3, "aws_secret_access_key": 3, "region_name": 3, "role_arn": 3, "assume_role_method": 2}


def random_connection(rng: random.Random) -> dict[str, Any]:
    kwargs: dict[str, Any] = {"conn_id": pick(rng, CONN_IDS), "conn_type": pick(rng, CONN_TYPES)}
    for name, pool in (("login", LOGIN), ("password", PASSWORD), ("host", HOST)):
        value = pick(rng, pool)
        if value is not ABSENT:
            kwargs[name] = value
    extra: dict[str, Any] = {}
    size = rng.choice([0, 1, 1, 2, 2, 3, 3, 4, 5, 6])
    chosen: list[str] = []
    while len(chosen) < size:
        key = rng.choice(KEYS)
        if key in chosen:
            continue
        if key not in WEIGHTS and rng.random() < 0.4:
            continue
        chosen.append(key)
    for key in chosen:
        value = pick(rng, EXTRA[key])
        # now and then a wrong type in a string key
        if key in ("aws_access_key_id", "aws_secret_access_key", "region_name", "endpoint_url") and rng.random() < 0.08:
            value = pick(rng, STRINGY)
        extra[key] = value
    # an empty extra is now and then given as {}, else left out
    if extra or rng.random() < 0.1:
        kwargs["extra"] = extra
    return kwargs


def main() -> None:
    seed, count = fuzz_arguments(SEED, COUNT)
    rng = random.Random(seed)
    cases = []
    for n in range(count):
        kwargs = random_connection(rng)
        cases.append({"id": f"fuzz-{seed}-{n:04d}", "input": kwargs, **run_case(kwargs)})
    write_vectors("aws_connection_wrapper_fuzz.json", "generate_aws_wrapper_fuzz.py", cases)


if __name__ == "__main__":
    main()
