package webpage

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzRead checks that any input is either refused with an error or read
// into well-formed article text: valid UTF-8, one non-blank line per
// paragraph, no white space at the ends of a line.
func FuzzRead(f *testing.F) {
	pages, _ := filepath.Glob(filepath.Join("testdata", "*.html"))
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{
		"",
		"<p>a</p>",
		"<article><h1>H</h1><p>x<br><br>y</p></article>",
		"<title>t</title><table><tr><td>c</td></tr></table>",
		"\xEF\xBB\xBF<p>caf\xc3\xa9</p>",
		"\xFF\xFE<\x00p\x00>\x00a\x00",
		"<p>caf\xe9</p>",
		"<pre>a\n\n b</pre><p>&nbsp;</p>",
		"<div><h1>x</h1></div><main><p>\u00a0</p></main>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, err := Read(bytes.NewReader(src), 1<<20)
		if err != nil {
			if doc.Text != "" || doc.Notices != nil {
				t.Fatalf("error %v with a document %+v", err, doc)
			}
			return
		}
		if !utf8.ValidString(doc.Text) {
			t.Fatalf("text is not valid UTF-8: %q", doc.Text)
		}
		for i, line := range strings.Split(doc.Text, "\n") {
			if strings.TrimFunc(line, unicode.IsSpace) != line || line == "" {
				t.Fatalf("line %d %q is blank or has space at its ends", i, line)
			}
			if strings.ContainsAny(line, "\r\t") {
				t.Fatalf("line %d %q holds a carriage return or tab", i, line)
			}
		}
	})
}
