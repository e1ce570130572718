"""Generate vectors/aws_connection_wrapper.json from the amazon provider's AwsConnectionWrapper.

For each connection: build the real ``airflow.models.Connection``, wrap it in
``AwsConnectionWrapper`` and record what it resolved, the warnings it raised (``warnings.warn``)
and the WARNING+ messages it logged, or the error. ``role_session_name`` is what
``BaseSessionFactory`` puts in ``RoleSessionName`` (its slug of ``Airflow_<conn_id>``);
``assume_role_request`` is the exact keyword set ``BaseSessionFactory._assume_role`` sends to
STS ``AssumeRole`` (captured with a recording stand-in for the STS client, no network);
``web_identity`` is what ``_get_web_identity_credential_fetcher`` builds, or its error.
"""

from __future__ import annotations

import json
import os
import sys
import warnings
from typing import Any

from _common import LogCapture, error_of, fields_of, write_vectors

os.environ.pop("AWS_WEB_IDENTITY_TOKEN_FILE", None)
os.environ.setdefault("AWS_EC2_METADATA_DISABLED", "true")

from botocore import UNSIGNED  # noqa: E402

from airflow.models import Connection  # noqa: E402
from airflow.providers.amazon.aws.hooks.base_aws import BaseSessionFactory  # noqa: E402
from airflow.providers.amazon.aws.utils.connection_wrapper import AwsConnectionWrapper  # noqa: E402

ROLE = "arn:aws:iam::123456789012:role/etl"
TOKEN_FILE = "/var/run/secrets/eks.amazonaws.com/serviceaccount/token"


def c(conn_id: str = "aws_default", conn_type: str | None = "aws", **fields: Any) -> dict[str, Any]:
    return {"conn_id": conn_id, "conn_type": conn_type, **fields}


# (id, connection kwargs)
CASES: list[tuple[str, dict[str, Any]]] = [
    # credentials
    ("empty", c()),
    ("empty-no-conn-type", c(conn_type=None)),
    ("login-password", c(login="AKIAEXAMPLE", password="secret/key+1")),
    ("login-password-session-token", c(login="AKIA", password="s", extra={"aws_session_token": "tok"})),
    ("login-only", c(login="AKIA")),
    ("password-only", c(password="secret")),
    ("extra-keys", c(extra={"aws_access_key_id": "AKIAX", "aws_secret_access_key": "sx"})),
    ("extra-keys-session-token", c(extra={"aws_access_key_id": "AKIAX", "aws_secret_access_key": "sx", "aws_session_token": "t"})),
    ("extra-key-id-only", c(extra={"aws_access_key_id": "AKIAX"})),
    ("login-password-beat-extra-keys", c(login="L", password="P", extra={"aws_access_key_id": "E", "aws_secret_access_key": "S"})),
    ("login-only-plus-extra-keys", c(login="L", extra={"aws_access_key_id": "E", "aws_secret_access_key": "S"})),
    ("session-token-alone", c(extra={"aws_session_token": "t"})),
    ("session-kwargs-legacy", c(extra={"session_kwargs": {"aws_access_key_id": "A", "aws_secret_access_key": "B", "aws_session_token": "T"}})),
    ("session-kwargs-token-only", c(login="L", password="P", extra={"session_kwargs": {"aws_session_token": "T"}})),
    # region, endpoints
    ("region-name", c(extra={"region_name": "eu-west-1"})),
    ("region-typo", c(extra={"region": "eu-west-1"})),
    ("region-name-null", c(extra={"region_name": None})),
    ("endpoint-url", c(extra={"endpoint_url": "http://localhost:4566"})),
    ("endpoint-url-null", c(extra={"endpoint_url": None})),
    ("host-extra-deprecated", c(extra={"host": "http://localhost:4566"})),
    ("host-field", c(host="http://localhost:4566")),
    ("host-and-endpoint-url", c(extra={"host": "http://a:1", "endpoint_url": "http://b:2"})),
    (
        "service-config",
        c(
            extra={
                "endpoint_url": "http://global:1",
                "service_config": {
                    "s3": {"endpoint_url": "http://s3:2", "bucket_name": "b"},
                    "sts": {"endpoint_url": "http://sts:3"},
                    "ec2": {"endpoint_url": None},
                    "dynamodb": None,
                },
            }
        ),
    ),
    ("service-config-sts-only", c(extra={"service_config": {"sts": {"endpoint_url": "https://sts.example:1234"}}})),
    ("service-config-global-only", c(extra={"endpoint_url": "https://global.example"})),
    ("service-config-empty", c(extra={"service_config": {}})),
    # profile
    ("profile-name", c(extra={"profile_name": "etl"})),
    ("profile-typo", c(extra={"profile": "etl"})),
    ("profile-with-s3-config-file", c(extra={"profile": "etl", "s3_config_file": "/x"})),
    ("profile-and-keys", c(login="A", password="B", extra={"profile_name": "p"})),
    # assume role
    ("role-arn", c(extra={"role_arn": ROLE})),
    ("role-arn-with-keys", c(login="A", password="B", extra={"role_arn": ROLE, "region_name": "eu-central-1"})),
    ("role-arn-external-id-in-kwargs", c(extra={"role_arn": ROLE, "assume_role_kwargs": {"ExternalId": "ext-1", "DurationSeconds": 900}})),
    ("role-arn-external-id-deprecated", c(extra={"role_arn": ROLE, "external_id": "ext-legacy"})),
    ("role-arn-external-id-both", c(extra={"role_arn": ROLE, "external_id": "legacy", "assume_role_kwargs": {"ExternalId": "kw"}})),
    ("role-arn-session-name-override", c(extra={"role_arn": ROLE, "assume_role_kwargs": {"RoleSessionName": "custom"}})),
    ("role-arn-cannot-override-arn", c(extra={"role_arn": ROLE, "assume_role_kwargs": {"RoleArn": "arn:aws:iam::1:role/other"}})),
    (
        "role-arn-policy-tags",
        c(
            extra={
                "role_arn": ROLE,
                "assume_role_kwargs": {
                    "Policy": '{"Version":"2012-10-17"}',
                    "Tags": [{"Key": "team", "Value": "etl"}],
                    "TransitiveTagKeys": ["team"],
                },
            }
        ),
    ),
    ("role-arn-kwargs-null", c(extra={"role_arn": ROLE, "assume_role_kwargs": None})),
    ("role-arn-empty-string", c(extra={"role_arn": ""})),
    ("account-id-and-iam-role-deprecated", c(extra={"aws_account_id": "123456789012", "aws_iam_role": "etl"})),
    ("account-id-iam-role-and-role-arn", c(extra={"role_arn": ROLE, "aws_account_id": "111111111111", "aws_iam_role": "x"})),
    ("method-assume-role", c(extra={"role_arn": ROLE, "assume_role_method": "assume_role"})),
    ("method-saml", c(extra={"role_arn": ROLE, "assume_role_method": "assume_role_with_saml"})),
    ("method-web-identity-no-federation", c(extra={"role_arn": ROLE, "assume_role_method": "assume_role_with_web_identity"})),
    (
        "method-web-identity-file",
        c(
            extra={
                "role_arn": ROLE,
                "assume_role_method": "assume_role_with_web_identity",
                "assume_role_with_web_identity_federation": "file",
                "assume_role_with_web_identity_token_file": TOKEN_FILE,
            }
        ),
    ),
    (
        "method-web-identity-file-no-token-file",
        c(
            extra={
                "role_arn": ROLE,
                "assume_role_method": "assume_role_with_web_identity",
                "assume_role_with_web_identity_federation": "file",
            }
        ),
    ),
    (
        "method-web-identity-google",
        c(
            extra={
                "role_arn": ROLE,
                "assume_role_method": "assume_role_with_web_identity",
                "assume_role_with_web_identity_federation": "google",
            }
        ),
    ),
    ("method-invalid", c(extra={"role_arn": ROLE, "assume_role_method": "dummy_method"})),
    ("method-null", c(extra={"role_arn": ROLE, "assume_role_method": None})),
    ("method-without-role-arn", c(extra={"assume_role_method": "dummy_method"})),
    ("method-case", c(extra={"role_arn": ROLE, "assume_role_method": "Assume_Role"})),
    # verify / config_kwargs
    ("verify-false", c(extra={"verify": False})),
    ("verify-ca-bundle", c(extra={"verify": "/etc/ssl/certs/ca.pem"})),
    ("verify-string-false", c(extra={"verify": "false"})),
    (
        "config-kwargs",
        c(extra={"config_kwargs": {"retries": {"max_attempts": 5, "mode": "adaptive"}, "connect_timeout": 2, "read_timeout": 7}}),
    ),
    ("config-kwargs-unsigned", c(extra={"config_kwargs": {"signature_version": "unsigned"}})),
    ("config-kwargs-empty", c(extra={"config_kwargs": {}})),
    ("config-kwargs-invalid-key", c(extra={"config_kwargs": {"not_an_option": 1}})),
    ("config-kwargs-user-agent", c(extra={"config_kwargs": {"user_agent": "Airflow Amazon Provider"}})),
    ("botocore-kwargs-ignored", c(extra={"botocore_kwargs": {"user_agent": "x"}})),
    # conn types
    ("conn-type-AWS", c(conn_type="AWS")),
    ("conn-type-boto3", c(conn_type="boto3")),
    ("conn-type-emr", c(conn_type="emr")),
    ("conn-type-google", c(conn_type="google")),
    ("conn-type-google-cloud-platform", c(conn_type="google-cloud-platform")),
    ("conn-type-s3", c(conn_type="s3")),
    ("conn-type-empty", c(conn_type="")),
    # schema / other fields
    ("schema-port-host-ignored", c(schema="s", port=42, host="h")),
    ("unknown-extra-keys", c(extra={"foo": "bar", "regoin_name": "x"})),
    # conn ids and RoleSessionName
    ("connid-aws-test", c(conn_id="aws/test", extra={"role_arn": ROLE})),
    ("connid-team-etl", c(conn_id="Team.ETL#1", extra={"role_arn": ROLE})),
    ("connid-dashes", c(conn_id="my-conn--x", extra={"role_arn": ROLE})),
    ("connid-leading-dash", c(conn_id="-lead", extra={"role_arn": ROLE})),
    ("connid-trailing-dash", c(conn_id="trail-", extra={"role_arn": ROLE})),
    ("connid-symbols", c(conn_id="a!b(c):d\\e", extra={"role_arn": ROLE})),
    ("connid-upper", c(conn_id="AWS_DEFAULT", extra={"role_arn": ROLE})),
    ("connid-unicode-latin", c(conn_id="\u00e9t\u00e9_\u00df", extra={"role_arn": ROLE})),
    ("connid-unicode-cjk", c(conn_id="\u65e5\u672c", extra={"role_arn": ROLE})),
    ("connid-digits", c(conn_id="1234", extra={"role_arn": ROLE})),
    ("connid-long", c(conn_id="x" * 120, extra={"role_arn": ROLE})),
    ("connid-invalid-space", c(conn_id="my conn", extra={"role_arn": ROLE})),
    ("connid-invalid-comma", c(conn_id="1,000", extra={"role_arn": ROLE})),
]


# The inputs of the amazon provider's own unit tests that a Connection carries (apache/airflow
# providers/amazon/tests/unit/amazon/aws/utils/test_connection_wrapper.py, hooks/test_base_aws.py and,
# for the secrets backends' own connection, secrets/test_secrets_manager.py / test_systems_manager.py),
# run through the real AwsConnectionWrapper here: the answers are Airflow's, not the tests' assertions.
# Left out: what only the wrapper's or the hook's own arguments carry (region_name, botocore_config,
# verify given to AwsConnectionWrapper / AwsBaseHook / BaseSessionFactory, a wrapper wrapping a
# wrapper, conn=None, AWS_DEFAULT_REGION) and what needs a real boto3 session or a SAML/IdP call.
MOCK_ID = "mock-conn-id"
MOCK_ROLE = "arn:aws:iam::222222222222:role/awesome-role"
HOOK_ROLE = "arn:aws:iam::123456:role/role_arn"
EXTRA = {"foo": "bar", "spam": "egg"}
AT = "airflow-test"


def m(conn_id: str | None = MOCK_ID, conn_type: str | None = "aws", **fields: Any) -> dict[str, Any]:
    """The unit tests' mock connection (``mock_connection_factory``)."""
    return {"conn_id": conn_id, "conn_type": conn_type, **fields}


def _backend_extra(backend: str, **kwargs: Any) -> dict[str, Any]:
    """The extra a secrets backend gives its client's connection (``from_connection_metadata(extra=self.kwargs)``)."""
    from airflow.providers.amazon.aws.secrets.secrets_manager import SecretsManagerBackend
    from airflow.providers.amazon.aws.secrets.systems_manager import SystemsManagerParameterStoreBackend

    cls = SecretsManagerBackend if backend == "sm" else SystemsManagerParameterStoreBackend
    return dict(cls(**kwargs).kwargs)


def _session_kwargs_cases() -> list[tuple[str, dict[str, Any]]]:
    out = []
    n = 0
    for key_id in (None, "mock-aws-access-key-id"):
        for secret in (None, "mock-aws-secret-access-key"):
            for token in (None, "mock-aws-session-token"):
                for profile in (None, "mock-profile"):
                    for region in (None, "mock-region-name"):
                        n += 1
                        extra = {
                            "aws_access_key_id": key_id,
                            "aws_secret_access_key": secret,
                            "aws_session_token": token,
                            "profile_name": profile,
                            "region_name": region,
                        }
                        out.append((f"{AT}-test_get_session_kwargs_from_wrapper-{n}", m(extra=extra)))
    return out


AIRFLOW_TEST_CASES: list[tuple[str, dict[str, Any]]] = [
    # utils/test_connection_wrapper.py
    *(
        (f"{AT}-test_compat_with_connection-{n}", m(login="mock-login", password="mock-password", extra=extra, host="mock-host", schema="mock-schema", port=42))
        for n, extra in enumerate([EXTRA, json.dumps(EXTRA), None], 1)
    ),
    *(
        (f"{AT}-test_values_from_connection-{n}", m(login="mock-login", password="mock-password", extra=extra, host=None, schema="mock-schema", port=42))
        for n, extra in enumerate([EXTRA, json.dumps(EXTRA), None], 1)
    ),
    *((f"{AT}-test_expected_aws_connection_type-{n}", m(conn_type=t)) for n, t in enumerate(["aws", None], 1)),
    *(
        (f"{AT}-test_unexpected_aws_connection_type-{n}", m(conn_type=t))
        for n, t in enumerate(["AWS", "boto3", "emr", "google", "google-cloud-platform"], 1)
    ),
    *(
        (
            f"{AT}-test_get_credentials_from_login-{n}",
            m(login="mock-aws-access-key-id", password="mock-aws-secret-access-key", extra={"aws_session_token": token} if token else None),
        )
        for n, token in enumerate([None, "mock-aws-session-token"], 1)
    ),
    *(
        (
            f"{AT}-test_get_credentials_from_extra-{n}",
            m(
                login=None,
                password=None,
                extra={
                    "aws_access_key_id": "mock-aws-access-key-id",
                    "aws_secret_access_key": "mock-aws-secret-access-key",
                    **({"aws_session_token": token} if token else {}),
                },
            ),
        )
        for n, token in enumerate([None, "mock-aws-session-token"], 1)
    ),
    *_session_kwargs_cases(),
    *(
        (f"{AT}-test_get_region_name-{n}", m(extra={"region_name": region} if region else None))
        for n, region in enumerate(["mock-connection-region-name", None], 1)
    ),
    (f"{AT}-test_warn_wrong_profile_param_used-1", m(extra={"profile": "mock-profile"})),
    *(
        (f"{AT}-test_get_botocore_config-{n}", m(extra={"config_kwargs": kwargs} if kwargs else None))
        for n, kwargs in enumerate([{"user_agent": "Airflow Amazon Provider"}, {"signature_version": "unsigned"}, None], 1)
    ),
    *(
        (f"{AT}-test_get_role_arn-{n}", m(extra={"role_arn": MOCK_ROLE, "aws_account_id": account, "aws_iam_role": role}))
        for n, (account, role) in enumerate([(None, None), ("111111111111", "another-role")], 1)
    ),
    (f"{AT}-test_empty_role_arn-1", m()),
    *(
        (f"{AT}-test_get_assume_role_method-{n}", m(extra={"role_arn": MOCK_ROLE, "assume_role_method": method}))
        for n, method in enumerate(["assume_role", "assume_role_with_saml", "assume_role_with_web_identity"], 1)
    ),
    (f"{AT}-test_default_assume_role_method-1", m(extra={"role_arn": MOCK_ROLE})),
    (f"{AT}-test_unsupported_assume_role_method-1", m(extra={"role_arn": MOCK_ROLE, "assume_role_method": "dummy_method"})),
    *(
        (f"{AT}-test_get_assume_role_kwargs-{n}", m(extra={"role_arn": MOCK_ROLE, **({"assume_role_kwargs": kw} if kw else {})}))
        for n, kw in enumerate([None, {"DurationSeconds": 42}], 1)
    ),
    *(
        (
            f"{AT}-test_get_assume_role_kwargs_external_id_in_kwargs-{n}",
            m(
                extra={
                    "role_arn": MOCK_ROLE,
                    "assume_role_kwargs": {"ExternalId": "mock-external-id-in-kwargs"},
                    **({"external_id": ext} if ext else {}),
                }
            ),
        )
        for n, ext in enumerate([None, "mock-external-id-in-extra"], 1)
    ),
    (
        f"{AT}-test_wrap_wrapper-1",
        m(
            login="mock-login",
            password="mock-password",
            extra={
                "region_name": "mock-region",
                "botocore_kwargs": {"user_agent": "Airflow Amazon Provider"},
                "role_arn": MOCK_ROLE,
                "aws_session_token": "mock-aws-session-token",
            },
        ),
    ),
    *(
        (f"{AT}-test_get_wrapper_from_metadata-{n}", m(conn_id=conn_id, extra={"role_arn": role, "profile_name": profile}))
        for n, (conn_id, profile, role) in enumerate(
            [(i, p, r) for i in (None, MOCK_ID) for p in (None, "mock-profile") for r in (None, MOCK_ROLE)], 1
        )
    ),
    (
        f"{AT}-test_get_service_config-1",
        m(conn_id="foo-bar", extra={"service_config": {"sns": {"foo": "bar"}, "s3": {"spam": "egg", "baz": "qux"}, "dynamodb": None}}),
    ),
    (
        f"{AT}-test_get_service_endpoint_url-1",
        m(
            conn_id="foo-bar",
            extra={"endpoint_url": "https://spam.egg", "service_config": {"sns": {"endpoint_url": "https://foo.bar"}, "ec2": {"endpoint_url": None}}},
        ),
    ),
    *(
        (
            f"{AT}-test_get_service_endpoint_url_sts-{n}",
            m(
                conn_id="foo-bar",
                extra={
                    **({"endpoint_url": url} if url else {}),
                    **({"service_config": {"sts": {"endpoint_url": sts}}} if sts else {}),
                },
            ),
        )
        for n, (url, sts) in enumerate(
            [(None, None), ("https://global.service", None), (None, "https://sts.service:1234"), ("https://global.service", "https://sts.service:1234")], 1
        )
    ),
    # hooks/test_base_aws.py
    *(
        (f"{AT}-test_create_session_from_credentials-{n}", m(extra={"profile_name": profile}))
        for n, profile in enumerate(["default", None], 1)
    ),
    (
        f"{AT}-test_async_create_a_session_from_credentials_without_token-1",
        m(extra={"aws_access_key_id": "test_aws_access_key_id", "aws_secret_access_key": "test_aws_secret_access_key", "region_name": "eu-central-1"}),
    ),
    *(
        (
            f"{AT}-test_get_credentials_from_role_arn-{n}",
            m(conn_id=conn_id, conn_type=None, extra={**creds, "role_arn": "arn:aws:iam::123456:role/role_arn", "region_name": region}),
        )
        for n, (conn_id, creds, region) in enumerate(
            [
                (conn_id, creds, region)
                for conn_id, creds in (
                    (
                        "assume-with-initial-creds",
                        {
                            "aws_access_key_id": "mock_aws_access_key_id",
                            "aws_secret_access_key": "mock_aws_access_key_id",
                            "aws_session_token": "mock_aws_session_token",
                        },
                    ),
                    ("assume-without-initial-creds", {}),
                )
                for region in ("ap-southeast-2", "sa-east-1")
            ],
            1,
        )
    ),
    *(
        (
            f"{AT}-test_assume_role-{n}",
            m(
                conn_id="aws/test",
                conn_type=None,
                extra={"role_arn": HOOK_ROLE, "endpoint_url": "https://example.org", **({"service_config": {"sts": {"endpoint_url": sts}}} if sts else {})},
            ),
        )
        for n, sts in enumerate([None, "https://foo.bar/spam/egg"], 1)
    ),
    (
        f"{AT}-test_get_credentials_from_gcp_credentials-1",
        m(
            conn_id=None,
            extra=json.dumps(
                {
                    "role_arn": HOOK_ROLE,
                    "assume_role_method": "assume_role_with_web_identity",
                    "assume_role_with_web_identity_federation": "google",
                    "assume_role_with_web_identity_federation_audience": "aws-federation.airflow.apache.org",
                }
            ),
        ),
    ),
    (
        f"{AT}-test_get_credentials_from_token_file-1",
        m(
            conn_id="aws_default",
            extra=json.dumps(
                {
                    "role_arn": HOOK_ROLE,
                    "assume_role_method": "assume_role_with_web_identity",
                    "assume_role_with_web_identity_token_file": "/my-token-path",
                    "assume_role_with_web_identity_federation": "file",
                }
            ),
        ),
    ),
    *(
        (
            f"{AT}-test_assume_role_with_saml-{n}",
            m(
                conn_type=None,
                extra={
                    "role_arn": HOOK_ROLE,
                    "assume_role_method": "assume_role_with_saml",
                    "assume_role_with_saml": {
                        "principal_arn": "principal_arn_1234567890",
                        "idp_url": "https://my-idp.local.corp",
                        "idp_auth_method": "http_spegno_auth",
                        "mutual_authentication": "REQUIRED",
                        "saml_response_xpath": "1234",
                        "log_idp_response": True,
                    },
                    "assume_role_kwargs": {"DurationSeconds": 901},
                    "endpoint_url": "https://example.org",
                    **({"service_config": {"sts": {"endpoint_url": sts}}} if sts else {}),
                },
            ),
        )
        for n, sts in enumerate([None, "https://foo.bar/spam/egg"], 1)
    ),
    (f"{AT}-test_refreshable_credentials-1", m(conn_id="F5", conn_type=None, extra='{"role_arn":"' + HOOK_ROLE + '"}')),
    *(
        (f"{AT}-test_connection_region_name-{n}", {"conn_id": "test_conn", "uri": uri})
        for n, uri in enumerate(["aws://?region_name=eu-west-1", "aws://?"], 1)
    ),
    *(
        (f"{AT}-test_connection_aws_partition-{n}", {"conn_id": "test_conn", "uri": f"aws://?region_name={region}"})
        for n, region in enumerate(["eu-west-1", "cn-north-1", "us-gov-east-1"], 1)
    ),
    *(
        (
            f"{AT}-test_hook_connection_endpoint_url_valid-{n}",
            m(
                extra={
                    "endpoint_url": "https://test.conn:777/should/ignore/global/endpoint/url",
                    **({"service_config": {"sts": {"endpoint_url": sts}}} if sts else {}),
                }
            ),
        )
        for n, sts in enumerate([None, "https://sts.service:1234"], 1)
    ),
    (f"{AT}-test_conn_config_conn_id_exists-1", {"conn_id": MOCK_ID, "uri": "aws://"}),
    *(
        (f"{AT}-test_resolve_verify-{n}", m(conn_id="test_conn", extra={"verify": v} if v is not None else {}))
        for n, v in enumerate([None, "path/to/cert/conn-bundle.pem", False], 1)
    ),
    # secrets/test_secrets_manager.py, test_systems_manager.py: the backend's own client connection
    (
        f"{AT}-sm-test_passing_client_kwargs-1",
        m(
            conn_id="SecretsManagerBackend__connection",
            conn_type=None,
            extra=_backend_extra("sm", use_ssl=False, role_arn=MOCK_ROLE, region_name="eu-central-1"),
        ),
    ),
    (
        f"{AT}-ssm-test_passing_client_kwargs-1",
        m(conn_id="SystemsManagerParameterStoreBackend__connection", conn_type=None, extra=_backend_extra("ssm", use_ssl=False, role_arn=MOCK_ROLE)),
    ),
]


def plain(value: Any) -> Any:
    """JSON-safe copy (botocore's UNSIGNED sentinel becomes the string "UNSIGNED")."""
    if value is UNSIGNED:
        return "UNSIGNED"
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return repr(value)


def stable_web_identity_args(args: dict[str, Any]) -> Any:
    """botocore names the session after the clock when nobody else does; keep the vectors stable."""
    out = plain(args)
    name = out.get("RoleSessionName")
    if isinstance(name, str) and name.startswith("botocore-session-"):
        out["RoleSessionName"] = "botocore-session-<unix time>"
    return out


class RecordingSts:
    def __init__(self) -> None:
        self.request: dict[str, Any] | None = None

    def assume_role(self, **kwargs: Any) -> dict[str, Any]:
        self.request = kwargs
        return {}


def resolve(wrapper: AwsConnectionWrapper) -> dict[str, Any]:
    factory = BaseSessionFactory(conn=wrapper)
    conn_id = wrapper.conn_id
    services = ["s3", "sts", *sorted(k for k in (wrapper.service_config or {}) if k not in ("s3", "sts"))]
    endpoints: dict[str, Any] = {}
    for name, assume in [*((n, False) for n in services), ("sts", True)]:
        key = "sts_assume_role" if assume else name
        try:
            endpoints[key] = wrapper.get_service_endpoint_url(name, sts_connection_assume=assume)
        except Exception as exc:  # noqa: BLE001 - e.g. a service_config entry that is null
            endpoints[key] = {"error": error_of(exc)}
    config = wrapper.botocore_config
    out: dict[str, Any] = {
        "conn_type": wrapper.conn_type,
        "region_name": wrapper.region_name,
        "endpoint_url": wrapper.endpoint_url,
        "aws_access_key_id": wrapper.aws_access_key_id,
        "aws_secret_access_key": wrapper.aws_secret_access_key,
        "aws_session_token": wrapper.aws_session_token,
        "profile_name": wrapper.profile_name,
        "role_arn": wrapper.role_arn,
        "assume_role_method": wrapper.assume_role_method,
        "assume_role_kwargs": plain(wrapper.assume_role_kwargs),
        "verify": wrapper.verify,
        "botocore_config": plain(config._user_provided_options) if config is not None else None,
        "service_config": plain(wrapper.service_config),
        "session_kwargs": plain(wrapper.session_kwargs),
        "role_session_name": factory._strip_invalid_session_name_characters(f"Airflow_{conn_id}"),
        "service_endpoints": endpoints,
        "assume_role_request": None,
        "web_identity": None,
    }
    if wrapper.role_arn and wrapper.assume_role_method == "assume_role":
        sts = RecordingSts()
        factory._assume_role(sts_client=sts)
        out["assume_role_request"] = plain(sts.request)
    if wrapper.role_arn and wrapper.assume_role_method == "assume_role_with_web_identity":
        try:
            fetcher = factory._get_web_identity_credential_fetcher()
            loader = fetcher._web_identity_token_loader
            out["web_identity"] = {
                "role_arn": fetcher._role_arn,
                "token_file": getattr(loader, "_web_identity_token_path", None),
                "extra_args": stable_web_identity_args(fetcher._assume_kwargs),
                "error": None,
            }
        except Exception as exc:  # noqa: BLE001
            out["web_identity"] = {"error": error_of(exc)}
    return out


def run_case(kwargs: dict[str, Any]) -> dict[str, Any]:
    kwargs = json.loads(json.dumps(kwargs))
    out: dict[str, Any] = {"conn": None, "expected": None, "warnings": [], "error": None}
    with LogCapture() as logs, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            conn = Connection(**kwargs)
            out["conn"] = fields_of(conn)
            wrapper = AwsConnectionWrapper(conn=conn)
            out["expected"] = resolve(wrapper)
        except Exception as exc:  # noqa: BLE001 - recording Airflow's error is the point
            out["error"] = error_of(exc)
    out["warnings"] = [f"{w.category.__name__}: {w.message}" for w in caught]
    out["logs"] = logs.messages
    return out


def main() -> None:
    cases = [{"id": case_id, "input": kwargs, **run_case(kwargs)} for case_id, kwargs in CASES]
    # A unit-test input already in CASES, or given by an earlier test, is not run twice.
    known = [kwargs for _, kwargs in CASES]
    in_cases = repeated = 0
    for case_id, kwargs in AIRFLOW_TEST_CASES:
        if kwargs in known:
            in_cases += kwargs in known[: len(CASES)]
            repeated += kwargs not in known[: len(CASES)]
            continue
        known.append(kwargs)
        cases.append({"id": case_id, "source": "airflow-test", "input": kwargs, **run_case(kwargs)})
    added = len(AIRFLOW_TEST_CASES) - in_cases - repeated
    print(f"airflow-test inputs: {added} added, {in_cases} already in CASES, {repeated} repeated by another test", file=sys.stderr)
    write_vectors("aws_connection_wrapper.json", "generate_aws_wrapper.py", cases)


if __name__ == "__main__":
    main()
