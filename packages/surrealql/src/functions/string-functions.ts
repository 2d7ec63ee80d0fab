// The `string::*` SurrealQL functions. Lengths and positions count Unicode characters; outputs
// are capped at SurrealDB's generation limit (1 MiB) so one call cannot exhaust memory.
import { Range, Table, parseRecordId } from "@baton/codecs";
import { intValue } from "../values/surreal-number.js";
import { valueToRawString } from "../values/value-text.js";
import { anyValue, int, literal, optional, regex, rest, text } from "./argument-kinds.js";
import { parsesWithFormat } from "./datetime-format.js";
import { parseDatetimeText } from "./datetime-calendar.js";
import { coerceArgument, functionArgumentError } from "./function-arguments.js";
import { ArgumentProblem, defineFunctions, fn, type FunctionDefinition } from "./function-definition.js";
import type { FunctionTable } from "./function-types.js";
import { compareSemver, formatSemver, parseSemver, type SemverVersion } from "./semver-version.js";
import {
  damerauLevenshtein,
  hamming,
  jaro,
  jaroWinkler,
  levenshtein,
  normalized,
  optimalStringAlignment,
  sorensenDice,
} from "./string-distances.js";
import { isDomain, isEmail, isIp, isIpv4, isIpv6, isLatitude, isLongitude, isUuidText } from "./string-predicates.js";
import { isUlid } from "./ulid-text.js";

/** SurrealDB's default generation allocation limit (2^20 bytes). */
const OUTPUT_LIMIT = 1_048_576;
/** SurrealDB's default limit on each input of a distance or similarity (they cost n × m). */
const SIMILARITY_LIMIT = 16_384;

const bytes = (value: string) => Buffer.byteLength(value, "utf8");

function withinLimit(size: number): void {
  if (size > OUTPUT_LIMIT) throw new ArgumentProblem(`Output must not exceed ${OUTPUT_LIMIT} bytes.`);
}

/** A value as the string functions join it: strings raw, uuids and datetimes plain, others as SurrealQL. */
const rawText = (value: unknown): string => (value instanceof RegExp ? literal(value) : valueToRawString(value));

const joined = (parts: readonly string[]): string => {
  withinLimit(parts.reduce((total, part) => total + bytes(part), 0));
  return parts.join("");
};

/** Upper-cases each lower-case letter that starts the text or follows white space. */
function capitalize(value: string): string {
  let previousIsSpace = true;
  let result = "";
  for (const character of value) {
    result += previousIsSpace && /\p{Lowercase}/u.test(character) ? character.toUpperCase() : character;
    previousIsSpace = /\p{White_Space}/u.test(character);
  }
  return result;
}

function replace(value: string, options: { search: unknown; replacement: string }): string {
  const { search, replacement } = options;
  if (typeof search === "string") {
    const growth = bytes(replacement) - bytes(search);
    if (growth > 0 && search !== "") withinLimit(bytes(value) + value.split(search).length * growth);
    return value.replaceAll(search, () => replacement);
  }
  if (!(search instanceof RegExp)) {
    throw new ArgumentProblem(`Argument 2 was the wrong type. Expected a string but found ${literal(search)}`);
  }
  // Every match is replaced by the text as it is (no `$1` expansion), as Rust's regex replace here.
  const global = new RegExp(search.source, search.flags.includes("g") ? search.flags : `${search.flags}g`);
  let result = "";
  let last = 0;
  for (const match of value.matchAll(global)) {
    result += value.slice(last, match.index) + replacement;
    withinLimit(bytes(result));
    last = match.index + match[0].length;
  }
  result += value.slice(last);
  withinLimit(bytes(result));
  return result;
}

type Bound = { kind: "included" | "excluded"; value: bigint } | { kind: "unbounded" };

/** An int bound of `string::slice`; SurrealDB names `array::slice` in this error, and so do we. */
function sliceInt(value: unknown): bigint {
  return coerceArgument(int, { name: "array::slice", value, position: 1 });
}

function sliceBounds(start: unknown, end: bigint | undefined): [Bound, Bound] {
  if (end !== undefined) return [{ kind: "included", value: sliceInt(start) }, { kind: "excluded", value: end }];
  if (start instanceof Range) {
    const bound = (b: Range["begin"]): Bound => (b.kind === "unbounded" ? b : { kind: b.kind, value: sliceInt(b.value) });
    return [bound(start.begin), bound(start.end)];
  }
  return [{ kind: "included", value: sliceInt(start) }, { kind: "unbounded" }];
}

/** `string::slice(text, start, end)` or `(text, range)`: characters from start up to (not including) end; negatives count from the end. */
function slice(value: string, options: { start: unknown; end: bigint | undefined }): string {
  if (options.start === undefined) return value;
  const characters = [...value];
  const length = BigInt(characters.length);
  const [begin, finish] = sliceBounds(options.start, options.end);
  const max = (a: bigint, b: bigint) => (a > b ? a : b);
  let from = 0n;
  if (begin.kind === "included") from = begin.value < 0n ? max(length + begin.value, 0n) : begin.value;
  if (begin.kind === "excluded") from = begin.value < 0n ? max(length + begin.value + 1n, 0n) : begin.value + 1n;
  let to = length;
  if (finish.kind === "included") to = (finish.value < 0n ? max(length + finish.value, 0n) : finish.value) + 1n;
  if (finish.kind === "excluded") {
    if (finish.value === 0n || (finish.value < 0n && length + finish.value - 1n < 0n)) return "";
    to = finish.value < 0n ? length + finish.value : finish.value;
  }
  return from >= to ? "" : characters.slice(Number(from), Number(to < length ? to : length)).join("");
}

/** A test that is false for empty text and otherwise holds for every character. */
const everyCharacter = (pattern: RegExp): FunctionDefinition => fn([text], ([value]) => value !== "" && pattern.test(value));

const test = (predicate: (value: string) => boolean): FunctionDefinition => fn([text], ([value]) => predicate(value));

function isRecord(value: string, table: unknown): boolean {
  let id;
  try {
    id = parseRecordId(value);
  } catch {
    return false;
  }
  if (table === undefined) return true;
  if (typeof table === "string" || table instanceof Table) return id.table === String(table);
  // SurrealDB's own message names the function with its parentheses, hence the doubled `()()`.
  throw functionArgumentError("string::is_record()", "Expected an optional string or table type for the second argument");
}

/** A distance or similarity, refusing inputs above SurrealDB's size limit. */
function measure(compute: (a: string, b: string) => number): FunctionDefinition {
  return fn([text, text], ([a, b]) => {
    if (bytes(a) > SIMILARITY_LIMIT || bytes(b) > SIMILARITY_LIMIT) {
      throw new ArgumentProblem(`Input strings must not exceed ${SIMILARITY_LIMIT} bytes (got ${bytes(a)} and ${bytes(b)}).`);
    }
    return compute(a, b);
  });
}

function semver(value: string, message = "Invalid semantic version"): SemverVersion {
  const version = parseSemver(value);
  if (version === undefined) throw new ArgumentProblem(message);
  return version;
}

/** `string::semver::inc::*`: the version with one number raised (pre-release and build kept, as the semver crate does). */
const semverIncrement = (update: (version: SemverVersion) => SemverVersion): FunctionDefinition =>
  fn([text], ([value]) => formatSemver(update(semver(value))));

/** `string::semver::set::*`: the version with one number replaced (read as u64, as Rust's `as u64`). */
const semverSet = (update: (version: SemverVersion, number: bigint) => SemverVersion): FunctionDefinition =>
  fn([text, int], ([value, number]) => formatSemver(update(semver(value), BigInt.asUintN(64, number))));

/** A semver number as SurrealDB returns it: an int (a u64 cast to i64). */
const semverNumber = (number: bigint) => intValue(BigInt.asIntN(64, number));

const IS_FUNCTIONS = [
  "alphanum", "alpha", "ascii", "datetime", "domain", "email", "hexadecimal", "ip", "ipv4", "ipv6",
  "latitude", "longitude", "numeric", "semver", "url", "ulid", "uuid", "record",
] as const;

export const stringFunctions: FunctionTable = defineFunctions(
  {
    "string::capitalize": fn([text], ([value]) => capitalize(value)),
    "string::concat": fn([rest(anyValue)], ([values]) => joined(values.map(rawText))),
    "string::contains": fn([text, text], ([value, part]) => value.includes(part)),
    "string::ends_with": fn([text, text], ([value, part]) => value.endsWith(part)),
    "string::join": fn([rest(anyValue)], ([values]) => {
      if (values.length === 0) throw new ArgumentProblem("Expected at least one argument");
      const [separator = "", ...parts] = values.map(rawText);
      return joined(parts.flatMap((part, i) => (i === 0 ? [part] : [separator, part])));
    }),
    "string::len": fn([text], ([value]) => [...value].length),
    "string::lowercase": fn([text], ([value]) => value.toLowerCase()),
    "string::matches": fn([text, regex], ([value, pattern]) => new RegExp(pattern.source, pattern.flags.replace("g", "")).test(value)),
    "string::repeat": fn([text, int], ([value, count]) => {
      // A negative count is a huge one to SurrealDB (Rust's `as usize`): over the limit.
      withinLimit(count < 0n ? Infinity : bytes(value) * Number(count));
      return value.repeat(Number(count));
    }),
    "string::replace": fn([text, anyValue, text], ([value, search, replacement]) => replace(value, { search, replacement })),
    "string::reverse": fn([text], ([value]) => [...value].reverse().join("")),
    "string::slice": fn([text, optional(anyValue), optional(int)], ([value, start, end]) => slice(value, { start, end })),
    "string::slug": fn([text], ([value]) =>
      // SurrealDB transliterates with `deunicode`; here accents are stripped and other letters dropped.
      value
        .normalize("NFKD")
        .replace(/\p{M}/gu, "")
        .toLowerCase()
        .replace(/[^a-z0-9\-_]/g, "-")
        .replace(/-+/g, "-")
        .replace(/^-+|-+$/g, ""),
    ),
    "string::split": fn([text, text], ([value, separator]) =>
      // Rust splits on "" around every character, empty ends included.
      separator === "" ? ["", ...value, ""] : value.split(separator),
    ),
    "string::starts_with": fn([text, text], ([value, part]) => value.startsWith(part)),
    "string::trim": fn([text], ([value]) => value.replace(/^\p{White_Space}+|\p{White_Space}+$/gu, "")),
    "string::uppercase": fn([text], ([value]) => value.toUpperCase()),
    "string::words": fn([text], ([value]) => value.split(/\p{White_Space}+/u).filter((word) => word !== "")),

    "string::distance::damerau_levenshtein": measure(damerauLevenshtein),
    "string::distance::hamming": measure((a, b) => {
      const distance = hamming(a, b);
      if (distance === undefined) throw new ArgumentProblem("Strings must be of equal length.");
      return distance;
    }),
    "string::distance::levenshtein": measure(levenshtein),
    "string::distance::normalized_damerau_levenshtein": measure((a, b) => normalized(damerauLevenshtein, a, b)),
    "string::distance::normalized_levenshtein": measure((a, b) => normalized(levenshtein, a, b)),
    "string::distance::osa": measure((a, b) => optimalStringAlignment(a, b)),
    "string::similarity::jaro": measure(jaro),
    "string::similarity::jaro_winkler": measure(jaroWinkler),
    "string::similarity::sorensen_dice": measure(sorensenDice),

    "string::is_alphanum": everyCharacter(/^[\p{Alphabetic}\p{N}]+$/u),
    "string::is_alpha": everyCharacter(/^\p{Alphabetic}+$/u),
    "string::is_ascii": everyCharacter(/^\p{ASCII}+$/u),
    "string::is_datetime": fn([text, optional(text)], ([value, format]) =>
      format === undefined ? parseDatetimeText(value) !== undefined : parsesWithFormat(value, format),
    ),
    "string::is_domain": test(isDomain),
    "string::is_email": test(isEmail),
    "string::is_hexadecimal": everyCharacter(/^[0-9a-fA-F]+$/),
    "string::is_ip": test(isIp),
    "string::is_ipv4": test(isIpv4),
    "string::is_ipv6": test(isIpv6),
    "string::is_latitude": test(isLatitude),
    "string::is_longitude": test(isLongitude),
    "string::is_numeric": everyCharacter(/^\p{N}+$/u),
    "string::is_semver": test((value) => parseSemver(value) !== undefined),
    "string::is_url": test((value) => URL.canParse(value)),
    "string::is_ulid": test(isUlid),
    "string::is_uuid": test(isUuidText),
    "string::is_record": fn([text, optional(anyValue)], ([value, table]) => isRecord(value, table)),

    "string::semver::compare": fn([text, text], ([left, right]) =>
      compareSemver(
        semver(left, "Invalid semantic version string for left argument"),
        semver(right, "Invalid semantic version string for right argument"),
      ),
    ),
    "string::semver::major": fn([text], ([value]) => semverNumber(semver(value).major)),
    "string::semver::minor": fn([text], ([value]) => semverNumber(semver(value).minor)),
    "string::semver::patch": fn([text], ([value]) => semverNumber(semver(value).patch)),
    "string::semver::inc::major": semverIncrement((v) => ({ ...v, major: v.major + 1n, minor: 0n, patch: 0n })),
    "string::semver::inc::minor": semverIncrement((v) => ({ ...v, minor: v.minor + 1n, patch: 0n })),
    "string::semver::inc::patch": semverIncrement((v) => ({ ...v, patch: v.patch + 1n })),
    "string::semver::set::major": semverSet((v, major) => ({ ...v, major })),
    "string::semver::set::minor": semverSet((v, minor) => ({ ...v, minor })),
    "string::semver::set::patch": semverSet((v, patch) => ({ ...v, patch })),
  },
  {
    // SurrealDB 2's spellings, renamed in 3.
    ...Object.fromEntries(IS_FUNCTIONS.map((name) => [`string::is::${name}`, `string::is_${name}`])),
    "string::distance::osa_distance": "string::distance::osa",
  },
);
