-- The console searches a tenant's processes by document number. The number is stored only sealed
-- (in the validation's details), so each document validation keeps a keyed hash of it (HMAC-SHA256
-- under the one-time-code key ring, purpose "document"); erased by the retention purge.
ALTER TABLE validation ADD COLUMN document_tag VARCHAR(64);
CREATE INDEX ix_validation_document_tag ON validation (client_id, document_tag);
