// The `rand::*` SurrealQL functions and plain `rand()`. Every draw comes from node:crypto (SurrealDB
// uses a cryptographically secure generator too); ranges are inclusive of both ends, and given in
// either order, as SurrealDB takes them.
import { randomBytes, randomUUID } from "node:crypto";
import { Datetime, NONE, Uuid } from "@baton/codecs";
import { uuidV7 } from "@baton/record-store";
import { anyValue, datetime, duration, float, int, optional, rest } from "./argument-kinds.js";
import { ArgumentProblem, defineFunctions, fn } from "./function-definition.js";
import type { FunctionTable } from "./function-types.js";
import { I64_MAX, I64_MIN, intOf, intValue } from "../values/surreal-number.js";
import { durationFromNanos, totalNanos } from "../values/time-arithmetic.js";
import { ulidAt } from "./ulid-text.js";

const ID_CHARACTERS = "0123456789abcdefghijklmnopqrstuvwxyz";
const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** A float in [0, 1) with 53 random bits. */
function randomUnit(): number {
  const bytes = randomBytes(7);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  return Number(bits >> 3n) / 2 ** 53;
}

/** A bigint in [low, high], both included, without modulo bias. */
export function randomBetween(low: bigint, high: bigint): bigint {
  const span = high - low + 1n;
  const bits = span.toString(2).length;
  const bytes = Math.ceil(bits / 8);
  const mask = (1n << BigInt(bits)) - 1n;
  for (;;) {
    let draw = 0n;
    for (const byte of randomBytes(bytes)) draw = (draw << 8n) | BigInt(byte);
    draw &= mask;
    if (draw < span) return low + draw;
  }
}

const pick = <T>(items: readonly T[]): T | undefined => items[Number(randomBetween(0n, BigInt(items.length - 1)))];

/** `length` characters drawn evenly from `alphabet` (bytes past the last whole multiple are redrawn). */
function randomText(alphabet: string, length: number): string {
  const unbiased = 256 - (256 % alphabet.length);
  let result = "";
  while (result.length < length) {
    for (const byte of randomBytes(length - result.length + 8)) {
      if (byte < unbiased && result.length < length) result += alphabet.charAt(byte % alphabet.length);
    }
  }
  return result;
}

/** `rand::int`, `rand::float` and `rand::time` take no bounds or both. */
function bothOrNone<T>(low: T | undefined, high: T | undefined): [T, T] | undefined {
  if (low === undefined) return undefined;
  if (high === undefined) throw new ArgumentProblem("Expected 0 or 2 arguments");
  return [low, high];
}

const ordered = (a: bigint, b: bigint): [bigint, bigint] => (a <= b ? [a, b] : [b, a]);

/** The length of `rand::string`/`rand::id`: fixed, or drawn from [min, max]; at most `limit`. */
function textLength(options: { min: bigint | undefined; max: bigint | undefined; limit: bigint; fallback: bigint }): number {
  const { min = options.fallback, max, limit } = options;
  const tooLong = `To generate a string of X characters in length, the argument must be a positive number and no higher than ${limit}.`;
  if (max === undefined) {
    if (min < 0n || min > limit) throw new ArgumentProblem(tooLong);
    return Number(min);
  }
  if (min > max) throw new ArgumentProblem("Lowerbound of number of characters must be less then the upperbound.");
  if (max > limit || min < 0n) throw new ArgumentProblem(tooLong);
  return Number(randomBetween(min, max));
}

/** The seconds `rand::time` may reach: SurrealDB's datetime range. */
const TIME_MIN = -8_334_601_228_800n;
const TIME_MAX = 8_210_266_876_799n;

/** `rand::time`'s bounds in seconds: ints or datetimes, in either order. */
function timeBounds(low: unknown, high: unknown): [bigint, bigint] {
  const seconds = (value: unknown): bigint | undefined => (value instanceof Datetime ? value.seconds : intOf(value));
  const [from, to] = [seconds(low), seconds(high)];
  if (from === undefined || to === undefined) throw new ArgumentProblem("Expected two arguments of type datetime or int");
  const inRange = (value: bigint) => value >= TIME_MIN && value <= TIME_MAX;
  if (!inRange(from) || !inRange(to)) {
    throw new ArgumentProblem(
      `To generate a random time, the 2 arguments must be numbers between ${TIME_MIN} and ${TIME_MAX} seconds from the UNIX epoch or a 'datetime' within the range d'-262143-01-01T00:00:00Z' and +262142-12-31T23:59:59Z'.`,
    );
  }
  return ordered(from, to);
}

/** Milliseconds of a datetime for a v7 UUID or a ULID, kept within their 48 bits. */
function unixMillis(value: Datetime | undefined): number {
  if (value === undefined) return Date.now();
  const ms = Number(value.seconds) * 1000 + Math.floor(value.nanoseconds / 1_000_000);
  return Math.min(Math.max(ms, 0), 2 ** 48 - 1);
}

export function uuidV4(): Uuid {
  return Uuid.parse(randomUUID());
}

export const randFunctions: FunctionTable = defineFunctions(
  {
    rand: fn([], () => randomUnit()),
    "rand::bool": fn([], () => ((randomBytes(1)[0] ?? 0) & 1) === 1),
    "rand::duration": fn([duration, duration], ([a, b]) => durationFromNanos(randomBetween(...ordered(totalNanos(a), totalNanos(b))))),
    "rand::enum": fn([rest(anyValue)], ([values]) => {
      if (values.length === 0) return NONE;
      const [only] = values;
      if (values.length === 1) return Array.isArray(only) ? (only.length === 0 ? NONE : pick(only as unknown[])) : only;
      return pick(values);
    }),
    "rand::float": fn([optional(float), optional(float)], ([low, high]) => {
      const bounds = bothOrNone(low, high);
      if (bounds === undefined) return randomUnit();
      const [from, to] = bounds[0] <= bounds[1] ? bounds : [bounds[1], bounds[0]];
      return from + randomUnit() * (to - from);
    }),
    "rand::id": fn([optional(int), optional(int)], ([min, max]) =>
      randomText(ID_CHARACTERS, textLength({ min, max, limit: 64n, fallback: 20n })),
    ),
    "rand::int": fn([optional(int), optional(int)], ([low, high]) => {
      const bounds = bothOrNone(low, high);
      return intValue(bounds === undefined ? randomBetween(I64_MIN, I64_MAX) : randomBetween(...ordered(...bounds)));
    }),
    "rand::string": fn([optional(int), optional(int)], ([min, max]) =>
      randomText(ALPHANUMERIC, textLength({ min, max, limit: 65_536n, fallback: 32n })),
    ),
    "rand::time": fn([optional(anyValue), optional(anyValue)], ([low, high]) => {
      const bounds = bothOrNone(low, high);
      // Without bounds: between d'0000-01-01T00:00:00Z' and d'9999-12-31T23:59:59Z'.
      const [from, to] = bounds === undefined ? [-62_167_219_200n, 253_402_300_799n] : timeBounds(...bounds);
      return new Datetime(randomBetween(from, to), 0);
    }),
    "rand::ulid": fn([optional(datetime)], ([at]) => ulidAt(unixMillis(at))),
    "rand::uuid": fn([optional(datetime)], ([at]) => uuidV7(unixMillis(at))),
    "rand::uuid::v4": fn([], () => uuidV4()),
    "rand::uuid::v7": fn([optional(datetime)], ([at]) => uuidV7(unixMillis(at))),
  },
  // SurrealDB 2 called `rand::id` `rand::guid`.
  { "rand::guid": "rand::id" },
);
