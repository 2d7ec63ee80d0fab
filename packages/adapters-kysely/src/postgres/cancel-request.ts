// Postgres's CancelRequest: a separate short connection that asks the server to interrupt the
// statement a backend is running (the statement then fails with 57014). Used when a stream lets
// go of a connection whose statement is still running, so the backend does not keep working
// for nobody.
import { Connection } from "pg";

/** The parts of a node-pg Client that identify its backend. */
export interface CancelTarget {
  readonly host?: string;
  readonly port?: number;
}

/** The parts of node-pg's Connection used to send the request (lib/connection.js). */
interface CancelChannel {
  connect(portOrPath: number | string, host?: string): void;
  cancel(processId: number, secretKey: number): void;
  on(event: "connect" | "error" | "end", listener: () => void): unknown;
}

/** Asks the server to cancel `client`'s running statement; resolves when the request is sent or failed. */
export function requestCancel(client: CancelTarget): Promise<void> {
  // BackendKeyData fields node-pg keeps on the client but does not declare.
  const { processID, secretKey } = client as { processID?: unknown; secretKey?: unknown };
  const { host, port } = client;
  if (typeof processID !== "number" || typeof secretKey !== "number" || port === undefined) return Promise.resolve();
  return new Promise((resolve) => {
    const channel = new Connection() as unknown as CancelChannel;
    channel.on("error", () => resolve());
    channel.on("end", () => resolve());
    // The server reads the request and closes the connection itself, as node-pg expects.
    channel.on("connect", () => channel.cancel(processID, secretKey));
    // As node-pg's own Client#cancel: a host starting with "/" is a Unix socket directory.
    if (host?.startsWith("/") === true) channel.connect(`${host}/.s.PGSQL.${port}`);
    else channel.connect(port, host ?? "localhost");
  });
}
