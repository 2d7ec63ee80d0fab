// Results sent by the server: statement results, batch results, describe results, cursor entries.
import { Type, type Static } from "@sinclair/typebox";
import { Uint32 } from "./common.js";
import { HranaError } from "./error.js";
import { Value } from "./value.js";

export const Col = Type.Object(
  { name: Type.Union([Type.String(), Type.Null()]), decltype: Type.Union([Type.String(), Type.Null()]) },
  { $id: "Col" },
);
export type Col = Static<typeof Col>;

/** `rows_read`/`rows_written` are sqld extensions; clients ignore them. */
export const StmtResult = Type.Object(
  {
    cols: Type.Array(Col),
    rows: Type.Array(Type.Array(Value)),
    affected_row_count: Type.Integer({ minimum: 0 }),
    last_insert_rowid: Type.Union([Type.String({ pattern: "^-?[0-9]+$" }), Type.Null()]),
    rows_read: Type.Optional(Type.Integer({ minimum: 0 })),
    rows_written: Type.Optional(Type.Integer({ minimum: 0 })),
    query_duration_ms: Type.Optional(Type.Number({ minimum: 0 })),
  },
  { $id: "StmtResult" },
);
export type StmtResult = Static<typeof StmtResult>;

/** One entry per step: executed and succeeded, executed and failed, or skipped (both null). */
export const BatchResult = Type.Object(
  {
    step_results: Type.Array(Type.Union([StmtResult, Type.Null()])),
    step_errors: Type.Array(Type.Union([HranaError, Type.Null()])),
  },
  { $id: "BatchResult" },
);
export type BatchResult = Static<typeof BatchResult>;

export const DescribeParam = Type.Object(
  { name: Type.Union([Type.String(), Type.Null()]) },
  { $id: "DescribeParam" },
);
export type DescribeParam = Static<typeof DescribeParam>;

export const DescribeCol = Type.Object(
  { name: Type.String(), decltype: Type.Union([Type.String(), Type.Null()]) },
  { $id: "DescribeCol" },
);
export type DescribeCol = Static<typeof DescribeCol>;

/** `is_ddl` is a Baton extension (clients ignore unknown fields). */
export const DescribeResult = Type.Object(
  {
    params: Type.Array(DescribeParam),
    cols: Type.Array(DescribeCol),
    is_explain: Type.Boolean(),
    is_readonly: Type.Boolean(),
    is_ddl: Type.Optional(Type.Boolean()),
  },
  { $id: "DescribeResult" },
);
export type DescribeResult = Static<typeof DescribeResult>;

export const StepBeginEntry = Type.Object(
  { type: Type.Literal("step_begin"), step: Uint32, cols: Type.Array(Col) },
  { $id: "StepBeginEntry" },
);
export const StepEndEntry = Type.Object(
  {
    type: Type.Literal("step_end"),
    affected_row_count: Type.Integer({ minimum: 0 }),
    last_insert_rowid: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: "StepEndEntry" },
);
export const StepErrorEntry = Type.Object(
  { type: Type.Literal("step_error"), step: Uint32, error: HranaError },
  { $id: "StepErrorEntry" },
);
export const RowEntry = Type.Object({ type: Type.Literal("row"), row: Type.Array(Value) }, { $id: "RowEntry" });
export const ErrorEntry = Type.Object({ type: Type.Literal("error"), error: HranaError }, { $id: "ErrorEntry" });

/** Entries streamed by a cursor; together they carry what a BatchResult carries. */
export const CursorEntry = Type.Union([StepBeginEntry, StepEndEntry, StepErrorEntry, RowEntry, ErrorEntry], {
  $id: "CursorEntry",
});
export type CursorEntry = Static<typeof CursorEntry>;

