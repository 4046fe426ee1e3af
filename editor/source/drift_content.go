package source

import (
	"fmt"
	"slices"
	"strings"

	"copydesk/editor"
)

// contentChange is what a draft sentence says that the passage it restates
// does not, and what of the passage it leaves out, in content words: the
// words that remain once function words, inflection, spelling and a few
// general synonyms are set aside.
type contentChange struct {
	// added indexes the draft's content words that no source has in any
	// form; dropped the passage's restated content words that the draft
	// has in no form.
	added, dropped []int
	// swaps counts the runs of changed words that put content words in
	// place of others.
	swaps int
	// longest is the longest run of added words with no shared word
	// between them, in content words: a new clause rather than a word.
	longest int
	// facts counts the added words that are names, figures or dates.
	facts int
}

// isFact reports whether a draft word names someone or something, or
// gives a figure or a date: the words a new fact is made of.
func isFact(t driftToken) bool {
	if t.name || dateWords[t.norm] {
		return true
	}
	_, _, ok := numberValue(t.norm)
	return ok
}

// contentWord reports whether folded word w carries content the
// content check compares: not a function word, a connective or a verb of
// saying.
func contentWord(w string) bool {
	return w != "" && isContent(w) && !connectives[w]
}

// contentChanges compares the content words of the draft sentence with
// those of its passage.
func (c *sentenceComparison) contentChanges() contentChange {
	var cc contentChange
	// Most sentences restate their passage word for word: nothing to do.
	open := false
	for i, t := range c.d {
		if !c.dMatch[i] && !t.inQuote && contentWord(t.norm) {
			open = true
			break
		}
	}
	if !open {
		return cc
	}
	// Sentences are short: the words are looked up in slices.
	var sWords, sKeys, dWords, dKeys []string
	for _, t := range c.s {
		if contentWord(t.norm) {
			sKeys = append(sKeys, t.key)
			sWords = append(sWords, t.norm)
		}
	}
	for _, t := range c.d {
		if contentWord(t.norm) {
			dKeys = append(dKeys, t.key)
			dWords = append(dWords, t.norm)
		}
	}
	isAdded := func(i int) bool {
		t := c.d[i]
		if c.dMatch[i] || t.inQuote || !contentWord(t.norm) || slices.Contains(sKeys, t.key) || c.sourcesHave(t) {
			return false
		}
		// A first name or title put before the surname the sources give
		// a speaker ("Tom" in "Tom Reyes" for "REYES:") names the same
		// person.
		if t.name && i+1 < len(c.d) && c.d[i+1].name && c.ix.isSurname(c.d[i+1].norm) {
			return false
		}
		return !echoedIn(t.norm, sWords)
	}
	isDropped := func(j int) bool {
		t := c.s[j]
		if c.sMatch[j] || !contentWord(t.norm) || slices.Contains(dKeys, t.key) {
			return false
		}
		return !echoedIn(t.norm, dWords)
	}
	// Walk the runs between lined-up words.
	i, j := 0, c.sStart
	run := func(dLo, dHi, sLo, sHi int) {
		var a, dr int
		for k := dLo; k < dHi; k++ {
			if isAdded(k) {
				cc.added = append(cc.added, k)
				a++
				if isFact(c.d[k]) {
					cc.facts++
				}
			}
		}
		for k := max(sLo, c.sStart); k < min(sHi, c.sEnd); k++ {
			if isDropped(k) {
				cc.dropped = append(cc.dropped, k)
				dr++
			}
		}
		if a > 0 && dr > 0 {
			cc.swaps++
		}
		cc.longest = max(cc.longest, a)
	}
	for _, pr := range c.pairs {
		if pr[0] > i || pr[1] > j {
			run(i, pr[0], j, pr[1])
		}
		i, j = pr[0]+1, max(j, pr[1]+1)
	}
	run(i, len(c.d), j, c.sEnd)
	return cc
}

// sourcesHave reports whether any source has the draft word in some
// inflection, or the number it stands for.
func (c *sentenceComparison) sourcesHave(t driftToken) bool {
	if c.ix == nil {
		return false
	}
	if strings.HasPrefix(t.key, "#") {
		return c.ix.numbers[t.key]
	}
	return c.ix.bySent[stemWord(t.norm)] != nil || c.ix.at[t.norm] != nil
}

// echoedIn reports whether w is one of words in another form: an
// inflection or derivation, a spelling variant or typo, or a listed
// synonym.
func echoedIn(w string, words []string) bool {
	for _, x := range words {
		if sameWordFamily(w, x) || contentSynonyms()[w][x] {
			return true
		}
	}
	return false
}

// sameWordFamily reports whether two folded words are one word in other
// forms: one a prefix of the other but for a letter or two ("Italy",
// "Italian"; "refer", "reference"), sharing most of a long stem
// ("severe", "severity"), or a letter or two apart by typing
// ("licence", "license"; "goverment", "government"). Numbers are
// compared by value elsewhere.
func sameWordFamily(a, b string) bool {
	if a == b {
		return true
	}
	if a == "" || b == "" || a[0] >= '0' && a[0] <= '9' || b[0] >= '0' && b[0] <= '9' {
		return false
	}
	n := min(len(a), len(b))
	p := 0
	for p < n && a[p] == b[p] {
		p++
	}
	if p >= 4 && p >= n-1 || p >= 5 && 4*p >= 3*n {
		return true
	}
	switch {
	case n >= 7:
		return typingDistance(a, b, 2) <= 2
	case n >= 5:
		return typingDistance(a, b, 1) <= 1
	}
	return false
}

// typingDistance returns the optimal string alignment distance between a
// and b (insertions, deletions, substitutions and swaps of neighbours,
// counted in bytes), or limit+1 when it is more than limit.
func typingDistance(a, b string, limit int) int {
	if max(len(a)-len(b), len(b)-len(a)) > limit {
		return limit + 1
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			best = min(best, cur[j])
		}
		if best > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// content reports content words the sentence adds to the passage it
// restates beyond what rewording explains: a name, figure or date no
// source gives, or several other content words. A rewording puts words in
// place of words, so when the sentence also leaves some of the passage's
// content out, one more added word is needed. Words another finding
// already covers (taken, a span each) are not counted again.
func (c *sentenceComparison) content(taken []editor.Span) (driftFinding, bool) {
	if c.headline {
		return driftFinding{}, false
	}
	cc := c.contentChanges()
	var added []int
	facts := 0
	for _, i := range cc.added {
		if slices.ContainsFunc(taken, func(sp editor.Span) bool { return sp.Overlaps(c.d[i].span) }) {
			continue
		}
		added = append(added, i)
		if isFact(c.d[i]) {
			facts++
		}
	}
	need := minAddedWords
	if len(cc.dropped) > 0 {
		need++
	}
	if len(added) == 0 || facts < minAddedFacts && len(added) < need {
		return driftFinding{}, false
	}
	var words []string
	for _, i := range added[:min(len(added), 3)] {
		words = append(words, fmt.Sprintf("%q", c.d[i].norm))
	}
	if len(added) > 3 {
		words = append(words, fmt.Sprintf("%d more", len(added)-3))
	}
	// The span: the first new fact and the added words right after it
	// ("$48 million"), else all the added words.
	lo, hi := added[0], added[len(added)-1]
	if facts > 0 {
		k := slices.IndexFunc(added, func(i int) bool { return isFact(c.d[i]) })
		lo, hi = added[k], added[k]
		for k+1 < len(added) && added[k+1] == hi+1 {
			k++
			hi = added[k]
		}
	}
	return driftFinding{check: editor.CheckDriftContent, span: editor.Span{Start: c.d[lo].span.Start, End: c.d[hi].span.End},
		message: fmt.Sprintf("This sentence adds what %s does not say (%s); check that it is sourced.", c.label, strings.Join(words, ", "))}, true
}

// Thresholds of the content check: an added name, figure or date is a
// new fact on its own; other content words count from two.
const (
	minAddedFacts = 1
	minAddedWords = 2
)

// isSurname reports whether the sources use folded word w alone for a
// person: in capitals, as in a speaker label ("REYES:"), or after a title
// ("Ms. Marsh").
func (ix *Index) isSurname(w string) bool {
	if ix == nil {
		return false
	}
	refs := ix.at[w]
	for _, r := range refs[:min(len(refs), 8)] {
		ws := ix.words[r.src]
		if isAllCaps(ws[r.idx].span.In(ix.sources[r.src].Text)) {
			return true
		}
		if r.idx > 0 {
			switch ws[r.idx-1].norm {
			case "mr", "ms", "mrs", "dr":
				return true
			}
		}
	}
	return false
}
