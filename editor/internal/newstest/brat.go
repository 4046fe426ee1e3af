package newstest

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// PolNeARTrain returns the train articles with their gold attributions,
// read from the corpus's brat standoff files (data/train/attributions/
// NAME_ANNOTATOR.ann beside data/train/text/NAME.txt). Where several
// annotators marked an article, the first file in name order is taken.
// Offsets are code points, as in the dev+test file.
func PolNeARTrain(t testing.TB) []PolNeARDoc {
	t.Helper()
	seen := map[string]bool{}
	var out []PolNeARDoc
	files := Glob(t, "corpus", "polnear", "data", "train", "attributions", "*.ann")
	sort.Strings(files)
	for _, f := range files {
		base := strings.TrimSuffix(filepath.Base(f), ".ann")
		if i := strings.LastIndexByte(base, '_'); i > 0 {
			base = base[:i]
		}
		if seen[base] {
			continue
		}
		text, err := os.ReadFile(filepath.Join(filepath.Dir(filepath.Dir(f)), "text", base+".txt"))
		if err != nil {
			continue
		}
		ann, err := os.ReadFile(f)
		if err != nil {
			t.Fatalf("reading %s: %v", f, err)
		}
		seen[base] = true
		out = append(out, parseBrat(base, string(text), string(ann)))
	}
	return out
}

// parseBrat reads the text-bound (T) and event (E) lines of a brat file:
// each Attribution event with its Source and Content spans.
func parseBrat(doc, text, ann string) PolNeARDoc {
	pd := PolNeARDoc{Doc: doc, Text: text}
	spans := map[string][][2]int{}
	var events [][]string
	for _, line := range strings.Split(ann, "\n") {
		f := strings.Split(line, "\t")
		switch {
		case len(f) >= 2 && strings.HasPrefix(f[0], "T"):
			_, offs, _ := strings.Cut(f[1], " ")
			for _, part := range strings.Split(offs, ";") {
				a, b, ok := strings.Cut(part, " ")
				s, err1 := strconv.Atoi(a)
				e, err2 := strconv.Atoi(b)
				if ok && err1 == nil && err2 == nil {
					spans[f[0]] = append(spans[f[0]], [2]int{s, e})
				}
			}
		case len(f) >= 2 && strings.HasPrefix(f[0], "E"):
			events = append(events, strings.Fields(f[1]))
		}
	}
	runes := []rune(text)
	for _, ev := range events {
		if len(ev) == 0 || !strings.HasPrefix(ev[0], "Attribution:") {
			continue
		}
		var at PolNeARAttribution
		for _, arg := range ev[1:] {
			role, id, _ := strings.Cut(arg, ":")
			switch role {
			case "Source":
				at.Source = append(at.Source, spans[id]...)
			case "Content":
				at.Content = append(at.Content, spans[id]...)
			}
		}
		for _, c := range at.Content {
			if c[0] >= 0 && c[0] <= c[1] && c[1] <= len(runes) {
				s := string(runes[c[0]:c[1]])
				at.Quoted = at.Quoted || strings.ContainsAny(s, "“”\"") || strings.Contains(s, "''")
			}
		}
		pd.Attributions = append(pd.Attributions, at)
	}
	return pd
}
