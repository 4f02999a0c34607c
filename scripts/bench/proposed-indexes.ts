/**
 * Indexes the benchmark suggests but the schema does not have yet. `--try-index` creates them in the
 * BENCH database only, to measure the difference before anyone edits a `*.schema.ts` file and
 * generates a migration. Empty when every measured query already has its index.
 */
export const proposedIndexes: { name: string; reason: string; sql: string }[] = [];
