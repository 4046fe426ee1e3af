package diff

import (
	"math"
	"slices"
	"sort"
	"strings"

	"copydesk/editor"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Tuning of the paragraph alignment and move detection.
const (
	// pairThreshold is the least word overlap (Dice coefficient, in
	// thousandths) for two paragraphs to be shown as one paragraph edited;
	// below it they are a deletion and an insertion.
	pairThreshold = 500
	// bandMin is the least half-width of the band of the paragraph
	// alignment around the diagonal of a changed region.
	bandMin = 16
	// maxCells caps the paragraph alignment's table.
	maxCells = 1 << 22
	// sentenceAnchorMin is the size (old plus new tokens) from which a
	// block is first matched sentence by sentence, so one long paragraph
	// with scattered edits stays fast.
	sentenceAnchorMin = 3000
	// moveMinWords and moveThreshold: a deletion and an insertion of at
	// least this many words with at least this overlap (thousandths) are
	// one move.
	moveMinWords  = 3
	moveThreshold = 800
	// moveMaxCandidates bounds the pairs move detection compares.
	moveMaxCandidates = 400
)

// alignBlock is a run of paragraphs compared as a unit: old paragraphs
// [o0,o1) against new paragraphs [n0,n1).
type alignBlock struct {
	o0, o1, n0, n1 int
	kind           RowKind
}

// wordDiffer holds the state of one Words call. Both texts get a final \n
// (taken off again at the end) so every paragraph, the last included, is
// its text plus a line break, and runs of paragraphs concatenate cleanly.
// Only the paragraphs that differ are cut into tokens.
type wordDiffer struct {
	realOld, realNew int // lengths of the texts without the added \n
	tm               *tokenMap
	a, b             *tokenText
	aPara, bPara     []int    // byte offset of each paragraph, then the length
	aTok, bTok       [][2]int // token range of each paragraph, once cut
	aWords, bWords   [][]rune
	blocks           []alignBlock
	segs             []diffSeg
	clean            tokenCleaner
}

func newWordDiffer(old, new string, limit rune) *wordDiffer {
	w := &wordDiffer{realOld: len(old), realNew: len(new), tm: newTokenMap(limit, 256+(len(old)+len(new))/64)}
	w.a = newDiffText(old+"\n", w.tm)
	w.b = newDiffText(new+"\n", w.tm)
	w.aPara, w.bPara = paragraphOffsets(w.a.text), paragraphOffsets(w.b.text)
	w.aTok = make([][2]int, len(w.aPara)-1)
	w.bTok = make([][2]int, len(w.bPara)-1)
	w.aWords = make([][]rune, len(w.aPara)-1)
	w.bWords = make([][]rune, len(w.bPara)-1)
	w.clean = tokenCleaner{w.a, w.b}
	return w
}

// paragraphOffsets returns where each line of text (which ends in \n)
// starts, then the length of text.
func paragraphOffsets(text string) []int {
	ps := make([]int, 1, strings.Count(text, "\n")+1)
	for i := 0; ; {
		k := strings.IndexByte(text[i:], '\n')
		if k < 0 {
			break
		}
		i += k + 1
		ps = append(ps, i)
	}
	return ps
}

// paragraphText returns paragraph i without its line break.
func paragraphText(text string, ps []int, i int) string {
	return text[ps[i] : ps[i+1]-1]
}

// cutParagraphs tokenizes paragraphs [p0,p1) of t in one go.
func cutParagraphs(t *tokenText, ps []int, tok [][2]int, p0, p1 int) {
	if p0 == p1 {
		return
	}
	k := t.tokenize(ps[p0], ps[p1])
	for p := p0; p < p1; p++ {
		lo := k
		for t.kinds[k] != kindNewline {
			k++
		}
		k++
		tok[p] = [2]int{lo, k}
	}
}

func (w *wordDiffer) run(d *Diff) {
	d.OldParagraphs = paragraphSpans(w.aPara)
	d.NewParagraphs = paragraphSpans(w.bPara)
	w.alignParagraphs()
	for i, blk := range w.blocks {
		w.diffBlock(i, blk)
	}
	w.dropAddedNewlines()
	w.build(d)
}

func paragraphSpans(ps []int) []editor.Span {
	out := make([]editor.Span, len(ps)-1)
	for i := range out {
		out[i] = editor.Span{Start: ps[i], End: ps[i+1] - 1}
	}
	return out
}

// alignParagraphs pairs identical paragraphs first, then aligns the
// paragraphs between them by their words.
func (w *wordDiffer) alignParagraphs() {
	na, nb := len(w.aPara)-1, len(w.bPara)-1
	pm := newTokenMap(maxRune, na+nb)
	ra, rb := make([]rune, na), make([]rune, nb)
	for i := range ra {
		ra[i] = pm.id(paragraphText(w.a.text, w.aPara, i))
	}
	for j := range rb {
		rb[j] = pm.id(paragraphText(w.b.text, w.bPara, j))
	}
	ops := anchoredDiff(ra, rb, pm)
	if pm.overflow {
		ops = verifyEqual(ops, func(i, j int) bool {
			return paragraphText(w.a.text, w.aPara, i) == paragraphText(w.b.text, w.bPara, j)
		})
	}
	w.reserveTokens(ops)
	i, j, ri, rj := 0, 0, 0, 0
	for _, o := range ops {
		switch o.op {
		case diffmatchpatch.DiffEqual:
			w.alignRegion(ri, i, rj, j)
			for k := 0; k < o.n; k++ {
				w.blocks = append(w.blocks, alignBlock{i + k, i + k + 1, j + k, j + k + 1, RowUnchanged})
			}
			i += o.n
			j += o.n
			ri, rj = i, j
		case diffmatchpatch.DiffDelete:
			i += o.n
		case diffmatchpatch.DiffInsert:
			j += o.n
		}
	}
	w.alignRegion(ri, i, rj, j)
}

// reserveTokens makes room for the tokens of the paragraphs that differ,
// about one per three bytes (a word and the space after it run about six).
func (w *wordDiffer) reserveTokens(ops []editOp) {
	var i, j, na, nb int
	for _, o := range ops {
		switch o.op {
		case diffmatchpatch.DiffEqual:
			i += o.n
			j += o.n
		case diffmatchpatch.DiffDelete:
			na += w.aPara[i+o.n] - w.aPara[i]
			i += o.n
		case diffmatchpatch.DiffInsert:
			nb += w.bPara[j+o.n] - w.bPara[j]
			j += o.n
		}
	}
	w.a.reserve(na/3 + 16)
	w.b.reserve(nb/3 + 16)
}

// anchoredDiff diffs two sequences of paragraphs the way patience diff
// does: paragraphs that occur once in each text, in the same order, anchor
// the comparison, and go-diff matches what lies between anchors. Long
// articles in which most paragraphs were touched stay fast that way.
func anchoredDiff(a, b []rune, m *tokenMap) []editOp {
	count := func(xs []rune) map[rune]int32 {
		c := make(map[rune]int32, len(xs))
		for i, x := range xs {
			if _, seen := c[x]; seen {
				c[x] = -1
			} else {
				c[x] = int32(i)
			}
		}
		return c
	}
	ca, cb := count(a), count(b)
	// Unique in both, in the order of a; the longest run increasing in b
	// are the anchors.
	var pairs [][2]int
	for i, x := range a {
		if x == m.limit && m.overflow {
			continue
		}
		if ca[x] >= 0 {
			if j, ok := cb[x]; ok && j >= 0 {
				pairs = append(pairs, [2]int{i, int(j)})
			}
		}
	}
	anchors := longestIncreasing(pairs)
	var ops []editOp
	add := func(more ...editOp) {
		for _, o := range more {
			if k := len(ops) - 1; k >= 0 && ops[k].op == o.op {
				ops[k].n += o.n
			} else if o.n > 0 {
				ops = append(ops, o)
			}
		}
	}
	i, j := 0, 0
	for _, p := range append(anchors, [2]int{len(a), len(b)}) {
		add(diffRunes(a[i:p[0]], b[j:p[1]])...)
		if p[0] < len(a) {
			add(editOp{diffmatchpatch.DiffEqual, 1})
		}
		i, j = p[0]+1, p[1]+1
	}
	return ops
}

// longestIncreasing returns the longest subsequence of pairs (sorted by
// their first element) whose second elements increase, by patience
// sorting.
func longestIncreasing(pairs [][2]int) [][2]int {
	var tails []int // index into pairs of the smallest tail of each length
	prev := make([]int, len(pairs))
	for k, p := range pairs {
		n := sort.Search(len(tails), func(t int) bool { return pairs[tails[t]][1] >= p[1] })
		if n > 0 {
			prev[k] = tails[n-1]
		} else {
			prev[k] = -1
		}
		if n == len(tails) {
			tails = append(tails, k)
		} else {
			tails[n] = k
		}
	}
	out := make([][2]int, len(tails))
	for k, t := len(tails)-1, -1; k >= 0; k-- {
		if t < 0 {
			t = tails[len(tails)-1]
		}
		out[k] = pairs[t]
		t = prev[t]
	}
	return out
}

// words returns the sorted word tokens of paragraph i of t.
func (w *wordDiffer) words(t *tokenText, tok [][2]int, cache [][]rune, i int) []rune {
	if cache[i] != nil {
		return cache[i]
	}
	ws := []rune{}
	for k := tok[i][0]; k < tok[i][1]; k++ {
		if t.kinds[k] == kindWord {
			ws = append(ws, t.ids[k])
		}
	}
	slices.Sort(ws)
	cache[i] = ws
	return ws
}

// paragraphSimilarity scores, in thousandths, how alike two paragraphs of
// x and y words sharing common words are: the Dice coefficient, or most of
// the containment when one paragraph has grown or shrunk around the other
// ("Second paragraph here." and the same with a sentence appended).
func paragraphSimilarity(x, y, common int) int {
	if x+y == 0 {
		return 1000
	}
	sim := 2000 * common / (x + y)
	if shorter := min(x, y); shorter >= 3 {
		sim = max(sim, 800*common/shorter)
	}
	return sim
}

// diagonalThreshold is the similarity, in thousandths, every paragraph must
// have with the one across for a region to pair in order without the
// banded search.
const diagonalThreshold = 800

// diagonalHolds reports whether each of n old paragraphs is at least
// diagonalThreshold alike to the new paragraph in the same place.
func diagonalHolds(n int, oldWords, newWords func(int) []rune) bool {
	for i := 0; i < n; i++ {
		x, y := oldWords(i), newWords(i)
		if paragraphSimilarity(len(x), len(y), commonCount(x, y)) < diagonalThreshold {
			return false
		}
	}
	return true
}

// commonCount counts the elements two sorted multisets share.
func commonCount(x, y []rune) int {
	n, i, j := 0, 0, 0
	for i < len(x) && j < len(y) {
		switch {
		case x[i] == y[j]:
			n++
			i++
			j++
		case x[i] < y[j]:
			i++
		default:
			j++
		}
	}
	return n
}

// Moves through the alignment table.
const (
	stepNone byte = iota
	stepDelete
	stepInsert
	stepPair
	stepSplit
	stepMerge
)

// alignRegion aligns old paragraphs [o0,o1) with new paragraphs [n0,n1),
// none of them identical to one across, by dynamic programming over a band
// around the diagonal: pairing paragraphs that share enough words, one
// paragraph split in two or two merged into one, and the rest deleted or
// inserted.
func (w *wordDiffer) alignRegion(o0, o1, n0, n1 int) {
	k, l := o1-o0, n1-n0
	if k == 0 || l == 0 {
		for i := o0; i < o1; i++ {
			w.blocks = append(w.blocks, alignBlock{i, i + 1, n0, n0, RowDeleted})
		}
		for j := n0; j < n1; j++ {
			w.blocks = append(w.blocks, alignBlock{o1, o1, j, j + 1, RowInserted})
		}
		return
	}
	cutParagraphs(w.a, w.aPara, w.aTok, o0, o1)
	cutParagraphs(w.b, w.bPara, w.bTok, n0, n1)
	if k == 1 && l == 1 {
		// One paragraph between unchanged ones on both sides: the same
		// paragraph however much it was rewritten.
		w.blocks = append(w.blocks, alignBlock{o0, o1, n0, n1, RowModified})
		return
	}
	oldWords := func(i int) []rune { return w.words(w.a, w.aTok, w.aWords, o0+i) }
	newWords := func(j int) []rune { return w.words(w.b, w.bTok, w.bWords, n0+j) }
	if k == l && diagonalHolds(k, oldWords, newWords) {
		// As many paragraphs on each side, each much like the one across
		// (a copy edit touching every paragraph): they pair in order, which
		// is what the search below would find, without searching the band.
		for i := 0; i < k; i++ {
			w.blocks = append(w.blocks, alignBlock{o0 + i, o0 + i + 1, n0 + i, n0 + i + 1, RowModified})
		}
		return
	}

	band := max(bandMin, max(k-l, l-k)+8)
	if (k+1)*(2*band+1) > maxCells {
		band = max(bandMin, maxCells/(k+1)/2)
	}
	lo := func(i int) int { return max(0, i*l/k-band) }
	hi := func(i int) int { return min(l, i*l/k+band) }
	base := make([]int, k+2)
	for i := 0; i <= k; i++ {
		base[i+1] = base[i] + hi(i) - lo(i) + 1
	}
	const none = math.MinInt32 / 2
	score := make([]int32, base[k+1])
	step := make([]byte, base[k+1])
	at := func(i, j int) int {
		if i < 0 || j < lo(i) || j > hi(i) {
			return -1
		}
		return base[i] + j - lo(i)
	}
	get := func(i, j int) int32 {
		if c := at(i, j); c >= 0 {
			return score[c]
		}
		return none
	}
	common := make([]int32, base[k+1])
	for c := range common {
		common[c] = -1
	}
	commonAt := func(i, j int) int {
		c := at(i+1, j+1)
		if c >= 0 && common[c] >= 0 {
			return int(common[c])
		}
		n := commonCount(oldWords(i), newWords(j))
		if c >= 0 {
			common[c] = int32(n)
		}
		return n
	}
	pairScore := func(i, j int) int32 {
		sim := paragraphSimilarity(len(oldWords(i)), len(newWords(j)), commonAt(i, j))
		if sim < pairThreshold {
			return none
		}
		return int32(sim - pairThreshold + 1)
	}
	// splitScore scores one paragraph (one) against two on the other side
	// (two, two+1), each of which must mostly come from it.
	splitScore := func(one []rune, p1, p2 []rune, c1, c2 int) int32 {
		if len(p1) == 0 || len(p2) == 0 || 2*c1 < len(p1) || 2*c2 < len(p2) {
			return none
		}
		sim := 2000 * min(c1+c2, len(one)) / (len(one) + len(p1) + len(p2))
		if sim < pairThreshold {
			return none
		}
		return int32(sim - pairThreshold + 1)
	}
	for i := 0; i <= k; i++ {
		for j := lo(i); j <= hi(i); j++ {
			c := at(i, j)
			if i == 0 && j == 0 {
				continue
			}
			best, how := int32(none), stepNone
			try := func(s int32, st byte) {
				if s > best {
					best, how = s, st
				}
			}
			if i > 0 && j > 0 {
				if prev := get(i-1, j-1); prev > none {
					if s := pairScore(i-1, j-1); s > none {
						try(prev+s, stepPair)
					}
				}
			}
			if i > 0 && j > 1 {
				if prev := get(i-1, j-2); prev > none {
					if s := splitScore(oldWords(i-1), newWords(j-2), newWords(j-1), commonAt(i-1, j-2), commonAt(i-1, j-1)); s > none {
						try(prev+s, stepSplit)
					}
				}
			}
			if i > 1 && j > 0 {
				if prev := get(i-2, j-1); prev > none {
					if s := splitScore(newWords(j-1), oldWords(i-2), oldWords(i-1), commonAt(i-2, j-1), commonAt(i-1, j-1)); s > none {
						try(prev+s, stepMerge)
					}
				}
			}
			if j > 0 {
				if prev := get(i, j-1); prev > none {
					try(prev, stepInsert)
				}
			}
			if i > 0 {
				if prev := get(i-1, j); prev > none {
					try(prev, stepDelete)
				}
			}
			score[c], step[c] = best, how
		}
	}
	var rev []alignBlock
	for i, j := k, l; i > 0 || j > 0; {
		c := at(i, j)
		switch step[c] {
		case stepPair:
			rev = append(rev, alignBlock{o0 + i - 1, o0 + i, n0 + j - 1, n0 + j, RowModified})
			i, j = i-1, j-1
		case stepSplit:
			rev = append(rev, alignBlock{o0 + i - 1, o0 + i, n0 + j - 2, n0 + j, RowSplit})
			i, j = i-1, j-2
		case stepMerge:
			rev = append(rev, alignBlock{o0 + i - 2, o0 + i, n0 + j - 1, n0 + j, RowMerged})
			i, j = i-2, j-1
		case stepInsert:
			rev = append(rev, alignBlock{o0 + i, o0 + i, n0 + j - 1, n0 + j, RowInserted})
			j--
		default:
			rev = append(rev, alignBlock{o0 + i - 1, o0 + i, n0 + j, n0 + j, RowDeleted})
			i--
		}
	}
	slices.Reverse(rev)
	w.blocks = append(w.blocks, rev...)
}

// diffBlock diffs one block word by word and appends its pieces to segs.
func (w *wordDiffer) diffBlock(bi int, blk alignBlock) {
	oldSpan := editor.Span{Start: w.aPara[blk.o0], End: w.aPara[blk.o1]}
	newSpan := editor.Span{Start: w.bPara[blk.n0], End: w.bPara[blk.n1]}
	if blk.kind == RowUnchanged || oldSpan.Empty() || newSpan.Empty() {
		change := 0
		if blk.kind == RowUnchanged {
			change = -1
		}
		w.segs = append(w.segs, diffSeg{oldSpan, newSpan, change, bi})
		return
	}
	alo, ahi := w.aTok[blk.o0][0], w.aTok[blk.o1-1][1]
	blo, bhi := w.bTok[blk.n0][0], w.bTok[blk.n1-1][1]
	w.a.lo, w.a.hi, w.b.lo, w.b.hi = alo, ahi, blo, bhi
	ops := w.tokenOps(alo, ahi, blo, bhi)
	ps := w.clean.clean(w.clean.pieces(ops, alo, blo))
	pa, pb := oldSpan.Start, newSpan.Start
	for _, p := range ps {
		s := diffSeg{editor.Span{Start: pa, End: pa + len(w.a.bytesOf(p.os, p.os+p.o))}, editor.Span{Start: pb, End: pb + len(w.b.bytesOf(p.ns, p.ns+p.n))}, 0, bi}
		pa, pb = s.Old.End, s.New.End
		if p.eq || s.Old.In(w.a.text) == s.New.In(w.b.text) {
			// A merge can, rarely, turn a change back into identical text.
			s.change = -1
		}
		w.segs = append(w.segs, s)
	}
}

// tokenOps diffs old tokens [alo,ahi) with new tokens [blo,bhi). Large
// blocks are first matched sentence by sentence and only the sentences
// that differ are diffed word by word.
func (w *wordDiffer) tokenOps(alo, ahi, blo, bhi int) []editOp {
	if (ahi-alo)+(bhi-blo) < sentenceAnchorMin {
		return w.plainTokenOps(alo, ahi, blo, bhi)
	}
	sa, sb := sentenceStarts(w.a, alo, ahi), sentenceStarts(w.b, blo, bhi)
	sm := newTokenMap(maxRune, len(sa)+len(sb))
	ra, rb := make([]rune, len(sa)-1), make([]rune, len(sb)-1)
	for i := range ra {
		ra[i] = sm.id(w.a.bytesOf(sa[i], sa[i+1]))
	}
	for j := range rb {
		rb[j] = sm.id(w.b.bytesOf(sb[j], sb[j+1]))
	}
	sops := diffRunes(ra, rb)
	if sm.overflow {
		sops = verifyEqual(sops, func(i, j int) bool {
			return w.a.bytesOf(sa[i], sa[i+1]) == w.b.bytesOf(sb[j], sb[j+1])
		})
	}
	var ops []editOp
	add := func(more ...editOp) {
		for _, o := range more {
			if k := len(ops) - 1; k >= 0 && ops[k].op == o.op {
				ops[k].n += o.n
			} else if o.n > 0 {
				ops = append(ops, o)
			}
		}
	}
	i, j, ri, rj := 0, 0, 0, 0
	flush := func() {
		if ri < i || rj < j {
			add(w.plainTokenOps(sa[ri], sa[i], sb[rj], sb[j])...)
		}
	}
	for _, o := range sops {
		switch o.op {
		case diffmatchpatch.DiffEqual:
			flush()
			add(editOp{diffmatchpatch.DiffEqual, sa[i+o.n] - sa[i]})
			i += o.n
			j += o.n
			ri, rj = i, j
		case diffmatchpatch.DiffDelete:
			i += o.n
		case diffmatchpatch.DiffInsert:
			j += o.n
		}
	}
	flush()
	return ops
}

func (w *wordDiffer) plainTokenOps(alo, ahi, blo, bhi int) []editOp {
	ops := diffRunes(w.a.ids[alo:ahi], w.b.ids[blo:bhi])
	if w.tm.overflow {
		ops = verifyEqual(ops, func(i, j int) bool { return w.clean.same(alo+i, blo+j) })
	}
	return ops
}

// sentenceStarts cuts tokens [lo,hi) into sentences: each runs to a full
// stop, question or exclamation mark and the space after it, or to a line
// break. The result starts with lo and ends with hi.
func sentenceStarts(t *tokenText, lo, hi int) []int {
	out := []int{lo}
	for k := lo; k < hi; k++ {
		end := t.kinds[k] == kindNewline
		if !end && t.kinds[k] == kindSpace && k > lo && t.kinds[k-1] == kindPunct {
			switch t.tok(k - 1) {
			case ".", "!", "?", "…":
				end = true
			}
		}
		if end && k+1 < hi {
			out = append(out, k+1)
		}
	}
	return append(out, hi)
}

// dropAddedNewlines takes the \n added to both texts back off the pieces.
// Usually it ends the last unchanged run; when the texts end differently a
// piece is split so the line break before the last paragraph becomes part
// of the change to that paragraph.
func (w *wordDiffer) dropAddedNewlines() {
	last := func(old bool) int {
		for i := len(w.segs) - 1; i >= 0; i-- {
			s := w.segs[i]
			if old && s.Old.End == w.realOld+1 && !s.Old.Empty() || !old && s.New.End == w.realNew+1 && !s.New.Empty() {
				return i
			}
		}
		return -1
	}
	ia, ib := last(true), last(false)
	if ia == ib && w.segs[ia].change < 0 {
		w.segs[ia].Old.End--
		w.segs[ia].New.End--
	} else {
		for _, old := range []bool{true, false} {
			i := last(old)
			s := w.segs[i]
			if s.change >= 0 {
				if old {
					w.segs[i].Old.End--
				} else {
					w.segs[i].New.End--
				}
				continue
			}
			// An unchanged run loses its last byte on one side only: the
			// other side's line break becomes a change of its own, given to
			// the block after it when there is one.
			keep := diffSeg{editor.Span{Start: s.Old.Start, End: s.Old.End - 1}, editor.Span{Start: s.New.Start, End: s.New.End - 1}, -1, s.block}
			cut := diffSeg{editor.Span{Start: s.Old.End - 1, End: s.Old.End - 1}, editor.Span{Start: s.New.End - 1, End: s.New.End}, 0, min(s.block+1, len(w.blocks)-1)}
			if !old {
				cut.Old, cut.New = editor.Span{Start: s.Old.End - 1, End: s.Old.End}, editor.Span{Start: s.New.End - 1, End: s.New.End - 1}
			}
			w.segs = slices.Replace(w.segs, i, i+1, keep, cut)
		}
	}
	// Empty spans after the dropped byte move back onto the end.
	clamp := func(sp *editor.Span, n int) {
		sp.Start, sp.End = min(sp.Start, n), min(sp.End, n)
	}
	out := w.segs[:0]
	for _, s := range w.segs {
		clamp(&s.Old, w.realOld)
		clamp(&s.New, w.realNew)
		if s.Old.Empty() && s.New.Empty() {
			continue
		}
		if k := len(out) - 1; k >= 0 && s.change >= 0 && out[k].change >= 0 && out[k].block == s.block {
			out[k].Old.End, out[k].New.End = s.Old.End, s.New.End
			continue
		}
		out = append(out, s)
	}
	w.segs = out
}

// build numbers the changes, finds moves and fills in d.
func (w *wordDiffer) build(d *Diff) {
	old, new := w.a.text[:w.realOld], w.b.text[:w.realNew]
	// Each change piece starts as its own change; a move joins two.
	owner := make([]int, len(w.segs))
	for i, s := range w.segs {
		owner[i] = -1
		if s.change >= 0 {
			owner[i] = i
		}
	}
	moves := w.findMoves(old, new)
	for del, ins := range moves {
		owner[ins] = del
	}
	final := make(map[int]int)
	for i := range w.segs {
		o := owner[i]
		if o < 0 {
			w.segs[i].change = -1
			continue
		}
		idx, ok := final[o]
		if !ok {
			idx = len(d.Changes)
			final[o] = idx
			d.Changes = append(d.Changes, Change{Index: idx})
		}
		w.segs[i].change = idx
		s := w.segs[i]
		c := &d.Changes[idx]
		if ins, isMove := moves[o]; isMove {
			di, ii := w.segs[o], w.segs[ins]
			*c = Change{Index: idx, Kind: ChangeMove, Old: di.Old, New: ii.New,
				OldText: di.Old.In(old), NewText: ii.New.In(new), MovedTo: ii.Old.Start, MovedFrom: di.New.Start}
			continue
		}
		if o != i {
			continue
		}
		*c = Change{Index: idx, Old: s.Old, New: s.New, OldText: s.Old.In(old), NewText: s.New.In(new)}
		c.classify()
	}
	d.segs = w.segs
	d.Rows = w.rows(d)
}

// findMoves pairs deletions with insertions elsewhere of (nearly) the same
// words, keyed by the deletion's piece index.
func (w *wordDiffer) findMoves(old, new string) map[int]int {
	type cand struct {
		seg   int
		words []rune
	}
	var dels, inss []cand
	for i, s := range w.segs {
		if s.change < 0 || !s.Old.Empty() && !s.New.Empty() {
			continue
		}
		text := s.Old.In(old) + s.New.In(new)
		ws := moveWords(text, w.tm)
		if len(ws) < moveMinWords {
			continue
		}
		if s.New.Empty() {
			dels = append(dels, cand{i, ws})
		} else {
			inss = append(inss, cand{i, ws})
		}
	}
	if len(dels) == 0 || len(inss) == 0 {
		return nil
	}
	// Longest first, so the moves that matter most are found when there
	// are too many candidates to compare.
	byLen := func(x, y cand) int { return len(y.words) - len(x.words) }
	slices.SortStableFunc(dels, byLen)
	slices.SortStableFunc(inss, byLen)
	dels = dels[:min(len(dels), moveMaxCandidates)]
	inss = inss[:min(len(inss), moveMaxCandidates)]
	type pair struct{ del, ins, score int }
	var pairs []pair
	for _, dc := range dels {
		for _, ic := range inss {
			if max(dc.seg-ic.seg, ic.seg-dc.seg) == 1 {
				continue // side by side: a replacement, not a move
			}
			shorter, longer := min(len(dc.words), len(ic.words)), max(len(dc.words), len(ic.words))
			if 2000*shorter/(shorter+longer) < moveThreshold {
				continue
			}
			sim := 2000 * commonCount(dc.words, ic.words) / (len(dc.words) + len(ic.words))
			if sim >= moveThreshold {
				pairs = append(pairs, pair{dc.seg, ic.seg, sim})
			}
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool {
		if pairs[i].score != pairs[j].score {
			return pairs[i].score > pairs[j].score
		}
		if pairs[i].del != pairs[j].del {
			return pairs[i].del < pairs[j].del
		}
		return pairs[i].ins < pairs[j].ins
	})
	moves := make(map[int]int)
	used := make(map[int]bool)
	for _, p := range pairs {
		if used[p.del] || used[p.ins] {
			continue
		}
		used[p.del], used[p.ins] = true, true
		moves[p.del] = p.ins
	}
	return moves
}

// moveWords returns the sorted token ids of the words of text.
func moveWords(text string, m *tokenMap) []rune {
	var ws []rune
	for i := 0; i < len(text); {
		j, kind := nextDiffToken(text, i)
		if kind == kindWord {
			ws = append(ws, m.id(text[i:j]))
		}
		i = j
	}
	slices.Sort(ws)
	return ws
}

// rows turns the blocks into the rows of a side-by-side view.
func (w *wordDiffer) rows(d *Diff) []Row {
	rows := make([]Row, len(w.blocks))
	for i, blk := range w.blocks {
		r := &rows[i]
		r.Kind = blk.kind
		for p := blk.o0; p < blk.o1; p++ {
			r.Old = append(r.Old, p)
		}
		for p := blk.n0; p < blk.n1; p++ {
			r.New = append(r.New, p)
		}
	}
	for _, s := range w.segs {
		if s.change < 0 {
			continue
		}
		r := &rows[s.block]
		if !slices.Contains(r.Changes, s.change) {
			r.Changes = append(r.Changes, s.change)
		}
	}
	for i := range rows {
		r := &rows[i]
		switch {
		case len(r.Changes) == 0 && r.Kind == RowModified:
			r.Kind = RowUnchanged
		case len(r.Changes) > 0 && r.Kind == RowUnchanged:
			r.Kind = RowModified
		case len(r.Changes) == 1 && (r.Kind == RowDeleted || r.Kind == RowInserted) &&
			d.Changes[r.Changes[0]].Kind == ChangeMove:
			r.Kind = RowMoved
		}
	}
	return rows
}
