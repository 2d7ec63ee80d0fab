// The black-box suite that drives the official `surrealdb` SDK (2.0.8) against a real Baton
// server. Written once, run per backend and transport by `<backend>-<transport>.test.ts`;
// sessions, transactions and live queries only over WebSocket, where the SDK offers them.
import { describe } from "vitest";
import type { Backend } from "../libsql-client/backends.js";
import type { RpcTransport } from "../rpc/rpc-fixture.js";
import { connectionCases } from "./connection.case.js";
import { createCases, selectCases } from "./create-select.case.js";
import { liveCases } from "./live.case.js";
import { queryCases } from "./query.case.js";
import { reconnectCases } from "./reconnect.case.js";
import { relateCases } from "./relate.case.js";
import { useSdkBaton } from "./sdk-fixture.js";
import { sessionCases } from "./sessions.case.js";
import { valueCases } from "./values.case.js";
import { insertCases, updateCases } from "./write.case.js";

export function sdkSuite(transport: RpcTransport, backend: Backend): void {
  describe(`surrealdb SDK over ${transport} on ${backend.label}`, () => {
    const baton = useSdkBaton({ transport, backend });
    connectionCases(baton);
    createCases(baton);
    selectCases(baton);
    insertCases(baton);
    updateCases(baton);
    relateCases(baton);
    queryCases(baton);
    valueCases(baton);
    if (transport === "ws") sessionCases(baton);
    if (transport === "ws") liveCases(baton);
    if (transport === "ws") reconnectCases(baton);
  });
}
