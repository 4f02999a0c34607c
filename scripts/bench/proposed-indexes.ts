/**
 * Indexes the benchmark suggests but the schema does not have yet. `--try-index` creates them in the
 * BENCH database only, to measure the difference before anyone edits a `*.schema.ts` file and
 * generates a migration. Empty when every measured query already has its index.
 */
// contracts_signed_on_cover_idx and receivables_due_cover_idx, proposed here for issue 6, are migration 0035.
export const proposedIndexes: { name: string; reason: string; sql: string }[] = [];
