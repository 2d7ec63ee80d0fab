import { describe, expect, it } from "vitest";
import { type DefineStatement, printDefinition } from "./definition-printer.js";
import { parseQuery } from "./parser.js";

/** The one statement of `text`, a DEFINE, printed normalised. */
function printed(text: string): string {
  const [statement] = parseQuery(text).statements;
  if (statement === undefined || !statement.kind.startsWith("define-")) throw new Error(`not a definition: ${text}`);
  return printDefinition(statement as DefineStatement, { source: text });
}

describe("printDefinition", () => {
  it.each([
    ["DEFINE FIELD name ON user TYPE STRING", "DEFINE FIELD name ON user TYPE string PERMISSIONS FULL"],
    ["DEFINE TABLE person", "DEFINE TABLE person TYPE ANY SCHEMALESS PERMISSIONS NONE"],
    ["DEFINE TABLE IF NOT EXISTS user SCHEMAFULL COMMENT 'people'", "DEFINE TABLE user TYPE ANY SCHEMAFULL COMMENT 'people' PERMISSIONS NONE"],
    ["DEFINE TABLE likes TYPE RELATION FROM user TO post | comment", "DEFINE TABLE likes TYPE RELATION IN user OUT post | comment SCHEMALESS PERMISSIONS NONE"],
    ["DEFINE INDEX email ON TABLE user COLUMNS email UNIQUE", "DEFINE INDEX email ON user FIELDS email UNIQUE"],
    ["DEFINE FUNCTION fn::greet($name: string) { RETURN 'Hello, ' + $name; }", "DEFINE FUNCTION fn::greet($name: string) { RETURN 'Hello, ' + $name } PERMISSIONS FULL"],
    ["DEFINE FIELD OVERWRITE age ON user TYPE option<int> DEFAULT 18 ASSERT $value >= 0 AND $value < 150", "DEFINE FIELD age ON user TYPE none | int DEFAULT 18 ASSERT $value >= 0 && $value < 150 PERMISSIONS FULL"],
    ["DEFINE FIELD email ON user TYPE string ASSERT string::is_email($value)", "DEFINE FIELD email ON user TYPE string ASSERT string::is_email($value) PERMISSIONS FULL"],
    ["DEFINE PARAM $limit VALUE 10", "DEFINE PARAM $limit VALUE 10 PERMISSIONS FULL"],
  ])("%s", (source, expected) => {
    expect(printed(source)).toBe(expected);
  });

  it("parenthesises operands that bind more loosely than their operator", () => {
    expect(printed("DEFINE FIELD x ON t VALUE ($a + 1) * 2 - (3 - $b) OR !($c AND $d)")).toBe("DEFINE FIELD x ON t VALUE ($a + 1) * 2 - (3 - $b) || !($c && $d) PERMISSIONS FULL");
  });

  // Stored texts are parsed again (definition-cache.ts): printing what was printed changes nothing.
  it.each([
    "DEFINE TABLE user SCHEMAFULL",
    "DEFINE TABLE OVERWRITE log DROP SCHEMALESS PERMISSIONS FOR select FULL",
    "DEFINE TABLE knows TYPE RELATION IN person OUT person ENFORCED",
    "DEFINE TABLE `odd name` TYPE NORMAL COMMENT \"it's\"",
    "DEFINE FIELD name.first ON TABLE user TYPE string",
    "DEFINE FIELD tags[*] ON user TYPE array<string, 10>",
    "DEFINE FIELD tags ON user TYPE set<int> DEFAULT []",
    "DEFINE FIELD meta ON user FLEXIBLE TYPE object",
    "DEFINE FIELD meta ON user TYPE object FLEXIBLE DEFAULT { a: 1, 'b c': [1, 2.5, 'x'] }",
    "DEFINE FIELD friend ON user TYPE option<record<user | admin>> READONLY",
    "DEFINE FIELD kind ON user TYPE 'a' | 'b' | 1 DEFAULT ALWAYS 'a'",
    "DEFINE FIELD spot ON place TYPE geometry<point | polygon>",
    "DEFINE FIELD created ON user VALUE $before OR time::now() READONLY",
    "DEFINE FIELD updated ON user VALUE time::now() COMMENT 'touched'",
    "DEFINE FIELD total ON order VALUE math::sum($this.items[*].price) * (1 + $tax)",
    "DEFINE FIELD first ON order VALUE $this.items[0].name ?? 'none'",
    "DEFINE FIELD active ON user VALUE $value IS NOT NONE AND $value NOT IN [1, 2]",
    "DEFINE FIELD score ON user TYPE float VALUE <float> $value ASSERT $value INSIDE 0..=100",
    "DEFINE FIELD owner ON post VALUE $auth.id ?: person:tobie",
    "DEFINE FIELD link ON post DEFAULT person:⟨john doe⟩",
    "DEFINE FIELD n ON post VALUE (SELECT VALUE count() FROM comment WHERE post = $parent.id GROUP ALL)[0]",
    "DEFINE FIELD neg ON t VALUE -$value + -(1 - 2) ASSERT !$value.ok",
    "DEFINE FIELD pick ON t VALUE IF $value > 1 { 'big' } ELSE IF $value = 1 { 'one' } ELSE { 'small' }",
    "DEFINE FIELD outs ON person VALUE ->knows->person.name",
    "DEFINE FIELD when ON t DEFAULT d'2024-01-01T00:00:00Z' ASSERT $value > d'2000-01-01T00:00:00Z'",
    "DEFINE FIELD id2 ON t DEFAULT u'0190b8a4-0e6a-7f3e-9c5e-2d0f3f3f3f3f'",
    "DEFINE FIELD dur ON t DEFAULT 1h30m",
    "DEFINE FIELD fx ON t VALUE |$x: int| $x * 2",
    "DEFINE INDEX idx ON t FIELDS a, b.c",
    "DEFINE INDEX IF NOT EXISTS u ON TABLE t COLUMNS email UNIQUE COMMENT 'one each'",
    "DEFINE FUNCTION fn::add($a: int, $b: int) -> int { RETURN $a + $b; }",
    "DEFINE FUNCTION fn::math::double($x) { LET $y = $x * 2; RETURN $y; } COMMENT 'doubles'",
    "DEFINE FUNCTION fn::none() {}",
    "DEFINE FUNCTION OVERWRITE fn::last($list: array<int>) { $list[$] } PERMISSIONS FULL",
    "DEFINE PARAM $endpoint VALUE 'https://example.com'",
    "DEFINE PARAM $things VALUE [1, 'two', { three: 3 }]",
  ])("%s prints the same text once parsed again", (source) => {
    const once = printed(source);
    expect(printed(once)).toBe(once);
  });
});
