package diff

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"copydesk/editor"
)

// checkDiff holds a diff to its invariants: the changes, walked over the
// unchanged text between them, rebuild both texts exactly; every span is in
// bounds and on rune boundaries; indexes are stable; the rows cover every
// paragraph once, in order; and Apply gives New for all, Old for none.
func checkDiff(t testing.TB, d *Diff) {
	t.Helper()
	type piece struct{ old, new editor.Span }
	var ps []piece
	for i, c := range d.Changes {
		if c.Index != i {
			t.Fatalf("change %d has index %d", i, c.Index)
		}
		for _, sp := range []struct {
			s    editor.Span
			text string
		}{{c.Old, d.Old}, {c.New, d.New}} {
			// Stray bytes in invalid UTF-8 are tokens of their own, so
			// rune boundaries only mean something in valid text.
			if err := sp.s.Check(sp.text); err != nil && (utf8.ValidString(sp.text) || sp.s.Start < 0 || sp.s.End > len(sp.text) || sp.s.End < sp.s.Start) {
				t.Fatalf("change %d: %v", i, err)
			}
		}
		if c.Old.In(d.Old) != c.OldText || c.New.In(d.New) != c.NewText {
			t.Fatalf("change %d: texts %q, %q do not match spans %v, %v", i, c.OldText, c.NewText, c.Old, c.New)
		}
		if c.Kind == ChangeMove {
			ps = append(ps, piece{c.Old, editor.Span{Start: c.MovedFrom, End: c.MovedFrom}}, piece{editor.Span{Start: c.MovedTo, End: c.MovedTo}, c.New})
			continue
		}
		if c.OldText == c.NewText {
			t.Fatalf("change %d changes nothing: %q", i, c.OldText)
		}
		ps = append(ps, piece{c.Old, c.New})
	}
	slices.SortStableFunc(ps, func(x, y piece) int {
		if x.old.Start != y.old.Start {
			return x.old.Start - y.old.Start
		}
		return x.new.Start - y.new.Start
	})
	var oldB, newB strings.Builder
	po, pn := 0, 0
	for _, p := range ps {
		if p.old.Start < po || p.new.Start < pn {
			t.Fatalf("changes overlap or cross at old %v new %v", p.old, p.new)
		}
		gapOld, gapNew := d.Old[po:p.old.Start], d.New[pn:p.new.Start]
		if gapOld != gapNew {
			t.Fatalf("unchanged runs differ before old %v new %v: %q vs %q", p.old, p.new, gapOld, gapNew)
		}
		oldB.WriteString(gapOld + p.old.In(d.Old))
		newB.WriteString(gapNew + p.new.In(d.New))
		po, pn = p.old.End, p.new.End
	}
	if d.Old[po:] != d.New[pn:] {
		t.Fatalf("unchanged tails differ: %q vs %q", d.Old[po:], d.New[pn:])
	}
	oldB.WriteString(d.Old[po:])
	newB.WriteString(d.New[pn:])
	if oldB.String() != d.Old || newB.String() != d.New {
		t.Fatalf("changes do not rebuild the texts")
	}
	if got := d.Apply(func(Change) bool { return true }); got != d.New {
		t.Fatalf("Apply(all) = %q, want New %q", got, d.New)
	}
	if got := d.Apply(func(Change) bool { return false }); got != d.Old {
		t.Fatalf("Apply(none) = %q, want Old %q", got, d.Old)
	}
	var nextOld, nextNew int
	for _, r := range d.Rows {
		for _, p := range r.Old {
			if p != nextOld {
				t.Fatalf("rows list old paragraph %d, want %d", p, nextOld)
			}
			nextOld++
		}
		for _, p := range r.New {
			if p != nextNew {
				t.Fatalf("rows list new paragraph %d, want %d", p, nextNew)
			}
			nextNew++
		}
		for _, ci := range r.Changes {
			if ci < 0 || ci >= len(d.Changes) {
				t.Fatalf("row points at change %d of %d", ci, len(d.Changes))
			}
		}
	}
	if nextOld != len(d.OldParagraphs) || nextNew != len(d.NewParagraphs) {
		t.Fatalf("rows cover %d/%d old and %d/%d new paragraphs", nextOld, len(d.OldParagraphs), nextNew, len(d.NewParagraphs))
	}
	if len(d.OldParagraphs) != strings.Count(d.Old, "\n")+1 || len(d.NewParagraphs) != strings.Count(d.New, "\n")+1 {
		t.Fatalf("paragraph counts %d, %d do not match the lines", len(d.OldParagraphs), len(d.NewParagraphs))
	}
}

// checkSubsets applies random subsets of the changes: each result must be
// valid UTF-8 (when both texts are) and the same on a second run.
func checkSubsets(t testing.TB, d *Diff, seed uint64) {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, 7))
	valid := utf8.ValidString(d.Old) && utf8.ValidString(d.New)
	for k := 0; k < 4; k++ {
		pick := make([]bool, len(d.Changes))
		for i := range pick {
			pick[i] = r.IntN(2) == 0
		}
		accept := func(c Change) bool { return pick[c.Index] }
		got := d.Apply(accept)
		if valid && !utf8.ValidString(got) {
			t.Fatalf("Apply(subset %v) gave invalid UTF-8: %q", pick, got)
		}
		if again := d.Apply(accept); again != got {
			t.Fatalf("Apply(subset) is not stable")
		}
	}
}

// diffMarkup renders a diff as [-old-]{+new+} without colour.
func diffMarkup(t testing.TB, d *Diff) string {
	t.Helper()
	var b strings.Builder
	if err := d.WriteText(&b, false); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func describeDiffChanges(d *Diff) string {
	var parts []string
	for _, c := range d.Changes {
		s := fmt.Sprintf("%s %q→%q", c.Kind, c.OldText, c.NewText)
		if c.WhitespaceOnly {
			s += " ws"
		}
		if c.TypographyOnly {
			s += " typo"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

func TestWordDiffChanges(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           string // WriteText markup
	}{
		{"identical", "The mayor said no.", "The mayor said no.", "The mayor said no."},
		{"both empty", "", "", ""},
		{"from empty", "", "New copy.", "{+New copy.+}"},
		{"to empty", "Old copy.", "", "[-Old copy.-]"},
		{"one word", "Talks resume today in Geneva.", "Talks resume Monday in Geneva.",
			"Talks resume [-today-]{+Monday+} in Geneva."},
		{"neighbouring words read as one replacement", "The quick brown fox jumps.", "The slow red fox jumps.",
			"The [-quick brown-]{+slow red+} fox jumps."},
		{"insertion starts at a word", "the dog barked", "the big dog barked", "the {+big +}dog barked"},
		{"deletion starts at a word", "the big dog barked", "the dog barked", "the [-big -]dog barked"},
		{"inserted comma", "In 1999 the war ended.", "In 1999, the war ended.", "In 1999{+,+} the war ended."},
		{"deleted sentence", "One. Two two. Three.", "One. Three.", "One. [-Two two. -]Three."},
		{"appended sentence", "One two.", "One two. Three four.", "One two.{+ Three four.+}"},
		{"short kept word stays", "He said today.", "She said yesterday.", "[-He-]{+She+} said [-today-]{+yesterday+}."},
		{"one word between long edits merges", "alpha beta gamma delta epsilon", "one two gamma three four",
			"[-alpha beta gamma delta epsilon-]{+one two gamma three four+}"},
		{"number with point and comma", "It cost 1,500 or 9.5 each.", "It cost 1,700 or 9.5 each.",
			"It cost [-1,500-]{+1,700+} or 9.5 each."},
		{"apostrophe in word", "Kosovo's independence", "Serbia's independence",
			"[-Kosovo's-]{+Serbia's+} independence"},
		{"hyphen is its own token", "a well-known case", "a well known case", "a well[---]{+ +}known case"},
		{"typo fix", "it still officialy remains", "it still officially remains",
			"it still [-officialy-]{+officially+} remains"},
		{"double space", "independence  and", "independence , and", "independence[-  -]{+ , +}and"},
		{"new paragraph", "Head\nFirst para.", "Head\nFirst para.\nSecond para.", "Head\nFirst para.{+\nSecond para.+}"},
		{"trailing newline added", "Head\nBody.", "Head\nBody.\n", "Head\nBody.{+\n+}"},
		{"trailing newline removed", "Head\nBody.\n", "Head\nBody.", "Head\nBody.[-\n-]"},
		{"last paragraph deleted", "Head\nBody.\nTail here.", "Head\nBody.", "Head\nBody.[-\nTail here.-]"},
		{"first paragraph deleted", "Kicker\nHead\nBody.", "Head\nBody.", "[-Kicker\n-]Head\nBody."},
		{"CJK by character", "我们今天开会", "我们明天开会", "我们[-今-]{+明+}天开会"},
		{"combining mark kept with letter", "cafe\u0301 noir", "cafe noir", "[-cafe\u0301-]{+cafe+} noir"},
		{"flag emoji stays whole", "go 🇫🇷 now", "go 🇩🇪 now", "go [-🇫🇷-]{+🇩🇪+} now"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := Words(tc.old, tc.new, Options{})
			checkDiff(t, d)
			if got := diffMarkup(t, d); got != tc.want {
				t.Errorf("Words(%q, %q) =\n  %q\nwant\n  %q\nchanges: %s", tc.old, tc.new, got, tc.want, describeDiffChanges(d))
			}
		})
	}
}

func TestWordDiffRows(t *testing.T) {
	type row struct {
		kind     RowKind
		old, new []int
	}
	tests := []struct {
		name, old, new string
		want           []row
		wantMoves      int
	}{
		{"unchanged and modified",
			"Council Backs Budget\nThe council approved the budget on Monday.\nThe vote was close.",
			"Council Backs Budget\nThe council approved the budget on Tuesday.\nThe vote was close.",
			[]row{{RowUnchanged, []int{0}, []int{0}}, {RowModified, []int{1}, []int{1}}, {RowUnchanged, []int{2}, []int{2}}}, 0},
		{"split",
			"Hed\nThe council approved the budget on Monday after a long debate. The vote was close and several members abstained.\nEnd.",
			"Hed\nThe council approved the budget on Monday after a long debate.\nThe vote was close and several members abstained.\nEnd.",
			[]row{{RowUnchanged, []int{0}, []int{0}}, {RowSplit, []int{1}, []int{1, 2}}, {RowUnchanged, []int{2}, []int{3}}}, 0},
		{"merged",
			"Hed\nThe council approved the budget on Monday after a long debate.\nThe vote was close and several members abstained.\nEnd.",
			"Hed\nThe council approved the budget on Monday after a long debate, and the vote was close and several members abstained.\nEnd.",
			[]row{{RowUnchanged, []int{0}, []int{0}}, {RowMerged, []int{1, 2}, []int{1}}, {RowUnchanged, []int{3}, []int{2}}}, 0},
		{"inserted and deleted",
			"Hed\nFirst paragraph stays here.\nThis one goes away entirely.\nLast paragraph stays too.",
			"Hed\nFirst paragraph stays here.\nLast paragraph stays too.\nA brand new closing line arrives.",
			[]row{{RowUnchanged, []int{0}, []int{0}}, {RowUnchanged, []int{1}, []int{1}}, {RowDeleted, []int{2}, nil},
				{RowUnchanged, []int{3}, []int{2}}, {RowInserted, nil, []int{3}}}, 0},
		{"moved paragraph",
			"Hed\nAlpha paragraph about the harbour project.\nBeta paragraph about the school board.\nGamma paragraph about the weather service.",
			"Hed\nBeta paragraph about the school board.\nGamma paragraph about the weather service.\nAlpha paragraph about the harbour project.",
			[]row{{RowUnchanged, []int{0}, []int{0}}, {RowMoved, []int{1}, nil}, {RowUnchanged, []int{2}, []int{1}},
				{RowUnchanged, []int{3}, []int{2}}, {RowMoved, nil, []int{3}}}, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := Words(tc.old, tc.new, Options{})
			checkDiff(t, d)
			var got []row
			for _, r := range d.Rows {
				got = append(got, row{r.Kind, r.Old, r.New})
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("rows = %v\nwant   %v\nchanges: %s", got, tc.want, describeDiffChanges(d))
			}
			moves := 0
			for _, c := range d.Changes {
				if c.Kind == ChangeMove {
					moves++
				}
			}
			if moves != tc.wantMoves {
				t.Errorf("%d moves, want %d: %s", moves, tc.wantMoves, describeDiffChanges(d))
			}
		})
	}
}

func TestWordDiffMovedSentence(t *testing.T) {
	old := "Hed\nThe mayor spoke first. Then the council voted on the harbour plan. Residents cheered.\nSecond paragraph here."
	new := "Hed\nThe mayor spoke first. Residents cheered.\nSecond paragraph here. Then the council voted on the harbour plan."
	d := Words(old, new, Options{})
	checkDiff(t, d)
	var moves []Change
	for _, c := range d.Changes {
		if c.Kind == ChangeMove {
			moves = append(moves, c)
		}
	}
	if len(moves) != 1 || !strings.Contains(moves[0].OldText, "Then the council voted") {
		t.Fatalf("want one move of the council sentence, got %s", describeDiffChanges(d))
	}
	m := moves[0]
	if got := d.Apply(func(c Change) bool { return c.Index == m.Index }); got != strings.Replace(strings.Replace(old, m.OldText, "", 1), "Second paragraph here.", "Second paragraph here."+m.NewText[:len(m.NewText)], 1) {
		t.Errorf("accepting only the move gave %q", got)
	}
}

func TestWordDiffFlags(t *testing.T) {
	tests := []struct {
		name, old, new   string
		whitespace, typo bool
	}{
		{"curly to straight double quotes", "He said “no” twice.", "He said \"no\" twice.", false, true},
		{"apostrophe", "the mayor’s plan", "the mayor's plan", false, true},
		{"dash", "the vote — narrow — passed", "the vote – narrow – passed", false, true},
		{"spaced dash", "the vote—narrow—passed", "the vote - narrow - passed", false, true},
		{"ellipsis", "and so…", "and so...", false, true},
		{"double space", "the  vote", "the vote", true, false},
		{"line break", "the vote\npassed", "the vote passed", true, false},
		{"word is not typography", "the vote passed", "the poll passed", false, false},
		{"joined words are not whitespace", "every day", "everyday", false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := Words(tc.old, tc.new, Options{HideTypography: true})
			checkDiff(t, d)
			if len(d.Changes) == 0 {
				t.Fatal("no changes")
			}
			for _, c := range d.Changes {
				if c.WhitespaceOnly != tc.whitespace || c.TypographyOnly != tc.typo {
					t.Errorf("change %q→%q: whitespace %v typography %v, want %v %v",
						c.OldText, c.NewText, c.WhitespaceOnly, c.TypographyOnly, tc.whitespace, tc.typo)
				}
			}
			hidden := tc.whitespace || tc.typo
			if got := len(d.VisibleChanges()) == 0; got != hidden {
				t.Errorf("all hidden = %v, want %v", got, hidden)
			}
			if hidden {
				if got := diffMarkup(t, d); got != tc.new {
					t.Errorf("text with typography hidden = %q, want the new text", got)
				}
				if d.Stats != (Stats{}) {
					t.Errorf("stats = %+v, want none", d.Stats)
				}
			}
		})
	}
}

func TestWordDiffStats(t *testing.T) {
	d := Words("Hed\nThe quick brown fox.\nGone para here.", "Hed\nThe slow fox jumped.\nNew one.", Options{})
	checkDiff(t, d)
	want := Stats{InsertedWords: 4, DeletedWords: 5, ChangedParagraphs: 3} // modified, deleted, inserted
	if d.Stats != want {
		t.Errorf("stats = %+v, want %+v (%s)", d.Stats, want, describeDiffChanges(d))
	}
}

func TestWordDiffApplySubset(t *testing.T) {
	d := Words("The mayor said on Monday the budget was final.", "The governor said on Tuesday the budget was final.", Options{})
	checkDiff(t, d)
	if len(d.Changes) != 2 {
		t.Fatalf("changes: %s", describeDiffChanges(d))
	}
	got := d.Apply(func(c Change) bool { return c.NewText == "Tuesday" })
	if want := "The mayor said on Tuesday the budget was final."; got != want {
		t.Errorf("Apply = %q, want %q", got, want)
	}
	checkSubsets(t, d, 1)
}

func TestWordDiffJSON(t *testing.T) {
	d := Words("Talks resume today.", "Talks resume on “Monday”.", Options{})
	b, err := d.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	want := `{"changes":[{"index":0,"kind":"replace","old":{"start":13,"end":18,"text":"today"},"new":{"start":13,"end":28,"text":"on “Monday”"}}],` +
		`"stats":{"inserted_words":2,"deleted_words":1,"changed_paragraphs":1},"rows":[{"kind":"modified","old":[0],"new":[0],"changes":[0]}]}`
	if string(b) != want {
		t.Errorf("JSON =\n%s\nwant\n%s", b, want)
	}
}

func TestWordDiffHTMLEscapes(t *testing.T) {
	d := Words("Hed\nUse <b>bold</b> & \"quotes\".", "Hed\nUse <i>italic</i> & 'quotes'.", Options{})
	var b strings.Builder
	if err := d.WriteHTML(&b, "Draft <2> & co"); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, bad := range []string{"<b>", "<i>", "<2>"} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains unescaped %q", bad)
		}
	}
	for _, want := range []string{`<meta charset="utf-8">`, "<title>Draft &lt;2&gt; &amp; co</title>", `<del id="c0">`, "<ins>italic</ins>", "&lt;/<ins>i</ins>&gt;", "&amp;"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q:\n%s", want, page)
		}
	}
}

func TestWordDiffColour(t *testing.T) {
	d := Words("a b c", "a x c", Options{})
	var b strings.Builder
	if err := d.WriteText(&b, true); err != nil {
		t.Fatal(err)
	}
	if want := "a \x1b[31m[-b-]\x1b[0m\x1b[32m{+x+}\x1b[0m c"; b.String() != want {
		t.Errorf("coloured = %q, want %q", b.String(), want)
	}
}

// TestWordDiffTokenOverflow runs out of token runes on purpose: tokens past
// the limit share one rune, and the diff must still be exact.
func TestWordDiffTokenOverflow(t *testing.T) {
	old := "alpha beta gamma delta epsilon zeta eta theta"
	new := "alpha beta gamma iota epsilon kappa eta theta lambda"
	for _, limit := range []rune{3, 5, 8, maxRune} {
		t.Run(fmt.Sprint(limit), func(t *testing.T) {
			w := newWordDiffer(old, new, limit)
			d := &Diff{Old: old, New: new}
			w.run(d)
			d.finishStats()
			checkDiff(t, d)
			if limit < maxRune {
				return // exact, but not necessarily the tidiest
			}
			if got, want := diffMarkup(t, d), "alpha beta gamma [-delta-]{+iota+} epsilon [-zeta-]{+kappa+} eta theta{+ lambda+}"; got != want {
				t.Errorf("limit %d: %q, want %q", limit, got, want)
			}
		})
	}
	m := newTokenMap(maxRune, 0)
	m.next = 0xD7FF
	if r := m.id("x"); r != 0xD7FF {
		t.Fatalf("id = %x", r)
	}
	if r := m.id("y"); r != 0xE000 {
		t.Errorf("id after the last rune before the surrogates = %x, want e000", r)
	}
}

func TestWordDiffLongParagraph(t *testing.T) {
	// One paragraph well past the sentence-matching threshold.
	var ob, nb strings.Builder
	for i := 0; i < 400; i++ {
		fmt.Fprintf(&ob, "Sentence number %d talks about the harbour. ", i)
		if i%50 == 7 {
			fmt.Fprintf(&nb, "Sentence number %d talks about the airport. ", i)
		} else if i%90 != 3 {
			fmt.Fprintf(&nb, "Sentence number %d talks about the harbour. ", i)
		}
	}
	d := Words(ob.String(), nb.String(), Options{})
	checkDiff(t, d)
	if len(d.Changes) != 8+5 {
		t.Errorf("%d changes, want 13: %s", len(d.Changes), describeDiffChanges(d))
	}
}
