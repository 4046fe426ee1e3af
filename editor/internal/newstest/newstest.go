// Package newstest gives the engine's tests their input: annotated testdata
// articles, the shared annotated news corpus next to the repository
// (../shared, absent on most machines; every reader skips the test then)
// and generated articles for benchmarks. Offsets in the corpus files are
// code points; CodePointOffsets maps them to the byte offsets the engine
// uses.
package newstest

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// Dir returns the shared folder: ../shared beside the module root.
func Dir() string { return sharedDir() }

var sharedDir = sync.OnceValue(func() string {
	dir, err := os.Getwd()
	if err != nil {
		return filepath.Join("..", "shared")
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return filepath.Join(filepath.Dir(d), "shared")
		}
		if filepath.Dir(d) == d {
			return filepath.Join("..", "shared")
		}
	}
})

// Read returns a file under the shared folder, skipping the test when it
// is absent.
func Read(t testing.TB, rel ...string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(append([]string{Dir()}, rel...)...))
	if err != nil {
		t.Skipf("shared file not available: %v", err)
	}
	return string(b)
}

// Glob returns the shared files matching a pattern relative to the shared
// folder, skipping the test when there are none.
func Glob(t testing.TB, pattern ...string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(append([]string{Dir()}, pattern...)...))
	if err != nil || len(files) == 0 {
		t.Skipf("shared files not available: %s", filepath.Join(pattern...))
	}
	return files
}

// JSONL decodes each line of a JSON Lines file under the shared corpus
// folder, skipping the test when the corpus is absent.
func JSONL[T any](t testing.TB, rel ...string) []T {
	t.Helper()
	f, err := os.Open(filepath.Join(append([]string{Dir(), "corpus"}, rel...)...))
	if err != nil {
		t.Skipf("corpus not available: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var out []T
	for sc.Scan() {
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// CodePointOffsets maps each code-point offset of text (and its length) to
// a byte offset.
func CodePointOffsets(text string) []int {
	out := make([]int, 0, len(text)+1)
	for i := range text {
		out = append(out, i)
	}
	return append(out, len(text))
}

// PolNeARDoc is one line of the shared PolNeAR dev+test file (offsets in
// code points).
type PolNeARDoc struct {
	Doc          string               `json:"doc"`
	Text         string               `json:"text"`
	Attributions []PolNeARAttribution `json:"attributions"`
}

// PolNeARAttribution is one gold attribution: its source and content
// spans in code points, and whether the content has quotation marks.
type PolNeARAttribution struct {
	Source  [][2]int `json:"source"`
	Content [][2]int `json:"content"`
	Quoted  bool     `json:"content_has_quote_marks"`
}

// PolNeARDevTest returns the dev+test articles, each once: where several
// annotators marked an article, the first one's, as the scorer takes it.
func PolNeARDevTest(t testing.TB) []PolNeARDoc {
	t.Helper()
	seen := map[string]bool{}
	var out []PolNeARDoc
	for _, pd := range JSONL[PolNeARDoc](t, "polnear", "polnear_dev_test.jsonl") {
		if !seen[pd.Doc] {
			seen[pd.Doc] = true
			out = append(out, pd)
		}
	}
	return out
}

// PolNeARTexts returns the paths of every PolNeAR article text (train, dev
// and test).
func PolNeARTexts(t testing.TB) []string {
	t.Helper()
	return Glob(t, "corpus", "polnear", "data", "*", "text", "*.txt")
}

// IteraterDoc is one revision pair of the IteraTeR Wikinews document-level
// file; edit offsets are code points into the before text.
type IteraterDoc struct {
	DocID     string `json:"doc_id"`
	Before    string `json:"before_revision"`
	After     string `json:"after_revision"`
	Sentences []int  `json:"sents_char_pos"`
	Edits     []struct {
		Type   string  `json:"type"`
		Before *string `json:"before"`
		After  *string `json:"after"`
		Start  int     `json:"start_char_pos"`
		End    int     `json:"end_char_pos"`
	} `json:"edit_actions"`
}

// IteraterDocs returns the 189 Wikinews revision pairs.
func IteraterDocs(t testing.TB) []IteraterDoc {
	t.Helper()
	return JSONL[IteraterDoc](t, "wikinews-revisions", "wikinews_doc_level_all_splits.jsonl")
}
