package source

import (
	"sort"
	"strings"
	"unicode/utf8"

	"copydesk/editor"
)

// Status is what checking a quotation against the sources found.
type Status string

// Quote statuses on the quote sheet. They are stored: never change them.
const (
	// Verbatim: the words are in a source, allowing for typography,
	// bracketed insertions and marked omissions.
	Verbatim Status = "verbatim"
	// Misquoted: a source has nearly the same words.
	Misquoted Status = "misquoted"
	// Unverified: no source has words like these.
	Unverified Status = "unverified"
	// NoSources: the story has no sources to check against.
	NoSources Status = "no-sources"
)

// Match is where a quotation was found in the sources.
type Match struct {
	Status Status
	// Source indexes the sources given to NewIndex; -1 when the
	// quotation was not found.
	Source int
	// Span is the matching passage in that source's text, and Passage its
	// words.
	Span    editor.Span
	Passage string
	// Similarity is the share of the quotation's words that line up with
	// the passage: 1 for a verbatim quotation.
	Similarity float64
}

// Limits of the quote matcher.
const (
	// ellipsisGap is how many source words a marked omission may stand for.
	ellipsisGap = 80
	// bracketGap is how many source words an insertion in brackets may
	// replace ("[Trump]" for "he").
	bracketGap = 8
	// misquoteSimilarity is the least similarity of a quotation of five
	// words or more to count as a misquote rather than unverified: a
	// one-word change in a five-word quote scores 0.8, unrelated words
	// sharing a name and a few common words score well under 0.5.
	misquoteSimilarity = 0.6
	// shortMisquoteSimilarity applies to quotations of three or four words.
	shortMisquoteSimilarity = 0.5
	// maxRefs skips words so common in the sources that they cannot place
	// a quotation.
	maxRefs = 400
)

// quoteFragment is a run of quoted words between marks of editing; gap is
// how many source words may lie between it and the previous fragment.
type quoteFragment struct {
	words []srcWord
	gap   int
}

// quoteFragments splits quoted text at ellipses and bracketed insertions.
func quoteFragments(q string) []quoteFragment {
	var frags []quoteFragment
	gap := 0
	start := 0
	flush := func(end, nextGap int) {
		if ws := splitWords(q[start:end]); len(ws) > 0 {
			for i := range ws {
				ws[i].span.Start += start
				ws[i].span.End += start
			}
			frags = append(frags, quoteFragment{words: ws, gap: gap})
			gap = 0
		}
		if nextGap > gap {
			gap = nextGap
		}
	}
	for i := 0; i < len(q); {
		switch {
		case strings.HasPrefix(q[i:], "…"):
			flush(i, ellipsisGap)
			i += len("…")
			start = i
		case strings.HasPrefix(q[i:], "..."):
			flush(i, ellipsisGap)
			for i < len(q) && (q[i] == '.' || q[i] == ' ') {
				i++
			}
			start = i
		case q[i] == '[':
			end := strings.IndexByte(q[i:], ']')
			if end < 0 {
				i++
				continue
			}
			flush(i, bracketGap)
			i += end + 1
			start = i
		default:
			_, n := utf8.DecodeRuneInString(q[i:])
			i += n
		}
	}
	flush(len(q), 0)
	return frags
}

// VerifyQuote looks quoted words up in the sources: verbatim, misquoted
// (nearly the same words somewhere) or unverified. With no sources it
// reports NoSources.
func (ix *Index) VerifyQuote(quote string) Match {
	none := Match{Status: Unverified, Source: -1}
	if ix == nil || len(ix.sources) == 0 {
		none.Status = NoSources
		return none
	}
	frags := quoteFragments(quote)
	n := 0
	for _, f := range frags {
		n += len(f.words)
	}
	if n == 0 {
		return none
	}
	if src, lo, hi, ok := ix.exact(frags); ok {
		return ix.match(Verbatim, src, lo, hi, 1)
	}
	src, lo, hi, cost := ix.approximate(frags, n)
	if src < 0 {
		return none
	}
	sim := 1 - float64(cost)/float64(n)
	switch {
	case n >= 5 && sim >= misquoteSimilarity,
		n >= 3 && n < 5 && sim >= shortMisquoteSimilarity && sharesContent(frags, ix.words[src][lo:hi]):
		return ix.match(Misquoted, src, lo, hi, sim)
	}
	return none
}

func (ix *Index) match(st Status, src, lo, hi int, sim float64) Match {
	ws := ix.words[src]
	sp := editor.Span{Start: ws[lo].span.Start, End: ws[hi-1].span.End}
	return Match{Status: st, Source: src, Span: sp, Passage: sp.In(ix.sources[src].Text), Similarity: sim}
}

// sharesContent reports whether a content word of the quotation occurs in
// the passage.
func sharesContent(frags []quoteFragment, passage []srcWord) bool {
	for _, f := range frags {
		for _, w := range f.words {
			if !isContent(w.norm) {
				continue
			}
			for _, p := range passage {
				if p.norm == w.norm {
					return true
				}
			}
		}
	}
	return false
}

// exact finds the fragments in order in one source, each within its gap of
// the one before, and returns the word range they cover.
func (ix *Index) exact(frags []quoteFragment) (src, lo, hi int, ok bool) {
	first := frags[0].words
	// Anchor on the fragment's rarest word.
	k, best := 0, -1
	for i, w := range first {
		if n := len(ix.at[w.norm]); best < 0 || n < best {
			k, best = i, n
		}
	}
	for _, ref := range ix.at[first[k].norm] {
		s, start := int(ref.src), int(ref.idx)-k
		ws := ix.words[s]
		if start < 0 || !wordsAt(ws, start, first) {
			continue
		}
		end := start + len(first)
		matched := true
		for _, f := range frags[1:] {
			found := -1
			for j := end; j <= end+f.gap && j+len(f.words) <= len(ws); j++ {
				if wordsAt(ws, j, f.words) {
					found = j
					break
				}
			}
			if found < 0 {
				matched = false
				break
			}
			end = found + len(f.words)
		}
		if matched {
			return s, start, end, true
		}
	}
	return 0, 0, 0, false
}

func wordsAt(ws []srcWord, at int, want []srcWord) bool {
	if at+len(want) > len(ws) {
		return false
	}
	for i, w := range want {
		if ws[at+i].norm != w.norm {
			return false
		}
	}
	return true
}

type diagonal struct {
	src, d int
	votes  int
}

// approximate finds the source passage closest to the quotation: source
// words shared with the quotation vote for an alignment (source position
// minus quotation position); the best few alignments are scored by a word
// edit distance in which the passage's ends are free and each marked
// omission may skip source words at no cost. It returns the source, the
// word range and the cost, or src -1.
func (ix *Index) approximate(frags []quoteFragment, n int) (src, lo, hi, cost int) {
	q, free, extra := alignInput(frags, n)
	content := 0
	for _, w := range q {
		if isContent(w) {
			content++
		}
	}
	votes := map[[2]int]int{}
	for i, w := range q {
		if content > 0 && !isContent(w) {
			continue
		}
		refs := ix.at[w]
		if len(refs) > maxRefs {
			continue
		}
		for _, r := range refs {
			votes[[2]int{int(r.src), int(r.idx) - i}]++
		}
	}
	if len(votes) == 0 {
		return -1, 0, 0, 0
	}
	// Pool votes of nearby alignments: an inserted or dropped word shifts
	// the alignment of the words after it.
	diags := make([]diagonal, 0, len(votes))
	for k, v := range votes {
		diags = append(diags, diagonal{k[0], k[1], v})
	}
	sort.Slice(diags, func(i, j int) bool {
		if diags[i].src != diags[j].src {
			return diags[i].src < diags[j].src
		}
		return diags[i].d < diags[j].d
	})
	pooled := make([]diagonal, len(diags))
	for i := range diags {
		p := diags[i]
		p.votes = 0
		for j := i; j >= 0 && diags[j].src == p.src && p.d-diags[j].d <= 3; j-- {
			p.votes += diags[j].votes
		}
		for j := i + 1; j < len(diags) && diags[j].src == p.src && diags[j].d-p.d <= 3; j++ {
			p.votes += diags[j].votes
		}
		pooled[i] = p
	}
	sort.SliceStable(pooled, func(i, j int) bool { return pooled[i].votes > pooled[j].votes })
	minVotes := (content*3 + 9) / 10 // 30% of the content words
	if content == 0 {
		minVotes = (n + 1) / 2
	}
	minVotes = max(minVotes, 1)
	src, cost = -1, n+1
	tried := 0
	var chosen []diagonal
	for _, p := range pooled {
		if tried == 4 || p.votes < minVotes {
			break
		}
		near := false
		for _, c := range chosen {
			if c.src == p.src && max(c.d-p.d, p.d-c.d) <= n/2+3 {
				near = true
				break
			}
		}
		if near {
			continue
		}
		chosen = append(chosen, p)
		tried++
		ws := ix.words[p.src]
		slack := n/3 + 3
		wlo := max(0, p.d-slack)
		whi := min(len(ws), p.d+n+slack+extra)
		if wlo >= whi {
			continue
		}
		c, a, b := alignQuote(q, free, ws[wlo:whi])
		if c < cost {
			src, lo, hi, cost = p.src, wlo+a, wlo+b, c
		}
	}
	if src < 0 || hi <= lo {
		return -1, 0, 0, 0
	}
	return src, lo, hi, cost
}

// alignInput flattens the n words of a quotation's fragments for
// alignQuote: the folded words, where marks of editing let source words be
// skipped (free[i]: after i quote words), and how many source words those
// marks may stand for in all.
func alignInput(frags []quoteFragment, n int) (q []string, free []bool, extra int) {
	q = make([]string, 0, n)
	free = make([]bool, n+1)
	for _, f := range frags {
		if len(q) > 0 && f.gap > 0 {
			free[len(q)] = true
			extra += f.gap
		}
		for _, w := range f.words {
			q = append(q, w.norm)
		}
	}
	return q, free, extra
}

// alignQuote computes the least word edit distance between q and any run
// of window (free ends), where after q[:i] with free[i] any number of
// window words may be skipped at no cost. It returns the cost and the run
// [lo, hi) of window that achieves it.
func alignQuote(q []string, free []bool, window []srcWord) (cost, lo, hi int) {
	m := len(window)
	prev := make([]int, m+1)
	cur := make([]int, m+1)
	prevStart := make([]int, m+1)
	curStart := make([]int, m+1)
	for j := 0; j <= m; j++ {
		prev[j], prevStart[j] = 0, j
	}
	for i := 1; i <= len(q); i++ {
		cur[0], curStart[0] = i, 0
		for j := 1; j <= m; j++ {
			sub := prev[j-1]
			if window[j-1].norm != q[i-1] {
				sub++
			}
			best, start := sub, prevStart[j-1]
			if v := prev[j] + 1; v < best { // quote word not in source
				best, start = v, prevStart[j]
			}
			if v := cur[j-1] + 1; v < best { // source word not in quote
				best, start = v, curStart[j-1]
			}
			cur[j], curStart[j] = best, start
		}
		if free[i] {
			for j := 1; j <= m; j++ {
				if cur[j-1] < cur[j] {
					cur[j], curStart[j] = cur[j-1], curStart[j-1]
				}
			}
		}
		prev, cur = cur, prev
		prevStart, curStart = curStart, prevStart
	}
	cost, hi = prev[0], 0
	for j := 1; j <= m; j++ {
		if prev[j] < cost {
			cost, hi = prev[j], j
		}
	}
	lo = prevStart[hi]
	// Trim unmatched source words at the ends of the run.
	return cost, lo, hi
}
