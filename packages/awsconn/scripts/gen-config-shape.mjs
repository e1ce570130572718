// Writes src/configShape.generated.ts: the JSON Schema of the configuration, derived from the zod
// schemas in src/configSchema.ts by src/configShapeOf.ts (which marks what JSON Schema cannot say).
// Run after changing a schema: `npm run gen:config-shape --workspace awsconn` (configShape.test.ts
// fails until the file is current). The TypeScript sources are bundled with esbuild to run them.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

/** Where a `properties` object spreads a shared constant: this key, whose value is its name. */
const SPREAD = "__spreadSharedProperties__";

const pkg = fileURLToPath(new URL("..", import.meta.url));
const target = join(pkg, "src", "configShape.generated.ts");
const dir = mkdtempSync(join(tmpdir(), "awsconn-config-shape-"));
try {
  const bundle = join(dir, "configShapeOf.mjs");
  await build({
    entryPoints: [join(pkg, "src", "configShapeOf.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    conditions: ["@awsconn/source"],
    outfile: bundle,
    logLevel: "error",
  });
  const { configShapeOf } = await import(pathToFileURL(bundle).href);
  const { shape, shared } = hoistSharedProperties(configShapeOf());
  const consts = shared
    .map(
      ({ name, entries }) =>
        `/** Properties two object schemas share (written once, spread into both). */\nconst ${name} = ${toTs(entries)};\n`,
    )
    .join("\n");
  const text = `// Generated from the zod schemas in configSchema.ts by scripts/gen-config-shape.mjs
// (\`npm run gen:config-shape --workspace awsconn\`): do not edit. The configuration's JSON Schema
// (input side); quickConfig.ts checks a configuration against it without loading zod, and a node
// marked "x-awsconn-check" is a check JSON Schema cannot say (a CONFIG_CHECKS name, else "zod").

${consts}
/** The configuration's JSON Schema, generated from \`configSchema\` (see quickConfig.ts). */
export const CONFIG_SHAPE: Readonly<Record<string, unknown>> = ${toTs(shape)};
`;
  writeFileSync(target, text);
  const biome = join(pkg, "..", "..", "node_modules", ".bin", "biome");
  execFileSync(biome, ["format", "--write", target], { stdio: "inherit" });
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * The properties that object schemas share (the AWS sources' common keys, say), hoisted into
 * constants that each of them spreads, so the generated file says them once. Pairs of `properties`
 * objects with 4 or more equal entries (same key, same schema) share one constant; each object
 * spreads at most one.
 */
function hoistSharedProperties(shape) {
  const all = [];
  const visit = (node) => {
    if (typeof node !== "object" || node === null) return;
    if (Array.isArray(node)) return node.forEach(visit);
    if (node.properties && typeof node.properties === "object") all.push(node);
    for (const value of Object.values(node)) visit(value);
  };
  visit(shape);
  const shared = [];
  const used = new Set();
  for (const [i, a] of all.entries()) {
    for (const b of all.slice(i + 1)) {
      if (used.has(a) || used.has(b)) continue;
      const keys = Object.keys(a.properties).filter(
        (key) =>
          Object.hasOwn(b.properties, key) &&
          JSON.stringify(a.properties[key]) === JSON.stringify(b.properties[key]),
      );
      if (keys.length < 4) continue;
      const name = `SHARED_PROPERTIES_${shared.length + 1}`;
      shared.push({ name, entries: Object.fromEntries(keys.map((key) => [key, a.properties[key]])) });
      for (const node of [a, b]) {
        const rest = Object.entries(node.properties).filter(([key]) => !keys.includes(key));
        node.properties = { [SPREAD]: name, ...Object.fromEntries(rest) };
        used.add(node);
      }
    }
  }
  return { shape, shared };
}

/**
 * JSON text as a TypeScript expression, with the hoisted constants spread where they were; a node
 * whose JSON fits in 72 characters stays on one line (the formatter keeps it so).
 */
function toTs(value, indent = "") {
  const inner = `${indent}  `;
  const flat = JSON.stringify(value);
  if (typeof value !== "object" || value === null || flat.length <= 72) return flat;
  if (Array.isArray(value)) return `[\n${value.map((v) => inner + toTs(v, inner)).join(",\n")},\n${indent}]`;
  const lines = Object.entries(value).map(([key, v]) =>
    key === SPREAD ? `${inner}...${v}` : `${inner}${JSON.stringify(key)}: ${toTs(v, inner)}`,
  );
  return `{\n${lines.join(",\n")},\n${indent}}`;
}
