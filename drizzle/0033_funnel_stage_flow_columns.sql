ALTER TABLE "opportunity_stage_history" ADD COLUMN "pipeline_id" uuid;--> statement-breakpoint
ALTER TABLE "opportunity_stage_history" ADD COLUMN "owner_id" uuid;--> statement-breakpoint
ALTER TABLE "opportunity_stage_history" ADD COLUMN "department_id" uuid;--> statement-breakpoint
ALTER TABLE "opportunity_stage_history" ADD COLUMN "position" integer;--> statement-breakpoint
ALTER TABLE "opportunity_stage_history" ADD COLUMN "reached_later" integer;--> statement-breakpoint
ALTER TABLE "opportunity_stage_history" ADD COLUMN "prev_entry_at" timestamp with time zone;--> statement-breakpoint
-- backfill of the funnel's derived columns, set-based (the statement of refreshStageFlowColumns over every row),
-- before the indexes are built so that they are written once; the two window sorts get memory for this statement only
SET LOCAL work_mem = '256MB';--> statement-breakpoint
UPDATE "opportunity_stage_history" h
SET "pipeline_id" = d.pipeline_id, "owner_id" = d.owner_id, "department_id" = d.department_id, "position" = d.position,
    "reached_later" = d.reached_later, "prev_entry_at" = d.prev_entry_at
FROM (
  SELECT x.workspace_id, x.id, o.pipeline_id, o.owner_id, o.department_id, st.position,
         max(st.position) OVER (PARTITION BY x.workspace_id, x.opportunity_id ORDER BY x.at DESC) AS reached_later,
         CASE WHEN x.to_stage_id IS NOT NULL
           THEN lag(x.at) OVER (PARTITION BY x.workspace_id, x.opportunity_id, x.to_stage_id ORDER BY x.at, x.id) END AS prev_entry_at
  FROM "opportunity_stage_history" x
  JOIN "opportunities" o ON o.workspace_id = x.workspace_id AND o.id = x.opportunity_id
  LEFT JOIN "pipeline_stages" st ON st.workspace_id = x.workspace_id AND st.id = x.to_stage_id
) d
WHERE h.workspace_id = d.workspace_id AND h.id = d.id;--> statement-breakpoint
SET LOCAL work_mem TO DEFAULT;--> statement-breakpoint
CREATE INDEX "opportunities_open_department_idx" ON "opportunities" USING btree ("workspace_id","pipeline_id","department_id","stage_id","owner_id","id","amount","probability") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "opportunities_closed_figures_idx" ON "opportunities" USING btree ("workspace_id","pipeline_id","closed_on","status","owner_id","department_id","id","amount") WHERE status in ('won', 'lost');--> statement-breakpoint
CREATE INDEX "opportunity_stage_history_flow_idx" ON "opportunity_stage_history" USING btree ("workspace_id","pipeline_id","at","to_stage_id","from_stage_id","days_in_stage","position","reached_later","prev_entry_at");--> statement-breakpoint
CREATE INDEX "opportunity_stage_history_flow_department_idx" ON "opportunity_stage_history" USING btree ("workspace_id","pipeline_id","department_id","at","to_stage_id","from_stage_id","days_in_stage","position","reached_later","prev_entry_at");--> statement-breakpoint
CREATE INDEX "opportunity_stage_history_flow_owner_idx" ON "opportunity_stage_history" USING btree ("workspace_id","pipeline_id","owner_id","at");
