package anchor

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"copydesk/editor"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// How says how a note was found again in an edited text.
type How int

// Ways a note is re-anchored. The zero value is Orphaned, so a
// Placement nobody filled in never points at text.
const (
	// Orphaned: the note's words are gone; the note is kept but
	// points nowhere.
	Orphaned How = iota
	// Exact: the same words at the same offsets.
	Exact
	// Moved: the same words, elsewhere (text was added or removed
	// before them, or they were moved).
	Moved
	// Fuzzy: the words were edited a little; the note now points at
	// the edited version.
	Fuzzy
)

var anchorHowNames = [...]string{
	Orphaned: "orphaned",
	Exact:    "exact",
	Moved:    "moved",
	Fuzzy:    "fuzzy",
}

// String returns the stable lower-case name of h.
func (h How) String() string {
	if h < 0 || int(h) >= len(anchorHowNames) {
		return fmt.Sprintf("anchorhow(%d)", int(h))
	}
	return anchorHowNames[h]
}

// Placement is where a note's anchor lands in a new text.
type Placement struct {
	// Span is the note's place in the new text; the zero span when the
	// note is orphaned.
	Span editor.Span
	How  How
	// Score is the confidence of the match, from 0 to 1: how much the
	// words at Span and the text around them look like the anchor's.
	// For an orphaned note it is the score of the best place turned down.
	Score float64
}

// Orphaned reports whether the note's words were not found.
func (r Placement) Orphaned() bool { return r.How == Orphaned }

// Reanchor finds the anchor's words in newText: at their old offsets, moved
// elsewhere, or edited a little; otherwise it reports the note orphaned.
// To re-anchor many notes on one text, ReanchorAll is faster and better at
// placing edited words, as it learns from the notes it finds unchanged.
func Reanchor(a editor.Anchor, newText string) Placement {
	return ReanchorAll([]editor.Anchor{a}, newText)[0]
}

// ReanchorAll re-anchors every anchor onto newText; the result has one entry
// per anchor, in order. Anchors whose words are found unchanged go first;
// the others are then searched for near where their unchanged neighbours
// moved.
func ReanchorAll(anchors []editor.Anchor, newText string) []Placement {
	r := newReanchorer(newText)
	out := make([]Placement, len(anchors))
	pending := make([]bool, len(anchors))
	var found []shift
	for i, a := range anchors {
		best, ok := r.exact(a, a.Span.Start)
		if ok {
			out[i] = best.result(a)
			found = append(found, shift{old: a.Span.Start, delta: best.span.Start - a.Span.Start})
			continue
		}
		out[i] = Placement{Score: best.score}
		pending[i] = true
	}
	sort.Slice(found, func(i, j int) bool { return found[i].old < found[j].old })
	for i, a := range anchors {
		if !pending[i] {
			continue
		}
		hint := a.Span.Start + nearestShift(found, a.Span.Start)
		if best, ok := r.exact(a, hint); ok {
			out[i] = best.result(a)
			continue
		}
		if lo, hi, ok := bracket(found, a.Span.Start); ok {
			if best, ok := r.between(a, lo, hi, hint); ok {
				out[i] = best.result(a)
				continue
			}
		}
		if best, ok := r.fuzzy(a, hint); ok {
			out[i] = best.result(a)
		} else if best.score > out[i].Score {
			out[i].Score = best.score
		}
	}
	return out
}

// shift records that text at old offset old now starts delta bytes later.
type shift struct{ old, delta int }

// nearestShift returns the delta of the found anchor closest to old (0 when
// none was found), the earlier one on a tie.
func nearestShift(found []shift, old int) int {
	if len(found) == 0 {
		return 0
	}
	k := sort.Search(len(found), func(i int) bool { return found[i].old > old })
	switch {
	case k == 0:
		return found[0].delta
	case k == len(found):
		return found[k-1].delta
	case old-found[k-1].old <= found[k].old-old:
		return found[k-1].delta
	default:
		return found[k].delta
	}
}

// bracket returns where the found anchors just before and just after old
// offset old now start, when both exist and are close enough in the old
// text for the words between them to be pinned down.
func bracket(found []shift, old int) (lo, hi int, ok bool) {
	k := sort.Search(len(found), func(i int) bool { return found[i].old > old })
	if k == 0 || k == len(found) {
		return 0, 0, false
	}
	prev, next := found[k-1], found[k]
	if next.old-prev.old > anchorBracketBytes {
		return 0, 0, false
	}
	lo, hi = prev.old+prev.delta, next.old+next.delta
	return lo, hi, lo <= hi
}

// between takes the anchor's words unchanged when they occur exactly once
// between the new places lo and hi of the found anchors around it, even
// with their context edited, unless the place is wholly unconvincing.
func (r *reanchorer) between(a editor.Anchor, lo, hi, hint int) (candidate, bool) {
	if a.Exact == "" {
		return candidate{}, false
	}
	var only editor.Span
	n := 0
	for off := lo; off <= hi && off < len(r.text); {
		k := strings.Index(r.text[off:], a.Exact)
		if k < 0 || off+k > hi {
			break
		}
		only = editor.Span{Start: off + k, End: off + k + len(a.Exact)}
		n++
		off += k + 1
	}
	if n != 1 || only.Check(r.text) != nil {
		return candidate{}, false
	}
	f := r.features(a, only, 1, hint)
	c := candidate{span: only, words: 1, score: f.score(), dist: f.distance, same: true}
	return c, c.score >= anchorBracketMinScore
}

// Tuning of the search. The scores weigh the anchored words by their length
// (capped, so a long passage does not drown its context) against the
// context either side; a place is taken only when its words are close
// enough to the anchor's and the whole is convincing.
const (
	// anchorWordsWeightCap caps the weight of the anchored words in bytes.
	anchorWordsWeightCap = 96
	// anchorNearWeight is the weight of being at the expected place, which
	// fades to nothing anchorNearBytes away from it.
	anchorNearWeight = 8
	anchorNearBytes  = 64
	// anchorEdgeWeight is the weight of "at the very start (or end) of the
	// text" for an anchor whose context stops there.
	anchorEdgeWeight = 8
	// anchorContextSlack is how much further than its stored length the
	// context is looked for beside a place.
	anchorContextSlack = 16
	// anchorContextFloor is the similarity of unrelated English snippets
	// of context length; context similarity is rescaled from it to 1.
	anchorContextFloor = 0.35
	// anchorMinScore is the lowest score a place is taken at.
	anchorMinScore = 0.52
	// anchorBracketBytes is the widest gap in the old text between two
	// found anchors that pins down the words between them, and
	// anchorBracketMinScore the lowest score taken there.
	anchorBracketBytes    = 512
	anchorBracketMinScore = 0.3
	// anchorMinWordsSimilarity is the lowest similarity of a fuzzy match's
	// words to the anchor's.
	anchorMinWordsSimilarity = 0.5
	// anchorBitapThreshold and anchorBitapDistance tune go-diff's Bitap
	// search: errors per pattern byte plus distance from the expected place
	// over the distance must stay under the threshold.
	anchorBitapThreshold = 0.4
	anchorBitapDistance  = 1000
	// anchorFuzzyMinBytes is the shortest anchored text looked for edited.
	anchorFuzzyMinBytes = 4
	// anchorEdgeAlign is how much of the anchored words, at each end, is
	// aligned to pin that end down, and anchorAlignSlack how far either
	// side of Bitap's guess the alignment looks.
	anchorEdgeAlign  = 64
	anchorAlignSlack = 48
	// anchorPattern is the longest pattern Bitap is given, in bytes.
	anchorPattern = 32
)

// candidate is one possible place of an anchor in the new text.
type candidate struct {
	span  editor.Span
	words float64 // similarity of the text at span to the anchor's words
	score float64
	dist  int  // bytes from the expected place
	same  bool // the text at span is the anchor's words, byte for byte
}

// beats reports whether c is a better place than d: a higher score, or as
// high and nearer the expected place.
func (c candidate) beats(d candidate) bool {
	const tie = 1e-9
	return c.score > d.score+tie || c.score > d.score-tie && c.dist < d.dist
}

func (c candidate) result(a editor.Anchor) Placement {
	how := Fuzzy
	if c.same {
		how = Moved
		if c.span == a.Span {
			how = Exact
		}
	}
	return Placement{Span: c.span, How: how, Score: c.score}
}

// reanchorer holds the new text and what is worth computing once for it.
type reanchorer struct {
	text string
	dmp  *diffmatchpatch.DiffMatchPatch
}

func newReanchorer(text string) *reanchorer {
	dmp := diffmatchpatch.New()
	dmp.MatchThreshold = anchorBitapThreshold
	dmp.MatchDistance = anchorBitapDistance
	return &reanchorer{text: text, dmp: dmp}
}

// features measures how well the place span fits anchor a, whose words
// there are words similar.
func (r *reanchorer) features(a editor.Anchor, span editor.Span, words float64, hint int) placeFeatures {
	text := r.text
	f := placeFeatures{words: words, wordsLen: len(a.Exact), distance: max(span.Start-hint, hint-span.Start)}
	var total, weight float64
	if a.Prefix != "" {
		lo := runeStartAtOrAfter(text, span.Start-len(a.Prefix)-anchorContextSlack)
		total += float64(len(a.Prefix)) * contextSimilarity(a.Prefix, text[lo:span.Start], true)
		weight += float64(len(a.Prefix))
	} else if a.Span.Start == 0 {
		if span.Start == 0 {
			total += anchorEdgeWeight
		}
		weight += anchorEdgeWeight
	}
	if a.Suffix != "" {
		hi := runeStartAtOrBefore(text, span.End+len(a.Suffix)+anchorContextSlack)
		total += float64(len(a.Suffix)) * contextSimilarity(a.Suffix, text[span.End:hi], false)
		weight += float64(len(a.Suffix))
	} else {
		if span.End == len(text) {
			total += anchorEdgeWeight
		}
		weight += anchorEdgeWeight
	}
	f.context, f.contextWeight = total/weight, weight
	return f
}

// placeFeatures is what a place's score is made of.
type placeFeatures struct {
	words         float64 // similarity of the words there to the anchor's
	wordsLen      int     // length of the anchor's words
	context       float64 // similarity of the context, 0 (unrelated) to 1
	contextWeight float64
	distance      int // bytes from the expected place
}

// score combines the features into a confidence from 0 to 1.
func (f placeFeatures) score() float64 {
	ww := float64(min(f.wordsLen, anchorWordsWeightCap))
	near := max(0, 1-float64(f.distance)/anchorNearBytes)
	return (ww*f.words + f.contextWeight*f.context + anchorNearWeight*near) /
		(ww + f.contextWeight + anchorNearWeight)
}

// contextSimilarity rescales the similarity of stored context to the text
// now beside the place so that unrelated text scores about 0. The text may
// run past the stored context: for a prefix, extra text at its start is
// ignored (before is true), for a suffix extra text at its end, so that
// words added or removed inside the context cost only once.
func contextSimilarity(stored, now string, before bool) float64 {
	if len(stored) > 64 {
		if before {
			stored = stored[len(stored)-64:]
		} else {
			stored = stored[:64]
		}
	}
	if before {
		stored, now = reverseBytes(stored), reverseBytes(now)
	}
	d := editDistancePrefix(stored, now)
	s := 1 - float64(d)/float64(len(stored))
	return max(0, (s-anchorContextFloor)/(1-anchorContextFloor))
}

// exact looks for the anchor's words unchanged and returns the best place,
// and whether it is convincing.
func (r *reanchorer) exact(a editor.Anchor, hint int) (candidate, bool) {
	text := r.text
	best := candidate{score: -1}
	consider := func(s editor.Span) {
		if s.Check(text) != nil {
			return
		}
		f := r.features(a, s, 1, hint)
		if c := (candidate{span: s, words: 1, score: f.score(), dist: f.distance, same: true}); c.beats(best) {
			best = c
		}
	}
	if a.Exact == "" {
		// An empty anchor sits between its prefix and its suffix.
		ctx := a.Prefix + a.Suffix
		if ctx == "" {
			if text == "" {
				consider(editor.Span{})
			}
		} else {
			for off := 0; ; {
				k := strings.Index(text[off:], ctx)
				if k < 0 {
					break
				}
				at := off + k + len(a.Prefix)
				consider(editor.Span{Start: at, End: at})
				off += k + 1
			}
		}
	} else {
		if s := a.Span; s.Start >= 0 && s.End <= len(text) && s.Start <= s.End && text[s.Start:s.End] == a.Exact {
			consider(s)
		}
		for off := 0; ; {
			k := strings.Index(text[off:], a.Exact)
			if k < 0 {
				break
			}
			consider(editor.Span{Start: off + k, End: off + k + len(a.Exact)})
			off += k + 1
		}
	}
	if best.score < 0 {
		return candidate{}, false
	}
	return best, best.score >= anchorMinScore
}

// fuzzy looks for the anchor's words edited a little, near hint.
func (r *reanchorer) fuzzy(a editor.Anchor, hint int) (candidate, bool) {
	text := r.text
	if text == "" || a.Exact == "" && a.Prefix == "" && a.Suffix == "" {
		return candidate{}, false
	}
	if a.Exact != "" && len(a.Exact) < anchorFuzzyMinBytes {
		// Edits to a word this short leave nothing to recognise it by.
		return candidate{}, false
	}
	// Rough places of the start and the end of the anchored words, from
	// Bitap runs on their first and last bytes, with and without the
	// context beside them.
	var starts, ends []int
	head := prefixBytes(a.Exact, anchorPattern)
	tail := suffixBytes(a.Exact, anchorPattern)
	if head != "" {
		if at := r.match(head, hint); at >= 0 {
			starts = append(starts, at)
		}
		if at := r.match(tail, hint+len(a.Exact)-len(tail)); at >= 0 {
			ends = append(ends, at+len(tail))
		}
	}
	half := anchorPattern / 2
	if p := suffixBytes(a.Prefix, anchorPattern-len(prefixBytes(a.Exact, half))); p != "" {
		pat := p + prefixBytes(a.Exact, half)
		if at := r.match(pat, hint-len(p)); at >= 0 {
			starts = append(starts, at+len(p))
		}
	}
	if s := prefixBytes(a.Suffix, anchorPattern-len(suffixBytes(a.Exact, half))); s != "" {
		t := suffixBytes(a.Exact, half)
		if at := r.match(t+s, hint+len(a.Exact)-len(t)); at >= 0 {
			ends = append(ends, at+len(t))
		}
	}
	if len(starts) == 0 && len(ends) == 0 {
		return candidate{}, false
	}
	if len(ends) == 0 {
		for _, s := range starts {
			ends = append(ends, s+len(a.Exact))
		}
	}
	if len(starts) == 0 {
		for _, e := range ends {
			starts = append(starts, e-len(a.Exact))
		}
	}

	// Pin each boundary down by aligning the stored context and the nearer
	// end of the words (at most anchorEdgeAlign bytes of them) around it.
	edgeWords := prefixBytes(a.Exact, anchorEdgeAlign)
	startPattern := a.Prefix + edgeWords
	atStart := a.Prefix == "" && a.Span.Start == 0
	var refinedStarts []int
	for _, g := range uniqueInts(starts) {
		lo := runeStartAtOrBefore(text, g-len(a.Prefix)-anchorAlignSlack)
		hi := runeStartAtOrAfter(text, g+len(edgeWords)+anchorAlignSlack)
		s, _ := alignBoundaries(startPattern, text[lo:hi], len(a.Prefix), len(a.Prefix), atStart && lo == 0, false)
		refinedStarts = append(refinedStarts, lo+s)
	}
	edgeWords = suffixBytes(a.Exact, anchorEdgeAlign)
	endPattern := edgeWords + a.Suffix
	atEnd := a.Suffix == ""
	var refinedEnds []int
	for _, g := range uniqueInts(ends) {
		lo := runeStartAtOrBefore(text, g-len(edgeWords)-anchorAlignSlack)
		hi := runeStartAtOrAfter(text, g+len(a.Suffix)+anchorAlignSlack)
		_, e := alignBoundaries(endPattern, text[lo:hi], len(edgeWords), len(edgeWords), false, atEnd && hi == len(text))
		refinedEnds = append(refinedEnds, lo+e)
	}

	best := candidate{score: -1}
	tried := map[editor.Span]bool{}
	consider := func(span editor.Span) {
		span = trimToAnchor(text, span, a.Exact)
		if tried[span] {
			return
		}
		tried[span] = true
		words := 1.0
		if a.Exact != "" {
			words = similarity(a.Exact, span.In(text))
		}
		f := r.features(a, span, words, hint)
		c := candidate{span: span, words: words, score: f.score(), dist: f.distance, same: a.Exact != "" && words == 1}
		if c.beats(best) {
			best = c
		}
	}
	for _, s := range uniqueInts(refinedStarts) {
		if a.Exact == "" {
			consider(editor.Span{Start: s, End: s})
			continue
		}
		for _, e := range uniqueInts(refinedEnds) {
			if n := e - s; n > 0 && max(n-len(a.Exact), len(a.Exact)-n) <= len(a.Exact)/2+anchorAlignSlack {
				consider(editor.Span{Start: s, End: e})
			}
		}
	}
	if a.Exact == "" {
		for _, e := range uniqueInts(refinedEnds) {
			consider(editor.Span{Start: e, End: e})
		}
	}
	if best.score < 0 {
		return candidate{}, false
	}
	ok := best.score >= anchorMinScore && best.words >= anchorMinWordsSimilarity
	if a.Exact != "" && best.span.Empty() {
		ok = false
	}
	return best, ok
}

// match runs Bitap for pattern near loc. Bitap cannot accept a place
// further than MatchThreshold×MatchDistance from loc, so it is handed only
// that stretch of the text: it allocates per byte of the text it is given.
func (r *reanchorer) match(pattern string, loc int) int {
	reach := int(anchorBitapThreshold*anchorBitapDistance) + len(pattern)
	lo := max(0, min(loc, len(r.text))-reach)
	hi := min(len(r.text), max(loc, 0)+reach+len(pattern))
	if lo >= hi {
		return -1
	}
	at := r.dmp.MatchMain(r.text[lo:hi], pattern, loc-lo)
	if at < 0 {
		return -1
	}
	return lo + at
}

// uniqueInts returns xs sorted without repeats.
func uniqueInts(xs []int) []int {
	xs = append([]int(nil), xs...)
	sort.Ints(xs)
	out := xs[:0]
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// trimToAnchor snaps span to rune boundaries and drops spaces at its ends
// that the anchored words do not have there.
func trimToAnchor(text string, span editor.Span, exact string) editor.Span {
	s := runeStartAtOrBefore(text, span.Start)
	e := runeStartAtOrAfter(text, span.End)
	if e < s || exact == "" {
		return editor.Span{Start: s, End: s}
	}
	first, _ := utf8.DecodeRuneInString(exact)
	last, _ := utf8.DecodeLastRuneInString(exact)
	if !unicode.IsSpace(first) {
		for s < e {
			r, n := utf8.DecodeRuneInString(text[s:e])
			if !unicode.IsSpace(r) {
				break
			}
			s += n
		}
	}
	if !unicode.IsSpace(last) {
		for e > s {
			r, n := utf8.DecodeLastRuneInString(text[s:e])
			if !unicode.IsSpace(r) {
				break
			}
			e -= n
		}
	}
	return editor.Span{Start: s, End: e}
}

// prefixBytes returns at most n bytes from the start of s, cut on a rune
// boundary.
func prefixBytes(s string, n int) string {
	if n <= 0 {
		return ""
	}
	if len(s) <= n {
		return s
	}
	return s[:runeStartAtOrBefore(s, n)]
}

// suffixBytes returns at most n bytes from the end of s, cut on a rune
// boundary.
func suffixBytes(s string, n int) string {
	if n <= 0 {
		return ""
	}
	if len(s) <= n {
		return s
	}
	return s[runeStartAtOrAfter(s, len(s)-n):]
}

// SameFinding reports whether finding f in text is the one note n was made
// about: the same check, and the note's words re-anchored onto text cover
// much the same place as the finding. It lets the app keep findings an
// editor dismissed out of sight after the text is edited and checked again.
func SameFinding(n editor.Note, f editor.Finding, text string) bool {
	if n.Check == "" || n.Check != f.Check {
		return false
	}
	return sameFindingPlace(Reanchor(n.Anchor, text), f.Span)
}

// WithoutDismissed returns the findings in text that none of the dismissed
// notes among notes was made about, re-anchoring those notes once.
func WithoutDismissed(notes []editor.Note, findings []editor.Finding, text string) []editor.Finding {
	return withoutNotesWhere(notes, findings, text, func(n editor.Note) bool { return n.Status == editor.NoteDismissed })
}

// WithoutNoted returns the findings in text that no note among notes was
// made about (whatever the note's status: kept, resolved or dismissed),
// re-anchoring those notes once. A finding an editor has kept or dismissed
// is then not listed again as new after edits and re-checks.
func WithoutNoted(notes []editor.Note, findings []editor.Finding, text string) []editor.Finding {
	return withoutNotesWhere(notes, findings, text, func(n editor.Note) bool { return !n.Orphaned })
}

// withoutNotesWhere drops the findings that a note of the same check,
// among the notes that match, was made about.
func withoutNotesWhere(notes []editor.Note, findings []editor.Finding, text string, match func(editor.Note) bool) []editor.Finding {
	var noted []editor.Note
	var anchors []editor.Anchor
	for _, n := range notes {
		if n.Check != "" && match(n) {
			noted = append(noted, n)
			anchors = append(anchors, n.Anchor)
		}
	}
	if len(noted) == 0 {
		return findings
	}
	placed := ReanchorAll(anchors, text)
	var out []editor.Finding
	for _, f := range findings {
		same := false
		for i, n := range noted {
			if n.Check == f.Check && sameFindingPlace(placed[i], f.Span) {
				same = true
				break
			}
		}
		if !same {
			out = append(out, f)
		}
	}
	return out
}

// sameFindingPlace reports whether a re-anchored note and a finding's span
// are the same place: equal, or overlapping by at least half the longer of
// the two (a check may widen or narrow its span a little as words change).
func sameFindingPlace(r Placement, span editor.Span) bool {
	if r.Orphaned() {
		return false
	}
	if r.Span == span {
		return true
	}
	overlap := min(r.Span.End, span.End) - max(r.Span.Start, span.Start)
	return overlap > 0 && 2*overlap >= max(r.Span.Len(), span.Len())
}

// Unraised reports, for each note, whether it was kept from a finding the
// checks no longer raise: an open note of a check that ran (ran says which
// did), whose words re-anchor onto text, with no finding of its check among
// findings at that place. findings must be the whole of a review of text.
// An orphaned note, or one whose words are not found in text, is never
// reported: with its words gone there is nothing to judge it by.
func Unraised(notes []editor.Note, findings []editor.Finding, text string, ran func(check string) bool) []bool {
	out := make([]bool, len(notes))
	var judged []int
	var anchors []editor.Anchor
	for i, n := range notes {
		if n.Check != "" && n.Status == editor.NoteOpen && !n.Orphaned && ran(n.Check) {
			judged = append(judged, i)
			anchors = append(anchors, n.Anchor)
		}
	}
	if len(judged) == 0 {
		return out
	}
	for k, placed := range ReanchorAll(anchors, text) {
		if placed.Orphaned() {
			continue
		}
		n := notes[judged[k]]
		raised := false
		for _, f := range findings {
			if f.Check == n.Check && sameFindingPlace(placed, f.Span) {
				raised = true
				break
			}
		}
		out[judged[k]] = !raised
	}
	return out
}

// MoveNotes places notes on text as it is now: each note whose words moved
// or changed a little gets its new anchor, each whose words are gone is
// marked orphaned (keeping its last anchor, so that its words are known
// again if they come back), and an orphaned note whose words are back is
// anchored on them. It returns the notes that changed.
func MoveNotes(notes []editor.Note, text string) []editor.Note {
	anchors := make([]editor.Anchor, len(notes))
	for i, n := range notes {
		anchors[i] = n.Anchor
	}
	var changed []editor.Note
	for i, placed := range ReanchorAll(anchors, text) {
		n := notes[i]
		switch {
		case placed.Orphaned():
			if n.Orphaned {
				continue
			}
			n.Orphaned = true
		case n.Orphaned || placed.Span != n.Anchor.Span || placed.How == Fuzzy:
			n.Orphaned = false
			n.Anchor = editor.NewAnchor(text, placed.Span)
		default:
			continue
		}
		changed = append(changed, n)
	}
	return changed
}
