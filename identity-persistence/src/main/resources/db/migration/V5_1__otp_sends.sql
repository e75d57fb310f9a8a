-- One row per one-time code sent, for the send limits (per destination, per process, per tenant,
-- per hour, and a cooldown per validation). The destination is kept only as a keyed hash.
CREATE SEQUENCE otp_send_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE otp_send (
  id               BIGINT PRIMARY KEY,
  client_id        VARCHAR(40) NOT NULL,
  process_id       VARCHAR(40),
  validation_id    VARCHAR(40) NOT NULL,
  destination_tag  VARCHAR(64) NOT NULL,
  sent_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_otp_send_destination ON otp_send (destination_tag, sent_at);
CREATE INDEX ix_otp_send_client ON otp_send (client_id, sent_at);
CREATE INDEX ix_otp_send_validation ON otp_send (validation_id, sent_at);
CREATE INDEX ix_otp_send_process ON otp_send (process_id, sent_at);
