package app

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"copydesk/editor"
	"copydesk/storage"
)

func TestPresenceText(t *testing.T) {
	for _, tc := range []struct {
		name  string
		names []string
		want  string
	}{
		{"nobody", nil, ""},
		{"one", []string{"Ana"}, "Ana is editing"},
		{"two", []string{"Ana", "Ben"}, "Ana and Ben are editing"},
		{"three", []string{"Ana", "Ben", "Cy"}, "Ana, Ben and Cy are editing"},
		{"four", []string{"Ana", "Ben", "Cy", "Di"}, "Ana, Ben and 2 others are editing"},
		{"the editor's other window", []string{"Eve"}, "You have this open in another window"},
		{"another editor and the editor's other window", []string{"Ana", "Eve"}, "Ana and you in another window are editing"},
		{"the editor's other window named last", []string{"Ana", "Ben", "Eve", "Fay"}, "Ana, Ben and 2 others are editing"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := presenceText(tc.names, "Eve"); got != tc.want {
				t.Errorf("presenceText(%q, Eve) = %q, want %q", tc.names, got, tc.want)
			}
		})
	}
}

// presenceBeat is the heartbeat of the presence tests: short, so that a
// change of who is in the article shows in a test's time.
const presenceBeat = 50 * time.Millisecond

// TestPresenceOnASharedDesk: Ana and Ben open the same article on one
// PostgreSQL desk and each sees the other named over the article, without
// the editor moving. A third editor makes it "and"; Ben opening another
// article, then closing his window, takes his name down from Ana's.
func TestPresenceOnASharedDesk(t *testing.T) {
	ctx := context.Background()
	ana, ben, art := sharedDesk(t)
	other, _, err := ana.CreateArticle(ctx, editor.Article{Title: "Wire"}, "Wire\nCopy.", "r1", "wire")
	if err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	u := newLiveUI()
	wa := u.workspace(t, a, ana, "Ana", presenceBeat)
	wa.openArticle(art.ID)
	wa.win.Resize(fyne.NewSize(1200, 800))
	edAt, edSize := positionIn(wa.win.Content(), wa.edit.ed), wa.edit.ed.Size()
	if edSize.Width == 0 {
		t.Fatal("Ana's editor is not laid out")
	}

	wb := u.workspace(t, a, ben, "Ben", presenceBeat)
	wb.openArticle(art.ID)
	u.until(t, liveWithin, "each named in the other's workspace", func() bool {
		return wa.present.Text == "Ben is editing" && wb.present.Text == "Ana is editing"
	})
	if at, size := positionIn(wa.win.Content(), wa.edit.ed), wa.edit.ed.Size(); at != edAt || size != edSize {
		t.Errorf("Ana's editor moved from %v %v to %v %v when Ben's name showed", edAt, edSize, at, size)
	}
	// The last tab's name, as AppTabs draws it, ends before the names start.
	var last *canvas.Text
	for _, txt := range widgetsIn[*canvas.Text](wa.mainTabs) {
		if txt.Text == "Compare" {
			last = txt
		}
	}
	if last == nil {
		t.Fatal("no Compare tab drawn")
	}
	if end, x := positionIn(wa.mainTabs, last).X+last.Size().Width, wa.present.Position().X; x < end {
		t.Errorf("the names start at x=%v, over the tab names, which end at %v", x, end)
	}
	if wa.present.Size().Width <= wa.present.MinSize().Width || wa.present.Position().Y != 0 {
		t.Errorf("the names are laid out at %v, %v: want the rest of the tab bar", wa.present.Position(), wa.present.Size())
	}

	cy := openDeskAs(t, ana.Path(), "Cy") // Path is the URL, password aside
	if err := cy.Heartbeat(ctx, art.ID); err != nil {
		t.Fatal(err)
	}
	u.until(t, liveWithin, "Cy named too", func() bool { return wa.present.Text == "Ben and Cy are editing" })
	if err := cy.Leave(ctx, art.ID); err != nil {
		t.Fatal(err)
	}

	wb.openArticle(other.ID)
	u.until(t, liveWithin, "Ben gone from Ana's article once he opened another", func() bool {
		return wa.present.Text == "" && wb.present.Text == ""
	})
	wb.openArticle(art.ID)
	u.until(t, liveWithin, "Ben back", func() bool { return wa.present.Text == "Ben is editing" && wb.present.Text == "Ana is editing" })
	wb.closeNow()
	u.until(t, liveWithin, "Ben gone once his window closed", func() bool { return wa.present.Text == "" })
	if names, err := ana.Editing(ctx, art.ID); err != nil || len(names) != 0 {
		t.Errorf("the desk says %q are editing, %v; want nobody", names, err)
	}
}

// positionIn returns where obj is drawn inside root, and (-1, -1) when
// it is not there.
func positionIn(root, obj fyne.CanvasObject) fyne.Position {
	var find func(o fyne.CanvasObject, at fyne.Position) (fyne.Position, bool)
	find = func(o fyne.CanvasObject, at fyne.Position) (fyne.Position, bool) {
		at = at.Add(o.Position())
		if o == obj {
			return at, true
		}
		var children []fyne.CanvasObject
		switch o := o.(type) {
		case *fyne.Container:
			children = o.Objects
		case fyne.Widget:
			children = test.WidgetRenderer(o).Objects()
		}
		for _, c := range children {
			if p, ok := find(c, at); ok {
				return p, true
			}
		}
		return fyne.Position{}, false
	}
	if p, ok := find(root, fyne.Position{}); ok {
		return p
	}
	return fyne.NewPos(-1, -1)
}

// TestPresenceOnASQLiteDesk: presence works the same on a desk file.
// Nobody else can open it for editing, but a read of who is in the
// article, and a heartbeat from another DB on the file, behave as on a
// server.
func TestPresenceOnASQLiteDesk(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "desk.db")
	store, err := storage.Open(ctx, path, storage.WithEditor("Ana"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	art, _, err := store.CreateArticle(ctx, editor.Article{Title: "Council Backs Budget"}, sampleText, "r1", "writer")
	if err != nil {
		t.Fatal(err)
	}
	u := newLiveUI()
	ws := u.workspace(t, test.NewTempApp(t), store, "Ana", presenceBeat)
	cli := openOutside(t, store)
	u.until(t, liveWithin, "Ana's heartbeat on the file", func() bool {
		names, err := cli.Editing(ctx, art.ID)
		return err == nil && len(names) == 1 && names[0] == "Ana"
	})
	if ws.present.Text != "" || len(ws.dialogs) != 0 {
		t.Errorf("alone on the desk: names %q, %d dialogs", ws.present.Text, len(ws.dialogs))
	}
	ben, err := storage.Open(ctx, path, storage.WithEditor("Ben"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ben.Close() })
	if err := ben.Heartbeat(ctx, art.ID); err != nil {
		t.Fatal(err)
	}
	u.until(t, liveWithin, "Ben named", func() bool { return ws.present.Text == "Ben is editing" })
}
