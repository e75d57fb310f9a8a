-- The Validations API: enrollments (POST /v1/enrollments: an account's face reference photo, or
-- the phone / e-mail its codes go to), and the due time of standalone validations waiting for
-- input, for the expiry sweep. Portable SQL (PostgreSQL and H2 2.x).

ALTER TABLE validation ADD COLUMN input_due_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_validation_input_due ON validation (state, input_due_at);

CREATE SEQUENCE enrollment_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE enrollment (
  id              BIGINT PRIMARY KEY,
  enrollment_id   VARCHAR(40)  NOT NULL,
  client_id       VARCHAR(40)  NOT NULL,
  account_id      VARCHAR(100) NOT NULL,
  type            VARCHAR(30)  NOT NULL,
  status          VARCHAR(10)  NOT NULL,
  reason          VARCHAR(60),
  media_id        VARCHAR(40),
  upload_expires_at TIMESTAMP WITH TIME ZONE,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT uq_enrollment_enrollment_id UNIQUE (enrollment_id),
  CONSTRAINT ck_enrollment_status CHECK (status IN ('pending', 'success', 'failure'))
);
-- An account's enrollments, newest first (listing, and the face reference of a selfie).
CREATE INDEX ix_enrollment_account ON enrollment (client_id, account_id, id);
