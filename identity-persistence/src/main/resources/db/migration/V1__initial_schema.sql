-- Initial schema. Portable SQL: runs on PostgreSQL (production) and H2 2.x (embedded default).
-- No TIMESTAMPTZ (H2 rejects it), no JSONB, no partial indexes. Sequences' INCREMENT BY equals
-- the entities' allocationSize, and EclipseLink reads a value as the last id of its block, so
-- those with a block of 50 start at 50.

CREATE SEQUENCE client_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE client (
  id          BIGINT PRIMARY KEY,
  client_id   VARCHAR(40)  NOT NULL,
  name        VARCHAR(100) NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT uq_client_client_id UNIQUE (client_id)
);

CREATE SEQUENCE backend_key_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE backend_key (
  id          BIGINT PRIMARY KEY,
  key_id      VARCHAR(40)  NOT NULL,
  client_id   VARCHAR(40)  NOT NULL,
  key_name    VARCHAR(100) NOT NULL,
  digest      VARCHAR(64)  NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  revoked_at  TIMESTAMP WITH TIME ZONE,
  version     BIGINT,
  CONSTRAINT uq_backend_key_key_id UNIQUE (key_id),
  CONSTRAINT uq_backend_key_digest UNIQUE (digest)
);
CREATE INDEX ix_backend_key_client ON backend_key (client_id, id);

CREATE TABLE signing_key (
  kid         VARCHAR(64)  PRIMARY KEY,
  secret      VARCHAR(200) NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE SEQUENCE flow_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE flow (
  id            BIGINT PRIMARY KEY,
  flow_id       VARCHAR(40)  NOT NULL,
  client_id     VARCHAR(40)  NOT NULL,
  name          VARCHAR(100) NOT NULL,
  enabled       BOOLEAN      NOT NULL,
  flow_version  INTEGER      NOT NULL,
  time_to_live  INTEGER      NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  version       BIGINT,
  CONSTRAINT uq_flow_flow_id UNIQUE (flow_id),
  CONSTRAINT ck_flow_ttl CHECK (time_to_live BETWEEN 1 AND 1440)
);
CREATE INDEX ix_flow_client ON flow (client_id, id);

CREATE SEQUENCE flow_version_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE flow_version (
  id            BIGINT PRIMARY KEY,
  flow_id       VARCHAR(40) NOT NULL,
  flow_version  INTEGER     NOT NULL,
  definition    TEXT        NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT uq_flow_version UNIQUE (flow_id, flow_version)
);

CREATE SEQUENCE account_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE account (
  id                   BIGINT PRIMARY KEY,
  client_id            VARCHAR(40)  NOT NULL,
  account_id           VARCHAR(100) NOT NULL,
  email                VARCHAR(254),
  country              VARCHAR(3),
  document_number      VARCHAR(40),
  document_type        VARCHAR(30),
  document_issue_date  DATE,
  first_name           VARCHAR(100),
  last_name            VARCHAR(100),
  phone_number         VARCHAR(20),
  facebook_user        VARCHAR(100),
  twitter_user         VARCHAR(100),
  created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT uq_account UNIQUE (client_id, account_id)
);
CREATE INDEX ix_account_client ON account (client_id, id);

CREATE SEQUENCE web_token_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE web_token (
  id             BIGINT PRIMARY KEY,
  jti            VARCHAR(36)   NOT NULL,
  client_id      VARCHAR(40)   NOT NULL,
  key_type       VARCHAR(20)   NOT NULL,
  grant_type     VARCHAR(40)   NOT NULL,
  key_name       VARCHAR(100),
  username       VARCHAR(100),
  account_id     VARCHAR(100)  NOT NULL,
  flow_id        VARCHAR(64)   NOT NULL,
  country        VARCHAR(3)    NOT NULL,
  redirect_url   VARCHAR(2048) NOT NULL,
  document_type  VARCHAR(30),
  request_data   TEXT,
  issued_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  revoked_at     TIMESTAMP WITH TIME ZONE,
  process_id     VARCHAR(40),
  version        BIGINT,
  CONSTRAINT uq_web_token_jti UNIQUE (jti),
  CONSTRAINT uq_web_token_process UNIQUE (process_id)
);
CREATE INDEX ix_web_token_client ON web_token (client_id, id);

CREATE SEQUENCE identity_process_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE identity_process (
  id                  BIGINT PRIMARY KEY,
  process_id          VARCHAR(40)   NOT NULL,
  client_id           VARCHAR(40)   NOT NULL,
  account_id          VARCHAR(100)  NOT NULL,
  flow_id             VARCHAR(40)   NOT NULL,
  flow_version        INTEGER       NOT NULL,
  jti                 VARCHAR(36)   NOT NULL,
  created_via         VARCHAR(20)   NOT NULL,
  country             VARCHAR(3)    NOT NULL,
  redirect_url        VARCHAR(2048) NOT NULL,
  start_data          TEXT,
  status              VARCHAR(10)   NOT NULL,
  failure_status      VARCHAR(20),
  declined_reason     VARCHAR(80),
  expired_reason      VARCHAR(80),
  current_step_index  INTEGER       NOT NULL,
  grace_extensions    INTEGER       NOT NULL,
  ip_address          VARCHAR(45),
  created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  version             BIGINT,
  CONSTRAINT uq_identity_process_process_id UNIQUE (process_id),
  CONSTRAINT uq_identity_process_jti UNIQUE (jti),
  CONSTRAINT ck_identity_process_status CHECK (status IN ('pending', 'success', 'failure')),
  CONSTRAINT ck_identity_process_failure CHECK (failure_status IS NULL OR failure_status IN ('declined', 'expired', 'system_error'))
);
-- Tenant listing (newest first) and the expiry job's scan of pending processes by deadline.
CREATE INDEX ix_identity_process_client ON identity_process (client_id, id);
CREATE INDEX ix_identity_process_due ON identity_process (status, expires_at);

CREATE SEQUENCE validation_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE validation (
  id                 BIGINT PRIMARY KEY,
  validation_id      VARCHAR(40)  NOT NULL,
  process_id         VARCHAR(40)  NOT NULL,
  client_id          VARCHAR(40)  NOT NULL,
  account_id         VARCHAR(100) NOT NULL,
  step_index         INTEGER      NOT NULL,
  type               VARCHAR(30)  NOT NULL,
  status             VARCHAR(10)  NOT NULL,
  failure_status     VARCHAR(20),
  declined_reason    VARCHAR(80),
  expired_reason     VARCHAR(80),
  allowed_retries    INTEGER      NOT NULL,
  remaining_retries  INTEGER      NOT NULL,
  threshold          DOUBLE PRECISION,
  awaiting_input     BOOLEAN      NOT NULL,
  in_review          BOOLEAN      NOT NULL,
  details            TEXT,
  ip_address         VARCHAR(45),
  created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  version            BIGINT,
  CONSTRAINT uq_validation_validation_id UNIQUE (validation_id)
);
CREATE INDEX ix_validation_process ON validation (process_id, step_index, id);

CREATE TABLE job_lease (
  name          VARCHAR(60) PRIMARY KEY,
  owner         VARCHAR(80),
  locked_until  TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO job_lease (name, owner, locked_until) VALUES ('expire-processes', NULL, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00');
