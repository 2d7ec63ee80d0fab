// Hrana on Postgres: Baton started on the Postgres server against bare node:http / ws servers
// running the same statements on a `pg` Pool. Both work in one schema of this run's own (a Baton
// tenant, addressed by the namespace header or the `/ns/<name>` path), seeded before the servers
// start and dropped after the scenario.
import type { HttpStep, PostgresSetup, Scenario, ServerSpec } from "../scenario.js";
import { BENCH_POSTGRES_URL, benchSchema } from "../seed-postgres.js";
import { BARE_FAILED, BATON_FAILED, oneShot, POINT_SELECT, pointSelectWsLoad } from "./hrana-scenarios.js";

const setup: PostgresSetup = { url: BENCH_POSTGRES_URL, schema: benchSchema() };
const batonServer: ServerSpec = { kind: "baton", args: [setup.url] };
const bareArgs = ["--store", setup.url, "--schema", setup.schema];

function pointSelectHttp(connections: number): Scenario {
  const steps = (failIf: string): HttpStep[] =>
    oneShot(POINT_SELECT)(failIf).map((step) => ({ ...step, headers: { "x-database-namespace": setup.schema } }));
  return {
    name: `hrana-http-point-c${connections}-pg`,
    title: `Hrana HTTP pipeline point select (execute + close) on Postgres, ${connections} connections`,
    databases: [],
    postgres: setup,
    baton: { server: batonServer, load: { kind: "http", connections, steps: steps(BATON_FAILED) } },
    baseline: {
      server: { kind: "baseline", script: "bare-pg-http-server", args: bareArgs },
      load: { kind: "http", connections, steps: steps(BARE_FAILED) },
    },
  };
}

function pointSelectWs(options: { connections: number; inFlight: number }): Scenario {
  const { connections, inFlight } = options;
  const load = pointSelectWsLoad({ connections, inFlight, path: `/ns/${setup.schema}` });
  return {
    name: `hrana-ws-point-${connections}x${inFlight}-pg`,
    title: `Hrana WebSocket point select on Postgres, ${connections} connections × ${inFlight} in flight`,
    databases: [],
    postgres: setup,
    baton: { server: batonServer, load },
    baseline: { server: { kind: "baseline", script: "bare-pg-ws-server", args: bareArgs }, load },
  };
}

/** The Hrana-on-Postgres throughput scenarios, in the order they run. */
export const postgresScenarios: readonly Scenario[] = [
  pointSelectHttp(64),
  pointSelectWs({ connections: 16, inFlight: 16 }),
];
