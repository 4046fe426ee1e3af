package app

import (
	"context"
	"testing"

	"copydesk/editor"
)

func TestTrashUndoAndRestore(t *testing.T) {
	ws, store, first := newTestWorkspace(t)
	second, _, err := store.CreateArticle(context.Background(), editor.Article{Title: "Second"}, "Second\nGraf.", "r1", "w")
	if err != nil {
		t.Fatal(err)
	}
	ws.library.reload()
	ws.openArticle(second.ID)
	if err := ws.TrashArticle(second.ID); err != nil {
		t.Fatal(err)
	}
	if len(ws.library.items) != 1 || ws.ArticleID() != first.ID {
		t.Fatalf("after trashing the open article: %d listed, article %d open", len(ws.library.items), ws.ArticleID())
	}
	if !ws.library.undo.Visible() {
		t.Fatal("no Undo offered after moving to the trash")
	}
	ws.library.undo.OnTapped()
	if len(ws.library.items) != 2 || ws.ArticleID() != second.ID || ws.library.undo.Visible() {
		t.Fatalf("Undo: %d listed, article %d open", len(ws.library.items), ws.ArticleID())
	}
	if err := ws.TrashArticle(first.ID); err != nil {
		t.Fatal(err)
	}
	ws.library.show.SetSelected(showTrash)
	if len(ws.library.items) != 1 || ws.library.items[0].ID != first.ID || ws.library.trash.Text != "Restore" {
		t.Fatalf("trash view lists %+v", ws.library.items)
	}
	ws.library.list.Select(0)
	if ws.ArticleID() == first.ID {
		t.Error("selecting in the trash opened the article")
	}
	ws.library.trash.OnTapped()
	if ws.library.show.Selected != showArticles || len(ws.library.items) != 2 || ws.ArticleID() != first.ID {
		t.Errorf("restore: view %q, %d listed, article %d open", ws.library.show.Selected, len(ws.library.items), ws.ArticleID())
	}
}
