package docx

import (
	"bytes"
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/editor/diff"
)

// longArticle is a 10,000-word feature built from the samples, with a
// revision that edits every paragraph.
func longArticle() (old, new string) {
	var o, n strings.Builder
	o.WriteString("A long feature\n")
	n.WriteString("A long feature, revised\n")
	for i := 0; editor.CountWords(o.String()) < 10000; i++ {
		p := revisionPairs[i%len(revisionPairs)]
		o.WriteString(p.old[strings.IndexByte(p.old, '\n')+1:] + "\n")
		n.WriteString(p.new[strings.IndexByte(p.new, '\n')+1:] + "\n")
	}
	return strings.TrimSuffix(o.String(), "\n"), strings.TrimSuffix(n.String(), "\n")
}

// BenchmarkRead reads a 10,000-word article; an import should take well
// under a second.
func BenchmarkRead(b *testing.B) {
	_, text := longArticle()
	var buf bytes.Buffer
	if err := Write(&buf, text, Meta{}); err != nil {
		b.Fatal(err)
	}
	file := buf.Bytes()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := Read(bytes.NewReader(file), int64(len(file))); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteRedline writes the redline of a 10,000-word article with
// an edit in every paragraph.
func BenchmarkWriteRedline(b *testing.B) {
	old, new := longArticle()
	d := diff.Words(old, new, diff.Options{})
	b.SetBytes(int64(len(new)))
	for b.Loop() {
		if err := WriteRedline(&bytes.Buffer{}, d, redlineMeta, nil); err != nil {
			b.Fatal(err)
		}
	}
}
