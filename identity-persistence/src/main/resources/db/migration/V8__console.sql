-- Operator console: its users (operators across tenants, per-tenant admins, reviewers, auditors)
-- and the audit trail of what they do, a hash chain (each entry carries the SHA-256 of the one
-- before). Portable SQL (PostgreSQL and H2 2.x).

CREATE SEQUENCE console_user_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE console_user (
  id                  BIGINT PRIMARY KEY,
  client_id           VARCHAR(40),
  username            VARCHAR(100) NOT NULL,
  password_hash       VARCHAR(300),
  roles               VARCHAR(200) NOT NULL,
  enabled             BOOLEAN      NOT NULL,
  failed_attempts     INTEGER      NOT NULL,
  locked_until        TIMESTAMP WITH TIME ZONE,
  setup_digest        VARCHAR(64),
  setup_expires_at    TIMESTAMP WITH TIME ZONE,
  created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  version             BIGINT       NOT NULL,
  CONSTRAINT uq_console_user_username UNIQUE (username),
  CONSTRAINT uq_console_user_setup UNIQUE (setup_digest)
);
CREATE INDEX ix_console_user_client ON console_user (client_id, username);

-- Ids are chain positions (1, 2, 3, …) taken under the head's lock: no sequence, no gaps.
CREATE TABLE audit_entry (
  id            BIGINT PRIMARY KEY,
  occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  actor         VARCHAR(100) NOT NULL,
  client_id     VARCHAR(40),
  source_ip     VARCHAR(64),
  action        VARCHAR(60)  NOT NULL,
  target        VARCHAR(200),
  summary       VARCHAR(2000),
  prev_hash     VARCHAR(64)  NOT NULL,
  entry_hash    VARCHAR(64)  NOT NULL
);
CREATE INDEX ix_audit_entry_client ON audit_entry (client_id, id);

-- The chain's head: one row, locked by every append so entries are chained one after another.
CREATE TABLE audit_chain_head (
  id          INTEGER PRIMARY KEY,
  last_id     BIGINT      NOT NULL,
  last_hash   VARCHAR(64) NOT NULL
);
INSERT INTO audit_chain_head (id, last_id, last_hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
