import { expect } from "vitest";
import { YamlTextError, parseYamlText } from "../src/parseYamlText.js";

/** The {@link YamlTextError} `parseYamlText` throws for `text` (the test fails when it throws none, or another error). */
export function yamlError(text: string): YamlTextError {
  try {
    parseYamlText(text);
  } catch (error) {
    expect(error).toBeInstanceOf(YamlTextError);
    return error as YamlTextError;
  }
  throw new Error(`expected an error for ${JSON.stringify(text)}`);
}
