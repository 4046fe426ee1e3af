package docx

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"

	"copydesk/editor/textio"
)

// Namespaces of the elements the reader looks at. Word writes the
// transitional WordprocessingML namespace; "Strict Open XML" files use the
// second one for the same elements.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// bodyReader walks word/document.xml as a stream of tokens and collects
// the paragraphs' text. It keeps only a stack of open element names, so
// memory stays proportional to the text, not to the XML.
type bodyReader struct {
	view view
	// stack holds the local names of the open elements in the w
	// namespace ("" for others), innermost last.
	stack []string
	// skipFrom, when >= 0, is the stack depth of an element whose content
	// is dropped (a deletion, a fallback, a deleted table row) until it
	// ends.
	skipFrom int
	// paras are the open paragraphs: more than one when a text box sits
	// inside a paragraph.
	paras []*paragraph
	// carry is the text of paragraphs whose mark was removed, which
	// therefore run on into the next paragraph, with its comment marks.
	carry piece
	// hiddenRun marks the current run as hidden text (w:vanish).
	hiddenRun bool
	// inText is set inside w:t (and w:delText when reading the old text).
	inText bool

	lines []string
	// textLen is the length of the text so far: the lines joined by
	// line breaks.
	textLen int
	// marks are where each comment's marks fell in the text, by w:id;
	// pendingStarts are comment starts seen between paragraphs (or in
	// one that came out empty), which fall at the next line.
	marks         map[string]*markPlace
	pendingStarts []string
	// lastParaID is the w14:paraId of the last paragraph opened, which
	// names a comment in word/commentsExtended.xml.
	lastParaID string

	size      int
	tracked   bool
	footnotes int
	endnotes  int
	// comments counts the comment references in the text, markCount
	// the comment marks followed.
	comments  int
	markCount int
	textBoxes int
}

type paragraph struct {
	text  strings.Builder
	marks []readMark
	// markRemoved is set when the paragraph mark is a tracked deletion
	// (or, when reading the old text, a tracked insertion): the paragraph
	// then joins the next one.
	markRemoved bool
	// nested are the finished paragraphs of text boxes anchored in this
	// one; they are emitted after it.
	nested []piece
}

// piece is the text of a finished paragraph, or of paragraphs run
// together, with the comment marks in it.
type piece struct {
	text  string
	marks []readMark
}

// readMark is a comment mark met in a paragraph, at a byte offset of its
// text.
type readMark struct {
	at   int
	id   string
	kind markKind
}

// markPlace is where a comment's marks fell in the text, -1 for none.
type markPlace struct {
	start, end, ref int
}

func readBody(r io.Reader, v view) (Document, map[string]*markPlace, error) {
	br := newBodyReader(v)
	dec := xml.NewDecoder(bufio.NewReaderSize(skipBOM(r), 64<<10))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			if errors.Is(err, ErrTooLarge) {
				return Document{}, nil, err
			}
			return Document{}, nil, fmt.Errorf("%w: word/document.xml: %v", ErrMalformed, err)
		}
		if err := br.token(tok); err != nil {
			return Document{}, nil, err
		}
	}
	if len(br.stack) != 0 {
		return Document{}, nil, fmt.Errorf("%w: word/document.xml ends early", ErrMalformed)
	}
	br.flush()
	if len(br.lines) == 0 {
		return Document{}, nil, textio.ErrNoText
	}
	return Document{Text: strings.Join(br.lines, "\n"), Notices: br.notices()}, br.marks, nil
}

func newBodyReader(v view) *bodyReader {
	return &bodyReader{view: v, skipFrom: -1, marks: map[string]*markPlace{}}
}

// flush emits the text still carried at the end of the part, and places
// the comment starts still waiting at its end.
func (br *bodyReader) flush() {
	if br.carry.text != "" || len(br.carry.marks) > 0 {
		br.emit(br.carry)
		br.carry = piece{}
	}
	for _, id := range br.pendingStarts {
		br.place(id, markStart, br.textLen)
	}
	br.pendingStarts = nil
}

// skipBOM drops a UTF-8 byte order mark, which encoding/xml does not
// expect before the XML declaration.
func skipBOM(r io.Reader) io.Reader {
	br := bufio.NewReader(r)
	if b, err := br.Peek(3); err == nil && string(b) == "\xEF\xBB\xBF" {
		br.Discard(3)
	}
	return br
}

func (br *bodyReader) token(tok xml.Token) error {
	switch t := tok.(type) {
	case xml.StartElement:
		if len(br.stack) >= maxDepth {
			return fmt.Errorf("%w: word/document.xml nests elements more than %d deep", ErrMalformed, maxDepth)
		}
		name := br.localName(t.Name)
		br.stack = append(br.stack, name)
		br.commentMark(name, t.Attr)
		if br.skipFrom >= 0 {
			return nil
		}
		if t.Name.Space == nsMC && t.Name.Local == "Fallback" {
			// mc:AlternateContent offers the same content twice; the
			// Choice is read, the Fallback skipped.
			br.skip()
			return nil
		}
		br.start(name, t.Attr)
	case xml.EndElement:
		depth := len(br.stack)
		name := br.stack[depth-1]
		br.stack = br.stack[:depth-1]
		if br.skipFrom >= 0 {
			if depth-1 == br.skipFrom {
				br.skipFrom = -1
			}
			return nil
		}
		br.end(name)
	case xml.CharData:
		if br.inText && br.skipFrom < 0 && !br.hiddenRun {
			br.write(string(t))
		}
	}
	if br.size > textio.MaxBytes {
		return textTooLong()
	}
	return nil
}

// localName returns the local name of a WordprocessingML element, or "" for
// elements in other namespaces, which the reader only walks through.
func (br *bodyReader) localName(n xml.Name) string {
	switch n.Space {
	case nsW, nsWStrict:
		return n.Local
	}
	return ""
}

// skip drops the content of the element just opened.
func (br *bodyReader) skip() { br.skipFrom = len(br.stack) - 1 }

// parent returns the name of the n-th enclosing element of the one just
// opened (1 is its parent).
func (br *bodyReader) parent(n int) string {
	i := len(br.stack) - 1 - n
	if i < 0 {
		return ""
	}
	return br.stack[i]
}

func (br *bodyReader) start(name string, attrs []xml.Attr) {
	switch name {
	case "p":
		br.paras = append(br.paras, &paragraph{})
		br.lastParaID = ""
		for _, a := range attrs {
			if a.Name.Local == "paraId" {
				br.lastParaID = a.Value
			}
		}
	case "r":
		br.hiddenRun = false
	case "vanish":
		if br.parent(1) == "rPr" && br.parent(2) == "r" && on(attrs) {
			br.hiddenRun = true
		}
	case "t":
		br.inText = true
	case "delText":
		br.inText = br.view == rejectAll
	case "tab", "br", "cr":
		// Tab stops (w:tabs/w:tab) and other properties are not text.
		if br.parent(1) == "r" {
			br.write(" ")
		}
	case "noBreakHyphen":
		if br.parent(1) == "r" {
			br.write("\u2011")
		}
	case "ins", "moveTo":
		br.tracked = true
		br.revision(true)
	case "del", "moveFrom":
		br.tracked = true
		br.revision(false)
	case "rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "trPrChange", "tcPrChange", "numberingChange":
		// Formatting changes leave the text as it is either way.
		br.tracked = true
		br.skip()
	case "footnoteReference":
		br.footnotes++
	case "endnoteReference":
		br.endnotes++
	case "txbxContent":
		br.textBoxes++
	case "instrText", "delInstrText":
		// Field codes ({ PAGE }, { HYPERLINK "…" }) are instructions;
		// their result follows in ordinary runs.
		br.skip()
	}
}

// revision handles an element that marks tracked content: w:ins or w:moveTo
// (inserted is true), w:del or w:moveFrom. Where it sits decides what it
// marks: run content, a paragraph mark or a table row.
func (br *bodyReader) revision(inserted bool) {
	removed := inserted == (br.view == rejectAll)
	switch {
	case br.parent(1) == "rPr" && br.parent(2) == "pPr":
		if removed && len(br.paras) > 0 {
			br.paras[len(br.paras)-1].markRemoved = true
		}
		br.skip()
	case br.parent(1) == "rPr":
		// A run property saying the run itself was inserted or deleted
		// (used on some field and footnote marks); it has no content.
		br.skip()
	case br.parent(1) == "trPr":
		if removed {
			// Drop the whole row: trPr is its first child.
			br.skipFrom = len(br.stack) - 3
		} else {
			br.skip()
		}
	case br.parent(1) == "tcPr", br.parent(1) == "numPr":
		br.skip()
	default:
		if removed {
			br.skip()
		}
	}
}

func (br *bodyReader) end(name string) {
	switch name {
	case "t", "delText":
		br.inText = false
	case "r":
		br.hiddenRun = false
	case "p":
		if len(br.paras) == 0 {
			return
		}
		p := br.paras[len(br.paras)-1]
		br.paras = br.paras[:len(br.paras)-1]
		br.finish(p)
	}
}

// finish closes a paragraph: it joins the next one if its mark was
// removed, and otherwise becomes a line (or, inside a text box, waits for
// the paragraph the box is anchored in).
func (br *bodyReader) finish(p *paragraph) {
	joined := piece{text: br.carry.text + p.text.String(), marks: br.carry.marks}
	for _, m := range p.marks {
		m.at += len(br.carry.text)
		joined.marks = append(joined.marks, m)
	}
	br.carry = piece{}
	if p.markRemoved {
		br.carry = joined
		for _, n := range p.nested {
			br.emit(n)
		}
		return
	}
	if len(br.paras) > 0 {
		outer := br.paras[len(br.paras)-1]
		outer.nested = append(outer.nested, joined)
		outer.nested = append(outer.nested, p.nested...)
		return
	}
	br.emit(joined)
	for _, n := range p.nested {
		br.emit(n)
	}
}

// write adds text to the innermost open paragraph. Text outside any
// paragraph (which Word never writes) is ignored.
func (br *bodyReader) write(s string) {
	if len(br.paras) == 0 {
		return
	}
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\n', '\r', '\t':
			return ' '
		}
		return r
	}, s)
	br.paras[len(br.paras)-1].text.WriteString(s)
	br.size += len(s)
}

// emit adds a finished paragraph as a line, trimmed, and places its
// comment marks; empty paragraphs (spacing in Word) are dropped, their
// marks falling between the lines around them.
func (br *bodyReader) emit(p piece) {
	text := strings.TrimSpace(p.text)
	if text == "" {
		for _, m := range p.marks {
			br.markBetween(m.id, m.kind)
		}
		return
	}
	lead := len(p.text) - len(strings.TrimLeftFunc(p.text, unicode.IsSpace))
	start := br.textLen
	if len(br.lines) > 0 {
		start++ // the line break before this line
	}
	for _, id := range br.pendingStarts {
		br.place(id, markStart, start)
	}
	br.pendingStarts = nil
	for _, m := range p.marks {
		br.place(m.id, m.kind, start+max(0, min(m.at-lead, len(text))))
	}
	br.lines = append(br.lines, text)
	br.textLen = start + len(text)
}

// on reports whether an OOXML on/off property is on: it is unless its
// w:val says otherwise.
func on(attrs []xml.Attr) bool {
	for _, a := range attrs {
		if a.Name.Local == "val" {
			switch a.Value {
			case "false", "0", "off":
				return false
			}
		}
	}
	return true
}

func (br *bodyReader) notices() []string {
	var out []string
	if br.tracked {
		if br.view == acceptAll {
			out = append(out, "The document has tracked changes; its text was read as if all of them were accepted.")
		} else {
			out = append(out, "The document has tracked changes; its text was read as if all of them were rejected.")
		}
	}
	for _, n := range []struct {
		count       int
		one, plural string
	}{
		{br.footnotes, "1 footnote was left out.", "%d footnotes were left out."},
		{br.endnotes, "1 endnote was left out.", "%d endnotes were left out."},
	} {
		switch {
		case n.count == 1:
			out = append(out, n.one)
		case n.count > 1:
			out = append(out, fmt.Sprintf(n.plural, n.count))
		}
	}
	if br.textBoxes > 0 {
		out = append(out, "Text in text boxes was added after the paragraph each box is anchored to.")
	}
	return out
}

// commentMark notes a comment's range start, range end or reference where
// it falls: in the paragraph being read, or between paragraphs. Marks
// inside deleted text fall where the deletion was. Only the first mark of
// each kind for an id counts, so the copy of content in an mc:Fallback
// changes nothing.
func (br *bodyReader) commentMark(name string, attrs []xml.Attr) {
	var kind markKind
	switch name {
	case "commentRangeStart":
		kind = markStart
	case "commentRangeEnd":
		kind = markEnd
	case "commentReference":
		kind = markPointEnd
		br.comments++
	default:
		return
	}
	if br.markCount++; br.markCount > maxCommentMarks {
		return
	}
	var id string
	for _, a := range attrs {
		if a.Name.Local == "id" {
			id = a.Value
		}
	}
	if len(br.paras) == 0 {
		br.markBetween(id, kind)
		return
	}
	p := br.paras[len(br.paras)-1]
	p.marks = append(p.marks, readMark{at: p.text.Len(), id: id, kind: kind})
}

// markBetween places a mark that is in no line: a start at the next line,
// an end or reference at the end of the text so far.
func (br *bodyReader) markBetween(id string, kind markKind) {
	if kind == markStart {
		br.pendingStarts = append(br.pendingStarts, id)
		return
	}
	br.place(id, kind, br.textLen)
}

// place records that a mark of comment id falls at offset at of the text,
// unless one of its kind already did. The map is bounded by the document's
// size: each entry comes from an element of it.
func (br *bodyReader) place(id string, kind markKind, at int) {
	mp := br.marks[id]
	if mp == nil {
		if len(br.marks) >= MaxComments {
			return
		}
		mp = &markPlace{-1, -1, -1}
		br.marks[id] = mp
	}
	switch kind {
	case markStart:
		if mp.start < 0 {
			mp.start = at
		}
	case markEnd:
		if mp.end < 0 {
			mp.end = at
		}
	default:
		if mp.ref < 0 {
			mp.ref = at
		}
	}
}
