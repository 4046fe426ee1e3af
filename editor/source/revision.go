package source

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"

	"copydesk/editor"
	"copydesk/editor/quote"
)

// FactChanges reports the facts that changed between the previous revision
// and this one outside quotation marks: a figure, amount or date, a name,
// a negation, a hedge where the claim was certain or the other way round.
// The two texts are lined up sentence by sentence; each run of changed
// sentences is read against the run it replaced, so a fact that moves
// within it, or a sentence split in two, raises nothing. Facts are
// compared by value ("3" is "three", a name in another case is the same
// name, "will" and "would" are equally certain), so rewording that keeps
// them raises nothing. Quotations are left to quote.altered.
func FactChanges(previous, current *quote.Document) []editor.Finding {
	if previous == nil || current == nil || !utf8.ValidString(previous.Text) || !utf8.ValidString(current.Text) {
		return nil // text is decoded to UTF-8 at import; anything else is not an article
	}
	blocks := changedBlocks(previous, current)
	if len(blocks) == 0 {
		return nil
	}
	prevQuotes, curQuotes := directQuotes(previous), directQuotes(current)
	names := midSentenceNames(previous.Text, current.Text)
	tokens := func(d *quote.Document, quotes []editor.Span, sents []int) []driftToken {
		var out []driftToken
		for _, i := range sents {
			s := d.Sentences[i]
			h := isHeadline(d, s)
			out = append(out, withInitialName(draftTokens(d.Text, s, quotes, h), names, h)...)
		}
		return out
	}
	var out []editor.Finding
	for _, b := range blocks {
		old := tokens(previous, prevQuotes, b.old)
		cur := tokens(current, curQuotes, b.cur)
		anchor := cur
		if len(cur) == 0 {
			// A pure deletion is reported on the sentence where it stood.
			if b.at < 0 {
				continue
			}
			anchor = tokens(current, curQuotes, []int{b.at})
		}
		var oldSpan editor.Span
		if len(b.old) > 0 {
			oldSpan = editor.Span{Start: previous.Sentences[b.old[0]].Start, End: previous.Sentences[b.old[len(b.old)-1]].End}
		}
		out = append(out, changedFacts(previous.Text, current.Text, old, cur, anchor, b.after, oldSpan)...)
	}
	editor.SortFindings(out)
	return out
}

func directQuotes(d *quote.Document) []editor.Span {
	var out []editor.Span
	for _, q := range d.Quotes {
		if q.Direct {
			out = append(out, q.Span)
		}
	}
	return out
}

// fact is one fact a sentence states: its kind, its value as compared and
// the tokens that state it.
type fact struct {
	kind, key string
	lo, hi    int
}

// Kinds of fact, as the messages name them.
const (
	factFigure    = "figure"
	factName      = "name"
	factNegation  = "negation"
	factCertainty = "hedge"
)

// sentenceFacts reads the facts of a sentence's tokens, leaving out those
// inside quotation marks.
func sentenceFacts(toks []driftToken) []fact {
	var out []fact
	add := func(kind string, fs []figure) {
		for _, f := range fs {
			if !toks[f.lo].inQuote {
				out = append(out, fact{kind, f.key, f.lo, f.hi})
			}
		}
	}
	add(factFigure, figures(toks))
	add(factName, nameFigures(toks))
	for i, t := range toks {
		if t.inQuote {
			continue
		}
		switch {
		case isNegation(t.norm, nextNorm(toks, i)):
			out = append(out, fact{factNegation, "not", i, i + 1})
		case hedges[t.norm]:
			out = append(out, fact{factCertainty, keyHedge, i, i + 1})
		case certainties[t.norm]:
			out = append(out, fact{factCertainty, keyCertain, i, i + 1})
		}
	}
	return out
}

// midSentenceNames collects, in lower case, the capitalised words the
// texts use inside a sentence and never in lower case: a sentence-initial
// word among them is a name too ("Kotunica said" where "He said" stood).
// A headline, where every word is capitalised, is left out.
func midSentenceNames(texts ...string) map[string]bool {
	capital, plain := map[string]bool{}, map[string]bool{}
	for _, text := range texts {
		lines := strings.Split(text, "\n")
		for li, line := range lines {
			if li == 0 && len(lines) > 1 {
				continue // the headline
			}
			prev := ""
			for _, w := range strings.Fields(line) {
				core := strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
				r, _ := utf8.DecodeRuneInString(core)
				switch {
				case unicode.IsLower(r):
					plain[core] = true
				case unicode.IsUpper(r) && prev != "" && !endsSentence(prev):
					capital[strings.ToLower(core)] = true
				}
				prev = w
			}
		}
	}
	for w := range capital {
		if plain[w] {
			delete(capital, w)
		}
	}
	return capital
}

// endsSentence reports whether a word ends a sentence: it ends in a full
// stop, question or exclamation mark, colon or quotation mark, and is not
// a title or initial ("Mr.", "J."), as sourceSentences reads them.
func endsSentence(w string) bool {
	if !strings.ContainsAny(w[len(w)-1:], ".!?:\"“”") {
		return false
	}
	return !strings.HasSuffix(w, ".") || !abbreviationBefore(w, 0, len(w)-1)
}

// withInitialName marks a sentence's first word a name where the texts use
// it, capitalised, inside sentences.
func withInitialName(toks []driftToken, names map[string]bool, headline bool) []driftToken {
	if !headline && len(toks) > 0 && !toks[0].name && names[toks[0].norm] {
		toks[0].name = true
	}
	return toks
}

// changedFacts compares the facts of a run of old sentences with those of
// the run that replaced it. Facts are reported on the new words that state
// them; a fact dropped is reported where it stood (on anchor, the new
// run or, for a run deleted outright, the sentence beside it: its first
// word when after, else its last).
func changedFacts(oldText, curText string, old, cur, anchor []driftToken, after bool, oldSpan editor.Span) []editor.Finding {
	was, now := sentenceFacts(old), sentenceFacts(cur)
	pairs := alignTokens(old, cur)
	oldAligned, curAligned := map[int]bool{}, map[int]bool{}
	for _, p := range pairs {
		oldAligned[p[0]], curAligned[p[1]] = true, true
	}
	gone := recased(unmatched(was, now, oldAligned), cur, curText)
	came := recased(unmatched(now, was, curAligned), old, oldText)
	var out []editor.Finding
	used := map[int]bool{}
	for _, f := range came {
		msg := ""
		k := -1
		for i, g := range gone {
			if g.kind == f.kind && !used[i] {
				k = i
				break
			}
		}
		if k >= 0 {
			used[k] = true
			msg = fmt.Sprintf("Changed since the previous revision: %q where it had %q; check the %s.", tokenText(curText, cur, f), tokenText(oldText, old, gone[k]), f.kind)
		} else {
			switch f.kind {
			case factNegation:
				msg = fmt.Sprintf("Changed since the previous revision: %q adds a negation the previous revision did not have; check the meaning.", tokenText(curText, cur, f))
			case factCertainty:
				msg = fmt.Sprintf("Changed since the previous revision: %q makes the claim %s than the previous revision did; check the wording.", tokenText(curText, cur, f), certaintyChange(f.key))
			default:
				msg = fmt.Sprintf("Changed since the previous revision: the %s %q is new; check it.", f.kind, tokenText(curText, cur, f))
			}
		}
		out = append(out, factFinding(cur, f, msg))
	}
	// Figures and names taken out are told once per place, however many
	// stood there (a sentence deleted whole).
	type dropped struct {
		at, end int
		words   []string
	}
	var places []dropped
	for k, g := range gone {
		if used[k] || len(anchor) == 0 {
			continue
		}
		at := len(anchor) - 1
		end := at + 1
		switch {
		case len(cur) > 0:
			at, end = nearestToken(pairs, g, len(cur))
		case after:
			at, end = 0, 1
		}
		word := tokenText(oldText, old, g)
		switch g.kind {
		case factNegation:
			out = append(out, factFinding(anchor, fact{g.kind, g.key, at, end}, fmt.Sprintf("Changed since the previous revision: the negation %q was taken out here, which reverses the claim; check the meaning.", word)))
			continue
		case factCertainty:
			out = append(out, factFinding(anchor, fact{g.kind, g.key, at, end}, fmt.Sprintf("Changed since the previous revision: %q was taken out here, which makes the claim %s; check the wording.", word, certaintyChange(otherCertainty(g.key)))))
			continue
		}
		i := slices.IndexFunc(places, func(p dropped) bool { return p.at == at && p.end == end })
		if i < 0 {
			places = append(places, dropped{at: at, end: end})
			i = len(places) - 1
		}
		places[i].words = append(places[i].words, fmt.Sprintf("%q", word))
	}
	for _, p := range places {
		msg := fmt.Sprintf("Changed since the previous revision: %s was taken out here; check it.", p.words[0])
		if len(p.words) > 1 {
			msg = fmt.Sprintf("Changed since the previous revision: %s were taken out here; check them.", joinList(p.words))
		}
		out = append(out, factFinding(anchor, fact{factFigure, "", p.at, p.end}, msg))
	}
	for i := range out {
		out[i].Related = &editor.Related{Text: oldSpan.In(oldText), File: "previous revision", Span: oldSpan}
	}
	return out
}

// recased drops the names the other side writes in lower case: "Blog"
// become "blog" is a change of case, not of name.
func recased(fs []fact, other []driftToken, otherText string) []fact {
	out := fs[:0:0]
	for _, f := range fs {
		if f.kind == factName && slices.ContainsFunc(other, func(t driftToken) bool {
			r, _ := utf8.DecodeRuneInString(otherText[t.span.Start:t.span.End])
			return t.norm == f.key && unicode.IsLower(r)
		}) {
			continue
		}
		out = append(out, f)
	}
	return out
}

// joinList writes words as "a, b and c".
func joinList(ws []string) string {
	if len(ws) == 1 {
		return ws[0]
	}
	return strings.Join(ws[:len(ws)-1], ", ") + " and " + ws[len(ws)-1]
}

// alignTokens lines up two runs of tokens word for word (the longest
// common subsequence of their keys).
func alignTokens(old, cur []driftToken) [][2]int {
	ow := make([]srcWord, len(old))
	for i, t := range old {
		ow[i] = srcWord{t.span, t.key}
	}
	cw := make([]srcWord, len(cur))
	for i, t := range cur {
		cw[i] = srcWord{t.span, t.key}
	}
	return lcsWords(ow, cw, func(x, y srcWord) bool { return x.norm == y.norm })
}

// Certainty keys: a hedge softens a claim, a certainty word states it.
const (
	keyHedge   = "hedge"
	keyCertain = "certain"
)

func certaintyChange(key string) string {
	if key == keyHedge {
		return "less certain"
	}
	return "more certain"
}

func otherCertainty(key string) string {
	if key == keyHedge {
		return keyCertain
	}
	return keyHedge
}

// unmatched returns the facts of a that b does not state: of each value,
// as many as a states more often than b, taking first those whose words
// the alignment left unpaired (the place the fact changed), so a fact that
// moves within the run of sentences is not a change.
func unmatched(a, b []fact, aligned map[int]bool) []fact {
	surplus := map[string]int{}
	for _, f := range a {
		surplus[f.kind+"\x00"+f.key]++
	}
	for _, f := range b {
		surplus[f.kind+"\x00"+f.key]--
	}
	var out []fact
	for _, pass := range []bool{false, true} {
		for _, f := range a {
			k := f.kind + "\x00" + f.key
			if surplus[k] <= 0 || aligned[f.lo] != pass {
				continue
			}
			surplus[k]--
			out = append(out, f)
		}
	}
	slices.SortFunc(out, func(x, y fact) int { return x.lo - y.lo })
	return out
}

// nearestToken finds where in the new sentences a fact of the old ones
// stood, as a run of tokens [lo, hi): the words put in its place (those
// between the shared words around it, "He" where "Hunter" stood), else the
// last word before it that both share, else the first word.
func nearestToken(pairs [][2]int, g fact, n int) (lo, hi int) {
	before, after := -1, n
	for _, p := range pairs {
		if p[0] < g.lo {
			before = p[1]
		} else if p[0] >= g.hi && after == n {
			after = p[1]
		}
	}
	if before+1 < after && after-before-1 <= maxReplaced {
		return before + 1, after
	}
	at := min(max(before, 0), n-1)
	return at, at + 1
}

// maxReplaced is the most words a dropped fact is reported on, as the
// words put in its place.
const maxReplaced = 6

// tokenText is the wording of fact f in text, whose tokens are toks.
func tokenText(text string, toks []driftToken, f fact) string {
	return text[toks[f.lo].span.Start:toks[f.hi-1].span.End]
}

func factFinding(toks []driftToken, f fact, msg string) editor.Finding {
	return editor.Finding{Check: editor.CheckFactChanged, Severity: editor.Info,
		Span: editor.Span{Start: toks[f.lo].span.Start, End: toks[f.hi-1].span.End}, Message: msg}
}

// block is a run of changed sentences: old ones (indexes into the
// previous revision's sentences) and the new ones that replaced them. For
// a run deleted outright, at is the current sentence beside it (-1 if the
// text has none) and after says it follows the deletion.
type block struct {
	old, cur []int
	at       int
	after    bool
}

// changedBlocks lines up the two texts' sentences with a diff over whole
// sentences and returns the runs that differ.
func changedBlocks(previous, current *quote.Document) []block {
	ids := map[string]rune{}
	key := func(d *quote.Document) []rune {
		out := make([]rune, len(d.Sentences))
		for i, s := range d.Sentences {
			k := strings.Join(strings.Fields(s.In(d.Text)), " ")
			r, ok := ids[k]
			if !ok {
				r = rune(len(ids) + 1)
				if r >= 0xD800 {
					r += 0x800 // skip the surrogates, which do not survive as runes
				}
				ids[k] = r
			}
			out[i] = r
		}
		return out
	}
	a, b := key(previous), key(current)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	var out []block
	i, j := 0, 0
	var cur block
	flush := func() {
		if len(cur.old) > 0 || len(cur.cur) > 0 {
			cur.at = j - 1
			if cur.at < 0 && len(current.Sentences) > 0 {
				cur.at, cur.after = 0, true
			}
			out = append(out, cur)
		}
		cur = block{}
	}
	for _, d := range dmp.DiffMainRunes(a, b, false) {
		n := len([]rune(d.Text))
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			flush()
			i += n
			j += n
		case diffmatchpatch.DiffDelete:
			for k := range n {
				cur.old = append(cur.old, i+k)
			}
			i += n
		case diffmatchpatch.DiffInsert:
			for k := range n {
				cur.cur = append(cur.cur, j+k)
			}
			j += n
		}
	}
	flush()
	return out
}

// isHeadline reports whether a sentence is the document's headline, where
// every word is capitalised and none is taken for a name.
func isHeadline(d *quote.Document, s editor.Span) bool {
	return len(d.Paragraphs) > 1 && d.Paragraphs[0].Contains(s)
}
