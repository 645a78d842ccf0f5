-- Migration number: 0002 	 2025-01-20T09:30:00.000Z
CREATE TABLE tags (
    note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (note_id, tag)
);
CREATE INDEX tags_by_tag ON tags(tag);
INSERT INTO notes (title, body) VALUES ('Welcome', 'Notes are kept in D1.');
INSERT INTO tags (note_id, tag) VALUES (1, 'intro');
