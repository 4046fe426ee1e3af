package anchor

import (
	"math/rand"
	"strings"
	"testing"

	"copydesk/editor"
)

// anchorBenchArticle generates an article of about n words in sentences and
// paragraphs, and a copy with about one word in twenty replaced, deleted or
// doubled by an insertion.
func anchorBenchArticle(rng *rand.Rand, n int) (oldText, newText string) {
	vocab := strings.Fields(`the a council mayor said on Tuesday that bridge would reopen in May
		residents were not convinced police report budget committee approved plan city state federal
		officials spokesman “we” have heard before according to new old school hospital road river
		million dollars percent year week month election vote court judge ruling appeal Pérez café
		minister government opposition party leader and of for with by from at as it is was will`)
	var old, edited []string
	for i := 0; i < n; i++ {
		w := vocab[rng.Intn(len(vocab))]
		if i%18 == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		}
		if i%18 == 17 {
			w += "."
			if i%90 == 89 {
				w += "\n\n"
			}
		}
		old = append(old, w)
		switch rng.Intn(60) {
		case 0:
			edited = append(edited, vocab[rng.Intn(len(vocab))])
		case 1:
			// deleted
		case 2:
			edited = append(edited, w, vocab[rng.Intn(len(vocab))])
		default:
			edited = append(edited, w)
		}
	}
	join := func(ws []string) string {
		return strings.ReplaceAll(strings.Join(ws, " "), "\n\n ", "\n\n")
	}
	return join(old), join(edited)
}

// BenchmarkReanchor200Notes10k re-anchors 200 notes of one to twelve words
// on a 10,000-word article after about 5% of its words changed.
func BenchmarkReanchor200Notes10k(b *testing.B) {
	rng := rand.New(rand.NewSource(1))
	oldText, newText := anchorBenchArticle(rng, 10000)
	words := wordSpans(oldText, editor.Span{Start: 0, End: len(oldText)})
	anchors := make([]editor.Anchor, 200)
	for i := range anchors {
		k := rng.Intn(len(words) - 12)
		anchors[i] = editor.NewAnchor(oldText, editor.Span{Start: words[k].Start, End: words[k+rng.Intn(12)].End})
	}
	var orphaned int
	for _, r := range ReanchorAll(anchors, newText) {
		if r.Orphaned() {
			orphaned++
		}
	}
	for b.Loop() {
		ReanchorAll(anchors, newText)
	}
	b.ReportMetric(float64(orphaned), "orphans")
}
