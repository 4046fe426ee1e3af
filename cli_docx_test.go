package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/editor/diff"
	"copydesk/editor/docx"
	"copydesk/storage"
)

// writeDOCX writes text as a clean Word file in dir.
func writeDOCX(t *testing.T, dir, name, text string) string {
	t.Helper()
	var buf bytes.Buffer
	if err := docx.Write(&buf, text, docx.Meta{}); err != nil {
		t.Fatal(err)
	}
	return writeFile(t, dir, name, buf.String())
}

// writeRedlineDOCX writes the redline from old to new as a Word file with
// tracked changes in dir.
func writeRedlineDOCX(t *testing.T, dir, name, old, new string) string {
	t.Helper()
	var buf bytes.Buffer
	if err := docx.WriteRedline(&buf, diff.Words(old, new, diff.Options{}), docx.Meta{Author: "Desk"}, nil); err != nil {
		t.Fatal(err)
	}
	return writeFile(t, dir, name, buf.String())
}

// TestCommandsReadWordFiles hands .docx files to every command that takes
// a file, where each used to refuse them as binary.
func TestCommandsReadWordFiles(t *testing.T) {
	dir := t.TempDir()
	draft := writeDOCX(t, dir, "draft.docx", reviewDraft)
	source := writeDOCX(t, dir, "notes.docx", reviewSource)
	previous := writeDOCX(t, dir, "previous.docx", reviewPrevious)
	// A draft mailed without its extension is still a Word file.
	bare := writeDOCX(t, dir, "draft-from-mail", reviewDraft)

	t.Run("check", func(t *testing.T) {
		for _, file := range []string{draft, bare} {
			code, out, errOut := cli(t, "check", "--source", source, "--previous", previous, "--format", "json", file)
			if code != 0 {
				t.Fatalf("%s: exit %d: %s", file, code, errOut)
			}
			var got checkJSON
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("json: %v\n%s", err, out)
			}
			var sourced bool
			for _, f := range got.Findings {
				sourced = sourced || f.Related != nil && f.Related.File == filepath.Base(source)
			}
			if !sourced {
				t.Errorf("%s: no finding against the Word source: %s", file, out)
			}
		}
	})
	t.Run("quotes", func(t *testing.T) {
		code, out, errOut := cli(t, "quotes", "--format", "json", draft)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		if !strings.Contains(out, "We cannot keep patching") || !strings.Contains(out, "Alvarez") {
			t.Errorf("quote sheet lacks the draft's quotation: %s", out)
		}
	})
	t.Run("diff", func(t *testing.T) {
		oldPath := writeDOCX(t, dir, "old.docx", diffOld)
		newPath := writeFile(t, dir, "new.txt", diffNew)
		code, out, errOut := cli(t, "diff", oldPath, newPath)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		if !strings.Contains(out, "[-Monday-]{+Tuesday+}") {
			t.Errorf("diff = %q", out)
		}
	})
	t.Run("revise", func(t *testing.T) {
		db := filepath.Join(dir, "desk.db")
		code, out, errOut := cli(t, "import", "--db", db, previous)
		if code != 0 {
			t.Fatalf("import exit %d: %s", code, errOut)
		}
		id := strings.TrimSpace(out)
		// The writer sends back the draft with tracked changes: they
		// are accepted, and the command says so.
		redline := writeRedlineDOCX(t, dir, "back.docx", reviewPrevious, reviewDraft)
		code, out, errOut = cli(t, "revise", "--db", db, id, redline)
		if code != 0 || strings.TrimSpace(out) != "2" {
			t.Fatalf("revise = %d %q %q, want revision 2", code, out, errOut)
		}
		if !strings.Contains(errOut, "tracked changes") {
			t.Errorf("revise did not say it accepted the tracked changes: %q", errOut)
		}
		_, out, _ = cli(t, "export", "--db", db, id)
		if out != strings.TrimSuffix(reviewDraft, "\n") {
			t.Errorf("revision 2 =\n%q\nwant\n%q", out, reviewDraft)
		}
	})
	t.Run("source add", func(t *testing.T) {
		db := filepath.Join(dir, "sources.db")
		_, out, _ := cli(t, "import", "--db", db, draft)
		id := strings.TrimSpace(out)
		code, out, errOut := cli(t, "source", "add", "--db", db, id, source)
		if code != 0 {
			t.Fatalf("source add: exit %d: %s", code, errOut)
		}
		_, shown, _ := cli(t, "source", "show", "--db", db, id, strings.TrimSpace(out))
		if !strings.Contains(shown, "We cannot keep patching a system") || strings.Contains(shown, "PK") {
			t.Errorf("source show = %q, want the Word file's text", shown)
		}
	})
	t.Run("a damaged Word file is refused with the reason", func(t *testing.T) {
		bad := writeFile(t, dir, "bad.docx", "PK\x03\x04 not really")
		code, _, errOut := cli(t, "check", bad)
		if code != 2 || !strings.Contains(errOut, "Word") {
			t.Errorf("exit %d, stderr %q; want 2 and a message about the Word file", code, errOut)
		}
	})
}

// TestExportAndImportWordComments puts the desk's note and the writer's
// reply into a redline-docx and a clean docx --comments, and imports the
// file as the writer would send it back: the note and reply come in on
// the same words, with the file's authors and times.
func TestExportAndImportWordComments(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "desk.db")
	ctx := context.Background()
	id := importText(t, db, writeFile(t, dir, "v1.txt", reviewPrevious))
	store, err := storage.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(reviewPrevious, "Mayor Diane Alvarez")
	n, err := store.AddNote(ctx, editor.Note{ArticleID: id, Revision: 1, Severity: editor.Info, Message: "Full title on first reference?",
		Author: "Desk", Anchor: editor.NewAnchor(reviewPrevious, editor.Span{Start: i, End: i + len("Mayor Diane Alvarez")})})
	if err == nil {
		_, err = store.AddReply(ctx, n.ID, "Writer", "She is the mayor; fixed.")
	}
	store.Close()
	if err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := cli(t, "revise", "--db", db, strconv.FormatInt(id, 10), writeFile(t, dir, "v2.txt", reviewDraft)); code != 0 {
		t.Fatalf("revise: %s", errOut)
	}
	redline := filepath.Join(dir, "redline.docx")
	clean := filepath.Join(dir, "clean.docx")
	for _, args := range [][]string{
		{"export", "--db", db, "--format", "redline-docx", "--out", redline, strconv.FormatInt(id, 10)},
		{"export", "--db", db, "--format", "docx", "--comments", "--out", clean, strconv.FormatInt(id, 10)},
	} {
		if code, _, errOut := cli(t, args...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
	}
	if code, _, errOut := cli(t, "export", "--db", db, "--format", "txt", "--comments", strconv.FormatInt(id, 10)); code != 2 || !strings.Contains(errOut, "--comments") {
		t.Errorf("--comments with txt: exit %d, %q", code, errOut)
	}
	for _, file := range []string{redline, clean} {
		code, out, errOut := cli(t, "import", "--db", db, file)
		if code != 0 || !strings.Contains(errOut, "1 comment comes in as a note") {
			t.Fatalf("import %s: exit %d, %q", file, code, errOut)
		}
		store, err := storage.Open(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		newID, _ := strconv.ParseInt(strings.TrimSpace(out), 10, 64)
		notes, err := store.Notes(ctx, newID, editor.NoteFilter{})
		var replies []editor.Reply
		if err == nil && len(notes) == 1 {
			replies, err = store.Replies(ctx, notes[0].ID)
		}
		store.Close()
		if err != nil || len(notes) != 1 {
			t.Fatalf("%s: notes %+v, %v", file, notes, err)
		}
		got := notes[0]
		if got.Anchor.Exact != "Mayor Diane Alvarez" || got.Author != "Desk" || got.Message != "Full title on first reference?" ||
			got.Created.Sub(n.Created).Abs() > time.Second {
			t.Errorf("%s: note %+v; want Desk's, made %v", file, got, n.Created)
		}
		if len(replies) != 1 || replies[0].Author != "Writer" || replies[0].Text != "She is the mayor; fixed." {
			t.Errorf("%s: replies %+v", file, replies)
		}
	}
	// check reads the file with comments and says it leaves them out.
	if code, _, errOut := cli(t, "check", redline); code != 0 || !strings.Contains(errOut, "1 comment was left out") {
		t.Errorf("check: exit %d, %q", code, errOut)
	}
}

// TestReviseMergesWordComments sends the desk's clean copy with its note
// out as a Word file; the writer answers the note and adds a comment of
// his own, and the file comes back through revise: the answer joins the
// desk's note as a reply, the new comment becomes a note on the new
// revision, and sending the same file again adds nothing twice.
func TestReviseMergesWordComments(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "desk.db")
	ctx := context.Background()
	id := importText(t, db, writeFile(t, dir, "v1.txt", reviewPrevious))
	sid := strconv.FormatInt(id, 10)
	mustCLI(t, "notes", "add", "--db", db, "--author", "Desk", "--find", "Mayor Diane Alvarez", sid, "Full title on first reference?")
	sent := filepath.Join(dir, "sent.docx")
	mustCLI(t, "export", "--db", db, "--format", "docx", "--comments", "--out", sent, sid)

	// The writer's copy: the text revised, the desk's comment answered,
	// a comment of his own on other words.
	im, err := convertRead(sent)
	if err != nil {
		t.Fatal(err)
	}
	if len(im) != 1 {
		t.Fatalf("the sent file holds %d comments, want the desk's one", len(im))
	}
	desk := im[0]
	desk.Replies = append(desk.Replies, docx.Comment{Author: "Writer", Text: "Yes: Mayor Diane Alvarez, fixed.", Date: time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC)})
	at := strings.Index(reviewPrevious, "Mayor Diane Alvarez")
	desk.Span = editor.Span{Start: at, End: at + len("Mayor Diane Alvarez")}
	other := strings.Index(reviewPrevious, "council")
	own := docx.Comment{Author: "Writer", Text: "Check the vote count with the clerk.", Span: editor.Span{Start: other, End: other + len("council")}}
	var buf bytes.Buffer
	if err := docx.Write(&buf, reviewPrevious, docx.Meta{Comments: []docx.Comment{desk, own}}); err != nil {
		t.Fatal(err)
	}
	back := writeFile(t, dir, "back.docx", buf.String())

	for round := 1; round <= 2; round++ {
		code, _, errOut := cli(t, "revise", "--db", db, sid, back)
		if code != 0 {
			t.Fatalf("revise round %d: exit %d: %s", round, code, errOut)
		}
		store, err := storage.Open(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		notes, err := store.Notes(ctx, id, editor.NoteFilter{})
		if err != nil {
			t.Fatal(err)
		}
		var deskReplies []editor.Reply
		var ownNotes int
		for _, n := range notes {
			switch n.Message {
			case "Full title on first reference?":
				if deskReplies, err = store.Replies(ctx, n.ID); err != nil {
					t.Fatal(err)
				}
			case "Check the vote count with the clerk.":
				ownNotes++
			}
		}
		store.Close()
		if len(deskReplies) != 1 || deskReplies[0].Author != "Writer" || !deskReplies[0].Created.Equal(time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC)) {
			t.Errorf("round %d: the desk's note has replies %+v, want the writer's one, at its time", round, deskReplies)
		}
		wantOwn := 1
		if ownNotes != wantOwn {
			t.Errorf("round %d: %d notes for the writer's own comment, want %d", round, ownNotes, wantOwn)
		}
	}
}

// convertRead returns the comments of a Word file.
func convertRead(path string) ([]docx.Comment, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	d, err := docx.Read(bytes.NewReader(b), int64(len(b)))
	return d.Comments, err
}

// importText imports a file into the desk db and returns the article's ID.
func importText(t *testing.T, db, file string) int64 {
	t.Helper()
	_, out, errOut := cli(t, "import", "--db", db, file)
	id, err := strconv.ParseInt(strings.TrimSpace(out), 10, 64)
	if err != nil {
		t.Fatalf("import: %q %q", out, errOut)
	}
	return id
}
