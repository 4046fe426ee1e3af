package diff

import (
	"testing"

	"copydesk/editor"
	"copydesk/editor/internal/newstest"
)

// TestWordDiffWikinewsRevisions diffs the 189 real revision pairs: each
// diff must rebuild both texts, and each human-annotated edit span (an
// insertion is an empty span at its place in the before text) must overlap
// or touch a reported change.
func TestWordDiffWikinewsRevisions(t *testing.T) {
	docs := newstest.IteraterDocs(t)
	if len(docs) != 189 {
		t.Fatalf("%d revision pairs, want 189", len(docs))
	}
	var edits, covered int
	for _, doc := range docs {
		d := Words(doc.Before, doc.After, Options{})
		checkDiff(t, d)
		checkSubsets(t, d, uint64(len(doc.Before)))
		at := newstest.CodePointOffsets(doc.Before)
		for _, e := range doc.Edits {
			if e.Start < 0 || e.End < e.Start || e.End >= len(at) {
				t.Fatalf("doc %s: edit [%d,%d) outside the text", doc.DocID, e.Start, e.End)
			}
			gold := editor.Span{Start: at[e.Start], End: at[e.End]}
			edits++
			if changeTouches(d, gold) {
				covered++
			} else if testing.Verbose() {
				t.Logf("doc %s: %s edit %q not covered", doc.DocID, e.Type, gold.In(doc.Before))
			}
		}
	}
	share := float64(covered) / float64(edits)
	t.Logf("%d of %d gold edits covered by a change (%.1f%%)", covered, edits, 100*share)
	if share < wikinewsCoverageFloor {
		t.Errorf("coverage %.3f, below the floor %.3f", share, wikinewsCoverageFloor)
	}
}

// wikinewsCoverageFloor sits a little under the share measured when the
// test was written (1,254 of 1,255).
const wikinewsCoverageFloor = 0.995

// changeTouches reports whether a change's old span (or, for a move, the
// place it lands) overlaps or touches gold.
func changeTouches(d *Diff, gold editor.Span) bool {
	for _, c := range d.Changes {
		spans := []editor.Span{c.Old}
		if c.Kind == ChangeMove {
			spans = append(spans, editor.Span{Start: c.MovedTo, End: c.MovedTo})
		}
		for _, s := range spans {
			if s.Start <= gold.End && gold.Start <= s.End {
				return true
			}
		}
	}
	return false
}
