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
  const text = `// Generated from the zod schemas in configSchema.ts by scripts/gen-config-shape.mjs
// (\`npm run gen:config-shape --workspace awsconn\`): do not edit. The configuration's JSON Schema
// (input side); quickConfig.ts checks a configuration against it without loading zod, and a node
// marked "x-awsconn-check" is a check JSON Schema cannot say (a CONFIG_CHECKS name, else "zod").

/** The configuration's JSON Schema, generated from \`configSchema\` (see quickConfig.ts). */
export const CONFIG_SHAPE: Readonly<Record<string, unknown>> = ${JSON.stringify(configShapeOf(), null, 2)};
`;
  writeFileSync(target, text);
  const biome = join(pkg, "..", "..", "node_modules", ".bin", "biome");
  execFileSync(biome, ["format", "--write", target], { stdio: "inherit" });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
