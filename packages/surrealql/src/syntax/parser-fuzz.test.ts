// Random and mutated queries: whatever the text, parseQuery returns a tree whose spans lie in the
// text, or throws its own SurrealqlParseError with a position in the text, and nothing else (no
// TypeError, RangeError or stack overflow). The generator is seeded; set SURREALQL_FUZZ_SEED to
// replay a run, and the seed is printed with any failure.
import { describe, expect, it } from "vitest";
import { parseQuery } from "./parser.js";
import { SurrealqlParseError } from "./parse-error.js";

const SEED = Number(process.env["SURREALQL_FUZZ_SEED"] ?? 0x5eed_ba70);
const SOUP_CASES = 2000;
const MUTATION_CASES = 3000;

/** mulberry32: a small seeded generator, so runs repeat exactly. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CORPUS = [
  "SELECT * FROM person WHERE age > 18 AND name CONTAINS 'a' ORDER BY age DESC LIMIT 10 START 2",
  "SELECT type::fields($bind__1) FROM ONLY $bind__2 WHERE a.b = $bind__3 START $bind__4 LIMIT $bind__5 FETCH type::fields($bind__6) TIMEOUT TIMEOUT 5s VERSION $bind__7",
  "SELECT VALUE type::field($bind__1) FROM ONLY $bind__2",
  "SELECT name, ->knows->(person WHERE age > 1 AS f).name AS friends, count() FROM person:1..=5 SPLIT tags",
  "CREATE ONLY $bind__8 CONTENT { name: 'Alice', age: 30, tags: ['a', \"b\"], at: d'2024-01-01T00:00:00Z' }",
  "UPDATE person SET a += 1, b -= [2], c +?= 3, d = <int> '4' WHERE e IS NOT NONE RETURN DIFF",
  "UPSERT ONLY person:⟨tobie hitch⟩ MERGE { x: { y: [1, 2.5, 3dec, 1h30m] } }",
  "DELETE FROM ONLY person:`x y` WHERE a[WHERE b > 1][0].c ?? d RETURN BEFORE",
  "INSERT IGNORE INTO t (a, b.c) VALUES (1, 2), (3, $x) ON DUPLICATE KEY UPDATE n += 1",
  "INSERT RELATION INTO likes [{ in: person:a, out: post:[1, 'x'], w: 1 }]",
  "RELATE  ONLY $bind__1->$bind__2->$bind__3 CONTENT $bind__4",
  "RELATE person:b<-knows<-person:a SET since = time::now() UNIQUE",
  "LET $p: option<array<record<person>>> = (SELECT * FROM person)[0]; RETURN $p.name FETCH friends",
  "IF $a > 1 { CREATE t:rand(); } ELSE IF $b { RETURN 2 } ELSE { THROW 'no' }",
  "IF $a THEN 1 ELSE IF $b THEN 2 ELSE 3 END",
  "BEGIN TRANSACTION; USE NS a DB b; COMMIT; CANCEL",
  "INFO FOR TABLE person STRUCTURE; LIVE SELECT DIFF FROM $b WHERE a = 1; KILL u'0190c6b0-7c6f-7000-8000-000000000000'",
  "DEFINE TABLE OVERWRITE likes SCHEMAFULL TYPE RELATION IN person | user OUT post PERMISSIONS FOR select FULL COMMENT 'x'",
  "DEFINE FIELD IF NOT EXISTS tags[*] ON TABLE t TYPE string DEFAULT ALWAYS 'x' VALUE $value ASSERT $value != NONE READONLY",
  "DEFINE INDEX i ON t FIELDS a, b UNIQUE; DEFINE PARAM $x VALUE 1; REMOVE FIELD a.b ON t; REMOVE PARAM $x",
  "DEFINE FUNCTION fn::greet($name: string, $n) -> string { RETURN 'Hello ' + $name; } PERMISSIONS FULL",
  "math::sum($bind__88, ); ml::model<1.0.0>($b, ); fn::x(); count(); rand(); sleep(1ms); math::pi",
  "RETURN [1, -2, +3, 1e3, 0.5f, 9223372036854775807, 'it\\'s', \"\\u00e9\\u{1F600}\", r\"t:1\", b\"0aff\", NONE, null, true]",
  "RETURN (1, 2) + 1..5 + ..=3 + 4>..=5 + {} + { a } + !$x - -$y * 2 ** 3 % 4 / 5 × 6 ÷ 7",
  "RETURN a ∋ b AND c ∉ d OR e ⊆ f AND g ⊄ h AND i NOT IN j AND k ~ l AND m INSIDE n",
  "SELECT * FROM t WHERE NOT(a = $b) AND (x >= $c AND x <= $d) -- comment\n /* block */ # hash\n",
  "t:[1, $x]..=[2]; t:{a: 1}; t:123abc; t:-5; t:ulid(); t:..; `my table`:u\"0190c6b0-7c6f-7000-8000-000000000000\"",
];

const VOCABULARY = [
  ...["SELECT", "FROM", "WHERE", "ONLY", "VALUE", "AS", "OMIT", "FETCH", "GROUP", "BY", "ALL", "ORDER", "DESC", "LIMIT", "START"],
  ...["SPLIT", "TIMEOUT", "VERSION", "PARALLEL", "EXPLAIN", "WITH", "INDEX", "NOINDEX", "CREATE", "UPDATE", "UPSERT", "DELETE"],
  ...["INSERT", "INTO", "VALUES", "IGNORE", "RELATION", "ON", "DUPLICATE", "KEY", "RELATE", "SET", "UNSET", "CONTENT", "MERGE"],
  ...["REPLACE", "PATCH", "RETURN", "BEFORE", "AFTER", "DIFF", "NONE", "NULL", "LET", "IF", "THEN", "ELSE", "END", "THROW"],
  ...["BEGIN", "COMMIT", "CANCEL", "USE", "NS", "DB", "INFO", "FOR", "DEFINE", "REMOVE", "TABLE", "FIELD", "FUNCTION", "PARAM"],
  ...["TYPE", "LIVE", "KILL", "AND", "OR", "NOT", "IN", "IS", "CONTAINS", "INSIDE", "true", "false", "fn", "ml", "count", "rand"],
  ...["a", "b.c", "person", "t:1", "t:", "$x", "$", "0", "1.5", "-3", "1e", "9999999999999999999999", "1h", "2dec", "1.5f"],
  ...["'s'", '"s', "'", '"', "`", "`q`", "⟨", "⟩", "⟨a b⟩", "d'2024-01-01'", "u'", "r'", "b'0'", "\\", "\\u{", "\\u"],
  ...["(", ")", "[", "]", "{", "}", ",", ";", ":", "::", ".", "..", "...", "=", "==", "!=", "<", ">", "<=", ">=", "+", "-", "*"],
  ...["/", "%", "**", "!", "?", "??", "?:", "~", "|", "||", "&&", "@", "@@", "<|", "|>", "->", "<-", "<->", "+=", "-=", "+?="],
  ...["×", "÷", "∋", "∈", "⊆", "…", "😀", "é", "\u0000", "\t", "\n", "--", "/*", "*/", "#", "//", "<int>", "<array<", "<record<"],
];

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const int = (random: () => number, max: number): number => Math.floor(random() * max);

function tokenSoup(random: () => number): string {
  const length = 1 + int(random, 40);
  let text = "";
  for (let i = 0; i < length; i++) text += pick(random, VOCABULARY) + pick(random, ["", " ", " ", "\n"]);
  return text;
}

function mutate(random: () => number, text: string): string {
  let out = text;
  const edits = 1 + int(random, 4);
  for (let i = 0; i < edits; i++) {
    const at = int(random, out.length + 1);
    switch (int(random, 6)) {
      case 0:
        out = out.slice(0, at) + out.slice(at + 1 + int(random, 8));
        break;
      case 1:
        out = out.slice(0, at) + pick(random, VOCABULARY) + out.slice(at);
        break;
      case 2: {
        const other = int(random, out.length);
        const chars = [...out];
        [chars[at], chars[other]] = [chars[other] ?? "", chars[at] ?? ""];
        out = chars.join("");
        break;
      }
      case 3:
        out = out.slice(0, at);
        break;
      case 4:
        out = out.slice(0, at) + out.slice(int(random, out.length));
        break;
      default:
        out = out.slice(0, at) + String.fromCharCode(int(random, 0x3000)) + out.slice(at);
    }
  }
  return out;
}

/** Why the outcome of parsing `text` breaks the contract, or undefined when it keeps it. */
function violation(text: string): string | undefined {
  try {
    const query = parseQuery(text);
    const bad = query.statements.find((s) => !(0 <= s.span.start && s.span.start <= s.span.end && s.span.end <= text.length));
    return bad === undefined ? undefined : `span ${JSON.stringify(bad.span)} outside the text`;
  } catch (error) {
    if (!(error instanceof SurrealqlParseError)) return `threw ${String(error)}`;
    const inText = error.offset >= 0 && error.offset <= text.length && error.line >= 1 && error.column >= 1;
    return inText ? undefined : `error position ${error.offset} (${error.line}:${error.column}) outside the text`;
  }
}

function check(cases: Iterable<string>): string[] {
  const failures: string[] = [];
  let index = 0;
  for (const text of cases) {
    const problem = violation(text);
    if (problem !== undefined) failures.push(`seed ${SEED}, case ${index}: ${problem} for ${JSON.stringify(text.slice(0, 300))}`);
    index++;
  }
  return failures;
}

describe("parser fuzzing", () => {
  it("the corpus itself parses", () => {
    for (const text of CORPUS) expect(() => parseQuery(text), text).not.toThrow();
  });

  it(`${SOUP_CASES} random token soups`, () => {
    const random = generator(SEED);
    const cases = Array.from({ length: SOUP_CASES }, () => tokenSoup(random));
    expect(check(cases)).toEqual([]);
  });

  it(`${MUTATION_CASES} mutated queries`, () => {
    const random = generator(SEED + 1);
    const cases = Array.from({ length: MUTATION_CASES }, () => mutate(random, pick(random, CORPUS)));
    expect(check(cases)).toEqual([]);
  });

  it("deep nesting of every kind fails cleanly", () => {
    const deep = (open: string, depth = 5000) => open.repeat(depth);
    const cases = [
      deep("["),
      deep("("),
      deep("{"),
      deep("{a:"),
      deep("!"),
      deep("-"),
      deep("NOT "),
      deep("<int>"),
      deep("<array<"),
      deep("<option<"),
      deep("t:["),
      deep("IF a THEN "),
      deep("IF a { "),
      deep("(SELECT * FROM "),
      deep("a[WHERE "),
      deep("->(a WHERE "),
      deep("LET $x = "),
      deep("RETURN "),
      deep("f::g("),
      deep("..="),
      `r"t:${deep("[")}"`,
    ];
    expect(check(cases)).toEqual([]);
  });

  it("long flat input parses without recursion", () => {
    const sum = Array.from({ length: 20000 }, (_, i) => String(i)).join(" + ");
    const path = `a${".b".repeat(20000)}`;
    const many = "RETURN 1;".repeat(20000);
    expect(check([sum, path, many, `[${"1,".repeat(20000)}]`])).toEqual([]);
    expect(parseQuery(many).statements).toHaveLength(20000);
  });
});
