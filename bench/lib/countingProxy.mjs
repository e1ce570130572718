// A loopback HTTP proxy in front of moto that counts AWS API calls by operation.
// Every client of both sides (awsconn and its peers) is pointed at this proxy, so the calls
// of both sides are counted by one and the same method, outside the code under test.
import { Agent, createServer, request } from "node:http";

/**
 * @param {string} target moto endpoint, e.g. http://127.0.0.1:5000
 * @returns {Promise<{ endpoint: string, counts: Map<string, number>, reset(): void, total(prefix?: string): number, close(): Promise<void> }>}
 */
export async function startCountingProxy(target) {
  const upstream = new URL(target);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const counts = new Map();
  const bump = (op) => counts.set(op, (counts.get(op) ?? 0) + 1);

  const server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      bump(operationOf(req, body));
      const out = request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
          agent,
        },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      out.on("error", (err) => {
        res.writeHead(502);
        res.end(String(err));
      });
      out.end(body);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    counts,
    reset: () => counts.clear(),
    /** Calls whose operation starts with `prefix` (all calls without one). */
    total(prefix = "") {
      let n = 0;
      for (const [op, c] of counts) if (op.startsWith(prefix)) n += c;
      return n;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
        agent.destroy();
      }),
  };
}

/** "secretsmanager.GetSecretValue", "AmazonSSM.GetParameters", "sts.AssumeRole", ... */
function operationOf(req, body) {
  const target = req.headers["x-amz-target"];
  if (typeof target === "string") return target;
  // Query protocol (STS): Action=... in the form body or the query string.
  const text = body.length > 0 ? body.toString("utf8") : ((req.url ?? "").split("?")[1] ?? "");
  const action = new URLSearchParams(text).get("Action");
  return action ? `sts.${action}` : `other.${req.method} ${(req.url ?? "").split("?")[0]}`;
}
