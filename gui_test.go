package main

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"copydesk/app"
	"copydesk/editor"
	"copydesk/storage"
)

// TestReviseReachesTheOpenWorkspace runs `copydesk revise` against the
// database an open workspace uses, with the workspace watching it on its
// own goroutine as the app does, and checks that the new revision shows
// in the editor.
func TestReviseReachesTheOpenWorkspace(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "desk.db")
	store, err := storage.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	a, _, err := store.CreateArticle(context.Background(), editor.Article{Title: "Hed"}, "Hed\nFirst draft.", "r1", "writer")
	if err != nil {
		t.Fatal(err)
	}
	// Results of background work queue here and run on this goroutine, as
	// a real driver runs them on its UI goroutine.
	ui := make(chan func(), 64)
	ws := app.NewWorkspace(test.NewTempApp(t), store, app.Options{
		OpenArticle: a.ID,
		Dispatch:    func(f func()) { ui <- f },
		WatchEvery:  10 * time.Millisecond,
	})
	file := ws.Window().MainMenu().Items[0]
	defer file.Items[len(file.Items)-1].Action() // File > Quit stops the watching

	const second = "Hed\nSecond draft, from the writer."
	in := filepath.Join(dir, "second.txt")
	if err := os.WriteFile(in, []byte(second), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := cli(t, "revise", "--db", db, strconv.FormatInt(a.ID, 10), in); code != 0 || strings.TrimSpace(out) != "2" {
		t.Fatalf("revise: exit %d, %q %q", code, out, errOut)
	}

	deadline := time.After(10 * time.Second)
	for ws.Text() != second {
		select {
		case f := <-ui:
			f()
		case <-deadline:
			t.Fatalf("10s after revise the editor still shows %q", ws.Text())
		}
	}
}

// TestCMSReachesTheOpenWorkspace drives the desk from other processes as
// a CMS would, while a workspace has the article open and watches the
// database on its own goroutine: a note added with `notes add`, a source
// attached with `source add` and findings kept with `check --keep` all
// reach the workspace's panels.
func TestCMSReachesTheOpenWorkspace(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "desk.db")
	store, err := storage.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	sample, err := os.ReadFile(filepath.Join("assets", "sample-article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	a, _, err := store.CreateArticle(ctx, editor.Article{Title: "Harbor"}, string(sample), "r1", "writer")
	if err != nil {
		t.Fatal(err)
	}
	ui := make(chan func(), 64)
	ws := app.NewWorkspace(test.NewTempApp(t), store, app.Options{
		OpenArticle: a.ID,
		Dispatch:    func(f func()) { ui <- f },
		WatchEvery:  10 * time.Millisecond,
	})
	file := ws.Window().MainMenu().Items[0]
	defer file.Items[len(file.Items)-1].Action()

	id := strconv.FormatInt(a.ID, 10)
	for _, args := range []string{
		"notes add --db " + db + " --author cms --find Elena " + id + " Check the name.",
		"source add --db " + db + " --kind transcript " + id + " " + filepath.Join("assets", "sample-source.txt"),
		"check --db " + db + " --keep " + id,
	} {
		out, err := cliChild(ctx, args).CombinedOutput()
		if err != nil {
			t.Fatalf("copydesk %s: %v\n%s", args, err, out)
		}
	}
	want, err := store.Notes(ctx, a.ID, editor.NoteFilter{})
	if err != nil || len(want) < 2 {
		t.Fatalf("desk holds %d notes, %v; want the comment and kept findings", len(want), err)
	}
	deadline := time.After(10 * time.Second)
	for len(ws.Notes()) != len(want) || len(ws.Sources()) != 1 {
		select {
		case f := <-ui:
			f()
		case <-deadline:
			t.Fatalf("10s after the commands the workspace shows %d notes and %d sources; want %d and 1", len(ws.Notes()), len(ws.Sources()), len(want))
		}
	}
}
