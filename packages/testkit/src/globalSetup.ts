// Vitest global setup (listed in the root vitest.config.ts): starts one moto server for the whole
// run and hands its endpoint to every project's tests (`inject("awsconnMotoEndpoint")` and the
// AWSCONN_MOTO_ENDPOINT environment variable, read by `motoEndpoint()`); stops it in teardown.
//
// - AWSCONN_MOTO_ENDPOINT already set: that server is reused, nothing is started.
// - AWSCONN_MOTO=off, or a run made only of projects that never talk to AWS (listed below): no
//   server is started (unit runs stay fast and need no Python).
//
// Imports only node built-ins and startMoto (never `vitest` itself: global setup runs outside the
// test workers).
import { startMoto } from "./startMoto.js";

/** Projects whose tests never need moto. */
const WITHOUT_MOTO = new Set(["@awsconn/core", "@awsconn/source-env", "@awsconn/source-file"]);

interface SetupProject {
  provide(key: string, value: unknown): void;
  vitest: { projects: readonly { name: string }[] };
}

export default async function setup(project: SetupProject): Promise<(() => Promise<void>) | undefined> {
  const given = process.env.AWSCONN_MOTO_ENDPOINT;
  if (given) {
    project.provide("awsconnMotoEndpoint", given);
    return undefined;
  }
  const names = project.vitest.projects.map((p) => p.name);
  if (process.env.AWSCONN_MOTO === "off" || names.every((name) => WITHOUT_MOTO.has(name))) return undefined;

  const moto = await startMoto();
  process.env.AWSCONN_MOTO_ENDPOINT = moto.endpoint;
  project.provide("awsconnMotoEndpoint", moto.endpoint);
  return async () => {
    delete process.env.AWSCONN_MOTO_ENDPOINT;
    await moto.stop();
  };
}
