import {
  type Connection,
  type ConnectionSource,
  createConnection,
  type SourceHit,
  type VariableHit,
  type VariableSource,
} from "@awsconn/core";
import type { ResolverEvent } from "../src/ResolverEvent.js";

/** A controllable clock in ms; starts above 0 (lru-cache treats a start time of 0 as "no TTL"). */
export function fakeClock(start = 1_000_000) {
  const clock = {
    t: start,
    now: () => clock.t,
    advance(seconds: number) {
      clock.t += seconds * 1000;
    },
  };
  return clock;
}

type Fields = Omit<Connection, "connId" | "extra"> & { extra?: Record<string, unknown> };

/** An in-memory source with call counters, swappable data, an optional failure and an optional gate. */
export function memorySource(
  name: string,
  data: Record<string, Fields> = {},
  options: { batch?: boolean } = {},
) {
  const state = {
    data: { ...data },
    calls: 0,
    batchCalls: [] as string[][],
    failWith: undefined as Error | undefined,
    gate: undefined as Promise<void> | undefined,
    version: 1,
  };
  const hit = (id: string): SourceHit | undefined => {
    const fields = state.data[id];
    if (!fields) return undefined;
    return {
      connection: createConnection({ ...fields, connId: id }),
      origin: `${name}:${id}@v${state.version}`,
    };
  };
  const source: ConnectionSource & { state: typeof state } = {
    name,
    state,
    async get(id) {
      state.calls++;
      if (state.gate) await state.gate;
      if (state.failWith) throw state.failWith;
      return hit(id);
    },
  };
  if (options.batch) {
    source.getMany = async (ids) => {
      state.batchCalls.push([...ids]);
      if (state.gate) await state.gate;
      if (state.failWith) throw state.failWith;
      const out = new Map<string, SourceHit>();
      for (const id of ids) {
        const h = hit(id);
        if (h) out.set(id, h);
      }
      return out;
    };
  }
  return source;
}

/**
 * A code-given source that serves Variables (and no connections), with a call counter, editable
 * values, an optional failure and an optional gate. Its name decides whether the resolver caches
 * it (anything but `env` and `file` is cached).
 */
export function memoryVariables(name: string, values: Record<string, string> = {}, fail?: Error) {
  const state = {
    calls: 0,
    failWith: fail,
    gate: undefined as Promise<void> | undefined,
    /** When set, hits carry it (`version`, and `#version` in the origin). */
    version: undefined as string | undefined,
  };
  const source: VariableSource & { get(): Promise<undefined> } = {
    name,
    get: async () => undefined,
    async getVariable(key): Promise<VariableHit | undefined> {
      state.calls++;
      if (state.gate) await state.gate;
      if (state.failWith) throw state.failWith;
      const value = values[key];
      if (value === undefined) return undefined;
      const { version } = state;
      return version === undefined
        ? { value, origin: `${name}:${key}` }
        : { value, origin: `${name}:${key}#${version}`, version };
    },
  };
  return { source, state, values };
}

/** A promise you resolve by hand. */
export function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** Collects events. */
export function eventLog() {
  const events: ResolverEvent[] = [];
  return { events, logger: (e: ResolverEvent) => events.push(e), types: () => events.map((e) => e.type) };
}

/** Lets pending promise callbacks run. */
export async function flush(times = 10): Promise<void> {
  for (let i = 0; i < times; i++) await new Promise((r) => setImmediate(r));
}
