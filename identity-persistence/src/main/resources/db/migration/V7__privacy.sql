-- Privacy at rest and retention. Portable SQL (PostgreSQL and H2: ALTER COLUMN ... SET DATA TYPE).
-- Personal data columns hold sealed values (enc1:<key id>:<base64 nonce+ciphertext+tag>), longer
-- than the plaintext they replace, so the short ones widen. Rows written before this version stay
-- plaintext until the start-up step (PlaintextSealing) seals them; readers accept both meanwhile.
ALTER TABLE account ALTER COLUMN email SET DATA TYPE VARCHAR(2048);
ALTER TABLE account ALTER COLUMN document_number SET DATA TYPE VARCHAR(2048);
ALTER TABLE account ALTER COLUMN first_name SET DATA TYPE VARCHAR(2048);
ALTER TABLE account ALTER COLUMN last_name SET DATA TYPE VARCHAR(2048);
ALTER TABLE account ALTER COLUMN phone_number SET DATA TYPE VARCHAR(2048);
ALTER TABLE account ALTER COLUMN facebook_user SET DATA TYPE VARCHAR(2048);
ALTER TABLE account ALTER COLUMN twitter_user SET DATA TYPE VARCHAR(2048);
ALTER TABLE validation ALTER COLUMN otp_destination SET DATA TYPE VARCHAR(2048);
ALTER TABLE review_task ALTER COLUMN note SET DATA TYPE VARCHAR(2048);

-- When the personal data of a finished process was erased (retention purge or DELETE).
ALTER TABLE identity_process ADD COLUMN redacted_at TIMESTAMP WITH TIME ZONE;

-- A tenant's retention period (ISO-8601, e.g. P30D); NULL means identity.retention.default.
ALTER TABLE client ADD COLUMN retention VARCHAR(40);

-- The purge job's scan: a tenant's finished processes by last change.
CREATE INDEX ix_identity_process_retention ON identity_process (client_id, status, updated_at);

-- The purge job's lease, free (without the row the first pass would only create it).
INSERT INTO job_lease (name, owner, locked_until) VALUES ('purge-personal-data', NULL, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00');
