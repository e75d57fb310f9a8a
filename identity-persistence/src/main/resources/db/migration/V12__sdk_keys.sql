-- Truora's validations SDK keys live next to the backend keys (looked up by digest, revocable):
-- key_type 'generator' (long-lived, only mints sdk keys) and 'sdk' (short-lived, the Validations
-- API of its tenant). issued_by names the key that minted one (revoking a generator revokes the sdk
-- keys it minted); expires_at is the JWT's exp, for listing and clean-up.
ALTER TABLE backend_key ADD COLUMN key_type VARCHAR(16) DEFAULT 'backend' NOT NULL;
ALTER TABLE backend_key ADD COLUMN issued_by VARCHAR(40);
ALTER TABLE backend_key ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_backend_key_issued_by ON backend_key (issued_by);
