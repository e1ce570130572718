// Scenario 10. Install footprint: what `npm install` of the packed tarballs puts into node_modules
// for an app that reads env vars and files only (awsconn), for one that also reads Secrets Manager
// (awsconn + @aws-sdk/client-secrets-manager), and for Powertools Parameters with the same client.
// The tarballs come from scripts/packWorkspaces.mjs (as pack:smoke makes them); third-party
// packages from npm's cache or the registry.
import { execFile } from "node:child_process";
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { packPublicPackages, publicPackages } from "../../scripts/packWorkspaces.mjs";
import { installedVersion } from "../lib/installedVersion.mjs";
import { round } from "../lib/stats.mjs";

const SDK_CLIENT = "@aws-sdk/client-secrets-manager";
const POWERTOOLS = "@aws-lambda-powertools/parameters";
const TARGET = "an env/file-only install has no @aws-sdk/* package; sizes with Secrets Manager reported";

export const scenario = {
  id: "10-install",
  title: "Install footprint: node_modules of a fresh app",
  target: TARGET,
  seed: { secrets: [], parameters: [] },
  run,
};

/** The workspace packages `name` installs (dependencies and peers, transitively), itself included. */
function workspaceClosure(name, manifests) {
  const seen = new Set();
  const visit = (n) => {
    const m = manifests.get(n);
    if (!m || seen.has(n)) return;
    seen.add(n);
    for (const dep of Object.keys({ ...m.dependencies, ...m.peerDependencies })) {
      const optional = m.peerDependenciesMeta?.[dep]?.optional === true;
      if (!optional) visit(dep);
    }
  };
  visit(name);
  return [...seen];
}

/**
 * Sum of file sizes, files and packages under a node_modules folder (nested ones included), and
 * the bytes of each package by name (a package's own files, without its nested node_modules).
 */
function footprint(nodeModules) {
  let bytes = 0;
  let files = 0;
  const names = [];
  const bytesOf = {};
  // `pkg`: the package the folder belongs to; a folder directly under node_modules (or an @scope
  // folder there) starts a new one.
  const walk = (dir, pkg, underNodeModules) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isSymbolicLink()) continue; // .bin links
      if (entry.isDirectory()) {
        if (underNodeModules && entry.name.startsWith("@")) walk(path, undefined, "scope");
        else if (underNodeModules && !entry.name.startsWith(".")) {
          const name = underNodeModules === "scope" ? `${dir.split("/").pop()}/${entry.name}` : entry.name;
          names.push(name);
          walk(path, name, false);
        } else walk(path, pkg, entry.name === "node_modules");
        continue;
      }
      const size = lstatSync(path).size;
      bytes += size;
      files++;
      if (pkg) bytesOf[pkg] = (bytesOf[pkg] ?? 0) + size;
    }
  };
  walk(nodeModules, undefined, true);
  const largest = Object.entries(bytesOf)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6);
  return {
    bytes,
    files,
    packages: names.length,
    awsSdkPackages: names.filter((n) => n.startsWith("@aws-sdk/")).length,
    smithyPackages: names.filter((n) => n.startsWith("@smithy/")).length,
    largest: Object.fromEntries(largest),
  };
}

/** `npm install` of `specs` into a fresh app folder; rejects with npm's stderr. */
async function install(dir, specs) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), '{ "name": "awsconn-footprint-app", "private": true }\n');
  const args = ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", ...specs];
  await new Promise((resolve, reject) =>
    execFile("npm", args, { cwd: dir, encoding: "utf8" }, (error, _stdout, stderr) =>
      error ? reject(new Error(`npm install in ${dir} failed: ${stderr.slice(-2000)}`)) : resolve(),
    ),
  );
  return footprint(join(dir, "node_modules"));
}

async function run() {
  const work = mkdtempSync(join(tmpdir(), "awsconn-bench-install-"));
  try {
    const packs = join(work, "packs");
    mkdirSync(packs);
    const manifests = new Map(publicPackages().map((p) => [p.name, p.manifest]));
    const needed = workspaceClosure("awsconn", manifests);
    const tarballs = packPublicPackages(packs, needed).map((p) => p.tarball);
    // The client version the Secrets Manager source asks for (as a dependency or a peer).
    const sm = manifests.get("@awsconn/source-secrets-manager") ?? {};
    const range =
      sm.peerDependencies?.[SDK_CLIENT] ?? sm.dependencies?.[SDK_CLIENT] ?? installedVersion(SDK_CLIENT);
    const client = `${SDK_CLIENT}@${range}`;
    const apps = [
      { key: "envFile", name: "awsconn (env and file sources only)", specs: tarballs },
      { key: "secretsManager", name: `awsconn + ${SDK_CLIENT}`, specs: [...tarballs, client] },
      {
        key: "powertools",
        name: "Powertools Parameters + Secrets Manager client",
        specs: [`${POWERTOOLS}@${installedVersion(POWERTOOLS)}`, client],
      },
    ];
    const by = {};
    // The three installs at once (they share npm's cache; the sizes do not depend on the order).
    const installed = await Promise.all(apps.map((app) => install(join(work, app.key), app.specs)));
    apps.forEach((app, i) => {
      by[app.key] = { name: app.name, ...installed[i] };
    });
    const mb = (b) => round(b / 1e6, 3);
    const e = by.envFile;
    const s = by.secretsManager;
    const checks = [
      {
        name: "env/file-only app",
        target: "no @aws-sdk/* package installed",
        result: `${e.awsSdkPackages} @aws-sdk/* packages, ${e.packages} packages, ${mb(e.bytes)} MB`,
        met: e.awsSdkPackages === 0,
      },
      {
        name: "app with Secrets Manager",
        target: "reported",
        result: `${s.awsSdkPackages} @aws-sdk/* packages, ${s.packages} packages, ${mb(s.bytes)} MB (Powertools + the same client: ${by.powertools.packages} packages, ${mb(by.powertools.bytes)} MB)`,
        met: "no target",
      },
    ];
    return {
      method: `\`npm pack\` of awsconn and the workspace packages it installs (${needed.join(", ")}), through scripts/packWorkspaces.mjs as pack:smoke does; then, per app, a fresh folder with an empty package.json and \`npm install --prefer-offline\` of: the tarballs; the tarballs and \`${client}\`; \`${POWERTOOLS}@${installedVersion(POWERTOOLS)}\` and \`${client}\`. Size is the sum of the sizes of the files under node_modules (symbolic links not followed; the disk usage in blocks is larger); packages are the folders under any node_modules with a package name.`,
      checks,
      table: {
        columns: [
          "app",
          "installed bytes",
          "MB",
          "files",
          "packages",
          "@aws-sdk/* packages",
          "@smithy/* packages",
        ],
        rows: Object.values(by).map((x) => [
          x.name,
          x.bytes,
          mb(x.bytes),
          x.files,
          x.packages,
          x.awsSdkPackages,
          x.smithyPackages,
        ]),
      },
      tables: [
        {
          caption: "Largest packages of each app (their own files, MB):",
          columns: ["app", "packages"],
          rows: Object.values(by).map((x) => [
            x.name,
            Object.entries(x.largest)
              .map(([k, v]) => `${k} ${mb(v)}`)
              .join(", "),
          ]),
        },
      ],
      sides: Object.values(by),
      target: TARGET,
      met: checks.every((c) => c.met !== false),
      missedBy:
        e.awsSdkPackages > 0 ? `${e.awsSdkPackages} @aws-sdk/* packages in the env/file-only app` : undefined,
      verdict: checks.map((c) => `${c.name}: ${c.result}`).join("; "),
      chart: {
        subtitle: "npm install of the packed tarballs into a fresh app",
        panels: [
          {
            label: "node_modules size",
            unit: "MB",
            better: "lower",
            bars: Object.values(by).map((x) => ({ name: x.name, value: mb(x.bytes) })),
          },
          {
            label: "@aws-sdk/* packages installed",
            unit: "packages",
            better: "lower",
            bars: Object.values(by).map((x) => ({ name: x.name, value: x.awsSdkPackages })),
          },
        ],
      },
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
