package storage

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"testing"

	"copydesk/editor"
)

// Environment of a helper process started by TestConcurrentProcesses.
const (
	helperEnv        = "COPYDESK_STORAGE_HELPER"
	helperDBEnv      = "COPYDESK_STORAGE_HELPER_DB"
	helperArticleEnv = "COPYDESK_STORAGE_HELPER_ARTICLE"
	helperCountEnv   = "COPYDESK_STORAGE_HELPER_COUNT"
)

// TestHelperProcess is not a test: it is the body of the child processes
// TestConcurrentProcesses starts. It waits for its standard input to
// close, so that all children start writing together, then opens the
// database and adds revisions, notes and replies, to the article given or
// to one it creates.
func TestHelperProcess(t *testing.T) {
	name := os.Getenv(helperEnv)
	if name == "" {
		return
	}
	if err := helperWork(name); err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", name, err)
		os.Exit(1)
	}
	os.Exit(0)
}

func helperWork(name string) error {
	ctx := context.Background()
	articleID, _ := strconv.ParseInt(os.Getenv(helperArticleEnv), 10, 64)
	count, err := strconv.Atoi(os.Getenv(helperCountEnv))
	if err != nil {
		return err
	}
	if _, err := io.Copy(io.Discard, os.Stdin); err != nil {
		return err
	}
	db, err := Open(ctx, os.Getenv(helperDBEnv), WithClock(newTestClock().Now))
	if err != nil {
		return err
	}
	defer db.Close()
	if articleID == 0 {
		a, _, err := db.CreateArticle(ctx, editor.Article{Title: name}, name+" text 0", "", name)
		if err != nil {
			return err
		}
		articleID = a.ID
	}
	for i := 1; i <= count; i++ {
		rev, err := db.AddRevision(ctx, articleID, fmt.Sprintf("%s text %d", name, i), "", name)
		if err != nil {
			return err
		}
		n, err := db.AddNote(ctx, editor.Note{ArticleID: articleID, Revision: rev.Number, Author: name, Message: fmt.Sprintf("%s note %d", name, i)})
		if err != nil {
			return err
		}
		if _, err := db.AddReply(ctx, n.ID, name, "reply"); err != nil {
			return err
		}
		if _, err := db.LatestRevision(ctx, articleID); err != nil {
			return err
		}
		if _, err := db.ListArticles(ctx, editor.ArticleFilter{Query: name}); err != nil {
			return err
		}
	}
	return nil
}

// TestConcurrentProcesses has two processes write to one database file at
// once and checks that every write arrives and none fails.
func TestConcurrentProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	const (
		children = 2
		count    = 60 // revisions, notes and replies each child adds
	)
	tests := []struct {
		name string
		// shared: the children add to one article that exists before
		// they start; otherwise they all create the database at once and
		// each adds to an article of its own.
		shared bool
	}{
		{"one article in an existing database", true},
		{"articles of their own in a new database", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			path := filepath.Join(t.TempDir(), "copydesk.db")
			var articleID int64
			if tc.shared {
				db, err := Open(ctx, path)
				if err != nil {
					t.Fatal(err)
				}
				a, _ := mustCreateArticle(t, db, "Shared", "start")
				articleID = a.ID
				if err := db.Close(); err != nil {
					t.Fatal(err)
				}
			}

			type child struct {
				name   string
				cmd    *exec.Cmd
				stdin  io.WriteCloser
				output bytes.Buffer
			}
			var kids []*child
			for i := range children {
				c := &child{name: fmt.Sprintf("writer%d", i+1)}
				c.cmd = exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
				c.cmd.Env = append(os.Environ(),
					helperEnv+"="+c.name,
					helperDBEnv+"="+path,
					helperArticleEnv+"="+strconv.FormatInt(articleID, 10),
					helperCountEnv+"="+strconv.Itoa(count))
				c.cmd.Stdout, c.cmd.Stderr = &c.output, &c.output
				var err error
				if c.stdin, err = c.cmd.StdinPipe(); err != nil {
					t.Fatal(err)
				}
				if err := c.cmd.Start(); err != nil {
					t.Fatal(err)
				}
				kids = append(kids, c)
			}
			for _, c := range kids {
				c.stdin.Close() // go
			}
			for _, c := range kids {
				if err := c.cmd.Wait(); err != nil {
					t.Errorf("%s: %v\n%s", c.name, err, c.output.String())
				}
			}
			if t.Failed() {
				return
			}

			db := openTestDBAt(t, path)
			list, err := db.ListArticles(ctx, editor.ArticleFilter{})
			if err != nil {
				t.Fatal(err)
			}
			wantArticles := children
			if tc.shared {
				wantArticles = 1
			}
			if len(list) != wantArticles {
				t.Fatalf("there are %d articles, want %d", len(list), wantArticles)
			}
			texts := map[string]bool{}
			notes := map[string]bool{}
			for _, s := range list {
				revs, err := db.Revisions(ctx, s.ID)
				if err != nil {
					t.Fatal(err)
				}
				handovers := 0
				for i := 1; i < len(revs); i++ {
					if revs[i].Author != revs[i-1].Author {
						handovers++
					}
				}
				t.Logf("article %d: the write lock changed hands %d times over %d revisions", s.ID, handovers, len(revs))
				for i, r := range revs {
					if r.Number != i+1 {
						t.Errorf("article %d: revision %d has number %d", s.ID, i+1, r.Number)
					}
					texts[r.Text] = true
				}
				ns, err := db.Notes(ctx, s.ID, editor.NoteFilter{})
				if err != nil {
					t.Fatal(err)
				}
				for _, n := range ns {
					notes[n.Message] = true
					replies, err := db.Replies(ctx, n.ID)
					if err != nil || len(replies) != 1 {
						t.Errorf("note %d has replies %+v, %v; want one", n.ID, replies, err)
					}
				}
			}
			var missing []string
			for _, c := range kids {
				for i := 1; i <= count; i++ {
					if text := fmt.Sprintf("%s text %d", c.name, i); !texts[text] {
						missing = append(missing, text)
					}
					if msg := fmt.Sprintf("%s note %d", c.name, i); !notes[msg] {
						missing = append(missing, msg)
					}
				}
			}
			sort.Strings(missing)
			if len(missing) > 0 {
				t.Errorf("lost %d writes: %v", len(missing), missing)
			}
			if want := children*count + wantArticles; len(texts) != want {
				t.Errorf("there are %d revision texts, want %d", len(texts), want)
			}
		})
	}
}
