package source

import (
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
	text := newstest.Read(t, "corpus", "negation-pairs", "antonym-substitution", "sem_anto_neg.tsv")
	var tp, fp, fn, tn int
	for i, line := range strings.Split(text, "\n") {
		f := strings.Split(line, "\t")
		if i == 0 || len(f) != 3 {
			continue
		}
		fired := false
		for _, x := range DriftBetween(f[0], f[1]) {
			if x.Check == editor.CheckDriftNegation {
				fired = true
			}
		}
		switch {
		case fired && f[2] == "1":
			tp++
		case fired:
			fp++
			if testing.Verbose() && fp < 40 {
				t.Logf("false alarm: %q -> %q", f[0], f[1])
			}
		case f[2] == "1":
			fn++
			if testing.Verbose() && fn < 80 {
				t.Logf("missed: %q -> %q", f[0], f[1])
			}
		default:
			tn++
		}
	}
	p := 100 * float64(tp) / float64(max(1, tp+fp))
	r := 100 * float64(tp) / float64(max(1, tp+fn))
	t.Logf("SemAntoNeg drift.negation: precision %.1f recall %.1f (tp %d fp %d fn %d tn %d)", p, r, tp, fp, fn, tn)
	if p < semAntoNegFloor || r < semAntoNegFloor {
		t.Errorf("precision %.1f / recall %.1f, want both >= %v", p, r, semAntoNegFloor)
	}
}

// semAntoNegFloor is the target for both precision and recall; measured
// 97.7 and 89.8.
const semAntoNegFloor = 85

// TestWikinewsDrift measures how often any drift check fires on the
// IteraTeR Wikinews sentence revisions (before as source, after as draft):
// often on meaning-changed edits, rarely on clarity, fluency, coherence and
// style edits.
func TestWikinewsDrift(t *testing.T) {
	type sentencePair struct {
		Before string `json:"before_sent"`
		After  string `json:"after_sent"`
		Label  string `json:"labels"`
		Split  string `json:"split"`
	}
	var mc, mcFired, other, otherFired int
	var dtMC, dtMCFired, dtOther, dtOtherFired int
	for _, row := range newstest.JSONL[sentencePair](t, "wikinews-revisions", "wikinews_sent_level_all_splits.jsonl") {
		if row.Label == "others" {
			continue
		}
		fs := DriftBetween(row.Before, row.After)
		fired := len(fs) > 0
		if row.Split != "train" {
			if row.Label == "meaning-changed" {
				dtMC++
				if fired {
					dtMCFired++
				}
			} else {
				dtOther++
				if fired {
					dtOtherFired++
				}
			}
		}
		if row.Label == "meaning-changed" {
			mc++
			if fired {
				mcFired++
			} else if testing.Verbose() && mc-mcFired < 60 {
				t.Logf("missed: %q -> %q", row.Before, row.After)
			}
			continue
		}
		other++
		if fired {
			otherFired++
			if testing.Verbose() && otherFired < 60 {
				t.Logf("fired on %s: %q -> %q: %s %s", row.Label, row.Before, row.After, fs[0].Check, fs[0].Message)
			}
		}
	}
	hit := 100 * float64(mcFired) / float64(max(1, mc))
	fa := 100 * float64(otherFired) / float64(max(1, other))
	t.Logf("Wikinews: fires on %.1f%% of %d meaning-changed edits, %.1f%% of %d other edits; dev+test: %.1f%% of %d, %.1f%% of %d", hit, mc, fa, other,
		100*float64(dtMCFired)/float64(max(1, dtMC)), dtMC, 100*float64(dtOtherFired)/float64(max(1, dtOther)), dtOther)
	if hit < wikinewsHitFloor || fa > wikinewsFalseCeiling {
		t.Errorf("fires on %.1f%% meaning-changed (want >= %v) and %.1f%% other (want <= %v)", hit, wikinewsHitFloor, fa, wikinewsFalseCeiling)
	}
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
	text := newstest.Read(t, "corpus", "negation-pairs", "antonym-substitution", "sem_anto_neg.tsv")
	var rows [][]string
	for i, line := range strings.Split(text, "\n") {
		f := strings.Split(line, "\t")
		if i == 0 || len(f) != 3 || len(strings.Fields(f[0])) < 6 || len(strings.Fields(f[1])) < 6 {
			continue
		}
		rows = append(rows, f)
	}
	step := max(1, len(rows)/600)
	var tp, fp, fn, tn int
	for i := 0; i < len(rows) && tp+fp+fn+tn < 600; i += step {
		f := rows[i]
		draft := quote.Analyze("Headline\n" + f[1] + "\n")
		fired := false
		for _, x := range NewIndex([]Text{{Title: "premise", Text: f[0]}}).Drift(draft) {
			if x.Check == editor.CheckDriftNegation {
				fired = true
			}
		}
		switch {
		case fired && f[2] == "1":
			tp++
		case fired:
			fp++
		case f[2] == "1":
			fn++
			if testing.Verbose() && fn < 40 {
				t.Logf("missed: %q -> %q", f[0], f[1])
			}
		default:
			tn++
		}
	}
	p := 100 * float64(tp) / float64(max(1, tp+fp))
	r := 100 * float64(tp) / float64(max(1, tp+fn))
	t.Logf("SemAntoNeg end to end (%d pairs of 6+ words): drift.negation precision %.1f recall %.1f (tp %d fp %d fn %d tn %d)", tp+fp+fn+tn, p, r, tp, fp, fn, tn)
	if p < semAntoNegEndToEndPrecision || r < semAntoNegEndToEndRecall {
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
	type sentencePair struct {
		Before string `json:"before_sent"`
		After  string `json:"after_sent"`
		Label  string `json:"labels"`
		Split  string `json:"split"`
	}
	type tally struct{ mc, mcFired, other, otherFired int }
	var all, devTest tally
	for _, row := range newstest.JSONL[sentencePair](t, "wikinews-revisions", "wikinews_sent_level_all_splits.jsonl") {
		if row.Label == "others" {
			continue
		}
		fired := len(NewIndex([]Text{{Title: "before", Text: row.Before}}).Drift(quote.Analyze("Headline\n"+strings.TrimSpace(row.After)+"\n"))) > 0
		for _, tl := range []*tally{&all, &devTest} {
			if tl == &devTest && row.Split == "train" {
				continue
			}
			if row.Label == "meaning-changed" {
				tl.mc++
				if fired {
					tl.mcFired++
				}
			} else {
				tl.other++
				if fired {
					tl.otherFired++
				}
			}
		}
	}
	pct := func(a, b int) float64 { return 100 * float64(a) / float64(max(1, b)) }
	t.Logf("Wikinews end to end: fires on %.1f%% of %d meaning-changed edits, %.1f%% of %d other edits; dev+test: %.1f%% of %d, %.1f%% of %d",
		pct(all.mcFired, all.mc), all.mc, pct(all.otherFired, all.other), all.other,
		pct(devTest.mcFired, devTest.mc), devTest.mc, pct(devTest.otherFired, devTest.other), devTest.other)
	if hit, fa := pct(all.mcFired, all.mc), pct(all.otherFired, all.other); hit < wikinewsEndToEndHitFloor || fa > wikinewsEndToEndFalseCeiling {
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
