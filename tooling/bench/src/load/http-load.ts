// HTTP load with autocannon: pre-built requests on keep-alive connections, one in flight per
// connection. Latencies are recorded from autocannon's per-response timings into our own
// microsecond histogram (autocannon's own histogram has whole-millisecond buckets).
import autocannon from "autocannon";
import type { HttpLoad, HttpStep, LoadRun, SideMeasurement } from "../scenario.js";
import { failureTest } from "./fail-markers.js";
import { MeasurementWindow } from "./measurement-window.js";

interface CarryContext {
  carry?: string;
}

/** Fills `{{conn}}` in header values. */
function headersFor(step: HttpStep, connection: number): Record<string, string> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  for (const [name, value] of Object.entries(step.headers ?? {})) {
    headers[name] = value.replaceAll("{{conn}}", String(connection));
  }
  return headers;
}

/**
 * autocannon's per-connection counters (lib/httpClient.js), not in its type declarations: a
 * connection whose `reqsMade` reaches `responseMax` ends after its current response.
 */
interface ConnectionCounters {
  readonly reqsMade: number;
  responseMax: number | undefined;
}

const countersOf = (client: autocannon.Client) => client as unknown as ConnectionCounters;

/**
 * Lets every connection finish the sequence it is in, then end. A sequence cut short would
 * leave server state behind (a transaction holding its database's write lock) for the next run.
 */
function finishSequences(options: { clients: readonly autocannon.Client[]; steps: number }): void {
  for (const client of options.clients) {
    const counters = countersOf(client);
    const inFlight = counters.reqsMade;
    counters.responseMax = Math.max(1, inFlight + options.steps - 1 - ((inFlight - 1) % options.steps));
  }
}

/** Step outcomes the response listener reads (autocannon calls onResponse just before it). */
class StepVerdicts {
  failedLast = false;
}

function requestFor(
  step: HttpStep,
  options: { connection: number; verdicts: StepVerdicts },
): autocannon.Request {
  const { verdicts } = options;
  const capture = step.capture === undefined ? undefined : new RegExp(step.capture);
  const failed = step.failIf === undefined ? undefined : failureTest(step.failIf);
  const request: autocannon.Request = {
    method: "POST",
    path: step.path,
    headers: headersFor(step, options.connection),
    body: step.encoding === "base64" ? Buffer.from(step.body, "base64") : step.body,
  };
  if (step.encoding !== "base64" && step.body.includes("{{carry}}")) {
    const [head, tail] = step.body.split("{{carry}}", 2) as [string, string];
    // Only sequences that carry a value pay for rebuilding their request each time.
    request.setupRequest = (req, context) => ({ ...req, body: head + ((context as CarryContext).carry ?? "null") + tail });
  }
  if (capture !== undefined || failed !== undefined) {
    request.onResponse = (status, body, context) => {
      verdicts.failedLast = failed !== undefined && failed(body);
      if (capture !== undefined) {
        const found = capture.exec(body)?.[1];
        if (found !== undefined) (context as CarryContext).carry = found;
        else delete (context as CarryContext).carry;
      }
    };
  }
  return request;
}

export async function runHttpLoad(run: LoadRun, load: HttpLoad): Promise<SideMeasurement> {
  const window = new MeasurementWindow(run);
  const verdicts = new StepVerdicts();
  const tenants = load.tenants ?? load.connections;
  const requestsOf = (connection: number) => load.steps.map((step) => requestFor(step, { connection, verdicts }));
  let nextConnection = 0;
  const clients: autocannon.Client[] = [];
  let result: SideMeasurement | undefined;
  const finished = new Promise<void>((resolve, reject) => {
    const instance = autocannon(
      {
        url: run.target.httpUrl,
        connections: load.connections,
        // Stopped explicitly once the window closes; this is only a backstop.
        duration: (run.warmupMs + run.durationMs) / 1000 + 30,
        timeout: 10,
        requests: requestsOf(0),
        setupClient: (client) => {
          clients.push(client);
          client.setRequests(requestsOf(nextConnection++ % tenants));
          client.on("response", (status: number, _bytes: number, ms: number) => {
            const failed = verdicts.failedLast || status < 200 || status >= 300;
            verdicts.failedLast = false;
            if (failed) window.failure();
            else window.success(ms);
          });
        },
      },
      (error) => (error ? reject(error as Error) : resolve()),
    );
    instance.on("reqError", () => window.failure());
    void window.measure().then(
      (measurement) => {
        result = measurement;
        if (load.steps.length === 1) {
          instance.stop();
          return;
        }
        finishSequences({ clients, steps: load.steps.length });
        // A backstop: a connection that cannot finish its sequence must not hang the run.
        setTimeout(() => instance.stop(), 15_000).unref();
      },
      (error: unknown) => {
        instance.stop();
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
  await finished;
  if (result === undefined) throw new Error("autocannon finished before the measurement window closed");
  return result;
}
