import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** The instance-profile credentials an {@link startImdsFake} server hands out. */
export interface ImdsFakeCredentials {
  AccessKeyId: string;
  SecretAccessKey: string;
  Token: string;
  /** ISO 8601 time. */
  Expiration: string;
}

/** Options of {@link startImdsFake}. */
export interface ImdsFakeOptions {
  /** The instance profile's role name. Default `awsconn-test-instance-role`. */
  roleName?: string;
  /** The credentials served. Default: random keys that expire in 6 hours. */
  credentials?: ImdsFakeCredentials;
}

/** One request the fake received (method, path, whether it carried a valid session token). */
export interface ImdsFakeRequest {
  method: string;
  path: string;
  withToken: boolean;
}

/** A running IMDSv2 fake. */
export interface ImdsFake {
  /** `http://127.0.0.1:<port>`: set it as `AWS_EC2_METADATA_SERVICE_ENDPOINT`. */
  readonly endpoint: string;
  /** The role name served. */
  readonly roleName: string;
  /** The credentials served. */
  readonly credentials: ImdsFakeCredentials;
  /** Every request received, in order. */
  readonly requests: readonly ImdsFakeRequest[];
  /** Stops the server. */
  close(): Promise<void>;
}

const TOKEN_PATH = "/latest/api/token";
const CREDENTIALS_PATH = "/latest/meta-data/iam/security-credentials/";

/**
 * Starts a loopback server that speaks the EC2 instance metadata service, version 2 only:
 * `PUT /latest/api/token` (with `x-aws-ec2-metadata-token-ttl-seconds`) gives a session token; the
 * role name (`GET .../security-credentials/`) and the credentials JSON (`GET .../security-credentials/<role>`)
 * are served only with that token in `x-aws-ec2-metadata-token`, else 401 (so an IMDSv1 client fails).
 *
 * @example
 * ```ts
 * const imds = await startImdsFake();
 * process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT = imds.endpoint;
 * // ... fromInstanceMetadata() / the default chain now get imds.credentials
 * await imds.close();
 * ```
 */
export async function startImdsFake(options: ImdsFakeOptions = {}): Promise<ImdsFake> {
  const roleName = options.roleName ?? "awsconn-test-instance-role";
  const credentials = options.credentials ?? {
    AccessKeyId: `ASIA${randomBytes(8).toString("hex").toUpperCase()}`,
    SecretAccessKey: randomBytes(20).toString("base64"),
    Token: randomBytes(32).toString("base64"),
    Expiration: new Date(Date.now() + 6 * 3600 * 1000).toISOString(),
  };
  const tokens = new Set<string>();
  const requests: ImdsFakeRequest[] = [];

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const given = req.headers["x-aws-ec2-metadata-token"];
    const withToken = typeof given === "string" && tokens.has(given);
    requests.push({ method: req.method ?? "GET", path, withToken });
    const send = (status: number, body: string, type = "text/plain") => {
      res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body) });
      res.end(body);
    };
    if (path === TOKEN_PATH) {
      if (req.method !== "PUT") return send(405, "");
      const ttl = Number(req.headers["x-aws-ec2-metadata-token-ttl-seconds"]);
      if (!Number.isInteger(ttl) || ttl < 1 || ttl > 21600) return send(400, "");
      const token = randomBytes(24).toString("base64");
      tokens.add(token);
      res.setHeader("x-aws-ec2-metadata-token-ttl-seconds", String(ttl));
      return send(200, token);
    }
    if (req.method !== "GET") return send(405, "");
    if (!withToken) return send(401, "");
    if (path === CREDENTIALS_PATH) return send(200, roleName);
    if (path === `${CREDENTIALS_PATH}${roleName}`) {
      const body = {
        Code: "Success",
        LastUpdated: new Date().toISOString(),
        Type: "AWS-HMAC",
        ...credentials,
      };
      return send(200, JSON.stringify(body), "application/json");
    }
    return send(404, "");
  };

  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    roleName,
    credentials,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
