package editor

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkDiff holds a diff to its invariants: the changes, walked over the
// unchanged text between them, rebuild both texts exactly; every span is in
// bounds and on rune boundaries; indexes are stable; the rows cover every
// paragraph once, in order; and Apply gives New for all, Old for none.
func checkDiff(t testing.TB, d *Diff) {
	t.Helper()
	type piece struct{ old, new Span }
	var ps []piece
	for i, c := range d.Changes {
		if c.Index != i {
			t.Fatalf("change %d has index %d", i, c.Index)
		}
		for _, sp := range []struct {
			s    Span
			text string
		}{{c.Old, d.Old}, {c.New, d.New}} {
			if err := sp.s.Check(sp.text); err != nil {
				t.Fatalf("change %d: %v", i, err)
			}
		}
		if c.Old.In(d.Old) != c.OldText || c.New.In(d.New) != c.NewText {
			t.Fatalf("change %d: texts %q, %q do not match spans %v, %v", i, c.OldText, c.NewText, c.Old, c.New)
		}
		if c.Kind == ChangeMove {
			ps = append(ps, piece{c.Old, Span{c.MovedFrom, c.MovedFrom}}, piece{Span{c.MovedTo, c.MovedTo}, c.New})
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
	if got := d.Apply(func(DiffChange) bool { return true }); got != d.New {
		t.Fatalf("Apply(all) = %q, want New %q", got, d.New)
	}
	if got := d.Apply(func(DiffChange) bool { return false }); got != d.Old {
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
		accept := func(c DiffChange) bool { return pick[c.Index] }
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
			d := WordDiff(tc.old, tc.new, DiffOptions{})
			checkDiff(t, d)
			if got := diffMarkup(t, d); got != tc.want {
				t.Errorf("WordDiff(%q, %q) =\n  %q\nwant\n  %q\nchanges: %s", tc.old, tc.new, got, tc.want, describeDiffChanges(d))
			}
		})
	}
}
