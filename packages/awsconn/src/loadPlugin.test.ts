import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ConfigError } from "@awsconn/core";
import { describe, expect, it } from "vitest";
import { dataPlugin, PASSTHROUGH, pluginCounters, pluginDir, writePlugin } from "../test/writePlugin.js";
import { createResolver } from "./createResolver.js";
import { loadPlugin } from "./loadPlugin.js";
import { pluginName } from "./pluginSource.js";

const place = (baseDir: string) => ({ baseDir, path: "sources[2]" });

async function configErrorOf(promise: Promise<unknown>): Promise<ConfigError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

describe("loadPlugin: finding the module", () => {
  it("a package that cannot be found is a ConfigError naming the entry and how to install it", async () => {
    const dir = pluginDir();
    const error = await configErrorOf(
      loadPlugin({ type: "plugin", module: "@acme/awsconn-source-nowhere/sub" }, place(dir)),
    );
    expect(error.path).toBe("sources[2].module");
    expect(error.message).toContain('cannot find the plugin module "@acme/awsconn-source-nowhere/sub"');
    expect(error.message).toContain(`from ${dir}`);
    expect(error.message).toContain("npm install @acme/awsconn-source-nowhere");
  });

  it("a relative path that does not exist says paths are taken from the config file's folder", async () => {
    const error = await configErrorOf(
      loadPlugin({ type: "plugin", module: "./missing.mjs" }, place(pluginDir())),
    );
    expect(error.message).toMatch(/relative paths are taken from the config file's folder/);
  });

  it("a package in node_modules of the config folder is found through its exports", async () => {
    const dir = pluginDir();
    writePlugin(
      dir,
      "node_modules/@acme/awsconn-source-data/package.json",
      JSON.stringify({ name: "@acme/awsconn-source-data", type: "module", exports: { ".": "./index.js" } }),
    );
    writePlugin(dir, "node_modules/@acme/awsconn-source-data/index.js", dataPlugin("pkg"));
    const source = await loadPlugin(
      {
        type: "plugin",
        module: "@acme/awsconn-source-data",
        options: { connections: { db: { host: "h" } } },
      },
      place(join(dir, "deep", "config")),
    );
    expect((await source.get("db"))?.connection.host).toBe("h");
  });

  it('a package whose exports offer only "import" is refused with the fix', async () => {
    const dir = pluginDir();
    writePlugin(
      dir,
      "node_modules/esm-only/package.json",
      JSON.stringify({ name: "esm-only", type: "module", exports: { ".": { import: "./index.js" } } }),
    );
    writePlugin(dir, "node_modules/esm-only/index.js", PASSTHROUGH);
    const error = await configErrorOf(loadPlugin({ type: "plugin", module: "esm-only" }, place(dir)));
    expect(error.message).toContain('add a "default" one');
  });

  it("a CommonJS plugin (module.exports = factory) works", async () => {
    const dir = pluginDir();
    writePlugin(
      dir,
      "cjs-source.cjs",
      'module.exports = (o) => ({ name: "cjs", async get(id) { return id === "x" ? { connection: { connId: id, host: o.host, extra: {} }, origin: "cjs:x" } : undefined; } });\n',
    );
    const source = await loadPlugin(
      { type: "plugin", module: "./cjs-source.cjs", options: { host: "c" } },
      place(dir),
    );
    expect((await source.get("x"))?.origin).toBe("cjs:x");
  });

  it("a module that fails to load is a ConfigError with the error's class", async () => {
    const dir = pluginDir();
    writePlugin(dir, "broken.mjs", "export default (;\n");
    const error = await configErrorOf(loadPlugin({ type: "plugin", module: "./broken.mjs" }, place(dir)));
    expect(error.path).toBe("sources[2].module");
    // vitest loads through Vite (its own parse error); node gives SyntaxError (see the CLI tests)
    expect(error.message).toMatch(/failed to load \(\w*Error: /);
  });
});

describe("loadPlugin: the factory and what it returns", () => {
  it("no default export that is a function: ConfigError listing the function exports", async () => {
    const dir = pluginDir();
    writePlugin(dir, "no-factory.mjs", 'export default { name: "x" };\nexport function fromStore() {}\n');
    const error = await configErrorOf(loadPlugin({ type: "plugin", module: "./no-factory.mjs" }, place(dir)));
    expect(error.path).toBe("sources[2].module");
    expect(error.message).toContain("has no default export that is a factory function");
    expect(error.message).toContain("its function exports: fromStore");
  });

  it("a named export is used as the factory; a missing one names the export key", async () => {
    const dir = pluginDir();
    writePlugin(dir, "named.mjs", `${dataPlugin("named")}\nexport { dataPlugin as fromData };\n`);
    const source = await loadPlugin(
      {
        type: "plugin",
        module: "./named.mjs",
        export: "fromData",
        options: { connections: { a: { host: "n" } } },
      },
      place(dir),
    );
    expect((await source.get("a"))?.connection.host).toBe("n");
    const error = await configErrorOf(
      loadPlugin({ type: "plugin", module: "./named.mjs", export: "fromNothing" }, place(dir)),
    );
    expect(error.path).toBe("sources[2].export");
    expect(error.message).toContain('no export "fromNothing"');
  });

  it.each([
    ["nothing", "() => undefined"],
    ["a string", '() => "source"'],
    ["an object without a get() method", '() => ({ name: "bad" })'],
    ["an object without a string name", "() => ({ async get() {} })"],
    ["an object whose list is not a function", '() => ({ name: "bad", async get() {}, list: [] })'],
    ["an object whose remote is not a boolean", '() => ({ name: "bad", async get() {}, remote: "yes" })'],
  ])("a factory that returns %s is a ConfigError naming the entry", async (what, factory) => {
    const dir = pluginDir();
    writePlugin(dir, "bad.mjs", `export default ${factory};\n`);
    const error = await configErrorOf(loadPlugin({ type: "plugin", module: "./bad.mjs" }, place(dir)));
    expect(error.path).toBe("sources[2]");
    expect(error.message).toContain(`returned ${what}, not a ConnectionSource`);
  });

  it("an async factory is awaited", async () => {
    const dir = pluginDir();
    writePlugin(
      dir,
      "async.mjs",
      'export default async () => ({ name: "later", async get() { return undefined; } });\n',
    );
    expect((await loadPlugin({ type: "plugin", module: "./async.mjs" }, place(dir))).name).toBe("later");
  });

  it("a factory that throws: ConfigError at options, the options' strings scrubbed from its message", async () => {
    const dir = pluginDir();
    writePlugin(
      dir,
      "picky.mjs",
      'export default (o) => { throw new TypeError("token " + o.auth.token + " is not valid"); };\n',
    );
    const token = "s3cr3t-plugin-token-value";
    const error = await configErrorOf(
      loadPlugin({ type: "plugin", module: "./picky.mjs", options: { auth: { token } } }, place(dir)),
    );
    expect(error.path).toBe("sources[2].options");
    expect(error.message).toContain("refused its options (TypeError: token *** is not valid)");
    for (const text of [error.message, JSON.stringify(error), String(error.stack)])
      expect(text).not.toContain(token);
  });
});

describe("plugin entries in a resolver", () => {
  it("nothing is resolved or imported before the first lookup; a missing module fails only then", async () => {
    const dir = pluginDir();
    const file = writePlugin(dir, "lazy.mjs", dataPlugin("lazy"));
    const resolver = createResolver({
      sources: [
        { type: "plugin", module: file, options: { connections: { db: { host: "lazy.example" } } } },
        { type: "plugin", module: "./not-yet.mjs" },
      ],
    });
    expect(pluginCounters("lazy").imports).toBe(0);
    expect(resolver.sources?.map((s) => s.name)).toEqual(["lazy", "not-yet"]);

    expect((await resolver.get("db")).host).toBe("lazy.example");
    expect(pluginCounters("lazy").imports).toBe(1);
    const error = await configErrorOf(resolver.get("other"));
    expect(error.path).toBe("sources[1].module");
  });

  it("a relative module is taken from the config file's folder, not the working directory", async () => {
    const dir = pluginDir();
    writePlugin(dir, "plugins/data.mjs", dataPlugin("relative"));
    const config = join(dir, "awsconn.config.yaml");
    writeFileSync(
      config,
      [
        "sources:",
        "  - type: plugin",
        "    module: ./plugins/data.mjs",
        "    options:",
        "      connections:",
        "        warehouse: { host: dwh.example, conn_type: postgres }",
      ].join("\n"),
    );
    const resolver = createResolver(config);
    const result = await resolver.resolve("warehouse");
    expect(result).toMatchObject({ source: "data", origin: "data:warehouse" });
    expect(result.connection.connType).toBe("postgres");
  });

  it("options are passed to the factory untouched (the same object from code; every key from a file)", async () => {
    const dir = pluginDir();
    const file = writePlugin(dir, "opts.mjs", dataPlugin("opts"));
    const options = { connections: {}, unknownKey: [1, { deep: null }], url: "https://store.example" };
    const resolver = createResolver({ sources: [{ type: "plugin", module: file, options }] });
    await resolver.get("x").catch(() => undefined);
    expect(pluginCounters("opts").options).toBe(options);

    writePlugin(dir, "opts2.mjs", dataPlugin("opts2"));
    const config = join(dir, "c.yaml");
    writeFileSync(
      config,
      "sources:\n  - type: plugin\n    module: ./opts2.mjs\n    options: { weird_Key: [1, {deep: ~}], n: 5 }\n",
    );
    await createResolver(config)
      .get("x")
      .catch(() => undefined);
    expect(pluginCounters("opts2").options).toEqual({ weird_Key: [1, { deep: null }], n: 5 });
  });

  it("a failed load is tried again on the next lookup", async () => {
    const dir = pluginDir();
    const resolver = createResolver({ sources: [{ type: "plugin", module: "./late.mjs" }] }, { cwd: dir });
    await configErrorOf(resolver.get("db"));
    writePlugin(dir, "late.mjs", dataPlugin("late"));
    await expect(resolver.get("db")).rejects.toThrow(/not found/);
    expect(pluginCounters("late").gets).toBe(1);
  });

  it("the config schema knows the plugin entry and its keys", () => {
    const error = (() => {
      try {
        createResolver({ sources: [{ type: "plugin", module: "x", option: {} } as never] });
      } catch (e) {
        return e;
      }
    })() as ConfigError;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain('unknown key "option"');
    expect(() => createResolver({ sources: [{ type: "plugin" } as never] })).toThrow(/sources\[0\]\.module/);
  });
});

describe("pluginName", () => {
  it.each([
    ["@acme/awsconn-source-vault", "vault"],
    ["awsconn-source-dir/sub", "dir"],
    ["vault-connections", "vault-connections"],
    ["./sources/dir-source.mjs", "dir-source"],
    ["/abs/x.cjs", "x"],
  ])("%s -> %s", (module, name) => {
    expect(pluginName(module)).toBe(name);
  });
});
