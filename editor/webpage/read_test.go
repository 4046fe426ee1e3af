package webpage

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"copydesk/editor/textio"
)

// TestReadPages reads saved pages in testdata and compares the text with
// the .txt file next to each.
func TestReadPages(t *testing.T) {
	tests := []struct {
		page    string
		notices []string // each a part of one notice
	}{
		{"news-article.html", []string{"1 figure was left out"}},
		{"div-soup.html", []string{"does not mark its article", "title was taken as the headline"}},
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", tt.page))
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(filepath.Join("testdata", strings.TrimSuffix(tt.page, ".html")+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			got, err := Read(bytes.NewReader(src), 0)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if got.Text != string(want) {
				t.Errorf("text:\ngot:\n%s\nwant:\n%s", got.Text, want)
			}
			checkNotices(t, got.Notices, tt.notices)
		})
	}
}

func checkNotices(t *testing.T, got, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("notices: got %q, want %d matching %q", got, len(want), want)
		return
	}
	for i, w := range want {
		if !strings.Contains(got[i], w) {
			t.Errorf("notice %d: got %q, want it to contain %q", i, got[i], w)
		}
	}
}

func TestReadMarkup(t *testing.T) {
	tests := []struct {
		name    string
		html    string
		want    string
		notices []string
	}{
		{
			name: "article preferred over main",
			html: `<title>T</title><main><p>Main text.</p><article><h1>Head</h1><p>Article text.</p></article></main>`,
			want: "Head\nArticle text.",
		},
		{
			name: "main when there is no article",
			html: `<title>T</title><div><p>Teaser.</p></div><main><h1>Head</h1><p>Body text.</p></main>`,
			want: "Head\nBody text.",
		},
		{
			name:    "longest of several articles",
			html:    `<title>T</title><article><h1>Short</h1><p>A.</p></article><article><h1>Long</h1><p>A much longer article body.</p></article>`,
			want:    "Long\nA much longer article body.",
			notices: []string{"holds 2 articles"},
		},
		{
			name: "entities decoded and white space collapsed",
			html: "<article><h1>Caf&eacute;  \n  &amp; bar</h1><p>  One\t&lt;two&gt;   &#8220;three&#8221;\n</p></article>",
			want: "Café & bar\nOne <two> “three”",
		},
		{
			name: "no-break spaces inside the text are kept",
			html: "<article><h1>H</h1><p>&nbsp;« Bonjour&nbsp;»&nbsp;</p></article>",
			want: "H\n« Bonjour\u00a0»",
		},
		{
			name: "malformed markup read leniently",
			html: `<article><h1>Head</h1 <p>First <b>bold <i>both</b> italic</i><p>Second</article`,
			want: "Head\nFirst bold both italic\nSecond",
		},
		{
			name: "two line breaks end a paragraph, one does not",
			html: `<article><h1>H</h1><p>one<br>two<br><br>three<br/> <br/>four</p></article>`,
			want: "H\none two\nthree\nfour",
		},
		{
			name: "preformatted text keeps its lines",
			html: "<article><h1>H</h1><pre>line 1\n  line 2\n\nline 3</pre></article>",
			want: "H\nline 1\nline 2\nline 3",
		},
		{
			name:    "title when there is no heading",
			html:    `<title> Only  a title </title><p>Text.</p>`,
			want:    "Only a title\nText.",
			notices: []string{"title was taken as the headline"},
		},
		{
			name:    "no heading and no title",
			html:    `<p>Just text.</p><p>More.</p>`,
			want:    "Just text.\nMore.",
			notices: []string{"neither a main heading nor a title"},
		},
		{
			name:    "site logo heading ignored when the page marks no article",
			html:    `<title>Real headline - Site</title><div><h1>Site</h1></div><div><h1>Real headline</h1><p>Body text is here.</p></div>`,
			want:    "Real headline\nBody text is here.",
			notices: []string{"does not mark its article"},
		},
		{
			name:    "tables and hidden content left out",
			html:    `<article><h1>H</h1><p hidden>secret</p><table><tr><td>cell</td></tr></table><p>Kept.</p><template><p>t</p></template></article>`,
			want:    "H\nKept.",
			notices: []string{"1 table was left out"},
		},
		{
			name: "script text is never copy",
			html: `<article><h1>H</h1><p>Before<script>var x = "<p>in script</p>";</script> after.</p></article>`,
			want: "H\nBefore after.",
		},
		{
			name: "list items and headings one line each",
			html: `<article><h1>H</h1><h2>Sub</h2><ol><li>one<li>two <ul><li>nested</ul></ol></article>`,
			want: "H\nSub\none\ntwo\nnested",
		},
		{
			name:    "plain text without markup",
			html:    "A headline\n\nA paragraph.",
			want:    "A headline A paragraph.",
			notices: []string{"neither a main heading nor a title"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read(strings.NewReader(tt.html), 0)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if got.Text != tt.want {
				t.Errorf("text:\ngot  %q\nwant %q", got.Text, tt.want)
			}
			checkNotices(t, got.Notices, tt.notices)
		})
	}
}

func TestReadEncodings(t *testing.T) {
	const page = "<html><head>%s<title>Caf\u00e9 “news”</title></head><body><p>Na\u00efve r\u00e9sum\u00e9 — ok.</p></body></html>"
	const want = "Café “news”\nNaïve résumé — ok."
	const title = "title was taken as the headline"
	win1252 := func(s string) []byte {
		b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	utf16 := func(s string) []byte {
		b, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	tests := []struct {
		name    string
		src     []byte
		notices []string
	}{
		{"UTF-8", []byte(sprintf(page, "")), []string{title}},
		{"UTF-8 with BOM", append([]byte{0xEF, 0xBB, 0xBF}, sprintf(page, "")...), []string{title}},
		{"UTF-8 declared as Latin-1", []byte(sprintf(page, `<meta charset="iso-8859-1">`)), []string{title}},
		{"Windows-1252 declared", win1252(sprintf(page, `<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">`)), []string{"read as windows-1252", title}},
		{"Windows-1252 undeclared", win1252(sprintf(page, "")), []string{"read as windows-1252", title}},
		{"UTF-16 with BOM", utf16(sprintf(page, "")), []string{"read as UTF-16LE", title}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read(bytes.NewReader(tt.src), 0)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if got.Text != want {
				t.Errorf("text: got %q, want %q", got.Text, want)
			}
			checkNotices(t, got.Notices, tt.notices)
		})
	}
}

func sprintf(format, s string) string { return strings.Replace(format, "%s", s, 1) }

func TestReadRefuses(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10")
	tests := []struct {
		name    string
		src     []byte
		limit   int64
		is      error  // errors.Is target
		message string // part of the error message
	}{
		{"PNG image", png, 0, textio.ErrBinary, "binary"},
		{"control characters", []byte("<p>a\x01b\x02c\x03d\x04e\x05f\x06g\x07h\x08i\x0bj\x0e</p>"), 0, textio.ErrBinary, "binary"},
		{"UTF-32", []byte("\xFF\xFE\x00\x00<\x00\x00\x00"), 0, textio.ErrBinary, "binary"},
		{"over the limit", bytes.Repeat([]byte("<p>word</p>"), 200), 1 << 10, textio.ErrTooLarge, "larger than the 1 KiB limit"},
		{"over the default limit", bytes.Repeat([]byte("a"), DefaultLimit+1), 0, textio.ErrTooLarge, "larger than the 16 MiB limit"},
		{"no text", []byte("<html><head><title> </title><script>x()</script></head><body><nav>Menu</nav></body></html>"), 0, textio.ErrNoText, "no text"},
		{"empty", nil, 0, textio.ErrNoText, "no text"},
		{"bad UTF-8 after a BOM", []byte("\xEF\xBB\xBF<p>\xff</p>"), 0, nil, "byte order mark"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read(bytes.NewReader(tt.src), tt.limit)
			if err == nil {
				t.Fatalf("Read: got %q, want an error", got.Text)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error %q: want errors.Is %q", err, tt.is)
			}
			if !strings.Contains(err.Error(), tt.message) {
				t.Errorf("error %q: want it to say %q", err, tt.message)
			}
		})
	}
}

func TestReadAtLimit(t *testing.T) {
	src := []byte("<p>exactly at the limit</p>")
	got, err := Read(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		t.Fatalf("Read at the limit: %v", err)
	}
	if want := "exactly at the limit"; got.Text != want {
		t.Errorf("got %q, want %q", got.Text, want)
	}
}

func TestReadDeepNesting(t *testing.T) {
	tests := []struct {
		name  string
		depth int
		want  string // "" for an error
	}{
		{"deep but readable", 400, "Deep\nTop.\nburied"},
		{"deeper than any page", 5000, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "<title>Deep</title><p>Top.</p>" + strings.Repeat("<div>", tt.depth) + "buried" + strings.Repeat("</div>", tt.depth)
			got, err := Read(strings.NewReader(src), 0)
			switch {
			case tt.want == "" && err == nil:
				t.Fatalf("Read: got %q, want an error", got.Text)
			case tt.want == "" && !strings.Contains(err.Error(), "cannot be read as HTML"):
				t.Errorf("error %q: want it to say the page cannot be read", err)
			case tt.want != "" && err != nil:
				t.Fatalf("Read: %v", err)
			case got.Text != tt.want:
				t.Errorf("got %q, want %q", got.Text, tt.want)
			}
		})
	}
}
