package storage

import (
	"context"
	"database/sql"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"copydesk/editor"
)

// TestAWriterThatWaitsSaysSo holds the write lock from another connection,
// as another process writing would, and checks that a write waiting on it
// calls the wait notice after a second, then goes through once the lock
// is let go.
func TestAWriterThatWaitsSaysSo(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "desk.db")
	var told atomic.Int32
	db, err := Open(ctx, path, WithWaitNotice(func() { told.Add(1) }))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	a, _, err := db.CreateArticle(ctx, editor.Article{Title: "Hed"}, "Hed\nBody.", "r1", "w")
	if err != nil {
		t.Fatal(err)
	}
	if told.Load() != 0 {
		t.Fatal("a write that did not wait was announced")
	}
	other, err := sql.Open("sqlite3", dsn(path, nil))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := db.AddRevision(ctx, a.ID, "Hed\nBody, revised.", "r2", "w")
		done <- err
	}()
	time.Sleep(1500 * time.Millisecond)
	if told.Load() != 1 {
		t.Errorf("after 1.5 s of waiting the notice was given %d times, want once", told.Load())
	}
	if _, err := conn.ExecContext(ctx, "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatalf("the waiting write failed: %v", err)
	}
}
