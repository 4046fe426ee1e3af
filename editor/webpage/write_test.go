package webpage

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"copydesk/editor/diff"
	"copydesk/editor/webpage/browsertest"
)

// hostile is article text that would run script in a page that did not
// escape it.
const hostile = "Harbor board <b>votes</b> & “approves”\n" +
	"The minutes read: <script>document.title='pwned'</script> in full.\n" +
	`A reader wrote <img src=x onerror="document.title='pwned'"> to the desk.` + "\n" +
	"Closing <!-- comment --> &amp; </p></body> tags."

func TestWrite(t *testing.T) {
	tests := []struct {
		name, title, text string
		want              []string // parts of the page, in order
	}{
		{
			name:  "headline and paragraphs",
			title: "Harbor",
			text:  "Harbor Chief Says ‘Spring’\nFirst — paragraph.\n\n  Second, café.  \n",
			want: []string{"<!DOCTYPE html>", `<meta charset="utf-8">`, "<title>Harbor</title>",
				"<h1>Harbor Chief Says ‘Spring’</h1>", "<p>First — paragraph.</p>", "<p>Second, café.</p>", "</html>"},
		},
		{
			name:  "blank title takes the headline",
			title: "  ",
			text:  "\nThe headline\nText.",
			want:  []string{"<title>The headline</title>", "<h1>The headline</h1>", "<p>Text.</p>"},
		},
		{
			name:  "markup in the title and text is escaped",
			title: "<script>alert(1)</script>",
			text:  hostile,
			want: []string{"<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>",
				"<h1>Harbor board &lt;b&gt;votes&lt;/b&gt; &amp; “approves”</h1>",
				"<p>The minutes read: &lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt; in full.</p>",
				"<p>A reader wrote &lt;img src=x onerror=&#34;document.title=&#39;pwned&#39;&#34;&gt; to the desk.</p>",
				"<p>Closing &lt;!-- comment --&gt; &amp;amp; &lt;/p&gt;&lt;/body&gt; tags.</p>"},
		},
		{
			name:  "invalid UTF-8 replaced",
			title: "T",
			text:  "Head\xff\nbad \xc3 byte",
			want:  []string{"<h1>Head\uFFFD</h1>", "<p>bad \uFFFD byte</p>"},
		},
		{
			name:  "empty text",
			title: "Nothing yet",
			text:  "",
			want:  []string{"<title>Nothing yet</title>", "<article>\n</article>"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := Write(&b, tt.title, tt.text); err != nil {
				t.Fatalf("Write: %v", err)
			}
			got := b.String()
			browsertest.InOrder(t, got, tt.want)
			browsertest.SafePage(t, got)
		})
	}
}

// TestWriteReadBack checks that reading a written page gives back the
// text, for texts already in the shape Read produces.
func TestWriteReadBack(t *testing.T) {
	tests := []struct{ name, text string }{
		{"plain", "Headline\nOne.\nTwo."},
		{"typography", "‘Finished by Spring’ — Marsh\n“On schedule,” she said… Café, naïve, Ελλάδα, 東京."},
		{"markup as text", strings.ReplaceAll(hostile, "\n\n", "\n")},
		{"no-break spaces", "Title\n« Bonjour\u00a0» — 48\u00a0million"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := Write(&b, "title", tt.text); err != nil {
				t.Fatalf("Write: %v", err)
			}
			got, err := Read(&b, 0)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if got.Text != tt.text {
				t.Errorf("read back:\ngot  %q\nwant %q", got.Text, tt.text)
			}
			if len(got.Notices) != 0 {
				t.Errorf("notices: got %q, want none", got.Notices)
			}
		})
	}
}

// FuzzWriteRead checks that any text written and read back keeps its
// words: Read of Write is the text with its lines trimmed, white space
// collapsed and blank lines dropped.
func FuzzWriteRead(f *testing.F) {
	f.Add("Headline\nOne.\n\nTwo.")
	f.Add(hostile)
	f.Add("a\u00a0b\r\nc\td")
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) || looksBinary(text) {
			t.Skip()
		}
		var b bytes.Buffer
		if err := Write(&b, "t", text); err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, l := range strings.Split(text, "\n") {
			if c := collapse(strings.NewReplacer("\r", " ", "\x00", "\uFFFD").Replace(l)); c != "" {
				want = append(want, c)
			}
		}
		if len(want) == 0 {
			want = []string{"t"} // an empty article reads as its title
		}
		got, err := Read(&b, 0)
		if err != nil {
			t.Fatalf("Read: %v", err)
		}
		if w := strings.Join(want, "\n"); got.Text != w {
			t.Fatalf("read back:\ngot  %q\nwant %q", got.Text, w)
		}
	})
}

// writeFile writes page into the test's temporary folder and returns its
// path.
func writeFile(t *testing.T, name string, page []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, page, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestPagesRenderInChromium opens each kind of page in headless Chromium
// and checks that the screenshot shows something.
func TestPagesRenderInChromium(t *testing.T) {
	browsertest.Chromium(t)
	d := diff.Words("Harbor chief says dredging on time\nThe work is on budget, Marsh said.",
		"Harbor chief says dredging will be late\nThe work is over budget, Marsh said on Tuesday.", diff.Options{})
	tests := []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"clean copy", func(b *bytes.Buffer) error {
			return Write(b, "Harbor", "Harbor Chief Says ‘Finished by Spring’\n“On schedule,” Marsh said — café owners agreed.")
		}},
		{"inline redline", func(b *bytes.Buffer) error { return WriteRedline(b, d, "Harbor", true) }},
		{"side-by-side redline", func(b *bytes.Buffer) error { return WriteRedline(b, d, "Harbor", false) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tt.write(&b); err != nil {
				t.Fatal(err)
			}
			img := browsertest.Screenshot(t, writeFile(t, "page.html", b.Bytes()))
			if got := img.Bounds().Size(); got.X != 1200 || got.Y != 900 {
				t.Errorf("screenshot size: got %v, want 1200×900", got)
			}
			// Text in anti-aliased type makes dozens of shades; a blank or
			// failed page is one colour.
			if got := browsertest.Colours(img, 16); got < 16 {
				t.Errorf("screenshot has %d colours, want at least 16 (text drawn)", got)
			}
		})
	}
}

// TestPagesRunNothingInChromium loads pages whose copy holds markup and
// script in headless Chromium and checks that the browser shows it as
// text: the DOM after load holds the escaped text, the title is unchanged,
// and there is no element the copy would have made.
func TestPagesRunNothingInChromium(t *testing.T) {
	browsertest.Chromium(t)
	old := "Harbor board votes\nThe minutes are short."
	tests := []struct {
		name  string
		title string
		write func(*bytes.Buffer) error
	}{
		{"clean copy", "Harbor &amp; board", func(b *bytes.Buffer) error { return Write(b, "Harbor & board", hostile) }},
		{"inline redline", "Harbor &amp; board", func(b *bytes.Buffer) error {
			return WriteRedline(b, diff.Words(old, hostile, diff.Options{}), "Harbor & board", true)
		}},
		{"redline of removed markup", "Harbor &amp; board", func(b *bytes.Buffer) error {
			return WriteRedline(b, diff.Words(hostile, old, diff.Options{}), "Harbor & board", true)
		}},
		{"side-by-side redline", "Harbor &amp; board", func(b *bytes.Buffer) error {
			return WriteRedline(b, diff.Words(old, hostile, diff.Options{}), "Harbor & board", false)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tt.write(&b); err != nil {
				t.Fatal(err)
			}
			dom := browsertest.DumpDOM(t, writeFile(t, "page.html", b.Bytes()))
			if want := "<title>" + tt.title + "</title>"; !strings.Contains(dom, want) {
				t.Errorf("DOM lacks %s: a script may have run; got:\n%s", want, dom)
			}
			for _, want := range []string{
				"&lt;script&gt;document.title='pwned'&lt;/script&gt;",
				`&lt;img src=x onerror="document.title='pwned'"&gt;`,
			} {
				if !strings.Contains(dom, want) {
					t.Errorf("DOM lacks the copy as text %s; got:\n%s", want, dom)
				}
			}
			for _, bad := range []string{"<script", "<img", "pwned</title>"} {
				if strings.Contains(dom, bad) {
					t.Errorf("DOM holds %q; got:\n%s", bad, dom)
				}
			}
		})
	}
}
