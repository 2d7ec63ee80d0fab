// The SurrealQL built-in function library: every family's table in one lookup, shared by the
// `run` RPC method and by function calls inside queries. `fn::` functions are the database's
// own (DEFINE FUNCTION) and are looked up by the executor, not here.
import { arrayFunctions } from "./array-functions.js";
import { cryptoFunctions } from "./crypto-functions.js";
import { durationFunctions } from "./duration-functions.js";
import type { SurrealFunction } from "./function-types.js";
import { mathFunctions } from "./math-functions.js";
import { metaFunctions } from "./meta-functions.js";
import { miscFunctions } from "./misc-functions.js";
import { objectFunctions } from "./object-functions.js";
import { randFunctions } from "./rand-functions.js";
import { recordFunctions } from "./record-functions.js";
import { sessionFunctions } from "./session-functions.js";
import { stringFunctions } from "./string-functions.js";
import { timeFunctions } from "./time-functions.js";
import { typeFunctions } from "./type-functions.js";

const LIBRARY: ReadonlyMap<string, SurrealFunction> = new Map(
  [
    arrayFunctions,
    cryptoFunctions,
    durationFunctions,
    mathFunctions,
    metaFunctions,
    miscFunctions,
    objectFunctions,
    randFunctions,
    recordFunctions,
    sessionFunctions,
    stringFunctions,
    timeFunctions,
    typeFunctions,
  ].flatMap((table) => Object.entries(table)),
);

/** The built-in function of that full name (`string::len`, `count`), or undefined. */
export function builtinFunction(name: string): SurrealFunction | undefined {
  return LIBRARY.get(name.toLowerCase());
}

/** Every built-in function's name, for docs and tests. */
export function builtinFunctionNames(): string[] {
  return [...LIBRARY.keys()].sort();
}
