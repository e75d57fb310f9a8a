-- Active liveness of face steps (issue 12). Per validation: the actions the server asked for one
-- attempt (wire names in order, comma-joined; chosen by the server so a client cannot pick easy
-- ones), the number of the check they are for (a retry gets new actions), and the recorded burst of frames (one
-- sealed stored_media object). The per-action outcome is part of the sealed details JSON
-- (face_recognition_validations.actions_status), as the similarity outcome already is.
ALTER TABLE validation ADD COLUMN liveness_actions VARCHAR(80);
ALTER TABLE validation ADD COLUMN liveness_attempt INTEGER;
ALTER TABLE validation ADD COLUMN frames_media_id VARCHAR(40);
