package app

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"copydesk/editor"
)

// benchFindings makes n findings on a generated text, with messages of one
// to four lines at the width of the notes panel, a few of them repeated as
// checks repeat their wording.
func benchFindings(n int) (string, []editor.Finding) {
	var text strings.Builder
	var fs []editor.Finding
	for i := 0; i < n; i++ {
		start := text.Len()
		fmt.Fprintf(&text, "“Line %d is what we said,” she remarked.\n", i)
		msg := fmt.Sprintf("Finding %d: %s", i%40, strings.Repeat("the quotation differs from the source; check the wording. ", 1+i%4))
		fs = append(fs, editor.Finding{Check: editor.CheckAttributionVerb, Severity: editor.Severity(i % 2),
			Span: editor.Span{Start: start, End: start + 10}, Message: msg})
	}
	return text.String(), fs
}

// BenchmarkNotesPanel500 fills the notes panel with 500 findings at
// 320×800, measuring every row's wrapped height as after a resize. Target:
// under 50 ms on the 2-core CI machine (about 30 ms there; 11 ms with the
// heights already measured, as when a review re-runs).
func BenchmarkNotesPanel500(b *testing.B) {
	test.NewTempApp(b)
	text, fs := benchFindings(500)
	p := newNotesPanel(nil)
	w := test.NewWindow(p.content)
	defer w.Close()
	w.Resize(fyne.NewSize(320, 800))
	for b.Loop() {
		p.heights = nil // measure every row again, as after a resize
		p.setContent(text, fs, nil)
	}
}

// BenchmarkNotesPanelFirstFill3000 fills the notes panel with 3,000
// findings whose messages all differ, as the first review of a
// 1,000,000-word article with sources gives (about 3,200), measuring every
// row once: the time the window is busy when that review arrives.
func BenchmarkNotesPanelFirstFill3000(b *testing.B) {
	test.NewTempApp(b)
	text, fs := benchFindings(3000)
	for i := range fs {
		fs[i].Message = fmt.Sprintf("This quotation changed since the previous revision (%q instead of %q); a quotation is the speaker's words, so check the change against the source.", fmt.Sprint("word", i, "s"), fmt.Sprint("word", i))
	}
	p := newNotesPanel(nil)
	w := test.NewWindow(p.content)
	defer w.Close()
	w.Resize(fyne.NewSize(320, 800))
	for b.Loop() {
		p.heights = nil
		p.setContent(text, fs, nil)
	}
}
