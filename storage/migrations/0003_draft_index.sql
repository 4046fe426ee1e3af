-- Autosave rewrites an article's working copy about once a second while
-- the editor types. Re-indexing the whole draft in article_search at every
-- write cost 0.8 s for a million words, most of each autosave. A write now
-- only records that the draft is not indexed yet; the index is brought up
-- to date before it is read (search, the library's filter) and when the
-- desk is closed (see indexDrafts).

CREATE TABLE draft_index_stale (
	article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE
);

DROP TRIGGER working_copies_search_insert;
DROP TRIGGER working_copies_search_update;

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

-- A working copy that goes (committed, discarded) leaves an empty draft,
-- as working_copies_search_delete writes it: nothing is left to index.
CREATE TRIGGER working_copies_draft_stale_delete AFTER DELETE ON working_copies
BEGIN
	DELETE FROM draft_index_stale WHERE article_id = old.article_id;
END;
