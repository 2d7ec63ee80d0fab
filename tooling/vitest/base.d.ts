// Types for base.js, so each package's vitest.config.ts type-checks under `strict`.
import type { UserConfig } from "vitest/config";

/** Vitest config for the package whose directory is `dir`; `overrides` are merged into `test`. */
export declare function packageConfig(dir: string, overrides?: NonNullable<UserConfig["test"]>): UserConfig;
