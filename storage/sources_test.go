package storage

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"copydesk/editor"
)

func TestSources(t *testing.T) {
	eachBackend(t, func(t *testing.T, open func(t *testing.T) *DB) {
		ctx := context.Background()
		db := open(t)
		a, _ := mustCreateArticle(t, db, "Interview", "She said it was fine.")

		wire, err := db.AddSource(ctx, editor.Source{ArticleID: a.ID, Title: "AP copy", Kind: editor.SourceWire, Text: "Wire text."})
		if err != nil {
			t.Fatalf("AddSource: %v", err)
		}
		want := editor.Source{ID: wire.ID, ArticleID: a.ID, Title: "AP copy", Kind: editor.SourceWire, Text: "Wire text.", Created: at(2)}
		if wire != want || wire.ID == 0 {
			t.Errorf("AddSource = %+v, want %+v", wire, want)
		}
		transcript, err := db.AddSource(ctx, editor.Source{ArticleID: a.ID, Title: "Call", Kind: editor.SourceTranscript, Text: "Q: Was it fine? A: Fine."})
		if err != nil {
			t.Fatal(err)
		}
		if got, err := db.Source(ctx, wire.ID); err != nil || got != wire {
			t.Errorf("Source = %+v, %v; want %+v", got, err, wire)
		}
		if got, err := db.Sources(ctx, a.ID); err != nil || !reflect.DeepEqual(got, []editor.Source{wire, transcript}) {
			t.Errorf("Sources = %+v, %v; want both in order", got, err)
		}
		if _, err := db.AddSource(ctx, editor.Source{ArticleID: a.ID, Kind: "rumour", Text: "x"}); !errors.Is(err, ErrInvalid) {
			t.Errorf("AddSource with unknown kind = %v, want ErrInvalid", err)
		}
		if err := db.DeleteSource(ctx, wire.ID); err != nil {
			t.Fatalf("DeleteSource: %v", err)
		}
		if got, err := db.Sources(ctx, a.ID); err != nil || !reflect.DeepEqual(got, []editor.Source{transcript}) {
			t.Errorf("Sources after delete = %+v, %v; want only the transcript", got, err)
		}
	})
}
