/** What part of the input a {@link CodecProblem} is about. */
export type CodecProblemKind = "json" | "json-depth" | "uri" | "port" | "extra" | "field";

/**
 * Internal error of the codec. Its message describes what is wrong without quoting the
 * input, so it can be shown as is; the public parsers turn it into a `ConnectionFormatError`.
 */
export class CodecProblem extends Error {
  constructor(
    message: string,
    readonly kind: CodecProblemKind,
  ) {
    super(message);
    this.name = "CodecProblem";
  }
}
