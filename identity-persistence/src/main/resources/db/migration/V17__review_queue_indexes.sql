-- The two review-queue queries that run on every job tick across all tenants (no client_id
-- prefix, so ix_review_task_queue cannot serve them) read only open tasks:
--   overdue reviews:   WHERE status = 'open' AND due_at <= now ORDER BY due_at
--   queue depth gauge: WHERE status = 'open' GROUP BY validation_type, MIN(created_at)
-- Without these they scan the whole table, which grows with every review ever decided.
-- Plain composite indexes (status first) rather than partial ones, so H2 runs the same file.
CREATE INDEX ix_review_task_open_due ON review_task (status, due_at);
CREATE INDEX ix_review_task_open_type ON review_task (status, validation_type, created_at);
