// moto's own capacity on this machine: GetParameters of 10 names (WithDecryption), as fast as 8
// concurrent callers can go for a few seconds, straight to moto (no quota proxy). The fleet scale is
// chosen so that the quota-limited rate moto must serve stays well below this.
import { GetParametersCommand } from "@aws-sdk/client-ssm";
import { SSM_PREFIX, ssmClient } from "../../lib/fixtures.mjs";

/** @param {{ motoEndpoint: string, ids: string[], seconds: number }} o */
export async function motoCapacity(o) {
  const client = ssmClient(o.motoEndpoint);
  const names = o.ids.slice(0, 10).map((id) => SSM_PREFIX + id);
  const call = () => client.send(new GetParametersCommand({ Names: names, WithDecryption: true }));
  await call();
  let n = 0;
  const t0 = performance.now();
  const end = t0 + o.seconds * 1000;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (performance.now() < end) {
        await call();
        n++;
      }
    }),
  );
  client.destroy();
  return { getParametersPerSecond: Math.round(n / ((performance.now() - t0) / 1000)), seconds: o.seconds };
}
