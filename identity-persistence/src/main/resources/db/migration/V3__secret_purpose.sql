-- Generated secrets serve two purposes: 'jwt' (HS256 signing) and 'media' (AES-GCM at rest).
ALTER TABLE signing_key ADD COLUMN purpose VARCHAR(10) DEFAULT 'jwt' NOT NULL;
