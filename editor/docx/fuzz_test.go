package docx

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"copydesk/editor/diff"
	"copydesk/editor/textio"
)

// fuzzSeedBodies are w:body contents with the structures the reader
// treats specially.
var fuzzSeedBodies = []string{
	`<w:p><w:r><w:t xml:space="preserve">The </w:t></w:r><w:ins` + insAttrs + `><w:r><w:t>big </w:t></w:r></w:ins><w:del` + insAttrs + `><w:r><w:delText>small</w:delText></w:r></w:del></w:p>`,
	`<w:p><w:pPr><w:rPr><w:del` + insAttrs + `/></w:rPr></w:pPr><w:r><w:t>a</w:t></w:r></w:p><w:p><w:pPr><w:rPr><w:ins` + insAttrs + `/></w:rPr></w:pPr><w:r><w:t>b</w:t></w:r></w:p>`,
	`<w:tbl><w:tr><w:trPr><w:del` + insAttrs + `/></w:trPr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`,
	`<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>box</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict/></mc:Fallback></mc:AlternateContent></w:r></w:p>`,
	`<w:p><w:r><w:t>a</w:t><w:tab/><w:br/><w:noBreakHyphen/><w:footnoteReference w:id="1"/><w:commentReference w:id="0"/></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>h</w:t></w:r><w:r><w:instrText>PAGE</w:instrText></w:r></w:p>`,
}

// checkDocument checks what Read promises about a document it returns.
func checkDocument(t *testing.T, doc Document) {
	t.Helper()
	if doc.Text == "" || len(doc.Text) > textio.MaxBytes {
		t.Fatalf("text of %d bytes", len(doc.Text))
	}
	if !utf8.ValidString(doc.Text) {
		t.Fatalf("text is not valid UTF-8: %q", doc.Text)
	}
	for i, line := range strings.Split(doc.Text, "\n") {
		if line == "" || strings.TrimSpace(line) != line || strings.ContainsAny(line, "\r\t") {
			t.Fatalf("line %d is %q: want trimmed, non-empty, without tabs", i, line)
		}
	}
	for i, c := range doc.Comments {
		for _, r := range append([]Comment{c}, c.Replies...) {
			sp := r.Span
			onRune := func(i int) bool { return i == len(doc.Text) || utf8.RuneStart(doc.Text[i]) }
			if sp.Start < 0 || sp.End < sp.Start || sp.End > len(doc.Text) || !onRune(sp.Start) || !onRune(sp.End) {
				t.Fatalf("comment %d: span %v out of bounds or off a rune boundary in %d bytes", i, sp, len(doc.Text))
			}
			if !utf8.ValidString(r.Text) || !utf8.ValidString(r.Author) {
				t.Fatalf("comment %d: text or author is not valid UTF-8", i)
			}
		}
	}
	// Clean copy of an imported text imports as the same text.
	var buf bytes.Buffer
	if err := Write(&buf, doc.Text, Meta{}); err != nil {
		t.Fatalf("Write: %v", err)
	}
	again, err := Read(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatalf("Read of the written copy: %v", err)
	}
	if again.Text != doc.Text {
		t.Fatalf("written and read again\n got %q\nwant %q", again.Text, doc.Text)
	}
}

// FuzzRead feeds Read arbitrary files, seeded with real .docx files: it
// must not panic or hang, and what it returns must hold.
func FuzzRead(f *testing.F) {
	for _, s := range sampleTexts {
		var buf bytes.Buffer
		if err := Write(&buf, s.text, Meta{}); err != nil {
			f.Fatal(err)
		}
		f.Add(buf.Bytes())
	}
	for _, p := range revisionPairs[:4] {
		f.Add(writeRedlineBytes(f, diff.Words(p.old, p.new, diff.Options{}), redlineMeta, nil))
	}
	for _, body := range fuzzSeedBodies {
		f.Add(docxWithBody(f, body))
	}
	var buf bytes.Buffer
	if err := Write(&buf, commentedText, Meta{Comments: deskComments(f, commentedText)}); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte("PK\x05\x06" + strings.Repeat("\x00", 18)))
	f.Add(append(append([]byte{}, oleSig...), encryptedPackage...))
	f.Fuzz(func(t *testing.T, file []byte) {
		doc, err := Read(bytes.NewReader(file), int64(len(file)))
		if err != nil {
			if doc.Text != "" || doc.Notices != nil {
				t.Fatalf("partial document with error %v", err)
			}
			return
		}
		checkDocument(t, doc)
	})
}

// FuzzReadDocumentXML zips arbitrary word/document.xml content into a
// valid .docx, so the fuzzer spends its time on the XML rather than on
// zip checksums.
func FuzzReadDocumentXML(f *testing.F) {
	for _, body := range fuzzSeedBodies {
		f.Add(documentXML(body))
	}
	for _, p := range revisionPairs[:4] {
		file := writeRedlineBytes(f, diff.Words(p.old, p.new, diff.Options{}), redlineMeta, nil)
		f.Add(zipPart(f, file, "word/document.xml"))
	}
	f.Fuzz(func(t *testing.T, document string) {
		file := zipFiles(t, [2]string{"word/document.xml", document})
		for _, v := range []view{acceptAll, rejectAll} {
			doc, err := read(bytes.NewReader(file), int64(len(file)), v)
			if err != nil {
				if doc.Text != "" || doc.Notices != nil {
					t.Fatalf("partial document with error %v", err)
				}
				continue
			}
			checkDocument(t, doc)
		}
	})
}

// FuzzReadComments zips arbitrary word/comments.xml and
// word/commentsExtended.xml content beside a document with comment marks:
// Read must not panic, must keep the text, and must place every comment
// within it.
func FuzzReadComments(f *testing.F) {
	var buf bytes.Buffer
	if err := Write(&buf, commentedText, Meta{Comments: deskComments(f, commentedText)}); err != nil {
		f.Fatal(err)
	}
	file := buf.Bytes()
	document := zipPart(f, file, "word/document.xml")
	f.Add(zipPart(f, file, commentsPart), zipPart(f, file, commentsExtendedPart))
	f.Add(`<w:comments xmlns:w="`+nsW+`"><w:comment w:id="0"><w:p><w:r><w:t>x</w:t></w:r></w:p></w:comment><w:comment w:id="0"/></w:comments>`,
		`<w15:commentsEx xmlns:w15="`+nsW15+`"><w15:commentEx w15:paraId="1" w15:paraIdParent="1"/></w15:commentsEx>`)
	f.Add("<w:comments", "")
	f.Fuzz(func(t *testing.T, comments, extended string) {
		file := zipFiles(t, [2]string{"word/document.xml", document}, [2]string{commentsPart, comments}, [2]string{commentsExtendedPart, extended})
		doc, err := Read(bytes.NewReader(file), int64(len(file)))
		if err != nil {
			t.Fatalf("a damaged comments part refused the file: %v", err)
		}
		if doc.Text != commentedText {
			t.Fatalf("text %q, want %q", doc.Text, commentedText)
		}
		checkDocument(t, doc)
	})
}
