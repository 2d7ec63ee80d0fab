// The black-box suite of Baton's SurrealDB RPC endpoints, driven by @baton/client-sdk's RpcClient
// against a real server. Written once, run per backend and transport by
// `<backend>-<transport>.test.ts`, in both formats.
import type { RpcFormat } from "@baton/client-sdk";
import { describe } from "vitest";
import type { Backend } from "../libsql-client/backends.js";
import { authCases } from "./rpc-auth.case.js";
import { badInputCases } from "./rpc-bad-input.case.js";
import { useRpcBaton, type RpcTransport } from "./rpc-fixture.js";
import { interopCases } from "./rpc-interop.case.js";
import { limitCases, transactionExpiryCases } from "./rpc-limits.case.js";
import { methodCases } from "./rpc-methods.case.js";
import { queryCases } from "./rpc-query.case.js";
import { seedExampleCases } from "./rpc-seed-examples.case.js";
import { sessionCases, sessionExpiryCases } from "./rpc-sessions.case.js";
import { transactionCases } from "./rpc-transactions.case.js";
import { valueCases } from "./rpc-values.case.js";

const FORMATS: readonly RpcFormat[] = ["cbor", "json"];

export function rpcSuite(transport: RpcTransport, backend: Backend): void {
  for (const format of FORMATS) {
    describe(`SurrealDB RPC over ${transport} (${format}) on ${backend.label}`, () => {
      describe("shared server", () => {
        const baton = useRpcBaton({ transport, format, backend });
        methodCases(baton);
        seedExampleCases(baton);
        sessionCases(baton);
        transactionCases(baton);
        queryCases(baton);
        authCases(baton);
        badInputCases(baton);
        interopCases(baton);
        valueCases(baton);
        limitCases(baton);
      });
      if (transport === "http") sessionExpiryCases({ transport, format, backend });
      if (transport === "ws") transactionExpiryCases({ transport, format, backend });
    });
  }
}
