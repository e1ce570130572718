import { validateConnId } from "./validateConnId.js";

/** The id a parsed connection gets: `""` when none is given, otherwise a valid id (or a thrown `InvalidConnIdError`). */
export function connIdOf(connId: string | undefined): string {
  return connId === undefined ? "" : validateConnId(connId);
}
