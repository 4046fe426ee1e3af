-- A desk shared by several editors: each keeps a working copy of their own
-- (two editors typing in one article never overwrite each other), and
-- presence records who has an article open.
--
-- editor is the name the editor works under ('' for a desk used without
-- one, which is every working copy saved before this migration).

CREATE TABLE working_copies_by_editor (
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	editor     TEXT NOT NULL DEFAULT '',
	base       INTEGER NOT NULL,
	text       TEXT NOT NULL,
	updated    TEXT NOT NULL,
	PRIMARY KEY (article_id, editor),
	FOREIGN KEY (article_id, base) REFERENCES revisions (article_id, number) ON DELETE CASCADE
);

INSERT INTO working_copies_by_editor (article_id, editor, base, text, updated)
SELECT article_id, '', base, text, updated FROM working_copies;

-- Dropping the table drops its triggers.
DROP TABLE working_copies;
ALTER TABLE working_copies_by_editor RENAME TO working_copies;

-- article_search.draft now holds every editor's draft; any change to any of
-- them marks the article for indexDrafts, which rebuilds the column.
-- (INSERT OR IGNORE would not do: a trigger's conflict clause gives way to
-- that of the statement that fired it, here the working copy's upsert.)
CREATE TRIGGER working_copies_draft_stale_insert AFTER INSERT ON working_copies
BEGIN
	INSERT INTO draft_index_stale (article_id)
	SELECT new.article_id WHERE NOT EXISTS (SELECT 1 FROM draft_index_stale WHERE article_id = new.article_id);
END;

CREATE TRIGGER working_copies_draft_stale_update AFTER UPDATE OF text ON working_copies
WHEN new.text IS NOT old.text
BEGIN
	INSERT INTO draft_index_stale (article_id)
	SELECT new.article_id WHERE NOT EXISTS (SELECT 1 FROM draft_index_stale WHERE article_id = new.article_id);
END;

CREATE TRIGGER working_copies_draft_stale_delete AFTER DELETE ON working_copies
BEGIN
	INSERT INTO draft_index_stale (article_id)
	SELECT old.article_id WHERE EXISTS (SELECT 1 FROM articles WHERE id = old.article_id)
		AND NOT EXISTS (SELECT 1 FROM draft_index_stale WHERE article_id = old.article_id);
END;

-- One row per open workspace (session), refreshed by its heartbeat.
-- Advisory only: it tells editors who else is in an article.
CREATE TABLE presence (
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	session    TEXT NOT NULL,
	editor     TEXT NOT NULL,
	seen       TEXT NOT NULL,
	PRIMARY KEY (article_id, session)
);
