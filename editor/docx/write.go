package docx

import (
	"archive/zip"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"copydesk/editor/textio"
)

// Meta is what a written file says about itself.
type Meta struct {
	// Title goes in the document properties; empty means the text's
	// headline.
	Title string
	// Author is the document's creator and, in a redline, the author of
	// every tracked change. Empty means "Copydesk".
	Author string
	// Date is when the document, or the revision it shows, was made; in a
	// redline it dates every tracked change. The zero time leaves the
	// dates out.
	Date time.Time
	// Comments are written as Word comments on the text: the clean copy
	// Write writes, or the new revision of a redline. Their spans are
	// byte offsets into that text.
	Comments []Comment
}

func (m Meta) author() string {
	if strings.TrimSpace(m.Author) == "" {
		return "Copydesk"
	}
	return m.Author
}

// isoDate formats t as OOXML wants dates: ISO 8601 in UTC, to the second.
func isoDate(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05Z") }

// Write writes text as a clean .docx file: the headline in the Title style,
// then one Normal paragraph per line. A final line break ends the last
// paragraph rather than starting an empty one.
func Write(w io.Writer, text string, meta Meta) error {
	// The text is normalised already when it comes from the desk, so
	// comment spans still fit it.
	text = textio.NormalizeNewlines(text)
	comments := flattenComments(meta.Comments, text)
	var rw redlineWriter
	if len(comments) > 0 {
		rw.marks = newCommentMarks(comments)
	}
	rw.paragraphs(splitParagraphs([]trackedText{{plain, text, 0}}))
	return writePackage(w, rw.b.String(), text, meta, false, comments)
}

// writeRuns writes s as runs, with tabs as w:tab. textTag is "t", or
// "delText" inside a deletion. Nothing is written for an empty s.
func writeRuns(b *strings.Builder, s, rPr, textTag string) {
	if s == "" {
		return
	}
	b.WriteString("<w:r>")
	b.WriteString(rPr)
	for i, part := range strings.Split(s, "\t") {
		if i > 0 {
			b.WriteString("<w:tab/>")
		}
		if part == "" {
			continue
		}
		fmt.Fprintf(b, `<w:%s xml:space="preserve">`, textTag)
		escapeText(b, part)
		fmt.Fprintf(b, "</w:%s>", textTag)
	}
	b.WriteString("</w:r>")
}

// escapeText writes s as XML character data. Control characters XML 1.0
// cannot carry are dropped, as the HTML export drops them; invalid UTF-8
// comes out as U+FFFD (range yields utf8.RuneError for it), so the file
// always opens.
func escapeText(b *strings.Builder, s string) {
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r < 0x20:
			// A control character XML cannot hold: dropped.
		case !xmlChar(r):
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteRune(r)
		}
	}
}

// xmlChar reports whether XML 1.0 allows r in a document.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

func escaped(s string) string {
	var b strings.Builder
	escapeText(&b, s)
	return b.String()
}

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

const contentTypesXML = xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`</Types>`

const packageRelsXML = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`</Relationships>`

const documentRelsXML = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
	`</Relationships>`

// commentContentTypes and commentRelationships add the comment parts to
// a package that has comments.
const (
	commentContentTypes = `<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>` +
		`<Override PartName="/word/commentsExtended.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"/>`
	commentRelationships = `<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>` +
		`<Relationship Id="rId4" Type="http://schemas.microsoft.com/office/2011/relationships/commentsExtended" Target="commentsExtended.xml"/>`
)

// stylesXML defines the two paragraph styles the writers use, with the
// names and ids Word and LibreOffice map to their own Normal and Title.
const stylesXML = xmlHeader + `<w:styles xmlns:w="` + nsW + `">` +
	`<w:docDefaults><w:rPrDefault><w:rPr>` +
	`<w:rFonts w:ascii="Georgia" w:hAnsi="Georgia" w:eastAsia="Georgia" w:cs="Georgia"/>` +
	`<w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-US"/>` +
	`</w:rPr></w:rPrDefault>` +
	`<w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault>` +
	`</w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:spacing w:after="240"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style>` +
	`</w:styles>`

// settingsXML is empty for clean copy; a redline turns on Track Changes so
// that the writer's further edits are tracked too.
func settingsXML(trackRevisions bool) string {
	track := ""
	if trackRevisions {
		track = "<w:trackRevisions/>"
	}
	return xmlHeader + `<w:settings xmlns:w="` + nsW + `">` + track + `</w:settings>`
}

func coreXML(meta Meta, text string) string {
	title := meta.Title
	if title == "" {
		title = textio.TitleOf(text)
	}
	var b strings.Builder
	b.WriteString(xmlHeader)
	b.WriteString(`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
		`xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	fmt.Fprintf(&b, "<dc:title>%s</dc:title>", escaped(title))
	fmt.Fprintf(&b, "<dc:creator>%s</dc:creator>", escaped(meta.author()))
	fmt.Fprintf(&b, "<cp:lastModifiedBy>%s</cp:lastModifiedBy>", escaped(meta.author()))
	if !meta.Date.IsZero() {
		d := isoDate(meta.Date)
		fmt.Fprintf(&b, `<dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created>`, d)
		fmt.Fprintf(&b, `<dcterms:modified xsi:type="dcterms:W3CDTF">%s</dcterms:modified>`, d)
	}
	b.WriteString("</cp:coreProperties>")
	return b.String()
}

// zipTime is the timestamp of the zip entries when Meta has no date, so
// the same input always gives the same bytes.
var zipTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// writePackage zips the parts of a .docx around body, the content of
// w:body.
func writePackage(w io.Writer, body, text string, meta Meta, trackRevisions bool, comments []writtenComment) error {
	document := xmlHeader + `<w:document xmlns:w="` + nsW + `"><w:body>` + body +
		`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>` +
		`<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>` +
		`</w:body></w:document>`
	parts := []struct{ name, content string }{
		{"[Content_Types].xml", contentTypesXML},
		{"_rels/.rels", packageRelsXML},
		{"word/document.xml", document},
		{"word/_rels/document.xml.rels", documentRelsXML},
		{"word/styles.xml", stylesXML},
		{"word/settings.xml", settingsXML(trackRevisions)},
		{"docProps/core.xml", coreXML(meta, text)},
	}
	contentTypes, documentRels := contentTypesXML, documentRelsXML
	if len(comments) > 0 {
		parts = append(parts,
			struct{ name, content string }{commentsPart, commentsXML(comments)},
			struct{ name, content string }{commentsExtendedPart, commentsExtendedXML(comments)})
		contentTypes = strings.Replace(contentTypes, "</Types>", commentContentTypes+"</Types>", 1)
		documentRels = strings.Replace(documentRels, "</Relationships>", commentRelationships+"</Relationships>", 1)
	}
	parts[0].content, parts[3].content = contentTypes, documentRels
	modified := zipTime
	if !meta.Date.IsZero() {
		modified = meta.Date
	}
	zw := zip.NewWriter(w)
	for _, p := range parts {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: modified})
		if err != nil {
			return fmt.Errorf("docx: %s: %w", p.name, err)
		}
		if _, err := io.WriteString(f, p.content); err != nil {
			return fmt.Errorf("docx: %s: %w", p.name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	return nil
}
