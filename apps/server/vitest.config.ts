import { packageConfig } from "@baton/vitest-config";

// The restart tests stop and start database servers of their own (test/libsql-client/private-database-server.ts),
// never the shared ones, so they run among the other files.
export default packageConfig(import.meta.dirname);
