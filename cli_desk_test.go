package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// deskArticle imports the bundled sample into a new desk and returns the
// desk's path.
func deskArticle(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "desk.db")
	if code, _, stderr := cli(t, "import", "--db", db, filepath.Join("assets", "sample-article.txt")); code != 0 {
		t.Fatalf("import: exit %d: %s", code, stderr)
	}
	return db
}

func mustCLI(t *testing.T, args ...string) string {
	t.Helper()
	code, stdout, stderr := cli(t, args...)
	if code != 0 {
		t.Fatalf("copydesk %s: exit %d: %s", strings.Join(args, " "), code, stderr)
	}
	return stdout
}

// TestSourcesFromTheCommandLine attaches, lists, shows and removes a
// source the way a CMS would, and checks the stored article against it.
func TestSourcesFromTheCommandLine(t *testing.T) {
	db := deskArticle(t)
	src := filepath.Join("assets", "sample-source.txt")
	id := strings.TrimSpace(mustCLI(t, "source", "add", "--db", db, "--kind", "transcript", "--title", "Board meeting", "1", src))
	if _, err := strconv.Atoi(id); err != nil {
		t.Fatalf("source add printed %q, want the new source's ID", id)
	}
	var list struct {
		Sources []struct {
			ID    int64  `json:"id"`
			Title string `json:"title"`
			Kind  string `json:"kind"`
			Words int    `json:"words"`
		} `json:"sources"`
	}
	if err := json.Unmarshal([]byte(mustCLI(t, "source", "list", "--db", db, "--format", "json", "1")), &list); err != nil {
		t.Fatal(err)
	}
	if len(list.Sources) != 1 || list.Sources[0].Title != "Board meeting" || list.Sources[0].Kind != "transcript" || list.Sources[0].Words == 0 {
		t.Fatalf("source list = %+v", list.Sources)
	}
	want, _ := os.ReadFile(src)
	if got := mustCLI(t, "source", "show", "--db", db, "1", id); strings.TrimSpace(got) != strings.TrimSpace(string(want)) {
		t.Errorf("source show gave %d bytes, want the file's %d", len(got), len(want))
	}
	// The stored check uses the stored source: the drift checks run.
	if out := mustCLI(t, "check", "--db", db, "1"); !strings.Contains(out, "drift.number") || !strings.HasPrefix(out, "1@r1:") {
		t.Errorf("check --db output lacks the source checks or the 1@r1 label:\n%s", out)
	}
	mustCLI(t, "source", "remove", "--db", db, "1", id)
	if out := mustCLI(t, "check", "--db", db, "1"); strings.Contains(out, "drift.") {
		t.Errorf("after source remove, check still reports drift:\n%s", out)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"source", "add", "--db", db, "9", src}, "no article 9"},
		{[]string{"source", "add", "--db", db, "--kind", "rumour", "1", src}, "unknown source kind"},
		{[]string{"source", "show", "--db", db, "1", "99"}, "article 1 has no source 99"},
		{[]string{"source", "frob"}, "unknown source verb"},
	} {
		if code, _, stderr := cli(t, tc.args...); code != exitUsage || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tc.args, code, stderr, exitUsage, tc.want)
		}
	}
}

type notesOut struct {
	Notes []struct {
		ID       int64  `json:"id"`
		Status   string `json:"status"`
		Check    string `json:"check"`
		Author   string `json:"author"`
		Message  string `json:"message"`
		Anchor   string `json:"anchor_text"`
		Orphaned bool   `json:"orphaned"`
		Replies  []struct {
			Author, Text string
		} `json:"replies"`
	} `json:"notes"`
}

func listNotes(t *testing.T, db string, args ...string) notesOut {
	t.Helper()
	var out notesOut
	if err := json.Unmarshal([]byte(mustCLI(t, append(append([]string{"notes", "list", "--db", db, "--format", "json"}, args...), "1")...)), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestNotesFromTheCommandLine adds a note on words found by text, replies,
// resolves, dismisses and reopens it, and keeps a stored check's findings
// as notes, twice without duplicates.
func TestNotesFromTheCommandLine(t *testing.T) {
	db := deskArticle(t)
	id := strings.TrimSpace(mustCLI(t, "notes", "add", "--db", db, "--author", "Night desk", "1", "--find", "Elena Marsh said", "Check", "her", "title."))
	mustCLI(t, "notes", "reply", "--db", db, "--author", "Writer", id, "She is the director.")
	notes := listNotes(t, db)
	if len(notes.Notes) != 1 {
		t.Fatalf("notes = %+v, want one", notes.Notes)
	}
	n := notes.Notes[0]
	if n.Status != "open" || n.Check != "" || n.Author != "Night desk" || n.Message != "Check her title." || n.Anchor != "Elena Marsh said" || n.Orphaned {
		t.Errorf("note = %+v", n)
	}
	if len(n.Replies) != 1 || n.Replies[0].Author != "Writer" || n.Replies[0].Text != "She is the director." {
		t.Errorf("replies = %+v", n.Replies)
	}
	for _, step := range []struct{ verb, want string }{{"resolve", "resolved"}, {"dismiss", "dismissed"}, {"reopen", "open"}} {
		mustCLI(t, "notes", step.verb, "--db", db, id)
		if got := listNotes(t, db).Notes[0].Status; got != step.want {
			t.Errorf("after notes %s: status %q, want %q", step.verb, got, step.want)
		}
	}

	code, _, stderr := cli(t, "check", "--db", db, "--keep", "1")
	if code != 0 || !strings.Contains(stderr, "kept") {
		t.Fatalf("check --keep: exit %d, %s", code, stderr)
	}
	kept := len(listNotes(t, db).Notes) - 1
	if kept == 0 {
		t.Fatal("check --keep kept no findings")
	}
	if code, _, stderr := cli(t, "check", "--db", db, "--keep", "1"); code != 0 || !strings.Contains(stderr, "kept 0 finding(s)") {
		t.Errorf("second check --keep: exit %d, %s; want nothing new kept", code, stderr)
	}
	if got := len(listNotes(t, db).Notes) - 1; got != kept {
		t.Errorf("after a second --keep, %d kept notes, want %d", got, kept)
	}
	if got := listNotes(t, db, "--check", "comment").Notes; len(got) != 1 {
		t.Errorf("--check comment lists %d notes, want the one comment", len(got))
	}

	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"notes", "add", "--db", db, "--find", "said", "1", "x"}, "occurs"},
		{[]string{"notes", "add", "--db", db, "--find", "no such words", "1", "x"}, "is not in the text"},
		{[]string{"notes", "add", "--db", db, "--start", "5", "--end", "2", "1", "x"}, "is not a span"},
		{[]string{"notes", "add", "--db", db, "1", "x"}, "say which words"},
		{[]string{"notes", "resolve", "--db", db, "999"}, "no note 999"},
		{[]string{"check", "--db", db, "--revision", "7", "1"}, "no revision 7"},
		{[]string{"check", "--db", db, "--working", "1"}, "no working copy"},
	} {
		if code, _, stderr := cli(t, tc.args...); code != exitUsage || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tc.args, code, stderr, exitUsage, tc.want)
		}
	}
}

// TestQuotesAndCheckAgreeOnLines reads one quotation's line from quotes
// and from check: the two commands count lines and paragraphs alike.
func TestQuotesAndCheckAgreeOnLines(t *testing.T) {
	file := filepath.Join("assets", "sample-article.txt")
	var sheet struct {
		Quotes []struct {
			Start, Line, Paragraph int
		} `json:"quotes"`
	}
	if err := json.Unmarshal([]byte(mustCLI(t, "quotes", "--format", "json", file)), &sheet); err != nil {
		t.Fatal(err)
	}
	var found struct {
		Findings []struct {
			Start, Line, Paragraph int
		} `json:"findings"`
	}
	code, stdout, stderr := cli(t, "check", "--format", "json", file)
	if code > 1 {
		t.Fatalf("check: exit %d: %s", code, stderr)
	}
	if err := json.Unmarshal([]byte(stdout), &found); err != nil {
		t.Fatal(err)
	}
	text, _ := os.ReadFile(file)
	matched := 0
	for _, f := range found.Findings {
		for _, q := range sheet.Quotes {
			if q.Start != f.Start {
				continue
			}
			matched++
			if q.Line != f.Line || q.Paragraph != f.Paragraph {
				t.Errorf("offset %d: quotes says line %d ¶%d, check says line %d ¶%d", f.Start, q.Line, q.Paragraph, f.Line, f.Paragraph)
			}
			if want := strings.Count(string(text[:f.Start]), "\n") + 1; f.Line != want {
				t.Errorf("offset %d: line %d, want %d", f.Start, f.Line, want)
			}
		}
	}
	if matched == 0 {
		t.Fatal("no finding starts where a quotation does; the test compares nothing")
	}
	if out := mustCLI(t, "quotes", file); !strings.HasPrefix(out, "LINE  PARA") {
		t.Errorf("quotes header = %q, want LINE then PARA", strings.SplitN(out, "\n", 2)[0])
	}
}

// TestOffsetsPointIntoTheFile reads a file holding control characters
// (mojibake from a bad conversion carries C1 controls): the offsets quotes
// and check print point into the file's text as it is, since a program
// reading them maps them onto its own copy. Only stored text is
// normalised.
func TestOffsetsPointIntoTheFile(t *testing.T) {
	text := "Hed\nFrench President Fran\u00c3\u0083\u00c2\u00a7ois Hollande said Friday, \u201cEurope must be able to defend itself,\u201d as he arrived.\n"
	file := writeFile(t, t.TempDir(), "article.txt", text)
	var sheet struct {
		Quotes []struct {
			Start, End int
			Text       string
		} `json:"quotes"`
	}
	if err := json.Unmarshal([]byte(mustCLI(t, "quotes", "--format", "json", file)), &sheet); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, q := range sheet.Quotes {
		if strings.Contains(q.Text, "Europe must be able") {
			found = true
			if got := text[q.Start:q.End]; got != "\u201cEurope must be able to defend itself,\u201d" {
				t.Errorf("quotes: offsets %d–%d give %q in the file", q.Start, q.End, got)
			}
		}
	}
	if !found {
		t.Fatalf("no quotation found: %+v", sheet.Quotes)
	}
}
