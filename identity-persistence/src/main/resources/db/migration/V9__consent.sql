-- The end user's data authorization (Truora's enter_authorization) on the process: given or
-- refused, which version of the text was shown (version and language), when, from which IP and
-- user agent. Null until the user answers; flows without a privacy notice never ask.
ALTER TABLE identity_process ADD COLUMN consent_given BOOLEAN;
ALTER TABLE identity_process ADD COLUMN consent_text_version VARCHAR(40);
ALTER TABLE identity_process ADD COLUMN consent_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE identity_process ADD COLUMN consent_ip VARCHAR(45);
ALTER TABLE identity_process ADD COLUMN consent_user_agent VARCHAR(512);
