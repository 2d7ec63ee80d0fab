// The black-box conformance suite for Baton's Hrana endpoints, driven by the real
// `@libsql/client` 0.18.0 (which speaks Hrana 2, JSON). Written once, run per transport and
// backend by `<backend>-<transport>.test.ts`; the backends' genuine
// differences are in backends.ts.
import { describe } from "vitest";
import type { Backend } from "./backends.js";
import { useBaton, type Transport } from "./baton-fixture.js";
import { batchCases } from "./batch.case.js";
import { concurrencyCases } from "./concurrency.case.js";
import { errorCases } from "./errors.case.js";
import { executeMultipleCases } from "./execute-multiple.case.js";
import { lockCases } from "./locks.case.js";
import { poolCases } from "./pool.case.js";
import { resultCases } from "./results.case.js";
import { tenantCases } from "./tenants.case.js";
import { transactionCases } from "./transaction.case.js";
import { valueCases } from "./values.case.js";

/** Registers every case against a fresh Baton server in front of `backend`, with clients using `transport` URLs. */
export function libsqlClientSuite(transport: Transport, backend: Backend): void {
  describe(`@libsql/client over ${transport}:// on ${backend.name}`, () => {
    describe("shared server", () => {
      // The default busy timeout (5 s): the concurrency cases queue up to 100 writers, and the
      // last of them waits for all the others. A write lock leaked by one case still shows as
      // SQLITE_BUSY in the next; the lock cases use their own server with a shorter timeout.
      const baton = useBaton(transport, backend);
      valueCases(baton);
      resultCases(baton);
      batchCases(baton);
      transactionCases(baton);
      executeMultipleCases(baton);
      errorCases(baton);
      concurrencyCases(baton);
      tenantCases(baton);
    });
    lockCases(transport, backend);
    poolCases(transport, backend);
  });
}
