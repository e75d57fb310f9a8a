-- "Continue on your phone": single-use, short-lived links that let a phone resume the process a
-- desktop browser opened. Only the SHA-256 digest of the link's random token is stored; the row
-- names the process and the web token (jti) whose session the phone takes over. No personal data.
-- Portable SQL (PostgreSQL and H2 2.x).
CREATE SEQUENCE process_handoff_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE process_handoff (
  id            BIGINT PRIMARY KEY,
  token_digest  VARCHAR(64) NOT NULL,
  client_id     VARCHAR(40) NOT NULL,
  process_id    VARCHAR(40) NOT NULL,
  jti           VARCHAR(36) NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  used_at       TIMESTAMP WITH TIME ZONE,
  version       BIGINT NOT NULL,
  CONSTRAINT uq_process_handoff_digest UNIQUE (token_digest)
);
CREATE INDEX ix_process_handoff_process ON process_handoff (client_id, process_id, id);
