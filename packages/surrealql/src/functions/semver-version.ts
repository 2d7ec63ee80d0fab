// Semantic versions as the `semver` crate (which SurrealDB uses) reads, orders and prints them:
// `MAJOR.MINOR.PATCH[-pre][+build]`, no leading zeros in numbers, pre-releases below releases.

export interface SemverVersion {
  readonly major: bigint;
  readonly minor: bigint;
  readonly patch: bigint;
  readonly pre: readonly string[];
  readonly build: readonly string[];
}

const NUMBER = "(0|[1-9]\\d*)";
const PRE_IDENTIFIER = "(?:0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*)";
const BUILD_IDENTIFIER = "[0-9A-Za-z-]+";
const VERSION = new RegExp(
  `^${NUMBER}\\.${NUMBER}\\.${NUMBER}(?:-(${PRE_IDENTIFIER}(?:\\.${PRE_IDENTIFIER})*))?(?:\\+(${BUILD_IDENTIFIER}(?:\\.${BUILD_IDENTIFIER})*))?$`,
);
const U64_MAX = 2n ** 64n - 1n;

export function parseSemver(text: string): SemverVersion | undefined {
  const match = VERSION.exec(text);
  if (match === null) return undefined;
  const [, major = "", minor = "", patch = "", pre, build] = match;
  const numbers = [major, minor, patch].map(BigInt) as [bigint, bigint, bigint];
  if (numbers.some((n) => n > U64_MAX)) return undefined;
  return {
    major: numbers[0],
    minor: numbers[1],
    patch: numbers[2],
    pre: pre === undefined ? [] : pre.split("."),
    build: build === undefined ? [] : build.split("."),
  };
}

export function formatSemver(version: SemverVersion): string {
  const pre = version.pre.length === 0 ? "" : `-${version.pre.join(".")}`;
  const build = version.build.length === 0 ? "" : `+${version.build.join(".")}`;
  return `${version.major}.${version.minor}.${version.patch}${pre}${build}`;
}

const sign = (a: bigint, b: bigint): -1 | 0 | 1 => (a < b ? -1 : a > b ? 1 : 0);
const isNumeric = (identifier: string) => /^\d+$/.test(identifier);

/** Identifiers in turn: numbers numerically and below words, words by their bytes; a prefix is less. */
function compareIdentifiers(a: readonly string[], b: readonly string[]): -1 | 0 | 1 {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const [x = "", y = ""] = [a[i], b[i]];
    if (x === y) continue;
    if (isNumeric(x) && isNumeric(y)) {
      // Build identifiers may have leading zeros: equal numbers then order by length.
      return sign(BigInt(x), BigInt(y)) || sign(BigInt(x.length), BigInt(y.length));
    }
    if (isNumeric(x) !== isNumeric(y)) return isNumeric(x) ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return sign(BigInt(a.length), BigInt(b.length));
}

/** The semver crate's order: the numbers, then the pre-release (none is greatest), then the build. */
export function compareSemver(a: SemverVersion, b: SemverVersion): -1 | 0 | 1 {
  const numbers = sign(a.major, b.major) || sign(a.minor, b.minor) || sign(a.patch, b.patch);
  if (numbers !== 0) return numbers;
  if (a.pre.length === 0 || b.pre.length === 0) {
    const release = sign(BigInt(a.pre.length === 0 ? 1 : 0), BigInt(b.pre.length === 0 ? 1 : 0));
    if (release !== 0) return release;
  } else {
    const pre = compareIdentifiers(a.pre, b.pre);
    if (pre !== 0) return pre;
  }
  return compareIdentifiers(a.build, b.build);
}
