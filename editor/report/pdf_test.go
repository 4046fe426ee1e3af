package report

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
)

func writePDFFile(t *testing.T, r Report) (string, []byte) {
	t.Helper()
	var b bytes.Buffer
	if err := WritePDF(&b, r); err != nil {
		t.Fatalf("WritePDF: %v", err)
	}
	p := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p, b.Bytes()
}

// poppler runs a poppler-utils program, skipping the test where it is not
// installed, and returns its output.
func poppler(t *testing.T, name string, args ...string) string {
	t.Helper()
	bin, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s is not installed (Debian package poppler-utils)", name)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, stderr.Bytes())
	}
	if stderr.Len() > 0 {
		// poppler reports damaged files on stderr and carries on.
		t.Errorf("%s %v complained: %s", name, args, stderr.Bytes())
	}
	return string(out)
}

var spaces = regexp.MustCompile(`\s+`)

// oneLine collapses white space, so that words wrapped onto the next line
// of a page still read as one phrase.
func oneLine(s string) string { return strings.TrimSpace(spaces.ReplaceAllString(s, " ")) }

// TestPDFText reads the record back with pdftotext and looks for the
// article, each note's message and words, the source passages and the
// replies, with their curly quotes, accents and dashes.
func TestPDFText(t *testing.T) {
	r := fixture(t)
	file, _ := writePDFFile(t, r)
	text := oneLine(poppler(t, "pdftotext", "-enc", "UTF-8", file, "-"))
	want := []string{
		"REVIEW RECORD",
		"Café owners say quay works are ‘killing trade’",
		"Ana Ruiz — Carrow Gazette",
		"Revision 3 · Copy edit",
		"6 notes: 4 open, 1 resolved, 1 dismissed; 1 no longer found in the text.",
		"“We have lost half our customers since the fences went up,”",
		"Renée Dubois · explicit · misquoted in Quay traders notes",
		"Source wording We have lost nearly half our customers since the fences went up",
		"Source: Quay traders notes We will look at what we can do on rents.",
		"It’s “Le Petit Port” — I checked the sign.",
		"The noted words are no longer in the text.",
		"Text of revision 3 · Copy edit",
		"“The works will be finished by Easter,” said port spokesman Anil Mehta.",
		"Page 1 of",
	}
	for _, n := range r.Notes {
		want = append(want, oneLine(n.Message))
	}
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("pdftotext output lacks %q; got:\n%s", w, text)
		}
	}
}

// TestPDFPages checks page breaks, running headers and page numbers on a
// record long enough for several pages, and that text the PDF syntax
// treats specially prints as written.
func TestPDFPages(t *testing.T) {
	base := fixture(t)
	tests := []struct {
		name      string
		notes     int
		wantPages int // at least
	}{
		{"one page of notes", 1, 2},
		{"many notes", 60, 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := base
			r.Notes = nil
			for i := range tt.notes {
				r.Notes = append(r.Notes, Note{Note: editor.Note{
					ID: int64(i + 1), Status: editor.NoteOpen, Author: "Maya Lin", Check: "style.attribution-verb",
					Message: fmt.Sprintf("Note %03d: (parentheses) \\backslash\\ and “quotes” — a longer message that has to wrap onto a second line of the page to fit the column.", i+1),
					Anchor:  editor.Anchor{Exact: "said", Prefix: "Councillor Tom Reyes ", Suffix: " the council"},
				}})
			}
			file, _ := writePDFFile(t, r)
			info := poppler(t, "pdfinfo", file)
			var pages int
			if _, err := fmt.Sscanf(regexp.MustCompile(`Pages:\s+\d+`).FindString(info), "Pages: %d", &pages); err != nil {
				t.Fatalf("pdfinfo gave no page count: %s", info)
			}
			if pages < tt.wantPages {
				t.Errorf("pages: got %d, want at least %d", pages, tt.wantPages)
			}
			if !strings.Contains(oneLine(info), "Title: Review record: Café owners say quay works are ‘killing trade’") {
				t.Errorf("pdfinfo lacks the document title; got:\n%s", info)
			}
			for p := 1; p <= pages; p++ {
				page := oneLine(poppler(t, "pdftotext", "-enc", "UTF-8", "-f", fmt.Sprint(p), "-l", fmt.Sprint(p), file, "-"))
				for _, w := range []string{
					"Café owners say quay works are ‘killing trade’ Revision 3 · Copy edit",
					fmt.Sprintf("Page %d of %d", p, pages),
				} {
					if !strings.Contains(page, w) {
						t.Errorf("page %d lacks %q; got:\n%s", p, w, page)
					}
				}
			}
			all := oneLine(poppler(t, "pdftotext", "-enc", "UTF-8", file, "-"))
			for i := range tt.notes {
				if w := fmt.Sprintf("Note %03d: (parentheses) \\backslash\\ and “quotes”", i+1); !strings.Contains(all, w) {
					t.Errorf("text lacks %q", w)
				}
			}
		})
	}
}

func TestPDFIsStable(t *testing.T) {
	r := fixture(t)
	var a, b bytes.Buffer
	if err := WritePDF(&a, r); err != nil {
		t.Fatal(err)
	}
	// The second file is made in a later second of the clock: nothing
	// in the file may carry the time it was made (a font's head table
	// once did).
	for start := time.Now().Unix(); time.Now().Unix() == start; {
		time.Sleep(20 * time.Millisecond)
	}
	if err := WritePDF(&b, r); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("two PDFs of the same record differ")
	}
	if !bytes.HasPrefix(a.Bytes(), []byte("%PDF-")) {
		t.Errorf("output does not start with %%PDF-")
	}
	// The fonts are subset: a record is far smaller than the 1.4 MB of
	// font files embedded in the program.
	if n := a.Len(); n > 200<<10 {
		t.Errorf("PDF is %d bytes, want under 200 KiB", n)
	}
}

func TestPDFEmptyAndOddText(t *testing.T) {
	tests := []struct {
		name   string
		report Report
		want   []string
	}{
		{"empty record", Report{}, []string{"Untitled article", "No notes.", "No quotations or reported statements."}},
		{"invalid UTF-8 and control characters", Report{
			Article:  editor.Article{Title: "Bad \xff byte\x01"},
			Revision: editor.Revision{Text: "Head\tline\nBody\x00text"},
		}, []string{"Bad \uFFFD byte", "Head line", "Bodytext"}},
		// Characters outside the Basic Multilingual Plane stay in the text
		// layer, whether or not a font on this machine can draw them.
		{"characters beyond the document font", Report{
			Article:  editor.Article{Title: "Fans 😀 cheer 𝔸 and 東京"},
			Revision: editor.Revision{Text: "Head\n" + strings.Repeat("Emoji 🎉 in a long paragraph that wraps. ", 20)},
			Notes:    []Note{{Note: editor.Note{Message: "Reply 👍 here", Anchor: editor.Anchor{Exact: "🎉", Prefix: "Emoji ", Suffix: " in"}}}},
		}, []string{"Fans 😀 cheer 𝔸 and 東京", "Emoji 🎉 in a long paragraph", "Reply 👍 here"}},
		{"Greek and Cyrillic names", Report{
			Article: editor.Article{Title: "Σπύρος Παπαδόπουλος and Юлия Навальная"},
		}, []string{"Σπύρος Παπαδόπουλος and Юлия Навальная"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file, _ := writePDFFile(t, tt.report)
			text := oneLine(poppler(t, "pdftotext", "-enc", "UTF-8", file, "-"))
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("pdftotext output lacks %q; got:\n%s", w, text)
				}
			}
		})
	}
}
