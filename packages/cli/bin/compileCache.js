// Runs one CommonJS file with a V8 code cache, so a process that starts it again and again (a
// profile's credential_process on every credential refresh) compiles it once. Node 22.1+ has this
// built in (`module.enableCompileCache`); on Node 20 the file is compiled by `vm.Script` with the
// `cachedData` of an earlier run, and the code compiled during this run (the functions the command
// needed, not only the top level) is saved when the process exits.
//
// The cache is code the process runs, so it is read only from a folder this user owns that nobody
// else may write to, and from a file of this user's that nobody else may write to. V8 refuses a cache
// made by another V8 version or other flags; the file name carries a hash of the script's code, so an
// upgraded script never meets the cache of the old one (and the old one is removed). Anything that
// goes wrong with the cache is silent and costs only the compile: the command itself always runs.
"use strict";
const fs = require("node:fs");
const Module = require("node:module");
const os = require("node:os");
const path = require("node:path");
const vm = require("node:vm");

/** `AWSCONN_COMPILE_CACHE` values that turn the cache off. */
const OFF = new Set(["0", "off", "false", "no"]);

/**
 * The cache folder: `AWSCONN_COMPILE_CACHE` (a folder, or `0`/`off` for none), else
 * `$XDG_CACHE_HOME/awsconn`, else `~/.cache/awsconn`; undefined for none.
 *
 * @param {NodeJS.ProcessEnv} env
 * @returns {string | undefined}
 */
function cacheFolder(env) {
  const setting = env.AWSCONN_COMPILE_CACHE;
  if (setting !== undefined && OFF.has(setting.trim().toLowerCase())) return undefined;
  if (setting) return path.resolve(setting);
  if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME))
    return path.join(env.XDG_CACHE_HOME, "awsconn");
  const home = os.homedir();
  return home ? path.join(home, ".cache", "awsconn") : undefined;
}

/**
 * Whether a cache folder or file may be trusted: this user's, and nobody else may write to it.
 *
 * @param {fs.Stats} stats
 */
function trusted(stats) {
  if (typeof process.getuid !== "function") return true;
  return stats.uid === process.getuid() && (stats.mode & 0o022) === 0;
}

/** The cache folder, made (mode 0700) if missing; undefined when there is none to trust. */
function usableFolder(folder) {
  if (!folder) return undefined;
  try {
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    const stats = fs.statSync(folder);
    return stats.isDirectory() && trusted(stats) ? folder : undefined;
  } catch {
    return undefined;
  }
}

/** The cache file's bytes, when there is one to trust. */
function readCache(file) {
  try {
    const fd = fs.openSync(file, "r");
    try {
      const stats = fs.fstatSync(fd);
      return stats.isFile() && trusted(stats) ? fs.readFileSync(fd) : undefined;
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

/** Writes the cache atomically (a whole file or none), and removes the caches of other versions. */
function writeCache(folder, file, data) {
  try {
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, data, { mode: 0o600 });
    fs.renameSync(temporary, file);
    const prefix = path.basename(file).replace(/-[0-9a-f]{16}\.v8$/, "-");
    for (const name of fs.readdirSync(folder))
      if (name.startsWith(prefix) && name.endsWith(".v8") && name !== path.basename(file))
        fs.rmSync(path.join(folder, name), { force: true });
  } catch {
    // a read-only or full disk: the next run compiles again
  }
}

/** The line near the bundle's end that carries a hash of its code (scripts/bundleCommand.mjs). */
const HASH_LINE = "\n// awsconn-bundle-hash ";

/**
 * The hash of its code the build wrote into the script, which names its cache file (V8 refuses a
 * cache of another V8 or other flags, but of the source it checks only the length); undefined for
 * a script without one, which then runs without a cache.
 */
function hashOf(source) {
  const at = source.lastIndexOf(HASH_LINE);
  return at >= 0 ? /^[0-9a-f]{16}/.exec(source.slice(at + HASH_LINE.length))?.[0] : undefined;
}

/**
 * Runs the CommonJS file `script` as the main program would be run, with a code cache.
 *
 * @param {string} script absolute path of the file to run
 * @param {NodeJS.ProcessEnv} [env]
 */
function runCached(script, env = process.env) {
  const folder = cacheFolder(env);
  if (typeof Module.enableCompileCache === "function" || !folder) {
    const dir = usableFolder(folder);
    if (dir && typeof Module.enableCompileCache === "function") Module.enableCompileCache(dir);
    require(script);
    return;
  }
  const source = fs.readFileSync(script, "utf8");
  const hash = hashOf(source);
  const dir = hash && usableFolder(folder);
  const file =
    dir && path.join(dir, `${path.basename(script, ".cjs")}-${process.version}-${process.arch}-${hash}.v8`);
  const cachedData = file ? readCache(file) : undefined;
  // No `import()` in a script compiled from a code cache on Node 20: the bundle has none (see
  // scripts/bundleCommand.mjs).
  const compiled = new vm.Script(Module.wrap(source), { filename: script, cachedData });
  if (file && (!cachedData || compiled.cachedDataRejected))
    process.once("exit", () => writeCache(dir, file, compiled.createCachedData()));
  const module = new Module(script, undefined);
  module.filename = script;
  module.paths = Module._nodeModulePaths(path.dirname(script));
  module.loaded = true;
  const wrapper = compiled.runInThisContext();
  wrapper.call(
    module.exports,
    module.exports,
    Module.createRequire(script),
    module,
    script,
    path.dirname(script),
  );
}

module.exports = { runCached, cacheFolder };
