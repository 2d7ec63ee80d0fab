// SurrealDB's own documentation examples (surrealdb.com/docs, the statement and function pages),
// each with its documented result, for the docs suite (doc-examples.case.ts) and the table in
// docs/surrealql-examples.md. Queries are the pages' own; results are written as the values
// @baton/client-sdk decodes (CBOR): NONE, RecordId, Datetime, Decimal, Duration.
import { Duration, NONE } from "@baton/client-sdk";
import { ANY_DATETIME, ANY_NUMBER, ANY_STRING, ANY_UUID, anyId, dec, dt, NONE_OK, rid, type DocExample } from "./doc-example-types.js";

const statement = (page: string) => `https://surrealdb.com/docs/surrealql/statements/${page}`;
const fn = (page: string) => `https://surrealdb.com/docs/surrealql/functions/database/${page}`;

const TOBIE = 'CREATE person:tobie SET name.first = "Tobie", address = "1 Bagshot Row", email = "tobie@surrealdb.com";';
const TOBIE_RECORD = { address: "1 Bagshot Row", email: "tobie@surrealdb.com", id: rid("person", "tobie"), name: { first: "Tobie" } };
const PEOPLE = `INSERT INTO person [
    { gender: "M", age: 20, country: "Japan" },
    { gender: "M", age: 25, country: "Japan" },
    { gender: "F", age: 23, country: "US" },
    { gender: "F", age: 30, country: "US" },
    { gender: "F", age: 25, country: "Korea" },
    { gender: "F", age: 45, country: "UK" },
];`;
const GLADYS = [`DEFINE FIELD created ON person TYPE datetime DEFAULT d'2024-01-01T00:00:00Z' READONLY;`];
const gladys = (age: number) => [{ age, created: dt("2024-01-01T00:00:00Z"), id: rid("person", "gladys") }];
const SKILLS = ["Rust", "Go", "JavaScript"];
const COMPANY = `{
	name: 'SurrealDB',
	founded: "2021-09-10",
	founders: [person:tobie, person:jaime],
	tags: ['big data', 'database']
}`;
const COMPANY_RECORD = {
  founded: "2021-09-10",
  founders: [rid("person", "tobie"), rid("person", "jaime")],
  id: anyId("company"),
  name: "SurrealDB",
  tags: ["big data", "database"],
};
const DAY = 'd"2021-11-01T08:30:17+00:00"';
const NUMBERS = "[ 26.164, 13.746189, 23, 16.4, 41.42 ]";
const ACCOUNTS = [
  "CREATE account:one SET balance = 135605.16;",
  "CREATE account:two SET balance = 91031.31;",
  "UPDATE account:one SET balance += 300.00;",
  "UPDATE account:two SET balance -= 300.00;",
];

/** Shorthand for a one-statement example whose single result is `value`. */
function returns(example: Omit<DocExample, "expected"> & { value: unknown }): DocExample {
  const { value, ...rest } = example;
  return { ...rest, expected: [{ ok: value }] };
}

const SELECT: DocExample[] = [
  returns({ id: "select-all-fields", family: "SELECT", doc: statement("select"), setup: [TOBIE], query: "SELECT * FROM person;", value: [TOBIE_RECORD] }),
  returns({
    id: "select-named-fields",
    family: "SELECT",
    doc: statement("select"),
    setup: [TOBIE],
    query: "SELECT name, address, email FROM person;",
    value: [{ address: "1 Bagshot Row", email: "tobie@surrealdb.com", name: { first: "Tobie" } }],
  }),
  returns({ id: "select-record", family: "SELECT", doc: statement("select"), setup: [TOBIE], query: "SELECT * FROM person:tobie;", value: [TOBIE_RECORD] }),
  returns({ id: "select-only-record", family: "SELECT", doc: statement("select"), setup: [TOBIE], query: "SELECT * FROM ONLY person:tobie;", value: TOBIE_RECORD }),
  returns({
    id: "select-alias-and-function-name",
    family: "SELECT",
    doc: statement("select"),
    setup: [TOBIE],
    query: "SELECT name.first AS user_name, string::uppercase(address) FROM person;",
    value: [{ "string::uppercase": "1 BAGSHOT ROW", user_name: "Tobie" }],
  }),
  returns({
    id: "select-alias-into-nested-path",
    family: "SELECT",
    doc: statement("select"),
    setup: [TOBIE],
    query: 'SELECT name.first, "Morgan Hitchcock" AS name.last, string::uppercase(address) + "!!!" AS angry_address FROM person;',
    value: [{ angry_address: "1 BAGSHOT ROW!!!", name: { first: "Tobie", last: "Morgan Hitchcock" } }],
  }),
  returns({ id: "select-value", family: "SELECT", doc: statement("select"), setup: [TOBIE], query: "SELECT VALUE name FROM person;", value: [{ first: "Tobie" }] }),
  returns({
    id: "select-omit",
    family: "SELECT",
    doc: statement("select"),
    setup: [
      "CREATE person:tobie SET name = 'Tobie', password = '123456', opts.security = 'secure', opts.enabled = true;",
      "CREATE person:jaime SET name = 'Jaime', password = 'asdfgh', opts.security = 'secure', opts.enabled = false;",
    ],
    query: "SELECT * OMIT password, opts.security FROM person;",
    value: [
      { id: rid("person", "jaime"), name: "Jaime", opts: { enabled: false } },
      { id: rid("person", "tobie"), name: "Tobie", opts: { enabled: true } },
    ],
  }),
  returns({ id: "select-limit-start", family: "SELECT", doc: statement("select"), query: "SELECT * FROM [1,2,3,4,5,6,7,8,9,10] LIMIT 5 START 4;", value: [5, 6, 7, 8, 9] }),
  returns({
    id: "select-group-by-count-mean",
    family: "SELECT",
    doc: statement("select"),
    setup: [PEOPLE],
    query: "SELECT count() AS total, math::mean(age) AS average_age, gender, country FROM person GROUP BY gender, country;",
    value: [
      { average_age: 25, country: "Korea", gender: "F", total: 1 },
      { average_age: 45, country: "UK", gender: "F", total: 1 },
      { average_age: 26.5, country: "US", gender: "F", total: 2 },
      { average_age: 22.5, country: "Japan", gender: "M", total: 2 },
    ],
  }),
  returns({
    id: "select-count-group-all",
    family: "SELECT",
    doc: statement("select"),
    setup: [PEOPLE],
    query: "SELECT count() AS number_of_records FROM person GROUP ALL;",
    value: [{ number_of_records: 6 }],
  }),
  returns({
    id: "select-where-truthy-field",
    family: "SELECT",
    doc: statement("select"),
    setup: ["CREATE person:1 SET name = 'Ann'; CREATE person:2 SET name = ''; CREATE person:3;"],
    query: "SELECT name FROM person WHERE name;",
    value: [{ name: "Ann" }],
  }),
  returns({
    id: "select-where-in-range",
    family: "SELECT",
    doc: statement("select"),
    setup: ["CREATE person:1 SET age = 10; CREATE person:2 SET age = 40; CREATE person:3 SET age = 65; CREATE person:4 SET age = 70;"],
    query: "SELECT * FROM person WHERE age IN 18..=65;",
    value: [{ age: 40, id: rid("person", 2) }, { age: 65, id: rid("person", 3) }],
  }),
  returns({
    id: "select-several-records",
    family: "SELECT",
    doc: statement("select"),
    setup: ["CREATE user:tobie, user:jaime, company:surrealdb;"],
    query: "SELECT * FROM user:tobie, user:jaime, company:surrealdb;",
    value: [{ id: rid("user", "tobie") }, { id: rid("user", "jaime") }, { id: rid("company", "surrealdb") }],
  }),
  returns({
    id: "select-several-tables",
    family: "SELECT",
    doc: statement("select"),
    setup: ["CREATE user:one, admin:one;"],
    query: "SELECT * FROM user, admin;",
    value: [{ id: rid("user", "one") }, { id: rid("admin", "one") }],
  }),
  {
    id: "select-type-table-param",
    family: "SELECT",
    doc: statement("select"),
    setup: ["CREATE user:a SET admin = true; CREATE user:b SET admin = false;"],
    query: 'LET $table = "user"; SELECT * FROM type::table($table) WHERE admin = true;',
    expected: [NONE_OK, { ok: [{ admin: true, id: rid("user", "a") }] }],
  },
  {
    id: "select-type-record-param",
    family: "SELECT",
    doc: statement("select"),
    setup: ["CREATE user:admin SET name = 'Root';"],
    query: 'LET $table = "user"; LET $id = "admin"; SELECT * FROM type::record($table, $id);',
    expected: [NONE_OK, NONE_OK, { ok: [{ id: rid("user", "admin"), name: "Root" }] }],
  },
  returns({
    id: "select-from-subquery",
    family: "SELECT",
    doc: statement("select"),
    setup: ["CREATE user:1 SET age = 20; CREATE user:2 SET age = 12;"],
    query: "SELECT * FROM (SELECT age >= 18 AS adult FROM user) WHERE adult = true;",
    value: [{ adult: true }],
  }),
  returns({
    id: "select-array-distinct",
    family: "SELECT",
    doc: statement("select"),
    setup: ["CREATE article:1 SET tags = ['a', 'b', 'a'];"],
    query: "SELECT array::distinct(tags) FROM article;",
    value: [{ "array::distinct": ["a", "b"] }],
  }),
  returns({
    id: "select-array-group-all",
    family: "SELECT",
    doc: statement("select"),
    setup: ["CREATE article:1 SET tags = ['a', 'b']; CREATE article:2 SET tags = ['b', 'c'];"],
    query: "SELECT array::group(tags) AS tags FROM article GROUP ALL;",
    value: [{ tags: ["a", "b", "c"] }],
  }),
  returns({
    id: "select-math-expression",
    family: "SELECT",
    doc: statement("select"),
    setup: ["CREATE temperature:1 SET celsius = 100;"],
    query: "SELECT (( celsius * 1.8 ) + 32) AS fahrenheit FROM temperature;",
    value: [{ fahrenheit: 212 }],
  }),
  returns({
    id: "select-object-alias",
    family: "SELECT",
    doc: statement("select"),
    setup: ["CREATE user:1;"],
    query: "SELECT { weekly: false, monthly: true } AS `marketing settings` FROM user;",
    value: [{ "marketing settings": { monthly: true, weekly: false } }],
  }),
  returns({
    id: "select-order-by-two-fields",
    family: "SELECT",
    doc: statement("select"),
    setup: [
      "CREATE song:1 SET artist = 'B', rating = 3; CREATE song:2 SET artist = 'A', rating = 2; CREATE song:3 SET artist = 'A', rating = 5;",
    ],
    query: "SELECT * FROM song ORDER BY artist ASC, rating DESC;",
    value: [
      { artist: "A", id: rid("song", 3), rating: 5 },
      { artist: "A", id: rid("song", 2), rating: 2 },
      { artist: "B", id: rid("song", 1), rating: 3 },
    ],
  }),
  returns({
    id: "select-fetch",
    family: "SELECT",
    doc: statement("select"),
    setup: [
      "CREATE author:young SET age = 25; CREATE author:old SET age = 40;",
      "CREATE article:a SET author = author:young; CREATE article:b SET author = author:old;",
    ],
    query: "SELECT * FROM article WHERE author.age < 30 FETCH author;",
    value: [{ author: { age: 25, id: rid("author", "young") }, id: rid("article", "a") }],
  }),
  returns({
    id: "select-graph-out",
    family: "SELECT",
    doc: statement("select"),
    setup: ["CREATE person:tobie; CREATE friend:jaime SET name = 'Jaime';", "RELATE person:tobie->likes->friend:jaime;"],
    query: "SELECT ->likes->friend.name AS friends FROM person:tobie;",
    value: [{ friends: ["Jaime"] }],
  }),
  returns({
    id: "select-graph-knows-person",
    family: "SELECT",
    doc: statement("relate"),
    setup: ["CREATE person:tobie, person:jaime;", "RELATE person:tobie->knows->person:jaime;"],
    query: "SELECT ->knows->person AS knows FROM person:tobie;",
    value: [{ knows: [rid("person", "jaime")] }],
  }),
  returns({
    id: "select-graph-known-by",
    family: "SELECT",
    doc: statement("relate"),
    setup: ["CREATE person:tobie, person:jaime;", "RELATE person:tobie->knows->person:jaime;"],
    query: "SELECT <-knows<-person AS known_by FROM person:jaime;",
    value: [{ known_by: [rid("person", "tobie")] }],
  }),
  returns({
    id: "select-where-graph-condition",
    family: "SELECT",
    doc: statement("select"),
    setup: [
      "CREATE person:a, person:b, post:1;",
      "RELATE person:a->reacted_to->post:1 SET type = 'celebrate'; RELATE person:b->reacted_to->post:1 SET type = 'like';",
    ],
    query: "SELECT * FROM person WHERE ->(reacted_to WHERE type='celebrate')->post;",
    value: [{ id: rid("person", "a") }],
  }),
];

const COUNT: DocExample[] = [
  returns({ id: "count-group-all", family: "count()", doc: fn("count"), query: "SELECT count() FROM [ { age: 33 }, { age: 45 }, { age: 39 } ] GROUP ALL;", value: [{ count: 3 }] }),
  returns({
    id: "count-condition-group-all",
    family: "count()",
    doc: fn("count"),
    query: "SELECT count(age > 35) FROM [ { age: 33 }, { age: 45 }, { age: 39 } ] GROUP ALL;",
    value: [{ count: 2 }],
  }),
  returns({
    id: "count-group-by-country",
    family: "count()",
    doc: fn("count"),
    query: `SELECT country, count(age > 30) AS total FROM [
	{ age: 33, country: 'GBR' }, { age: 45, country: 'GBR' }, { age: 39, country: 'USA' },
	{ age: 29, country: 'GBR' }, { age: 25, country: 'USA' }, { age: 66, country: 'GER' }, { age: 43, country: 'USA' }
] GROUP BY country;`,
    value: [
      { country: "GBR", total: 2 },
      { country: "GER", total: 1 },
      { country: "USA", total: 2 },
    ],
  }),
  {
    id: "count-return",
    family: "count()",
    doc: fn("count"),
    query: "RETURN count(); RETURN count(true); RETURN count(10 > 15); RETURN count([ 1, 2, 3, null, 0, false, (15 > 10), rand::uuid() ]);",
    expected: [{ ok: 1 }, { ok: 1 }, { ok: 0 }, { ok: 5 }],
  },
];

const CREATE: DocExample[] = [
  returns({ id: "create-random-id", family: "CREATE", doc: statement("create"), compare: "shape", query: "CREATE person;", value: [{ id: anyId("person") }] }),
  returns({ id: "create-record-id", family: "CREATE", doc: statement("create"), query: "CREATE person:one;", value: [{ id: rid("person", "one") }] }),
  returns({
    id: "create-set",
    family: "CREATE",
    doc: statement("create"),
    query: "CREATE person:tobie SET name = 'Tobie', company = 'SurrealDB', skills = ['Rust', 'Go', 'JavaScript'];",
    value: [{ company: "SurrealDB", id: rid("person", "tobie"), name: "Tobie", skills: SKILLS }],
  }),
  returns({
    id: "create-content-numeric-id",
    family: "CREATE",
    doc: statement("create"),
    query: "CREATE person:100 CONTENT { name: 'Tobie', company: 'SurrealDB', skills: ['Rust', 'Go', 'JavaScript'] };",
    value: [{ company: "SurrealDB", id: rid("person", 100), name: "Tobie", skills: SKILLS }],
  }),
  returns({
    id: "create-several-tables",
    family: "CREATE",
    doc: statement("create"),
    compare: "shape",
    query: 'CREATE townsperson, cat, dog SET created_at = time::now(), name = "Just a " + record::tb(id);',
    value: [
      { created_at: ANY_DATETIME, id: anyId("townsperson"), name: "Just a townsperson" },
      { created_at: ANY_DATETIME, id: anyId("cat"), name: "Just a cat" },
      { created_at: ANY_DATETIME, id: anyId("dog"), name: "Just a dog" },
    ],
  }),
  returns({
    id: "create-count-of-records",
    family: "CREATE",
    doc: statement("create"),
    compare: "shape",
    query: "CREATE |townsperson:3|;",
    value: [{ id: anyId("townsperson") }, { id: anyId("townsperson") }, { id: anyId("townsperson") }],
  }),
  returns({
    id: "create-return-diff",
    family: "CREATE",
    doc: statement("create"),
    compare: "shape",
    query: 'CREATE person SET age = 46, username = "john-smith" RETURN DIFF;',
    value: [[{ op: "replace", path: "", value: { age: 46, id: anyId("person"), username: "john-smith" } }]],
  }),
  returns({ id: "create-return-before", fails: "answers `[NONE]` where the page documents `NONE` (executor, output-clause on CREATE of a table)", family: "CREATE", doc: statement("create"), query: 'CREATE person SET age = 46, username = "john-smith" RETURN BEFORE;', value: NONE }),
  returns({
    id: "create-return-after",
    family: "CREATE",
    doc: statement("create"),
    compare: "shape",
    query: 'CREATE person SET age = 46, username = "john-smith" RETURN AFTER;',
    value: [{ age: 46, id: anyId("person"), username: "john-smith" }],
  }),
  returns({
    id: "create-return-fields",
    family: "CREATE",
    doc: statement("create"),
    query: "CREATE person SET age = 46, username = \"john-smith\", interests = ['skiing', 'music'] RETURN age, interests, age + 1 AS age_next_year;",
    value: [{ age: 46, age_next_year: 47, interests: ["skiing", "music"] }],
  }),
  returns({ id: "create-return-value", family: "CREATE", doc: statement("create"), query: "CREATE |person:5| SET age = 20 RETURN VALUE age;", value: [20, 20, 20, 20, 20] }),
  {
    id: "create-with-let-param",
    family: "CREATE",
    doc: statement("let"),
    compare: "shape",
    query: 'LET $name = "tobie"; CREATE person SET name = $name;',
    expected: [NONE_OK, { ok: [{ id: anyId("person"), name: "tobie" }] }],
  },
];

const UPDATE: DocExample[] = [
  {
    id: "update-content-keeps-readonly-default",
    family: "UPDATE",
    doc: statement("update"),
    setup: GLADYS,
    query: "CREATE person:gladys SET age = 90; UPDATE person:gladys CONTENT { age: 70 };",
    expected: [{ ok: gladys(90) }, { ok: gladys(70) }],
  },
  {
    id: "update-replace-readonly-field",
    family: "UPDATE",
    doc: statement("update"),
    setup: GLADYS,
    query: "CREATE person:gladys SET age = 90; UPDATE person:gladys REPLACE { age: 70 }; UPDATE person:gladys REPLACE { age: 70, created: d'2024-01-01T00:00:00Z' };",
    expected: [{ ok: gladys(90) }, { error: "Found changed value for field `created`, with record `person:gladys`, but field is readonly" }, { ok: gladys(70) }],
  },
  returns({
    id: "update-set-add-to-array",
    family: "UPDATE",
    doc: statement("update"),
    setup: ["CREATE person:tobie SET skills = ['Rust'];"],
    query: "UPDATE person:tobie SET skills += ['breathing'];",
    value: [{ id: rid("person", "tobie"), skills: ["Rust", "breathing"] }],
  }),
  returns({
    id: "update-set-remove-from-array",
    family: "UPDATE",
    doc: statement("update"),
    setup: ["CREATE person:tobie SET interests = ['Java', 'Rust'];"],
    query: "UPDATE person:tobie SET interests -= 'Java';",
    value: [{ id: rid("person", "tobie"), interests: ["Rust"] }],
  }),
  returns({
    id: "update-set-increment",
    family: "UPDATE",
    doc: statement("update"),
    setup: ["CREATE webpage:home SET click_count = 1;"],
    query: "UPDATE webpage:home SET click_count += 1;",
    value: [{ click_count: 2, id: rid("webpage", "home") }],
  }),
  returns({
    id: "update-where",
    family: "UPDATE",
    doc: statement("update"),
    setup: ["CREATE city:london SET name = 'London'; CREATE city:paris SET name = 'Paris';"],
    query: "UPDATE city SET population = 9541000 WHERE name = 'London';",
    value: [{ id: rid("city", "london"), name: "London", population: 9541000 }],
  }),
  returns({
    id: "update-merge",
    family: "UPDATE",
    doc: statement("update"),
    setup: ["CREATE person:tobie SET name = 'Tobie';"],
    query: "UPDATE person:tobie MERGE { settings: { marketing: true } };",
    value: [{ id: rid("person", "tobie"), name: "Tobie", settings: { marketing: true } }],
  }),
  returns({
    id: "update-patch",
    family: "UPDATE",
    doc: statement("update"),
    setup: ["CREATE person:tobie;"],
    query: 'UPDATE person:tobie PATCH [ { "op": "add", "path": "Engineering", "value": "true" } ];',
    value: [{ Engineering: "true", id: rid("person", "tobie") }],
  }),
  {
    id: "update-return-none-diff-before-after",
    family: "UPDATE",
    doc: statement("update"),
    setup: ["CREATE person:tobie SET interests = ['reading'];"],
    query: [
      "UPDATE person:tobie SET interests += 'reading' RETURN NONE;",
      "UPDATE person:tobie SET interests += 'reading' RETURN DIFF;",
      "UPDATE person:tobie SET interests += 'reading' RETURN BEFORE;",
      "UPDATE person:tobie SET interests += 'reading' RETURN AFTER;",
    ].join(" "),
    expected: [
      { ok: [] },
      { ok: [[{ op: "add", path: "/interests/2", value: "reading" }]] },
      { ok: [{ id: rid("person", "tobie"), interests: ["reading", "reading", "reading"] }] },
      { ok: [{ id: rid("person", "tobie"), interests: ["reading", "reading", "reading", "reading", "reading"] }] },
    ],
  },
];

const UPSERT: DocExample[] = [
  {
    id: "upsert-table-creates",
    family: "UPSERT",
    doc: statement("upsert"),
    // The third result lists the two records in the order of their random keys.
    compare: "ignore-order",
    query: "UPSERT person SET name = 'Billy'; UPSERT person SET name = 'Bobby'; SELECT * FROM person;",
    expected: [{ ok: [{ id: anyId("person"), name: "Billy" }] }, { ok: [{ id: anyId("person"), name: "Bobby" }] }, { ok: [{ id: anyId("person"), name: "Billy" }, { id: anyId("person"), name: "Bobby" }] }],
  },
  returns({ id: "upsert-where-creates", family: "UPSERT", doc: statement("upsert"), compare: "shape", query: "UPSERT person SET name = 'Jaime' WHERE name = 'Jaime';", value: [{ id: anyId("person"), name: "Jaime" }] }),
  returns({ id: "upsert-record-where", family: "UPSERT", doc: statement("upsert"), query: "UPSERT person:test SET name = 'Jaime' WHERE name = 'Jaime';", value: [{ id: rid("person", "test"), name: "Jaime" }] }),
  returns({
    id: "upsert-only",
    family: "UPSERT",
    doc: statement("upsert"),
    query: "UPSERT ONLY person:tobie SET name = 'Tobie', company = 'SurrealDB', skills = ['Rust', 'Go', 'JavaScript'];",
    value: { company: "SurrealDB", id: rid("person", "tobie"), name: "Tobie", skills: SKILLS },
  }),
  returns({ id: "upsert-add-to-missing-array", family: "UPSERT", doc: statement("upsert"), query: "UPSERT person:tobie SET interests += 'Java';", value: [{ id: rid("person", "tobie"), interests: ["Java"] }] }),
  returns({ id: "upsert-increment-missing", family: "UPSERT", doc: statement("upsert"), query: "UPSERT webpage:home SET click_count += 1;", value: [{ click_count: 1, id: rid("webpage", "home") }] }),
  {
    id: "upsert-content",
    family: "UPSERT",
    doc: statement("upsert"),
    compare: "shape",
    query: "UPSERT person CONTENT { name: 'Tobie', company: 'SurrealDB', skills: ['Rust', 'Go', 'JavaScript'] }; UPSERT person:tobie CONTENT { name: 'Tobie', company: 'SurrealDB', skills: ['Rust', 'Go', 'JavaScript'] };",
    expected: [
      { ok: [{ company: "SurrealDB", id: anyId("person"), name: "Tobie", skills: SKILLS }] },
      { ok: [{ company: "SurrealDB", id: rid("person", "tobie"), name: "Tobie", skills: SKILLS }] },
    ],
  },
  {
    id: "upsert-merge",
    family: "UPSERT",
    doc: statement("upsert"),
    compare: "shape",
    query: "UPSERT person MERGE { settings: { marketing: true } }; UPSERT person:tobie MERGE { settings: { marketing: true } };",
    expected: [{ ok: [{ id: anyId("person"), settings: { marketing: true } }] }, { ok: [{ id: rid("person", "tobie"), settings: { marketing: true } }] }],
  },
  returns({
    id: "upsert-patch",
    family: "UPSERT",
    doc: statement("upsert"),
    query: 'UPSERT person:tobie PATCH [ { "op": "add", "path": "Engineering", "value": "true" } ];',
    value: [{ Engineering: "true", id: rid("person", "tobie") }],
  }),
  {
    id: "upsert-replace-readonly-field",
    family: "UPSERT",
    doc: statement("upsert"),
    setup: GLADYS,
    query: "UPSERT person:gladys SET age = 90; UPSERT person:gladys REPLACE { age: 70 }; UPSERT person:gladys REPLACE { age: 70, created: d'2024-01-01T00:00:00Z' };",
    expected: [{ ok: gladys(90) }, { error: "Found changed value for field `created`, with record `person:gladys`, but field is readonly" }, { ok: gladys(70) }],
  },
  {
    id: "upsert-return-clauses",
    family: "UPSERT",
    doc: statement("upsert"),
    query: [
      "UPSERT person:tobie SET interests += 'reading' RETURN NONE;",
      "UPSERT person:tobie SET interests += 'reading' RETURN DIFF;",
      "UPSERT person:tobie SET interests += 'reading' RETURN BEFORE;",
      "UPSERT person:tobie SET interests += 'reading' RETURN AFTER;",
      "UPSERT person:tobie SET interests = ['skiing', 'music'] RETURN name, interests;",
    ].join(" "),
    expected: [
      { ok: [] },
      { ok: [[{ op: "add", path: "/interests/1", value: "reading" }]] },
      { ok: [{ id: rid("person", "tobie"), interests: ["reading", "reading"] }] },
      { ok: [{ id: rid("person", "tobie"), interests: ["reading", "reading", "reading", "reading"] }] },
      { ok: [{ interests: ["skiing", "music"], name: NONE }] },
    ],
  },
  {
    id: "upsert-unique-index",
    family: "UPSERT",
    doc: statement("upsert"),
    query: [
      "DEFINE INDEX unique_key ON TABLE user FIELDS name, class UNIQUE;",
      'DEFINE FIELD official_name ON TABLE user VALUE name + " the " + class;',
      'CREATE user:billy SET name = "Billy", class = "wizard", metadata = { likes: ["strawberries"] };',
      'CREATE user:billy_der_zweite SET name = "Billy", class = "wizard", metadata = { likes: ["strawberries", "fields"] };',
    ].join(" "),
    expected: [
      NONE_OK,
      NONE_OK,
      { ok: [{ class: "wizard", id: rid("user", "billy"), metadata: { likes: ["strawberries"] }, name: "Billy", official_name: "Billy the wizard" }] },
      { error: "Database index `unique_key` already contains ['Billy', 'wizard'], with record `user:billy`" },
    ],
  },
];

const DELETE: DocExample[] = [
  returns({ id: "delete-table", family: "DELETE", doc: statement("delete"), setup: ["CREATE person:1, person:2;"], query: "DELETE person;", value: [] }),
  {
    id: "delete-records",
    family: "DELETE",
    doc: statement("delete"),
    setup: ["CREATE person:100;", "CREATE other:tobie;"],
    query: "DELETE person:100; SELECT * FROM person;",
    expected: [{ ok: [] }, { ok: [] }],
  },
  {
    id: "delete-only-return-before",
    family: "DELETE",
    doc: statement("delete"),
    query: "CREATE ONLY person:tobie; DELETE ONLY person:tobie RETURN BEFORE;",
    expected: [{ ok: { id: rid("person", "tobie") } }, { ok: { id: rid("person", "tobie") } }],
  },
  {
    id: "delete-where-truthy",
    family: "DELETE",
    doc: statement("delete"),
    query: "CREATE cat:one SET age = 4; CREATE cat:two; DELETE cat WHERE age; SELECT * FROM cat;",
    expected: [{ ok: [{ age: 4, id: rid("cat", "one") }] }, { ok: [{ id: rid("cat", "two") }] }, { ok: [] }, { ok: [{ id: rid("cat", "two") }] }],
  },
  {
    id: "delete-where-return-before",
    family: "DELETE",
    doc: statement("delete"),
    setup: ["CREATE user:1 SET interests = ['reading']; CREATE user:2 SET interests = ['golf'];"],
    query: "DELETE user WHERE interests CONTAINS 'reading' RETURN BEFORE; SELECT * FROM user;",
    expected: [{ ok: [{ id: rid("user", 1), interests: ["reading"] }] }, { ok: [{ id: rid("user", 2), interests: ["golf"] }] }],
  },
  {
    id: "delete-edge",
    family: "DELETE",
    doc: statement("delete"),
    compare: "shape",
    query: "RELATE person:tobie->bought->product:iphone; DELETE person:tobie->bought WHERE out=product:iphone; SELECT * FROM bought;",
    expected: [{ ok: [{ id: anyId("bought"), in: rid("person", "tobie"), out: rid("product", "iphone") }] }, { ok: [] }, { ok: [] }],
  },
];

const INSERT: DocExample[] = [
  returns({ id: "insert-object", family: "INSERT", doc: statement("insert"), compare: "shape", query: `INSERT INTO company ${COMPANY};`, value: [COMPANY_RECORD] }),
  {
    id: "insert-values",
    family: "INSERT",
    doc: statement("insert"),
    compare: "shape",
    query:
      "INSERT INTO company (name, founded) VALUES ('SurrealDB', '2021-09-10'); INSERT INTO company (name, founded) VALUES ('Acme Inc.', '1967-05-03'), ('Apple Inc.', '1976-04-01');",
    expected: [
      { ok: [{ founded: "2021-09-10", id: anyId("company"), name: "SurrealDB" }] },
      { ok: [{ founded: "1967-05-03", id: anyId("company"), name: "Acme Inc." }, { founded: "1976-04-01", id: anyId("company"), name: "Apple Inc." }] },
    ],
  },
  returns({
    id: "insert-values-on-duplicate-new",
    family: "INSERT",
    doc: statement("insert"),
    compare: "shape",
    query: "INSERT INTO product (name, url) VALUES ('Salesforce', 'salesforce.com') ON DUPLICATE KEY UPDATE tags += 'crm';",
    value: [{ id: anyId("product"), name: "Salesforce", url: "salesforce.com" }],
  }),
  returns({
    id: "insert-on-duplicate-input",
    family: "INSERT",
    doc: statement("insert"),
    setup: ["CREATE city:Calgary SET population = 1000, at_year = 2000;"],
    query: 'INSERT INTO city (id, population, at_year) VALUES ("Calgary", 1665000, 2024) ON DUPLICATE KEY UPDATE population = $input.population, at_year = $input.at_year;',
    value: [{ at_year: 2024, id: rid("city", "Calgary"), population: 1665000 }],
  }),
  {
    id: "insert-on-duplicate-unique-index",
    family: "INSERT",
    doc: statement("insert"),
    compare: "shape",
    query: [
      "DEFINE FIELD data_for ON user_data TYPE record<user>;",
      "DEFINE INDEX one_user ON user_data FIELDS data_for UNIQUE;",
      'INSERT INTO user_data { data_for: user:one, some: "data" } ON DUPLICATE KEY UPDATE times_updated += 1, last_edited = time::now();',
      'INSERT INTO user_data { data_for: user:one, some_more: "data" } ON DUPLICATE KEY UPDATE times_updated += 1, last_edited = time::now();',
    ].join(" "),
    expected: [
      NONE_OK,
      NONE_OK,
      { ok: [{ data_for: rid("user", "one"), id: anyId("user_data"), some: "data" }] },
      { ok: [{ data_for: rid("user", "one"), id: anyId("user_data"), last_edited: ANY_DATETIME, some: "data", times_updated: 1 }] },
    ],
  },
  returns({
    id: "insert-array-with-ids",
    family: "INSERT",
    doc: statement("insert"),
    query: 'INSERT INTO person [ { id: "jaime", name: "Jaime", surname: "Morgan Hitchcock" }, { id: "tobie", name: "Tobie", surname: "Morgan Hitchcock" } ];',
    value: [
      { id: rid("person", "jaime"), name: "Jaime", surname: "Morgan Hitchcock" },
      { id: rid("person", "tobie"), name: "Tobie", surname: "Morgan Hitchcock" },
    ],
  }),
  returns({
    id: "insert-ignore",
    family: "INSERT",
    doc: statement("insert"),
    query:
      'INSERT IGNORE INTO person [ { id: "jaime", name: "Jaime", surname: "Morgan Hitchcock" }, { id: "tobie", name: "Tobie", surname: "Morgan Hitchcock" }, { id: "jaime", name: "Jaime", surname: "Morgan Hitchcock" } ];',
    value: [
      { id: rid("person", "jaime"), name: "Jaime", surname: "Morgan Hitchcock" },
      { id: rid("person", "tobie"), name: "Tobie", surname: "Morgan Hitchcock" },
    ],
  }),
  returns({ id: "insert-return-none", family: "INSERT", doc: statement("insert"), query: `INSERT INTO company ${COMPANY} RETURN NONE;`, value: [] }),
  returns({
    id: "insert-return-diff",
    family: "INSERT",
    doc: statement("insert"),
    compare: "shape",
    query: `INSERT INTO company ${COMPANY} RETURN DIFF;`,
    value: [[{ op: "replace", path: "", value: COMPANY_RECORD }]],
  }),
  returns({ id: "insert-return-before", family: "INSERT", doc: statement("insert"), query: `INSERT INTO company ${COMPANY} RETURN BEFORE;`, value: [NONE] }),
  returns({ id: "insert-return-after", family: "INSERT", doc: statement("insert"), compare: "shape", query: `INSERT INTO company ${COMPANY} RETURN AFTER;`, value: [COMPANY_RECORD] }),
  {
    id: "insert-return-fields-and-value",
    family: "INSERT",
    doc: statement("insert"),
    query: [
      "INSERT INTO person { age: 46, username : \"john-smith\", interests : ['skiing', 'music'] } RETURN age, interests, age + 1 AS age_next_year;",
      "INSERT INTO planet [ { name: 'Venus', surface_temp: 462, temp_55_km_up: 27 }, { name: 'Earth', surface_temp: 15, temp_55_km_up: -55 } ] RETURN VALUE temp_55_km_up;",
    ].join(" "),
    expected: [{ ok: [{ age: 46, age_next_year: 47, interests: ["skiing", "music"] }] }, { ok: [27, -55] }],
  },
  {
    id: "insert-relation",
    family: "INSERT",
    doc: statement("insert"),
    query: [
      "INSERT INTO person [ { id: 1 }, { id: 2 }, { id: 3 } ];",
      "INSERT RELATION INTO likes { in: person:1, id: 'object', out: person:2 };",
      "INSERT RELATION INTO likes [ { in: person:1, id: 'array', out: person:2 }, { in: person:2, id: 'array_two', out: person:3 } ];",
      "INSERT RELATION INTO likes (in, id, out) VALUES (person:1, 'values', person:2);",
      "SELECT VALUE ->likes FROM person;",
    ].join(" "),
    expected: [
      { ok: [{ id: rid("person", 1) }, { id: rid("person", 2) }, { id: rid("person", 3) }] },
      { ok: [{ id: rid("likes", "object"), in: rid("person", 1), out: rid("person", 2) }] },
      { ok: [{ id: rid("likes", "array"), in: rid("person", 1), out: rid("person", 2) }, { id: rid("likes", "array_two"), in: rid("person", 2), out: rid("person", 3) }] },
      { ok: [{ id: rid("likes", "values"), in: rid("person", 1), out: rid("person", 2) }] },
      { ok: [[rid("likes", "array"), rid("likes", "object"), rid("likes", "values")], [rid("likes", "array_two")], []] },
    ],
  },
];

const RELATE: DocExample[] = [
  {
    id: "relate-records",
    family: "RELATE",
    doc: statement("relate"),
    compare: "shape",
    query: "CREATE person:aristotle, article:on_sleep_and_sleeplessness; RELATE person:aristotle->wrote->article:on_sleep_and_sleeplessness;",
    expected: [
      { ok: [{ id: rid("person", "aristotle") }, { id: rid("article", "on_sleep_and_sleeplessness") }] },
      { ok: [{ id: anyId("wrote"), in: rid("person", "aristotle"), out: rid("article", "on_sleep_and_sleeplessness") }] },
    ],
  },
  {
    id: "relate-array-of-ins",
    family: "RELATE",
    doc: statement("relate"),
    compare: "shape",
    query: "CREATE cat:mr_meow, cat:mrs_meow, cat:kitten; RELATE [cat:mr_meow, cat:mrs_meow]->parent_of->cat:kitten;",
    expected: [
      { ok: [{ id: rid("cat", "mr_meow") }, { id: rid("cat", "mrs_meow") }, { id: rid("cat", "kitten") }] },
      { ok: [{ id: anyId("parent_of"), in: rid("cat", "mr_meow"), out: rid("cat", "kitten") }, { id: anyId("parent_of"), in: rid("cat", "mrs_meow"), out: rid("cat", "kitten") }] },
    ],
  },
  returns({
    id: "relate-set-nested",
    family: "RELATE",
    doc: statement("relate"),
    compare: "shape",
    query: 'RELATE person:l19zjikkw1p1h9o6ixrg->wrote->article:8nkk6uj4yprt49z7y3zm SET metadata.time_written = time::now(), metadata.location = "Tallinn";',
    value: [{ id: anyId("wrote"), in: rid("person", "l19zjikkw1p1h9o6ixrg"), metadata: { location: "Tallinn", time_written: ANY_DATETIME }, out: rid("article", "8nkk6uj4yprt49z7y3zm") }],
  }),
  {
    id: "relate-content-with-param",
    family: "RELATE",
    doc: statement("relate"),
    compare: "shape",
    query: "LET $time = time::now(); RELATE person:l19zjikkw1p1h9o6ixrg->wrote->article:8nkk6uj4yprt49z7y3zm CONTENT { time: { written: $time } };",
    expected: [NONE_OK, { ok: [{ id: anyId("wrote"), in: rid("person", "l19zjikkw1p1h9o6ixrg"), out: rid("article", "8nkk6uj4yprt49z7y3zm"), time: { written: ANY_DATETIME } }] }],
  },
  returns({
    id: "relate-only",
    family: "RELATE",
    doc: statement("relate"),
    compare: "shape",
    query: "RELATE ONLY person:l19zjikkw1p1h9o6ixrg->wrote->article:8nkk6uj4yprt49z7y3zm;",
    value: { id: anyId("wrote"), in: rid("person", "l19zjikkw1p1h9o6ixrg"), out: rid("article", "8nkk6uj4yprt49z7y3zm") },
  }),
  {
    id: "relate-unique-index",
    family: "RELATE",
    doc: statement("relate"),
    setup: ["CREATE person:aristotle, article:on_sleep_and_sleeplessness;", "DEFINE INDEX unique_relationships ON TABLE wrote COLUMNS in, out UNIQUE;"],
    query: "RELATE person:aristotle->wrote->article:on_sleep_and_sleeplessness; RELATE person:aristotle->wrote->article:on_sleep_and_sleeplessness;",
    compare: "shape",
    expected: [
      { ok: [{ id: anyId("wrote"), in: rid("person", "aristotle"), out: rid("article", "on_sleep_and_sleeplessness") }] },
      { error: /already contains \[person:aristotle, article:on_sleep_and_sleeplessness\]/ },
    ],
  },
];

const CONTROL: DocExample[] = [
  {
    id: "let-if-else-chain",
    family: "LET / RETURN / IF",
    doc: statement("let"),
    query: 'LET $num = 10; LET $num_type = IF type::is_int($num) { "integer" } ELSE IF type::is_decimal($num) { "decimal" } ELSE IF type::is_float($num) { "float" }; RETURN $num_type;',
    expected: [NONE_OK, NONE_OK, { ok: "integer" }],
  },
  {
    id: "let-protected-parameters",
    family: "LET / RETURN / IF",
    doc: statement("let"),
    query: "LET $auth = 1; LET $session = 10;",
    expected: [{ error: "'auth' is a protected variable and cannot be set" }, { error: "'session' is a protected variable and cannot be set" }],
  },
  {
    id: "let-typed",
    family: "LET / RETURN / IF",
    doc: statement("let"),
    query: 'LET $number: int = "9"; LET $other: int | string = "9"; RETURN $other;',
    expected: [{ error: "Tried to set `$number`, but couldn't coerce value: Expected `int` but found `'9'`" }, NONE_OK, { ok: "9" }],
  },
  {
    id: "return-values",
    family: "LET / RETURN / IF",
    doc: statement("return"),
    query: 'RETURN 123; RETURN "I am a string!"; RETURN { prop: "value" }; 123;',
    expected: [{ ok: 123 }, { ok: "I am a string!" }, { ok: { prop: "value" } }, { ok: 123 }],
  },
  returns({ id: "return-created-id", family: "LET / RETURN / IF", doc: statement("return"), compare: "shape", query: "RETURN (CREATE person).id;", value: [anyId("person")] }),
  {
    id: "if-else-if-chain",
    family: "LET / RETURN / IF",
    doc: statement("if-else"),
    query: 'LET $num = 100; RETURN IF $num < 0 { "Negative" } ELSE IF $num = 0 { "Zero" } ELSE IF $num = 13 { "Thirteen" } ELSE { "Positive uninteresting number" };',
    expected: [NONE_OK, { ok: "Positive uninteresting number" }],
  },
  returns({
    id: "if-then-else-end",
    family: "LET / RETURN / IF",
    doc: statement("if-else"),
    query: "RETURN IF 10 > 5 THEN 'bigger' ELSE 'smaller' END;",
    value: "bigger",
  }),
  {
    id: "define-function-greet",
    family: "DEFINE / REMOVE",
    doc: statement("define/function"),
    query: 'DEFINE FUNCTION fn::greet($name: string) { "Hello, " + $name + "!" }; RETURN fn::greet("Tobie");',
    expected: [NONE_OK, { ok: "Hello, Tobie!" }],
  },
  {
    id: "define-function-optional-argument",
    family: "DEFINE / REMOVE",
    doc: statement("define/function"),
    query:
      "DEFINE FUNCTION fn::last_option($required: number, $optional: option<number>) { RETURN { required_present: type::is_number($required), optional_present: type::is_number($optional) } }; RETURN fn::last_option(1, 2); RETURN fn::last_option(1);",
    expected: [NONE_OK, { ok: { optional_present: true, required_present: true } }, { ok: { optional_present: false, required_present: true } }],
  },
  {
    id: "define-function-typed-arguments",
    family: "DEFINE / REMOVE",
    doc: statement("define/function"),
    query:
      'DEFINE FUNCTION fn::combine($one: number, $two: number) -> number { $one + $two }; DEFINE FUNCTION fn::combine_any($one: any, $two: any) -> number { $one + $two }; fn::combine("one", "two"); fn::combine_any("one", "two");',
    expected: [NONE_OK, NONE_OK, { error: /Expected `number` but found `'one'`/ }, { error: /Couldn't coerce return value from function `fn::combine_any`: Expected `number` but found `'onetwo'`/ }],
  },
];

const TRANSACTIONS: DocExample[] = [
  {
    id: "begin-commit",
    family: "Transactions",
    doc: statement("commit"),
    query: ["BEGIN TRANSACTION;", ...ACCOUNTS, "COMMIT TRANSACTION;"].join(" "),
    expected: [
      { ok: [{ balance: 135605.16, id: rid("account", "one") }] },
      { ok: [{ balance: 91031.31, id: rid("account", "two") }] },
      { ok: [{ balance: 135905.16, id: rid("account", "one") }] },
      { ok: [{ balance: 90731.31, id: rid("account", "two") }] },
    ],
    differs: "BEGIN and COMMIT get no result entry on Baton; the page's test data lists NONE for each of them",
  },
  {
    id: "begin-cancel",
    family: "Transactions",
    doc: statement("cancel"),
    query: ["BEGIN TRANSACTION;", ...ACCOUNTS, "CANCEL TRANSACTION;"].join(" "),
    expected: ACCOUNTS.map(() => ({ error: "The query was not executed due to a cancelled transaction" })),
  },
  {
    id: "commit-return-in-transaction",
    family: "Transactions",
    doc: statement("commit"),
    query: [
      "BEGIN;",
      "CREATE account:one SET balance = 135605.16;",
      "CREATE account:two SET balance = 91031.31, wants_to_send_money = true;",
      'IF !account:two.wants_to_send_money { THROW "Customer doesn\'t want to send any money!"; };',
      "LET $first = UPDATE ONLY account:one SET balance += 300.00;",
      "LET $second = UPDATE ONLY account:two SET balance -= 300.00;",
      "RETURN \"Money sent! Status:\\n\" + <string>$first + '\\n' + <string>$second;",
      "COMMIT;",
    ].join(" "),
    expected: [
      { ok: [{ balance: 135605.16, id: rid("account", "one") }] },
      { ok: [{ balance: 91031.31, id: rid("account", "two"), wants_to_send_money: true }] },
      NONE_OK,
      NONE_OK,
      NONE_OK,
      { ok: "Money sent! Status:\n{ balance: 135905.16f, id: account:one }\n{ balance: 90731.31f, id: account:two, wants_to_send_money: true }" },
    ],
    differs: "the page's test data lists only the RETURN's value and the two accounts; Baton answers an entry for every statement between BEGIN and COMMIT (the RETURN's text is the documented one)",
  },
  {
    id: "transaction-throw-fails-all",
    family: "Transactions",
    doc: statement("cancel"),
    query: [
      "BEGIN TRANSACTION;",
      "CREATE account:one SET balance = 135605.16;",
      "CREATE account:two SET balance = 200.31;",
      "UPDATE account:one SET balance += 300.00;",
      "UPDATE account:two SET balance -= 300.00;",
      'IF account:two.balance < 0 { THROW "Not enough funds"; };',
      "COMMIT TRANSACTION;",
    ].join(" "),
    expected: [
      { error: "The query was not executed due to a failed transaction" },
      { error: "The query was not executed due to a failed transaction" },
      { error: "The query was not executed due to a failed transaction" },
      { error: "The query was not executed due to a failed transaction" },
      { error: /Not enough funds/ },
    ],
  },
];

const USE_INFO: DocExample[] = [
  returns({ id: "use-ns-db", family: "USE / INFO", doc: statement("use"), query: "USE NS test DB test;", value: { database: "test", namespace: "test" } }),
  {
    id: "info-for-table",
    family: "USE / INFO",
    doc: statement("info"),
    query: "DEFINE TABLE user SCHEMAFULL; DEFINE FIELD name ON user TYPE STRING; INFO FOR TABLE user;",
    expected: [NONE_OK, NONE_OK, { ok: { events: {}, fields: { name: "DEFINE FIELD name ON user TYPE string PERMISSIONS FULL" }, indexes: {}, lives: {}, tables: {} } }],
  },
  {
    id: "info-for-db-tables",
    family: "USE / INFO",
    doc: statement("info"),
    query: "DEFINE TABLE reading; RETURN object::keys((INFO FOR DB).tables);",
    expected: [NONE_OK, { ok: ["reading"] }],
  },
];

const DEFINITIONS: DocExample[] = [
  {
    id: "define-table-schemafull", fails: "error `Found field 'photoURI', but no such field exists for table 'user'`: SurrealDB drops fields a SCHEMAFULL table does not define and creates the record (executor, field-rules)",
    family: "DEFINE / REMOVE",
    doc: statement("define/table"),
    compare: "shape",
    query: [
      "DEFINE TABLE user SCHEMAFULL;",
      "DEFINE FIELD firstName ON TABLE user TYPE string;",
      "DEFINE FIELD lastName ON TABLE user TYPE string;",
      "DEFINE FIELD email ON TABLE user TYPE string ASSERT string::is_email($value);",
      "DEFINE INDEX userEmailIndex ON TABLE user COLUMNS email UNIQUE;",
      "CREATE user CONTENT { firstName: 'Tobie', lastName: 'Hitchcock', email: 'Tobie.Hitchcock@surrealdb.com', photoURI: 'photo/yxCFi22Jw2.webp' };",
      "SELECT * FROM user;",
    ].join(" "),
    expected: [
      NONE_OK,
      NONE_OK,
      NONE_OK,
      NONE_OK,
      NONE_OK,
      { ok: [{ email: "Tobie.Hitchcock@surrealdb.com", firstName: "Tobie", id: anyId("user"), lastName: "Hitchcock" }] },
      { ok: [{ email: "Tobie.Hitchcock@surrealdb.com", firstName: "Tobie", id: anyId("user"), lastName: "Hitchcock" }] },
    ],
  },
  {
    id: "define-field-assert",
    family: "DEFINE / REMOVE",
    doc: statement("define/table"),
    query: [
      "DEFINE TABLE user SCHEMALESS;",
      "DEFINE FIELD email ON TABLE user TYPE string ASSERT string::is_email($value);",
      "CREATE user:tobie SET firstName = 'Tobie', email = 'Tobie.Hitchcock@surrealdb.com';",
      "CREATE user:jaime SET firstName = 'Jamie', email = 'Jamie.Hitchcock';",
    ].join(" "),
    expected: [
      NONE_OK,
      NONE_OK,
      { ok: [{ email: "Tobie.Hitchcock@surrealdb.com", firstName: "Tobie", id: rid("user", "tobie") }] },
      { error: "Found 'Jamie.Hitchcock' for field `email`, with record `user:jaime`, but field must conform to: string::is_email($value)" },
    ],
  },
  {
    id: "define-field-value",
    family: "DEFINE / REMOVE",
    doc: statement("define/table"),
    compare: "shape",
    query: [
      "DEFINE TABLE person SCHEMAFULL;",
      "DEFINE FIELD first_name ON TABLE person TYPE string ASSERT string::len($value) < 20;",
      "DEFINE FIELD last_name ON TABLE person TYPE string ASSERT string::len($value) < 20;",
      "DEFINE FIELD name ON TABLE person VALUE first_name + ' ' + last_name;",
      'CREATE person SET first_name = "Bob", last_name = "Bobson";',
    ].join(" "),
    expected: [NONE_OK, NONE_OK, NONE_OK, NONE_OK, { ok: [{ first_name: "Bob", id: anyId("person"), last_name: "Bobson", name: "Bob Bobson" }] }],
  },
  {
    id: "define-field-default",
    family: "DEFINE / REMOVE",
    doc: statement("define/field"),
    query: "DEFINE FIELD locked ON TABLE user TYPE bool DEFAULT false; CREATE user:one; CREATE user:two SET locked = true;",
    expected: [NONE_OK, { ok: [{ id: rid("user", "one"), locked: false }] }, { ok: [{ id: rid("user", "two"), locked: true }] }],
  },
  {
    id: "define-field-type-coercion-error",
    family: "DEFINE / REMOVE",
    doc: statement("define/field"),
    query: "DEFINE FIELD email ON TABLE user TYPE string; CREATE user:one SET email = 5;",
    expected: [NONE_OK, { error: "Couldn't coerce value for field `email` of `user:one`: Expected `string` but found `5`" }],
  },
  {
    id: "define-index-unique",
    family: "DEFINE / REMOVE",
    doc: statement("define/indexes"),
    query: "DEFINE INDEX userEmailIndex ON TABLE user COLUMNS email UNIQUE; CREATE user:1 SET email = 'a@b.c'; CREATE user:2 SET email = 'a@b.c';",
    expected: [NONE_OK, { ok: [{ email: "a@b.c", id: rid("user", 1) }] }, { error: "Database index `userEmailIndex` already contains 'a@b.c', with record `user:1`" }],
  },
  {
    id: "define-index-if-not-exists-overwrite",
    family: "DEFINE / REMOVE",
    doc: statement("define/indexes"),
    query: "DEFINE INDEX IF NOT EXISTS example ON example FIELDS example; DEFINE INDEX OVERWRITE example ON example FIELDS example;",
    expected: [NONE_OK, NONE_OK],
  },
  {
    id: "define-index-then-select",
    family: "DEFINE / REMOVE",
    doc: statement("define/indexes"),
    query:
      'DEFINE FIELD name ON account TYPE string; DEFINE INDEX name_index ON account FIELDS name; CREATE account:billy SET name = "Billy McConnell"; SELECT * FROM account WHERE name CONTAINS "Billy McConnell"; SELECT * FROM account WHERE name CONTAINSANY ["Billy McConnell"];',
    expected: [
      NONE_OK,
      NONE_OK,
      { ok: [{ id: rid("account", "billy"), name: "Billy McConnell" }] },
      { ok: [{ id: rid("account", "billy"), name: "Billy McConnell" }] },
      { ok: [{ id: rid("account", "billy"), name: "Billy McConnell" }] },
    ],
  },
  {
    id: "remove-if-exists",
    family: "DEFINE / REMOVE",
    doc: statement("remove"),
    query: "REMOVE FIELD IF EXISTS tags ON TABLE article; REMOVE INDEX IF EXISTS authors ON TABLE article; REMOVE FUNCTION IF EXISTS fn::update_author; REMOVE TABLE IF EXISTS article;",
    expected: [NONE_OK, NONE_OK, NONE_OK, NONE_OK],
  },
  {
    id: "remove-table",
    family: "DEFINE / REMOVE",
    doc: statement("remove"),
    // SurrealDB 3 refuses to select from a table that does not exist (statements/let, its documented error).
    query: "CREATE article:1; REMOVE TABLE article; SELECT * FROM article;",
    expected: [{ ok: [{ id: rid("article", 1) }] }, NONE_OK, { error: "The table 'article' does not exist" }],
  },
];

const TYPE: DocExample[] = [
  returns({ id: "type-array-range", family: "type::", doc: fn("type"), query: "RETURN type::array(1..=3);", value: [1, 2, 3] }),
  returns({ id: "type-bool", family: "type::", doc: fn("type"), query: 'RETURN type::bool("true");', value: true }),
  returns({ id: "type-datetime", family: "type::", doc: fn("type"), query: 'RETURN type::datetime("2022-04-27T18:12:27+00:00");', value: dt("2022-04-27T18:12:27Z") }),
  returns({ id: "type-decimal", family: "type::", doc: fn("type"), query: 'RETURN type::decimal("12345");', value: dec("12345") }),
  returns({ id: "type-duration", family: "type::", doc: fn("type"), query: 'RETURN type::duration("4h");', value: Duration.parse("4h") }),
  returns({ id: "type-float", family: "type::", doc: fn("type"), query: 'RETURN type::float("12345");', value: 12345 }),
  returns({ id: "type-int", family: "type::", doc: fn("type"), query: 'RETURN type::int("12345");', value: 12345 }),
  returns({ id: "type-string", family: "type::", doc: fn("type"), query: "RETURN type::string(12345);", value: "12345" }),
  returns({ id: "type-record", family: "type::", doc: fn("type"), query: "RETURN type::record('cat', 'one');", value: rid("cat", "one") }),
  {
    id: "type-field",
    family: "type::",
    doc: fn("type"),
    query: [
      "CREATE person:test SET title = 'Mr', name.first = 'Tobie', name.last = 'Morgan Hitchcock';",
      "LET $param = 'name.first';",
      "SELECT type::field($param), type::field('name.last') FROM person;",
      "SELECT VALUE { 'firstname': type::field($param), lastname: type::field('name.last') } FROM person;",
      "SELECT VALUE [type::field($param), type::field('name.last')] FROM person;",
    ].join(" "),
    expected: [
      { ok: [{ id: rid("person", "test"), name: { first: "Tobie", last: "Morgan Hitchcock" }, title: "Mr" }] },
      NONE_OK,
      { ok: [{ name: { first: "Tobie", last: "Morgan Hitchcock" } }] },
      { ok: [{ firstname: "Tobie", lastname: "Morgan Hitchcock" }] },
      { ok: [["Tobie", "Morgan Hitchcock"]] },
    ],
  },
  returns({ id: "type-is-number", family: "type::", doc: fn("type"), query: "RETURN [type::is_number(500), type::is_string(500)];", value: [true, false] }),
];

const TIME: DocExample[] = [
  returns({ id: "time-day", family: "time::", doc: fn("time"), query: `RETURN time::day(${DAY});`, value: 1 }),
  returns({ id: "time-floor-week", family: "time::", doc: fn("time"), query: `RETURN time::floor(${DAY}, 1w);`, value: dt("2021-10-28T00:00:00Z") }),
  returns({ id: "time-format", family: "time::", doc: fn("time"), query: `RETURN time::format(${DAY}, "%Y-%m-%d");`, value: "2021-11-01" }),
  returns({ id: "time-group-year", family: "time::", doc: fn("time"), query: `RETURN time::group(${DAY}, "year");`, value: dt("2021-01-01T00:00:00Z") }),
  returns({ id: "time-round-week", family: "time::", doc: fn("time"), query: `RETURN time::round(${DAY}, 1w);`, value: dt("2021-11-04T00:00:00Z") }),
  returns({ id: "time-unix", family: "time::", doc: fn("time"), query: `RETURN time::unix(${DAY});`, value: 1635755417 }),
  returns({ id: "time-yday", family: "time::", doc: fn("time"), query: `RETURN time::yday(${DAY});`, value: 305 }),
  returns({ id: "time-week", family: "time::", doc: fn("time"), query: `RETURN time::week(${DAY});`, value: 44 }),
  returns({ id: "time-from-secs", family: "time::", doc: fn("time"), query: "RETURN time::from_secs(1000);", value: dt("1970-01-01T00:16:40Z") }),
  returns({ id: "time-max", family: "time::", doc: fn("time"), query: 'RETURN time::max([ d"1987-06-22T08:30:45Z", d"1988-06-22T08:30:45Z" ]);', value: dt("1988-06-22T08:30:45Z") }),
  returns({ id: "time-now", family: "time::", doc: fn("time"), compare: "shape", query: "RETURN time::now();", value: ANY_DATETIME }),
  {
    id: "time-ceil",
    family: "time::",
    doc: fn("time"),
    query: "LET $now = d'2024-08-30T02:22:50.231631Z'; RETURN [time::ceil($now, 1h), time::ceil($now, 1w)];",
    expected: [NONE_OK, { ok: [dt("2024-08-30T03:00:00Z"), dt("2024-09-05T00:00:00Z")] }],
  },
];

const STRING: DocExample[] = [
  returns({ id: "string-concat", family: "string::", doc: fn("string"), query: "RETURN string::concat('this', ' ', 'is', ' ', 'a', ' ', 'test');", value: "this is a test" }),
  returns({ id: "string-contains", family: "string::", doc: fn("string"), query: "RETURN string::contains('abcdefg', 'cde');", value: true }),
  returns({ id: "string-join", family: "string::", doc: fn("string"), query: "RETURN string::join(', ', 'a', 'list', 'of', 'items');", value: "a, list, of, items" }),
  returns({ id: "string-len", family: "string::", doc: fn("string"), query: "RETURN string::len('this is a test');", value: 14 }),
  returns({ id: "string-matches", family: "string::", doc: fn("string"), query: '[ string::matches("grey", "gr(a|e)y"), string::matches("gray", "gr(a|e)y") ];', value: [true, true] }),
  returns({ id: "string-repeat", family: "string::", doc: fn("string"), query: "RETURN string::repeat('test', 3);", value: "testtesttest" }),
  returns({ id: "string-replace", family: "string::", doc: fn("string"), query: "RETURN string::replace('this is a test', 'a test', 'awesome');", value: "this is awesome" }),
  returns({ id: "string-slice", fails: "answers '' (slice from 10 to 4, as the page's API definition `$from, $to` reads); the page's example output 'test' reads the third argument as a length — the documentation contradicts itself here", family: "string::", doc: fn("string"), query: "RETURN string::slice('this is a test', 10, 4);", value: "test" }),
  returns({ id: "string-split", family: "string::", doc: fn("string"), query: "RETURN string::split('this, is, a, list', ', ');", value: ["this", "is", "a", "list"] }),
  returns({ id: "string-capitalize", family: "string::", doc: fn("string"), query: 'string::capitalize("how to cook for forty humans");', value: "How To Cook For Forty Humans" }),
  returns({ id: "string-is-email", family: "string::", doc: fn("string"), query: 'RETURN string::is_email("info@surrealdb.com");', value: true }),
  returns({ id: "string-trim", family: "string::", doc: fn("string"), query: "RETURN string::trim('    this is a test    ');", value: "this is a test" }),
];

const MATH: DocExample[] = [
  returns({ id: "math-abs", family: "math::", doc: fn("math"), query: "RETURN math::abs(-13.746189);", value: 13.746189 }),
  returns({ id: "math-ceil", family: "math::", doc: fn("math"), query: "RETURN math::ceil(13.146572);", value: 14 }),
  returns({ id: "math-clamp", family: "math::", doc: fn("math"), query: "RETURN math::clamp(1, 5, 10);", value: 5 }),
  returns({ id: "math-fixed", family: "math::", doc: fn("math"), query: "RETURN math::fixed(13.146572, 2);", value: 13.15 }),
  returns({ id: "math-max", family: "math::", doc: fn("math"), query: `RETURN math::max(${NUMBERS});`, value: 41.42 }),
  returns({ id: "math-mean", family: "math::", doc: fn("math"), query: `RETURN math::mean(${NUMBERS});`, value: 24.146037800000002 }),
  returns({ id: "math-median", family: "math::", doc: fn("math"), query: `RETURN math::median(${NUMBERS});`, value: 23 }),
  returns({ id: "math-mode", family: "math::", doc: fn("math"), query: "RETURN math::mode([ 1, 40, 60, 10, 2, 901, 2 ]);", value: 2 }),
  returns({ id: "math-sum", family: "math::", doc: fn("math"), query: "RETURN math::sum([ 26.164, 13.746189, 23, 16.4, 41.42 ]);", value: 120.73018900000001 }),
  returns({ id: "math-log", family: "math::", doc: fn("math"), query: "RETURN math::log(100, 10);", value: 2 }),
  returns({ id: "math-pi", family: "math::", doc: fn("math"), query: "RETURN math::pi;", value: Math.PI }),
  returns({ id: "math-round", family: "math::", doc: fn("math"), query: "RETURN math::round(13.53124);", value: 14 }),
];

const ARRAY: DocExample[] = [
  returns({ id: "array-add", family: "array::", doc: fn("array"), query: 'RETURN array::add(["one", "two"], "three");', value: ["one", "two", "three"] }),
  returns({ id: "array-all", family: "array::", doc: fn("array"), query: "RETURN array::all([ 1, 2, 3, NONE, 'SurrealDB', 5 ]);", value: false }),
  returns({ id: "array-any", family: "array::", doc: fn("array"), query: "RETURN array::any([ 1, 2, 3, NONE, 'SurrealDB', 5 ]);", value: true }),
  returns({ id: "array-at-negative", family: "array::", doc: fn("array"), query: "RETURN array::at(['s', 'u', 'r', 'r', 'e', 'a', 'l'], -3);", value: "e" }),
  returns({ id: "array-append", family: "array::", doc: fn("array"), query: "RETURN array::append([1, 2, 3, 4], 5);", value: [1, 2, 3, 4, 5] }),
  returns({ id: "array-boolean-not", family: "array::", doc: fn("array"), query: "RETURN array::boolean_not([ false, true, 0, 1 ]);", value: [true, false, true, false] }),
  returns({ id: "array-distinct", family: "array::", doc: fn("array"), query: "RETURN array::distinct([ 1, 2, 1, 3, 3, 4 ]);", value: [1, 2, 3, 4] }),
  returns({ id: "array-flatten", family: "array::", doc: fn("array"), query: "RETURN array::flatten([ [1, 2], [3, 4], 'SurrealDB', [5, 6, [7, 8]] ]);", value: [1, 2, 3, 4, "SurrealDB", 5, 6, [7, 8]] }),
  returns({ id: "array-len", family: "array::", doc: fn("array"), query: "RETURN array::len([ 1, 2, 1, null, 'something', 3, 3, 4, 0 ]);", value: 9 }),
  returns({ id: "array-sort-desc", family: "array::", doc: fn("array"), query: "RETURN array::sort([ 1, 2, 1, null, 'something', 3, 3, 4, 0 ], false);", value: ["something", 4, 3, 3, 2, 1, 1, 0, null] }),
  returns({ id: "array-union", family: "array::", doc: fn("array"), query: "RETURN array::union([1, 2, 1, 6], [1, 3, 4, 5, 6]);", value: [1, 2, 6, 3, 4, 5] }),
  returns({ id: "array-method-closure", family: "array::", doc: fn("array"), query: "[1, 2, 3].some(|$num| $num > 2);", value: true }),
];

const OBJECT: DocExample[] = [
  returns({ id: "object-entries", family: "object::", doc: fn("object"), query: "RETURN object::entries({ a: 1, b: true });", value: [["a", 1], ["b", true]] }),
  returns({ id: "object-from-entries", family: "object::", doc: fn("object"), query: 'RETURN object::from_entries([ [ "a", 1 ], [ "b", true ] ]);', value: { a: 1, b: true } }),
  returns({ id: "object-is-empty", family: "object::", doc: fn("object"), query: "RETURN object::is_empty({});", value: true }),
  returns({ id: "object-keys", family: "object::", doc: fn("object"), query: "RETURN object::keys({ a: 1, b: true });", value: ["a", "b"] }),
  returns({ id: "object-len", family: "object::", doc: fn("object"), query: "RETURN object::len({ a: 1, b: true });", value: 2 }),
  returns({ id: "object-values", family: "object::", doc: fn("object"), query: "RETURN object::values({ a: 1, b: true });", value: [1, true] }),
  returns({
    id: "object-remove-method",
    family: "object::",
    doc: fn("object"),
    query: "{ name: \"Mat Cauthon\", last_updated: d'2013-01-08', gold: 100 }.remove(\"gold\");",
    value: { last_updated: dt("2013-01-08T00:00:00Z"), name: "Mat Cauthon" },
  }),
];

const RAND: DocExample[] = [
  returns({ id: "rand-bool", family: "rand::", doc: fn("rand"), query: "RETURN type::is_bool(rand::bool());", value: true }),
  returns({ id: "rand-enum", family: "rand::", doc: fn("rand"), query: "RETURN rand::enum('one', 'two', 'three') IN ['one', 'two', 'three'];", value: true }),
  {
    id: "rand-int-range",
    family: "rand::",
    doc: fn("rand"),
    query: "LET $n = rand::int(10, 15); RETURN $n >= 10 AND $n <= 15;",
    expected: [NONE_OK, { ok: true }],
  },
  returns({ id: "rand-string-length", family: "rand::", doc: fn("rand"), query: "RETURN string::len(rand::string(15));", value: 15 }),
  returns({ id: "rand-uuid", family: "rand::", doc: fn("rand"), compare: "shape", query: "RETURN rand::uuid();", value: ANY_UUID }),
  returns({ id: "rand-uuid-v7", family: "rand::", doc: fn("rand"), compare: "shape", query: "RETURN rand::uuid::v7();", value: ANY_UUID }),
  returns({ id: "rand-float", family: "rand::", doc: fn("rand"), compare: "shape", query: "RETURN rand::float();", value: ANY_NUMBER }),
  returns({ id: "rand-ulid", family: "rand::", doc: fn("rand"), compare: "shape", query: "RETURN rand::ulid();", value: ANY_STRING }),
];

const CRYPTO: DocExample[] = [
  returns({ id: "crypto-md5", family: "crypto::", doc: fn("crypto"), query: 'RETURN crypto::md5("tobie");', value: "4768b3fc7ac751e03a614e2349abf3bf" }),
  returns({ id: "crypto-sha1", family: "crypto::", doc: fn("crypto"), query: 'RETURN crypto::sha1("tobie");', value: "c6be709a1b6429472e0c5745b411f1693c4717be" }),
  returns({ id: "crypto-sha256", family: "crypto::", doc: fn("crypto"), query: 'RETURN crypto::sha256("tobie");', value: "33fe1859daba927ea5674813adc1cf34b9e2795f2b7e91602fae19c0d0c493af" }),
  returns({
    id: "crypto-argon2-round-trip",
    family: "crypto::",
    doc: fn("crypto"),
    query: 'RETURN crypto::argon2::compare(crypto::argon2::generate("this is a strong password"), "this is a strong password");',
    value: true,
  }),
  returns({
    id: "crypto-bcrypt-round-trip",
    family: "crypto::",
    doc: fn("crypto"),
    query: 'RETURN crypto::bcrypt::compare(crypto::bcrypt::generate("this is a strong password"), "this is a strong password");',
    value: true,
  }),
];

/** Every example, in the order of the docs table. */
export const DOC_EXAMPLES: readonly DocExample[] = [
  ...SELECT,
  ...COUNT,
  ...CREATE,
  ...UPDATE,
  ...UPSERT,
  ...DELETE,
  ...INSERT,
  ...RELATE,
  ...CONTROL,
  ...TRANSACTIONS,
  ...USE_INFO,
  ...DEFINITIONS,
  ...TYPE,
  ...TIME,
  ...STRING,
  ...MATH,
  ...ARRAY,
  ...OBJECT,
  ...RAND,
  ...CRYPTO,
];
