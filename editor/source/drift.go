package source

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"copydesk/editor"
	"copydesk/editor/quote"
)

// Alignment thresholds. A draft sentence is compared with a source passage
// only when they share at least minShared content words and the shared
// words carry at least minCoverage of the weight (rarer words weigh more)
// of the draft sentence's content words or of the passage's.
const (
	minShared   = 2
	minCoverage = 0.5
	// closeEdit: when this share of both wordings lines up word for word,
	// the sentence is the source sentence edited, and figures, names and
	// dates it adds or drops count as changes; in a looser paraphrase only
	// a figure or name put in place of another counts.
	closeEdit = 0.6
	// closeSource: a draft sentence restating this share of a source
	// sentence's words is an edit of it, however much it adds.
	closeSource = 0.7
	// maxHunk bounds the runs of changed words read as one substitution.
	maxHunk = 8
	// scopeWords is how far after a negation cue its scope reaches.
	scopeWords = 3
)

// driftToken is a word of a draft sentence or source passage with what
// the drift checks need to know about it.
type driftToken struct {
	srcWord
	key     string // what word comparison uses: stem, or a number's value
	name    bool   // a capitalised name
	inQuote bool   // inside a direct quotation (draft only)
	sent    int    // which sentence of the passage (source only)
}

// passage is a draft sentence's closest source wording: one or two
// sentences of one source.
type passage struct {
	src   int
	sents []int // indexes into Index.sents, in source order
	// bound is the weight of the draft's content stems the passage has:
	// no alignment with it can score more.
	bound float64
}

// driftFinding is one meaning change found in a sentence.
type driftFinding struct {
	check   string
	span    editor.Span
	message string
	detail  string // the condition left out, for a condition finding
}

// driftSeverity is how much a paraphrase finding matters. A reversed
// negation, a changed figure, name or certainty is a likely error: a
// warning. Added content is often legitimate (background the reporter
// knows, a detail from a source not attached), so it is information to
// check, not an error.
func driftSeverity(check string) editor.Severity {
	if check == editor.CheckDriftContent {
		return editor.Info
	}
	return editor.Warning
}

// Drift compares each sentence of d with its closest source passage and
// returns every meaning change found, sorted.
func (ix *Index) Drift(d *quote.Document) []editor.Finding {
	if ix == nil || len(ix.sents) == 0 {
		return nil
	}
	var quoteSpans spanLookup
	for _, q := range d.Quotes {
		if q.Direct {
			quoteSpans.add(q.Span)
		}
	}
	headline := editor.Span{Start: -1, End: -1}
	if len(d.Paragraphs) > 0 {
		headline = d.Paragraphs[0]
	}
	var out []editor.Finding
	var sc candidateScratch
	for _, s := range d.Sentences {
		isHed := headline.Contains(s)
		toks := draftTokens(d.Text, s, quoteSpans.overlapping(s), isHed)
		seen := map[string]bool{}
		// A sentence may restate two passages (a paraphrase merging
		// sentences further apart than one pair): after the best one, the
		// words it left unexplained are lined up again.
		for pass := 0; pass < 2; pass++ {
			cands := ix.candidatePassages(toks, &sc)
			if pass > 0 {
				cands = singles(cands)
			}
			a, ok := ix.align(toks, cands, &sc)
			if !ok {
				break
			}
			label := ix.sources[a.p.src].Label()
			related := &editor.Related{Text: ix.passageText(a.p), File: label}
			for _, f := range ix.compareSentence(toks, a, label, isHed, endsWithStop(s.In(d.Text))) {
				if !seen[f.check] {
					seen[f.check] = true
					out = append(out, editor.Finding{Check: f.check, Severity: driftSeverity(f.check), Span: f.span, Message: f.message, Related: related})
				}
			}
			toks = maskMatched(toks, a)
			if countContent(toks) < 3 {
				break
			}
		}
	}
	editor.SortFindings(out)
	return out
}

// alignScore rates an alignment for choosing between passages: the
// weights of the content words lined up, full for a word in the same form
// and in a phrase of three words or more shared in a row, less for a word
// that only shares its stem or stands alone.
func alignScore(ix *Index, d, s []driftToken, pairs [][2]int) float64 {
	score := 0.0
	var seen []string
	for k, pr := range pairs {
		t := d[pr[0]]
		if !isContent(t.norm) || slices.Contains(seen, t.key) {
			continue
		}
		seen = append(seen, t.key)
		w := ix.idf(stemWord(t.norm))
		if t.norm != s[pr[1]].norm {
			w *= 0.7
		}
		run := 1
		for m := k - 1; m >= 0 && pairs[m][0] == pairs[m+1][0]-1 && pairs[m][1] == pairs[m+1][1]-1; m-- {
			run++
		}
		for m := k + 1; m < len(pairs) && pairs[m][0] == pairs[m-1][0]+1 && pairs[m][1] == pairs[m-1][1]+1; m++ {
			run++
		}
		if run < 3 {
			w *= 0.85
		}
		score += w
	}
	return score
}

// bothRestated reports whether each sentence of a two-sentence passage
// has at least minShared content words lined up: a sentence that only
// lends a word is not restated.
func bothRestated(d, s []driftToken, pairs [][2]int) bool {
	var n [2]int
	for _, pr := range pairs {
		if isContent(d[pr[0]].norm) {
			n[s[pr[1]].sent]++
		}
	}
	return n[0] >= minShared && n[1] >= minShared
}

// sharedPhrase reports whether the alignment holds a phrase of at least
// four words in a row on both sides with two content words in it ("be
// finished by spring"): restated wording even inside a long sentence.
func sharedPhrase(d []driftToken, pairs [][2]int) bool {
	run, content := 0, 0
	for k, pr := range pairs {
		if k > 0 && pr[0] == pairs[k-1][0]+1 && pr[1] == pairs[k-1][1]+1 {
			run++
		} else {
			run, content = 1, 0
		}
		if isContent(d[pr[0]].norm) {
			content++
		}
		if run >= 4 && content >= 2 {
			return true
		}
	}
	return false
}

func countContent(toks []driftToken) int {
	n := 0
	for _, t := range toks {
		if isContent(t.norm) {
			n++
		}
	}
	return n
}

// singles keeps the one-sentence passages.
func singles(ps []passage) []passage {
	out := ps[:0:0]
	for _, p := range ps {
		if len(p.sents) == 1 {
			out = append(out, p)
		}
	}
	return out
}

// endsWithStop reports whether s ends in . ! or ?, perhaps followed by
// closing quotation marks or a parenthesis.
func endsWithStop(s string) bool {
	s = strings.TrimRight(s, " \n\"'”’)")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?")
}

// maskMatched returns toks with the words a lined up blanked out, so
// they neither find nor match another passage.
func maskMatched(toks []driftToken, a alignment) []driftToken {
	out := append([]driftToken(nil), toks...)
	for _, pr := range a.pairs {
		out[pr[0]].norm = ""
		out[pr[0]].key = "\x00" + strconv.Itoa(pr[0])
		out[pr[0]].name = false
	}
	return out
}

// DriftBetween compares one sentence with one source passage directly,
// without alignment, and returns the meaning changes found. Spans are
// offsets into sentence. It is the core of Drift, exposed for tools that
// already know which passage a sentence restates.
func DriftBetween(source, sentence string) []editor.Finding {
	return driftBetween(source, sentence, "the source")
}

// driftBetween is DriftBetween with the name the messages give the
// source.
func driftBetween(source, sentence, label string) []editor.Finding {
	ix := NewIndex([]Text{{Text: source}})
	if len(ix.sents) == 0 {
		return nil
	}
	p := passage{src: 0}
	for i := range ix.sents {
		p.sents = append(p.sents, i)
	}
	toks := draftTokens(sentence, editor.Span{Start: 0, End: len(sentence)}, nil, false)
	s := ix.passageTokens(p)
	dw := make([]srcWord, len(toks))
	for i, t := range toks {
		dw[i] = srcWord{t.span, t.key}
	}
	sw := make([]srcWord, len(s))
	for i, t := range s {
		sw[i] = srcWord{t.span, t.key}
	}
	a := alignment{p: p, s: s, pairs: lcsWords(dw, sw, func(x, y srcWord) bool { return x.norm == y.norm })}
	var out []editor.Finding
	for _, f := range ix.compareSentence(toks, a, label, false, endsWithStop(sentence)) {
		out = append(out, editor.Finding{Check: f.check, Severity: driftSeverity(f.check), Span: f.span, Message: f.message,
			Related: &editor.Related{Text: source}})
	}
	editor.SortFindings(out)
	return out
}

// spanLookup finds the spans, added in order of start, that overlap a
// span, in time logarithmic in their number: a sentence of a long article
// is read against the few quotations around it, not all of them.
type spanLookup struct {
	spans  []editor.Span
	maxEnd []int // maxEnd[i] is the largest End of spans[:i+1]
}

func (l *spanLookup) add(s editor.Span) {
	end := s.End
	if n := len(l.maxEnd); n > 0 {
		end = max(end, l.maxEnd[n-1])
	}
	l.spans = append(l.spans, s)
	l.maxEnd = append(l.maxEnd, end)
}

// overlapping returns the spans that share a byte with s or touch it: a
// superset of those that can contain a word of s.
func (l *spanLookup) overlapping(s editor.Span) []editor.Span {
	lo, _ := slices.BinarySearch(l.maxEnd, s.Start)
	hi := sort.Search(len(l.spans), func(i int) bool { return l.spans[i].Start > s.End })
	if lo >= hi {
		return nil
	}
	return l.spans[lo:hi]
}

// draftTokens reads the words of sentence s of text. In a headline every
// word is capitalised, so none is taken for a name.
func draftTokens(text string, s editor.Span, quotes []editor.Span, headline bool) []driftToken {
	ws := splitWords(text[s.Start:s.End])
	toks := make([]driftToken, len(ws))
	for i, w := range ws {
		w.span.Start += s.Start
		w.span.End += s.Start
		t := driftToken{srcWord: w}
		for _, q := range quotes {
			if q.Contains(w.span) {
				t.inQuote = true
				break
			}
		}
		t.name = !headline && i > 0 && isNameWord(text, w.span)
		toks[i] = t
	}
	setKeys(toks)
	return toks
}

// isNameWord reports whether the word at sp is capitalised as a name is:
// an initial capital, not a function word, not right after an opening
// quotation mark or a colon (where any word is capitalised).
func isNameWord(text string, sp editor.Span) bool {
	r, _ := utf8.DecodeRuneInString(text[sp.Start:])
	if !unicode.IsUpper(r) {
		return false
	}
	w := foldWord(sp.In(text))
	if (stopWords[w] && !isAllCaps(sp.In(text))) || dateWords[w] || w == "i" || w == "i'm" {
		return false
	}
	if _, _, ok := numberValue(w); ok {
		return false
	}
	before := strings.TrimRight(text[max(0, sp.Start-4):sp.Start], " ")
	if before != "" {
		last, _ := utf8.DecodeLastRuneInString(before)
		switch last {
		case '"', '“', '‘', ':', '(', '—', '–', '.', '!', '?':
			return false
		}
	}
	return true
}

// setKeys fills in comparison keys: numbers compare by value, other words
// by stem.
func setKeys(toks []driftToken) {
	for i := range toks {
		w := toks[i].norm
		if v, ord, ok := numberValue(w); ok {
			toks[i].key = numKey(v, ord)
			continue
		}
		toks[i].key = stemWord(w)
	}
}

// numKey is the comparison key of a number. Ordinals share it with
// cardinals: "6th" and "sixth" and "6" are one figure.
func numKey(v float64, _ bool) string {
	return "#" + strconv.FormatFloat(v, 'f', -1, 64)
}

// candidatePassages returns the source passages a draft sentence may
// restate, best first by shared weighted content words: the few best
// single sentences and, for each, the pair it makes with a nearby sentence
// that brings in more of the draft's words (a paraphrase may merge two).
func (ix *Index) candidatePassages(toks []driftToken, sc *candidateScratch) []passage {
	total := 0.0
	var weights []stemWeight
	for _, t := range toks {
		if !isContent(t.norm) {
			continue
		}
		k := stemWord(t.norm)
		if slices.ContainsFunc(weights, func(sw stemWeight) bool { return sw.stem == k }) {
			continue
		}
		w := ix.idf(k)
		weights = append(weights, stemWeight{k, w})
		total += w
	}
	if len(weights) == 0 || total == 0 {
		return nil
	}
	// A short sentence with fewer content words than minShared may still
	// restate a source sentence token for token ("This was not a good
	// idea."); its candidates are the sentences sharing a content word,
	// and align keeps one only if the tokens line up almost all the way.
	short := len(toks) <= maxShortTokens
	// Words in very many source sentences cannot tell them apart and would
	// make long sources slow: they rank candidates only when the sentence
	// has no rarer word, and then by their first occurrences.
	rare := 0
	for _, sw := range weights {
		if len(ix.bySent[sw.stem]) <= commonDF {
			rare++
		}
	}
	type cand struct {
		sent   int
		score  float64
		shared int
	}
	sc.grow(len(ix.sents))
	for _, sw := range weights {
		refs, w := ix.bySent[sw.stem], sw.weight
		if len(refs) > commonDF {
			if rare > 0 {
				continue
			}
			refs = refs[:commonDF]
		}
		for _, si := range refs {
			if sc.shared[si] == 0 {
				sc.touched = append(sc.touched, si)
			}
			sc.score[si] += w
			sc.shared[si]++
		}
	}
	cands := make([]*cand, 0, 16)
	if len(weights) < minShared && !short {
		sc.reset()
		return nil
	}
	for _, si := range sc.touched {
		if int(sc.shared[si]) >= minShared || short {
			cands = append(cands, &cand{sent: int(si), score: sc.score[si], shared: int(sc.shared[si])})
		}
	}
	sc.reset()
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score > cands[j].score
		}
		return cands[i].sent < cands[j].sent
	})
	var out []passage
	for bi, best := range cands[:min(len(cands), maxCandidates)] {
		p := passage{src: ix.sents[best.sent].src, sents: []int{best.sent}, bound: best.score}
		out = append(out, p)
		if bi >= maxPaired {
			continue
		}
		covered, n := ix.sharedWeight(weights, p)
		for _, c := range cands[:min(len(cands), 8)] {
			if c == cands[bi] || ix.sents[c.sent].src != p.src || max(c.sent-best.sent, best.sent-c.sent) > 4 {
				continue
			}
			two := passage{src: p.src, sents: []int{best.sent, c.sent}}
			if c.sent < best.sent {
				two.sents = []int{c.sent, best.sent}
			}
			// The second sentence must bring in words of its own.
			if w, n2 := ix.sharedWeight(weights, two); w-covered >= 0.15*total || n2-n >= minShared {
				two.bound = w
				out = append(out, two)
				break
			}
		}
	}
	return out
}

// stemWeight is a content stem of a draft sentence and its weight.
type stemWeight struct {
	stem   string
	weight float64
}

// commonDF is the number of source sentences past which a word is too
// common to find candidates by.
const commonDF = 32

// candidateScratch accumulates candidate scores per source sentence; one
// is reused across the sentences of a draft.
type candidateScratch struct {
	score   []float64
	shared  []int32
	touched []int32
	lcs     []int32 // table reused by align
}

func (sc *candidateScratch) grow(n int) {
	if len(sc.score) < n {
		sc.score = make([]float64, n)
		sc.shared = make([]int32, n)
	}
}

func (sc *candidateScratch) reset() {
	for _, si := range sc.touched {
		sc.score[si], sc.shared[si] = 0, 0
	}
	sc.touched = sc.touched[:0]
}

// maxCandidates is how many single source sentences are tried per draft
// sentence.
const maxCandidates = 4

// maxPaired is how many of them are also tried paired with a neighbour.
const maxPaired = 3

// alignment is a draft sentence lined up word for word with a passage.
type alignment struct {
	p      passage
	s      []driftToken
	pairs  [][2]int
	weight float64 // alignScore of the lined-up words
}

// align lines d up with each candidate passage and returns the best, if
// it is close enough: at least minShared content words lined up in order,
// carrying minCoverage of the weight of the draft's or of the passage's
// content words, or four content words or more.
func (ix *Index) align(d []driftToken, cands []passage, sc *candidateScratch) (alignment, bool) {
	var seen []string
	weightOf := func(toks []driftToken, idx func(int) int, n int) (float64, int) {
		seen = seen[:0]
		sum := 0.0
		for k := 0; k < n; k++ {
			t := toks[idx(k)]
			if isContent(t.norm) && !slices.Contains(seen, t.key) {
				seen = append(seen, t.key)
				sum += ix.idf(stemWord(t.norm))
			}
		}
		return sum, len(seen)
	}
	self := func(k int) int { return k }
	dWeight, _ := weightOf(d, self, len(d))
	var best alignment
	found := false
	cands = slices.Clone(cands)
	slices.SortStableFunc(cands, func(a, b passage) int { return cmp.Compare(b.bound, a.bound) })
	for _, p := range cands {
		if found && p.bound < best.weight {
			break // no later passage can line up better
		}
		s := ix.passageTokens(p)
		if len(p.sents) == 2 {
			s = orderForDraft(d, s)
		}
		pairs := lcsPairs(len(d), len(s), func(i, j int) bool { return d[i].key == s[j].key }, &sc.lcs)
		w, n := weightOf(d, func(k int) int { return pairs[k][0] }, len(pairs))
		sWeight, _ := weightOf(s, self, len(s))
		if !tokenForToken(d, s, pairs) && (n < minShared || !(n >= 4 || w >= minCoverage*dWeight || w >= minCoverage*sWeight || sharedPhrase(d, pairs))) {
			continue
		}
		if len(p.sents) == 2 && !bothRestated(d, s, pairs) {
			continue
		}
		score := alignScore(ix, d, s, pairs)
		if !found || score > best.weight {
			best, found = alignment{p: p, s: s, pairs: pairs, weight: score}, true
		}
	}
	return best, found
}

// maxShortTokens is the longest sentence, in words, that the token-for-
// token rule lines up with a source sentence whatever its count of shared
// content words.
const maxShortTokens = 20

// tokenForToken reports whether a draft sentence lines up with a source
// sentence almost word for word, function words included: at most three
// words differ and two in three are shared. Such a sentence restates the
// source whatever its count of content words ("This was not a bad idea."
// for "This was not a good idea.").
func tokenForToken(d, s []driftToken, pairs [][2]int) bool {
	longer := max(len(d), len(s))
	return len(d) >= 4 && len(s) >= 4 && longer-len(pairs) <= 3 && 3*len(pairs) >= 2*longer
}

// sharedWeight sums the weights of the draft's content stems that occur in
// the passage, and counts them.
func (ix *Index) sharedWeight(weights []stemWeight, p passage) (float64, int) {
	sum, n := 0.0, 0
	for _, sw := range weights {
		k, w := sw.stem, sw.weight
		for _, si := range p.sents {
			stems := ix.sents[si].stems
			if i := sort.SearchStrings(stems, k); i < len(stems) && stems[i] == k {
				sum += w
				n++
				break
			}
		}
	}
	return sum, n
}

// passageText returns the passage's sentences as they stand in the source.
func (ix *Index) passageText(p passage) string {
	text := ix.sources[p.src].Text
	parts := make([]string, 0, len(p.sents))
	for _, si := range p.sents {
		parts = append(parts, ix.sents[si].span.In(text))
	}
	return strings.Join(parts, " … ")
}

// passageTokens returns the passage's words with what the drift checks
// need to know about them, read once when the sources were indexed.
func (ix *Index) passageTokens(p passage) []driftToken {
	if len(p.sents) == 1 {
		s := ix.sents[p.sents[0]]
		return ix.tokens[s.src][s.lo:s.hi:s.hi]
	}
	var toks []driftToken
	for k, si := range p.sents {
		s := ix.sents[si]
		for _, t := range ix.tokens[s.src][s.lo:s.hi] {
			t.sent = k
			toks = append(toks, t)
		}
	}
	return toks
}

// sourceTokens reads the drift tokens of a source's words: a capitalised
// word is a name unless it starts its sentence (then only when in
// capitals, as speaker labels are).
func sourceTokens(text string, ws []srcWord, sents []sourceSentence) []driftToken {
	toks := make([]driftToken, len(ws))
	starts := make(map[int]bool, len(sents))
	for _, s := range sents {
		starts[s.lo] = true
	}
	for i, w := range ws {
		toks[i] = driftToken{srcWord: w}
		toks[i].name = isNameWord(text, w.span) && (!starts[i] || isAllCaps(w.span.In(text)))
	}
	setKeys(toks)
	return toks
}

func isAllCaps(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 2
}

// hunk is a run of changed words: draft tokens [dLo, dHi) stand where the
// passage has [sLo, sHi). before and after say whether words the two
// wordings share come right before and after it.
type hunk struct {
	dLo, dHi, sLo, sHi int
	before, after      bool
}

// hunkEdge is how many words at each end of a long run of changes are
// read against each other: in a loose paraphrase only the words next to
// the shared ones correspond.
const hunkEdge = 3

// appendHunk appends h, or for a long run its edges next to shared words.
func appendHunk(hs []hunk, h hunk) []hunk {
	if h.dHi-h.dLo <= maxHunk && h.sHi-h.sLo <= maxHunk {
		return append(hs, h)
	}
	if h.before {
		hs = append(hs, hunk{dLo: h.dLo, dHi: min(h.dHi, h.dLo+hunkEdge), sLo: h.sLo, sHi: min(h.sHi, h.sLo+hunkEdge), before: true})
	}
	if h.after {
		hs = append(hs, hunk{dLo: max(h.dLo, h.dHi-hunkEdge), dHi: h.dHi, sLo: max(h.sLo, h.sHi-hunkEdge), sHi: h.sHi, after: true})
	}
	return hs
}

// compareSentence reports the meaning changes between a draft sentence
// and the passage it is lined up with.
func (ix *Index) compareSentence(d []driftToken, a alignment, label string, headline, fullStop bool) []driftFinding {
	c := ix.comparison(d, a, label, headline, fullStop)
	if c == nil {
		return nil
	}
	var out []driftFinding
	for _, f := range []func() (driftFinding, bool){c.negation, c.number, c.entity, c.certainty} {
		if df, ok := f(); ok {
			out = append(out, df)
		}
	}
	if df, ok := c.condition(c.sLast); ok {
		if k := slices.IndexFunc(out, func(f driftFinding) bool { return f.check == editor.CheckDriftCertainty }); k >= 0 {
			out[k].message = strings.TrimSuffix(out[k].message, ".") + fmt.Sprintf("; it also drops the condition %q.", df.detail)
		} else {
			out = append(out, df)
		}
	}
	taken := make([]editor.Span, len(out))
	for k, f := range out {
		taken[k] = f.span
	}
	if df, ok := c.content(taken); ok {
		out = append(out, df)
	}
	return out
}

// comparison lines up a draft sentence with its passage word for word and
// splits the differences into hunks; nil when nothing lines up.
func (ix *Index) comparison(d []driftToken, a alignment, label string, headline, fullStop bool) *sentenceComparison {
	s, pairs := a.s, a.pairs
	if len(pairs) == 0 {
		return nil
	}
	dMatch := make([]bool, len(d))
	sMatch := make([]bool, len(s))
	for _, pr := range pairs {
		dMatch[pr[0]] = true
		sMatch[pr[1]] = true
	}
	// Closely edited: most of both wordings line up, or nearly all of a
	// one-sentence passage is restated.
	closeEd := float64(len(pairs)) >= closeEdit*float64(max(len(d), len(s))) ||
		len(a.p.sents) == 1 && float64(len(pairs)) >= closeSource*float64(len(s))
	// The passage words outside the first and last matched word are not
	// restated, except negation and hedge words just before the first.
	sFirst, sLast := pairs[0][1], pairs[len(pairs)-1][1]
	// (When the draft sentence starts on the shared word, only a cue that
	// opens the passage sentence counts: otherwise the draft sentence
	// may just start later than the source's.)
	for k := 0; k < 2 && sFirst > 0; k++ {
		opens := sFirst-1 == 0 || s[sFirst-2].sent != s[sFirst-1].sent
		if pairs[0][0] == 0 && !opens {
			break
		}
		w := s[sFirst-1].norm
		if !isNegation(w, s[sFirst].norm) && !hedges[w] && !partialScope[w] && !approximators[w] {
			break
		}
		sFirst--
	}
	// The passage words outside the first and last shared word count as
	// changed only within the sentence of that word: they may correspond
	// to the draft's first or last words ("not fat" for "not thin").
	sStart := sFirst
	for sStart > 0 && s[sStart-1].sent == s[sFirst].sent {
		sStart--
	}
	sEnd := sLast + 1
	for sEnd < len(s) && s[sEnd].sent == s[sLast].sent {
		sEnd++
	}
	if pairs[0][0] == 0 {
		sStart = sFirst
	}
	var hunks []hunk
	i, j := 0, sStart
	for k, pr := range pairs {
		if pr[0] > i || pr[1] > j {
			hunks = appendHunk(hunks, hunk{dLo: i, dHi: pr[0], sLo: j, sHi: pr[1], before: k > 0, after: true})
		}
		i, j = pr[0]+1, pr[1]+1
	}
	if i < len(d) || j < sEnd {
		hunks = appendHunk(hunks, hunk{dLo: i, dHi: len(d), sLo: j, sHi: sEnd, before: true})
	}
	// Drop the changes inside direct quotations: the quote checks own them.
	kept := hunks[:0]
	for _, h := range hunks {
		if !allInQuote(d, h) {
			kept = append(kept, h)
		}
	}
	hunks = kept

	return &sentenceComparison{d: d, s: s, dMatch: dMatch, sMatch: sMatch, hunks: hunks, close: closeEd, label: label, ix: ix,
		headline: headline, fullStop: fullStop, pairs: pairs, sStart: sStart, sEnd: sEnd, sLast: sLast}
}

// allInQuote reports whether the draft side of h lies inside a direct
// quotation (an empty side: whether the words around it do).
func allInQuote(d []driftToken, h hunk) bool {
	if h.dLo == h.dHi {
		return h.dLo > 0 && h.dLo < len(d) && d[h.dLo-1].inQuote && d[h.dLo].inQuote
	}
	for _, t := range d[h.dLo:h.dHi] {
		if !t.inQuote {
			return false
		}
	}
	return true
}

// orderForDraft puts the passage's second sentence first when the draft
// restates it first.
func orderForDraft(d []driftToken, s []driftToken) []driftToken {
	first := func(sent int) int {
		for i, t := range d {
			for _, u := range s {
				if u.sent == sent && isContent(t.norm) && u.key == t.key {
					return i
				}
			}
		}
		return len(d)
	}
	if first(1) >= first(0) {
		return s
	}
	out := make([]driftToken, 0, len(s))
	for _, u := range s {
		if u.sent == 1 {
			out = append(out, u)
		}
	}
	for _, u := range s {
		if u.sent == 0 {
			out = append(out, u)
		}
	}
	return out
}

// sentenceComparison holds a draft sentence lined up with its passage.
type sentenceComparison struct {
	d, s           []driftToken
	dMatch, sMatch []bool
	hunks          []hunk
	close          bool
	label          string
	ix             *Index
	// headline: headlines drop "about" and "some" by convention, so
	// approximations and scope are not compared there.
	headline bool
	// fullStop: the draft sentence ends in a full stop (or ! or ?), so it
	// was not cut short where the source sentence goes on.
	fullStop bool
	pairs    [][2]int
	// sStart, sEnd bound the passage words the sentence restates; sLast
	// is the last passage word lined up.
	sStart, sEnd, sLast int
}

// spanOf returns the draft span a hunk concerns: its draft words, or the
// word after the place where passage words were left out.
func (c *sentenceComparison) spanOf(h hunk) editor.Span {
	if h.dLo < h.dHi {
		return editor.Span{Start: c.d[h.dLo].span.Start, End: c.d[h.dHi-1].span.End}
	}
	k := min(h.dLo, len(c.d)-1)
	if h.dLo > 0 && h.dLo == len(c.d) {
		k = h.dLo - 1
	}
	return c.d[k].span
}

func (c *sentenceComparison) dText(lo, hi int) string {
	return joinTokens(c.d[lo:hi])
}

func (c *sentenceComparison) sText(lo, hi int) string {
	return joinTokens(c.s[lo:hi])
}

func joinTokens(ts []driftToken) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = t.norm
	}
	return strings.Join(parts, " ")
}

// scoped reports whether a negation cue at i governs words that the two
// wordings share or that were swapped for opposites.
func scoped(toks []driftToken, matched []bool, i int, opp map[int]bool) bool {
	for k := i + 1; k <= i+scopeWords && k < len(toks); k++ {
		if matched[k] || opp[k] {
			return true
		}
	}
	// "n't" and a cue ending the clause govern what comes before.
	return i > 0 && (matched[i-1] && (strings.HasSuffix(toks[i].norm, "n't") || i == len(toks)-1))
}

// negation counts negations added or dropped and opposites swapped in;
// an odd count reverses the sentence.
func (c *sentenceComparison) negation() (driftFinding, bool) {
	dOpp, sOpp := map[int]bool{}, map[int]bool{}
	var pairs [][2]int
	for _, h := range c.hunks {
		if h.dHi-h.dLo > maxHunk || h.sHi-h.sLo > maxHunk {
			continue
		}
		for i := h.dLo; i < h.dHi; i++ {
			if dOpp[i] {
				continue
			}
			for j := h.sLo; j < h.sHi; j++ {
				if !sOpp[j] && opposite(c.d[i].norm, c.s[j].norm) {
					dOpp[i], sOpp[j] = true, true
					pairs = append(pairs, [2]int{i, j})
					break
				}
			}
		}
	}
	var added, dropped []int
	var addedH, droppedH []hunk
	for _, h := range c.hunks {
		for i := h.dLo; i < h.dHi; i++ {
			if isNegation(c.d[i].norm, nextNorm(c.d, i)) && !isTag(c.d, i) && scoped(c.d, c.dMatch, i, dOpp) {
				added = append(added, i)
				addedH = append(addedH, h)
			}
		}
		for j := h.sLo; j < h.sHi; j++ {
			if isNegation(c.s[j].norm, nextNorm(c.s, j)) && !isTag(c.s, j) && scoped(c.s, c.sMatch, j, sOpp) {
				dropped = append(dropped, j)
				droppedH = append(droppedH, h)
			}
		}
	}
	if (len(added)+len(dropped)+len(pairs))%2 == 0 {
		return driftFinding{}, false
	}
	f := driftFinding{check: editor.CheckDriftNegation}
	switch {
	case len(pairs) > 0 && len(added)+len(dropped) == 0:
		i, j := pairs[0][0], pairs[0][1]
		f.span = c.d[i].span
		f.message = fmt.Sprintf("%q where %s has %q: this reverses the source; check the meaning.", c.d[i].norm, c.label, c.s[j].norm)
	case len(added) > 0:
		f.span = c.d[added[0]].span
		f.message = fmt.Sprintf("%q is not in %s here: the negation reverses the source; check the meaning.", c.d[added[0]].norm, c.label)
	default:
		f.span = c.spanOf(droppedH[0])
		f.message = fmt.Sprintf("%s has %q here and this sentence does not: dropping the negation reverses the source; check the meaning.", upperFirst(c.label), c.sText(dropped[0], min(dropped[0]+scopeWords+1, len(c.s))))
	}
	return f, true
}

// isTag reports whether the negation cue at i opens a question tag
// ("..., isn't it?"), which asks rather than negates.
func isTag(toks []driftToken, i int) bool {
	if i+2 != len(toks) || !strings.HasSuffix(toks[i].norm, "n't") {
		return false
	}
	switch toks[i+1].norm {
	case "it", "you", "he", "she", "they", "we", "i", "there", "that", "this":
		return true
	}
	return false
}

func nextNorm(toks []driftToken, i int) string {
	if i+1 < len(toks) {
		return toks[i+1].norm
	}
	return ""
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// figure is a number in a wording, made of the tokens [lo, hi).
type figure struct {
	lo, hi int
	key    string
}

// pluralFigure reads "5s" or "1990s" as its number.
func pluralFigure(w string) (string, bool) {
	n := strings.TrimSuffix(w, "s")
	if n == w || n == "" || strings.Trim(n, "0123456789") != "" {
		return "", false
	}
	return n, true
}

// figures reads the numbers and dates of a wording: "48 million", "three",
// "70 percent", "2019", "Tuesday". Words that fold several tokens into one
// value ("48 million") make one figure.
func figures(toks []driftToken) []figure {
	var out []figure
	for i := 0; i < len(toks); i++ {
		w := toks[i].norm
		if dateWords[w] {
			out = append(out, figure{i, i + 1, "date:" + w})
			continue
		}
		if m, ok := monthAbbreviations[w]; ok {
			out = append(out, figure{i, i + 1, "date:" + m}) // "Jan." is "January"
			continue
		}
		suffix := ""
		if p, ok := pluralFigure(w); ok {
			w, suffix = p, "s" // "par 5s", "the 1990s"
		}
		v, ord, ok := numberValue(w)
		if !ok || (w == "one" || w == "half") && !nextIsUnit(toks, i) {
			continue
		}
		j := i + 1
		// twenty five, 48 million, 2.3 billion
		if v >= 20 && v < 100 && !ord && j < len(toks) {
			if u, o, ok := numberValue(toks[j].norm); ok && !o && u < 10 && u >= 1 {
				v += u
				j++
			}
		}
		for j < len(toks) {
			m, ok := multipliers[toks[j].norm]
			if !ok {
				break
			}
			v *= m
			j++
		}
		unit := suffix
		switch {
		case j < len(toks) && toks[j].norm == "percent":
			unit += "%"
			j++
		case j+1 < len(toks) && toks[j].norm == "percentage" && strings.HasPrefix(toks[j+1].norm, "point"):
			unit += "pp" // percentage points are not percent
			j += 2
		}
		out = append(out, figure{i, j, numKey(v, ord) + unit})
		i = j - 1
	}
	return out
}

func nextIsUnit(toks []driftToken, i int) bool {
	if i+1 >= len(toks) {
		return false
	}
	n := toks[i+1].norm
	_, m := multipliers[n]
	return m || n == "percent"
}

// changedFigure looks for a figure of one wording missing from the other
// inside a hunk; in a loose paraphrase the hunk must also hold a figure of
// the other wording, so that one was put in place of the other.
func (c *sentenceComparison) changedFigure(dFig, sFig []figure, what string) (driftFinding, bool) {
	// Figures are counted, so a figure changed to one the sentence states
	// elsewhere ("45 percent … and 45 percent" where the source has 42
	// and 45) is still a change; a name repeated is the same name.
	dKeys, sKeys := keyCounts(dFig), keyCounts(sFig)
	if what == "name" {
		dKeys, sKeys = keyPresence(dFig), keyPresence(sFig)
	}
	in := func(f figure, lo, hi int) bool { return f.lo < hi && f.hi > lo }
	for _, h := range c.hunks {
		small := h.dHi-h.dLo <= maxHunk && h.sHi-h.sLo <= maxHunk
		var newD, oldS *figure
		for k := range dFig {
			if in(dFig[k], h.dLo, h.dHi) && dKeys[dFig[k].key] > sKeys[dFig[k].key] {
				newD = &dFig[k]
				break
			}
		}
		for k := range sFig {
			if in(sFig[k], h.sLo, h.sHi) && sKeys[sFig[k].key] > dKeys[sFig[k].key] {
				oldS = &sFig[k]
				break
			}
		}
		switch {
		case newD != nil && oldS != nil && small:
			return driftFinding{span: editor.Span{Start: c.d[newD.lo].span.Start, End: c.d[newD.hi-1].span.End},
				message: fmt.Sprintf("%q where %s has %q; check the %s.", c.dText(newD.lo, newD.hi), c.label, c.sText(oldS.lo, oldS.hi), what)}, true
		case !c.close || !small:
			// An addition counts only in a closely edited sentence, next to
			// shared words.
			continue
		case newD != nil && !c.inSources(newD):
			// Figures and names left out are usually trimming; one put in
			// that no source gives is a claim to check.
			return driftFinding{span: editor.Span{Start: c.d[newD.lo].span.Start, End: c.d[newD.hi-1].span.End},
				message: fmt.Sprintf("%q is in none of the sources, though the rest of the sentence restates %s; check the %s.", c.dText(newD.lo, newD.hi), c.label, what)}, true
		}
	}
	return driftFinding{}, false
}

// inSources reports whether any source has the figure's first word (or
// the number it stands for).
func (c *sentenceComparison) inSources(f *figure) bool {
	if c.ix == nil {
		return false
	}
	t := c.d[f.lo]
	if c.ix.at[t.norm] != nil {
		return true
	}
	// A first name or title added to a name the sources have ("Tom" in
	// "Tom Reyes") names the same person.
	for _, k := range []int{f.lo - 1, f.hi} {
		if k >= 0 && k < len(c.d) && c.d[k].name && c.ix.at[c.d[k].norm] != nil {
			return true
		}
	}
	return strings.HasPrefix(t.key, "#") && c.ix.numbers[t.key]
}

// keyCounts counts the figures of each value.
func keyCounts(fs []figure) map[string]int {
	m := make(map[string]int, len(fs))
	for _, f := range fs {
		m[f.key]++
	}
	return m
}

// keyPresence marks the values present, each once.
func keyPresence(fs []figure) map[string]int {
	m := make(map[string]int, len(fs))
	for _, f := range fs {
		m[f.key] = 1
	}
	return m
}

func (c *sentenceComparison) number() (driftFinding, bool) {
	f, ok := c.changedFigure(figures(c.d), figures(c.s), "figure")
	f.check = editor.CheckDriftNumber
	return f, ok
}

// nameFigures reads the capitalised names of a wording, one figure per run.
func nameFigures(toks []driftToken) []figure {
	var out []figure
	for i := 0; i < len(toks); i++ {
		if !toks[i].name {
			continue
		}
		j := i + 1
		for j < len(toks) && toks[j].name {
			j++
		}
		for k := i; k < j; k++ {
			if len(toks[k].norm) > 1 { // an initial is too little to compare
				out = append(out, figure{k, k + 1, toks[k].norm})
			}
		}
		i = j - 1
	}
	return out
}

func (c *sentenceComparison) entity() (driftFinding, bool) {
	dn, sn := nameFigures(c.d), nameFigures(c.s)
	// A name the other side has in any case ("REYES", "Reyes") is the same
	// name.
	if len(dn) == 0 && len(sn) == 0 {
		return driftFinding{}, false
	}
	dn = filterFigures(dn, c.s)
	sn = filterFigures(sn, c.d)
	f, ok := c.changedFigure(dn, sn, "name")
	f.check = editor.CheckDriftEntity
	return f, ok
}

// filterFigures drops the names that other has, in any case.
func filterFigures(fs []figure, other []driftToken) []figure {
	out := fs[:0]
	for _, f := range fs {
		if !slices.ContainsFunc(other, func(t driftToken) bool { return t.norm == f.key }) {
			out = append(out, f)
		}
	}
	return out
}

// certainty compares hedges, certainties, approximations and scope words
// in each change.
func (c *sentenceComparison) certainty() (driftFinding, bool) {
	for _, h := range c.hunks {
		if h.dHi-h.dLo > maxHunk || h.sHi-h.sLo > maxHunk {
			continue
		}
		dh, dc := c.findIn(c.d, h.dLo, h.dHi, hedges), c.findIn(c.d, h.dLo, h.dHi, certainties)
		sh, sc := c.findIn(c.s, h.sLo, h.sHi, hedges), c.findIn(c.s, h.sLo, h.sHi, certainties)
		switch {
		case sh >= 0 && dh < 0 && (dc >= 0 || h.sHi-h.sLo <= 2):
			return c.certaintyFinding(h, dc, sh, "more certain than"), true
		case sc >= 0 && dh >= 0 && sh < 0:
			return c.certaintyFinding(h, dh, sc, "less certain than"), true
		}
		if c.headline {
			continue
		}
		// Scope: some -> all, or all -> some.
		dp, df := c.findIn(c.d, h.dLo, h.dHi, partialScope), c.findIn(c.d, h.dLo, h.dHi, fullScope)
		sp, sf := c.findIn(c.s, h.sLo, h.sHi, partialScope), c.findIn(c.s, h.sLo, h.sHi, fullScope)
		switch {
		case sp >= 0 && df >= 0 && dp < 0:
			return c.certaintyFinding(h, df, sp, "broader than"), true
		case sf >= 0 && dp >= 0 && df < 0:
			return c.certaintyFinding(h, dp, sf, "narrower than"), true
		}
		// Approximation: "about 30" -> "30", or the reverse.
		if a := c.approximation(c.s, c.sMatch, h.sLo, h.sHi); a >= 0 && c.approximation(c.d, c.dMatch, h.dLo, h.dHi) < 0 {
			return driftFinding{check: editor.CheckDriftCertainty, span: c.spanOf(h),
				message: fmt.Sprintf("%s gives this figure as %q; the sentence states it as exact.", upperFirst(c.label), c.sText(a, min(a+2, len(c.s))))}, true
		}
		if a := c.approximation(c.d, c.dMatch, h.dLo, h.dHi); a >= 0 && c.approximation(c.s, c.sMatch, h.sLo, h.sHi) < 0 {
			return driftFinding{check: editor.CheckDriftCertainty, span: c.d[a].span,
				message: fmt.Sprintf("%q is not in %s, which gives the figure as exact.", c.d[a].norm, c.label)}, true
		}
	}
	return driftFinding{}, false
}

// approximation returns the index of an approximating word in [lo, hi)
// whose number the two wordings share, or -1.
func (c *sentenceComparison) approximation(toks []driftToken, matched []bool, lo, hi int) int {
	for i := lo; i < hi; i++ {
		if !approximators[toks[i].norm] || i+1 >= len(toks) || !matched[i+1] {
			continue
		}
		if _, _, ok := numberValue(toks[i+1].norm); ok {
			return i
		}
	}
	return -1
}

func (c *sentenceComparison) findIn(toks []driftToken, lo, hi int, set map[string]bool) int {
	for i := lo; i < hi; i++ {
		if set[toks[i].norm] {
			return i
		}
	}
	return -1
}

func (c *sentenceComparison) certaintyFinding(h hunk, di, si int, how string) driftFinding {
	f := driftFinding{check: editor.CheckDriftCertainty, span: c.spanOf(h)}
	if di >= 0 {
		f.span = c.d[di].span
		f.message = fmt.Sprintf("%q where %s has %q: the sentence is %s the source; check the wording.", c.d[di].norm, c.label, c.s[si].norm, how)
	} else {
		f.message = fmt.Sprintf("%s says %q here: without it the sentence is %s the source; check the wording.", upperFirst(c.label), c.s[si].norm, how)
	}
	return f
}

// condition reports a condition of the passage ("if the weather holds")
// that the draft sentence leaves out, when the sentence restates the
// clause the condition qualifies.
func (c *sentenceComparison) condition(sLast int) (driftFinding, bool) {
	for _, t := range c.d {
		if conditionals[t.norm] {
			return driftFinding{}, false
		}
	}
	for j, t := range c.s {
		if !conditionals[t.norm] || c.sMatch[j] {
			continue
		}
		// The clause the condition qualifies: the passage sentence's words
		// before it (or after it, for a leading condition) must be restated.
		matched, unmatched := 0, 0
		for k := range c.s {
			if c.s[k].sent != t.sent || k == j {
				continue
			}
			if c.sMatch[k] && isContent(c.s[k].norm) {
				matched++
			}
		}
		end := j + 1
		for end < len(c.s) && c.s[end].sent == t.sent && end-j <= 8 && !(end > j+1 && c.s[end].norm == "then") {
			if c.sMatch[end] && isContent(c.s[end].norm) {
				break
			}
			if !c.sMatch[end] {
				unmatched++
			}
			end++
		}
		if matched < 2 || unmatched < 2 {
			continue
		}
		// A condition after the last shared word counts only when the
		// draft sentence goes on without it: otherwise the draft sentence
		// may simply end where the source's goes on.
		if j > sLast && c.dMatch[len(c.d)-1] && !c.fullStop {
			continue
		}
		// Anchor the finding on the last draft word matched before the
		// condition's place.
		at := -1
		for k := j - 1; k >= 0; k-- {
			if c.sMatch[k] {
				at = k
				break
			}
		}
		span := c.d[len(c.d)-1].span
		if at >= 0 {
			for i := range c.d {
				if c.dMatch[i] && c.d[i].key == c.s[at].key {
					span = c.d[i].span
				}
			}
		}
		return driftFinding{check: editor.CheckDriftCertainty, span: span, detail: c.sText(j, end),
			message: fmt.Sprintf("%s says this only %q; the sentence drops the condition.", upperFirst(c.label), c.sText(j, end))}, true
	}
	return driftFinding{}, false
}
