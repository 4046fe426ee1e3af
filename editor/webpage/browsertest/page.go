package browsertest

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// InOrder checks that page holds each of want, in order.
func InOrder(t *testing.T, page string, want []string) {
	t.Helper()
	rest := page
	for _, w := range want {
		i := strings.Index(rest, w)
		if i < 0 {
			t.Errorf("page lacks %q after the parts before it; got:\n%s", w, page)
			return
		}
		rest = rest[i+len(w):]
	}
}

// SafePage checks that a page is valid UTF-8 and, parsed as a browser
// would, holds no script, image, frame, object or event handler.
func SafePage(t *testing.T, page string) {
	t.Helper()
	if !utf8.ValidString(page) {
		t.Errorf("page is not valid UTF-8")
	}
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Script, atom.Img, atom.Iframe, atom.Object, atom.Embed:
				t.Errorf("page has a <%s> element", n.Data)
			}
			for _, a := range n.Attr {
				if strings.HasPrefix(a.Key, "on") {
					t.Errorf("<%s> has an event handler %s=%q", n.Data, a.Key, a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
}
