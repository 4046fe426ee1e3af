package webpage

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"copydesk/editor/diff"
	"copydesk/editor/webpage/browsertest"
)

// readRedline reads both revisions back out of an inline redline page:
// the new one is the text without the <del>s, the old one the text
// without the <ins>s, with each ¶ in a <del> a line break and paragraphs
// an inserted break split off joined again.
func readRedline(t *testing.T, page string) (oldText, newText string) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var ps []*html.Node
	visit(doc, 0, func(n *html.Node) bool {
		if n.DataAtom == atom.Div && attr(n, "class") == "redline" {
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.DataAtom == atom.P {
					ps = append(ps, c)
				}
			}
			return false
		}
		return true
	})
	var oldB, newB strings.Builder
	for i, p := range ps {
		if i > 0 {
			newB.WriteByte('\n')
			if attr(p, "class") != "split" {
				oldB.WriteByte('\n')
			}
		}
		var rec func(n *html.Node, in atom.Atom)
		rec = func(n *html.Node, in atom.Atom) {
			if n.Type == html.TextNode {
				if in != atom.Ins {
					oldB.WriteString(n.Data)
				}
				if in != atom.Del {
					newB.WriteString(n.Data)
				}
				return
			}
			if n.DataAtom == atom.Span && attr(n, "class") == "pm" {
				if in == atom.Del {
					oldB.WriteByte('\n')
				}
				return
			}
			if n.DataAtom == atom.Del || n.DataAtom == atom.Ins {
				in = n.DataAtom
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				rec(c, in)
			}
		}
		rec(p, 0)
	}
	return oldB.String(), newB.String()
}

func TestWriteRedlineInline(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		want     []string // parts of the page, in order
	}{
		{
			name: "replaced word",
			old:  "Harbor\nThe work is on budget.",
			new:  "Harbor\nThe work is over budget.",
			want: []string{"<p>Harbor</p>", `<del id="c0">on</del><ins>over</ins>`},
		},
		{
			name: "inserted and deleted sentences",
			old:  "Head\nOne. Two.\nThree.",
			new:  "Head\nOne.\nThree. Four.",
			want: []string{"<del", "Two.</del>", "<ins", "Four.</ins>"},
		},
		{
			name: "deleted paragraph",
			old:  "Head\nKeep.\nDrop this one.\nEnd.",
			new:  "Head\nKeep.\nEnd.",
			want: []string{"<p>Keep.</p>", `Drop this one.<span class="pm">¶</span></del>End.`},
		},
		{
			name: "split paragraph",
			old:  "Head\nFirst half and second half.",
			new:  "Head\nFirst half.\nAnd second half.",
			want: []string{`<span class="pm">¶</span></ins></p>`, `<p class="split">`},
		},
		{
			name: "moved paragraph",
			old:  "Head\nAlpha paragraph here.\nBeta paragraph there.\nGamma paragraph last.",
			new:  "Head\nBeta paragraph there.\nGamma paragraph last.\nAlpha paragraph here.",
			want: []string{`class="move"`},
		},
		{
			name: "markup escaped",
			old:  "Head\nSafe.",
			new:  "Head\nSafe <script>x()</script> & sound.",
			want: []string{"&lt;script&gt;x()&lt;/script&gt; &amp;"},
		},
		{
			name: "no changes",
			old:  "Head\nSame.",
			new:  "Head\nSame.",
			want: []string{"0 words inserted, 0 deleted, 0 paragraphs changed", "<p>Head</p>\n<p>Same.</p>"},
		},
		{
			name: "everything new",
			old:  "",
			new:  "Head\nAll new.",
			want: []string{"<ins", "Head"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := diff.Words(tt.old, tt.new, diff.Options{})
			var b bytes.Buffer
			if err := WriteRedline(&b, d, "Harbor & co", true); err != nil {
				t.Fatalf("WriteRedline: %v", err)
			}
			page := b.String()
			browsertest.InOrder(t, page, append([]string{"<title>Harbor &amp; co</title>", "<h1>Harbor &amp; co</h1>"}, tt.want...))
			browsertest.SafePage(t, page)
			gotOld, gotNew := readRedline(t, page)
			if gotOld != tt.old {
				t.Errorf("old revision read back:\ngot  %q\nwant %q", gotOld, tt.old)
			}
			if gotNew != tt.new {
				t.Errorf("new revision read back:\ngot  %q\nwant %q", gotNew, tt.new)
			}
		})
	}
}

func TestWriteRedlineHidesTypography(t *testing.T) {
	d := diff.Words("Head\n\"Yes,\" she said.", "Head\n“Yes,” she said today.", diff.Options{HideTypography: true})
	var b bytes.Buffer
	if err := WriteRedline(&b, d, "t", true); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	browsertest.InOrder(t, page, []string{"typography changes not shown", "<p>“Yes,” she said", "<ins", "today", "</ins>"})
	if strings.Contains(page, "<del") {
		t.Errorf("page shows a hidden change as deleted:\n%s", page)
	}
}

func TestWriteRedlineSideBySide(t *testing.T) {
	d := diff.Words("Head\nOld <b>words</b>.", "Head\nNew <b>words</b>.", diff.Options{})
	var got, want bytes.Buffer
	if err := WriteRedline(&got, d, "t", false); err != nil {
		t.Fatal(err)
	}
	if err := d.WriteHTML(&want, "t"); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("side by side: got a page other than Diff.WriteHTML's")
	}
	browsertest.SafePage(t, got.String())
}

// FuzzWriteRedline checks that both revisions can be read back out of any
// inline redline.
func FuzzWriteRedline(f *testing.F) {
	f.Add("Head\nOne. Two.\nThree.", "Head\nOne.\nThree. Four.")
	f.Add("Head\nA b c.\nD e f.\nG h i.", "Head\nD e f.\nG h i.\nA b c.")
	f.Add("x\ny", "x y")
	f.Fuzz(func(t *testing.T, old, new string) {
		if !validCopy(old) || !validCopy(new) {
			t.Skip()
		}
		d := diff.Words(old, new, diff.Options{})
		var b bytes.Buffer
		if err := WriteRedline(&b, d, "t", true); err != nil {
			t.Fatal(err)
		}
		gotOld, gotNew := readRedline(t, b.String())
		if gotOld != old || gotNew != new {
			t.Fatalf("read back:\nold got %q\n    want %q\nnew got %q\n    want %q", gotOld, old, gotNew, new)
		}
	})
}

// validCopy reports text the HTML parser gives back unchanged: UTF-8
// without carriage returns, NULs or other control characters.
func validCopy(s string) bool {
	for _, r := range s {
		if r == utf8RuneError || r < 0x20 && r != '\n' && r != '\t' || r == 0x7F || r >= 0x80 && r < 0xA0 {
			return false
		}
	}
	return true
}

const utf8RuneError = '\uFFFD'
