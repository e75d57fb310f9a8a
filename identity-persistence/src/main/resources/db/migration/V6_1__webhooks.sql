-- Webhooks: endpoints per tenant (signing secrets sealed with the media key ring, never in clear)
-- and one delivery row per (event, matching endpoint), written in the transaction that records the
-- event, drained by the webhook job. Portable SQL (PostgreSQL and H2 2.x).

CREATE SEQUENCE webhook_endpoint_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE webhook_endpoint (
  id                      BIGINT PRIMARY KEY,
  endpoint_id             VARCHAR(40)   NOT NULL,
  client_id               VARCHAR(40)   NOT NULL,
  url                     VARCHAR(2048) NOT NULL,
  http_method             VARCHAR(10)   NOT NULL,
  event_types             TEXT          NOT NULL,
  event_actions           TEXT          NOT NULL,
  headers                 TEXT          NOT NULL,
  enabled                 BOOLEAN       NOT NULL,
  secret_sealed           VARCHAR(400)  NOT NULL,
  previous_secret_sealed  VARCHAR(400),
  previous_secret_until   TIMESTAMP WITH TIME ZONE,
  created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
  deleted_at              TIMESTAMP WITH TIME ZONE,
  version                 BIGINT        NOT NULL,
  CONSTRAINT uq_webhook_endpoint_id UNIQUE (endpoint_id)
);
-- Fan-out reads a tenant's live endpoints on every recorded event.
CREATE INDEX ix_webhook_endpoint_client ON webhook_endpoint (client_id, deleted_at, id);

CREATE SEQUENCE webhook_delivery_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE webhook_delivery (
  id                BIGINT PRIMARY KEY,
  idempotency_key   VARCHAR(40)  NOT NULL,
  client_id         VARCHAR(40)  NOT NULL,
  endpoint_id       VARCHAR(40)  NOT NULL,
  event_id          VARCHAR(40)  NOT NULL,
  event_type        VARCHAR(60)  NOT NULL,
  event_action      VARCHAR(40)  NOT NULL,
  object            TEXT         NOT NULL,
  event_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  status            VARCHAR(10)  NOT NULL,
  attempts          INTEGER      NOT NULL,
  next_attempt_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  last_http_status  INTEGER,
  last_error        VARCHAR(200),
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT uq_webhook_delivery_key UNIQUE (idempotency_key),
  CONSTRAINT ck_webhook_delivery_status CHECK (status IN ('pending', 'success', 'failure'))
);
-- The drain claims due pending rows; the log lists a tenant's rows newest first; the purge and
-- the range replay go by event time.
CREATE INDEX ix_webhook_delivery_due ON webhook_delivery (status, next_attempt_at);
CREATE INDEX ix_webhook_delivery_client ON webhook_delivery (client_id, id);
CREATE INDEX ix_webhook_delivery_event_at ON webhook_delivery (client_id, event_at);
CREATE INDEX ix_webhook_delivery_created ON webhook_delivery (created_at);

INSERT INTO job_lease (name, owner, locked_until) VALUES ('webhook-purge', NULL, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00');
