package review

import (
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/editor/internal/newstest"
	"copydesk/editor/quote"
	"copydesk/editor/source"
)

// perturbArticles is how many PolNeAR articles the perturbation test reads.
const perturbArticles = 200

// Floors for the perturbation test: recall per kind (percent) and false
// flags per 200 sentences on typography-only controls.
const (
	perturbRecallFloor  = 95
	perturbFalsePer200  = 1
	perturbMinAttempted = 100
)

// perturbation is one change made to a copy of an article: bytes [at,
// at+len(old)) replaced by new, which a finding of one of checks should
// cover.
type perturbation struct {
	kind     string
	at       int
	old, new string
	region   editor.Span // where the finding must fall, in the original text
	checks   []string
}

var (
	auxRE    = regexp.MustCompile(`\b(is|was|are|were|has|had|have|will|would|can|could|should|does|did)\b `)
	notRE    = regexp.MustCompile(`\b(is|was|are|were|will|would|can|could|should|does|did) not\b`)
	numberRE = regexp.MustCompile(`\b[0-9][0-9,.]*[0-9]\b|\b[0-9]\b`)
	willRE   = regexp.MustCompile(`\bwill\b`)
	hedgeRE  = regexp.MustCompile(`\b(may|might|could)\b`)
	wordRE   = regexp.MustCompile(`\b[a-z]{5,}\b`)
)

// perturbations proposes one change of each kind in the article, at a place
// chosen from the file name, outside direct quotations except for the quote
// change.
func perturbations(name string, doc *quote.Document) []perturbation {
	h := fnv.New32a()
	h.Write([]byte(name))
	seed := int(h.Sum32() >> 1)
	text := doc.Text
	var quotes []editor.Span
	for _, q := range doc.Quotes {
		if q.Direct {
			quotes = append(quotes, q.Span)
		}
	}
	inQuote := func(s editor.Span) bool {
		for _, q := range quotes {
			if q.Overlaps(s) {
				return true
			}
		}
		return false
	}
	var body []editor.Span
	for _, s := range doc.Sentences {
		if len(doc.Paragraphs) > 0 && doc.Paragraphs[0].Contains(s) {
			continue
		}
		body = append(body, s)
	}
	pick := func(kind string, re *regexp.Regexp, checks []string, edit func(m string) string, quoted bool) []perturbation {
		var cands []perturbation
		for _, s := range body {
			if !quoted && inQuote(s) {
				continue
			}
			for _, loc := range re.FindAllStringIndex(s.In(text), -1) {
				at := editor.Span{Start: s.Start + loc[0], End: s.Start + loc[1]}
				region := s
				if quoted {
					q := -1
					for i, qs := range quotes {
						if qs.Contains(at) {
							q = i
						}
					}
					if q < 0 || editor.CountWords(quotes[q].In(text)) < 4 {
						continue
					}
					region = quotes[q]
				}
				m := at.In(text)
				if edit(m) == m {
					continue
				}
				cands = append(cands, perturbation{kind: kind, at: at.Start, old: m, new: edit(m), region: region, checks: checks})
			}
		}
		if len(cands) == 0 {
			return nil
		}
		return []perturbation{cands[seed%len(cands)]}
	}
	var out []perturbation
	out = append(out, pick("quote word", wordRE, []string{editor.CheckMisquoted, editor.CheckUnverified}, func(string) string { return "purple" }, true)...)
	neg := pick("negation added", auxRE, []string{editor.CheckDriftNegation}, func(m string) string { return strings.TrimSpace(m) + " not " }, false)
	if seed%2 == 0 {
		if n := pick("negation removed", notRE, []string{editor.CheckDriftNegation}, func(m string) string { return strings.TrimSuffix(m, " not") }, false); n != nil {
			neg = n
		}
	}
	out = append(out, neg...)
	out = append(out, pick("number", numberRE, []string{editor.CheckDriftNumber}, func(m string) string {
		last := m[len(m)-1]
		return m[:len(m)-1] + string('0'+(last-'0'+3)%10)
	}, false)...)
	if seed%2 == 0 {
		out = append(out, pick("hedge strengthened", hedgeRE, []string{editor.CheckDriftCertainty}, func(string) string { return "will" }, false)...)
	} else {
		out = append(out, pick("hedge weakened", willRE, []string{editor.CheckDriftCertainty}, func(string) string { return "might" }, false)...)
	}
	return out
}

// typographyControl swaps quotation-mark, apostrophe and dash styles:
// curly to straight and straight to curly, spaced hyphens to dashes.
func typographyControl(text string) string {
	if strings.ContainsAny(text, "“”’") {
		return strings.NewReplacer("“", `"`, "”", `"`, "’", "'", "‘", "'", "—", " -- ").Replace(text)
	}
	var b strings.Builder
	open := true
	for i, r := range text {
		switch {
		case r == '"':
			if open {
				b.WriteString("“")
			} else {
				b.WriteString("”")
			}
			open = !open
		case r == '\'' && i > 0 && text[i-1] != ' ' && text[i-1] != '\n':
			b.WriteString("’")
		case r == '\n':
			open = true
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return strings.NewReplacer(" -- ", "—", " - ", " – ").Replace(b.String())
}

// TestPolNeARPerturbations takes real articles as their own source, makes
// drafts by changing one thing (a word in a quotation, a negation, a
// number, a hedge) and checks that a finding covers the change; and makes
// typography-only drafts that must draw no source finding at all.
func TestPolNeARPerturbations(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the PolNeAR articles")
	}
	files := newstest.PolNeARTexts(t)
	sort.Strings(files)
	if len(files) > perturbArticles {
		step := len(files) / perturbArticles
		var every []string
		for i := 0; i < len(files) && len(every) < perturbArticles; i += step {
			every = append(every, files[i])
		}
		files = every
	}
	attempted, found := map[string]int{}, map[string]int{}
	sentences, falseFlags := 0, 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := strings.ReplaceAll(string(raw), "\r\n", "\n")
		doc := quote.Analyze(text)
		src := []source.Text{{Title: "original", Text: text}}

		ctl := Run(Input{Text: typographyControl(text), Sources: src})
		sentences += len(ctl.Doc.Sentences)
		for _, fd := range ctl.Findings {
			if sourceCheckNames[fd.Check] && fd.Check != editor.CheckHeadlineUnsupported {
				falseFlags++
				if testing.Verbose() && falseFlags <= 20 {
					t.Logf("control %s: %s on %q: %s", filepath.Base(f), fd.Check, fd.Span.In(ctl.Doc.Text), fd.Message)
				}
			}
		}

		for _, p := range perturbations(filepath.Base(f), doc) {
			attempted[p.kind]++
			draft := text[:p.at] + p.new + text[p.at+len(p.old):]
			delta := len(p.new) - len(p.old)
			region := editor.Span{Start: p.region.Start, End: p.region.End + delta}
			r := Run(Input{Text: draft, Sources: src})
			hit := false
			for _, fd := range r.Findings {
				if fd.Span.Overlaps(region) && contains(p.checks, fd.Check) {
					hit = true
				}
			}
			if hit {
				found[p.kind]++
			} else if testing.Verbose() {
				t.Logf("missed %s in %s: %q -> %q in %q", p.kind, filepath.Base(f), p.old, p.new, region.In(draft))
			}
		}
	}
	var report []string
	kinds := make([]string, 0, len(attempted))
	for k := range attempted {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		recall := 100 * float64(found[k]) / float64(attempted[k])
		report = append(report, fmt.Sprintf("%s %.1f%% (%d/%d)", k, recall, found[k], attempted[k]))
		if attempted[k] >= perturbMinAttempted/4 && recall < perturbRecallFloor {
			t.Errorf("recall for %s is %.1f%%, want >= %d%%", k, recall, perturbRecallFloor)
		}
	}
	per200 := 200 * float64(falseFlags) / float64(max(1, sentences))
	t.Logf("perturbation recall: %s; controls: %d false flags in %d sentences (%.2f per 200)", strings.Join(report, ", "), falseFlags, sentences, per200)
	if per200 > perturbFalsePer200 {
		t.Errorf("%.2f false flags per 200 sentences on typography-only controls, want <= %d", per200, perturbFalsePer200)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
