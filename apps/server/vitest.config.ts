import { packageConfig } from "@baton/vitest-config";
import { configDefaults } from "vitest/config";

// The restart tests stop and start the shared Postgres and MariaDB servers: they run as a group of
// their own, after every other test file, so that no other file of this package loses its database
// midway. (Projects extend the root's `include` rather than replace it, hence the empty one there.)
const TESTS = ["src/**/*.test.ts", "test/**/*.test.ts"];
const RESTART_TESTS = "test/**/*-restart.test.ts";

export default packageConfig(import.meta.dirname, {
  include: [],
  projects: [
    { extends: true, test: { name: "server", include: TESTS, exclude: [...configDefaults.exclude, RESTART_TESTS] } },
    { extends: true, test: { name: "restart", include: [RESTART_TESTS], sequence: { groupOrder: 1 } } },
  ],
});
