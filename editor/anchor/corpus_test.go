package anchor

import (
	"fmt"
	"math/rand"
	"sort"
	"strings"
	"testing"
	"unicode"

	"copydesk/editor"
	"copydesk/editor/internal/newstest"
)

// goldEdit is a gold edit in bytes: before[Start:End] became After, which
// lies at AfterSpan in the after text.
type goldEdit struct {
	Type      string
	Start     int
	End       int
	After     string
	AfterSpan editor.Span
}

// goldMap carries before-text offsets through the gold edits into the after
// text. Applying the edits gives the after text up to whitespace (the
// corpus collapses the spaces an edit leaves behind), so the rebuilt text
// is matched to the after text on its non-space bytes.
type goldMap struct {
	edits []goldEdit
	// at maps each byte of the before text that no edit touches to its
	// offset in the after text; -1 for the others and for spaces that did
	// not survive.
	at []int
}

func newGoldMap(t *testing.T, p newstest.IteraterDoc) *goldMap {
	t.Helper()
	cp := make([]int, 0, len(p.Before)+1)
	for i := range p.Before {
		cp = append(cp, i)
	}
	cp = append(cp, len(p.Before))
	var edits []goldEdit
	for _, e := range p.Edits {
		g := goldEdit{Type: e.Type, Start: cp[e.Start], End: cp[e.End]}
		if e.After != nil {
			g.After = *e.After
		}
		edits = append(edits, g)
	}
	sort.Slice(edits, func(i, j int) bool { return edits[i].Start < edits[j].Start })

	// Rebuild, remembering where each untouched before byte and each edit's
	// new words go.
	var rebuilt strings.Builder
	fromBefore := make([]int, len(p.Before)+1) // before byte -> rebuilt byte, -1 if edited
	for i := range fromBefore {
		fromBefore[i] = -1
	}
	editAt := make([]editor.Span, len(edits))
	pos := 0
	for k, e := range edits {
		if e.Start < pos {
			t.Fatalf("doc %s: overlapping gold edits", p.DocID)
		}
		for ; pos < e.Start; pos++ {
			fromBefore[pos] = rebuilt.Len()
			rebuilt.WriteByte(p.Before[pos])
		}
		editAt[k].Start = rebuilt.Len()
		rebuilt.WriteString(e.After)
		editAt[k].End = rebuilt.Len()
		pos = e.End
	}
	for ; pos < len(p.Before); pos++ {
		fromBefore[pos] = rebuilt.Len()
		rebuilt.WriteByte(p.Before[pos])
	}

	// Match rebuilt to after on non-space bytes.
	r, a := rebuilt.String(), p.After
	toAfter := make([]int, len(r)+1)
	i, j := 0, 0
	for i < len(r) {
		if isASCIISpace(r[i]) {
			toAfter[i] = -1
			i++
			continue
		}
		for j < len(a) && isASCIISpace(a[j]) {
			j++
		}
		if j >= len(a) || a[j] != r[i] {
			t.Fatalf("doc %s: gold edits do not rebuild the after text (byte %d)", p.DocID, i)
		}
		toAfter[i] = j
		i++
		j++
	}
	toAfter[len(r)] = len(a)

	m := &goldMap{edits: edits, at: make([]int, len(p.Before))}
	for b := range m.at {
		m.at[b] = -1
		if fromBefore[b] >= 0 {
			m.at[b] = toAfter[fromBefore[b]]
		}
	}
	for k := range edits {
		s, e := editAt[k].Start, editAt[k].End
		// Trim to the non-space bytes, which have places in the after text.
		for s < e && toAfter[s] < 0 {
			s++
		}
		for e > s && toAfter[e-1] < 0 {
			e--
		}
		if s == e {
			// No new words: an empty span where the old words were.
			at := editAt[k].Start
			for at < len(r) && toAfter[at] < 0 {
				at++
			}
			edits[k].AfterSpan = editor.Span{Start: toAfter[at], End: toAfter[at]}
			continue
		}
		edits[k].AfterSpan = editor.Span{Start: toAfter[s], End: toAfter[e-1] + 1}
	}
	return m
}

// added reports whether span in the after text lies inside the new words of
// one gold edit.
func (m *goldMap) added(span editor.Span) bool {
	for _, e := range m.edits {
		if !e.AfterSpan.Empty() && e.AfterSpan.Contains(span) {
			return true
		}
	}
	return false
}

func isASCIISpace(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' }

// anchorCategory sorts a note on the before text by what the gold edits did
// to its words.
type anchorCategory int

const (
	catUntouched anchorCategory = iota // no edit touches the words
	catEdited                          // edits changed at most half of the words' bytes
	catRewritten                       // edits changed more than half, but not all
	catReplaced                        // all the words were replaced by new ones
	catDeleted                         // all the words were deleted
	catCount
)

var anchorCategoryNames = [catCount]string{"untouched", "edited", "rewritten", "replaced", "deleted"}

// expect classifies span (trimmed of spaces, in the before text) and says
// where its words are in the after text (for edited words, from the first
// to the last surviving or new byte).
func (m *goldMap) expect(before string, span editor.Span) (anchorCategory, editor.Span) {
	touched := 0
	var covering []goldEdit
	for _, e := range m.edits {
		overlap := min(e.End, span.End) - max(e.Start, span.Start)
		insideInsert := e.Start == e.End && span.Start < e.Start && e.Start < span.End
		if overlap > 0 || insideInsert {
			covering = append(covering, e)
			touched += max(overlap, 0)
		}
	}
	if len(covering) == 0 {
		return catUntouched, editor.Span{Start: m.at[span.Start], End: m.at[span.End-1] + 1}
	}
	// Where the words start and end now: a surviving byte maps through, an
	// edited one goes to its edit's new words.
	startAt := func(b int) int {
		if m.at[b] >= 0 {
			return m.at[b]
		}
		for _, e := range covering {
			if e.Start <= b && b < e.End {
				return e.AfterSpan.Start
			}
		}
		return -1
	}
	endAt := func(b int) int {
		if m.at[b] >= 0 {
			return m.at[b] + 1
		}
		for _, e := range covering {
			if e.Start <= b && b < e.End {
				return e.AfterSpan.End
			}
		}
		return -1
	}
	want := editor.Span{Start: startAt(span.Start), End: endAt(span.End - 1)}
	nonSpace := 0
	survived := 0
	for b := span.Start; b < span.End; b++ {
		if !isASCIISpace(before[b]) {
			nonSpace++
			if m.at[b] >= 0 {
				survived++
			}
		}
	}
	if survived == 0 {
		for _, e := range covering {
			if strings.TrimSpace(e.After) != "" {
				return catReplaced, want
			}
		}
		return catDeleted, editor.Span{}
	}
	if 2*touched <= span.Len() {
		return catEdited, want
	}
	return catRewritten, want
}

// anchorCorpusNotes picks the notes of a before text: each sentence, and two
// runs of one to four words in it.
func anchorCorpusNotes(p newstest.IteraterDoc, rng *rand.Rand) []editor.Span {
	cp := make([]int, 0, len(p.Before)+1)
	for i := range p.Before {
		cp = append(cp, i)
	}
	cp = append(cp, len(p.Before))
	var spans []editor.Span
	for k, c := range p.Sentences {
		end := len(p.Before)
		if k+1 < len(p.Sentences) {
			end = cp[p.Sentences[k+1]]
		}
		s := trimSpaceSpan(p.Before, editor.Span{Start: cp[c], End: end})
		if s.Empty() {
			continue
		}
		spans = append(spans, s)
		words := wordSpans(p.Before, s)
		for range 2 {
			if len(words) == 0 {
				break
			}
			i := rng.Intn(len(words))
			j := min(len(words), i+1+rng.Intn(4))
			spans = append(spans, editor.Span{Start: words[i].Start, End: words[j-1].End})
		}
	}
	return spans
}

func trimSpaceSpan(text string, s editor.Span) editor.Span {
	for s.Start < s.End && isASCIISpace(text[s.Start]) {
		s.Start++
	}
	for s.End > s.Start && isASCIISpace(text[s.End-1]) {
		s.End--
	}
	return s
}

// wordSpans returns the space-separated words inside s.
func wordSpans(text string, s editor.Span) []editor.Span {
	var out []editor.Span
	start := -1
	for i, r := range text[s.Start:s.End] {
		at := s.Start + i
		if unicode.IsSpace(r) {
			if start >= 0 {
				out = append(out, editor.Span{Start: start, End: at})
				start = -1
			}
		} else if start < 0 {
			start = at
		}
	}
	if start >= 0 {
		out = append(out, editor.Span{Start: start, End: s.End})
	}
	return out
}

// TestReanchorWikinewsRevisions puts notes on every sentence of the 189
// before revisions, and on two short runs of words in each, re-anchors them
// onto the after revisions and checks each against the gold edits:
//   - untouched words must be found at exactly their place in the new text;
//   - lightly edited words must land on their edited version (overlapping at
//     least half of it, and it at least half of the result);
//   - deleted words must be orphaned;
//   - heavily rewritten or wholly replaced words may land on the new words
//     (or inside them) or be orphaned, but must not land elsewhere.
func TestReanchorWikinewsRevisions(t *testing.T) {
	pairs := newstest.IteraterDocs(t)
	if len(pairs) != 189 {
		t.Fatalf("%d revision pairs, want 189", len(pairs))
	}
	rng := rand.New(rand.NewSource(7))
	var total, right [catCount]int
	var landed [catCount]int
	var how [catCount][4]int
	var misses []string
	for _, p := range pairs {
		gm := newGoldMap(t, p)
		spans := anchorCorpusNotes(p, rng)
		anchors := make([]editor.Anchor, len(spans))
		for i, s := range spans {
			anchors[i] = editor.NewAnchor(p.Before, s)
		}
		got := ReanchorAll(anchors, p.After)
		for i, s := range spans {
			cat, want := gm.expect(p.Before, s)
			g := got[i]
			if err := g.Span.Check(p.After); err != nil {
				t.Fatalf("doc %s: %v", p.DocID, err)
			}
			total[cat]++
			how[cat][g.How]++
			if !g.Orphaned() {
				landed[cat]++
			}
			ok := false
			switch cat {
			case catUntouched:
				ok = !g.Orphaned() && g.Span == want
			case catEdited:
				ok = !g.Orphaned() && spansAgree(g.Span, want)
			case catRewritten, catReplaced:
				// The gold edits are coarse: a phrase "replaced" may keep
				// some of its words, and the note may land on them.
				ok = g.Orphaned() || spansAgree(g.Span, want) || want.Contains(g.Span) || gm.added(g.Span)
			case catDeleted:
				// Words deleted in one place and added in another were
				// moved; the note may follow them.
				ok = g.Orphaned() || gm.added(g.Span)
			}
			if ok {
				right[cat]++
			} else if testing.Verbose() && len(misses) < 60 {
				gotText := "(orphaned)"
				if !g.Orphaned() {
					gotText = g.Span.In(p.After)
				}
				wantText := "(orphaned)"
				if cat != catDeleted {
					wantText = want.In(p.After)
				}
				misses = append(misses, fmt.Sprintf("doc %s %s %v %.2f\n   old  %q\n   got  %q\n   want %q",
					p.DocID, anchorCategoryNames[cat], g.How, g.Score, s.In(p.Before), gotText, wantText))
			}
		}
	}
	for _, m := range misses {
		t.Log(m)
	}
	floors := [catCount]float64{
		catUntouched: 99.5,
		catEdited:    92,
		catRewritten: 97,
		catReplaced:  96,
		catDeleted:   96,
	}
	var allTotal, allRight int
	for c := range catCount {
		allTotal += total[c]
		allRight += right[c]
		share := 100 * float64(right[c]) / float64(max(total[c], 1))
		t.Logf("%-9s %5d notes, %5.1f%% right (exact %d, moved %d, fuzzy %d, orphaned %d)",
			anchorCategoryNames[c], total[c], share,
			how[c][Exact], how[c][Moved], how[c][Fuzzy], how[c][Orphaned])
		if share < floors[c] {
			t.Errorf("%s: %.1f%% re-anchored right, want at least %.1f%%", anchorCategoryNames[c], share, floors[c])
		}
	}
	overall := 100 * float64(allRight) / float64(allTotal)
	t.Logf("overall   %5d notes, %5.1f%% right", allTotal, overall)
	if overall < 97.5 {
		t.Errorf("overall: %.1f%% re-anchored right, want at least 97.5%%", overall)
	}
}

// spansAgree reports whether got and want overlap by at least half of each.
func spansAgree(got, want editor.Span) bool {
	overlap := min(got.End, want.End) - max(got.Start, want.Start)
	return overlap > 0 && 2*overlap >= got.Len() && 2*overlap >= want.Len()
}
