-- The verification engine: an explicit state per validation (replacing the awaiting_input and
-- in_review flags), attempts and check deadlines so checks run off the row lock, standalone
-- validations of the Validations API (no process), review claims and deadlines, process overrides,
-- and the event log. Portable SQL (PostgreSQL and H2 2.x).

ALTER TABLE validation ADD COLUMN state VARCHAR(20) DEFAULT 'awaiting_input' NOT NULL;
UPDATE validation SET state = CASE
    WHEN status = 'success' THEN 'succeeded'
    WHEN failure_status = 'expired' THEN 'expired'
    WHEN failure_status = 'system_error' THEN 'system_error'
    WHEN declined_reason IS NOT NULL AND declined_reason <> 'canceled' AND status = 'failure' THEN 'declined'
    WHEN status = 'failure' THEN 'canceled'
    WHEN in_review THEN 'in_review'
    WHEN awaiting_input THEN 'awaiting_input'
    ELSE 'checking' END;
ALTER TABLE validation DROP COLUMN awaiting_input;
ALTER TABLE validation DROP COLUMN in_review;
ALTER TABLE validation ADD CONSTRAINT ck_validation_state CHECK (state IN
    ('awaiting_input', 'checking', 'in_review', 'succeeded', 'declined', 'system_error', 'canceled', 'expired'));
ALTER TABLE validation ADD COLUMN attempt INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE validation ADD COLUMN timeout_seconds INTEGER DEFAULT 300 NOT NULL;
ALTER TABLE validation ADD COLUMN check_due_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE validation ADD COLUMN check_grace INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE validation ADD COLUMN document_country VARCHAR(3);
ALTER TABLE validation ADD COLUMN document_type VARCHAR(30);
ALTER TABLE validation ALTER COLUMN process_id DROP NOT NULL;
-- The checks job looks for running checks past their due time.
CREATE INDEX ix_validation_checking ON validation (state, check_due_at);
CREATE INDEX ix_validation_account ON validation (client_id, account_id, id);

ALTER TABLE stored_media ALTER COLUMN process_id DROP NOT NULL;

ALTER TABLE review_task DROP CONSTRAINT ck_review_task_status;
ALTER TABLE review_task ADD CONSTRAINT ck_review_task_status CHECK (status IN ('open', 'decided', 'expired', 'canceled'));
ALTER TABLE review_task ALTER COLUMN process_id DROP NOT NULL;
ALTER TABLE review_task ADD COLUMN validation_type VARCHAR(30) DEFAULT 'document-validation' NOT NULL;
ALTER TABLE review_task ADD COLUMN claimed_by VARCHAR(100);
ALTER TABLE review_task ADD COLUMN claimed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE review_task ADD COLUMN decision_reason VARCHAR(80);
ALTER TABLE review_task ADD COLUMN due_at TIMESTAMP WITH TIME ZONE;
UPDATE review_task SET due_at = created_at + INTERVAL '6' HOUR;
ALTER TABLE review_task ALTER COLUMN due_at SET NOT NULL;
UPDATE review_task SET decision = 'declined' WHERE decision = 'rejected';
CREATE INDEX ix_review_task_validation ON review_task (client_id, validation_id);

ALTER TABLE identity_process ADD COLUMN override_status VARCHAR(10);
ALTER TABLE identity_process ADD COLUMN override_history TEXT;

CREATE SEQUENCE process_event_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE process_event (
  id             BIGINT PRIMARY KEY,
  event_id       VARCHAR(40)  NOT NULL,
  client_id      VARCHAR(40)  NOT NULL,
  process_id     VARCHAR(40),
  validation_id  VARCHAR(40),
  event_type     VARCHAR(60)  NOT NULL,
  event_action   VARCHAR(40)  NOT NULL,
  actor          VARCHAR(120) NOT NULL,
  object         TEXT         NOT NULL,
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT uq_process_event_event_id UNIQUE (event_id)
);
-- A process's timeline, a validation's history, and a tenant's log in order.
CREATE INDEX ix_process_event_process ON process_event (client_id, process_id, id);
CREATE INDEX ix_process_event_validation ON process_event (client_id, validation_id, id);
CREATE INDEX ix_process_event_client ON process_event (client_id, id);
