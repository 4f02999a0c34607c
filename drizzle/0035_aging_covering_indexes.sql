-- Hand-written (drizzle-kit cannot declare INCLUDE). The aging report joins each receivable line to its
-- contract only for signed_on: with this index that is an index-only lookup instead of reading the wide
-- contract rows (lines and payment plan jsonb). The collection rate's "due in the period" reads lines of
-- every status by due date; no index led with (workspace_id, due_date). docs/benchmarks.md, issue #6.
CREATE INDEX IF NOT EXISTS "contracts_signed_on_cover_idx" ON "contracts" USING btree ("workspace_id","id") INCLUDE ("signed_on");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "receivables_due_cover_idx" ON "receivables" USING btree ("workspace_id","due_date") INCLUDE ("owner_id","amount");
