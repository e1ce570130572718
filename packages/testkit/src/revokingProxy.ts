import type { IncomingMessage } from "node:http";
import {
  type CannedResponse,
  type LoopbackProxy,
  type RecordedRequest,
  startLoopbackProxy,
} from "./startLoopbackProxy.js";

/**
 * How a revoked key is refused: `invalid` (the key was deleted or deactivated: `InvalidClientTokenId`
 * and its per-protocol names) or `expired` (a session token past its end: `ExpiredToken`).
 */
export type RevokedKeyAnswer = "invalid" | "expired";

/** The AWS protocol of a request, as far as the refusal's shape goes. */
export type RefusalProtocol = "awsJson" | "awsQuery" | "restXml";

/** Options of {@link startRevokingProxy}. */
export interface RevokingProxyOptions {
  /** Where requests signed with a key that is not revoked go (the moto endpoint). */
  target: string;
  /** How revoked keys are refused. Default `invalid`. */
  answer?: RevokedKeyAnswer;
}

/** A running revoking proxy; see {@link startRevokingProxy}. */
export interface RevokingProxy extends LoopbackProxy {
  /** From now on, requests signed with this access key id are refused. */
  revoke(accessKeyId: string): void;
  /** Lets the key through again. */
  restore(accessKeyId: string): void;
  /** The access key id each request was signed with, in order (`""` for an unsigned request). */
  signedWith(): string[];
  /** How many requests were refused (or refused for one key). */
  refused(accessKeyId?: string): number;
}

/**
 * A loopback proxy in front of moto that plays IAM revoking an access key, which moto cannot do (it
 * accepts any key): requests whose SigV4 `Authorization` names a revoked access key id get the
 * answer AWS gives ({@link revokedKeyReply}); every other request goes to `target`. With it a test
 * rotates a connection's keys in Secrets Manager, revokes the old key here, and watches the clients
 * that still hold it. Every request is recorded, as {@link startLoopbackProxy} does.
 *
 * @example
 * ```ts
 * const proxy = await startRevokingProxy({ target: motoEndpoint() });
 * proxy.revoke("AKIAOLDKEY");
 * await sts.send(new GetCallerIdentityCommand({})); // InvalidClientTokenId, if signed with AKIAOLDKEY
 * proxy.refused("AKIAOLDKEY"); // 1
 * ```
 */
export async function startRevokingProxy(options: RevokingProxyOptions): Promise<RevokingProxy> {
  const revoked = new Set<string>();
  const refusals: string[] = [];
  const proxy = await startLoopbackProxy({
    target: options.target,
    respond: (request) => {
      const key = sigV4AccessKeyId(request.headers);
      if (!key || !revoked.has(key)) return undefined;
      refusals.push(key);
      return revokedKeyReply(request, options.answer ?? "invalid");
    },
  });
  const forget = proxy.reset;
  return Object.assign(proxy, {
    revoke: (accessKeyId: string) => void revoked.add(accessKeyId),
    restore: (accessKeyId: string) => void revoked.delete(accessKeyId),
    signedWith: () => proxy.requests.map((r) => sigV4AccessKeyId(r.headers) ?? ""),
    refused: (accessKeyId?: string) =>
      accessKeyId === undefined ? refusals.length : refusals.filter((k) => k === accessKeyId).length,
    reset: () => {
      forget();
      refusals.length = 0;
    },
  });
}

/**
 * The access key id of a SigV4-signed request (`Authorization: AWS4-HMAC-SHA256 Credential=<id>/...`),
 * or `undefined` when the request is not signed that way.
 *
 * @example
 * ```ts
 * sigV4AccessKeyId({ authorization: "AWS4-HMAC-SHA256 Credential=AKIAX/20260101/us-east-1/sts/aws4_request, ..." }); // "AKIAX"
 * ```
 */
export function sigV4AccessKeyId(headers: IncomingMessage["headers"]): string | undefined {
  const auth = headers.authorization;
  return typeof auth === "string" ? /Credential=([^/,\s]+)\//.exec(auth)?.[1] : undefined;
}

/**
 * The protocol of a request: `awsJson` (an `X-Amz-Target` header: Secrets Manager, SSM, KMS...),
 * `awsQuery` (a form body with `Action=`: STS, IAM), else `restXml` (S3).
 *
 * @example
 * ```ts
 * refusalProtocolOf(request); // "awsQuery" for STS GetCallerIdentity
 * ```
 */
export function refusalProtocolOf(request: Pick<RecordedRequest, "headers" | "body">): RefusalProtocol {
  if (typeof request.headers["x-amz-target"] === "string") return "awsJson";
  const type = String(request.headers["content-type"] ?? "");
  if (type.startsWith("application/x-www-form-urlencoded") || /(?:^|&)Action=/.test(request.body))
    return "awsQuery";
  return "restXml";
}

/**
 * The answer AWS gives a request signed with a revoked key, per protocol:
 * - JSON services: HTTP 400, `__type` `UnrecognizedClientException` ("The security token included in
 *   the request is invalid.") or `ExpiredTokenException`;
 * - query services (STS, IAM): HTTP 403 `InvalidClientTokenId`, or 400 `ExpiredToken`, in an `ErrorResponse`;
 * - S3: HTTP 403 `InvalidAccessKeyId`, or 400 `ExpiredToken`, in an `Error` document.
 *
 * @example
 * ```ts
 * respond: (request) => revokedKeyReply(request, "invalid")
 * ```
 */
export function revokedKeyReply(
  request: Pick<RecordedRequest, "headers" | "body">,
  answer: RevokedKeyAnswer = "invalid",
): CannedResponse {
  const requestId = `revoked-${Math.random().toString(16).slice(2, 10)}`;
  const expired = answer === "expired";
  const protocol = refusalProtocolOf(request);
  if (protocol === "awsJson") {
    const type = expired ? "ExpiredTokenException" : "UnrecognizedClientException";
    const message = expired
      ? "The security token included in the request is expired"
      : "The security token included in the request is invalid.";
    return {
      status: 400,
      headers: {
        "content-type": "application/x-amz-json-1.1",
        "x-amzn-errortype": type,
        "x-amzn-requestid": requestId,
      },
      body: JSON.stringify({ __type: type, message }),
    };
  }
  const code = expired
    ? "ExpiredToken"
    : protocol === "awsQuery"
      ? "InvalidClientTokenId"
      : "InvalidAccessKeyId";
  const message = expired
    ? "The provided token has expired."
    : protocol === "awsQuery"
      ? "The security token included in the request is invalid."
      : "The AWS Access Key Id you provided does not exist in our records.";
  const status = expired ? 400 : 403;
  const headers = { "content-type": "text/xml", "x-amzn-requestid": requestId };
  const body =
    protocol === "awsQuery"
      ? `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`
      : `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${requestId}</RequestId></Error>`;
  return { status, headers, body };
}
