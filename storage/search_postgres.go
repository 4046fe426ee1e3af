package storage

import (
	"context"
	"database/sql"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"copydesk/editor"
)

// The PostgreSQL desk's search (migration postgres/0001: article_search,
// note_search) indexes text that Copydesk has already split into words and
// folded, rather than leaving that to a text search configuration: the
// words are the runs of letters, digits and marks the query is split into
// (queryPhrases), folded to lower case without accents as SQLite's
// unicode61 tokenizer with remove_diacritics folds them. The 'simple'
// configuration then takes each word as it is, so both backends find the
// same hits, and no server extension (unaccent) is needed.
//
// Queries are built with to_tsquery from the folded words rather than
// with websearch_to_tsquery, which has no prefix match: the last word of a
// query matches as the start of a word, as the library filter needs while
// the editor types.

// maxPositionedWords is how many words of a text keep their positions in
// the index. tsvector keeps positions up to 16,383 only and is refused
// past 1 MB; a longer text (a book-length article) is indexed without
// positions, so a phrase ("O'Brien") deep in it matches its words anywhere
// in the text.
const maxPositionedWords = 16383

// fold lowers a word's case and removes accents as unicode61's
// remove_diacritics folds them on a SQLite desk: a precomposed Latin
// letter loses its accent ("Zürich" → "zurich"), a precomposed letter of
// another script keeps it ("γέφυρα" stays apart from "γεφυρα"), and the
// combining accents SQLite counts as diacritics are dropped wherever they
// are.
func fold(word string) string {
	if isASCII(word) {
		return strings.ToLower(word)
	}
	var b strings.Builder
	for _, r := range word {
		if isDiacritic(r) {
			continue
		}
		if r >= utf8.RuneSelf && unicode.Is(unicode.Latin, r) {
			if base, _ := utf8.DecodeRuneInString(norm.NFD.String(string(r))); unicode.Is(unicode.Latin, base) {
				r = base
			}
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// isDiacritic reports the combining accents (U+0300 to U+0331) that
// SQLite's unicode61 tokenizer drops under remove_diacritics, by the same
// table (sqlite3FtsUnicodeIsdiacritic).
func isDiacritic(r rune) bool {
	const mask0, mask1 = 0x08029FDF, 0x000361F8
	switch {
	case r < 768 || r > 817:
		return false
	case r < 800:
		return mask0&(1<<(r-768)) != 0
	default:
		return mask1&(1<<(r-800)) != 0
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// indexWords is the text PostgreSQL indexes for texts: their words, folded,
// one space apart, and how many there are.
func indexWords(texts ...string) (string, int) {
	var (
		b strings.Builder
		n int
	)
	for _, t := range texts {
		for _, w := range searchWords(t) {
			if n > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(fold(w))
			n++
		}
	}
	return b.String(), n
}

// tsQuery turns queryPhrases into a to_tsquery expression: each phrase
// its folded words in order (<->), all phrases required (&), the last word
// a prefix (:*). The words hold only letters, digits and marks, and are
// quoted besides, so no query is a syntax error.
func tsQuery(phrases [][]string) string {
	var b strings.Builder
	for i, p := range phrases {
		if i > 0 {
			b.WriteString(" & ")
		}
		b.WriteByte('(')
		for j, w := range p {
			if j > 0 {
				b.WriteString(" <-> ")
			}
			b.WriteByte('\'')
			b.WriteString(strings.ReplaceAll(fold(w), "'", "''"))
			b.WriteByte('\'')
			if i == len(phrases)-1 && j == len(p)-1 {
				b.WriteString(":*")
			}
		}
		b.WriteByte(')')
	}
	return b.String()
}

// toTSVector is the SQL that indexes one argument built by indexWords.
func toTSVector(words int) string {
	if words > maxPositionedWords {
		return `strip(to_tsvector('simple', ?))`
	}
	return `to_tsvector('simple', ?)`
}

// indexArticle rebuilds an article's search entry on a PostgreSQL desk
// from its title, latest revision and drafts. SQLite's triggers do this
// there, so it does nothing on a SQLite desk.
func indexArticle(ctx context.Context, tx *txn, id int64) error {
	if !tx.pg() {
		return nil
	}
	texts, err := articleTexts(ctx, tx, id)
	if err != nil {
		return err
	}
	words, n := indexWords(texts...)
	_, err = tx.ExecContext(ctx, `
		INSERT INTO article_search (article_id, doc) VALUES (?, `+toTSVector(n)+`)
		ON CONFLICT (article_id) DO UPDATE SET doc = excluded.doc`, id, words)
	return err
}

// articleTexts are the texts an article is searched by: its title, its
// latest revision and its editors' drafts.
func articleTexts(ctx context.Context, tx *txn, id int64) ([]string, error) {
	return queryAll(ctx, tx, scanString, `
		SELECT title FROM articles WHERE id = ?
		UNION ALL (SELECT text FROM revisions WHERE article_id = ? ORDER BY number DESC LIMIT 1)
		UNION ALL (SELECT text FROM working_copies WHERE article_id = ? ORDER BY editor)`, id, id, id)
}

// indexNote rebuilds a note's search entry on a PostgreSQL desk from its
// message and replies; nothing on SQLite, whose triggers do it.
func indexNote(ctx context.Context, tx *txn, id int64) error {
	if !tx.pg() {
		return nil
	}
	texts, err := noteTexts(ctx, tx, id)
	if err != nil {
		return err
	}
	words, n := indexWords(texts...)
	_, err = tx.ExecContext(ctx, `
		INSERT INTO note_search (note_id, doc) VALUES (?, `+toTSVector(n)+`)
		ON CONFLICT (note_id) DO UPDATE SET doc = excluded.doc`, id, words)
	return err
}

func noteTexts(ctx context.Context, tx *txn, id int64) ([]string, error) {
	return queryAll(ctx, tx, scanString, `
		SELECT message FROM notes WHERE id = ?
		UNION ALL (SELECT text FROM note_replies WHERE note_id = ? ORDER BY id)`, id, id)
}

func scanString(row scanner) (string, error) {
	var s string
	err := row.Scan(&s)
	return s, err
}

// markDraftStale records on a PostgreSQL desk that an article's drafts
// changed, for indexDrafts; SQLite's triggers do it there. A mark already
// there is locked all the same (the update changes nothing), so that a
// search indexing the drafts meanwhile waits for this transaction and
// then reads its text, instead of taking the mark away and indexing the
// draft as it was before.
func markDraftStale(ctx context.Context, tx *txn, articleID int64) error {
	if !tx.pg() {
		return nil
	}
	_, err := tx.ExecContext(ctx, `
		INSERT INTO draft_index_stale (article_id) VALUES (?)
		ON CONFLICT (article_id) DO UPDATE SET article_id = excluded.article_id`, articleID)
	return err
}

// indexStaleDrafts re-indexes, on a PostgreSQL desk, the articles whose
// drafts markDraftStale marked. It takes their search rows before their
// marks, in the order a revision takes them (indexArticle, then
// markDraftStale as the working copy goes): in the other order a search
// and a commit on the same article each waited for the other until the
// server broke the deadlock, a second later.
func indexStaleDrafts(ctx context.Context, tx *txn) error {
	ids, err := queryAll(ctx, tx, scanID, `
		SELECT s.article_id FROM article_search s JOIN draft_index_stale d USING (article_id)
		ORDER BY s.article_id FOR UPDATE OF s`)
	if err != nil || len(ids) == 0 {
		return err
	}
	ids, err = queryAll(ctx, tx, scanID, `DELETE FROM draft_index_stale WHERE article_id = ANY (?) RETURNING article_id`, ids)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if err := indexArticle(ctx, tx, id); err != nil {
			return err
		}
	}
	return nil
}

// searchPostgres finds the hits of phrases on a PostgreSQL desk, with
// snippets cut from the texts that matched: an article's title, latest
// revision and drafts, or a note's message and replies, as indexArticle
// and indexNote index them. The texts come with the hits, and the drafts
// and replies in one query each, rather than in a query per hit, which
// made a word in a thousand articles cost a thousand round trips.
func searchPostgres(ctx context.Context, tx *txn, phrases [][]string) ([]rankedHit, error) {
	q := tsQuery(phrases)
	type found struct {
		rankedHit
		texts []string
	}
	var hits []found
	for _, query := range []string{`
		SELECT a.id, a.title, 0, a.updated, a.title,
			(SELECT text FROM revisions WHERE article_id = a.id ORDER BY number DESC LIMIT 1)
		FROM article_search s JOIN articles a ON a.id = s.article_id
		WHERE s.doc @@ to_tsquery('simple', ?) AND a.deleted_at IS NULL`, `
		SELECT a.id, a.title, n.id, a.updated, n.message, NULL
		FROM note_search s
			JOIN notes n ON n.id = s.note_id
			JOIN articles a ON a.id = n.article_id
		WHERE s.doc @@ to_tsquery('simple', ?) AND a.deleted_at IS NULL`,
	} {
		list, err := queryAll(ctx, tx, func(row scanner) (found, error) {
			var (
				h      found
				first  string
				latest sql.NullString
			)
			err := row.Scan(&h.ArticleID, &h.Title, &h.NoteID, timeColumn{&h.updated}, &first, &latest)
			h.texts = []string{first}
			if latest.Valid {
				h.texts = append(h.texts, latest.String)
			}
			return h, err
		}, query, q)
		if err != nil {
			return nil, err
		}
		hits = append(hits, list...)
	}
	var articles, notes []int64
	for _, h := range hits {
		if h.NoteID != 0 {
			notes = append(notes, h.NoteID)
		} else {
			articles = append(articles, h.ArticleID)
		}
	}
	drafts, err := textsByID(ctx, tx, `
		SELECT article_id, text FROM working_copies WHERE article_id = ANY (?) ORDER BY article_id, editor`, articles)
	if err != nil {
		return nil, err
	}
	replies, err := textsByID(ctx, tx, `
		SELECT note_id, text FROM note_replies WHERE note_id = ANY (?) ORDER BY note_id, id`, notes)
	if err != nil {
		return nil, err
	}
	out := make([]rankedHit, len(hits))
	for i, h := range hits {
		if h.NoteID != 0 {
			h.texts = append(h.texts, replies[h.NoteID]...)
		} else {
			h.texts = append(h.texts, drafts[h.ArticleID]...)
		}
		h.Snippet, h.Highlights = snippet(h.texts, phrases)
		out[i] = h.rankedHit
	}
	return out, nil
}

// textsByID runs query, which selects an ID and a text for the IDs in
// ids, and returns the texts of each ID in the order the rows came.
func textsByID(ctx context.Context, tx *txn, query string, ids []int64) (map[int64][]string, error) {
	texts := map[int64][]string{}
	if len(ids) == 0 {
		return texts, nil
	}
	rows, err := tx.QueryContext(ctx, query, ids)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id   int64
			text string
		)
		if err := rows.Scan(&id, &text); err != nil {
			return nil, err
		}
		texts[id] = append(texts[id], text)
	}
	return texts, rows.Err()
}

// snippetWords is how many words a snippet shows, as FTS4's snippet() is
// asked for on a SQLite desk.
const snippetWords = 24

// snippet cuts from the text that holds the most query words a run of
// snippetWords words around the first of them, "…" marking what was cut,
// and returns where the query words are in it.
func snippet(texts []string, phrases [][]string) (string, []editor.Span) {
	m := newSnippetMatcher(phrases)
	// First count, in each text, its words and those that match, and
	// find the first match; then go through the best text again only as
	// far as the snippet reaches. A search for a common word has a
	// thousand hits, and this is most of what it costs.
	best, bestCount, bestWords, bestFirst := -1, 0, 0, 0
	for ti, t := range texts {
		count, words, first := 0, 0, 0
		eachWord(t, func(start, end int, ascii bool) bool {
			if m.matches(t[start:end], ascii) {
				if count == 0 {
					first = words
				}
				count++
			}
			words++
			return true
		})
		if best < 0 || count > bestCount {
			best, bestCount, bestWords, bestFirst = ti, count, words, first
		}
	}
	if best < 0 || bestWords == 0 {
		return "", nil
	}
	t := texts[best]
	from := max(0, min(bestFirst-snippetWords/4, bestWords-snippetWords))
	to := min(bestWords, from+snippetWords)
	shown := make([]snippetWord, 0, to-from)
	i := 0
	eachWord(t, func(start, end int, ascii bool) bool {
		if i >= from {
			shown = append(shown, snippetWord{start, end, m.matches(t[start:end], ascii)})
		}
		i++
		return i < to
	})
	// The snippet runs from its first word to its last, or from the
	// text's start or to its end where it reaches them.
	start, end := shown[0].start, shown[len(shown)-1].end
	if from == 0 {
		start = 0
	}
	if to == bestWords {
		end = len(t)
	}
	cut, offset := t[start:end], start
	var b strings.Builder
	if from > 0 {
		b.WriteString("…")
	}
	base := b.Len()
	b.WriteString(cut)
	var spans []editor.Span
	for _, w := range shown {
		if w.match {
			spans = append(spans, editor.Span{Start: base + w.start - offset, End: base + w.end - offset})
		}
	}
	if to < bestWords {
		b.WriteString("…")
	}
	return b.String(), spans
}

// snippetWord is a word of a text snippet looks at: its byte span and
// whether it matches the query.
type snippetWord struct {
	start, end int
	match      bool
}

// snippetMatcher tells the words of a text that match a query: its words,
// folded, and the start of its last word.
type snippetMatcher struct {
	want   []string
	prefix string
	// The query's words (want, prefix) that are ASCII, for ASCII words of
	// the text, which fold to their lower case and so are compared
	// ignoring case instead of folded: a search for a common word looks
	// at every word of a thousand articles.
	wantASCII   []string
	prefixASCII bool
}

func newSnippetMatcher(phrases [][]string) snippetMatcher {
	var m snippetMatcher
	for i, p := range phrases {
		for j, w := range p {
			f := fold(w)
			switch {
			case i == len(phrases)-1 && j == len(p)-1:
				m.prefix, m.prefixASCII = f, isASCII(f)
			case isASCII(f):
				m.wantASCII = append(m.wantASCII, f)
				fallthrough
			default:
				m.want = append(m.want, f)
			}
		}
	}
	return m
}

// matches reports whether word, folded, is one of the query's words or
// starts with its last; ascii says word is ASCII.
func (m snippetMatcher) matches(word string, ascii bool) bool {
	if !ascii {
		f := fold(word)
		return slices.Contains(m.want, f) || strings.HasPrefix(f, m.prefix)
	}
	for _, w := range m.wantASCII {
		if len(w) == len(word) && strings.EqualFold(w, word) {
			return true
		}
	}
	return m.prefixASCII && len(word) >= len(m.prefix) && strings.EqualFold(word[:len(m.prefix)], m.prefix)
}

// asciiWordByte tells the ASCII characters notWordRune does not separate
// words at: letters and digits.
var asciiWordByte = func() (is [utf8.RuneSelf]bool) {
	for c := range is {
		is[c] = !notWordRune(rune(c))
	}
	return is
}()

// eachWord calls fn with the byte span of each word of t, as queryPhrases
// splits words (notWordRune), and whether the word is ASCII, until fn
// returns false.
func eachWord(t string, fn func(start, end int, ascii bool) bool) {
	start, ascii := -1, true
	for i := 0; i < len(t); {
		r, size := rune(t[i]), 1
		var isWord bool
		if r < utf8.RuneSelf {
			isWord = asciiWordByte[r]
		} else {
			r, size = utf8.DecodeRuneInString(t[i:])
			isWord = !notWordRune(r)
		}
		switch {
		case isWord && start < 0:
			start, ascii = i, size == 1
		case isWord:
			ascii = ascii && size == 1
		case start >= 0:
			if !fn(start, i, ascii) {
				return
			}
			start = -1
		}
		i += size
	}
	if start >= 0 {
		fn(start, len(t), ascii)
	}
}
