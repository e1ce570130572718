// Airflow's own tests of the aws connection, ported as one table: every case of the amazon provider's
// tests/unit/amazon/aws/utils/test_connection_wrapper.py (current, plus the deprecated-key cases of the
// releases that still read them) and the cases of hooks/test_base_aws.py that concern how a connection
// becomes credentials. Each row names the Airflow test it comes from; "deviation" rows are where awsconn
// differs on purpose (see the README).
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AssumeRoleCommandInput } from "@aws-sdk/client-sts";
import { type Connection, createConnection, parseConnectionUri } from "@awsconn/core";
import { describe, expect, it } from "vitest";
import type { AwsConnectionSettings } from "../src/AwsConnectionSettings.js";
import type { CredentialMethod } from "../src/AwsClientConfig.js";
import { readAwsConnection } from "../src/readAwsConnection.js";
import { resolveAwsConfig } from "../src/resolveAwsConfig.js";
import { serviceEndpoint } from "../src/serviceEndpoint.js";
import type { StsCaller } from "../src/StsCaller.js";

const MOCK_ROLE_ARN = "arn:aws:iam::222222222222:role/awesome-role";
const ROLE_123456 = "arn:aws:iam::123456:role/role_arn";

interface Row {
  id: string;
  /** The Airflow test it ports. */
  from: string;
  conn: Connection;
  region?: string;
  env?: Record<string, string>;
  /** Fields the settings must have (toMatchObject). */
  settings?: Partial<AwsConnectionSettings>;
  /** Settings fields that must be absent. */
  absent?: (keyof AwsConnectionSettings)[];
  /** Exactly these warnings (strings), or each pattern matching one warning (RegExp). */
  warnings?: (string | RegExp)[];
  /** readAwsConnection / resolveAwsConfig must throw this. */
  error?: RegExp;
  /** readAwsConnection reads it as Airflow does, but resolveAwsConfig refuses it (awsconn is stricter). */
  resolveError?: RegExp;
  /** Endpoint per service name; `sts:assume` is the STS client that assumes the role. */
  endpoints?: Record<string, string | undefined>;
  method?: CredentialMethod;
  /** The AssumeRole input the first credentials() call must send. */
  assumeRoleInput?: Partial<AssumeRoleCommandInput>;
}

function conn(
  fields: Partial<Omit<Connection, "extra">> & { extra?: Record<string, unknown> | null } = {},
): Connection {
  const { extra, ...rest } = fields;
  return createConnection({ connId: "mock-conn-id", connType: "aws", ...rest, extra: extra ?? {} });
}

const rows: Row[] = [];
const add = (r: Row) => rows.push(r);

// --- test_connection_wrapper.py -------------------------------------------------------------------
for (const [label, extra] of [
  ["dict", { foo: "bar", spam: "egg" }],
  ["none", null],
] as const) {
  add({
    id: `values_from_connection extra=${label}`,
    from: "TestAwsConnectionWrapper.test_values_from_connection / TestsConnectionMetadata.test_compat_with_connection",
    conn: conn({
      login: "mock-login",
      password: "mock-password",
      schema: "mock-schema",
      port: 42,
      extra: extra ? { ...extra } : null,
    }),
    settings: {
      connId: "mock-conn-id",
      connType: "aws",
      accessKeyId: "mock-login",
      secretAccessKey: "mock-password",
      extra: extra ? { foo: "bar", spam: "egg" } : {},
    },
    method: "static",
  });
}
add({
  id: "values_from_connection extra=json-string",
  from: "TestAwsConnectionWrapper.test_values_from_connection (extra given as JSON text)",
  conn: parseConnectionUri(
    `aws://mock-login:mock-password@/mock-schema?__extra__=${encodeURIComponent('{"foo": "bar", "spam": "egg"}')}`,
    "mock-conn-id",
  ),
  settings: { extra: { foo: "bar", spam: "egg" }, accessKeyId: "mock-login" },
});
add({
  id: "no_connection",
  from: "test_no_connection / test_create_session_boto3_credential_strategy (empty connection)",
  conn: conn(),
  absent: ["accessKeyId", "secretAccessKey", "sessionToken", "profileName", "roleArn", "regionName"],
  warnings: [],
  method: "default-chain",
});
for (const connType of ["aws", undefined]) {
  add({
    id: `expected_aws_connection_type ${connType}`,
    from: "test_expected_aws_connection_type",
    conn: createConnection({ connId: "mock-conn-id", ...(connType ? { connType } : {}), extra: {} }),
    settings: { connType: "aws" },
    warnings: [],
  });
}
for (const connType of ["AWS", "boto3", "emr", "google", "google-cloud-platform", "s3", "S3"]) {
  add({
    id: `unexpected_aws_connection_type ${connType}`,
    from: "test_unexpected_aws_connection_type / test_deprecated_s3_connection_type",
    conn: conn({ connType }),
    settings: { connType },
    warnings: [new RegExp(`expected connection type 'aws', got '${connType}'`)],
  });
}
for (const token of [undefined, "mock-aws-session-token"]) {
  add({
    id: `credentials_from_login token=${token}`,
    from: "test_get_credentials_from_login",
    conn: conn({
      login: "mock-aws-access-key-id",
      password: "mock-aws-secret-access-key",
      extra: token ? { aws_session_token: token } : null,
    }),
    settings: {
      accessKeyId: "mock-aws-access-key-id",
      secretAccessKey: "mock-aws-secret-access-key",
      keysFrom: "login",
      ...(token ? { sessionToken: token } : {}),
    },
    ...(token ? {} : { absent: ["sessionToken"] as (keyof AwsConnectionSettings)[] }),
    method: "static",
  });
  add({
    id: `credentials_from_extra token=${token}`,
    from: "test_get_credentials_from_extra",
    conn: conn({
      extra: {
        aws_access_key_id: "mock-aws-access-key-id",
        aws_secret_access_key: "mock-aws-secret-access-key",
        ...(token ? { aws_session_token: token } : {}),
      },
    }),
    settings: {
      accessKeyId: "mock-aws-access-key-id",
      secretAccessKey: "mock-aws-secret-access-key",
      keysFrom: "extra",
      ...(token ? { sessionToken: token } : {}),
    },
    method: "static",
  });
}
for (const token of [undefined, "mock-aws-session-token"]) {
  add({
    id: `credentials_from_session_kwargs token=${token}`,
    from: "test_get_credentials_from_session_kwargs (deprecated key, still read by Airflow's _get_credentials)",
    conn: conn({
      extra: {
        session_kwargs: {
          aws_access_key_id: "mock-aws-access-key-id",
          aws_secret_access_key: "mock-aws-secret-access-key",
          aws_session_token: token ?? null,
        },
      },
    }),
    settings: {
      accessKeyId: "mock-aws-access-key-id",
      secretAccessKey: "mock-aws-secret-access-key",
      keysFrom: "session_kwargs",
      ...(token ? { sessionToken: token } : {}),
    },
    warnings: [/session_kwargs is deprecated/],
    method: "static",
  });
}
add({
  id: "credentials_from_s3_config (no longer read)",
  from: "test_get_credentials_from_s3_config (removed from Airflow; awsconn warns)",
  conn: conn({ extra: { s3_config_format: "aws", profile: "test", s3_config_file: "aws-credentials" } }),
  absent: ["accessKeyId", "profileName"],
  warnings: [/s3_config_file is no longer read/],
});
// test_get_session_kwargs_from_wrapper: every combination, never a warning.
const sessionValues = {
  aws_access_key_id: "mock-aws-access-key-id",
  aws_secret_access_key: "mock-aws-secret-access-key",
  aws_session_token: "mock-aws-session-token",
  profile_name: "mock-profile",
  region_name: "mock-region-name",
} as const;
const sessionKeys = Object.keys(sessionValues) as (keyof typeof sessionValues)[];
const field = {
  aws_access_key_id: "accessKeyId",
  aws_secret_access_key: "secretAccessKey",
  aws_session_token: "sessionToken",
  profile_name: "profileName",
  region_name: "regionName",
} as const;
for (let mask = 0; mask < 32; mask++) {
  const extra: Record<string, unknown> = {};
  const settings: Partial<AwsConnectionSettings> = {};
  const absent: (keyof AwsConnectionSettings)[] = [];
  sessionKeys.forEach((key, bit) => {
    const on = (mask >> bit) & 1;
    extra[key] = on ? sessionValues[key] : null;
    if (on) (settings as Record<string, unknown>)[field[key]] = sessionValues[key];
    else absent.push(field[key]);
  });
  const id = Boolean(mask & 1);
  const secret = Boolean(mask & 2);
  const token = Boolean(mask & 4);
  const partial = id !== secret || (token && !id);
  add({
    id: `session_kwargs_from_wrapper #${mask}`,
    from: "test_get_session_kwargs_from_wrapper",
    conn: conn({ extra }),
    settings,
    absent,
    warnings: [],
    // Airflow hands a partial key set to boto3, which fails at the first call; awsconn refuses it at once.
    ...(partial ? { resolveError: /half a key pair|aws_session_token is set without/ } : {}),
  });
}
for (const [region, connRegion] of [
  ["mock-region-name", undefined],
  ["mock-region-name", "mock-connection-region-name"],
  [undefined, "mock-connection-region-name"],
  [undefined, undefined],
] as const) {
  add({
    id: `region_name explicit=${region} conn=${connRegion}`,
    from: "test_get_region_name / TestSessionFactory.test_resolve_region_name",
    conn: conn({ extra: connRegion ? { region_name: connRegion } : null }),
    ...(region ? { region } : {}),
    ...(region || connRegion
      ? { settings: { regionName: region ?? connRegion } }
      : { absent: ["regionName"] }),
  });
}
add({
  id: "wrong profile param",
  from: "test_warn_wrong_profile_param_used",
  conn: conn({ extra: { profile: "mock-profile" } }),
  absent: ["profileName"],
  warnings: [/found extra.profile without extra.s3_config_file; .* set extra.profile_name/],
  method: "default-chain",
});
for (const kwargs of [{ user_agent: "Airflow Amazon Provider" }, { signature_version: "unsigned" }, null]) {
  add({
    id: `botocore config ${JSON.stringify(kwargs)}`,
    from: "test_get_botocore_config",
    conn: conn({ extra: kwargs ? { config_kwargs: kwargs } : null }),
    ...(kwargs ? { settings: { configKwargs: kwargs } } : { absent: ["configKwargs"] }),
  });
}
for (const [label, extra, expected, warning] of [
  [
    "'host' is used",
    { host: "https://host.aws" },
    "https://host.aws",
    /extra.host is deprecated; set extra.endpoint_url/,
  ],
  ["'endpoint_url' is used", { endpoint_url: "https://endpoint.aws" }, "https://endpoint.aws", undefined],
  [
    "deviation: 'endpoint_url' preferred over 'host'",
    { host: "https://host.aws", endpoint_url: "https://endpoint.aws" },
    "https://endpoint.aws",
    /extra.host is deprecated and ignored/,
  ],
] as const) {
  add({
    id: `endpoint_url from extra: ${label}`,
    from: "test_get_endpoint_url_from_extra (releases with extra.host)",
    conn: conn({ extra }),
    settings: { endpointUrl: expected },
    warnings: warning ? [warning] : [],
  });
}
for (const [account, role] of [
  [undefined, undefined],
  ["111111111111", "another-role"],
]) {
  add({
    id: `role_arn wins over legacy account=${account}`,
    from: "test_get_role_arn",
    conn: conn({
      extra: { role_arn: MOCK_ROLE_ARN, aws_account_id: account ?? null, aws_iam_role: role ?? null },
    }),
    settings: { roleArn: MOCK_ROLE_ARN },
    warnings: [],
  });
}
for (const [account, role, expected] of [
  ["222222222222", "mock-role", "arn:aws:iam::222222222222:role/mock-role"],
  ["333333333333", "role-path/mock-role", "arn:aws:iam::333333333333:role/role-path/mock-role"],
]) {
  add({
    id: `constructing role arn ${expected}`,
    from: "test_constructing_role_arn (releases with aws_account_id/aws_iam_role)",
    conn: conn({ extra: { aws_account_id: account, aws_iam_role: role } }),
    settings: { roleArn: expected },
    warnings: [/set extra.role_arn instead/],
    method: "assume-role",
  });
}
add({
  id: "empty role arn",
  from: "test_empty_role_arn",
  conn: conn(),
  settings: { assumeRoleKwargs: {} },
  absent: ["roleArn", "assumeRoleMethod"],
});
for (const m of ["assume_role", "assume_role_with_saml", "assume_role_with_web_identity"] as const) {
  add({
    id: `assume_role_method ${m}`,
    from: "test_get_assume_role_method",
    conn: conn({ extra: { role_arn: MOCK_ROLE_ARN, assume_role_method: m } }),
    settings: { assumeRoleMethod: m },
    ...(m === "assume_role_with_saml"
      ? { resolveError: /assume_role_with_saml" is not supported by awsconn/ }
      : {}),
    ...(m === "assume_role_with_web_identity" ? { resolveError: /needs a token file/ } : {}),
  });
}
add({
  id: "default assume_role_method",
  from: "test_default_assume_role_method",
  conn: conn({ extra: { role_arn: MOCK_ROLE_ARN } }),
  settings: { assumeRoleMethod: "assume_role" },
  method: "assume-role",
});
add({
  id: "unsupported assume_role_method",
  from: "test_unsupported_assume_role_method",
  conn: conn({ extra: { role_arn: MOCK_ROLE_ARN, assume_role_method: "dummy_method" } }),
  error:
    /assume_role_method "dummy_method" is not supported; use one of: assume_role, assume_role_with_saml, assume_role_with_web_identity/,
});
for (const kwargs of [undefined, { DurationSeconds: 42 }]) {
  add({
    id: `assume_role_kwargs ${JSON.stringify(kwargs)}`,
    from: "test_get_assume_role_kwargs",
    conn: conn({ extra: { role_arn: MOCK_ROLE_ARN, ...(kwargs ? { assume_role_kwargs: kwargs } : {}) } }),
    settings: { assumeRoleKwargs: kwargs ?? {} },
    assumeRoleInput: { RoleArn: MOCK_ROLE_ARN, RoleSessionName: "airflow_mock-conn-id", ...kwargs },
  });
}
for (const inExtra of [undefined, "mock-external-id-in-extra"]) {
  add({
    id: `ExternalId in kwargs wins, external_id=${inExtra}`,
    from: "test_get_assume_role_kwargs_external_id_in_kwargs",
    conn: conn({
      extra: {
        role_arn: MOCK_ROLE_ARN,
        assume_role_kwargs: { ExternalId: "mock-external-id-in-kwargs" },
        ...(inExtra ? { external_id: inExtra } : {}),
      },
    }),
    settings: { assumeRoleKwargs: { ExternalId: "mock-external-id-in-kwargs" } },
    warnings: [],
  });
}
add({
  id: "external_id copied into ExternalId",
  from: "test_get_assume_role_kwargs_external_id_in_extra (releases with external_id)",
  conn: conn({ extra: { role_arn: MOCK_ROLE_ARN, external_id: "mock-external-id-in-extra" } }),
  settings: { assumeRoleKwargs: { ExternalId: "mock-external-id-in-extra" } },
  warnings: [/set ExternalId in extra.assume_role_kwargs/],
  assumeRoleInput: { ExternalId: "mock-external-id-in-extra" },
});
add({
  id: "connection host is not used",
  from: "test_connection_host_raises_deprecation",
  conn: conn({ host: "https://aws.com" }),
  absent: ["endpointUrl"],
  warnings: [/host "https:\/\/aws.com" is not used; set extra.endpoint_url/],
});
for (const profile of [undefined, "mock-profile"]) {
  for (const roleArn of [undefined, MOCK_ROLE_ARN]) {
    add({
      id: `wrapper_from_metadata profile=${profile} role=${roleArn}`,
      from: "test_get_wrapper_from_metadata",
      conn: conn({ extra: { role_arn: roleArn ?? null, profile_name: profile ?? null } }),
      settings: {
        connId: "mock-conn-id",
        ...(roleArn ? { roleArn } : {}),
        ...(profile ? { profileName: profile } : {}),
      },
      method: roleArn ? "assume-role" : profile ? "profile" : "default-chain",
    });
  }
}
add({
  id: "service config",
  from: "test_get_service_config",
  conn: conn({
    connId: "foo-bar",
    extra: { service_config: { sns: { foo: "bar" }, s3: { spam: "egg", baz: "qux" }, dynamodb: null } },
  }),
  settings: { serviceConfig: { sns: { foo: "bar" }, s3: { spam: "egg", baz: "qux" }, dynamodb: null } },
});
add({
  id: "service endpoint url",
  from: "test_get_service_endpoint_url",
  conn: conn({
    connId: "foo-bar",
    extra: {
      endpoint_url: "https://spam.egg",
      service_config: { sns: { endpoint_url: "https://foo.bar" }, ec2: { endpoint_url: null } },
    },
  }),
  endpoints: { sns: "https://foo.bar", sts: "https://spam.egg", ec2: undefined },
});
for (const [label, global, sts, expected] of [
  ["not-set", undefined, undefined, undefined],
  ["global-only", "https://global.service", undefined, undefined],
  ["service-only", undefined, "https://sts.service:1234", "https://sts.service:1234"],
  ["mixin", "https://global.service", "https://sts.service:1234", "https://sts.service:1234"],
] as const) {
  add({
    id: `sts endpoint for assume role: ${label}`,
    from: "test_get_service_endpoint_url_sts / test_hook_connection_endpoint_url_valid",
    conn: conn({
      connId: "foo-bar",
      extra: {
        ...(global ? { endpoint_url: global } : {}),
        ...(sts ? { service_config: { sts: { endpoint_url: sts } } } : {}),
      },
    }),
    endpoints: { "sts:assume": expected },
  });
}

// --- test_base_aws.py ---------------------------------------------------------------------------
for (const region of ["eu-central-1", undefined]) {
  for (const profile of ["default", undefined]) {
    add({
      id: `create_session_from_credentials region=${region} profile=${profile}`,
      from: "TestSessionFactory.test_create_session_from_credentials",
      conn: conn({ extra: { profile_name: profile ?? null } }),
      ...(region ? { region } : {}),
      env: {},
      method: profile ? "profile" : "default-chain",
      ...(profile ? { settings: { profileName: profile } } : { absent: ["profileName"] }),
    });
  }
}
for (const [connId, initial] of [
  [
    "assume-with-initial-creds",
    {
      aws_access_key_id: "mock_aws_access_key_id",
      aws_secret_access_key: "mock_aws_access_key_id",
      aws_session_token: "mock_aws_session_token",
    },
  ],
  ["assume-without-initial-creds", {}],
] as const) {
  for (const region of ["ap-southeast-2", "sa-east-1"]) {
    add({
      id: `credentials_from_role_arn ${connId} ${region}`,
      from: "TestSessionFactory.test_get_credentials_from_role_arn",
      conn: conn({ connId, extra: { ...initial, role_arn: ROLE_123456, region_name: region } }),
      settings: { regionName: region, roleArn: ROLE_123456 },
      method: "assume-role",
      assumeRoleInput: { RoleArn: ROLE_123456, RoleSessionName: `airflow_${connId}` },
    });
  }
}
for (const sts of [undefined, "https://foo.bar/spam/egg"]) {
  add({
    id: `assume_role aws/test sts=${sts}`,
    from: "TestAwsBaseHook.test_assume_role",
    conn: conn({
      connId: "aws/test",
      extra: {
        role_arn: ROLE_123456,
        endpoint_url: "https://example.org",
        ...(sts ? { service_config: { sts: { endpoint_url: sts } } } : {}),
      },
    }),
    endpoints: { "sts:assume": sts, s3: "https://example.org" },
    assumeRoleInput: { RoleArn: ROLE_123456, RoleSessionName: "airflow_aws-test" },
    method: "assume-role",
  });
}
add({
  id: "gcp federation (refused)",
  from: "TestAwsBaseHook.test_get_credentials_from_gcp_credentials (deviation: not supported)",
  conn: conn({
    extra: {
      role_arn: ROLE_123456,
      assume_role_method: "assume_role_with_web_identity",
      assume_role_with_web_identity_federation: "google",
      assume_role_with_web_identity_federation_audience: "aws-federation.airflow.apache.org",
    },
  }),
  error: /federation "google" is not supported by awsconn/,
});
add({
  id: "saml (refused)",
  from: "TestAwsBaseHook.test_assume_role_with_saml (deviation: not supported)",
  conn: conn({
    extra: {
      role_arn: ROLE_123456,
      assume_role_method: "assume_role_with_saml",
      assume_role_with_saml: {
        principal_arn: "p",
        idp_url: "https://my-idp.local.corp",
        idp_auth_method: "http_spegno_auth",
      },
      assume_role_kwargs: { DurationSeconds: 901 },
    },
  }),
  error: /assume_role_with_saml" is not supported by awsconn/,
});
for (const [uri, region, envRegion, expected] of [
  ["aws://?region_name=eu-west-1", undefined, "", "eu-west-1"],
  ["aws://?region_name=eu-west-1", "cn-north-1", "", "cn-north-1"],
  ["aws://?region_name=eu-west-1", undefined, "us-east-2", "eu-west-1"],
  ["aws://?region_name=eu-west-1", "cn-north-1", "us-gov-east-1", "cn-north-1"],
  ["aws://?", "cn-north-1", "us-gov-east-1", "cn-north-1"],
  ["aws://?", undefined, "us-gov-east-1", "us-gov-east-1"],
] as const) {
  add({
    id: `connection_region_name ${uri} ${region} env=${envRegion}`,
    from: "TestAwsBaseHook.test_connection_region_name",
    conn: parseConnectionUri(uri, "test_conn"),
    ...(region ? { region } : {}),
    env: { AWS_DEFAULT_REGION: envRegion },
    method: "default-chain",
    endpoints: {},
    settings: {},
    // the resolved client region, checked below through resolveAwsConfig
    ...{ clientRegion: expected },
  } as Row);
}
for (const verify of [undefined, "path/to/cert/conn-bundle.pem", false] as const) {
  add({
    id: `resolve verify ${verify}`,
    from: "TestAwsBaseHook.test_resolve_verify",
    conn: conn({ connId: "test_conn", extra: verify !== undefined ? { verify } : {} }),
    ...(verify !== undefined ? { settings: { verify } } : { absent: ["verify"] }),
    ...(typeof verify === "string"
      ? { resolveError: /cannot read the CA bundle "path\/to\/cert\/conn-bundle.pem"/ }
      : {}),
  });
}

function fakeSts() {
  const inputs: AssumeRoleCommandInput[] = [];
  const sts: StsCaller = {
    async assumeRole(input) {
      inputs.push(input);
      return {
        Credentials: {
          AccessKeyId: "A",
          SecretAccessKey: "S",
          SessionToken: "T",
          Expiration: new Date(Date.now() + 3600e3),
        },
      };
    },
    async assumeRoleWithWebIdentity() {
      throw new Error("not expected");
    },
  };
  return { sts, inputs };
}

describe("Airflow parity: test_connection_wrapper.py and test_base_aws.py, one table", () => {
  it("has every ported case", () => {
    expect(rows.length).toBeGreaterThanOrEqual(100);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });

  it.each(rows.map((r) => [r.id, r] as const))("%s", async (_id, row) => {
    const options = row.region ? { region: row.region } : {};
    if (row.error) {
      let error: unknown;
      try {
        readAwsConnection(row.conn, options);
        await resolveAwsConfig(row.conn, { ...options, env: row.env ?? {}, sts: fakeSts().sts });
      } catch (e) {
        error = e;
      }
      expect(String((error as Error)?.message)).toMatch(row.error);
      return;
    }
    const settings = readAwsConnection(row.conn, options);
    if (row.settings) expect(settings).toMatchObject(row.settings);
    for (const key of row.absent ?? []) expect(settings[key], `${key} must be absent`).toBeUndefined();
    if (row.warnings) {
      if (row.warnings.every((w) => typeof w === "string")) expect(settings.warnings).toEqual(row.warnings);
      else {
        expect(settings.warnings).toHaveLength(row.warnings.length);
        for (const w of row.warnings)
          expect(
            settings.warnings.some((s) => (w as RegExp).test(s)),
            String(w),
          ).toBe(true);
      }
    }
    for (const [service, expected] of Object.entries(row.endpoints ?? {})) {
      const got =
        service === "sts:assume"
          ? serviceEndpoint(settings, "sts", { forAssumeRole: true })
          : serviceEndpoint(settings, service);
      expect(got, service).toBe(expected);
    }

    const f = fakeSts();
    if (row.resolveError) {
      await expect(
        resolveAwsConfig(row.conn, { ...options, env: row.env ?? {}, sts: f.sts }),
      ).rejects.toThrow(row.resolveError);
      return;
    }
    const config = await resolveAwsConfig(row.conn, { ...options, env: row.env ?? {}, sts: f.sts });
    if (row.method) expect(config.method).toBe(row.method);
    const clientRegion = (row as Row & { clientRegion?: string }).clientRegion;
    if (clientRegion) expect(config.region).toBe(clientRegion);
    if (row.assumeRoleInput) {
      await config.credentials();
      expect(f.inputs[0]).toMatchObject(row.assumeRoleInput);
    }
  });

  it("web identity with a token file (test_get_credentials_from_token_file)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "awsconn-parity-"));
    const file = join(dir, "my-token-path");
    await writeFile(file, "TOKEN");
    const seen: unknown[] = [];
    const sts: StsCaller = {
      assumeRole: async () => ({}),
      assumeRoleWithWebIdentity: async (input) => {
        seen.push(input);
        return {
          Credentials: { AccessKeyId: "A", SecretAccessKey: "S", SessionToken: "T", Expiration: new Date() },
        };
      },
    };
    const config = await resolveAwsConfig(
      conn({
        connId: "aws_default",
        extra: {
          role_arn: ROLE_123456,
          assume_role_method: "assume_role_with_web_identity",
          assume_role_with_web_identity_token_file: file,
          assume_role_with_web_identity_federation: "file",
        },
      }),
      { sts, env: {} },
    );
    await config.credentials();
    expect(seen).toEqual([
      { RoleSessionName: "airflow_aws_default", RoleArn: ROLE_123456, WebIdentityToken: "TOKEN" },
    ]);
  });

  it("refreshable credentials: one STS call while valid, a new one once expired (test_refreshable_credentials)", async () => {
    let clock = Date.parse("2026-01-01T00:00:00Z");
    let calls = 0;
    const lifetimes = [1000 * 60_000, -1000 * 60_000];
    const sts: StsCaller = {
      assumeRole: async () => {
        calls += 1;
        const life = lifetimes.shift() ?? 1000 * 60_000;
        return {
          Credentials: {
            AccessKeyId: `A${calls}`,
            SecretAccessKey: "S",
            SessionToken: "T",
            Expiration: new Date(clock + life),
          },
        };
      },
      assumeRoleWithWebIdentity: async () => ({}),
    };
    const config = await resolveAwsConfig(conn({ connId: "F5", extra: { role_arn: ROLE_123456 } }), {
      sts,
      now: () => clock,
    });
    await config.credentials();
    await config.credentials();
    await config.credentials();
    expect(calls).toBe(1);
    clock += 1001 * 60_000; // now expired
    await config.credentials();
    expect(calls).toBe(2);
  });
});
