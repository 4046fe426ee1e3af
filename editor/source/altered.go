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
	words []srcWord
	key   string // the folded words joined: equal keys mean equal wording
}

func spokenQuotes(d *quote.Document) []revQuote {
	var out []revQuote
	for _, q := range d.Quotes {
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
		out = append(out, revQuote{q: q, words: ws, key: strings.Join(parts, " ")})
	}
	return out
}

// AlteredQuotes pairs the spoken quotations of cur with those of prev (by
// wording, speaker and order, not exact text) and reports each pair whose
// words differ. Typography (quotation-mark style, case, punctuation,
// spacing) is not wording; quotations added or removed are not reported.
func AlteredQuotes(prev, cur *quote.Document) []editor.Finding {
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
	var out []editor.Finding
	for _, pr := range pairs {
		if pUsed[pr.i] || cUsed[pr.j] {
			continue
		}
		pUsed[pr.i], cUsed[pr.j] = true, true
		p, c := pq[pr.i], cq[pr.j]
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
