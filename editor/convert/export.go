package convert

import (
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"time"

	"copydesk/editor"
	"copydesk/editor/diff"
	"copydesk/editor/docx"
	"copydesk/editor/report"
	"copydesk/editor/webpage"
)

// Export formats. Clean copy: txt, md, html, docx. A redline between two
// revisions: redline-html (side by side), redline-inline-html and
// redline-docx (real tracked changes).
const (
	FormatText         = "txt"
	FormatMarkdown     = "md"
	FormatHTML         = "html"
	FormatDOCX         = "docx"
	FormatRedlineHTML  = "redline-html"
	FormatRedlineHTMLi = "redline-inline-html"
	FormatRedlineDOCX  = "redline-docx"
	FormatReportHTML   = "report-html"
	FormatReportPDF    = "report-pdf"
)

// CleanFormats, RedlineFormats and ReportFormats list the formats Export
// writes.
var (
	CleanFormats   = []string{FormatText, FormatMarkdown, FormatHTML, FormatDOCX}
	RedlineFormats = []string{FormatRedlineHTML, FormatRedlineHTMLi, FormatRedlineDOCX}
	ReportFormats  = []string{FormatReportHTML, FormatReportPDF}
)

// Formats lists every format Export writes.
func Formats() []string {
	return slices.Concat(CleanFormats, RedlineFormats, ReportFormats)
}

// IsReport reports whether format is a review record.
func IsReport(format string) bool { return slices.Contains(ReportFormats, format) }

// IsRedline reports whether format compares two revisions.
func IsRedline(format string) bool { return slices.Contains(RedlineFormats, format) }

// Extension returns the file extension for a format.
func Extension(format string) string {
	switch format {
	case FormatText:
		return ".txt"
	case FormatMarkdown:
		return ".md"
	case FormatDOCX, FormatRedlineDOCX:
		return ".docx"
	case FormatReportPDF:
		return ".pdf"
	}
	return ".html"
}

// Export is what to write: the article's title, the text of the revision
// (clean copy), or the two revisions to compare (redline), and who and
// when for the file's metadata and tracked changes.
type Export struct {
	Title    string
	Text     string // clean copy
	Old, New string // redline: the older and newer revision
	Author   string
	Date     time.Time
	// Report is the review record, for the report formats.
	Report *report.Report
	// Notes are the desk's notes on the article with their replies. A
	// redline-docx carries them as Word comments on the new revision's
	// words, and so does a clean docx when Comments is set (see the
	// function Comments).
	Notes    []editor.Thread
	Comments bool
}

// Write writes e in format to w.
func (e Export) Write(w io.Writer, format string) error {
	_, err := e.WriteNotices(w, format)
	return err
}

// WriteNotices writes e in format to w like Write, and returns what the
// editor should know about the file written: for a PDF record, the
// characters no installed font could draw.
func (e Export) WriteNotices(w io.Writer, format string) ([]string, error) {
	if format == FormatReportPDF && e.Report != nil {
		res, err := report.WritePDFResult(w, *e.Report, report.PDFOptions{})
		if err != nil || len(res.Missing) == 0 {
			return nil, err
		}
		return []string{MissingGlyphsNotice(res.Missing)}, nil
	}
	return nil, e.write(w, format)
}

// MissingGlyphsNotice says which characters a PDF could not draw.
func MissingGlyphsNotice(missing []string) string {
	var codes []string
	for _, m := range missing {
		var cs []string
		for _, r := range m {
			cs = append(cs, fmt.Sprintf("U+%04X", r))
		}
		codes = append(codes, m+" ("+strings.Join(cs, " ")+")")
	}
	return fmt.Sprintf("no installed font has %d character(s), which print as empty boxes in the PDF but stay in its text: %s; install a font that covers them (e.g. Noto) and export again",
		len(missing), strings.Join(codes, ", "))
}

func (e Export) write(w io.Writer, format string) error {
	meta := docx.Meta{Title: e.Title, Author: e.Author, Date: e.Date}
	switch format {
	case FormatText:
		_, err := io.WriteString(w, e.Text)
		return err
	case FormatMarkdown:
		_, err := io.WriteString(w, ToMarkdown(e.Text))
		return err
	case FormatHTML:
		return webpage.Write(w, e.Title, e.Text)
	case FormatDOCX:
		if e.Comments {
			meta.Comments = Comments(e.Notes, e.Text)
		}
		return docx.Write(w, e.Text, meta)
	case FormatRedlineHTML, FormatRedlineHTMLi:
		return webpage.WriteRedline(w, diff.Words(e.Old, e.New, diff.Options{}), e.Title, format == FormatRedlineHTMLi)
	case FormatRedlineDOCX:
		meta.Comments = Comments(e.Notes, e.New)
		return docx.WriteRedline(w, diff.Words(e.Old, e.New, diff.Options{}), meta, nil)
	case FormatReportHTML, FormatReportPDF:
		if e.Report == nil {
			return fmt.Errorf("%s: no review record to write", format)
		}
		if format == FormatReportHTML {
			return report.WriteHTML(w, *e.Report)
		}
		return report.WritePDF(w, *e.Report)
	}
	return fmt.Errorf("unknown export format %q (want one of %s)", format, strings.Join(Formats(), ", "))
}

var (
	markdownSpecial = strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", `\<`, "&", `\&`)
	// Line starts that Markdown would read as a heading, list, quote,
	// rule or code.
	markdownLineStart = regexp.MustCompile(`^(\s*)([#>+\-=~]|\d+[.)])`)
)

// ToMarkdown writes article text as Markdown: the headline as a level-one
// heading and each paragraph as its own block, with the characters
// Markdown would read as formatting escaped, so FromMarkdown reads back
// the same text.
func ToMarkdown(text string) string {
	var b strings.Builder
	for i, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		esc := markdownSpecial.Replace(line)
		esc = markdownLineStart.ReplaceAllStringFunc(esc, func(m string) string {
			return m[:len(m)-1] + `\` + m[len(m)-1:]
		})
		if i == 0 {
			b.WriteString("# ")
		}
		b.WriteString(esc)
	}
	b.WriteByte('\n')
	return b.String()
}
