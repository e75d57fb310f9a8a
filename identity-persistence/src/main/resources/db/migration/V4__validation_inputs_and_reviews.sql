-- What a validation keeps between the user's attempts: the latest user-fixable reason, the
-- uploads it refers to, the one-time-code challenge, and the manual review queue.

ALTER TABLE validation ADD COLUMN last_reason VARCHAR(80);
ALTER TABLE validation ADD COLUMN front_media_id VARCHAR(40);
ALTER TABLE validation ADD COLUMN reverse_media_id VARCHAR(40);
ALTER TABLE validation ADD COLUMN face_media_id VARCHAR(40);
ALTER TABLE validation ADD COLUMN otp_channel VARCHAR(10);
ALTER TABLE validation ADD COLUMN otp_destination VARCHAR(254);
ALTER TABLE validation ADD COLUMN otp_key_id VARCHAR(64);
ALTER TABLE validation ADD COLUMN otp_salt VARCHAR(64);
ALTER TABLE validation ADD COLUMN otp_code_hash VARCHAR(128);
ALTER TABLE validation ADD COLUMN otp_issued_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE validation ADD COLUMN otp_expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE validation ADD COLUMN otp_send_count INTEGER;
ALTER TABLE validation ADD COLUMN otp_exhausted BOOLEAN;
ALTER TABLE validation ADD COLUMN otp_verified_at TIMESTAMP WITH TIME ZONE;

CREATE SEQUENCE review_task_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE review_task (
  id             BIGINT PRIMARY KEY,
  review_id      VARCHAR(40)  NOT NULL,
  client_id      VARCHAR(40)  NOT NULL,
  process_id     VARCHAR(40)  NOT NULL,
  validation_id  VARCHAR(40)  NOT NULL,
  reason         VARCHAR(80)  NOT NULL,
  note           VARCHAR(500),
  status         VARCHAR(10)  NOT NULL,
  decision       VARCHAR(10),
  decided_by     VARCHAR(100),
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  decided_at     TIMESTAMP WITH TIME ZONE,
  version        BIGINT,
  CONSTRAINT uq_review_task_review_id UNIQUE (review_id),
  CONSTRAINT ck_review_task_status CHECK (status IN ('open', 'decided'))
);
CREATE INDEX ix_review_task_queue ON review_task (client_id, status, id);
