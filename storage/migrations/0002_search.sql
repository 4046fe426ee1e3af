-- Full-text search (FTS4) over articles and notes, kept in step with the
-- tables by triggers, so every write path, including a cascade, updates it.
--
-- article_search has one row per article (docid = articles.id): its title,
-- the text of its latest revision and of its working copy. note_search has
-- one row per note (docid = notes.id): its message and all its replies.
-- unicode61 folds case and, with remove_diacritics=2, accents, so "cafe"
-- finds "Café".

CREATE VIRTUAL TABLE article_search USING fts4 (
	title, text, draft,
	tokenize=unicode61 "remove_diacritics=2"
);

CREATE VIRTUAL TABLE note_search USING fts4 (
	message, replies,
	tokenize=unicode61 "remove_diacritics=2"
);

INSERT INTO article_search (docid, title, text, draft)
SELECT a.id, a.title,
	coalesce((SELECT r.text FROM revisions r WHERE r.article_id = a.id ORDER BY r.number DESC LIMIT 1), ''),
	coalesce((SELECT w.text FROM working_copies w WHERE w.article_id = a.id), '')
FROM articles a;

INSERT INTO note_search (docid, message, replies)
SELECT n.id, n.message,
	coalesce((SELECT group_concat(r.text, char(10)) FROM note_replies r WHERE r.note_id = n.id), '')
FROM notes n;

CREATE TRIGGER articles_search_insert AFTER INSERT ON articles
BEGIN
	INSERT INTO article_search (docid, title, text, draft) VALUES (new.id, new.title, '', '');
END;

CREATE TRIGGER articles_search_title AFTER UPDATE OF title ON articles
WHEN new.title IS NOT old.title
BEGIN
	UPDATE article_search SET title = new.title WHERE docid = new.id;
END;

CREATE TRIGGER articles_search_delete AFTER DELETE ON articles
BEGIN
	DELETE FROM article_search WHERE docid = old.id;
END;

-- Revisions are numbered in order, so the one just inserted is the latest.
CREATE TRIGGER revisions_search_insert AFTER INSERT ON revisions
BEGIN
	UPDATE article_search SET text = new.text WHERE docid = new.article_id;
END;

CREATE TRIGGER working_copies_search_insert AFTER INSERT ON working_copies
BEGIN
	UPDATE article_search SET draft = new.text WHERE docid = new.article_id;
END;

-- Autosave rewrites the working copy often; reindex only when its text
-- actually changed.
CREATE TRIGGER working_copies_search_update AFTER UPDATE OF text ON working_copies
WHEN new.text IS NOT old.text
BEGIN
	UPDATE article_search SET draft = new.text WHERE docid = new.article_id;
END;

CREATE TRIGGER working_copies_search_delete AFTER DELETE ON working_copies
BEGIN
	UPDATE article_search SET draft = '' WHERE docid = old.article_id;
END;

CREATE TRIGGER notes_search_insert AFTER INSERT ON notes
BEGIN
	INSERT INTO note_search (docid, message, replies) VALUES (new.id, new.message, '');
END;

CREATE TRIGGER notes_search_message AFTER UPDATE OF message ON notes
WHEN new.message IS NOT old.message
BEGIN
	UPDATE note_search SET message = new.message WHERE docid = new.id;
END;

CREATE TRIGGER notes_search_delete AFTER DELETE ON notes
BEGIN
	DELETE FROM note_search WHERE docid = old.id;
END;

CREATE TRIGGER note_replies_search_insert AFTER INSERT ON note_replies
BEGIN
	UPDATE note_search
	SET replies = (SELECT group_concat(text, char(10)) FROM note_replies WHERE note_id = new.note_id)
	WHERE docid = new.note_id;
END;

CREATE TRIGGER note_replies_search_update AFTER UPDATE OF text ON note_replies
BEGIN
	UPDATE note_search
	SET replies = (SELECT group_concat(text, char(10)) FROM note_replies WHERE note_id = new.note_id)
	WHERE docid = new.note_id;
END;

CREATE TRIGGER note_replies_search_delete AFTER DELETE ON note_replies
BEGIN
	UPDATE note_search
	SET replies = coalesce((SELECT group_concat(text, char(10)) FROM note_replies WHERE note_id = old.note_id), '')
	WHERE docid = old.note_id;
END;
