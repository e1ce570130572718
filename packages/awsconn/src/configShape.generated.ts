// Generated from the zod schemas in configSchema.ts by scripts/gen-config-shape.mjs
// (`npm run gen:config-shape --workspace awsconn`): do not edit. The configuration's JSON Schema
// (input side); quickConfig.ts checks a configuration against it without loading zod, and a node
// marked "x-awsconn-check" is a check JSON Schema cannot say (a CONFIG_CHECKS name, else "zod").

/** Properties two object schemas share (written once, spread into both). */
const SHARED_PROPERTIES_1 = {
  onError: { type: "string", enum: ["fail", "skip"] },
  lookupPattern: { type: "string", "x-awsconn-check": "regex" },
  variablesLookupPattern: { type: "string", "x-awsconn-check": "regex" },
  region: { type: "string", minLength: 1 },
  endpoint: { type: "string", "x-awsconn-check": "url" },
  profile: { type: "string", minLength: 1 },
  roleArn: { type: "string", pattern: "^arn:.*" },
  connectTimeoutMs: { type: "integer", exclusiveMinimum: 0, maximum: 9007199254740991 },
  requestTimeoutMs: { type: "integer", exclusiveMinimum: 0, maximum: 9007199254740991 },
  clientExtra: {
    type: "object",
    propertyNames: { type: "string" },
    additionalProperties: {},
  },
  knownIds: {
    type: "object",
    properties: {
      refreshSeconds: { type: "integer", exclusiveMinimum: 0, maximum: 9007199254740991 },
    },
    required: ["refreshSeconds"],
    additionalProperties: false,
  },
  prefix: { type: ["string", "null"] },
  variablesPrefix: { type: ["string", "null"] },
};

/** The configuration's JSON Schema, generated from `configSchema` (see quickConfig.ts). */
export const CONFIG_SHAPE: Readonly<Record<string, unknown>> = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  type: "object",
  properties: {
    sources: {
      default: [{ type: "env" }],
      type: "array",
      items: {
        anyOf: [
          {
            oneOf: [
              {
                type: "object",
                properties: {
                  type: { type: "string", const: "env" },
                  onError: { type: "string", enum: ["fail", "skip"] },
                  prefix: { type: "string", minLength: 1 },
                  variablesPrefix: { anyOf: [{ type: "string", minLength: 1 }, { type: "null" }] },
                },
                required: ["type"],
                additionalProperties: false,
              },
              {
                type: "object",
                properties: {
                  type: { type: "string", const: "file" },
                  onError: { type: "string", enum: ["fail", "skip"] },
                  path: { type: "string", minLength: 1 },
                  variablesPath: { type: "string", minLength: 1 },
                },
                required: ["type", "path"],
                additionalProperties: false,
              },
              {
                type: "object",
                properties: {
                  ...SHARED_PROPERTIES_1,
                  type: { type: "string", const: "secretsmanager" },
                  sep: { type: "string" },
                  extraConnWords: {
                    type: "object",
                    propertyNames: { type: "string" },
                    additionalProperties: { type: "array", items: { type: "string" } },
                  },
                  versionStage: { type: "string", minLength: 1 },
                },
                required: ["type"],
                additionalProperties: false,
              },
              {
                type: "object",
                properties: {
                  ...SHARED_PROPERTIES_1,
                  type: { type: "string", const: "ssm" },
                },
                required: ["type"],
                additionalProperties: false,
              },
              {
                type: "object",
                properties: {
                  type: { type: "string", const: "plugin" },
                  onError: { type: "string", enum: ["fail", "skip"] },
                  module: { type: "string", minLength: 1 },
                  export: { type: "string", minLength: 1 },
                  options: {},
                  remote: { type: "boolean" },
                  name: { type: "string", pattern: "^[A-Za-z0-9_.:-]+$" },
                },
                required: ["type", "module"],
                additionalProperties: false,
              },
            ],
          },
          { "x-awsconn-check": "connectionSource" },
          {
            type: "object",
            properties: {
              source: { "x-awsconn-check": "connectionSource" },
              onError: { type: "string", enum: ["fail", "skip"] },
              live: { type: "boolean" },
            },
            required: ["source"],
            additionalProperties: false,
          },
        ],
      },
    },
    mode: { default: "first", type: "string", enum: ["first", "merge"] },
    connectionParser: { default: "task", type: "string", enum: ["task", "server"] },
    team: { type: "string", minLength: 1 },
    multiTeam: { type: "boolean" },
    cache: {
      default: {},
      type: "object",
      properties: {
        ttlSeconds: { default: 300, type: "integer", minimum: 0, maximum: 9007199254740991 },
        negativeTtlSeconds: { default: 5, type: "integer", minimum: 0, maximum: 9007199254740991 },
        staleWhileRevalidate: { default: true, type: "boolean" },
        maxStaleSeconds: { default: 3600, type: "integer", minimum: 0, maximum: 9007199254740991 },
        maxEntries: {
          default: 1000,
          type: "integer",
          exclusiveMinimum: 0,
          maximum: 9007199254740991,
        },
      },
      additionalProperties: false,
    },
    logger: { "x-awsconn-check": "logger" },
    clock: { "x-awsconn-check": "clock" },
    configFile: { type: "string", minLength: 1 },
  },
  additionalProperties: false,
};
