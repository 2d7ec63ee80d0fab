#!/usr/bin/env node
// Loads the TypeScript CLI through tsx so schema registries can be imported as source.
import { tsImport } from "tsx/esm/api";

const { main } = await tsImport("../src/cli.ts", import.meta.url);
process.exitCode = await main(process.argv.slice(2));
