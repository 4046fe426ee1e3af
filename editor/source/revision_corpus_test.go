package source

import (
	"strconv"
	"strings"
	"testing"
	"unicode"

	"copydesk/editor"
	"copydesk/editor/internal/newstest"
	"copydesk/editor/quote"
)

type iteraterDoc struct {
	ID     string `json:"doc_id"`
	Before string `json:"before_revision"`
	After  string `json:"after_revision"`
	Split  string `json:"split"`
	Edits  []struct {
		Type   string  `json:"type"`
		Before *string `json:"before"`
		After  *string `json:"after"`
		Start  int     `json:"start_char_pos"`
		End    int     `json:"end_char_pos"`
		Intent string  `json:"major_intent"`
	} `json:"edit_actions"`
}

// goldEdit is one annotated edit placed in the revised text (bytes).
type goldEdit struct {
	span           editor.Span // in after, widened to whole words
	before, after  string
	intent         string
	facts, inQuote bool
}

// placeEdits applies the annotated edits (code points in the text
// before) to the text before, giving the revised text as the edits define
// it (the published one differs only in white space) and each edit's
// place in it, in bytes.
func placeEdits(d iteraterDoc) (string, []goldEdit, bool) {
	before := []rune(d.Before)
	var after []rune
	var out []goldEdit
	pos := 0
	for _, e := range d.Edits {
		b, a := "", ""
		if e.Before != nil {
			b = *e.Before
		}
		if e.After != nil {
			a = *e.After
		}
		if e.Start < pos || e.End < e.Start || e.End > len(before) {
			return "", nil, false
		}
		after = append(after, before[pos:e.Start]...)
		start := len(after)
		after = append(after, []rune(a)...)
		out = append(out, goldEdit{span: editor.Span{Start: start, End: len(after)}, before: b, after: a, intent: e.Intent})
		pos = e.End
	}
	after = append(after, before[pos:]...)
	for i := range out {
		start, end := out[i].span.Start, out[i].span.End
		// Widen to whole words, and for a deletion to the word before.
		for start > 0 && !unicode.IsSpace(after[start-1]) {
			start--
		}
		for end < len(after) && !unicode.IsSpace(after[end]) {
			end++
		}
		if out[i].after == "" {
			for start > 0 && unicode.IsSpace(after[start-1]) {
				start--
			}
			for start > 0 && !unicode.IsSpace(after[start-1]) {
				start--
			}
		}
		out[i].span = editor.Span{Start: len(string(after[:start])), End: len(string(after[:end]))}
	}
	return string(after), out, true
}

var notNames = lexSet(`The A An He She It They We I You This That These Those His Her Its Their Our My But And Or
In On At By For Of To From With As After Before When While If Mr Mrs Ms Dr`)

// factWords are the figures and names in s, by value: numbers (digits,
// number words, ordinals) as their value, and names in lower case without
// dots, so "3" and "three", "UK" and "U.K." are the same. A name is a
// capitalised word that is not a sentence-initial function word and, where
// it starts a sentence (or the edit), one the article also capitalises
// inside a sentence (names holds those). It is the measure's own reading,
// independent of the engine's.
func factWords(s string, names map[string]bool) map[string]int {
	out := map[string]int{}
	prev := "."
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '-' || strings.ContainsRune(`,;!?"()“”‘’`, r)
	}) {
		initial := strings.ContainsAny(prev[len(prev)-1:], ".!?:")
		prev = w
		w = strings.Trim(w, "'.:")
		if w == "" {
			continue
		}
		lower := strings.ToLower(strings.ReplaceAll(w, ".", ""))
		if v, ok := measureNumber(lower); ok {
			out["#"+v]++
			continue
		}
		if r := []rune(w)[0]; unicode.IsUpper(r) && !notNames[w] && (!initial || names[lower]) {
			if m, ok := months[lower]; ok {
				lower = m
			}
			out[lower]++
		}
	}
	return out
}

// capitalisedInside collects, in lower case, the words texts capitalise
// after another word of the same sentence.
func capitalisedInside(texts ...string) map[string]bool {
	out := map[string]bool{}
	for _, text := range texts {
		prev := "."
		for _, w := range strings.Fields(text) {
			core := strings.Trim(w, `'.:,;!?"()“”‘’`)
			if core != "" && unicode.IsUpper([]rune(core)[0]) && !strings.ContainsAny(prev[len(prev)-1:], ".!?:") {
				out[strings.ToLower(strings.ReplaceAll(core, ".", ""))] = true
			}
			prev = w
		}
	}
	return out
}

var months = map[string]string{"jan": "january", "feb": "february", "mar": "march", "apr": "april", "jun": "june",
	"jul": "july", "aug": "august", "sep": "september", "sept": "september", "oct": "october", "nov": "november", "dec": "december"}

var numberValues = func() map[string]string {
	m := map[string]string{}
	for i, w := range strings.Fields("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty") {
		m[w] = strconv.Itoa(i)
	}
	for i, w := range strings.Fields("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth") {
		m[w] = strconv.Itoa(i + 1)
	}
	for w, v := range map[string]string{"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90",
		"hundred": "100", "thousand": "1000", "million": "1000000", "billion": "1000000000", "dozen": "12", "half": "0.5"} {
		m[w] = v
	}
	return m
}()

// measureNumber reads a number word, a numeral (with thousands commas
// gone) or an ordinal ("11th") as its value.
func measureNumber(w string) (string, bool) {
	if v, ok := numberValues[w]; ok {
		return v, true
	}
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if n := strings.TrimSuffix(w, suf); n != w && n != "" && strings.Trim(n, "0123456789") == "" {
			return strings.TrimLeft(n, "0"), true
		}
	}
	if strings.IndexFunc(w, unicode.IsDigit) >= 0 {
		return strings.NewReplacer(",", "", ":", "").Replace(w), true
	}
	return "", false
}

// plainWords counts the words of s written in lower case.
func plainWords(s string) map[string]int {
	out := map[string]int{}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if r := []rune(w)[0]; unicode.IsLower(r) {
			out[w]++
		}
	}
	return out
}

func union(a, b map[string]int) map[string]bool {
	out := map[string]bool{}
	for k := range a {
		out[k] = true
	}
	for k := range b {
		out[k] = true
	}
	return out
}

func sameCounts(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestIteraTeRFactChanges measures revision.fact-changed on the IteraTeR
// Wikinews revision pairs: of the annotated edits that change a figure or
// a name outside quotation marks, how many a finding covers (recall), and
// of the clarity, fluency and style edits that change neither, how many a
// finding covers (false alarms). Reported for all splits and for dev+test.
func TestIteraTeRFactChanges(t *testing.T) {
	docs := newstest.JSONL[iteraterDoc](t, "wikinews-revisions", "wikinews_doc_level_all_splits.jsonl")
	type tally struct{ facts, factsHit, style, styleHit, styleFacts, styleFactsHit, net, netHit int }
	var all, devTest tally
	skipped := 0
	for _, d := range docs {
		revised, edits, ok := placeEdits(d)
		if !ok {
			skipped++
			continue
		}
		cur := quote.Analyze(revised)
		fs := FactChanges(quote.Analyze(d.Before), cur)
		names := capitalisedInside(d.Before, revised)
		docBefore, docAfter := factWords(d.Before, names), factWords(revised, names)
		for _, e := range edits {
			covered := false
			for _, f := range fs {
				if f.Span.Start < e.span.End && e.span.Start < f.Span.End {
					covered = true
				}
			}
			eb, ea := factWords(e.before, names), factWords(e.after, names)
			// A word capitalised on one side and not on the other is a
			// change of case, not of name.
			for _, side := range [][2]map[string]int{{eb, plainWords(e.after)}, {ea, plainWords(e.before)}} {
				for k := range side[0] {
					if side[1][k] > 0 {
						delete(side[0], k)
					}
				}
			}
			facts := !sameCounts(eb, ea)
			// net: a figure or name the edit changes whose count in the
			// whole article changes too, so it did not just move.
			net := false
			for k := range union(eb, ea) {
				if eb[k] != ea[k] && docBefore[k] != docAfter[k] {
					net = true
				}
			}
			quoted := inDirectQuote(cur, editor.Span{Start: e.span.Start, End: e.span.Start})
			for _, tl := range []*tally{&all, &devTest} {
				if tl == &devTest && d.Split == "train" {
					continue
				}
				switch {
				case quoted:
				case facts:
					if net {
						tl.net++
						if covered {
							tl.netHit++
						} else if testing.Verbose() && tl == &all && tl.net-tl.netHit <= 40 {
							t.Logf("missed net %s %q -> %q in %q", e.intent, e.before, e.after, e.span.In(revised))
						}
					}
					tl.facts++
					if covered {
						tl.factsHit++
					}
				case e.intent == "clarity" || e.intent == "fluency" || e.intent == "style":
					tl.style++
					if covered {
						tl.styleHit++
						if testing.Verbose() && tl == &all {
							t.Logf("fired on %s %q -> %q", e.intent, e.before, e.after)
						}
					}
				}
				if facts && !quoted && (e.intent == "clarity" || e.intent == "fluency" || e.intent == "style") {
					tl.styleFacts++
					if covered {
						tl.styleFactsHit++
					}
				}
			}
		}
	}
	pct := func(a, b int) float64 { return 100 * float64(a) / float64(max(b, 1)) }
	for _, r := range []struct {
		name string
		tl   tally
	}{{"all splits", all}, {"dev+test", devTest}} {
		t.Logf("IteraTeR %s: edits changing a figure or name outside quotes: %d/%d reported (%.1f%%); of them, changing the article's count of it (not a move): %d/%d (%.1f%%); clarity/fluency/style edits changing neither: %d/%d with a finding (%.1f%%); such edits that do change a figure or name: %d/%d reported",
			r.name, r.tl.factsHit, r.tl.facts, pct(r.tl.factsHit, r.tl.facts), r.tl.netHit, r.tl.net, pct(r.tl.netHit, r.tl.net), r.tl.styleHit, r.tl.style, pct(r.tl.styleHit, r.tl.style), r.tl.styleFactsHit, r.tl.styleFacts)
	}
	if skipped > 0 {
		t.Errorf("%d documents' edits could not be placed", skipped)
	}
	if got := pct(all.netHit, all.net); got < iteraterFactFloor {
		t.Errorf("figure and name changes (not moves) reported %.1f%%, want >= %v", got, iteraterFactFloor)
	}
	if got := pct(all.styleHit, all.style); got > iteraterStyleCeiling {
		t.Errorf("findings on %.1f%% of clarity/fluency/style edits, want <= %v", got, iteraterStyleCeiling)
	}
}

// Measured on all 189 pairs: 83.0% of the edits that change a figure or
// name (and the article's count of it) are reported, 68.1% counting facts
// that only moved; 3.4% of clarity, fluency and style edits that change
// neither get a finding (dev+test: 77.8%, 57.7%, 5.2%). The floors sit
// just under, so a change that loses ground fails; the target is
// 95% recall. Most misses are a sentence rewritten so far that its facts
// are compared with the wrong neighbours, a name that starts a sentence
// and is used nowhere else, and facts the measure counts that the checks
// do not take for facts ("a" → "one", "$2" → "US$2").
const (
	iteraterFactFloor    = 82.5
	iteraterStyleCeiling = 4.0
)

// inDirectQuote reports whether span lies inside a direct quotation.
func inDirectQuote(d *quote.Document, span editor.Span) bool {
	for _, q := range d.Quotes {
		if q.Direct && q.Span.Start <= span.Start && span.End <= q.Span.End {
			return true
		}
	}
	return false
}
