import type { Connection } from "./Connection.js";
import { redactConnection } from "./redactConnection.js";

const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/**
 * Makes a {@link Connection} that is safe to print: `console.log`, `util.inspect` and
 * `JSON.stringify` show `***` for the password and secret-looking extras. The fields
 * themselves are unchanged and readable. Every parser in awsconn returns such objects.
 *
 * @example
 * ```ts
 * const c = createConnection({ connId: "x", password: "p", extra: {} });
 * c.password;            // "p"
 * JSON.stringify(c);     // {"connId":"x","password":"***","extra":{}}
 * ```
 */
export function createConnection(
  fields: Omit<Connection, "extra"> & { extra?: Record<string, unknown> },
): Connection {
  const connection: Connection = { ...fields, extra: fields.extra ?? {} };
  for (const key of Object.keys(connection) as (keyof Connection)[]) {
    if (connection[key] === undefined) delete connection[key];
  }
  return protectConnection(connection);
}

/**
 * Adds the safe-printing behaviour of {@link createConnection} to an existing object (in place) and returns it.
 *
 * @example
 * ```ts
 * const c = protectConnection({ connId: "x", password: "p", extra: {} });
 * ```
 */
export function protectConnection<T extends Connection>(connection: T): T {
  Object.defineProperty(connection, "toJSON", {
    value: () => redactConnection(connection),
    enumerable: false,
    configurable: true,
  });
  Object.defineProperty(connection, INSPECT, {
    value: (_depth: number, options: unknown, inspect: (v: unknown, o: unknown) => string) =>
      `Connection ${inspect(redactConnection(connection), options)}`,
    enumerable: false,
    configurable: true,
  });
  // console.dir() inspects with customInspect: false, which bypasses the hook above. Holding the
  // secret-bearing fields in accessors makes such dumps show "[Getter/Setter]" instead of the value;
  // reads, writes, spreading and JSON.stringify behave as with plain fields.
  for (const key of ["password", "extra"] as const) {
    if (!Object.hasOwn(connection, key)) continue;
    let value = connection[key];
    Object.defineProperty(connection, key, {
      get: () => value,
      set: (next: typeof value) => {
        value = next;
      },
      enumerable: true,
      configurable: true,
    });
  }
  return connection;
}
