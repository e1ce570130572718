import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type ModuleTrace, traceModuleLoads } from "@awsconn/testkit/process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Issue 17: what a process loads is what it pays at start-up. Each case runs in a fresh node
// process (traceModuleLoads) and lists the packages it loaded from node_modules (source-file's
// one-file copy of yaml, dist/yaml.cjs, counts as yaml).
const packagesOf = (trace: ModuleTrace): string[] => {
  const names = [...trace.esm, ...trace.cjs].flatMap((m) => {
    if (m.endsWith("/source-file/dist/yaml.cjs")) return ["yaml"];
    const match = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(m);
    return match?.[1] ? [match[1]] : [];
  });
  return [...new Set(names)].sort();
};
const heavy = (names: string[]) =>
  names.filter((n) => ["zod", "yaml", "commander"].includes(n) || /^@(aws-sdk|smithy)\//.test(n));
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "awsconn-lazy-deps-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Traces an entry that calls `resolveFromFile(ext)` of fixtures/useFileSource.ts. */
async function traceFileSource(ext: "json" | "env" | "yaml" | "anchored.yaml"): Promise<string[]> {
  const entry = join(dir, `file-${ext}.ts`);
  const fixtureUrl = pathToFileURL(fixture("useFileSource.ts")).href;
  await writeFile(
    entry,
    `import { resolveFromFile } from "${fixtureUrl}";\nawait resolveFromFile("${ext}");\n`,
  );
  return packagesOf(await traceModuleLoads(entry));
}

describe("dependencies are loaded only when a lookup needs them", () => {
  it("importing awsconn loads no zod, yaml, commander or AWS SDK", async () => {
    const trace = await traceModuleLoads(fileURLToPath(new URL("../src/index.ts", import.meta.url)));

    expect(trace.esm.some((m) => m.endsWith("/packages/awsconn/src/createResolver.ts"))).toBe(true);
    expect(heavy(packagesOf(trace))).toEqual([]);
    // Nor the credentials package (41 files with aws-source-common): Airflow's settings read only
    // the list of an aws connection's extra keys, which lives in core.
    expect(trace.esm.filter((m) => m.includes("/packages/credentials/"))).toEqual([]);
  }, 60_000);

  it("the default resolver ([env], built in code, not validated) resolving an env connection loads none of them", async () => {
    const trace = await traceModuleLoads(fixture("useDefaultEnv.ts"));
    const names = packagesOf(trace);

    expect(heavy(names)).toEqual([]);
    // no cache is built for live sources (lru-cache loads with the first remote source), and the
    // file source's writer (node:crypto, node:fs/promises) loads with the first write
    expect(names).not.toContain("lru-cache");
    expect(trace.esm.filter((m) => /node:(crypto|fs\/promises)$/.test(m))).toEqual([]);
  }, 60_000);

  it("the AWS client configuration of an env connection (a credential_process run) loads no lru-cache", async () => {
    expect(packagesOf(await traceModuleLoads(fixture("awsConfigFromEnv.ts")))).not.toContain("lru-cache");
  }, 60_000);

  it("a valid config object is checked without zod (quickConfig); a .json or .env file source loads no yaml", async () => {
    for (const ext of ["json", "env"] as const) {
      const names = await traceFileSource(ext);

      expect(heavy(names)).toEqual([]);
      expect(names).not.toContain("lru-cache");
    }
  }, 120_000);

  it("a .yaml file in the plain subset loads no yaml; control: one with an anchor does", async () => {
    expect(heavy(await traceFileSource("yaml"))).toEqual([]);
    expect(heavy(await traceFileSource("anchored.yaml"))).toEqual(["yaml"]);
  }, 120_000);

  it("a plain awsconn.config.yaml naming Secrets Manager loads no yaml and no zod", async () => {
    const config = join(dir, "awsconn.config.yaml");
    await writeFile(config, "sources:\n  - type: secretsmanager   # production\n    region: eu-west-1\n");
    const index = pathToFileURL(fileURLToPath(new URL("../src/index.ts", import.meta.url))).href;
    const entry = join(dir, "discover.ts");
    await writeFile(
      entry,
      `import { createResolver } from "${index}";\nconst { sources } = createResolver(${JSON.stringify(config)});\nif (sources.length !== 1) throw new Error("expected one source");\n`,
    );
    expect(heavy(packagesOf(await traceModuleLoads(entry)))).toEqual([]);
  }, 60_000);

  it("zod is loaded for an invalid configuration (to explain it), not for a valid one with an endpoint URL", async () => {
    const index = pathToFileURL(fileURLToPath(new URL("../src/index.ts", import.meta.url))).href;
    const traced = async (name: string, body: string) => {
      const entry = join(dir, `${name}.ts`);
      await writeFile(entry, `import { ConfigError, createResolver } from "${index}";\n${body}\n`);
      return heavy(packagesOf(await traceModuleLoads(entry)));
    };
    const endpoint = `createResolver({ sources: [{ type: "env" }, { type: "ssm", endpoint: "http://localhost:4566" }] });`;
    const invalid = `try { createResolver({ sorces: [] }); } catch (e) { if (!(e instanceof ConfigError)) throw e; }`;

    expect(await traced("endpoint", endpoint)).toEqual([]);
    expect(await traced("invalid", invalid)).toEqual(["zod"]);
  }, 120_000);
});
