package report

import (
	_ "embed"
	"fmt"
	"io"
	"strings"

	"sync"

	"copydesk/editor"
	"copydesk/editor/pdf"
	"copydesk/editor/source"
)

// DejaVu Sans covers Latin, Greek, Cyrillic and the typography of news
// copy (curly quotes, dashes, ellipses); fonts/LICENSE has its licence.
// Only the glyphs a record uses are embedded, so the PDFs stay small.
var (
	//go:embed fonts/DejaVuSans.ttf
	fontRegular []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	fontBold []byte
)

const (
	fontFamily = "DejaVuSans"
	pageMargin = 18.0 // mm, left and right
	topMargin  = 22.0 // mm, below the running header
	footMargin = 18.0 // mm, above the page number
	lineHeight = 5.0  // mm for 10 pt text
)

// Colours, as RGB.
var (
	black = [3]int{17, 17, 17}
	grey  = [3]int{100, 100, 100}
	red   = [3]int{170, 0, 0}
	green = [3]int{0, 112, 0}
	blue  = [3]int{68, 102, 136}
)

// WritePDF writes the review record as an A4 PDF: the same sections as
// WriteHTML, with the article title and revision at the top of every page
// and "Page n of m" at the foot. Text is set in DejaVu Sans, embedded,
// and every character DejaVu lacks in the installed font that has it
// (Noto and the like): Arabic joined and Hebrew right to left, CJK,
// Hangul, Indic scripts shaped, emoji in colour. The text layer copies
// and searches as the characters shown. Characters no installed font
// has are named in a notice at the end of the record and returned in
// PDFResult.Missing.
func WritePDF(w io.Writer, r Report) error {
	_, err := WritePDFResult(w, r, PDFOptions{})
	return err
}

// PDFOptions tune WritePDF.
type PDFOptions struct {
	// NoSystemFonts sets the record in the embedded font alone, as on a
	// machine with no other fonts installed.
	NoSystemFonts bool
}

// PDFResult says what a PDF record could not show.
type PDFResult struct {
	// Missing lists the characters no font on this machine could draw;
	// they print as empty boxes but stay in the text layer.
	Missing []string
}

// WritePDFResult writes the record like WritePDF and reports the
// characters it could not draw.
func WritePDFResult(w io.Writer, r Report, o PDFOptions) (PDFResult, error) {
	fonts, err := loadFonts(o)
	if err != nil {
		return PDFResult{}, err
	}
	d := newPDF(r, fonts)
	d.body(r)
	missing := d.doc.Missing()
	if len(missing) > 0 {
		d.missingNotice(missing)
	}
	d.footers()
	if err := d.doc.Write(w); err != nil {
		return PDFResult{}, fmt.Errorf("report: write PDF: %w", err)
	}
	return PDFResult{Missing: missing}, nil
}

var (
	fontsOnce   sync.Once
	sharedFonts *pdf.Fonts
	fontsErr    error
)

// loadFonts indexes the installed fonts once per process.
func loadFonts(o PDFOptions) (*pdf.Fonts, error) {
	opts := pdf.FontOptions{Family: "DejaVu Sans", Regular: fontRegular, Bold: fontBold}
	if o.NoSystemFonts {
		opts.NoSystemFonts = true
		return pdf.NewFonts(opts)
	}
	fontsOnce.Do(func() { sharedFonts, fontsErr = pdf.NewFonts(opts) })
	return sharedFonts, fontsErr
}

// pdfDoc is a record being set.
type pdfDoc struct {
	doc *pdf.Doc
	// width is the width of the text column.
	width float64
	// style is the current text style.
	style pdf.Style
	title string
}

func newPDF(r Report, fonts *pdf.Fonts) *pdfDoc {
	doc := pdf.New(fonts)
	doc.Top, doc.Bottom = topMargin, footMargin
	d := &pdfDoc{doc: doc, width: pdf.PageWidth - 2*pageMargin, title: clean(r.title())}
	doc.Info = pdf.Info{Title: "Review record: " + d.title, Creator: "Copydesk", Created: r.Generated}
	if doc.Info.Created.IsZero() {
		doc.Info.Created = r.Revision.Created
	}
	running := fmt.Sprintf("Revision %s", r.revisionLabel())
	doc.Header = func(doc *pdf.Doc) {
		d.font("", 8, grey)
		rb := doc.Layout([]pdf.Span{{Text: clean(running), Style: d.style}}, d.width, 5)
		rw := rb.Width() + 2
		doc.DrawAt(d.fit(d.title, d.width-rw-4, 5), pageMargin, 10, d.width-rw)
		doc.DrawAt(rb, pdf.PageWidth-pageMargin-rb.Width(), 10, rb.Width())
		doc.Line(pageMargin, 15.5, pdf.PageWidth-pageMargin, 15.5, 0.2, pdf.RGB{180, 180, 180})
	}
	doc.AddPage()
	return d
}

// footers puts "Page n of m" at the foot of every page.
func (d *pdfDoc) footers() {
	d.font("", 8, grey)
	total := d.doc.Pages()
	for n := 1; n <= total; n++ {
		d.doc.OnPage(n)
		b := d.doc.Layout([]pdf.Span{{Text: fmt.Sprintf("Page %d of %d", n, total), Style: d.style}}, d.width, 5)
		d.doc.DrawAt(b, (pdf.PageWidth-b.Width())/2, pdf.PageHeight-12, b.Width())
	}
}

// missingNotice ends the record with the characters it could not draw.
func (d *pdfDoc) missingNotice(missing []string) {
	var names []string
	for _, m := range missing {
		var codes []string
		for _, r := range m {
			codes = append(codes, fmt.Sprintf("U+%04X", r))
		}
		names = append(names, strings.Join(codes, " "))
	}
	d.heading("Characters not drawn", 10)
	d.font("", 10, red)
	d.para(0, lineHeight, "This computer has no font for these characters, so they print as empty boxes; they are still in the text layer and in the HTML record: "+strings.Join(names, ", ")+". Install a font that covers them (for example Noto) and export again.", 0)
}

// fit returns s set on one line, shortened with an ellipsis until it is
// at most w wide.
func (d *pdfDoc) fit(s string, w, h float64) *pdf.Block {
	b := d.doc.Layout([]pdf.Span{{Text: s, Style: d.style}}, 1e6, h)
	if b.Width() <= w {
		return b
	}
	rs := []rune(s)
	lo, hi := 0, len(rs)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if d.doc.Layout([]pdf.Span{{Text: string(rs[:mid]) + "…", Style: d.style}}, 1e6, h).Width() <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return d.doc.Layout([]pdf.Span{{Text: string(rs[:lo]) + "…", Style: d.style}}, 1e6, h)
}

func (d *pdfDoc) font(style string, size float64, colour [3]int) {
	d.style = pdf.Style{Size: size, Bold: style == "B", Colour: pdf.RGB{uint8(colour[0]), uint8(colour[1]), uint8(colour[2])}}
}

// span is s in the current style.
func (d *pdfDoc) span(s string) pdf.Span { return pdf.Span{Text: clean(s), Style: d.style} }

// para sets a paragraph of text across the column, indented by indent mm,
// with space after it.
func (d *pdfDoc) para(indent, h float64, s string, after float64) {
	d.spans(indent, h, after, d.span(s))
}

// spans sets a paragraph of spans in their own styles.
func (d *pdfDoc) spans(indent, h, after float64, spans ...pdf.Span) {
	b := d.doc.Layout(spans, d.width-indent, h)
	d.doc.Draw(b, pageMargin+indent, d.width-indent)
	d.doc.Space(after)
}

// heading starts a section, on a new page if fewer than need mm are left
// for what follows it.
func (d *pdfDoc) heading(s string, need float64) {
	d.keep(need + 12)
	d.doc.Space(3)
	d.font("B", 13, black)
	d.para(0, 7, s, 0)
	y := d.doc.Y()
	d.doc.Line(pageMargin, y, pdf.PageWidth-pageMargin, y, 0.2, pdf.RGB{0, 0, 0})
	d.doc.Space(3)
}

// keep starts a new page unless need mm are left on this one.
func (d *pdfDoc) keep(need float64) { d.doc.Keep(need) }

// passage sets a source passage: indented, in blue, with a rule on its
// left.
func (d *pdfDoc) passage(indent float64, label, text string) {
	d.font("", 8.5, grey)
	d.para(indent+6, 4.2, label, 0.5)
	d.font("", 9.5, blue)
	page, y0 := d.doc.Pages(), d.doc.Y()
	d.para(indent+6, 4.6, text, 0)
	if d.doc.Pages() == page {
		d.doc.Line(pageMargin+indent+3, y0, pageMargin+indent+3, d.doc.Y(), 0.6, pdf.RGB{uint8(blue[0]), uint8(blue[1]), uint8(blue[2])})
	}
	d.doc.Space(2)
}

func (d *pdfDoc) body(r Report) {
	d.font("", 8, grey)
	d.para(0, 4, "REVIEW RECORD", 0)
	d.font("B", 18, black)
	d.para(0, 8, r.title(), 2)
	meta := [][2]string{
		{"Slug", r.Article.Slug},
		{"Byline", r.Article.Byline},
		{"Revision", r.revisionLabel()},
		{"Revision by", r.Revision.Author},
		{"Revision saved", formatTime(r.Revision.Created)},
		{"Record made", formatTime(r.Generated)},
	}
	for _, m := range meta {
		if strings.TrimSpace(m[1]) == "" {
			continue
		}
		d.label(0, lineHeight, m[0], pdf.Style{Size: 9.5, Colour: rgb(grey)})
		d.font("", 9.5, black)
		d.para(32, lineHeight, m[1], 0)
	}

	d.heading("Summary", 10)
	d.font("", 10, black)
	d.para(0, lineHeight, r.noteSummary(), 1)
	d.para(0, lineHeight, r.quoteSummary(), 0)

	d.heading("Quote sheet", 15)
	if len(r.Quotes) == 0 {
		d.font("", 10, black)
		d.para(0, lineHeight, "No quotations or reported statements.", 0)
	}
	for i, q := range r.Quotes {
		need := d.height("", 10, 8, lineHeight, q.Text) + 6
		if q.Status == source.Misquoted {
			need += d.height("", 9.5, 14, 4.6, q.Passage) + 7
		}
		d.keep(need)
		text := q.Text
		if q.Direct {
			text = "“" + text + "”"
		} else {
			text += " (reported)"
		}
		d.label(0, lineHeight, fmt.Sprintf("%d.", i+1), pdf.Style{Size: 10, Bold: true, Colour: rgb(black)})
		d.font("", 10, black)
		d.para(8, lineHeight, text, 0.5)
		d.font("", 8.5, statusColour(string(q.Status)))
		line := fmt.Sprintf("%s · %s · %s", orDash(q.Speaker), q.Attribution, statusLabel(q.Status))
		if q.Source != "" {
			line += " in " + q.Source
		}
		d.para(8, 4.2, line, 1.5)
		if q.Status == source.Misquoted && q.Passage != "" {
			d.passage(8, "Source wording", q.Passage)
		}
	}

	d.heading("Notes", 20)
	if len(r.Notes) == 0 {
		d.font("", 10, black)
		d.para(0, lineHeight, "No notes.", 0)
	}
	for i, n := range r.Notes {
		d.note(i+1, n)
	}

	d.heading("Text of revision "+r.revisionLabel(), 15)
	for i, p := range paragraphs(r.Revision.Text) {
		if i == 0 {
			d.font("B", 11, black)
			d.para(0, 5.5, p, 2)
			continue
		}
		d.font("", 10, black)
		d.para(0, lineHeight, p, 2)
	}
}

func rgb(c [3]int) pdf.RGB { return pdf.RGB{uint8(c[0]), uint8(c[1]), uint8(c[2])} }

// label sets a short text at indent on the current line, without moving
// down: the paragraph that follows starts beside it.
func (d *pdfDoc) label(indent, h float64, s string, st pdf.Style) {
	d.keep(h)
	b := d.doc.Layout([]pdf.Span{{Text: clean(s), Style: st}}, d.width-indent, h)
	d.doc.DrawAt(b, pageMargin+indent, d.doc.Y(), d.width-indent)
}

// height estimates how many mm text takes set in the given font across
// the column less indent, with line height h.
func (d *pdfDoc) height(style string, size, indent, h float64, text string) float64 {
	st := pdf.Style{Size: size, Bold: style == "B"}
	return d.doc.Layout([]pdf.Span{{Text: clean(text), Style: st}}, d.width-indent, h).Height()
}

// noteHeight estimates the height of a note as note sets it.
func (d *pdfDoc) noteHeight(n Note) float64 {
	h := 5.5 + 4.2 + 1 + d.height("", 10, 0, lineHeight, n.Message) + 1.5 + 4
	if n.Anchor.Exact != "" {
		h += d.height("B", 9.5, 4, 4.6, anchorContext(n.Anchor.Prefix, true)+n.Anchor.Exact+anchorContext(n.Anchor.Suffix, false)) + 1.4
	}
	if n.Orphaned {
		h += 4.6 + 1
	}
	if n.Fixed {
		h += d.height("B", 9.5, 0, 4.6, fixedLine) + 1
	}
	if n.Source != nil && n.Source.Text != "" {
		h += 4.2 + 0.5 + d.height("", 9.5, 6, 4.6, n.Source.Text) + 2
	}
	for _, rp := range n.Replies {
		h += 4.4 + d.height("", 9, 6, 4.4, rp.Text) + 1
	}
	return h
}

func (d *pdfDoc) note(num int, n Note) {
	// A note starts on a new page rather than break, unless it is longer
	// than a page.
	if h := d.noteHeight(n); h < pdf.PageHeight-topMargin-footMargin {
		d.keep(h)
	} else {
		d.keep(30)
	}
	head := pdf.Style{Size: 10.5, Bold: true, Colour: rgb(black)}
	status := head
	status.Colour = rgb(statusColour(n.status()))
	d.spans(0, 5.5, 0,
		pdf.Span{Text: fmt.Sprintf("Note %d · ", num), Style: head},
		pdf.Span{Text: clean(n.status()), Style: status},
		pdf.Span{Text: clean(fmt.Sprintf(" · %s · %s", n.Severity, checkLabel(n))), Style: head})
	by := orDash(n.Author)
	if t := formatTime(n.Created); t != "" {
		by += ", " + t
	}
	if n.Revision > 0 {
		by += fmt.Sprintf(", on revision %d", n.Revision)
	}
	d.font("", 8.5, grey)
	d.para(0, 4.2, by, 1)
	if n.Anchor.Exact != "" {
		// The noted words in bold inside their context, flowing as one
		// paragraph.
		context := pdf.Style{Size: 9.5, Colour: rgb(grey)}
		d.spans(4, 4.6, 1.4,
			pdf.Span{Text: clean(anchorContext(n.Anchor.Prefix, true)), Style: context},
			pdf.Span{Text: clean(n.Anchor.Exact), Style: pdf.Style{Size: 9.5, Bold: true, Colour: rgb(black)}},
			pdf.Span{Text: clean(anchorContext(n.Anchor.Suffix, false)), Style: context})
	}
	if n.Orphaned {
		d.font("B", 9.5, red)
		d.para(0, 4.6, "The noted words are no longer in the text.", 1)
	}
	if n.Fixed {
		d.font("B", 9.5, green)
		d.para(0, 4.6, fixedLine, 1)
	}
	d.font("", 10, black)
	d.para(0, lineHeight, n.Message, 1.5)
	if n.Source != nil && n.Source.Text != "" {
		d.passage(0, "Source: "+orDash(n.Source.File), n.Source.Text)
	}
	for _, rp := range n.Replies {
		who := orDash(rp.Author)
		if t := formatTime(rp.Created); t != "" {
			who += ", " + t
		}
		d.font("B", 9, black)
		d.para(6, 4.4, who, 0)
		d.font("", 9, black)
		d.para(6, 4.4, rp.Text, 1)
	}
	d.doc.Space(4)
}

func statusColour(s string) [3]int {
	switch s {
	case string(source.Misquoted), string(source.Unverified), string(editor.NoteOpen):
		return red
	case string(source.Verbatim), string(editor.NoteResolved), "fixed":
		return green
	}
	return grey
}
