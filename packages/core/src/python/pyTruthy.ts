import type { PyValue } from "./pythonJson.js";

/** Python truthiness of a JSON value (`None`, `False`, `0`, `0.0`, `""`, `[]`, `{}` are false). */
export function pyTruthy(value: PyValue): boolean {
  switch (value.t) {
    case "null":
      return false;
    case "bool":
      return value.v;
    case "str":
      return value.v !== "";
    case "int":
      return value.v !== "0";
    case "float":
      return value.v !== 0;
    case "list":
      return value.v.length > 0;
    case "dict":
      return value.v.size > 0;
  }
}
