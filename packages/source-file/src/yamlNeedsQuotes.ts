import type { ScalarTag } from "yaml";
import { requireYaml } from "./requireYaml.js";

// PyYAML's implicit resolvers (yaml/resolver.py, the safe loader Airflow uses), verbatim but for
// the re.X whitespace: a plain scalar matching one of them is not read as a string (`=` and `<<` even
// make the safe loader fail, and `._` or `0b_` crash its int/float constructors).
const PYYAML_IMPLICIT: readonly RegExp[] = [
  /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/,
  /^(?:<<)$/,
  /^(?:~|null|Null|NULL|)$/,
  /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/,
  /^(?:=)$/,
];

/** The implicit types of the `yaml` package's YAML 1.1 and 1.2 (core) schemas: what other readers see. */
function schemaTests(version: "1.1" | "1.2"): RegExp[] {
  const { Document } = requireYaml();
  const tags = new Document(null, { version }).schema.tags as ScalarTag[];
  return tags.flatMap((t) =>
    t.default && t.tag !== "tag:yaml.org,2002:str" && t.test instanceof RegExp ? [t.test] : [],
  );
}

// Built on first use: the file readers load no `yaml` until a YAML file is read or written.
let implicit: RegExp[] | undefined;

// Characters a plain or single-quoted scalar cannot carry safely: controls (tab included), the
// C1 range and U+2028/U+2029 (PyYAML reads U+0085 and these two as line breaks and refuses the
// rest outright), the BOM and non-characters, and lone surrogates (not encodable as UTF-8).
// Built on the first call, like `implicit` (a Unicode property class costs a fresh process a
// fraction of a millisecond).
let unsafe: RegExp | undefined;

/**
 * Whether a string must be written double-quoted for every YAML reader to read it back as that
 * same string: PyYAML (Airflow's `LocalFilesystemBackend`), awsconn's own YAML 1.1 reader, and
 * YAML 1.2 readers. True for every scalar any of them would resolve to another type (`no`, `off`,
 * `y`, `~`, `null`, `1:20`, `1_000`, `0x1F`, `2001-12-14`, `.inf`, `=`, `<<`, `""`...), for
 * leading or trailing whitespace, line breaks and control or invisible characters.
 *
 * @example
 * ```ts
 * yamlNeedsQuotes("no");        // true
 * yamlNeedsQuotes("eu-west-1"); // false
 * ```
 */
export function yamlNeedsQuotes(value: string): boolean {
  implicit ??= [...PYYAML_IMPLICIT, ...schemaTests("1.1"), ...schemaTests("1.2")];
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these characters are what the test is for
  unsafe ??= /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|\p{Cs}/u;
  return value !== value.trim() || unsafe.test(value) || implicit.some((test) => test.test(value));
}

/**
 * A string as a YAML double-quoted scalar that PyYAML and `yaml` both read back exactly: JSON's
 * escapes (valid YAML escapes) plus `\u` escapes for what JSON leaves raw but YAML readers would
 * refuse or fold (DEL, the C1 range, U+2028, U+2029, the BOM, U+FFFE, U+FFFF). Never folded.
 *
 * @example
 * ```ts
 * yamlDoubleQuoted("a\u0085b"); // '"a\\u0085b"'
 * ```
 */
export function yamlDoubleQuoted(value: string): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
