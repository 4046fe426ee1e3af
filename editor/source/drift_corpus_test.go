package source

import (
	"fmt"
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/editor/internal/newstest"
	"copydesk/editor/quote"
)

// TestSemAntoNegDrift measures drift.negation on the SemAntoNeg pairs of
// the shared corpus (premise as source, hypothesis as draft; label 1 means
// the meaning is reversed) and holds it to floors a little under the
// measured figures. It skips when the corpus is absent.
func TestSemAntoNegDrift(t *testing.T) {
	var c confusion
	for _, f := range semAntoNegRows(t, 0) {
		switch c.add(firesNegation(DriftBetween(f[0], f[1])), f[2] == "1") {
		case falseAlarm:
			if testing.Verbose() && c.fp < 40 {
				t.Logf("false alarm: %q -> %q", f[0], f[1])
			}
		case miss:
			if testing.Verbose() && c.fn < 80 {
				t.Logf("missed: %q -> %q", f[0], f[1])
			}
		}
	}
	t.Logf("SemAntoNeg drift.negation: %s", c)
	if p, r := c.precision(), c.recall(); p < semAntoNegFloor || r < semAntoNegFloor {
		t.Errorf("precision %.1f / recall %.1f, want both >= %v", p, r, semAntoNegFloor)
	}
}

// semAntoNegRows reads the SemAntoNeg pairs (premise, hypothesis, label),
// those of at least minWords words on both sides.
func semAntoNegRows(t *testing.T, minWords int) [][]string {
	text := newstest.Read(t, "corpus", "negation-pairs", "antonym-substitution", "sem_anto_neg.tsv")
	var rows [][]string
	for i, line := range strings.Split(text, "\n") {
		f := strings.Split(line, "\t")
		if i == 0 || len(f) != 3 || len(strings.Fields(f[0])) < minWords || len(strings.Fields(f[1])) < minWords {
			continue
		}
		rows = append(rows, f)
	}
	return rows
}

func firesNegation(fs []editor.Finding) bool {
	for _, f := range fs {
		if f.Check == editor.CheckDriftNegation {
			return true
		}
	}
	return false
}

// confusion counts a check's calls against gold labels.
type confusion struct{ tp, fp, fn, tn int }

// Outcomes of one call.
const (
	hit = iota
	falseAlarm
	miss
	quiet
)

func (c *confusion) add(fired, positive bool) int {
	switch {
	case fired && positive:
		c.tp++
		return hit
	case fired:
		c.fp++
		return falseAlarm
	case positive:
		c.fn++
		return miss
	}
	c.tn++
	return quiet
}

func (c confusion) precision() float64 { return 100 * float64(c.tp) / float64(max(1, c.tp+c.fp)) }
func (c confusion) recall() float64    { return 100 * float64(c.tp) / float64(max(1, c.tp+c.fn)) }

func (c confusion) String() string {
	return fmt.Sprintf("precision %.1f recall %.1f (tp %d fp %d fn %d tn %d)", c.precision(), c.recall(), c.tp, c.fp, c.fn, c.tn)
}

// semAntoNegFloor is the target for both precision and recall; measured
// 97.7 and 89.8.
const semAntoNegFloor = 85

// TestWikinewsDrift measures how often any drift check fires on the
// IteraTeR Wikinews sentence revisions (before as source, after as draft):
// often on meaning-changed edits, rarely on clarity, fluency, coherence and
// style edits.
func TestWikinewsDrift(t *testing.T) {
	var all, devTest firing
	for _, row := range wikinewsPairs(t) {
		fs := DriftBetween(row.Before, row.After)
		fired := len(fs) > 0
		all.add(row.Label, fired)
		if row.Split != "train" {
			devTest.add(row.Label, fired)
		}
		switch {
		case row.Label == "meaning-changed" && !fired && testing.Verbose() && all.mc-all.mcFired < 60:
			t.Logf("missed: %q -> %q", row.Before, row.After)
		case row.Label != "meaning-changed" && fired && testing.Verbose() && all.otherFired < 60:
			t.Logf("fired on %s: %q -> %q: %s %s", row.Label, row.Before, row.After, fs[0].Check, fs[0].Message)
		}
	}
	t.Logf("Wikinews: %s; dev+test: %s", all, devTest)
	if hit, fa := all.rates(); hit < wikinewsHitFloor || fa > wikinewsFalseCeiling {
		t.Errorf("fires on %.1f%% meaning-changed (want >= %v) and %.1f%% other (want <= %v)", hit, wikinewsHitFloor, fa, wikinewsFalseCeiling)
	}
}

// wikinewsPair is one IteraTeR Wikinews sentence revision.
type wikinewsPair struct {
	Before string `json:"before_sent"`
	After  string `json:"after_sent"`
	Label  string `json:"labels"`
	Split  string `json:"split"`
}

// wikinewsPairs reads the sentence revisions labelled with an intent.
func wikinewsPairs(t *testing.T) []wikinewsPair {
	var out []wikinewsPair
	for _, row := range newstest.JSONL[wikinewsPair](t, "wikinews-revisions", "wikinews_sent_level_all_splits.jsonl") {
		if row.Label != "others" {
			out = append(out, row)
		}
	}
	return out
}

// firing counts how often a check fires on meaning-changed edits and on
// the others.
type firing struct{ mc, mcFired, other, otherFired int }

func (f *firing) add(label string, fired bool) {
	n, k := &f.other, &f.otherFired
	if label == "meaning-changed" {
		n, k = &f.mc, &f.mcFired
	}
	*n++
	if fired {
		*k++
	}
}

// rates are the percentages fired on meaning-changed and on other edits.
func (f firing) rates() (float64, float64) {
	return 100 * float64(f.mcFired) / float64(max(1, f.mc)), 100 * float64(f.otherFired) / float64(max(1, f.other))
}

func (f firing) String() string {
	hit, fa := f.rates()
	return fmt.Sprintf("fires on %.1f%% of %d meaning-changed edits, %.1f%% of %d other edits", hit, f.mc, fa, f.other)
}

// Measured 61.4% and 8.3% (33.6% and 5.7% before drift.content). Of the
// meaning changes still missed, most put one ordinary word in place of
// another ("town" for "city"), which the checks cannot tell from rewording
// without knowing what the words mean.
//
// What drift.content's threshold trades (any drift check, meaning-changed
// vs other edits): an added name, figure or date only 47.7/6.1; or four
// other added words 54.8/6.6; or three 58.5/7.8; or two, three when content
// is also dropped (shipped) 61.4/8.3; or two 65.6/11.1; or any one word put
// in place of another 74.3/20.0; any added content word 83.8/25.8. On the
// dev and test splits alone (16 meaning-changed edits) the shipped rule
// reaches 43.8/7.0, from 25.0/4.9.
const (
	wikinewsHitFloor     = 60
	wikinewsFalseCeiling = 9
)

// TestSemAntoNegEndToEnd runs SemAntoNeg pairs of six words or more the
// way `copydesk check --source` reads them: the premise as a source file,
// the hypothesis as the body of a draft under a headline, through the
// alignment that finds which source sentence a draft sentence restates.
// 600 pairs, every k-th of the eligible ones, so the sample is fixed.
func TestSemAntoNegEndToEnd(t *testing.T) {
	rows := semAntoNegRows(t, 6)
	step := max(1, len(rows)/600)
	var c confusion
	for i := 0; i < len(rows) && c.tp+c.fp+c.fn+c.tn < 600; i += step {
		f := rows[i]
		draft := quote.Analyze("Headline\n" + f[1] + "\n")
		fired := firesNegation(NewIndex([]Text{{Title: "premise", Text: f[0]}}).Drift(draft))
		if c.add(fired, f[2] == "1") == miss && testing.Verbose() && c.fn < 40 {
			t.Logf("missed: %q -> %q", f[0], f[1])
		}
	}
	t.Logf("SemAntoNeg end to end (%d pairs of 6+ words): drift.negation %s", c.tp+c.fp+c.fn+c.tn, c)
	if p, r := c.precision(), c.recall(); p < semAntoNegEndToEndPrecision || r < semAntoNegEndToEndRecall {
		t.Errorf("precision %.1f / recall %.1f, want >= %v / %v", p, r, semAntoNegEndToEndPrecision, semAntoNegEndToEndRecall)
	}
}

// The targets for the end-to-end measure: precision 95, recall 85.
// Measured 98.5 and 60.6 before short sentences were lined up token for
// token, 99.0 and 88.8 after.
const (
	semAntoNegEndToEndPrecision = 95
	semAntoNegEndToEndRecall    = 85
)

// TestWikinewsDriftEndToEnd runs the Wikinews sentence revisions through
// the whole path: the sentence before as a source file, the sentence after
// as the body of a draft, lined up by the drift alignment. All splits,
// and dev+test apart.
func TestWikinewsDriftEndToEnd(t *testing.T) {
	var all, devTest firing
	for _, row := range wikinewsPairs(t) {
		fired := len(NewIndex([]Text{{Title: "before", Text: row.Before}}).Drift(quote.Analyze("Headline\n"+strings.TrimSpace(row.After)+"\n"))) > 0
		all.add(row.Label, fired)
		if row.Split != "train" {
			devTest.add(row.Label, fired)
		}
	}
	t.Logf("Wikinews end to end: %s; dev+test: %s", all, devTest)
	if hit, fa := all.rates(); hit < wikinewsEndToEndHitFloor || fa > wikinewsEndToEndFalseCeiling {
		t.Errorf("fires on %.1f%% meaning-changed (want >= %v) and %.1f%% other (want <= %v)", hit, wikinewsEndToEndHitFloor, fa, wikinewsEndToEndFalseCeiling)
	}
}

// Measured 49.0% and 8.4% (dev+test 18.8% of 16, 7.6% of 185), the same
// before and after short sentences were lined up token for token: the
// meaning changes the alignment misses are sentences rewritten so far
// that they share too few words with the one before; DriftBetween, which
// is told the pair, fires on 61.4%.
const (
	wikinewsEndToEndHitFloor     = 48.5
	wikinewsEndToEndFalseCeiling = 8.5
)
