package anchor

import (
	"math/rand"
	"strings"
	"testing"

	"copydesk/editor"
)

// anchorOn builds the anchor of the first occurrence of words in text (the
// n-th when n > 0).
func anchorOn(t *testing.T, text, words string, n int) editor.Anchor {
	t.Helper()
	at := -1
	for off, k := 0, 0; k <= n; k++ {
		i := strings.Index(text[off:], words)
		if i < 0 {
			t.Fatalf("%q: occurrence %d of %q not found", text, n, words)
		}
		at = off + i
		off = at + 1
	}
	return editor.NewAnchor(text, editor.Span{Start: at, End: at + len(words)})
}

func TestReanchor(t *testing.T) {
	const story = "The mayor said on Tuesday that the bridge would reopen in May. " +
		"Residents were not convinced. “We have heard that before,” said Ana Pérez, who lives nearby. " +
		"The council meets again next week."
	tests := []struct {
		name     string
		old      string
		words    string
		nth      int
		new      string
		wantHow  How
		wantText string // text at the new span; "" for an orphan
	}{
		{
			name: "unchanged", old: story, words: "the bridge would reopen", new: story,
			wantHow: Exact, wantText: "the bridge would reopen",
		},
		{
			name: "text inserted before", old: story, words: "Residents were not convinced.",
			new:     "CITY HALL — " + story,
			wantHow: Moved, wantText: "Residents were not convinced.",
		},
		{
			name: "text deleted before", old: story, words: "Ana Pérez",
			new:     strings.Replace(story, " on Tuesday", "", 1),
			wantHow: Moved, wantText: "Ana Pérez",
		},
		{
			name: "word edited slightly", old: story, words: "Residents were not convinced.",
			new:     strings.Replace(story, "Residents were not convinced.", "Residents were unconvinced.", 1),
			wantHow: Fuzzy, wantText: "Residents were unconvinced.",
		},
		{
			name: "misspelling fixed", old: strings.Replace(story, "convinced", "convinsed", 1), words: "convinsed",
			new:     story,
			wantHow: Fuzzy, wantText: "convinced",
		},
		{
			name: "edited and moved", old: story, words: "the bridge would reopen in May",
			new:     "Traffic has been diverted for a year. " + strings.Replace(story, "would reopen", "will reopen", 1),
			wantHow: Fuzzy, wantText: "the bridge will reopen in May",
		},
		{
			name: "sentence deleted", old: story, words: "Residents were not convinced.",
			new:     strings.Replace(story, "Residents were not convinced. ", "", 1),
			wantHow: Orphaned,
		},
		{
			name: "short word deleted though it occurs elsewhere", old: story, words: "said", nth: 0,
			new:     strings.Replace(story, "The mayor said on Tuesday that", "On Tuesday, the mayor announced", 1),
			wantHow: Orphaned,
		},
		{
			name: "repeated word, second occurrence, text inserted before", old: story, words: "said", nth: 1,
			new:     "Update: " + story,
			wantHow: Moved, wantText: "said",
		},
		{
			name: "repeated phrase told apart by context", old: "He said no. She said yes. He said no again.",
			words: "He said no", nth: 1,
			new:     "Earlier, he said no. She said yes. He said no again.",
			wantHow: Moved, wantText: "He said no",
		},
		{
			name: "repeated phrase, the other occurrence removed", old: "He said no. She said yes. He said no again.",
			words: "He said no", nth: 0,
			new:     "She said yes. He said no again.",
			wantHow: Orphaned,
		},
		{
			name: "at the start of the text", old: story, words: "The mayor",
			new:     strings.Replace(story, "said on Tuesday", "said Tuesday", 1),
			wantHow: Exact, wantText: "The mayor",
		},
		{
			name: "at the end of the text", old: story, words: "next week.",
			new:     "Breaking: " + story,
			wantHow: Moved, wantText: "next week.",
		},
		{
			name: "end of the text edited", old: story, words: "meets again next week.",
			new:     strings.Replace(story, "next week.", "next Monday.", 1),
			wantHow: Fuzzy, wantText: "meets again next Monday.",
		},
		{
			name: "curly quotes and accents", old: story, words: "“We have heard that before,”",
			new:     strings.Replace(story, "Residents were", "Many residents were", 1),
			wantHow: Moved, wantText: "“We have heard that before,”",
		},
		{
			name: "curly quotes straightened", old: story, words: "“We have heard that before,” said Ana Pérez",
			new:     strings.NewReplacer("“", "\"", "”", "\"").Replace(story),
			wantHow: Fuzzy, wantText: "\"We have heard that before,\" said Ana Pérez",
		},
		{
			name: "accent dropped", old: story, words: "Ana Pérez, who lives nearby",
			new:     strings.Replace(story, "Pérez", "Perez", 1),
			wantHow: Fuzzy, wantText: "Ana Perez, who lives nearby",
		},
		{
			name: "new text empty", old: story, words: "The mayor", new: "",
			wantHow: Orphaned,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := anchorOn(t, tc.old, tc.words, tc.nth)
			got := Reanchor(a, tc.new)
			if err := got.Span.Check(tc.new); err != nil {
				t.Fatalf("Reanchor: %v", err)
			}
			gotText := ""
			if !got.Orphaned() {
				gotText = got.Span.In(tc.new)
			}
			if got.How != tc.wantHow || gotText != tc.wantText {
				t.Errorf("Reanchor = %v %q (score %.2f), want %v %q", got.How, gotText, got.Score, tc.wantHow, tc.wantText)
			}
		})
	}
}

func TestReanchorEmptyAnchor(t *testing.T) {
	const text = "One two. Three four."
	tests := []struct {
		name    string
		old     string
		at      int
		new     string
		wantHow How
		want    editor.Span
	}{
		{"unchanged", text, 8, text, Exact, editor.Span{Start: 8, End: 8}},
		{"moved", text, 8, "Zero. " + text, Moved, editor.Span{Start: 14, End: 14}},
		{"start", text, 0, text, Exact, editor.Span{Start: 0, End: 0}},
		{"end", text, len(text), text, Exact, editor.Span{Start: len(text), End: len(text)}},
		{"empty text", "", 0, "", Exact, editor.Span{Start: 0, End: 0}},
		{"empty text filled", "", 0, "Now there is text.", Orphaned, editor.Span{}},
		{"context edited", text, 8, "One two!! Three four.", Fuzzy, editor.Span{Start: 9, End: 9}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Reanchor(editor.NewAnchor(tc.old, editor.Span{Start: tc.at, End: tc.at}), tc.new)
			if got.How != tc.wantHow || got.Span != tc.want {
				t.Errorf("Reanchor = %v %v, want %v %v", got.How, got.Span, tc.wantHow, tc.want)
			}
		})
	}
}

func TestReanchorAllUsesNeighbours(t *testing.T) {
	// A long insertion before the notes: the edited note is found near
	// where its unchanged neighbours went.
	old := "Alpha beta gamma delta. The committee approved the budget on Friday. Epsilon zeta eta theta."
	insert := strings.Repeat("Filler words that push everything far away. ", 200)
	newText := insert + strings.Replace(old, "approved the budget", "approved the revised budget", 1)
	anchors := []editor.Anchor{
		anchorOn(t, old, "Alpha beta gamma delta.", 0),
		anchorOn(t, old, "The committee approved the budget on Friday.", 0),
		anchorOn(t, old, "Epsilon zeta eta theta.", 0),
	}
	got := ReanchorAll(anchors, newText)
	want := []string{"Alpha beta gamma delta.", "The committee approved the revised budget on Friday.", "Epsilon zeta eta theta."}
	for i, g := range got {
		if g.Orphaned() || g.Span.In(newText) != want[i] {
			t.Errorf("anchor %d: got %v %v, want %q", i, g.How, g.Span, want[i])
		}
	}
}

// TestAnchorRecaptured: a note re-anchored elsewhere is stored again with
// an anchor captured at its new place, which then re-anchors exactly.
func TestAnchorRecaptured(t *testing.T) {
	old := "The mayor said the bridge would reopen."
	newText := "On Monday the mayor said the bridge would reopen."
	a := anchorOn(t, old, "the bridge", 0)
	r := Reanchor(a, newText)
	got := editor.NewAnchor(newText, r.Span)
	want := editor.NewAnchor(newText, editor.Span{Start: 25, End: 35})
	if got != want {
		t.Errorf("recaptured anchor = %+v, want %+v", got, want)
	}
	if again := Reanchor(got, newText); again.How != Exact || again.Span != want.Span {
		t.Errorf("Reanchor(refreshed) = %v %v, want exact %v", again.How, again.Span, want.Span)
	}
}

func TestSameFinding(t *testing.T) {
	old := "The senator said the plan was “dead on arrival.” Critics disagreed."
	newText := "On Monday, the senator said the plan was “dead on arrival.” Critics disagreed strongly."
	quote := anchorOn(t, old, "“dead on arrival.”", 0)
	note := editor.Note{Check: "quote.unattributed", Status: editor.NoteDismissed, Anchor: quote}
	at := strings.Index(newText, "“dead")
	span := editor.Span{Start: at, End: at + len("“dead on arrival.”")}
	tests := []struct {
		name string
		f    editor.Finding
		want bool
	}{
		{"same check, same words moved", editor.Finding{Check: "quote.unattributed", Span: span}, true},
		{"same check, span a little wider", editor.Finding{Check: "quote.unattributed", Span: editor.Span{Start: span.Start - 4, End: span.End}}, true},
		{"other check", editor.Finding{Check: "quote.altered", Span: span}, false},
		{"same check, elsewhere", editor.Finding{Check: "quote.unattributed", Span: editor.Span{Start: 0, End: 9}}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := SameFinding(note, tc.f, newText); got != tc.want {
				t.Errorf("SameFinding = %v, want %v", got, tc.want)
			}
		})
	}
	comment := note
	comment.Check = ""
	if SameFinding(comment, editor.Finding{Span: span}, newText) {
		t.Error("an editor's own comment matched a finding")
	}

	findings := []editor.Finding{
		{Check: "quote.unattributed", Span: span},
		{Check: "quote.altered", Span: span},
	}
	open := note
	open.Status = editor.NoteOpen
	if got := WithoutDismissed([]editor.Note{open}, findings, newText); len(got) != 2 {
		t.Errorf("WithoutDismissed with an open note kept %d findings, want 2", len(got))
	}
	got := WithoutDismissed([]editor.Note{note}, findings, newText)
	if len(got) != 1 || got[0].Check != "quote.altered" {
		t.Errorf("WithoutDismissed = %+v, want only quote.altered", got)
	}
}

func TestEditDistance(t *testing.T) {
	slow := func(a, b string) int {
		d := make([][]int, len(a)+1)
		for i := range d {
			d[i] = make([]int, len(b)+1)
			d[i][0] = i
		}
		for j := range d[0] {
			d[0][j] = j
		}
		for i := 1; i <= len(a); i++ {
			for j := 1; j <= len(b); j++ {
				c := d[i-1][j-1]
				if a[i-1] != b[j-1] {
					c++
				}
				d[i][j] = min(c, d[i-1][j]+1, d[i][j-1]+1)
			}
		}
		return d[len(a)][len(b)]
	}
	rng := rand.New(rand.NewSource(1))
	word := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = "abc é"[rng.Intn(6)]
		}
		return string(b)
	}
	for range 2000 {
		a, b := word(rng.Intn(80)), word(rng.Intn(80))
		if got, want := editDistance(a, b), slow(a, b); got != want {
			t.Fatalf("editDistance(%q, %q) = %d, want %d", a, b, got, want)
		}
	}
}

func TestAlignBoundaries(t *testing.T) {
	tests := []struct {
		name            string
		pattern, window string
		lo, hi          int
		want            string
	}{
		{"exact", "xxabcyy", "..xxabcyy..", 2, 5, "abc"},
		{"word replaced", "Serbia. He also said", "Serbia. Kotunica also said", 8, 15, "Kotunica also"},
		{"insertion at the start", "said that the plan", "said that all of the plan", 10, 18, "the plan"},
		{"missing context", "abcdef", "zzzcdzzz", 2, 4, "cd"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, e := alignBoundaries(tc.pattern, tc.window, tc.lo, tc.hi, false, false)
			if got := tc.window[s:e]; got != tc.want {
				t.Errorf("alignBoundaries = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestUnraised(t *testing.T) {
	const misquoted, unattributed = "quote.misquoted", "quote.unattributed"
	old := "Dredging starts Monday. “We expect to finish before summer,” Ruiz said. Critics disagreed."
	fixed := "Dredging starts Monday. “We expect to be finished well before summer,” Ruiz said. Critics disagreed."
	note := editor.Note{ID: 1, Check: misquoted, Status: editor.NoteOpen, Anchor: anchorOn(t, old, "“We expect to finish before summer,”", 0)}
	at := strings.Index(fixed, "“We")
	quoteNow := editor.Span{Start: at, End: strings.Index(fixed, " Ruiz")}
	onOld := editor.Span{Start: note.Anchor.Span.Start, End: note.Anchor.Span.End}
	all := func(string) bool { return true }
	with := func(n editor.Note, edit func(*editor.Note)) editor.Note { edit(&n); return n }
	tests := []struct {
		name     string
		note     editor.Note
		text     string
		findings []editor.Finding
		ran      func(string) bool
		want     bool
	}{
		{"still raised on the same words", note, old, []editor.Finding{{Check: misquoted, Span: onOld}}, all, false},
		{"still raised on the words edited a little", note, fixed, []editor.Finding{{Check: misquoted, Span: quoteNow}}, all, false},
		{"fixed: no finding", note, fixed, nil, all, true},
		{"fixed: another check on the words", note, fixed, []editor.Finding{{Check: unattributed, Span: quoteNow}}, all, true},
		{"fixed: the check raised elsewhere", note, fixed, []editor.Finding{{Check: misquoted, Span: editor.Span{Start: 0, End: 8}}}, all, true},
		{"the check did not run", note, fixed, nil, func(c string) bool { return c != misquoted }, false},
		{"resolved already", with(note, func(n *editor.Note) { n.Status = editor.NoteResolved }), fixed, nil, all, false},
		{"dismissed", with(note, func(n *editor.Note) { n.Status = editor.NoteDismissed }), fixed, nil, all, false},
		{"an editor's own comment", with(note, func(n *editor.Note) { n.Check = "" }), fixed, nil, all, false},
		{"orphaned", with(note, func(n *editor.Note) { n.Orphaned = true }), fixed, nil, all, false},
		{"its words gone", note, "Dredging starts Monday. Critics disagreed.", nil, all, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Unraised([]editor.Note{tt.note}, tt.findings, tt.text, tt.ran)
			if len(got) != 1 || got[0] != tt.want {
				t.Errorf("Unraised = %v, want [%v]", got, tt.want)
			}
		})
	}
	if got := Unraised(nil, nil, fixed, all); len(got) != 0 {
		t.Errorf("Unraised(no notes) = %v", got)
	}
}
