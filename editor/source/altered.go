package source

import (
	"fmt"
	"sort"
	"strings"

	"copydesk/editor"
	"copydesk/editor/quote"
)

// PreviousRevisionLabel is the Related.File of a quote.altered finding.
const PreviousRevisionLabel = "previous revision"

// Pairing thresholds: a quotation of the previous revision is taken to be
// the same quotation edited when this share of the words of the longer of
// the two line up, or a lower share when the speaker is the same.
const (
	alteredMinSimilarity        = 0.5
	alteredMinSimilaritySpeaker = 0.34
	// alteredReach bounds how far apart, in quotations, two revisions of
	// one quotation may be, so long stories stay fast.
	alteredReach = 25
)

type revQuote struct {
	q     quote.Quote
	at    int // index in Document.Quotes
	words []srcWord
	key   string // the folded words joined: equal keys mean equal wording
}

func spokenQuotes(d *quote.Document) []revQuote {
	var out []revQuote
	for qi, q := range d.Quotes {
		if !q.Direct || !q.Speech {
			continue
		}
		ws := splitWords(q.Text)
		if len(ws) == 0 {
			continue
		}
		parts := make([]string, len(ws))
		for i, w := range ws {
			parts[i] = w.norm
		}
		out = append(out, revQuote{q: q, at: qi, words: ws, key: strings.Join(parts, " ")})
	}
	return out
}

// AlteredQuotes pairs the spoken quotations of cur with those of prev (by
// wording, speaker and order, not exact text) and reports each pair whose
// words differ, unless the change brings the quotation closer to the
// sources in ix (see towardSource): restoring what the speaker said is a
// correction, not an alteration. vs are cur's verifications against ix
// (VerifyQuotes). Typography (quotation-mark style, case, punctuation,
// spacing) is not wording; quotations added or removed are not reported.
// With no sources (ix nil or empty) every changed pair is reported.
func (ix *Index) AlteredQuotes(prev, cur *quote.Document, vs []Verification) []editor.Finding {
	pq, cq := spokenQuotes(prev), spokenQuotes(cur)
	pUsed := make([]bool, len(pq))
	cUsed := make([]bool, len(cq))
	// Unchanged quotations pair first, in order.
	byKey := map[string][]int{}
	for i, p := range pq {
		byKey[p.key] = append(byKey[p.key], i)
	}
	for j, c := range cq {
		if l := byKey[c.key]; len(l) > 0 {
			pUsed[l[0]], cUsed[j] = true, true
			byKey[c.key] = l[1:]
		}
	}
	type pair struct {
		i, j  int
		score float64
	}
	var pairs []pair
	for j, c := range cq {
		if cUsed[j] {
			continue
		}
		for i := max(0, j-alteredReach); i < min(len(pq), j+alteredReach+1); i++ {
			if pUsed[i] {
				continue
			}
			p := pq[i]
			common := len(lcsWords(p.words, c.words, func(x, y srcWord) bool { return x.norm == y.norm }))
			sim := float64(common) / float64(max(len(p.words), len(c.words)))
			same := p.q.SpeakerName != "" && p.q.SpeakerName == c.q.SpeakerName
			if sim < alteredMinSimilarity && !(same && sim >= alteredMinSimilaritySpeaker) {
				continue
			}
			score := sim - 0.001*float64(max(i-j, j-i))
			if same {
				score += 0.2
			}
			pairs = append(pairs, pair{i, j, score})
		}
	}
	sort.SliceStable(pairs, func(a, b int) bool { return pairs[a].score > pairs[b].score })
	verified := make(map[int]Verification, len(vs))
	for _, v := range vs {
		verified[v.Quote] = v
	}
	var out []editor.Finding
	for _, pr := range pairs {
		if pUsed[pr.i] || cUsed[pr.j] {
			continue
		}
		pUsed[pr.i], cUsed[pr.j] = true, true
		p, c := pq[pr.i], cq[pr.j]
		if v, ok := verified[c.at]; ok && ix.towardSource(p.q.Text, c.q.Text, v) {
			continue
		}
		changes := CompareWords(p.q.Text, c.q.Text)
		out = append(out, editor.Finding{
			Check: editor.CheckAltered, Severity: editor.Warning, Span: c.q.Span,
			Message: fmt.Sprintf("This quotation changed since the previous revision (%s); a quotation is the speaker's words, so check the change against the source.",
				describeChanges(p.q.Text, c.q.Text, changes)),
			Related: &editor.Related{Text: p.q.Text, File: PreviousRevisionLabel, Span: p.q.Span},
		})
	}
	editor.SortFindings(out)
	return out
}

// towardSource reports whether changing a quotation from the wording old
// to the wording cur, whose verification is v, brings it closer to the
// sources. Distance is the matcher's word edit distance: words added,
// dropped or replaced, with typography and marked omissions free.
//
// The change is toward the source when cur is verbatim in a source, or
// when cur is strictly fewer edits from the passage it best matches than
// old is from the sources. Old's distance is the lesser of its distance to
// that passage and to its own best passage, so that a wording verbatim in
// one place is never traded unreported for a near miss of another. Edits
// are counted, not taken as a share of the words, so that quoting more of
// a passage around an uncorrected misquote is not a correction. An equal
// distance (one misquote for another), a cur no source bears out, or no
// sources at all leave the change reported.
func (ix *Index) towardSource(old, cur string, v Verification) bool {
	if v.Status == Verbatim {
		return true
	}
	if v.Status != Misquoted {
		return false
	}
	dCur := ix.distanceNear(cur, v.SourceIndex, v.Span)
	dOld := ix.distanceNear(old, v.SourceIndex, v.Span)
	if dCur >= dOld {
		return false
	}
	switch m := ix.VerifyQuote(old); m.Status {
	case Verbatim:
		return false
	case Misquoted:
		dOld = min(dOld, ix.distanceNear(old, m.Source, m.Span))
	}
	return dCur < dOld
}

// distanceNear returns the word edit distance between quoted words and the
// closest run of words of source src around the passage at sp (within the
// quotation's length of it), read as VerifyQuote reads a quotation.
func (ix *Index) distanceNear(quoted string, src int, sp editor.Span) int {
	frags := quoteFragments(quoted)
	n := 0
	for _, f := range frags {
		n += len(f.words)
	}
	q, free, extra := alignInput(frags, n)
	ws := ix.words[src]
	lo, hi := wordRange(ws, sp)
	reach := n + extra + 3
	cost, _, _ := alignQuote(q, free, ws[max(0, lo-reach):min(len(ws), hi+reach)])
	return cost
}
