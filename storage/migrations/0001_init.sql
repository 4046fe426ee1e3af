-- The articles, their revisions, working copies, sources and notes.
--
-- Times are UTC text in the fixed-width form 2006-01-02T15:04:05.000000000Z,
-- which sorts as text in time order. Offsets are byte offsets into UTF-8.

CREATE TABLE articles (
	id         INTEGER PRIMARY KEY,
	title      TEXT NOT NULL CHECK (title <> ''),
	slug       TEXT NOT NULL DEFAULT '',
	byline     TEXT NOT NULL DEFAULT '',
	created    TEXT NOT NULL,
	updated    TEXT NOT NULL,
	deleted_at TEXT -- set while the article is in the trash
);

CREATE INDEX articles_by_updated ON articles (updated);

CREATE TABLE revisions (
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	number     INTEGER NOT NULL CHECK (number >= 1),
	label      TEXT NOT NULL DEFAULT '',
	author     TEXT NOT NULL DEFAULT '',
	text       TEXT NOT NULL,
	created    TEXT NOT NULL,
	PRIMARY KEY (article_id, number)
);

-- Revisions are append-only: numbered 1, 2, 3... without gaps, never
-- changed, and only removed when their article is purged. By the time ON
-- DELETE CASCADE reaches a revision its article row is already gone, which
-- is what lets the purge through.
CREATE TRIGGER revisions_numbered_in_order
BEFORE INSERT ON revisions
WHEN new.number IS NOT (SELECT coalesce(max(number), 0) + 1 FROM revisions WHERE article_id = new.article_id)
BEGIN
	SELECT RAISE(ABORT, 'revisions are append-only: a new revision takes the next number');
END;

CREATE TRIGGER revisions_never_change
BEFORE UPDATE ON revisions
BEGIN
	SELECT RAISE(ABORT, 'revisions are append-only: they cannot be changed');
END;

CREATE TRIGGER revisions_deleted_only_with_article
BEFORE DELETE ON revisions
WHEN EXISTS (SELECT 1 FROM articles WHERE id = old.article_id)
BEGIN
	SELECT RAISE(ABORT, 'revisions are append-only: they go only when their article is purged');
END;

-- At most one working copy per article, started from one of its revisions.
CREATE TABLE working_copies (
	article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
	base       INTEGER NOT NULL,
	text       TEXT NOT NULL,
	updated    TEXT NOT NULL,
	FOREIGN KEY (article_id, base) REFERENCES revisions (article_id, number) ON DELETE CASCADE
);

-- Source kinds are checked in Go (editor.SourceKind.Valid), so a new kind
-- needs no table rebuild.
CREATE TABLE sources (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	title      TEXT NOT NULL DEFAULT '',
	kind       TEXT NOT NULL,
	text       TEXT NOT NULL,
	created    TEXT NOT NULL
);

CREATE INDEX sources_by_article ON sources (article_id);

-- check_name is the stable name of the check that raised the note, or ''
-- for an editor's own comment. The anchor is a byte span into the text of
-- the revision the note was made on, plus the quoted text and a little
-- context to find it again after edits.
CREATE TABLE notes (
	id            INTEGER PRIMARY KEY,
	article_id    INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	revision      INTEGER NOT NULL,
	check_name    TEXT NOT NULL DEFAULT '',
	severity      TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'error')),
	status        TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'dismissed')),
	message       TEXT NOT NULL,
	author        TEXT NOT NULL DEFAULT '',
	anchor_start  INTEGER NOT NULL CHECK (anchor_start >= 0),
	anchor_end    INTEGER NOT NULL CHECK (anchor_end >= anchor_start),
	anchor_exact  TEXT NOT NULL DEFAULT '',
	anchor_prefix TEXT NOT NULL DEFAULT '',
	anchor_suffix TEXT NOT NULL DEFAULT '',
	orphaned      INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0, 1)),
	created       TEXT NOT NULL,
	updated       TEXT NOT NULL,
	FOREIGN KEY (article_id, revision) REFERENCES revisions (article_id, number) ON DELETE CASCADE
);

CREATE INDEX notes_by_article ON notes (article_id, status);

CREATE TABLE note_replies (
	id      INTEGER PRIMARY KEY,
	note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
	author  TEXT NOT NULL DEFAULT '',
	text    TEXT NOT NULL CHECK (text <> ''),
	created TEXT NOT NULL
);

CREATE INDEX note_replies_by_note ON note_replies (note_id);
