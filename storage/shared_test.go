package storage

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/storage/pgtest"
)

// openAs opens desk as the named editor, closed when the test ends.
func openAs(t *testing.T, desk, name string, opts ...Option) *DB {
	t.Helper()
	db, err := Open(context.Background(), desk, append([]Option{WithEditor(name)}, opts...)...)
	if err != nil {
		t.Fatalf("Open as %s: %v", name, err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestWorkingCopiesBelongToEditors(t *testing.T) {
	eachBackendDesk(t, func(t *testing.T, desk string) {
		ctx := context.Background()
		ana, ben := openAs(t, desk, "Ana"), openAs(t, desk, "Ben")
		a, rev := mustCreateArticle(t, ana, "Budget", "The council met.")

		for _, s := range []struct {
			db   *DB
			text string
		}{{ana, "The council met on Monday."}, {ben, "The city council met."}} {
			if err := s.db.SaveWorkingCopy(ctx, editor.WorkingCopy{ArticleID: a.ID, Base: rev.Number, Text: s.text}); err != nil {
				t.Fatal(err)
			}
		}
		for name, db := range map[string]*DB{"The council met on Monday.": ana, "The city council met.": ben} {
			if wc, err := db.WorkingCopy(ctx, a.ID); err != nil || wc.Text != name {
				t.Errorf("%s's working copy = %q, %v; want %q", db.editor, wc.Text, err, name)
			}
		}
		// Both drafts are searched.
		for _, q := range []string{"Monday", "city"} {
			if hits, err := ana.Search(ctx, q); err != nil || len(hits) != 1 {
				t.Errorf("Search(%q) = %+v, %v; want the article", q, hits, err)
			}
		}

		// Ana commits; Ben's draft, started from the same revision, must
		// be brought up to date before it can be committed, and is kept.
		if _, err := ana.CommitWorkingCopy(ctx, a.ID, "", "Ana"); err != nil {
			t.Fatal(err)
		}
		if _, err := ben.CommitWorkingCopy(ctx, a.ID, "", "Ben"); !errors.Is(err, ErrConflict) {
			t.Errorf("Ben's commit after Ana's = %v, want ErrConflict", err)
		}
		if wc, err := ben.WorkingCopy(ctx, a.ID); err != nil || wc.Text != "The city council met." {
			t.Errorf("Ben's working copy after the conflict = %q, %v", wc.Text, err)
		}
		if _, err := ana.WorkingCopy(ctx, a.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("Ana's working copy after her commit: %v, want ErrNotFound", err)
		}
		if err := ben.SaveWorkingCopy(ctx, editor.WorkingCopy{ArticleID: a.ID, Base: 2, Text: "The city council met on Monday."}); err != nil {
			t.Fatal(err)
		}
		if r, err := ben.CommitWorkingCopy(ctx, a.ID, "", "Ben"); err != nil || r.Number != 3 {
			t.Errorf("Ben's commit after bringing his copy up to date = %+v, %v; want revision 3", r, err)
		}
	})
}

func TestUnnamedWorkingCopyIsTakenOver(t *testing.T) {
	eachBackendDesk(t, func(t *testing.T, desk string) {
		ctx := context.Background()
		anon := openAs(t, desk, "")
		a, rev := mustCreateArticle(t, anon, "Budget", "The council met.")
		if err := anon.SaveWorkingCopy(ctx, editor.WorkingCopy{ArticleID: a.ID, Base: rev.Number, Text: "Unnamed draft."}); err != nil {
			t.Fatal(err)
		}
		ana := openAs(t, desk, "Ana")
		if wc, err := ana.WorkingCopy(ctx, a.ID); err != nil || wc.Text != "Unnamed draft." {
			t.Fatalf("Ana's working copy = %q, %v; want the unnamed one", wc.Text, err)
		}
		if err := ana.SaveWorkingCopy(ctx, editor.WorkingCopy{ArticleID: a.ID, Base: rev.Number, Text: "Ana's draft."}); err != nil {
			t.Fatal(err)
		}
		var rows int
		if err := ana.rw.QueryRow(`SELECT count(*) FROM working_copies`).Scan(&rows); err != nil || rows != 1 {
			t.Errorf("working copies after Ana saved = %d, %v; want hers alone", rows, err)
		}
		if hits, err := ana.Search(ctx, "Unnamed"); err != nil || len(hits) != 0 {
			t.Errorf("the replaced unnamed draft is still found: %+v, %v", hits, err)
		}
	})
}

func TestUpdateNoteRefusesAStaleNote(t *testing.T) {
	eachBackendDesk(t, func(t *testing.T, desk string) {
		ctx := context.Background()
		ana, ben := openAs(t, desk, "Ana"), openAs(t, desk, "Ben")
		a, rev := mustCreateArticle(t, ana, "Budget", "The council met.")
		n, err := ana.AddNote(ctx, editor.Note{ArticleID: a.ID, Revision: rev.Number, Severity: editor.Warning, Message: "Which council?"})
		if err != nil {
			t.Fatal(err)
		}
		seenByBen, err := ben.Note(ctx, n.ID)
		if err != nil {
			t.Fatal(err)
		}

		resolved := n
		resolved.Status = editor.NoteResolved
		stored, err := ana.UpdateNote(ctx, resolved)
		if err != nil {
			t.Fatal(err)
		}
		// The note returned carries the new version: the same editor can
		// change it again without a conflict with herself.
		stored.Message = "Which council? (city)"
		if stored, err = ana.UpdateNote(ctx, stored); err != nil {
			t.Fatalf("second change from the returned note: %v", err)
		}

		dismissed := seenByBen
		dismissed.Status = editor.NoteDismissed
		fresh, err := ben.UpdateNote(ctx, dismissed)
		if !errors.Is(err, ErrConflict) {
			t.Fatalf("Ben's change to the note he read before Ana's = %v, want ErrConflict", err)
		}
		if !strings.Contains(err.Error(), "changed by someone else") || !strings.Contains(err.Error(), "resolved") {
			t.Errorf("conflict message %q does not say what happened", err)
		}
		if !reflect.DeepEqual(fresh, stored) {
			t.Errorf("note returned with the conflict = %+v, want the stored %+v", fresh, stored)
		}
		if got, err := ben.Note(ctx, n.ID); err != nil || got.Status != editor.NoteResolved || got.Message != "Which council? (city)" {
			t.Errorf("stored note = %+v, %v; want Ana's changes kept", got, err)
		}

		// A reply is a change too: resolving a note someone has since
		// replied to asks again.
		if _, err := ana.AddReply(ctx, n.ID, "Ana", "The city council."); err != nil {
			t.Fatal(err)
		}
		fresh.Status = editor.NoteOpen
		if _, err := ben.UpdateNote(ctx, fresh); !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), "1 reply") {
			t.Errorf("reopening a note replied to since = %v, want ErrConflict naming the reply", err)
		}

		// With no version given the change is made whatever the state.
		fresh.Updated = time.Time{}
		if got, err := ben.UpdateNote(ctx, fresh); err != nil || got.Status != editor.NoteOpen {
			t.Errorf("unconditional update = %+v, %v", got, err)
		}
	})
}

func TestPresence(t *testing.T) {
	eachBackendDesk(t, func(t *testing.T, desk string) {
		ctx := context.Background()
		clock := newTestClock()
		ana := openAs(t, desk, "Ana", WithClock(clock.Now))
		ben := openAs(t, desk, "Ben", WithClock(clock.Now))
		ana2 := openAs(t, desk, "Ana", WithClock(clock.Now)) // a second window
		a, _ := mustCreateArticle(t, ana, "Budget", "The council met.")
		b, _ := mustCreateArticle(t, ana, "Weather", "Rain.")

		editing := func(db *DB, id int64) []string {
			t.Helper()
			names, err := db.Editing(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			return names
		}
		if got := editing(ben, a.ID); len(got) != 0 {
			t.Errorf("Editing before anyone opened it = %v", got)
		}
		for _, db := range []*DB{ana, ben, ana2} {
			if err := db.Heartbeat(ctx, a.ID); err != nil {
				t.Fatal(err)
			}
		}
		if err := ben.Heartbeat(ctx, b.ID); err != nil {
			t.Fatal(err)
		}
		if got, want := editing(ben, a.ID), []string{"Ana"}; !reflect.DeepEqual(got, want) {
			t.Errorf("Ben sees %v in the article, want %v (Ana once, though in two windows)", got, want)
		}
		if got, want := editing(ana, a.ID), []string{"Ana", "Ben"}; !reflect.DeepEqual(got, want) {
			t.Errorf("Ana sees %v, want %v (her other window counts)", got, want)
		}
		if got, want := editing(ana, b.ID), []string{"Ben"}; !reflect.DeepEqual(got, want) {
			t.Errorf("Ana sees %v in the other article, want %v", got, want)
		}
		if err := ana2.Leave(ctx, a.ID); err != nil {
			t.Fatal(err)
		}
		if got, want := editing(ana, a.ID), []string{"Ben"}; !reflect.DeepEqual(got, want) {
			t.Errorf("after Ana's second window left, Ana sees %v, want %v", got, want)
		}
		// A window that stops beating (crashed, lost its network) is gone
		// after PresenceTimeout.
		later := openAs(t, desk, "Cy", WithClock(func() time.Time { return clock.Now().Add(PresenceTimeout + time.Minute) }))
		if got := editing(later, a.ID); len(got) != 0 {
			t.Errorf("Editing after the timeout = %v, want no one", got)
		}
	})
}

func TestDataVersionMovesOnlyForOthersOnBothBackends(t *testing.T) {
	eachBackendDesk(t, func(t *testing.T, desk string) {
		ctx := context.Background()
		app, cli := openTestDBAt(t, desk), openTestDBAt(t, desk)
		a, _ := mustCreateArticle(t, app, "Storm", "Wind.")
		version := func() int64 {
			t.Helper()
			v, err := app.DataVersion(ctx)
			if err != nil {
				t.Fatalf("DataVersion: %v", err)
			}
			return v
		}
		start := version()
		if _, err := app.AddRevision(ctx, a.ID, "Wind and rain.", "", "desk"); err != nil {
			t.Fatal(err)
		}
		if _, err := cli.LatestRevision(ctx, a.ID); err != nil {
			t.Fatal(err)
		}
		// A notification would arrive within milliseconds; give it ample
		// time to show that none comes for the DB's own write or a read.
		time.Sleep(200 * time.Millisecond)
		if got := version(); got != start {
			t.Errorf("DataVersion after the DB's own write and another's read = %d, want %d unchanged", got, start)
		}
		committed := time.Now()
		if _, err := cli.AddNote(ctx, editor.Note{ArticleID: a.ID, Revision: 1, Severity: editor.Info, Message: "Check the wind speed."}); err != nil {
			t.Fatal(err)
		}
		for version() == start {
			if time.Since(committed) > time.Second {
				t.Fatalf("DataVersion did not move within 1 s of another DB's note")
			}
			time.Sleep(5 * time.Millisecond)
		}
		t.Logf("another DB's note seen after %v", time.Since(committed).Round(time.Millisecond))
	})
}

// searchSet is a desk the search of both backends must agree on: accents,
// apostrophes, hyphens, numbers, capitals, other scripts, prefixes.
var searchSet = []struct{ title, text, note, reply string }{
	{"Café owners protest", "The café owners of Zürich met O'Brien on Tuesday.", "Spell-check Zürich", "Checked: Zürich."},
	{"Budget 2025", "The council approved a 3.5% rise in the 2025-26 budget.", "Is it 3.5 or 3.6?", ""},
	{"ΑΘΗΝΑ: νέα γέφυρα", "Η γέφυρα θα ανοίξει τον Μάιο. Москва ответила.", "Μάιο ή Ιούνιο;", "Μάιο."},
	{"東京の地震", "東京で地震があった。Seismologists say it was minor.", "", ""},
	{"Naïve coöperation", "A naïve plan for coöperation; the co-operative's head resigned.", "co-op or coop?", "co-op"},
	{"Storm warning", "Storms, stormy weather and a storm-surge warning.", "", "Storm surge is two words here."},
}

var searchQueries = []string{
	"cafe", "CAFÉ", "zurich", "o'brien", "Brien", "obrien", "3.5", "3 5", "2025", "2025-26",
	"γέφυρα", "γεφυρα", "Μαιο", "москва", "東京", "地震", "東京の地震", "seismo", "naive", "cooperation",
	"co-op", "co", "coop", "storm", "storm-surge", "surge storm", "warn", "stor", "two words", "words two",
	"council budget", "the", "-rise", "\"approved\"", "NEAR", "x", "",
}

func TestSearchFindsTheSameOnBothBackends(t *testing.T) {
	ctx := context.Background()
	desks := map[string]*DB{}
	for _, b := range backends {
		db := openTestDBAt(t, b.newDesk(t))
		for _, s := range searchSet {
			a, rev := mustCreateArticle(t, db, s.title, s.text)
			if s.note == "" {
				continue
			}
			n, err := db.AddNote(ctx, editor.Note{ArticleID: a.ID, Revision: rev.Number, Severity: editor.Info, Message: s.note})
			if err != nil {
				t.Fatal(err)
			}
			if s.reply != "" {
				if _, err := db.AddReply(ctx, n.ID, "desk", s.reply); err != nil {
					t.Fatal(err)
				}
			}
		}
		desks[b.name] = db
	}
	type hit struct{ Article, Note int64 }
	found := 0
	for _, q := range searchQueries {
		var got [][]hit
		for _, b := range backends {
			hits, err := desks[b.name].Search(ctx, q)
			if err != nil {
				t.Fatalf("%s: Search(%q): %v", b.name, q, err)
			}
			var hs []hit
			for _, h := range hits {
				hs = append(hs, hit{h.ArticleID, h.NoteID})
				if len(h.Highlights) == 0 {
					t.Errorf("%s: Search(%q) hit %+v has no highlight", b.name, q, h)
				}
			}
			found += len(hs)
			got = append(got, hs)
		}
		if !reflect.DeepEqual(got[0], got[1]) {
			t.Errorf("Search(%q): SQLite finds %v, PostgreSQL %v", q, got[0], got[1])
		}
	}
	if found == 0 {
		t.Fatal("no query found anything: the comparison proves nothing")
	}
}

func TestOpenPostgresRefusesWhatIsNotItsOwn(t *testing.T) {
	ctx := context.Background()

	t.Run("another program's database", func(t *testing.T) {
		url := pgtest.Database(t)
		other, err := Open(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		other.Close()
		// Make it look like a database with someone else's tables.
		db, err := Open(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.rw.Exec(`DROP TABLE copydesk_schema; CREATE TABLE invoices (id int)`); err != nil {
			t.Fatal(err)
		}
		db.Close()
		if _, err := Open(ctx, url); !errors.Is(err, ErrCorrupt) {
			t.Errorf("Open of a database with other tables = %v, want ErrCorrupt", err)
		}
	})

	t.Run("newer schema", func(t *testing.T) {
		url := pgtest.Database(t)
		db, err := Open(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.rw.Exec(`UPDATE copydesk_schema SET version = 99`); err != nil {
			t.Fatal(err)
		}
		db.Close()
		if _, err := Open(ctx, url); !errors.Is(err, ErrNewerSchema) {
			t.Errorf("Open of a newer desk = %v, want ErrNewerSchema", err)
		}
	})

	t.Run("read-only", func(t *testing.T) {
		url := pgtest.Database(t)
		setup, err := Open(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		mustCreateArticle(t, setup, "Kept", "Text.")
		setup.Close()
		db, err := Open(ctx, url, WithReadOnly())
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if list, err := db.ListArticles(ctx, editor.ArticleFilter{}); err != nil || len(list) != 1 {
			t.Errorf("ListArticles read-only = %v, %v", list, err)
		}
		if _, _, err := db.CreateArticle(ctx, editor.Article{Title: "New"}, "x", "", ""); !errors.Is(err, ErrReadOnly) {
			t.Errorf("CreateArticle read-only = %v, want ErrReadOnly", err)
		}
	})

	t.Run("password never shown", func(t *testing.T) {
		// No server listens in an empty folder: the connection fails, and
		// neither the error nor Path may carry the password.
		dir := t.TempDir()
		url := "postgres://ana:s3cr3t-pw@/desk?host=" + dir + "&sslmode=disable&connect_timeout=2"
		_, err := Open(ctx, url)
		if err == nil {
			t.Fatal("Open with no server succeeded")
		}
		if strings.Contains(err.Error(), "s3cr3t-pw") {
			t.Errorf("error shows the password: %v", err)
		}
		if got := RedactURL(url); strings.Contains(got, "s3cr3t-pw") || !strings.Contains(got, "ana") {
			t.Errorf("RedactURL = %q", got)
		}
		if got := RedactURL("postgres://ana@host/desk?password=s3cr3t-pw"); strings.Contains(got, "s3cr3t-pw") {
			t.Errorf("RedactURL with a password parameter = %q", got)
		}
	})
}

func TestMigrationGivesOldWorkingCopiesToTheirEditor(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "copydesk.db")
	all := allMigrations(t)
	old, err := open(ctx, path, all[:3], WithClock(newTestClock().Now))
	if err != nil {
		t.Fatal(err)
	}
	a, rev := mustCreateArticle(t, old, "Harbour", "The harbour will be dredged.")
	if _, err := old.rw.Exec(`INSERT INTO working_copies (article_id, base, text, updated) VALUES (?, ?, ?, ?)`,
		a.ID, rev.Number, "The harbour will be dredged in spring.", formatTime(at(9))); err != nil {
		t.Fatal(err)
	}
	old.Close()

	db := openAs(t, path, "Ana")
	if was, is := db.Schema(); was != 3 || is != len(all) {
		t.Errorf("Schema() = %d, %d; want 3, %d", was, is, len(all))
	}
	wc, err := db.WorkingCopy(ctx, a.ID)
	if err != nil || wc.Text != "The harbour will be dredged in spring." || !wc.Updated.Equal(at(9)) {
		t.Fatalf("working copy after the migration = %+v, %v", wc, err)
	}
	if hits, err := db.Search(ctx, "spring"); err != nil || len(hits) != 1 {
		t.Errorf("the old draft is not searched: %+v, %v", hits, err)
	}
	if r, err := db.CommitWorkingCopy(ctx, a.ID, "", "Ana"); err != nil || r.Number != 2 {
		t.Errorf("commit of the old draft = %+v, %v", r, err)
	}
}

// TestListenerReconnects cuts the connection that listens for other
// processes' changes, as a server restart or a network failure would: the
// listener comes back, DataVersion moves (a change may have been missed
// meanwhile), and later changes arrive as before.
func TestListenerReconnects(t *testing.T) {
	ctx := context.Background()
	desk := pgtest.Database(t)
	app, cli := openTestDBAt(t, desk), openTestDBAt(t, desk)
	a, _ := mustCreateArticle(t, cli, "Storm", "Wind.")
	version := func() int64 {
		v, err := app.DataVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	waitMove := func(from int64, within time.Duration, what string) int64 {
		t.Helper()
		deadline := time.Now().Add(within)
		for {
			if v := version(); v != from {
				return v
			}
			if time.Now().After(deadline) {
				t.Fatalf("DataVersion did not move within %v of %s", within, what)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	v := waitMove(0, time.Second, "the article") // cli's article, made after app opened
	var cut int
	if err := cli.rw.QueryRow(cli.d.rebind(`SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
		WHERE application_name = ?`), "copydesk listener "+app.pg.token).Scan(&cut); err != nil || cut != 1 {
		t.Fatalf("terminating the listener: %d connections, %v", cut, err)
	}
	v = waitMove(v, 10*time.Second, "the listener's connection being cut")
	if !app.pg.listening.Load() {
		t.Error("the listener moved DataVersion before it was listening again")
	}
	if _, err := cli.AddRevision(ctx, a.ID, "Wind and rain.", "", "desk"); err != nil {
		t.Fatal(err)
	}
	waitMove(v, time.Second, "a revision after the reconnection")
}

// TestArrivingAndLeavingNotify: an editor opening or closing an article
// moves other workspaces' DataVersion, so they show it at once; the
// heartbeats in between do not.
func TestArrivingAndLeavingNotify(t *testing.T) {
	ctx := context.Background()
	desk := pgtest.Database(t)
	ana, ben := openAs(t, desk, "Ana"), openAs(t, desk, "Ben")
	a, _ := mustCreateArticle(t, ben, "Budget", "The council met.")
	version := func() int64 { v, _ := ana.DataVersion(ctx); return v }
	settle := func() int64 {
		time.Sleep(200 * time.Millisecond) // notifications arrive in milliseconds
		return version()
	}
	for _, step := range []struct {
		name   string
		do     func() error
		notify bool
	}{
		{"arrive", func() error { return ben.Heartbeat(ctx, a.ID) }, true},
		{"heartbeat", func() error { return ben.Heartbeat(ctx, a.ID) }, false},
		{"leave", func() error { return ben.Leave(ctx, a.ID) }, true},
		{"leave again", func() error { return ben.Leave(ctx, a.ID) }, false},
	} {
		before := settle()
		if err := step.do(); err != nil {
			t.Fatal(err)
		}
		if moved := settle() != before; moved != step.notify {
			t.Errorf("%s: DataVersion moved %v, want %v", step.name, moved, step.notify)
		}
	}
}

// TestAutosavesDoNotWakeOthers: an editor's autosaves (their own working
// copy) and the search index catching up with them do not move other
// workspaces' DataVersion; their note does.
func TestAutosavesDoNotWakeOthers(t *testing.T) {
	ctx := context.Background()
	desk := pgtest.Database(t)
	ana, ben := openAs(t, desk, "Ana"), openAs(t, desk, "Ben")
	a, rev := mustCreateArticle(t, ben, "Budget", "The council met.")
	version := func() int64 {
		time.Sleep(200 * time.Millisecond) // notifications arrive in milliseconds
		v, _ := ana.DataVersion(ctx)
		return v
	}
	before := version()
	for i := range 3 {
		if err := ben.SaveWorkingCopy(ctx, editor.WorkingCopy{ArticleID: a.ID, Base: rev.Number, Text: fmt.Sprintf("The council met %d times.", i)}); err != nil {
			t.Fatal(err)
		}
	}
	if hits, err := ben.Search(ctx, "times"); err != nil || len(hits) != 1 {
		t.Fatalf("Search after the autosaves = %+v, %v", hits, err)
	}
	if got := version(); got != before {
		t.Errorf("DataVersion moved from %d to %d on another editor's autosaves", before, got)
	}
	if _, err := ben.AddNote(ctx, editor.Note{ArticleID: a.ID, Revision: rev.Number, Severity: editor.Info, Message: "Which council?"}); err != nil {
		t.Fatal(err)
	}
	if got := version(); got == before {
		t.Error("DataVersion did not move on another editor's note")
	}
}

// TestOneEditorInTwoWindows: the same editor with an article open in two
// windows shares one working copy; a window saving over text the other
// saved since it last read it is refused, so neither overwrites the
// other unawares, and reading the working copy again takes it over.
func TestOneEditorInTwoWindows(t *testing.T) {
	eachBackendDesk(t, func(t *testing.T, desk string) {
		ctx := context.Background()
		first, second := openAs(t, desk, "Ana"), openAs(t, desk, "Ana")
		a, rev := mustCreateArticle(t, first, "Budget", "The council met.")
		for _, db := range []*DB{first, second} {
			if _, err := db.WorkingCopy(ctx, a.ID); !errors.Is(err, ErrNotFound) {
				t.Fatalf("WorkingCopy before any save: %v", err)
			}
		}
		save := func(db *DB, text string) error {
			return db.SaveWorkingCopy(ctx, editor.WorkingCopy{ArticleID: a.ID, Base: rev.Number, Text: text})
		}
		for _, text := range []string{"The council met.", "The council met on Monday."} {
			if err := save(first, text); err != nil {
				t.Fatalf("the first window's autosave: %v", err)
			}
		}
		err := save(second, "The city council met.")
		if !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), "another window") {
			t.Fatalf("the second window saving over the first's text = %v, want ErrConflict naming another window", err)
		}
		if wc, err := first.WorkingCopy(ctx, a.ID); err != nil || wc.Text != "The council met on Monday." {
			t.Errorf("working copy after the refused save = %q, %v; want the first window's", wc.Text, err)
		}
		if err := save(first, "The council met on Monday night."); err != nil {
			t.Errorf("the first window's next autosave: %v", err)
		}
		// Reading it again (reopening the article) takes it over.
		if _, err := second.WorkingCopy(ctx, a.ID); err != nil {
			t.Fatal(err)
		}
		if err := save(second, "The city council met on Monday night."); err != nil {
			t.Errorf("the second window's save after reading the working copy again: %v", err)
		}
		// A commit and a new draft in one window raise nothing.
		if _, err := second.CommitWorkingCopy(ctx, a.ID, "", "Ana"); err != nil {
			t.Fatal(err)
		}
		if err := second.SaveWorkingCopy(ctx, editor.WorkingCopy{ArticleID: a.ID, Base: 2, Text: "Next draft."}); err != nil {
			t.Errorf("a new draft after the commit: %v", err)
		}
	})
}
