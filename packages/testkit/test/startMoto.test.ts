import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { freePort } from "../src/freePort.js";
import { awsJsonError, startLoopbackProxy } from "../src/startLoopbackProxy.js";
import { startMoto } from "../src/startMoto.js";

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => {
        body += c.toString("utf8");
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("startMoto", () => {
  it("starts a moto server on a loopback port that answers, warmed up, and stop() shuts it down", async () => {
    const moto = await startMoto({ services: ["secretsmanager"] });
    expect(moto.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const answer = await get(`${moto.endpoint}/moto-api/data.json`);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toHaveProperty("secretsmanager"); // the warm-up request reached it
    await moto.stop();
    await moto.stop(); // idempotent
    await expect(get(`${moto.endpoint}/moto-api/data.json`)).rejects.toMatchObject({ code: "ECONNREFUSED" });
  }, 120_000);

  it("runs two servers side by side on different ports", async () => {
    const [a, b] = await Promise.all([startMoto({ services: [] }), startMoto({ services: [] })]);
    try {
      expect(a.endpoint).not.toBe(b.endpoint);
      expect((await get(`${a.endpoint}/moto-api/data.json`)).status).toBe(200);
      expect((await get(`${b.endpoint}/moto-api/data.json`)).status).toBe(200);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  }, 120_000);
});

describe("startLoopbackProxy", () => {
  it("counts requests by AWS operation and answers canned errors", async () => {
    const proxy = await startLoopbackProxy({
      respond: (r) =>
        r.operation === "GetSecretValue" ? awsJsonError(400, "AccessDeniedException", "no") : undefined,
    });
    try {
      const post = (target: string) =>
        new Promise<number>((resolve, reject) => {
          const req = request(
            proxy.endpoint,
            { method: "POST", headers: { "x-amz-target": target } },
            (res) => {
              res.resume();
              res.on("end", () => resolve(res.statusCode ?? 0));
            },
          );
          req.on("error", reject);
          req.end("{}");
        });
      expect(await post("secretsmanager.GetSecretValue")).toBe(400);
      expect(await post("AmazonSSM.GetParameter")).toBe(500); // no target to forward to
      expect(proxy.count()).toBe(2);
      expect(proxy.count("GetSecretValue")).toBe(1);
      expect(proxy.count("GetParameter")).toBe(1);
      proxy.reset();
      expect(proxy.count()).toBe(0);
    } finally {
      await proxy.close();
    }
  });

  it("freePort gives a port nothing listens on", async () => {
    const port = await freePort();
    await expect(get(`http://127.0.0.1:${port}/`)).rejects.toMatchObject({ code: "ECONNREFUSED" });
  });
});
