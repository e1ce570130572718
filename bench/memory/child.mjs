// Run as `node --expose-gc memory/child.mjs <awsconn|powertools|connections|createConnection|plain>`: caches 10,000 connections and
// prints JSON with the heap growth per cached connection. Both sides read the same in-memory
// backend (a Map of Airflow JSON strings, built before the baseline heap is taken); each read
// answers a new copy of the text, as each SDK response is a new string, so the number is what a
// cache holds: the parsed connection, its bookkeeping, and any part of the text it keeps alive.
// Each id is then read once more from the cache before the heap is measured, so what a cached
// read keeps (a promise per id, say) counts too.
import { randomUUID } from "node:crypto";
import { connectionJson } from "../lib/fixtures.mjs";

const N = Number(process.env.BENCH_MEMORY_N ?? 10_000);
const side = process.argv[2];
const ids = Array.from({ length: N + 1 }, (_, i) => `bench_mem_${String(i).padStart(5, "0")}`);
const backend = new Map(ids.map((id, i) => [id, { value: connectionJson(i), version: randomUUID() }]));
let backendReads = 0;
/** The stored text as a backend answers it: a string of its own (not a view into the stored one). */
const answer = (text) => JSON.parse(JSON.stringify(text));

async function makeSide() {
  if (side === "awsconn") {
    const { createResolver } = await import("awsconn");
    const { fromSecretsManager } = await import("@awsconn/source-secrets-manager");
    // awsconn's own Secrets Manager source, given a client that answers GetSecretValue from the
    // in-memory backend: what the cache holds is exactly what that source's hits are.
    const client = {
      async send(command) {
        backendReads++;
        const id = command.input.SecretId.slice("airflow/connections/".length);
        const item = backend.get(id);
        if (!item) throw Object.assign(new Error("not found"), { name: "ResourceNotFoundException" });
        return { SecretString: answer(item.value), VersionId: item.version };
      },
    };
    const source = fromSecretsManager({ client });
    const resolver = createResolver({ sources: [source], cache: { ttlSeconds: 300, maxEntries: N * 2 } });
    return (id) => resolver.get(id);
  }
  if (side === "connections" || side === "createConnection" || side === "plain") {
    // For the breakdown, objects alone in a Map (no resolver cache): the Connection that
    // parseConnectionJson returns; createConnection() of the same fields; a plain object of them.
    const { parseConnectionJson, createConnection } = await import("@awsconn/core");
    const fields = (id, text) => {
      const o = JSON.parse(text);
      return {
        connId: id,
        connType: o.conn_type,
        host: o.host,
        login: o.login,
        password: o.password,
        schema: o.schema,
        port: o.port,
        extra: o.extra,
      };
    };
    const make = {
      connections: (id, text) => parseConnectionJson(text, id),
      createConnection: (id, text) => createConnection(fields(id, text)),
      plain: fields,
    }[side];
    const map = new Map();
    return async (id) => {
      let c = map.get(id);
      if (!c) {
        backendReads++;
        c = make(id, answer(backend.get(id).value));
        map.set(id, c);
      }
      return c;
    };
  }
  if (side === "powertools") {
    const { BaseProvider } = await import("@aws-lambda-powertools/parameters/base");
    // Powertools' documented way to bring a custom backend: extend BaseProvider.
    class MemoryProvider extends BaseProvider {
      constructor() {
        super({});
      }
      async _get(name) {
        backendReads++;
        const item = backend.get(name);
        return item && answer(item.value);
      }
      async _getMultiple() {
        return {};
      }
    }
    const provider = new MemoryProvider();
    return (id) => provider.get(id, { maxAge: 300, transform: "json" });
  }
  throw new Error(`unknown side ${side}`);
}

const settle = async () => {
  for (let i = 0; i < 4; i++) {
    await new Promise((r) => setImmediate(r));
    globalThis.gc();
  }
};

const get = await makeSide();
await get(ids[N]); // warm the code paths with an id outside the measured set
await settle();
const before = process.memoryUsage().heapUsed;
for (let i = 0; i < N; i += 100) await Promise.all(ids.slice(i, i + 100).map((id) => get(id)));
// Then read each one again, from the cache, as a service does: whatever a cached read keeps counts too.
for (let i = 0; i < N; i++) await get(ids[i]);
await settle();
const after = process.memoryUsage().heapUsed;
// Every measured id must now be served from the cache: no further backend read.
const readsBefore = backendReads;
for (let i = 0; i < N; i++) await get(ids[i]);
const cachedAll = backendReads === readsBefore;
process.stdout.write(
  JSON.stringify({
    side,
    n: N,
    heapBytes: after - before,
    bytesPerConnection: (after - before) / N,
    cachedAll,
  }),
);
