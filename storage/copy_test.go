package storage

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/storage/pgtest"
)

// microClock gives times with microseconds, one second and a microsecond
// apart, so a copy that lost or rounded the fraction would show.
func microClock() func() time.Time {
	var mu sync.Mutex
	t := time.Date(2025, 3, 1, 9, 0, 0, 123456000, time.UTC)
	return func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		t = t.Add(time.Second + time.Microsecond)
		return t
	}
}

// The editors the filled desk has working copies of; "" is the working
// copy saved without an editor's name, which the API also gives an
// editor who has none of their own.
var copyEditors = []string{"", "ana", "ben"}

// longText is about a megabyte of prose with accents and a word that
// occurs only near its end.
func longText() string {
	var b strings.Builder
	for i := 0; b.Len() < 1<<20; i++ {
		fmt.Fprintf(&b, "Paragraph %d: the Zürich council met; “café” owners said naïve things.\n", i)
	}
	b.WriteString("At the very end, the zebracorn.\n")
	return b.String()
}

// fillDesk stores at path a desk that uses every table and field Copy
// moves: non-ASCII, CRLF and control characters, a 1 MB text, three
// editors' working copies, notes of each status with anchors and
// replies, an orphaned note, an article in the trash, and gaps in every
// ID sequence (purged, deleted rows).
func fillDesk(t *testing.T, path string) {
	t.Helper()
	ctx := context.Background()
	now := microClock()
	db := openAs(t, path, "", WithClock(now))
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	const odd = "Über “quotes” — naïve café\r\nsecond line\tTAB \x01\x1f\x7f\u0085 end 東京 🙂\r\n"
	a1, _, err := db.CreateArticle(ctx, editor.Article{Title: "Café über naïve Straße", Slug: "cafe-uber", Byline: "Zoë Ørsted"}, odd, "first draft", "Zoë")
	must(err)
	_, err = db.AddRevision(ctx, a1.ID, odd+"Revised by the desk.\r\n", "edit", "desk")
	must(err)
	rev3, err := db.AddRevision(ctx, a1.ID, "Final: "+odd, "final", "chief")
	must(err)

	// Rows deleted before later ones leave gaps in the IDs (SQLite would
	// reuse the ID of a last row deleted).
	purged, purgedRev := mustCreateArticle(t, db, "Purged", "Gone for good.")
	deleted, err := db.AddNote(ctx, editor.Note{ArticleID: a1.ID, Revision: 1, Message: "Deleted note"})
	must(err)
	_, err = db.AddReply(ctx, deleted.ID, "", "Deleted with its note.")
	must(err)
	_, err = db.AddSource(ctx, editor.Source{ArticleID: purged.ID, Title: "Purged with its article", Kind: editor.SourceNotes, Text: "x"})
	must(err)
	_, err = db.AddNote(ctx, editor.Note{ArticleID: purged.ID, Revision: purgedRev.Number, Message: "Purged with its article"})
	must(err)

	long := longText()
	a3, _, err := db.CreateArticle(ctx, editor.Article{Title: "Long read"}, long, "", "")
	must(err)
	gone, err := db.AddSource(ctx, editor.Source{ArticleID: a3.ID, Title: "Deleted", Kind: editor.SourceNotes, Text: "x"})
	must(err)
	_, err = db.AddSource(ctx, editor.Source{ArticleID: a3.ID, Title: "Transcript ü", Kind: editor.SourceTranscript, Text: long})
	must(err)
	_, err = db.AddSource(ctx, editor.Source{ArticleID: a1.ID, Title: "Wire", Kind: editor.SourceWire, Text: "Wire copy\r\nwith CRLF\x02"})
	must(err)

	a4, rev4 := mustCreateArticle(t, db, "Trashed story", "The zebrafinch sang.")
	_, err = db.AddNote(ctx, editor.Note{ArticleID: a4.ID, Revision: rev4.Number, Message: "Check the zebrafinch."})
	must(err)
	must(db.TrashArticle(ctx, a4.ID))

	span := editor.Span{Start: strings.Index(rev3.Text, "naïve"), End: strings.Index(rev3.Text, "naïve") + len("naïve")}
	n1, err := db.AddNote(ctx, editor.Note{ArticleID: a1.ID, Revision: rev3.Number, Check: "quote.unattributed",
		Severity: editor.Warning, Message: "Who said “naïve”?", Author: "ana", Anchor: editor.NewAnchor(rev3.Text, span)})
	must(err)
	_, err = db.AddReply(ctx, n1.ID, "ben", "The mayor — on tape.")
	must(err)
	_, err = db.AddReply(ctx, n1.ID, "ana", "Thanks\r\nresolved 🙂")
	must(err)
	n2, err := db.AddNote(ctx, editor.Note{ArticleID: a1.ID, Revision: 1, Severity: editor.Info, Message: "Comment on the lede.", Author: "ben"})
	must(err)
	n2.Status = editor.NoteResolved
	_, err = db.UpdateNote(ctx, n2)
	must(err)
	n3, err := db.AddNote(ctx, editor.Note{ArticleID: a1.ID, Revision: 2, Severity: editor.Error, Message: "Orphaned quarrel", Anchor: editor.Anchor{Span: editor.Span{Start: 3, End: 9}, Exact: "gone"}})
	must(err)
	n3.Status, n3.Orphaned = editor.NoteDismissed, true
	_, err = db.UpdateNote(ctx, n3)
	must(err)
	must(db.DeleteNote(ctx, deleted.ID))
	must(db.DeleteSource(ctx, gone.ID))
	must(db.TrashArticle(ctx, purged.ID))
	must(db.PurgeArticle(ctx, purged.ID))

	must(db.SaveWorkingCopy(ctx, editor.WorkingCopy{ArticleID: a3.ID, Base: 1, Text: long + "Unnamed draft."}))
	must(openAs(t, path, "ana", WithClock(now)).SaveWorkingCopy(ctx, editor.WorkingCopy{ArticleID: a1.ID, Base: rev3.Number, Text: "Ana’s draft\r\nwith the okapi."}))
	must(openAs(t, path, "ben", WithClock(now)).SaveWorkingCopy(ctx, editor.WorkingCopy{ArticleID: a1.ID, Base: 2, Text: "Ben’s draft about the narwhal.\x1b"}))
}

// deskContents is everything of a desk the API reads, for comparing a
// copy with its source.
type deskContents struct {
	Articles      []editor.Article
	Trashed       []int64
	Revisions     map[int64][]editor.Revision
	WorkingCopies map[string]editor.WorkingCopy // by "article/editor"
	Sources       map[int64][]editor.Source
	Notes         map[int64][]editor.Note
	Replies       map[int64][]editor.Reply
}

// readDesk reads the desk at path through the API, as each editor of
// copyEditors for the working copies.
func readDesk(t *testing.T, path string) deskContents {
	t.Helper()
	ctx := context.Background()
	db := openAs(t, path, "", WithClock(time.Now))
	c := deskContents{
		Revisions: map[int64][]editor.Revision{}, WorkingCopies: map[string]editor.WorkingCopy{},
		Sources: map[int64][]editor.Source{}, Notes: map[int64][]editor.Note{}, Replies: map[int64][]editor.Reply{},
	}
	var ids []int64
	for _, trashed := range []bool{false, true} {
		list, err := db.ListArticles(ctx, editor.ArticleFilter{Trashed: trashed})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range list {
			ids = append(ids, s.ID)
			if trashed {
				c.Trashed = append(c.Trashed, s.ID)
			}
		}
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	sort.Slice(c.Trashed, func(i, j int) bool { return c.Trashed[i] < c.Trashed[j] })
	editors := map[string]*DB{}
	for _, name := range copyEditors {
		editors[name] = openAs(t, path, name, WithClock(time.Now))
	}
	for _, id := range ids {
		a, err := db.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		c.Articles = append(c.Articles, a)
		if c.Revisions[id], err = db.Revisions(ctx, id); err != nil {
			t.Fatal(err)
		}
		if c.Sources[id], err = db.Sources(ctx, id); err != nil {
			t.Fatal(err)
		}
		if c.Notes[id], err = db.Notes(ctx, id, editor.NoteFilter{}); err != nil {
			t.Fatal(err)
		}
		for _, n := range c.Notes[id] {
			if c.Replies[n.ID], err = db.Replies(ctx, n.ID); err != nil {
				t.Fatal(err)
			}
		}
		for _, name := range copyEditors {
			wc, err := editors[name].WorkingCopy(ctx, id)
			if errors.Is(err, ErrNotFound) {
				continue
			}
			if err != nil {
				t.Fatal(err)
			}
			c.WorkingCopies[fmt.Sprintf("%d/%s", id, name)] = wc
		}
	}
	return c
}

// compareContents reports every way got differs from want, table by
// table, without printing megabytes of text.
func compareContents(t *testing.T, what string, got, want deskContents) {
	t.Helper()
	g, w := reflect.ValueOf(got), reflect.ValueOf(want)
	for i := 0; i < g.NumField(); i++ {
		if !reflect.DeepEqual(g.Field(i).Interface(), w.Field(i).Interface()) {
			gs, ws := fmt.Sprintf("%+v", g.Field(i).Interface()), fmt.Sprintf("%+v", w.Field(i).Interface())
			t.Errorf("%s: %s differ:\n got %.600s\nwant %.600s", what, g.Type().Field(i).Name, gs, ws)
		}
	}
}

// searchHits is what Search finds on the desk for each query, without the
// snippets, which each backend cuts in its own way.
func searchHits(t *testing.T, db *DB, queries []string) map[string][]editor.SearchHit {
	t.Helper()
	out := map[string][]editor.SearchHit{}
	for _, q := range queries {
		hits, err := db.Search(context.Background(), q)
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		for i := range hits {
			hits[i].Snippet, hits[i].Highlights = "", nil
		}
		out[q] = hits
	}
	return out
}

var copySearches = []string{
	"cafe", "ÜBER", "naive", "東京", "zebracorn", "okapi", "narwhal", "mayor tape", "resolved",
	"lede", "zebrafinch", "quarrel", "paragraph 17",
}

func mustCopy(t *testing.T, from, to *DB) CopyReport {
	t.Helper()
	r, err := Copy(context.Background(), from, to)
	if err != nil {
		t.Fatalf("Copy(%s → %s): %v", from.Path(), to.Path(), err)
	}
	if !r.Match() || len(r.Tables) != len(deskTables) {
		t.Fatalf("Copy reported no error, but the report does not match: %+v", r)
	}
	return r
}

// TestCopyRoundTrip copies a desk from SQLite to PostgreSQL and back to
// SQLite: each copy reads back through the API exactly as the original
// (texts byte for byte, times, IDs, every editor's working copy, notes,
// replies, the trash), searches find the same hits, the search index is
// up to date, and new rows on the PostgreSQL copy get IDs of their own.
func TestCopyRoundTrip(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	orig, back, shared := filepath.Join(dir, "orig.db"), filepath.Join(dir, "back.db"), pgtest.Database(t)
	fillDesk(t, orig)
	want := readDesk(t, orig)
	var ids []int64
	for _, a := range want.Articles {
		ids = append(ids, a.ID)
	}
	if !reflect.DeepEqual(ids, []int64{1, 3, 4}) || len(want.Trashed) != 1 || len(want.WorkingCopies) != 5 {
		t.Fatalf("the filled desk is not what the test means: articles %v, %d trashed, %d working copies",
			ids, len(want.Trashed), len(want.WorkingCopies))
	}

	origDB, sharedDB, backDB := openAs(t, orig, "", WithClock(time.Now)), openAs(t, shared, "", WithClock(time.Now)), openAs(t, back, "", WithClock(time.Now))
	r1 := mustCopy(t, origDB, sharedDB)
	r2 := mustCopy(t, sharedDB, backDB)
	for i := range r1.Tables {
		if r1.Tables[i] != r2.Tables[i] {
			t.Errorf("the two copies report %s differently: %+v, then %+v", r1.Tables[i].Table, r1.Tables[i], r2.Tables[i])
		}
	}
	if r1.FinerTimes != 0 {
		t.Errorf("FinerTimes = %d for a desk written to the microsecond", r1.FinerTimes)
	}

	// The index is right before any search brings the drafts up to date.
	for _, db := range []*DB{sharedDB, backDB} {
		checkSearchIndex(t, db)
	}
	compareContents(t, "PostgreSQL copy", readDesk(t, shared), want)
	compareContents(t, "SQLite copy of the copy", readDesk(t, back), want)

	wantHits := searchHits(t, origDB, copySearches)
	for q, hits := range wantHits {
		if len(hits) == 0 && q != "zebrafinch" {
			t.Errorf("Search(%q) finds nothing on the original; the test means it to", q)
		}
	}
	for name, db := range map[string]*DB{"PostgreSQL copy": sharedDB, "SQLite copy": backDB} {
		if got := searchHits(t, db, copySearches); !reflect.DeepEqual(got, wantHits) {
			t.Errorf("%s: search hits %+v, want %+v", name, got, wantHits)
		}
	}

	// New rows on the PostgreSQL copy are numbered after the copied ones.
	maxID := map[string]int64{}
	for _, tbl := range []string{"articles", "sources", "notes", "note_replies"} {
		var n int64
		if err := sharedDB.ro.QueryRowContext(ctx, `SELECT max(id) FROM `+tbl).Scan(&n); err != nil {
			t.Fatal(err)
		}
		maxID[tbl] = n
	}
	a, rev, err := sharedDB.CreateArticle(ctx, editor.Article{Title: "After the move"}, "New.", "", "")
	if err != nil {
		t.Fatalf("CreateArticle on the copy: %v", err)
	}
	s, err := sharedDB.AddSource(ctx, editor.Source{ArticleID: a.ID, Kind: editor.SourceNotes, Text: "n"})
	if err != nil {
		t.Fatalf("AddSource on the copy: %v", err)
	}
	n, err := sharedDB.AddNote(ctx, editor.Note{ArticleID: a.ID, Revision: rev.Number, Message: "m"})
	if err != nil {
		t.Fatalf("AddNote on the copy: %v", err)
	}
	r, err := sharedDB.AddReply(ctx, n.ID, "", "r")
	if err != nil {
		t.Fatalf("AddReply on the copy: %v", err)
	}
	for tbl, got := range map[string]int64{"articles": a.ID, "sources": s.ID, "notes": n.ID, "note_replies": r.ID} {
		if got != maxID[tbl]+1 {
			t.Errorf("new row of %s has ID %d, want %d (after the copied IDs)", tbl, got, maxID[tbl]+1)
		}
	}
}

// checkSearchIndex checks a copy's search index as Copy left it: one
// entry per article and note, nothing marked stale, and on SQLite every
// article's draft column holding its editors' drafts.
func checkSearchIndex(t *testing.T, db *DB) {
	t.Helper()
	ctx := context.Background()
	key := map[bool][2]string{false: {"docid", "docid"}, true: {"article_id", "note_id"}}[db.Shared()]
	for _, q := range []struct{ query, what string }{
		{`SELECT count(*) FROM draft_index_stale`, "articles marked stale"},
		{`SELECT count(*) FROM articles WHERE id NOT IN (SELECT ` + key[0] + ` FROM article_search)`, "articles not indexed"},
		{`SELECT count(*) FROM notes WHERE id NOT IN (SELECT ` + key[1] + ` FROM note_search)`, "notes not indexed"},
		{`SELECT (SELECT count(*) FROM article_search) - (SELECT count(*) FROM articles)`, "extra article entries"},
	} {
		var n int
		if err := db.ro.QueryRowContext(ctx, q.query).Scan(&n); err != nil {
			t.Fatalf("%s: %v", q.query, err)
		}
		if n != 0 {
			t.Errorf("%s: %d %s", db.Path(), n, q.what)
		}
	}
	if db.Shared() {
		return
	}
	rows, err := db.ro.QueryContext(ctx, `
		SELECT a.id, s.draft, coalesce((SELECT group_concat(w.text, char(10)) FROM working_copies w WHERE w.article_id = a.id), '')
		FROM articles a JOIN article_search s ON s.docid = a.id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	drafts := 0
	for rows.Next() {
		var (
			id        int64
			got, want string
		)
		if err := rows.Scan(&id, &got, &want); err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("article %d: indexed draft of %d bytes, want its working copies' %d", id, len(got), len(want))
		}
		if want != "" {
			drafts++
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if drafts != 2 {
		t.Errorf("%d articles have indexed drafts, want 2", drafts)
	}
}

// TestCopyKeepsTimesToTheMicrosecond copies a SQLite desk of an older
// Copydesk, whose times have nanoseconds, into each backend: the copy
// matches with its times cut to the microsecond, and says how many it cut.
func TestCopyKeepsTimesToTheMicrosecond(t *testing.T) {
	eachBackend(t, func(t *testing.T, open func(t *testing.T) *DB) {
		ctx := context.Background()
		src := openTestDB(t)
		a, rev := mustCreateArticle(t, src, "Old desk", "Text.")
		n, err := src.AddNote(ctx, editor.Note{ArticleID: a.ID, Revision: rev.Number, Message: "Old note"})
		if err != nil {
			t.Fatal(err)
		}
		const (
			created = "2019-07-04T12:34:56.123456789Z"
			updated = "2019-07-04T12:34:57.000000999Z"
			trashed = "2019-07-05T00:00:00.999999999Z"
		)
		for _, q := range []struct {
			query string
			args  []any
		}{
			{`UPDATE articles SET created = ?, updated = ?, deleted_at = ? WHERE id = ?`, []any{created, updated, trashed, a.ID}},
			{`UPDATE notes SET created = ?, updated = ? WHERE id = ?`, []any{created, updated, n.ID}},
		} {
			if _, err := src.rw.ExecContext(ctx, q.query, q.args...); err != nil {
				t.Fatal(err)
			}
		}
		dst := open(t)
		r := mustCopy(t, src, dst)
		if r.FinerTimes != 5 {
			t.Errorf("FinerTimes = %d, want 5", r.FinerTimes)
		}
		us := func(s string) time.Time {
			tm, err := time.Parse(timeLayout, s)
			if err != nil {
				t.Fatal(err)
			}
			return tm.Truncate(time.Microsecond)
		}
		got, err := dst.Article(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !got.Created.Equal(us(created)) || !got.Updated.Equal(us(updated)) {
			t.Errorf("copied article times %v, %v; want %v, %v", got.Created, got.Updated, us(created), us(updated))
		}
		trash, err := dst.ListArticles(ctx, editor.ArticleFilter{Trashed: true})
		if err != nil || len(trash) != 1 || trash[0].ID != a.ID {
			t.Errorf("trash of the copy = %+v, %v; want article %d", trash, err, a.ID)
		}
		gotNote, err := dst.Note(ctx, n.ID)
		if err != nil {
			t.Fatal(err)
		}
		// The copied note can be updated: its stored time is the one read.
		gotNote.Status = editor.NoteResolved
		if _, err := dst.UpdateNote(ctx, gotNote); err != nil {
			t.Errorf("UpdateNote on the copied note: %v", err)
		}
	})
}

// TestCopyRefuses copies into a desk that holds an article, and a desk
// into itself: both are refused and the destination keeps only what it
// had.
func TestCopyRefuses(t *testing.T) {
	eachBackend(t, func(t *testing.T, open func(t *testing.T) *DB) {
		ctx := context.Background()
		src := openTestDB(t)
		mustCreateArticle(t, src, "Source", "Source text.")
		dst := open(t)
		mine, _ := mustCreateArticle(t, dst, "Already here", "Mine.")

		if _, err := Copy(ctx, src, dst); !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), "already holds 1 article") {
			t.Errorf("Copy into a desk with an article: %v; want ErrConflict saying so", err)
		}
		list, err := dst.ListArticles(ctx, editor.ArticleFilter{})
		if err != nil || len(list) != 1 || list[0].ID != mine.ID || list[0].Title != "Already here" {
			t.Errorf("destination after the refused copy: %+v, %v; want only its own article", list, err)
		}
		if _, err := Copy(ctx, dst, dst); !errors.Is(err, ErrInvalid) {
			t.Errorf("Copy of a desk into itself: %v; want ErrInvalid", err)
		}
	})
}

// TestCopyComparisonCatchesChanges changes one thing in the destination
// after the rows are written and before they are compared (a byte of a
// megabyte text, a microsecond, a flag, a row more or less): Copy must
// fail with ErrCopyDiffers naming that table alone, and leave the
// destination empty. Were the comparison missing or blind to the change,
// the copy would succeed and this test fail.
func TestCopyComparisonCatchesChanges(t *testing.T) {
	src := filepath.Join(t.TempDir(), "src.db")
	fillDesk(t, src)
	from := openAs(t, src, "", WithClock(time.Now))
	var (
		longSource int64
		long       string
		note       editor.Note
		trashedID  int64
		firstReply int64
		ctx        = context.Background()
	)
	if err := from.ro.QueryRowContext(ctx, `SELECT id, text FROM sources ORDER BY length(text) DESC LIMIT 1`).Scan(&longSource, &long); err != nil {
		t.Fatal(err)
	}
	if err := from.ro.QueryRowContext(ctx, `SELECT min(id) FROM notes WHERE article_id IN (SELECT id FROM articles WHERE deleted_at IS NULL)`).Scan(&note.ID); err != nil {
		t.Fatal(err)
	}
	note, err := from.Note(ctx, note.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := from.ro.QueryRowContext(ctx, `SELECT id FROM articles WHERE deleted_at IS NOT NULL`).Scan(&trashedID); err != nil {
		t.Fatal(err)
	}
	if err := from.ro.QueryRowContext(ctx, `SELECT min(id) FROM note_replies`).Scan(&firstReply); err != nil {
		t.Fatal(err)
	}
	// One byte deep in the megabyte, for one of the same length.
	i := len(long) - 100
	flipped := long[:i] + string(long[i]^1) + long[i+1:]

	tests := []struct {
		name  string
		table string
		query string
		args  func(tx *txn) []any
	}{
		{"a byte of a long text", "sources", `UPDATE sources SET text = ? WHERE id = ?`,
			func(*txn) []any { return []any{flipped, longSource} }},
		{"a microsecond", "notes", `UPDATE notes SET updated = ? WHERE id = ?`,
			func(tx *txn) []any { return []any{tx.time(note.Updated.Add(time.Microsecond)), note.ID} }},
		{"a flag", "notes", `UPDATE notes SET orphaned = ? WHERE id = ?`,
			func(*txn) []any { return []any{!note.Orphaned, note.ID} }},
		{"out of the trash", "articles", `UPDATE articles SET deleted_at = NULL WHERE id = ?`,
			func(*txn) []any { return []any{trashedID} }},
		{"a row less", "note_replies", `DELETE FROM note_replies WHERE id = ?`,
			func(*txn) []any { return []any{firstReply} }},
		{"a row more", "note_replies", `INSERT INTO note_replies (id, note_id, author, text, created) VALUES (1000000, ?, 'x', 'extra', ?)`,
			func(tx *txn) []any { return []any{note.ID, tx.time(note.Created)} }},
		{"a working copy's editor", "working_copies", `UPDATE working_copies SET editor = 'anna' WHERE editor = 'ana'`,
			func(*txn) []any { return nil }},
	}
	for _, b := range backends {
		for _, tc := range tests {
			t.Run(b.name+"/"+tc.name, func(t *testing.T) {
				to := openTestDBAt(t, b.newDesk(t))
				report, err := copyDesk(ctx, from, to, func(ctx context.Context, tx *txn) error {
					_, err := tx.ExecContext(ctx, tc.query, tc.args(tx)...)
					return err
				})
				if !errors.Is(err, ErrCopyDiffers) {
					t.Fatalf("copy changed in %s: error %v, want ErrCopyDiffers", tc.table, err)
				}
				for _, c := range report.Tables {
					if c.Match != (c.Table != tc.table) {
						t.Errorf("report for %s: %+v", c.Table, c)
					}
				}
				if list, err := to.ListArticles(ctx, editor.ArticleFilter{}); err != nil || len(list) != 0 {
					t.Errorf("destination after the failed copy holds %d articles, %v; want none", len(list), err)
				}
			})
		}
	}
}

// TestCopyComparisonOfCommittedCopy changes a byte of a copy after it was
// committed, through the destination's own connection, and compares the
// two desks again as Copy does: the table changed no longer matches.
func TestCopyComparisonOfCommittedCopy(t *testing.T) {
	ctx := context.Background()
	src := filepath.Join(t.TempDir(), "src.db")
	fillDesk(t, src)
	from := openAs(t, src, "", WithClock(time.Now))
	eachBackend(t, func(t *testing.T, open func(t *testing.T) *DB) {
		to := open(t)
		mustCopy(t, from, to)
		if _, err := to.rw.ExecContext(ctx, to.d.rebind(`UPDATE articles SET byline = ? WHERE byline = ?`), "Zoë Ørstad", "Zoë Ørsted"); err != nil {
			t.Fatal(err)
		}
		var report CopyReport
		err := from.view(ctx, func(src *txn) error {
			return to.view(ctx, func(dst *txn) error {
				var err error
				report, err = compareDesks(ctx, src, dst)
				return err
			})
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range report.Tables {
			if c.Match != (c.Table != "articles") {
				t.Errorf("after changing a byline: %+v", c)
			}
		}
	})
}
