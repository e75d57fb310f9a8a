-- Operator console dashboard (issue 10): its aggregates filter a tenant's processes by creation
-- time (per day by status, reasons, funnel, completions).
CREATE INDEX ix_identity_process_created ON identity_process (client_id, created_at);
