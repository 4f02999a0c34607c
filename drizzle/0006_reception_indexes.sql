DROP INDEX "reception_visits_assignee_idx";--> statement-breakpoint
CREATE INDEX "reception_visits_assignee_idx" ON "reception_visits" USING btree ("workspace_id","assignee_id","id");