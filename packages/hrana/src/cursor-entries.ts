// Cursor entries (Hrana 3) carry what a BatchResult carries, step by step.
import type { BatchResult, CursorEntry } from "@baton/protocol-types/hrana";

export function batchResultToEntries(result: BatchResult): CursorEntry[] {
  const entries: CursorEntry[] = [];
  result.step_results.forEach((stepResult, step) => {
    const stepError = result.step_errors[step];
    if (stepError != null) {
      entries.push({ type: "step_error", step, error: stepError });
      return;
    }
    if (stepResult == null) return;
    entries.push({ type: "step_begin", step, cols: stepResult.cols });
    for (const row of stepResult.rows) entries.push({ type: "row", row });
    entries.push({
      type: "step_end",
      affected_row_count: stepResult.affected_row_count,
      last_insert_rowid: stepResult.last_insert_rowid,
    });
  });
  return entries;
}
