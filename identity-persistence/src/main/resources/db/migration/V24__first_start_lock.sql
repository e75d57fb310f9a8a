-- Nodes starting together on an empty database take turns generating keys and the first console
-- operator (FirstStartLock): they lock this row for the length of that work.
INSERT INTO job_lease (name, owner, locked_until) VALUES ('first-start', NULL, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00');
