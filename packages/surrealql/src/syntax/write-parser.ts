// The statements that write records: `CREATE`, `UPDATE`, `UPSERT`, `DELETE`, `INSERT` and `RELATE`.
import type {
  Assignment,
  CreateStatement,
  DataClause,
  DeleteStatement,
  Expr,
  IdiomExpr,
  InsertStatement,
  OutputClause,
  RelateStatement,
  UpdateStatement,
  UpsertStatement,
} from "./ast.js";
import {
  type Clause,
  commaList,
  dataClauses,
  parseAssignments,
  parseClauses,
  parseIdiomList,
  parseOutput,
  parseTargets,
  parseTimeout,
  spanFrom,
} from "./clause-parser.js";
import { parseArray } from "./collection-parser.js";
import { nameOf } from "./idiom-parser.js";
import type { Token } from "./lexer.js";
import type { ParserContext } from "./parser-context.js";
import { parseOperand } from "./primary-parser.js";
import { TokenStream } from "./token-stream.js";

/** What the trailing clauses of a write statement gave. */
interface WriteClauses {
  data?: DataClause;
  where?: Expr;
  output?: OutputClause;
  timeout?: Expr;
  version?: Expr;
  onDuplicate?: Assignment[];
  unique?: boolean;
}

/** Reads the trailing clauses a write statement allows (`data`, `where`, `version`, … as asked). */
function writeClauses(ctx: ParserContext, allow: { data?: boolean; where?: boolean; version?: boolean; onDuplicate?: boolean; unique?: boolean }): WriteClauses {
  const { stream } = ctx;
  const found: WriteClauses = {};
  const clauses = new Map<string, Clause>([
    ["RETURN", () => (found.output = parseOutput(ctx))],
    ["TIMEOUT", () => (found.timeout = parseTimeout(ctx))],
    // Statements run one at a time over SQL: PARALLEL has nothing to change.
    ["PARALLEL", () => undefined],
  ]);
  if (allow.data) dataClauses({ ctx, clauses, set: (data) => (found.data = data) });
  if (allow.where) clauses.set("WHERE", () => (found.where = ctx.expression("field")));
  if (allow.version) clauses.set("VERSION", () => (found.version = ctx.expression("field")));
  if (allow.unique) clauses.set("UNIQUE", () => (found.unique = true));
  if (allow.onDuplicate) {
    clauses.set("ON", () => {
      stream.expectWord("DUPLICATE");
      stream.expectWord("KEY");
      stream.expectWord("UPDATE");
      found.onDuplicate = parseAssignments(ctx);
    });
  }
  parseClauses(stream, clauses);
  return found;
}

/** `CREATE [ONLY] targets …`, after `CREATE`. */
export function parseCreate(ctx: ParserContext, keyword: Token): CreateStatement {
  const only = ctx.stream.eatWord("ONLY");
  const targets = parseTargets(ctx);
  const { data, output, timeout, version } = writeClauses(ctx, { data: true, version: true });
  return {
    kind: "create",
    only,
    targets,
    ...(data && { data }),
    ...(output && { output }),
    ...(timeout && { timeout }),
    ...(version && { version }),
    span: spanFrom(ctx.stream, keyword),
  };
}

/** `UPDATE` or `UPSERT [ONLY] targets …`, after the keyword. */
export function parseUpdate(ctx: ParserContext, keyword: Token & { kind: "word" }): UpdateStatement | UpsertStatement {
  const only = ctx.stream.eatWord("ONLY");
  const targets = parseTargets(ctx);
  const { data, where, output, timeout } = writeClauses(ctx, { data: true, where: true });
  return {
    kind: keyword.upper === "UPSERT" ? "upsert" : "update",
    only,
    targets,
    ...(data && { data }),
    ...(where && { where }),
    ...(output && { output }),
    ...(timeout && { timeout }),
    span: spanFrom(ctx.stream, keyword),
  };
}

/** `DELETE [FROM] [ONLY] targets …`, after `DELETE`. */
export function parseDelete(ctx: ParserContext, keyword: Token): DeleteStatement {
  ctx.stream.eatWord("FROM");
  const only = ctx.stream.eatWord("ONLY");
  const targets = parseTargets(ctx);
  const { where, output, timeout, version } = writeClauses(ctx, { where: true, version: true });
  return {
    kind: "delete",
    only,
    targets,
    ...(where && { where }),
    ...(output && { output }),
    ...(timeout && { timeout }),
    ...(version && { version }),
    span: spanFrom(ctx.stream, keyword),
  };
}

/** `INTO person` or `INTO $b`: a table name or a parameter. */
function insertTarget(ctx: ParserContext): Expr {
  const { stream } = ctx;
  const token = stream.peek();
  const name = nameOf(token);
  if (name !== undefined) {
    stream.next();
    return { kind: "table", name };
  }
  if (token.kind === "param") {
    stream.next();
    return { kind: "param", name: token.name };
  }
  throw stream.unexpected("a table name or a parameter");
}

/** Whether `( a, b.c ) VALUES` comes next (looking ahead over plain names only, so it stays linear). */
function valuesAhead(stream: TokenStream): boolean {
  if (!stream.isPunct("(")) return false;
  let ahead = 1;
  for (;;) {
    if (nameOf(stream.peek(ahead)) === undefined) return false;
    ahead++;
    if (stream.isPunct(".", ahead)) {
      ahead++;
      continue;
    }
    if (stream.isPunct(",", ahead)) {
      ahead++;
      continue;
    }
    return stream.isPunct(")", ahead) && stream.isWord("VALUES", ahead + 1);
  }
}

/** `(a, b) VALUES (1, 2), (3, 4)`. */
function insertValues(ctx: ParserContext): InsertStatement["data"] {
  const { stream } = ctx;
  const open = stream.next();
  const fields: IdiomExpr[] = parseIdiomList(ctx);
  stream.expectClosing(")", open);
  stream.expectWord("VALUES");
  const rows = commaList(stream, () => {
    const row = stream.expectPunct("(");
    const values = commaList(stream, () => ctx.expression("field"));
    stream.expectClosing(")", row);
    if (values.length !== fields.length) {
      stream.fail({ reason: `Expected ${fields.length} values in this row, one per field, found ${values.length}`, at: row });
    }
    return values;
  });
  return { kind: "values", fields, rows };
}

/** `INSERT [RELATION] [IGNORE] [INTO target] data …`, after `INSERT`. */
export function parseInsert(ctx: ParserContext, keyword: Token): InsertStatement {
  const { stream } = ctx;
  const relation = stream.eatWord("RELATION");
  const ignore = stream.eatWord("IGNORE");
  const into = stream.eatWord("INTO") ? insertTarget(ctx) : undefined;
  const data: InsertStatement["data"] = valuesAhead(stream) ? insertValues(ctx) : { kind: "value", value: ctx.expression("field") };
  const { onDuplicate, output, timeout, version } = writeClauses(ctx, { version: true, onDuplicate: true });
  return {
    kind: "insert",
    relation,
    ignore,
    ...(into && { into }),
    data,
    ...(onDuplicate && { onDuplicate }),
    ...(output && { output }),
    ...(timeout && { timeout }),
    ...(version && { version }),
    span: spanFrom(stream, keyword),
  };
}

/**
 * One end or the edge of a RELATE: a parameter, record id, array, call or parenthesised
 * expression, without a path after it (the arrows belong to RELATE). The edge may be a table name.
 */
function relatePart(ctx: ParserContext, edge: boolean): Expr {
  const { stream } = ctx;
  const token = stream.peek();
  if (token.kind === "param") {
    stream.next();
    return { kind: "param", name: token.name };
  }
  if (token.kind === "punct" && token.symbol === "[") return parseArray(ctx, stream.next());
  if (token.kind === "punct" && token.symbol === "(") {
    const open = stream.next();
    const inner = ctx.expression("field");
    stream.expectClosing(")", open);
    return inner;
  }
  const name = nameOf(token);
  const colon = stream.peek(1);
  const recordId = colon.kind === "punct" && colon.symbol === ":" && TokenStream.adjacent(token, colon);
  const call = token.kind === "word" && stream.isPunct("::", 1);
  if (name !== undefined && (recordId || call)) return parseOperand(ctx);
  if (edge && name !== undefined) {
    stream.next();
    return { kind: "table", name };
  }
  throw stream.unexpected(edge ? "a table, record id or parameter" : "a record id, parameter, array or subquery");
}

/** `RELATE [ONLY] from->edge->to …` (or `to<-edge<-from`), after `RELATE`. */
export function parseRelate(ctx: ParserContext, keyword: Token): RelateStatement {
  const { stream } = ctx;
  const only = stream.eatWord("ONLY");
  const first = relatePart(ctx, false);
  const arrow = stream.isPunct("<-") ? "<-" : "->";
  stream.expectPunct(arrow);
  const edge = relatePart(ctx, true);
  stream.expectPunct(arrow);
  const last = relatePart(ctx, false);
  const { unique, data, output, timeout, version } = writeClauses(ctx, { data: true, version: true, unique: true });
  const [from, to] = arrow === "->" ? [first, last] : [last, first];
  return {
    kind: "relate",
    only,
    from,
    edge,
    to,
    unique: unique ?? false,
    ...(data && { data }),
    ...(output && { output }),
    ...(timeout && { timeout }),
    ...(version && { version }),
    span: spanFrom(stream, keyword),
  };
}
