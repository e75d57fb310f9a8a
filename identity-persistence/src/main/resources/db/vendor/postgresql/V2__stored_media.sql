-- Encrypted uploads (document sides, selfies). PostgreSQL flavour: BYTEA holds up to 1 GB.

CREATE SEQUENCE stored_media_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE stored_media (
  id          BIGINT PRIMARY KEY,
  media_id    VARCHAR(40) NOT NULL,
  client_id   VARCHAR(40) NOT NULL,
  process_id  VARCHAR(40) NOT NULL,
  kind        VARCHAR(30) NOT NULL,
  mime_type   VARCHAR(40) NOT NULL,
  size_bytes  BIGINT      NOT NULL,
  key_id      VARCHAR(64) NOT NULL,
  nonce       BYTEA NOT NULL,
  ciphertext  BYTEA       NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT uq_stored_media_media_id UNIQUE (media_id)
);
CREATE INDEX ix_stored_media_process ON stored_media (client_id, process_id);

