/**
 * What the awsconn command's one-file bundle defines (scripts/bundleCommand.mjs, its first lines):
 * `import()` from a small file Node loads itself. The bundle runs from a V8 code cache, and on Node 20
 * a script compiled from a code cache cannot `import()` (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING).
 */
declare const __awsconnImportFile: ((url: string) => Promise<unknown>) | undefined;

/**
 * `import()` of a module by its file URL (a plugin): the bundle's importer where there is one,
 * else this module's own `import()`.
 *
 * @example
 * ```ts
 * const plugin = await importFile(pathToFileURL("/etc/awsconn/vault.mjs").href);
 * ```
 */
export function importFile(url: string): Promise<unknown> {
  return typeof __awsconnImportFile === "function" ? __awsconnImportFile(url) : import(url);
}
