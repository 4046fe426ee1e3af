// Package webpage reads article copy out of web pages and writes articles
// and redlines as standalone HTML pages.
package webpage

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"copydesk/editor/textio"
)

// DefaultLimit is the size limit Read applies when it is given none: the
// limit on any text Copydesk reads. Saved news pages, with their inline
// scripts and styles, are well under 2 MiB.
const DefaultLimit = textio.MaxBytes

// maxDepth bounds how deep into nested elements Read looks. Real pages nest
// a few dozen levels; deeper content is left out with a notice rather than
// walked, so hostile input cannot exhaust the stack.
const maxDepth = 512

// Document is a web page read as article text.
type Document struct {
	// Text is Copydesk's article text: the headline on the first line, then
	// one line per paragraph, heading, quoted paragraph or list item.
	Text string
	// Notices tell the editor what the import left out or guessed, one
	// sentence each.
	Notices []string
}

// TooLargeError is returned for a page over the size limit. It matches
// editor.ErrTooLarge with errors.Is.
type TooLargeError struct {
	Limit int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("the web page is larger than the %s limit", formatSize(e.Limit))
}

// Is reports whether target is editor.ErrTooLarge.
func (e *TooLargeError) Is(target error) bool { return target == textio.ErrTooLarge }

func formatSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d-byte", n)
}

// Read reads an HTML page and returns its article as Copydesk text. It
// looks for the article body (an <article>, else <main>, else the part of
// the page holding most of the paragraph text), leaves out scripts, styles,
// navigation, headers, footers, asides, forms, figures and tables, and
// takes the headline from the article's <h1>, else the page's <title>.
// Entities are decoded and white space collapsed; every other character is
// kept. Malformed markup is read the way a browser would read it. Input
// over limit bytes (DefaultLimit when limit <= 0) is refused with a
// *TooLargeError, binary input with editor.ErrBinary, and a page with no
// text with editor.ErrNoText.
func Read(r io.Reader, limit int64) (Document, error) {
	if limit <= 0 {
		limit = DefaultLimit
	}
	raw, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return Document{}, fmt.Errorf("webpage: %w", err)
	}
	if int64(len(raw)) > limit {
		return Document{}, fmt.Errorf("webpage: %w", &TooLargeError{Limit: limit})
	}
	src, notice, err := decodePage(raw)
	if err != nil {
		return Document{}, fmt.Errorf("webpage: %w", err)
	}
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		// The parser recovers from any markup error; what it refuses is
		// nesting deeper than any real page has.
		return Document{}, fmt.Errorf("webpage: the page cannot be read as HTML: %w", err)
	}
	x := &extractor{}
	if notice != "" {
		x.notices = append(x.notices, notice)
	}
	text := x.extract(root)
	if strings.TrimSpace(text) == "" {
		return Document{}, fmt.Errorf("webpage: %w", textio.ErrNoText)
	}
	return Document{Text: text, Notices: x.notices}, nil
}

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// decodePage turns the page's bytes into UTF-8. Valid UTF-8 is taken as
// it is, whatever the page declares: a page whose bytes are valid UTF-8
// is almost never in another encoding, and a wrong declaration is common.
// Otherwise the declared encoding is used, else Windows-1252, and the
// returned notice says so.
func decodePage(b []byte) (text, notice string, err error) {
	switch {
	case bytes.HasPrefix(b, bomUTF8):
		b = b[len(bomUTF8):]
		if !utf8.Valid(b) {
			return "", "", errors.New("the page starts with a UTF-8 byte order mark but is not valid UTF-8")
		}
		text = string(b)
	case bytes.HasPrefix(b, bomUTF16LE), bytes.HasPrefix(b, bomUTF16BE):
		if bytes.HasPrefix(b, []byte{0xFF, 0xFE, 0, 0}) {
			// UTF-32 is no encoding a browser reads.
			return "", "", textio.ErrBinary
		}
		e, name, _ := charset.DetermineEncoding(b, "")
		d, err := e.NewDecoder().Bytes(b)
		if err != nil {
			return "", "", fmt.Errorf("decode %s: %w", name, err)
		}
		text = strings.TrimPrefix(string(d), "\ufeff")
		notice = fmt.Sprintf("The page was read as %s.", strings.ToUpper(name))
	default:
		if bytes.IndexByte(b, 0) >= 0 {
			return "", "", textio.ErrBinary
		}
		if utf8.Valid(b) {
			text = string(b)
			break
		}
		e, name, _ := charset.DetermineEncoding(b, "")
		if name == "utf-8" || name == "" {
			// Declared UTF-8 but it is not; Windows-1252 is what such
			// pages nearly always turn out to be.
			e, name = charset.Lookup("windows-1252")
		}
		d, err := e.NewDecoder().Bytes(b)
		if err != nil {
			return "", "", fmt.Errorf("decode %s: %w", name, err)
		}
		text, notice = string(d), fmt.Sprintf("The page is not UTF-8; it was read as %s.", name)
	}
	if looksBinary(text) {
		return "", "", textio.ErrBinary
	}
	return text, notice, nil
}

// looksBinary reports text with control characters no web page holds: more
// than a handful, or more than one in a thousand characters.
func looksBinary(s string) bool {
	var control, total int
	for _, r := range s {
		total++
		if r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' || r == 0x7F {
			control++
		}
	}
	return control > 8 || control > 0 && control*1000 > total
}

// skipped are the elements whose content is never article text.
var skipped = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Noscript: true,
	atom.Template: true, atom.Nav: true, atom.Header: true, atom.Footer: true,
	atom.Aside: true, atom.Form: true, atom.Button: true, atom.Select: true,
	atom.Textarea: true, atom.Iframe: true, atom.Object: true, atom.Embed: true,
	atom.Svg: true, atom.Math: true, atom.Canvas: true, atom.Video: true,
	atom.Audio: true, atom.Dialog: true, atom.Menu: true,
	// Figures and tables are reported in a notice: they hold copy an
	// editor may want, but not as running paragraphs.
	atom.Figure: true, atom.Table: true,
}

// blocks are the elements that start and end a line of text.
var blocks = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Blockquote: true, atom.Dd: true,
	atom.Details: true, atom.Div: true, atom.Dl: true, atom.Dt: true,
	atom.Fieldset: true, atom.Figcaption: true, atom.H1: true, atom.H2: true,
	atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Hgroup: true,
	atom.Hr: true, atom.Li: true, atom.Main: true, atom.Ol: true, atom.P: true,
	atom.Pre: true, atom.Section: true, atom.Summary: true, atom.Ul: true,
	atom.Body: true, atom.Center: true, atom.Legend: true,
	atom.Caption: true, atom.Tr: true, atom.Td: true, atom.Th: true,
}

// extractor walks a parsed page. It keeps no state between pages.
type extractor struct {
	notices  []string
	headline *html.Node
	lines    []string
	line     strings.Builder
	figures  int
	// ptext holds the paragraph text under each node; see
	// countParagraphText.
	ptext map[*html.Node]int
	// breaks counts the <br>s since the last text: one is a line break
	// inside a paragraph, two end the paragraph.
	breaks int
	tables int
	deep   bool
}

func (x *extractor) notice(format string, args ...any) {
	x.notices = append(x.notices, fmt.Sprintf(format, args...))
}

// extract returns the article text of the parsed page.
func (x *extractor) extract(doc *html.Node) string {
	body := findFirst(doc, atom.Body, 0)
	if body == nil {
		body = doc
	}
	x.ptext = make(map[*html.Node]int)
	x.countParagraphText(body, 0)
	root := x.articleRoot(body)
	title := collapse(textOf(findFirst(doc, atom.Title, 0), 0))
	headline := x.findHeadline(root, body, title)
	x.walk(root, 0)
	x.flush()
	if x.figures > 0 {
		x.notice("%s left out (figure captions are not article text).", plural(x.figures, "figure was", "figures were"))
	}
	if x.tables > 0 {
		x.notice("%s left out; add what the article needs by hand.", plural(x.tables, "table was", "tables were"))
	}
	if x.deep {
		x.notice("Part of the page is nested more than %d elements deep and was left out.", maxDepth)
	}
	lines := x.lines
	if headline != "" {
		lines = append([]string{headline}, lines...)
	}
	return strings.Join(lines, "\n")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// articleRoot picks the element holding the article: the <article> with
// the most paragraph text, else <main>, else the smallest part of the page
// that holds most of its paragraph text.
func (x *extractor) articleRoot(body *html.Node) *html.Node {
	var articles, mains []*html.Node
	visit(body, 0, func(n *html.Node) bool {
		if skipped[n.DataAtom] || hidden(n) {
			return false
		}
		switch {
		case n.DataAtom == atom.Article || attr(n, "role") == "article":
			articles = append(articles, n)
		case n.DataAtom == atom.Main || attr(n, "role") == "main":
			mains = append(mains, n)
		}
		return true
	})
	var best *html.Node
	bestText := -1
	for _, a := range articles {
		if t := x.ptext[a]; t > bestText {
			best, bestText = a, t
		}
	}
	if best != nil {
		if n := outermost(articles); n > 1 {
			x.notice("The page holds %d articles; the one with the most text was imported.", n)
		}
		return best
	}
	if len(mains) > 0 {
		return mains[0]
	}
	// Descend while one child holds most of the paragraph text: the
	// article body, without the sidebars and teasers around it.
	total := x.ptext[body]
	if total == 0 {
		return body
	}
	root := body
	for {
		var next *html.Node
		for c := root.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || skipped[c.DataAtom] || c.DataAtom == atom.P {
				continue
			}
			if x.ptext[c]*10 >= total*7 {
				next = c
				break
			}
		}
		if next == nil {
			break
		}
		root = next
	}
	if root != body {
		x.notice("The page does not mark its article; the text was taken from the part with most of the paragraphs.")
	}
	return root
}

// outermost counts the nodes that are inside no other node of the list.
func outermost(ns []*html.Node) int {
	in := make(map[*html.Node]bool, len(ns))
	for _, n := range ns {
		in[n] = true
	}
	count := 0
	for _, n := range ns {
		p := n.Parent
		for p != nil && !in[p] {
			p = p.Parent
		}
		if p == nil {
			count++
		}
	}
	return count
}

// countParagraphText records, for n and every node under it, how many
// bytes of text the <p> elements under it hold, leaving out the parts of
// the page that are never article text. It returns n's count.
func (x *extractor) countParagraphText(n *html.Node, depth int) int {
	if depth > maxDepth {
		return 0
	}
	sum := 0
	if n.Type == html.ElementNode {
		if skipped[n.DataAtom] || hidden(n) {
			return 0
		}
		if n.DataAtom == atom.P {
			sum = len(strings.TrimSpace(textOf(n, depth)))
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		k := x.countParagraphText(c, depth+1)
		if n.DataAtom != atom.P {
			sum += k
		}
	}
	x.ptext[n] = sum
	return sum
}

// findHeadline returns the headline and remembers its element so the walk
// does not repeat it: the first <h1> of the article, else a <h1> elsewhere
// on the page that the page title contains, else the title. When the page
// marks no article, a <h1> is only trusted if the title contains it: site
// names and logos are often set as <h1>.
func (x *extractor) findHeadline(root, body *html.Node, title string) string {
	inRoot, inRootText := firstHeading(root)
	if inRoot != nil && (root != body || title == "" || strings.Contains(title, inRootText)) {
		x.headline = inRoot
		return inRootText
	}
	var found string
	visit(body, 0, func(n *html.Node) bool {
		if found != "" || n.DataAtom == atom.Script || n.DataAtom == atom.Style || hidden(n) {
			return false
		}
		if n.DataAtom == atom.H1 {
			if t := collapse(textOf(n, 0)); t != "" && strings.Contains(title, t) {
				found, x.headline = t, n
			}
			return false
		}
		return true
	})
	switch {
	case found != "":
		return found
	case title != "":
		x.notice("The page has no main heading; its title was taken as the headline.")
		return title
	case inRoot != nil:
		x.headline = inRoot
		return inRootText
	}
	x.notice("The page has neither a main heading nor a title; the first line is its first paragraph.")
	return ""
}

// firstHeading returns the first <h1> with text under root, outside
// navigation, asides and footers.
func firstHeading(root *html.Node) (*html.Node, string) {
	var h *html.Node
	var text string
	visit(root, 0, func(n *html.Node) bool {
		if h != nil || hidden(n) {
			return false
		}
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Template, atom.Nav, atom.Aside, atom.Footer, atom.Form:
			return false
		case atom.H1:
			if t := collapse(textOf(n, 0)); t != "" {
				h, text = n, t
			}
			return false
		}
		return true
	})
	return h, text
}

// walk collects the lines of text under n.
func (x *extractor) walk(n *html.Node, depth int) {
	if depth > maxDepth {
		x.deep = true
		return
	}
	switch n.Type {
	case html.TextNode:
		if strings.TrimSpace(n.Data) != "" {
			x.breaks = 0
		}
		x.line.WriteString(n.Data)
		return
	case html.ElementNode:
		if n == x.headline || hidden(n) {
			return
		}
		if skipped[n.DataAtom] {
			switch n.DataAtom {
			case atom.Figure:
				x.figures++
			case atom.Table:
				x.tables++
			}
			return
		}
		if n.DataAtom == atom.Br {
			x.breaks++
			if x.breaks >= 2 {
				x.flush()
			} else {
				x.line.WriteByte(' ')
			}
			return
		}
		if n.DataAtom == atom.Pre {
			x.flush()
			for _, l := range strings.Split(textOf(n, depth), "\n") {
				x.line.WriteString(l)
				x.flush()
			}
			return
		}
	case html.DocumentNode:
	default:
		return
	}
	block := n.Type == html.ElementNode && blocks[n.DataAtom]
	if block {
		x.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		x.walk(c, depth+1)
	}
	if block {
		x.flush()
	}
}

// flush ends the current line, dropping it if it holds no text.
func (x *extractor) flush() {
	if t := collapse(x.line.String()); t != "" {
		x.lines = append(x.lines, t)
	}
	x.line.Reset()
	x.breaks = 0
}

// collapse turns each run of HTML white space into one space and trims
// white space, including no-break spaces, at the ends. No-break spaces
// inside the text are the writer's and stay.
func collapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\f':
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return strings.TrimFunc(b.String(), unicode.IsSpace)
}

// hidden reports an element the page does not show.
func hidden(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(strings.TrimSpace(a.Val), "true") {
				return true
			}
		case "style":
			s := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
			if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return strings.ToLower(strings.TrimSpace(a.Val))
		}
	}
	return ""
}

// textOf returns the text under n, scripts and styles left out.
func textOf(n *html.Node, depth int) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	var rec func(n *html.Node, depth int)
	rec = func(n *html.Node, depth int) {
		if depth > maxDepth {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			return
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style || n.DataAtom == atom.Template || hidden(n)) {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Br {
			b.WriteByte('\n')
		}
		block := n.Type == html.ElementNode && blocks[n.DataAtom]
		if block {
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c, depth+1)
		}
		if block {
			b.WriteByte(' ')
		}
	}
	rec(n, depth)
	return b.String()
}

// findFirst returns the first element with the given tag under n, in
// document order, or nil.
func findFirst(n *html.Node, tag atom.Atom, depth int) *html.Node {
	var found *html.Node
	visit(n, depth, func(c *html.Node) bool {
		if found != nil {
			return false
		}
		if c.DataAtom == tag {
			found = c
			return false
		}
		return true
	})
	return found
}

// visit calls f on each element under n (n included) in document order,
// descending into an element's children when f returns true.
func visit(n *html.Node, depth int, f func(*html.Node) bool) {
	if depth > maxDepth {
		return
	}
	if n.Type == html.ElementNode && !f(n) {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		visit(c, depth+1, f)
	}
}
