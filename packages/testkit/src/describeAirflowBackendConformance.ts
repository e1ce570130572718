import type { SourceHit } from "@awsconn/core";
import { describe, expect, it } from "vitest";
import {
  type AirflowBackendCase,
  type AirflowDeviation,
  type AirflowStoredItem,
  airflowOutcomeOf,
  expectAirflowOutcome,
  loadAirflowBackendCases,
} from "./airflowBackendCases.js";
import { usePrivateMoto } from "./usePrivateMoto.js";

/** What a backend's conformance suite needs: see {@link describeAirflowBackendConformance}. */
export interface AirflowConformanceOptions<Admin extends { destroy(): void }> {
  /** The `describe` title. */
  title: string;
  /** The `backend` of the vectors to replay (`"secretsmanager"`, `"ssm"`). */
  backend: string;
  /** The suite fails when the vectors hold fewer cases than this (a broken generator). */
  minCases: number;
  /** The moto services of the private server (`["ssm"]`). */
  services: string[];
  /** The SDK client that seeds the private server. */
  admin: (endpoint: string) => Admin;
  /** Stores one item of a case as Airflow's generator stored it. */
  seed: (admin: Admin, item: AirflowStoredItem) => Promise<void>;
  /** The awsconn lookup of a case: the source built from the case's kwargs, `get(conn_id)`. */
  lookup: (
    c: AirflowBackendCase,
    server: { endpoint: string; admin: Admin },
  ) => Promise<SourceHit | undefined>;
  /** Cases where awsconn deliberately differs from Airflow, and the check of what it does instead. */
  deviations?: Readonly<Record<string, AirflowDeviation>>;
}

/**
 * Replays the Airflow-generated vectors of one AWS backend (`conformance/vectors/aws_backends.json`)
 * against an awsconn source: each case's items are stored in a private moto server (reset between
 * cases) and the lookup must give Airflow's connection, Airflow's "not found", or (where Airflow
 * raised) an awsconn error; cases in `deviations` are checked by their own rule.
 *
 * @example
 * ```ts
 * describeAirflowBackendConformance({
 *   title: "Airflow SystemsManagerParameterStoreBackend conformance (aws_backends.json)",
 *   backend: "ssm", minCases: 15, services: ["ssm"],
 *   admin: (endpoint) => new SSMClient(awsTestClientConfig(endpoint)),
 *   seed: (admin, item) => admin.send(new PutParameterCommand({ ... })).then(() => {}),
 *   lookup: (c, { admin }) => fromSsm({ client: admin }).get(c.conn_id),
 * });
 * ```
 */
export function describeAirflowBackendConformance<Admin extends { destroy(): void }>(
  options: AirflowConformanceOptions<Admin>,
): void {
  const cases = loadAirflowBackendCases(options.backend);
  describe(options.title, () => {
    const server = usePrivateMoto(options.services, options.admin);
    it("has the vectors", () => {
      expect(cases.length).toBeGreaterThanOrEqual(options.minCases);
    });

    it.each(cases.map((c) => [c.id, c] as const))("%s", async (_id, c) => {
      for (const item of c.stored) await options.seed(server.admin, item);
      const { endpoint, admin } = server;
      expectAirflowOutcome(
        c,
        await airflowOutcomeOf(() => options.lookup(c, { endpoint, admin })),
        options.deviations,
      );
    });
  });
}
