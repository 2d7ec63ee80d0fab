// The typed syntax tree of the SurrealQL subset Baton runs (docs/surrealql.md). The parser
// produces it; the executor walks it. Nodes are plain readonly objects tagged by `kind`.

/** A place in the query text: offsets of the first character and one past the last. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

// ---------------------------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------------------------

export type Expr =
  | LiteralExpr
  | ParamExpr
  | IdiomExpr
  | TableExpr
  | ArrayExpr
  | ObjectExpr
  | RecordIdExpr
  | RangeExpr
  | UnaryExpr
  | BinaryExpr
  | CastExpr
  | CallExpr
  | SubqueryExpr
  | IfExpr
  | BlockExpr
  | MockExpr
  | ClosureExpr;

/**
 * A value written literally: numbers (an integral `number`/`bigint` is an int, other numbers are
 * floats, `1.5f` a float), strings, booleans, `null`, `NONE` (the NONE symbol of @baton/codecs),
 * and the value classes of @baton/codecs: `d"…"` Datetime, `u"…"` Uuid, `1.5dec` Decimal,
 * `1h30m` Duration, `r"t:k"` RecordId, `b"…"`/`<bytes>` bytes (Uint8Array).
 */
export interface LiteralExpr {
  readonly kind: "literal";
  readonly value: unknown;
}

/** `$name`: a query, session or system variable (`$auth`, `$this`, `$parent`, `$value`, …). */
export interface ParamExpr {
  readonly kind: "param";
  readonly name: string;
}

/**
 * A path: a start and the parts walked from it. `root` undefined means the first part is a field
 * of the current document (`name.first`, `->knows->person`, `tags[0]`); otherwise the path starts
 * at a value (`$person.name`, `(SELECT …)[0]`, `person:tobie->knows`).
 */
export interface IdiomExpr {
  readonly kind: "idiom";
  readonly root: Expr | undefined;
  readonly parts: readonly IdiomPart[];
}

export type IdiomPart =
  /** `.name` (also the first bare name of a path). */
  | { readonly kind: "field"; readonly name: string }
  /** `[expr]`: an array index or an object key. */
  | { readonly kind: "index"; readonly index: Expr }
  /** `[$]`: the last element. */
  | { readonly kind: "last" }
  /** `[*]` or `.*`: every element / every value. */
  | { readonly kind: "all" }
  /** `[WHERE cond]` or `[? cond]`: the elements for which `cond` holds (evaluated per element). */
  | { readonly kind: "where"; readonly condition: Expr }
  /**
   * One graph hop: `->edge`, `<-edge`, `<->edge`, `->(a, b)`, `->?` (any table), with an optional
   * `WHERE` inside parentheses (`->(knows WHERE since > 2020)`). From a record, `->knows` gives the
   * ids of its outgoing `knows` edges; from an edge, `->person` gives its `out` when that is a
   * `person` (and `<-person` its `in`).
   */
  | {
      readonly kind: "graph";
      readonly direction: "out" | "in" | "both";
      /** Table names the hop is limited to; empty for any table (`?`). */
      readonly tables: readonly string[];
      readonly condition?: Expr | undefined;
      /** `AS alias` inside the parentheses. */
      readonly alias?: string | undefined;
    }
  /** `.name(args)`: a method call, the same as `<type>::name(value, args)` (`"a".len()`). */
  | { readonly kind: "method"; readonly name: string; readonly args: readonly Expr[] }
  /** `(args)` right after a value: calls the closure the path has reached (`$double(2)`). */
  | { readonly kind: "call"; readonly args: readonly Expr[] };

/** A bare table name where a target is expected (`FROM person`, `CREATE person`, `INTO person`). */
export interface TableExpr {
  readonly kind: "table";
  readonly name: string;
}

export interface ArrayExpr {
  readonly kind: "array";
  readonly items: readonly Expr[];
}

export interface ObjectExpr {
  readonly kind: "object";
  readonly entries: readonly { readonly key: string; readonly value: Expr }[];
}

/**
 * A record id: `t:k`, `t:⟨k⟩`, `` t:`k` ``, `t:123`, `t:u"…"`, `t:[1, $x]`, `t:{a: 1}`, `t:ulid()`,
 * `t:uuid()`, `t:rand()`, and ranges `t:1..5`, `t:1..=5`, `t:..`, `t:[1]..`.
 */
export interface RecordIdExpr {
  readonly kind: "record-id";
  readonly table: string;
  readonly key: RecordKeyExpr;
}

export type RecordKeyExpr =
  /** A plain key; `value` is a string, int, Uuid, array of Expr, or object of Expr, evaluated. */
  | { readonly kind: "value"; readonly value: Expr }
  /** A key generated on write: `rand()`, `ulid()`, `uuid()`. */
  | { readonly kind: "generate"; readonly generator: "rand" | "ulid" | "uuid" }
  | { readonly kind: "range"; readonly from?: RangeBoundExpr | undefined; readonly to?: RangeBoundExpr | undefined };

export interface RangeBoundExpr {
  readonly value: Expr;
  readonly inclusive: boolean;
}

/** A value range `1..5`, `1..=5`, `..5`, `1..`. */
export interface RangeExpr {
  readonly kind: "range";
  readonly from?: RangeBoundExpr | undefined;
  readonly to?: RangeBoundExpr | undefined;
}

export interface UnaryExpr {
  readonly kind: "unary";
  /** `!` and `NOT` are "not"; `-x` is "negate"; `+x` is "plus". */
  readonly op: "not" | "negate" | "plus";
  readonly operand: Expr;
}

/**
 * A binary operator. Spellings are normalised: `AND`/`&&` → "and", `OR`/`||` → "or", `IS` → "=",
 * `IS NOT` → "!=", `∋` → "CONTAINS", `∈`/`IN` → "INSIDE", `NOT IN`/`∉` → "NOTINSIDE", `×` → "*",
 * `÷` → "/". `x IS NONE` is `x = NONE`.
 */
export type BinaryOp =
  | "or"
  | "and"
  | "??"
  | "?:"
  | "="
  | "=="
  | "!="
  | "*="
  | "?="
  | "<"
  | "<="
  | ">"
  | ">="
  | "+"
  | "-"
  | "*"
  | "/"
  | "%"
  | "**"
  | "CONTAINS"
  | "CONTAINSNOT"
  | "CONTAINSALL"
  | "CONTAINSANY"
  | "CONTAINSNONE"
  | "INSIDE"
  | "NOTINSIDE"
  | "ALLINSIDE"
  | "ANYINSIDE"
  | "NONEINSIDE"
  | "OUTSIDE"
  | "INTERSECTS"
  | "~"
  | "!~"
  | "?~"
  | "*~";

export interface BinaryExpr {
  readonly kind: "binary";
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
}

/** `<type> expr`: `<int>`, `<string>`, `<datetime>`, `<record>`, `<record<person>>`, `<array<int>>`, … */
export interface CastExpr {
  readonly kind: "cast";
  readonly type: TypeExpr;
  readonly value: Expr;
}

/**
 * A function call: `name(args)` with the full name (`string::len`, `fn::greet`, `count`,
 * `type::thing`, `ml::model`). `version` is `<1.2.3>` of ml models. A trailing comma is allowed.
 */
export interface CallExpr {
  readonly kind: "call";
  readonly name: string;
  readonly version?: string | undefined;
  readonly args: readonly Expr[];
}

/** A statement used as a value: `(SELECT …)`, `(CREATE …)`, `LET $x = SELECT …`, `RETURN (…)`. */
export interface SubqueryExpr {
  readonly kind: "subquery";
  readonly statement: Statement;
}

/** `IF c THEN a ELSE IF d THEN b ELSE e END` or `IF c { … } ELSE { … }`, used as a value. */
export interface IfExpr {
  readonly kind: "if";
  readonly branches: readonly { readonly condition: Expr; readonly body: Block }[];
  readonly otherwise?: Block | undefined;
}

/** `{ stmt; stmt; expr }`: runs its statements and gives the value of the last (or of RETURN). */
export interface BlockExpr {
  readonly kind: "block";
  readonly block: Block;
}

/**
 * Mock record ids: `|person:5|` is five new ids of `person` with generated keys, `|person:1..5|`
 * the ids `person:1` to `person:5` (both ends included, as SurrealDB counts them).
 */
export interface MockExpr {
  readonly kind: "mock";
  readonly table: string;
  readonly ids: { readonly kind: "count"; readonly count: number } | { readonly kind: "range"; readonly from: number; readonly to: number };
}

/** A parameter of a closure or `DEFINE FUNCTION`: `$name`, `$name: type`. */
export interface ParamDefinition {
  readonly name: string;
  readonly type?: TypeExpr | undefined;
}

/**
 * An anonymous function: `|$x| $x * 2`, `|$a: int, $b: int| $a + $b`, `|$x: int| -> int { … }`,
 * `|| 1`. Evaluates to a closure value that keeps the scope it was written in.
 */
export interface ClosureExpr {
  readonly kind: "closure";
  readonly params: readonly ParamDefinition[];
  /** `-> type` before a block body. */
  readonly returns?: TypeExpr | undefined;
  readonly body: Expr;
}

export interface Block {
  readonly statements: readonly Statement[];
}

// ---------------------------------------------------------------------------------------------
// Types (casts, DEFINE FIELD … TYPE, function parameters)
// ---------------------------------------------------------------------------------------------

export type TypeExpr =
  /**
   * `any`, `null`, `none`, `bool`, `int`, `float`, `decimal`, `number`, `string`, `datetime`,
   * `duration`, `uuid`, `bytes`, `object`, `regex`, `point`, `geometry`, `range`, `table` …
   */
  | { readonly kind: "named"; readonly name: string }
  | { readonly kind: "option"; readonly inner: TypeExpr }
  /** `array`, `array<int>`, `array<int, 10>`; `set` alike. */
  | { readonly kind: "array" | "set"; readonly inner?: TypeExpr | undefined; readonly max?: number | undefined }
  /** `record`, `record<person>`, `record<person | user>`. */
  | { readonly kind: "record"; readonly tables: readonly string[] }
  /** `geometry<point | polygon>`. */
  | { readonly kind: "geometry"; readonly kinds: readonly string[] }
  /** `int | string`. */
  | { readonly kind: "union"; readonly members: readonly TypeExpr[] }
  /** A literal type: `"a" | "b"`, `1`, `{ a: int }` — matched by equality / shape. */
  | { readonly kind: "literal"; readonly value: Expr };

// ---------------------------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------------------------

export type Statement =
  | SelectStatement
  | CreateStatement
  | UpdateStatement
  | UpsertStatement
  | DeleteStatement
  | InsertStatement
  | RelateStatement
  | LetStatement
  | ReturnStatement
  | IfStatement
  | ThrowStatement
  | TransactionStatement
  | UseStatement
  | InfoStatement
  | DefineTableStatement
  | DefineFieldStatement
  | DefineIndexStatement
  | DefineFunctionStatement
  | DefineParamStatement
  | RemoveStatement
  | LiveStatement
  | KillStatement
  | ExpressionStatement;

/** Every statement carries where it was written (for messages and for storing DEFINE text). */
interface StatementBase {
  readonly span: Span;
}

/** One item of a projection: `*`, `expr`, `expr AS alias`. */
export type FieldItem =
  | { readonly kind: "all" }
  | { readonly kind: "expr"; readonly expr: Expr; readonly alias?: IdiomExpr | undefined };

export type Projection =
  /** `SELECT VALUE expr`: each row gives the value itself. */
  | { readonly kind: "value"; readonly expr: Expr }
  /** `SELECT a, b AS c, *` (`OMIT x` removes fields after projecting). */
  | { readonly kind: "fields"; readonly items: readonly FieldItem[]; readonly omit?: readonly IdiomExpr[] | undefined };

export interface OrderItem {
  /** The field or expression ordered by. */
  readonly expr: Expr;
  readonly descending: boolean;
  readonly collate?: boolean;
  readonly numeric?: boolean;
}

export interface SelectStatement extends StatementBase {
  readonly kind: "select";
  readonly projection: Projection;
  readonly only: boolean;
  /** The targets: tables, record ids, ranges, params, subqueries, arrays, any value. */
  readonly from: readonly Expr[];
  /** `WITH NOINDEX` / `WITH INDEX a, b`: parsed, no effect. */
  readonly where?: Expr | undefined;
  readonly split?: readonly IdiomExpr[] | undefined;
  /** `GROUP ALL` (`all` true, no fields) or `GROUP BY a, b`. */
  readonly group?: { readonly all: boolean; readonly fields: readonly IdiomExpr[] } | undefined;
  /** `ORDER BY …`; "random" for `ORDER BY RAND()`. */
  readonly order?: readonly OrderItem[] | "random" | undefined;
  readonly limit?: Expr | undefined;
  readonly start?: Expr | undefined;
  /** `FETCH a, b` or `FETCH type::fields($b)`. */
  readonly fetch?: readonly Expr[] | undefined;
  readonly timeout?: Expr | undefined;
  readonly version?: Expr | undefined;
  readonly parallel?: boolean;
  readonly explain?: boolean;
}

/** `SET a = 1, b += 2, c -= 3` or `UNSET a, b`, or a whole-record clause. */
export type DataClause =
  | { readonly kind: "content" | "merge" | "replace" | "patch"; readonly value: Expr }
  | { readonly kind: "set"; readonly assignments: readonly Assignment[] }
  | { readonly kind: "unset"; readonly fields: readonly IdiomExpr[] };

export interface Assignment {
  readonly target: IdiomExpr;
  readonly op: "=" | "+=" | "-=" | "+?=";
  readonly value: Expr;
}

/** `RETURN NONE | NULL | BEFORE | AFTER | DIFF | a, b`. */
export type OutputClause =
  | { readonly kind: "none" | "null" | "before" | "after" | "diff" }
  | { readonly kind: "fields"; readonly projection: Projection };

interface WriteBase extends StatementBase {
  readonly only: boolean;
  readonly targets: readonly Expr[];
  readonly data?: DataClause | undefined;
  readonly output?: OutputClause | undefined;
  readonly timeout?: Expr | undefined;
  readonly version?: Expr | undefined;
}

export interface CreateStatement extends WriteBase {
  readonly kind: "create";
}

export interface UpdateStatement extends WriteBase {
  readonly kind: "update";
  readonly where?: Expr | undefined;
}

export interface UpsertStatement extends WriteBase {
  readonly kind: "upsert";
  readonly where?: Expr | undefined;
}

export interface DeleteStatement extends StatementBase {
  readonly kind: "delete";
  readonly only: boolean;
  readonly targets: readonly Expr[];
  readonly where?: Expr | undefined;
  readonly output?: OutputClause | undefined;
  readonly timeout?: Expr | undefined;
  /** `VERSION $b`: the JS SDK writes it on DELETE (surreal-rpc.md 11.1). */
  readonly version?: Expr | undefined;
}

export interface InsertStatement extends StatementBase {
  readonly kind: "insert";
  readonly relation: boolean;
  readonly ignore: boolean;
  /** `INTO table` / `INTO $b`; absent when the data carries record ids. */
  readonly into?: Expr | undefined;
  readonly data:
    /** An object, an array of objects, or anything evaluating to them (`$b`, a subquery). */
    | { readonly kind: "value"; readonly value: Expr }
    /** `(a, b) VALUES (1, 2), (3, 4)`. */
    | { readonly kind: "values"; readonly fields: readonly IdiomExpr[]; readonly rows: readonly (readonly Expr[])[] };
  /** `ON DUPLICATE KEY UPDATE a = 1, b += 1` (`$input` is the record that was to be inserted). */
  readonly onDuplicate?: readonly Assignment[] | undefined;
  readonly output?: OutputClause | undefined;
  readonly timeout?: Expr | undefined;
  readonly version?: Expr | undefined;
}

export interface RelateStatement extends StatementBase {
  readonly kind: "relate";
  readonly only: boolean;
  /** `RELATE from->edge->to`; also written `to<-edge<-from` (the parser puts the ends in order). */
  readonly from: Expr;
  readonly edge: Expr;
  readonly to: Expr;
  readonly unique: boolean;
  readonly data?: DataClause | undefined;
  readonly output?: OutputClause | undefined;
  readonly timeout?: Expr | undefined;
  readonly version?: Expr | undefined;
}

export interface LetStatement extends StatementBase {
  readonly kind: "let";
  readonly name: string;
  readonly type?: TypeExpr | undefined;
  readonly value: Expr;
}

export interface ReturnStatement extends StatementBase {
  readonly kind: "return";
  readonly value: Expr;
  readonly fetch?: readonly Expr[] | undefined;
}

export interface IfStatement extends StatementBase {
  readonly kind: "if";
  readonly expr: IfExpr;
}

export interface ThrowStatement extends StatementBase {
  readonly kind: "throw";
  readonly value: Expr;
}

/** `BEGIN [TRANSACTION]`, `COMMIT [TRANSACTION]`, `CANCEL [TRANSACTION]`. */
export interface TransactionStatement extends StatementBase {
  readonly kind: "begin" | "commit" | "cancel";
}

/** `USE NS a DB b`, `USE NS a`, `USE DB b` (also `NAMESPACE`, `DATABASE`). */
export interface UseStatement extends StatementBase {
  readonly kind: "use";
  readonly namespace?: string | undefined;
  readonly database?: string | undefined;
}

/** `INFO FOR ROOT | NS | DB | TABLE t | USER u` [STRUCTURE]. */
export interface InfoStatement extends StatementBase {
  readonly kind: "info";
  readonly level: "root" | "namespace" | "database" | "table";
  readonly table?: string | undefined;
  readonly structure: boolean;
}

/** How a DEFINE treats an existing definition: error, `OVERWRITE`, or `IF NOT EXISTS`. */
export type DefineMode = "create" | "overwrite" | "if-not-exists";

export interface DefineTableStatement extends StatementBase {
  readonly kind: "define-table";
  readonly mode: DefineMode;
  readonly name: string;
  readonly drop: boolean;
  readonly schemafull: boolean;
  /** `TYPE NORMAL | RELATION [IN a OUT b] | ANY`. */
  readonly tableType: "normal" | "relation" | "any";
  readonly relationIn?: readonly string[] | undefined;
  readonly relationOut?: readonly string[] | undefined;
  readonly comment?: string | undefined;
}

export interface DefineFieldStatement extends StatementBase {
  readonly kind: "define-field";
  readonly mode: DefineMode;
  /** The field path (`name`, `name.first`, `tags[*]`) as written. */
  readonly field: IdiomExpr;
  readonly table: string;
  readonly flexible: boolean;
  readonly type?: TypeExpr | undefined;
  readonly default?: Expr | undefined;
  /** `DEFAULT ALWAYS expr`. */
  readonly defaultAlways: boolean;
  readonly value?: Expr | undefined;
  readonly assert?: Expr | undefined;
  readonly readonly: boolean;
  readonly comment?: string | undefined;
}

export interface DefineIndexStatement extends StatementBase {
  readonly kind: "define-index";
  readonly mode: DefineMode;
  readonly name: string;
  readonly table: string;
  /** `FIELDS a, b` / `COLUMNS a, b`. */
  readonly fields: readonly IdiomExpr[];
  readonly unique: boolean;
  readonly comment?: string | undefined;
}

export interface DefineFunctionStatement extends StatementBase {
  readonly kind: "define-function";
  readonly mode: DefineMode;
  /** The name after `fn::` (`greet`, `math::double`). */
  readonly name: string;
  readonly params: readonly { readonly name: string; readonly type?: TypeExpr | undefined }[];
  readonly body: Block;
  readonly returns?: TypeExpr | undefined;
  readonly comment?: string | undefined;
}

export interface DefineParamStatement extends StatementBase {
  readonly kind: "define-param";
  readonly mode: DefineMode;
  readonly name: string;
  readonly value: Expr;
}

/** `REMOVE TABLE | FIELD f ON t | INDEX i ON t | FUNCTION fn::x | PARAM $x [IF EXISTS]`. */
export interface RemoveStatement extends StatementBase {
  readonly kind: "remove";
  readonly what: "table" | "field" | "index" | "function" | "param";
  readonly name: string;
  readonly table?: string | undefined;
  readonly ifExists: boolean;
}

export interface LiveStatement extends StatementBase {
  readonly kind: "live";
  /** `LIVE SELECT DIFF FROM …` or a projection. */
  readonly projection: Projection | "diff";
  readonly from: Expr;
  readonly where?: Expr | undefined;
  readonly fetch?: readonly Expr[] | undefined;
}

export interface KillStatement extends StatementBase {
  readonly kind: "kill";
  readonly id: Expr;
}

/** A bare expression used as a statement: `time::now()`, `1 + 1`, `$x`, `person:tobie`. */
export interface ExpressionStatement extends StatementBase {
  readonly kind: "expression";
  readonly expr: Expr;
}

/** A whole query: its statements in order. */
export interface Query {
  readonly statements: readonly Statement[];
}
