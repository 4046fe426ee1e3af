package storage

import (
	"context"
	"path/filepath"
	"testing"
)

func TestDataVersionMovesOnlyForOtherConnections(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "copydesk.db")
	app := openTestDBAt(t, path)
	cli := openTestDBAt(t, path) // as `copydesk revise` opens it
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
	if again := version(); again != start {
		t.Errorf("DataVersion with no change = %d, then %d; want the same", start, again)
	}

	if _, err := app.AddRevision(ctx, a.ID, "Wind and rain.", "", "desk"); err != nil {
		t.Fatal(err)
	}
	if got := version(); got != start {
		t.Errorf("DataVersion after the DB's own write = %d, want %d unchanged", got, start)
	}

	if _, err := cli.LatestRevision(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if got := version(); got != start {
		t.Errorf("DataVersion after another connection only read = %d, want %d unchanged", got, start)
	}

	if _, err := cli.AddRevision(ctx, a.ID, "Wind, rain and hail.", "", "writer"); err != nil {
		t.Fatal(err)
	}
	moved := version()
	if moved == start {
		t.Errorf("DataVersion after another connection's revision = %d, want it changed", moved)
	}
	if again := version(); again != moved {
		t.Errorf("DataVersion read twice after one change = %d, then %d; want the same", moved, again)
	}
}
