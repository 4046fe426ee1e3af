package app

import (
	"archive/zip"
	"context"
	"encoding/xml"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
	"copydesk/editor/convert"
	"copydesk/storage"
)

// widgetsIn returns the widgets of type T in o and below it, in tree order.
func widgetsIn[T fyne.CanvasObject](o fyne.CanvasObject) []T {
	var out []T
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil {
			return
		}
		if t, ok := o.(T); ok {
			out = append(out, t)
		}
		switch o := o.(type) {
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(o).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

// tapDialogButton taps the button labelled label in the dialog on top of
// ws's window.
func tapDialogButton(t *testing.T, ws *Workspace, label string) {
	t.Helper()
	top := ws.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog open to tap %q in", label)
	}
	for _, b := range widgetsIn[*widget.Button](top) {
		if b.Text == label {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("the dialog has no %q button", label)
}

func TestUserNameFromPreferences(t *testing.T) {
	ws, store, art := newTestWorkspace(t)
	ctx := context.Background()
	d := ws.showPreferences()
	if d.name.Text != "desk" {
		t.Errorf("the name offered is %q, want the current one, desk", d.name.Text)
	}
	// The current name opens selected, so typing replaces it.
	test.Type(d.name, "Maya Lin")
	tapDialogButton(t, ws, "Save")
	if got := ws.app.Preferences().String(PrefAuthor); got != "Maya Lin" {
		t.Fatalf("preference %s = %q", PrefAuthor, got)
	}

	// An own note and a reply carry the name, and the thread shows it.
	at := strings.Index(ws.Text(), "balanced it")
	ws.edit.ed.Select(editor.Span{Start: at, End: at + len("balanced it")})
	if err := ws.AddComment("Balanced how?"); err != nil {
		t.Fatal(err)
	}
	notes, _ := store.Notes(ctx, art.ID, editor.NoteFilter{Comments: true})
	if len(notes) != 1 || notes[0].Author != "Maya Lin" {
		t.Fatalf("own note = %+v, want it by Maya Lin", notes)
	}
	ws.showReplies(notes[0])
	reply := widgetsIn[*dialogEntry](ws.win.Canvas().Overlays().Top())
	if len(reply) != 1 {
		t.Fatalf("the thread has %d entries, want the reply box", len(reply))
	}
	test.Type(reply[0], "Cut spending by 4%.")
	tapDialogButton(t, ws, "Reply")
	replies, _ := store.Replies(ctx, notes[0].ID)
	if len(replies) != 1 || replies[0].Author != "Maya Lin" {
		t.Fatalf("replies = %+v, want one by Maya Lin", replies)
	}
	ws.showReplies(notes[0])
	var thread []string
	for _, l := range widgetsIn[*widget.Label](ws.win.Canvas().Overlays().Top()) {
		thread = append(thread, l.Text)
	}
	shown := strings.Join(thread, "\n")
	if !strings.Contains(shown, "Balanced how? — Maya Lin") || !strings.Contains(shown, "Cut spending by 4%. (Maya Lin") || strings.Contains(shown, "—, ") {
		t.Errorf("the thread reads:\n%s", shown)
	}
	ws.win.Canvas().Overlays().Top().Hide()

	// A saved revision and the redline's tracked changes too.
	ws.edit.ed.moveCaret(editor.Pos{Para: 2}, false)
	test.Type(ws.Editor(), "Late update. ")
	ws.saveRevision("desk read")
	rev, _ := store.LatestRevision(ctx, art.ID)
	if rev.Number != 2 || rev.Author != "Maya Lin" {
		t.Errorf("saved revision r%d by %q, want r2 by Maya Lin", rev.Number, rev.Author)
	}
	path := filepath.Join(t.TempDir(), "redline.docx")
	if err := ws.ExportAs(path, convert.FormatRedlineDOCX, 1, 2); err != nil {
		t.Fatal(err)
	}
	authors := trackedChangeAuthors(t, path)
	if len(authors) == 0 {
		t.Fatal("the redline has no tracked changes")
	}
	for _, a := range authors {
		if a != "Maya Lin" {
			t.Errorf("tracked change by %q, want Maya Lin (all: %v)", a, authors)
		}
	}
}

// trackedChangeAuthors reads the w:author of every insertion and deletion
// in a .docx file's document.xml.
func trackedChangeAuthors(t *testing.T, path string) []string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	f, err := z.Open("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	const w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	var authors []string
	dec := xml.NewDecoder(f)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		el, ok := tok.(xml.StartElement)
		if !ok || el.Name.Space != w || el.Name.Local != "ins" && el.Name.Local != "del" {
			continue
		}
		for _, a := range el.Attr {
			if a.Name.Space == w && a.Name.Local == "author" {
				authors = append(authors, a.Value)
			}
		}
	}
	return authors
}

func TestUserNameAskedOnce(t *testing.T) {
	a := test.NewTempApp(t)
	store, err := storage.Open(context.Background(), filepath.Join(t.TempDir(), "desk.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	open := func() *Workspace {
		return newWorkspace(a, store, Options{Author: "mlin", AskAuthor: true, AutosaveQuiet: time.Hour, AutosaveMaxWait: time.Hour, HeartbeatEvery: -1},
			func(run func()) { run() })
	}
	ws := open()
	top := ws.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("a new user is not asked for their name")
	}
	entries := widgetsIn[*dialogEntry](top)
	if len(entries) != 1 || entries[0].Text != "mlin" {
		t.Fatalf("the question offers %d entries, want one holding the OS user name", len(entries))
	}
	tapDialogButton(t, ws, "Skip")
	if got := a.Preferences().String(PrefAuthor); got != "mlin" {
		t.Fatalf("after Skip the name is %q, want mlin", got)
	}
	ws.win.Close()
	if again := open(); again.win.Canvas().Overlays().Top() != nil {
		t.Error("the name is asked again")
	}
	if err := open().SetAuthor(" \t"); err == nil {
		t.Error("a blank name was taken")
	}
}
