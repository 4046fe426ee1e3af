package report

import (
	_ "embed"
	"fmt"
	"io"
	"strings"

	"github.com/go-pdf/fpdf"

	"copydesk/editor"
	"copydesk/editor/source"
)

// DejaVu Sans covers Latin, Greek, Cyrillic and the typography of news
// copy (curly quotes, dashes, ellipses); fonts/LICENSE has its licence.
// fpdf embeds only the glyphs a record uses, so the PDFs stay small.
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
// and "Page n of m" at the foot. Text is set in DejaVu Sans, embedded, so
// curly quotes, accents and dashes print and can be searched and copied.
func WritePDF(w io.Writer, r Report) error {
	d := newPDF(r)
	d.body(r)
	if err := d.f.Output(w); err != nil {
		return fmt.Errorf("report: write PDF: %w", err)
	}
	return nil
}

// pdfDoc is a record being set.
type pdfDoc struct {
	f *fpdf.Fpdf
	// width is the width of the text column.
	width float64
}

func newPDF(r Report) *pdfDoc {
	f := fpdf.New("P", "mm", "A4", "")
	f.AddUTF8FontFromBytes(fontFamily, "", fontRegular)
	f.AddUTF8FontFromBytes(fontFamily, "B", fontBold)
	f.SetMargins(pageMargin, topMargin, pageMargin)
	f.SetAutoPageBreak(true, footMargin)
	f.AliasNbPages("")
	f.SetCatalogSort(true)
	title := r.title()
	f.SetTitle("Review record: "+pdfText(title), true)
	f.SetCreator("Copydesk", true)
	when := r.Generated
	if when.IsZero() {
		when = r.Revision.Created
	}
	if !when.IsZero() {
		f.SetCreationDate(when)
		f.SetModificationDate(when)
	}
	pageW, _ := f.GetPageSize()
	d := &pdfDoc{f: f, width: pageW - 2*pageMargin}
	running := fmt.Sprintf("Revision %s", r.revisionLabel())
	f.SetHeaderFuncMode(func() {
		f.SetFont(fontFamily, "", 8)
		f.SetTextColor(grey[0], grey[1], grey[2])
		f.SetXY(pageMargin, 10)
		rw := f.GetStringWidth(running) + 2
		f.CellFormat(d.width-rw, 5, d.fit(pdfText(title), d.width-rw-4), "", 0, "L", false, 0, "")
		f.CellFormat(rw, 5, pdfText(running), "", 0, "R", false, 0, "")
		f.SetDrawColor(180, 180, 180)
		f.Line(pageMargin, 15.5, pageW-pageMargin, 15.5)
	}, true)
	f.SetFooterFunc(func() {
		f.SetY(-12)
		f.SetFont(fontFamily, "", 8)
		f.SetTextColor(grey[0], grey[1], grey[2])
		f.CellFormat(0, 5, fmt.Sprintf("Page %d of {nb}", f.PageNo()), "", 0, "C", false, 0, "")
	})
	f.AddPage()
	return d
}

// pdfText makes a string safe to set in the PDF (see clean). fpdf reads
// fonts only as far as the Basic Multilingual Plane and fails on
// characters beyond it, such as emoji; they print as U+FFFD. The HTML
// record keeps them.
func pdfText(s string) string {
	return strings.Map(func(r rune) rune {
		if r > 0xFFFF {
			return '\uFFFD'
		}
		return r
	}, clean(s))
}

// fit shortens s with an ellipsis until it is at most w wide in the
// current font.
func (d *pdfDoc) fit(s string, w float64) string {
	if d.f.GetStringWidth(s) <= w {
		return s
	}
	rs := []rune(s)
	for len(rs) > 0 && d.f.GetStringWidth(string(rs)+"…") > w {
		rs = rs[:len(rs)-1]
	}
	return string(rs) + "…"
}

func (d *pdfDoc) font(style string, size float64, colour [3]int) {
	d.f.SetFont(fontFamily, style, size)
	d.f.SetTextColor(colour[0], colour[1], colour[2])
}

// para sets a paragraph of text across the column, indented by indent mm,
// with space after it.
func (d *pdfDoc) para(indent, h float64, s string, after float64) {
	d.f.SetLeftMargin(pageMargin + indent)
	d.f.SetX(pageMargin + indent)
	d.f.MultiCell(0, h, pdfText(s), "", "L", false)
	d.f.SetLeftMargin(pageMargin)
	d.f.Ln(after)
}

// heading starts a section, on a new page if fewer than need mm are left
// for what follows it.
func (d *pdfDoc) heading(s string, need float64) {
	d.keep(need + 12)
	d.f.Ln(3)
	d.font("B", 13, black)
	d.f.CellFormat(0, 7, pdfText(s), "B", 1, "L", false, 0, "")
	d.f.Ln(3)
}

// keep starts a new page unless need mm are left on this one.
func (d *pdfDoc) keep(need float64) {
	_, pageH := d.f.GetPageSize()
	if d.f.GetY()+need > pageH-footMargin {
		d.f.AddPage()
	}
}

// passage sets a source passage: indented, in blue, with a rule on its
// left.
func (d *pdfDoc) passage(label, text string) {
	d.font("", 8.5, grey)
	d.para(6, 4.2, label, 0.5)
	d.font("", 9.5, blue)
	page, y0 := d.f.PageNo(), d.f.GetY()
	d.para(6, 4.6, text, 0)
	if d.f.PageNo() == page {
		d.f.SetDrawColor(blue[0], blue[1], blue[2])
		d.f.SetLineWidth(0.6)
		d.f.Line(pageMargin+3, y0, pageMargin+3, d.f.GetY())
		d.f.SetLineWidth(0.2)
	}
	d.f.Ln(2)
}

func (d *pdfDoc) body(r Report) {
	f := d.f
	d.font("", 8, grey)
	f.CellFormat(0, 4, "REVIEW RECORD", "", 1, "L", false, 0, "")
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
		d.font("", 9.5, grey)
		f.CellFormat(32, lineHeight, m[0], "", 0, "L", false, 0, "")
		d.font("", 9.5, black)
		f.MultiCell(0, lineHeight, pdfText(m[1]), "", "L", false)
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
		d.font("B", 10, black)
		f.CellFormat(8, lineHeight, fmt.Sprintf("%d.", i+1), "", 0, "L", false, 0, "")
		d.font("", 10, black)
		d.para(8, lineHeight, text, 0.5)
		d.font("", 8.5, statusColour(string(q.Status)))
		line := fmt.Sprintf("%s · %s · %s", orDash(q.Speaker), q.Attribution, statusLabel(q.Status))
		if q.Source != "" {
			line += " in " + q.Source
		}
		d.para(8, 4.2, line, 1.5)
		if q.Status == source.Misquoted && q.Passage != "" {
			d.f.SetLeftMargin(pageMargin + 8)
			d.passage("Source wording", q.Passage)
			d.f.SetLeftMargin(pageMargin)
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

// height estimates how many mm text takes set in the given font across
// the column less indent, with line height h.
func (d *pdfDoc) height(style string, size, indent, h float64, text string) float64 {
	d.f.SetFont(fontFamily, style, size)
	lines := d.f.SplitText(pdfText(text), d.width-indent)
	return float64(max(len(lines), 1)) * h
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
	f := d.f
	// A note starts on a new page rather than break, unless it is longer
	// than a page.
	_, pageH := f.GetPageSize()
	if h := d.noteHeight(n); h < pageH-topMargin-footMargin {
		d.keep(h)
	} else {
		d.keep(30)
	}
	d.font("B", 10.5, black)
	f.CellFormat(f.GetStringWidth(fmt.Sprintf("Note %d · ", num)), 5.5, fmt.Sprintf("Note %d · ", num), "", 0, "L", false, 0, "")
	d.font("B", 10.5, statusColour(n.status()))
	status := pdfText(n.status())
	f.CellFormat(f.GetStringWidth(status), 5.5, status, "", 0, "L", false, 0, "")
	d.font("B", 10.5, black)
	f.MultiCell(0, 5.5, pdfText(fmt.Sprintf(" · %s · %s", n.Severity, checkLabel(n))), "", "L", false)
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
		f.SetLeftMargin(pageMargin + 4)
		f.SetX(pageMargin + 4)
		d.font("", 9.5, grey)
		f.Write(4.6, pdfText(anchorContext(n.Anchor.Prefix, true)))
		d.font("B", 9.5, black)
		f.Write(4.6, pdfText(n.Anchor.Exact))
		d.font("", 9.5, grey)
		f.Write(4.6, pdfText(anchorContext(n.Anchor.Suffix, false)))
		f.SetLeftMargin(pageMargin)
		f.Ln(6)
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
		d.passage("Source: "+orDash(n.Source.File), n.Source.Text)
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
	f.Ln(4)
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
