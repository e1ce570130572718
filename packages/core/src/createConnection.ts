import type { Connection } from "./Connection.js";
import { internText } from "./internText.js";
import { redactConnection } from "./redactConnection.js";

const INSPECT = Symbol.for("nodejs.util.inspect.custom");

type Fields = Omit<Connection, "extra"> & { extra?: Record<string, unknown> };
type Inspect = (value: unknown, options: unknown) => string;

const SECRET_FIELDS = ["password", "extra"] as const;
/** Fields whose short values repeat across connections and are kept once ({@link internText}). */
const SHARED_FIELDS = new Set(["connType", "schema"]);

/**
 * A base whose constructor hands back the object it is given (when given one), so that
 * {@link SafeConnection}'s private fields can be added to an existing object (`protectConnection`).
 */
class Host {
  constructor(target?: object) {
    // biome-ignore lint/correctness/noConstructorReturn: adopts an existing object (protectConnection)
    if (target) return target as Host;
  }
}

/**
 * What every awsconn parser returns. Memory per connection is that of a plain object with the
 * same fields: the printing hooks live on the prototype, and the secret-bearing fields
 * (`password`, `extra`) are own enumerable accessors whose getter and setter are one shared pair
 * for all connections (so V8 shares one hidden class among connections of one shape), reading
 * private fields. So `console.dir` (which skips the inspect hook) shows `[Getter/Setter]`, while
 * reads, writes, spreading, `Object.keys`, `structuredClone` and `toEqual` see plain fields.
 */
class SafeConnection extends Host {
  #password: unknown;
  #extra: unknown;

  /** The one accessor pair per secret-bearing field, shared by every connection. */
  static readonly accessors: Record<(typeof SECRET_FIELDS)[number], PropertyDescriptor> = {
    password: accessor(
      "password",
      (c) => c.#password,
      (c, v) => {
        c.#password = v;
      },
    ),
    extra: accessor(
      "extra",
      (c) => c.#extra,
      (c, v) => {
        c.#extra = v;
      },
    ),
  };

  /** True when `value` carries the private fields (made by `createConnection` or `protectConnection`). */
  static has(value: object): boolean {
    return #password in value;
  }

  /**
   * Without `target`: a new connection with the own enumerable keys of `fields`, in order
   * (`undefined` values left out, `extra` defaulting to `{}`). With `target` (`protectConnection`):
   * the target's own `password` and `extra` become the shared accessors, in place.
   */
  constructor(fields: Record<string, unknown>, target?: object) {
    super(target);
    const self = this as unknown as Record<string, unknown>;
    if (target) {
      for (const key of SECRET_FIELDS)
        if (Object.hasOwn(self, key)) SafeConnection.#hold(this, key, self[key]);
      return;
    }
    let extra = false;
    for (const key of Object.keys(fields)) {
      const value = fields[key];
      if (key === "extra") {
        extra = true;
        SafeConnection.#hold(this, key, value ?? {});
      } else if (value === undefined) continue;
      else if (key === "password") SafeConnection.#hold(this, key, value);
      else self[key] = SHARED_FIELDS.has(key) && typeof value === "string" ? internText(value) : value;
    }
    if (!extra) SafeConnection.#hold(this, "extra", {});
  }

  /**
   * Keeps a secret-bearing field in its private field, behind the shared accessor. Static: a private
   * instance method would give every connection a slot for the class brand (8 bytes each).
   */
  static #hold(c: SafeConnection, key: (typeof SECRET_FIELDS)[number], value: unknown): void {
    if (key === "password") c.#password = value;
    else c.#extra = value;
    Object.defineProperty(c, key, SafeConnection.accessors[key]);
  }

  /** `JSON.stringify` shows the redacted copy. */
  toJSON(): Connection {
    return redactConnection(this as unknown as Connection);
  }

  /** `util.inspect`, `console.log` and friends show the redacted copy. */
  [INSPECT](_depth: number, options: unknown, inspect: Inspect): string {
    return `Connection ${inspect(redactConnection(this as unknown as Connection), options)}`;
  }
}

/** An accessor pair reading and writing one private field of a {@link SafeConnection}. */
function accessor(
  key: string,
  read: (c: SafeConnection) => unknown,
  write: (c: SafeConnection, value: unknown) => void,
): PropertyDescriptor {
  return {
    get(this: object): unknown {
      return SafeConnection.has(this) ? read(this as SafeConnection) : undefined;
    },
    set(this: object, value: unknown): void {
      if (!SafeConnection.has(this) || Object.isFrozen(this)) throw readOnly(key);
      write(this as SafeConnection, value);
    },
    enumerable: true,
    configurable: true,
  };
}

function readOnly(key: string): TypeError {
  return new TypeError(`Cannot assign to '${key}' of a frozen (shared, cached) connection; copy it first`);
}

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
export function createConnection(fields: Fields): Connection {
  return new SafeConnection(fields as unknown as Record<string, unknown>) as unknown as Connection;
}

/**
 * Adds the safe-printing behaviour of {@link createConnection} to an existing object (in place) and
 * returns it; an object that already has it is returned as it is.
 *
 * @example
 * ```ts
 * const c = protectConnection({ connId: "x", password: "p", extra: {} });
 * ```
 */
export function protectConnection<T extends Connection>(connection: T): T {
  if (isSafeConnection(connection)) return connection;
  new SafeConnection({}, connection);
  const proto = SafeConnection.prototype;
  for (const key of ["toJSON", INSPECT] as const) {
    Object.defineProperty(connection, key, { value: proto[key], enumerable: false, configurable: true });
  }
  return connection;
}

/**
 * True when the connection prints safely already (made by {@link createConnection}, a parser, or
 * {@link protectConnection}); a plain object is not.
 *
 * @example
 * ```ts
 * isSafeConnection(parseConnectionUri("aws://", "x")); // true
 * isSafeConnection({ connId: "x", extra: {} });      // false
 * ```
 */
export function isSafeConnection(value: unknown): value is Connection {
  return value !== null && typeof value === "object" && SafeConnection.has(value);
}
