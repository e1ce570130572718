// The root README's five-minute tour, run as written: every `sh` block of steps 1-3 in one shell (the
// `yaml` blocks written to the files their first-line comment names, when the tour reaches them),
// with `awsconn` the built CLI and AWS's endpoint a local moto (AWS_ENDPOINT_URL: the tour's config
// names no endpoint, as a real one would not). Step 5's profile and its boto3 line run too, with the
// profile's credential_process pointed at the built CLI. Spawns the built binary.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { motoEndpoint } from "@awsconn/testkit/moto";
import { beforeAll, describe, expect, it } from "vitest";
import { BIN, REPO_ROOT, cleanEnv, requireBuiltBin } from "./runBin.js";

const README = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

/** The text of a `## ` section, up to the next one. */
function section(title: string): string {
  const start = README.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`README has no "## ${title}" section`);
  const end = README.indexOf("\n## ", start + 1);
  return README.slice(start, end < 0 ? undefined : end);
}

/** The fenced blocks of a text, in order, with their language. */
function blocks(text: string): { lang: string; body: string }[] {
  return [...text.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].map((m) => ({
    lang: m[1] ?? "",
    body: m[2] ?? "",
  }));
}

/** The tour's steps 1-3 as one bash script: files written where the tour shows them, commands as written. */
function tourScript(): string {
  const tour = section("A five-minute tour");
  const steps = tour.slice(0, tour.indexOf("\n### 4."));
  const lines = ["set -euo pipefail"];
  for (const { lang, body } of blocks(steps)) {
    if (lang === "sh") lines.push(body);
    else if (lang === "yaml") {
      const file = /^# (\S+)/.exec(body)?.[1];
      if (!file) throw new Error(`a yaml block of the tour names no file:\n${body}`);
      lines.push(`cat > ${file} <<'AWSCONN_TOUR_EOF'\n${body}AWSCONN_TOUR_EOF`);
    }
  }
  return lines.join("\n");
}

let dir: string;
let env: Record<string, string>;
beforeAll(() => {
  requireBuiltBin();
  dir = mkdtempSync(join(tmpdir(), "awsconn-cli-tour-"));
  const bin = join(dir, "bin");
  mkdirSync(bin);
  // `awsconn` on PATH is the built CLI; /usr/local/bin/awsconn of the profile points here too. Its
  // own Secrets Manager client gets moto's keys, never the profile that runs it (that would recurse).
  writeFileSync(
    join(bin, "awsconn"),
    `#!/bin/sh\nunset AWS_PROFILE\nexport AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing\nexec "${process.execPath}" "${BIN}" "$@"\n`,
  );
  chmodSync(join(bin, "awsconn"), 0o755);
  env = cleanEnv({
    PATH: `${bin}:${join(REPO_ROOT, ".venv/bin")}:${process.env.PATH ?? "/usr/bin:/bin"}`,
    AWS_ACCESS_KEY_ID: "testing",
    AWS_SECRET_ACCESS_KEY: "testing",
    AWS_ENDPOINT_URL: motoEndpoint(),
  });
});

describe("README tour, as written", () => {
  it("steps 1-3: env variable, file, Secrets Manager", () => {
    const r = spawnSync("bash", ["-c", tourScript()], { cwd: dir, env, encoding: "utf8" });
    const output = r.stdout + r.stderr;
    expect(r.status, output).toBe(0);
    expect(output).not.toContain(SECRET);
    expect(r.stdout).toContain("***");
    expect(r.stdout).toMatch(/"source": "env"/);
    expect(r.stdout).toMatch(/file\s+hit/);
    expect(r.stdout).toMatch(/secretsmanager\s+hit/);
  });

  it("step 5: the credential_process profile serves boto3 (region from the profile)", () => {
    const tour = section("A five-minute tour");
    const step5 = tour.slice(tour.indexOf("\n### 5."));
    const ini = blocks(step5).find((b) => b.lang === "ini")?.body ?? "";
    expect(ini).toMatch(/^region = /m);
    expect(existsSync(join(dir, "awsconn.config.yaml"))).toBe(true); // written by steps 1-3
    const profile = ini
      .replace("/usr/local/bin/awsconn", join(dir, "bin/awsconn"))
      .replace("/path/to/awsconn.config.yaml", join(dir, "awsconn.config.yaml"));
    writeFileSync(join(dir, "aws-config"), profile);
    const sh = blocks(step5).find((b) => b.lang === "sh")?.body ?? "";
    const boto3 = sh.split("\n").find((l) => l.includes("import boto3"));
    expect(boto3).toBeDefined();
    const profileEnv: Record<string, string> = { ...env, AWS_CONFIG_FILE: join(dir, "aws-config") };
    delete profileEnv.AWS_ACCESS_KEY_ID;
    delete profileEnv.AWS_SECRET_ACCESS_KEY;
    const r = spawnSync("bash", ["-c", boto3 ?? ""], { cwd: dir, env: profileEnv, encoding: "utf8" });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain("Buckets");
    // What `aws --profile etl sts get-caller-identity` does, through the same botocore.
    const sts = spawnSync(
      "python",
      [
        "-c",
        'import boto3; print(boto3.Session(profile_name="etl").client("sts").get_caller_identity()["Account"])',
      ],
      { cwd: dir, env: profileEnv, encoding: "utf8" },
    );
    expect(sts.status, sts.stdout + sts.stderr).toBe(0);
    expect(sts.stdout.trim()).toMatch(/^\d{12}$/);
  });
});

describe("credential_process through its own profile", () => {
  it("a run started by its own credential_process refuses instead of starting the next one", () => {
    const self = join(dir, "self");
    mkdirSync(self, { recursive: true });
    writeFileSync(
      join(self, "awsconn.config.yaml"),
      "sources:\n  - type: secretsmanager\n    region: eu-west-1\n",
    );
    writeFileSync(
      join(self, "aws-config"),
      `[profile etl]\nregion = eu-west-1\ncredential_process = "${process.execPath}" "${BIN}" credentials aws_default --config ${join(self, "awsconn.config.yaml")}\n`,
    );
    const selfEnv: Record<string, string> = {
      ...env,
      AWS_PROFILE: "etl",
      AWS_CONFIG_FILE: join(self, "aws-config"),
    };
    delete selfEnv.AWS_ACCESS_KEY_ID;
    delete selfEnv.AWS_SECRET_ACCESS_KEY;
    const r = spawnSync(process.execPath, [BIN, "credentials", "aws_default"], {
      cwd: self,
      env: selfEnv,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.signal, "the runs did not stop by themselves").toBeNull();
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe("");
  });
});
