-- The search indexes take each change as it is written instead of
-- collecting changes in a pending list until the next vacuum. Every search
-- read the whole pending list, and while it was long (after an import,
-- or a busy hour between vacuums) the planner read every search document
-- instead, each stored compressed out of line: a search for a surname in
-- 4 of 10,000 articles took 30-50 ms with no one else searching. The
-- PostgreSQL manual advises this where steady response times matter more
-- than the speed of writes; a revision of 1,000 words costs about 0.5 ms
-- more.

ALTER INDEX article_search_doc SET (fastupdate = off);
ALTER INDEX note_search_doc SET (fastupdate = off);

-- What the pending list held goes into the indexes now.
SELECT gin_clean_pending_list('article_search_doc'::regclass);
SELECT gin_clean_pending_list('note_search_doc'::regclass);
