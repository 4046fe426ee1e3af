package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"copydesk/editor/textio"
)

// zipFiles zips the named contents in the given order.
func zipFiles(t testing.TB, files ...[2]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.Create(f[0])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, f[1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// documentXML wraps body in a w:document with the namespaces Word declares.
func documentXML(body string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"` +
		` xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"` +
		` xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"` +
		` xmlns:v="urn:schemas-microsoft-com:vml"><w:body>` + body + `</w:body></w:document>`
}

// docxWithBody is a .docx file holding body as its document.
func docxWithBody(t testing.TB, body string) []byte {
	t.Helper()
	return zipFiles(t, [2]string{"[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`}, [2]string{"word/document.xml", documentXML(body)})
}

func readBytes(b []byte, v view) (Document, error) {
	return read(bytes.NewReader(b), int64(len(b)), v)
}

const (
	insAttrs = ` w:id="1" w:author="Ed" w:date="2024-05-01T10:00:00Z"`
	trackedN = "The document has tracked changes; its text was read as if all of them were accepted."
)

func TestRead(t *testing.T) {
	tests := []struct {
		name    string
		body    string
		want    string
		notices []string
	}{
		{
			name: "paragraphs",
			body: `<w:p><w:r><w:t>Headline</w:t></w:r></w:p><w:p><w:r><w:t>First paragraph.</w:t></w:r></w:p>`,
			want: "Headline\nFirst paragraph.",
		},
		{
			name: "formatting dropped without marks",
			body: `<w:p><w:r><w:t xml:space="preserve">The </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>quick</w:t></w:r>` +
				`<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve"> brown</w:t></w:r><w:r><w:t xml:space="preserve"> fox</w:t></w:r></w:p>`,
			want: "The quick brown fox",
		},
		{
			name: "characters kept",
			body: `<w:p><w:r><w:t>“It’s 5 &lt; 6 &amp; 7 &gt; 3,” said Zoë — 東京, naïve… 👍</w:t></w:r></w:p>`,
			want: "“It’s 5 < 6 & 7 > 3,” said Zoë — 東京, naïve… 👍",
		},
		{
			name: "tabs and breaks as spaces",
			body: `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>` +
				`<w:r><w:t>one</w:t><w:tab/><w:t>two</w:t><w:br/><w:t>three</w:t><w:cr/><w:t>four</w:t><w:br w:type="page"/><w:t>five</w:t></w:r></w:p>`,
			want: "one two three four five",
		},
		{
			name: "headings and list items are paragraphs",
			body: `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Head</w:t></w:r></w:p>` +
				`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>item one</w:t></w:r></w:p>` +
				`<w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr><w:r><w:t>item two</w:t></w:r></w:p>`,
			want: "Head\nitem one\nitem two",
		},
		{
			name: "empty paragraphs and edge spaces dropped",
			body: `<w:p/><w:p><w:r><w:t xml:space="preserve">  Head  </w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">   </w:t></w:r></w:p><w:p><w:r><w:t>Body</w:t></w:r></w:p><w:p/>`,
			want: "Head\nBody",
		},
		{
			name: "table cells",
			body: `<w:p><w:r><w:t>Head</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>a1</w:t></w:r></w:p></w:tc>` +
				`<w:tc><w:p><w:r><w:t>b1</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`,
			want: "Head\na1\nb1",
		},
		{
			name: "hyperlinks, simple and complex fields",
			body: `<w:p><w:hyperlink r:id="rId5" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:r><w:t>link</w:t></w:r></w:hyperlink>` +
				`<w:r><w:t xml:space="preserve"> page </w:t></w:r><w:fldSimple w:instr="PAGE"><w:r><w:t>3</w:t></w:r></w:fldSimple>` +
				`<w:r><w:t xml:space="preserve"> see </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "http://x" </w:instrText></w:r>` +
				`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>there</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
			want: "link page 3 see there",
		},
		{
			name: "hidden text dropped",
			body: `<w:p><w:r><w:t xml:space="preserve">shown </w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden </w:t></w:r>` +
				`<w:r><w:rPr><w:vanish w:val="false"/></w:rPr><w:t>also shown</w:t></w:r></w:p>`,
			want: "shown also shown",
		},
		{
			name: "non-breaking hyphen",
			body: `<w:p><w:r><w:t>ex</w:t><w:noBreakHyphen/><w:t>wife</w:t><w:softHyphen/></w:r></w:p>`,
			want: "ex\u2011wife",
		},
		{
			name:    "tracked insertion and deletion",
			body:    `<w:p><w:r><w:t xml:space="preserve">The </w:t></w:r><w:ins` + insAttrs + `><w:r><w:t xml:space="preserve">big </w:t></w:r></w:ins><w:del` + insAttrs + `><w:r><w:delText xml:space="preserve">small </w:delText></w:r></w:del><w:r><w:t>dog</w:t></w:r></w:p>`,
			want:    "The big dog",
			notices: []string{trackedN},
		},
		{
			name: "tracked move",
			body: `<w:p><w:moveFrom` + insAttrs + `><w:r><w:t xml:space="preserve">Later </w:t></w:r></w:moveFrom><w:r><w:t>now</w:t></w:r>` +
				`<w:moveTo` + insAttrs + `><w:r><w:t xml:space="preserve"> later</w:t></w:r></w:moveTo></w:p>`,
			want:    "now later",
			notices: []string{trackedN},
		},
		{
			name: "deleted paragraph mark joins paragraphs",
			body: `<w:p><w:pPr><w:rPr><w:del` + insAttrs + `/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">Split </w:t></w:r></w:p>` +
				`<w:p><w:r><w:t>sentence.</w:t></w:r></w:p>`,
			want:    "Split sentence.",
			notices: []string{trackedN},
		},
		{
			name: "deleted paragraph gone",
			body: `<w:p><w:r><w:t>Head</w:t></w:r></w:p><w:p><w:pPr><w:rPr><w:del` + insAttrs + `/></w:rPr></w:pPr><w:del` + insAttrs + `><w:r><w:delText>Cut this.</w:delText></w:r></w:del></w:p>` +
				`<w:p><w:r><w:t>Keep this.</w:t></w:r></w:p>`,
			want:    "Head\nKeep this.",
			notices: []string{trackedN},
		},
		{
			name:    "inserted paragraph kept",
			body:    `<w:p><w:r><w:t>Head</w:t></w:r></w:p><w:p><w:pPr><w:rPr><w:ins` + insAttrs + `/></w:rPr></w:pPr><w:ins` + insAttrs + `><w:r><w:t>New.</w:t></w:r></w:ins></w:p>`,
			want:    "Head\nNew.",
			notices: []string{trackedN},
		},
		{
			name: "deleted table row",
			body: `<w:p><w:r><w:t>Head</w:t></w:r></w:p><w:tbl><w:tr><w:trPr><w:del` + insAttrs + `/></w:trPr><w:tc><w:p><w:r><w:t>gone</w:t></w:r></w:p></w:tc></w:tr>` +
				`<w:tr><w:tc><w:p><w:r><w:t>kept</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`,
			want:    "Head\nkept",
			notices: []string{trackedN},
		},
		{
			name:    "formatting change",
			body:    `<w:p><w:r><w:rPr><w:b/><w:rPrChange` + insAttrs + `><w:rPr><w:i/></w:rPr></w:rPrChange></w:rPr><w:t>Bold now</w:t></w:r></w:p>`,
			want:    "Bold now",
			notices: []string{trackedN},
		},
		{
			name: "notes and comments left out",
			body: `<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>Claim</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>` +
				`<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>` +
				`<w:r><w:footnoteReference w:id="2"/></w:r><w:r><w:endnoteReference w:id="1"/></w:r><w:r><w:t>.</w:t></w:r></w:p>`,
			want:    "Claim.",
			notices: []string{"2 footnotes were left out.", "1 endnote was left out.", "1 comment was left out: the file has its mark but not its text."},
		},
		{
			name: "text box read once, after its paragraph",
			body: `<w:p><w:r><w:t xml:space="preserve">Anchor </w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>` +
				`<w:p><w:r><w:t>Box text</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice>` +
				`<mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>Box text</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>` +
				`<w:r><w:t>paragraph</w:t></w:r></w:p><w:p><w:r><w:t>Next</w:t></w:r></w:p>`,
			want:    "Anchor paragraph\nBox text\nNext",
			notices: []string{"Text in text boxes was added after the paragraph each box is anchored to."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := readBytes(docxWithBody(t, tt.body), acceptAll)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if doc.Text != tt.want {
				t.Errorf("text\n got %q\nwant %q", doc.Text, tt.want)
			}
			if !reflect.DeepEqual(doc.Notices, tt.notices) {
				t.Errorf("notices\n got %q\nwant %q", doc.Notices, tt.notices)
			}
		})
	}
}

func TestReadRejectAll(t *testing.T) {
	tests := []struct {
		name string
		body string
		want string
	}{
		{
			name: "insertion and deletion",
			body: `<w:p><w:r><w:t xml:space="preserve">The </w:t></w:r><w:ins` + insAttrs + `><w:r><w:t xml:space="preserve">big </w:t></w:r></w:ins><w:del` + insAttrs + `><w:r><w:delText xml:space="preserve">small </w:delText></w:r></w:del><w:r><w:t>dog</w:t></w:r></w:p>`,
			want: "The small dog",
		},
		{
			name: "inserted paragraph mark joins paragraphs",
			body: `<w:p><w:pPr><w:rPr><w:ins` + insAttrs + `/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">One </w:t></w:r></w:p><w:p><w:r><w:t>sentence.</w:t></w:r></w:p>`,
			want: "One sentence.",
		},
		{
			name: "deleted paragraph comes back",
			body: `<w:p><w:r><w:t>Head</w:t></w:r></w:p><w:p><w:pPr><w:rPr><w:del` + insAttrs + `/></w:rPr></w:pPr><w:del` + insAttrs + `><w:r><w:delText>Cut this.</w:delText></w:r></w:del></w:p>` +
				`<w:p><w:r><w:t>Keep this.</w:t></w:r></w:p>`,
			want: "Head\nCut this.\nKeep this.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := readBytes(docxWithBody(t, tt.body), rejectAll)
			if err != nil {
				t.Fatalf("read: %v", err)
			}
			if doc.Text != tt.want {
				t.Errorf("text\n got %q\nwant %q", doc.Text, tt.want)
			}
		})
	}
}

func TestReadVariants(t *testing.T) {
	strict := `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body>` +
		`<w:p><w:r><w:t>Strict</w:t></w:r></w:p></w:body></w:document>`
	tests := []struct {
		name string
		file []byte
		want string
	}{
		{"byte order mark", zipFiles(t, [2]string{"word/document.xml", "\xEF\xBB\xBF" + documentXML(`<w:p><w:r><w:t>BOM</w:t></w:r></w:p>`)}), "BOM"},
		{"strict namespace", zipFiles(t, [2]string{"word/document.xml", strict}), "Strict"},
		{"other prefix", zipFiles(t, [2]string{"word/document.xml", `<x:document xmlns:x="` + nsW + `"><x:body><x:p><x:r><x:t>Prefix</x:t></x:r></x:p></x:body></x:document>`}), "Prefix"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := readBytes(tt.file, acceptAll)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if doc.Text != tt.want {
				t.Errorf("got %q, want %q", doc.Text, tt.want)
			}
		})
	}
}

// bigReaderAt claims a size without holding the bytes.
type bigReaderAt struct{}

func (bigReaderAt) ReadAt(p []byte, off int64) (int, error) { return 0, io.EOF }

func TestReadRefuses(t *testing.T) {
	ole := append(append([]byte{}, oleSig...), make([]byte, 504)...)
	encrypted := append(append([]byte{}, ole...), encryptedPackage...)
	manyEntries := func() []byte {
		files := make([][2]string, MaxEntries+1)
		for i := range files {
			files[i] = [2]string{"f/" + strconv.Itoa(i), ""}
		}
		return zipFiles(t, files...)
	}
	bomb := zipFiles(t, [2]string{"word/document.xml", documentXML(strings.Repeat(" ", MaxPartBytes))})
	longText := docxWithBody(t, `<w:p><w:r><w:t>`+strings.Repeat("word ", textio.MaxBytes/5+1)+`</w:t></w:r></w:p>`)
	deep := docxWithBody(t, `<w:p><w:r><w:t>x</w:t></w:r></w:p>`+strings.Repeat("<w:sdt>", maxDepth)+strings.Repeat("</w:sdt>", maxDepth))

	var encryptedEntry bytes.Buffer
	zw := zip.NewWriter(&encryptedEntry)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "word/document.xml", Method: zip.Store, Flags: 0x1})
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, "garbled")
	zw.Close()

	tests := []struct {
		name    string
		file    []byte
		size    int64 // overrides len(file) when set, for a reader that is not really that large
		wantErr error
		wantMsg string
	}{
		{name: "empty file", file: nil, wantErr: ErrNotWord},
		{name: "plain text", file: []byte("Headline\nBody text.\n"), wantErr: ErrNotWord},
		{name: "rtf", file: []byte(`{\rtf1\ansi Hello}`), wantErr: ErrNotWord, wantMsg: "RTF"},
		{name: "legacy doc", file: ole, wantErr: ErrLegacyDoc, wantMsg: "save it as .docx"},
		{name: "password protected", file: encrypted, wantErr: ErrEncrypted},
		{name: "truncated zip", file: docxWithBody(t, `<w:p/>`)[:40], wantErr: ErrNotWord},
		{name: "zip without document", file: zipFiles(t, [2]string{"hello.txt", "hi"}), wantErr: ErrNotWord, wantMsg: "word/document.xml"},
		{name: "opendocument", file: zipFiles(t, [2]string{"mimetype", "application/vnd.oasis.opendocument.text"}, [2]string{"content.xml", "<x/>"}), wantErr: ErrNotWord, wantMsg: "OpenDocument"},
		{name: "unclosed element", file: zipFiles(t, [2]string{"word/document.xml", `<w:document xmlns:w="` + nsW + `"><w:body><w:p><w:r><w:t>cut`}), wantErr: ErrMalformed},
		{name: "mismatched element", file: zipFiles(t, [2]string{"word/document.xml", `<w:document xmlns:w="` + nsW + `"><w:body><w:p></w:r></w:body></w:document>`}), wantErr: ErrMalformed},
		{name: "undefined entity", file: docxWithBody(t, `<w:p><w:r><w:t>&bomb;</w:t></w:r></w:p>`), wantErr: ErrMalformed},
		{name: "too deep", file: deep, wantErr: ErrMalformed, wantMsg: "256 deep"},
		{name: "encrypted entry", file: encryptedEntry.Bytes(), wantErr: ErrEncrypted},
		{name: "no text", file: docxWithBody(t, `<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>`), wantErr: textio.ErrNoText},
		{name: "file over the limit", file: []byte("PK\x03\x04"), size: MaxFileBytes + 1, wantErr: ErrTooLarge, wantMsg: "limit is 64 MiB"},
		{name: "zip bomb", file: bomb, wantErr: ErrTooLarge, wantMsg: "limit is 64 MiB"},
		{name: "too many entries", file: manyEntries(), wantErr: ErrTooLarge, wantMsg: "limit is 10000"},
		{name: "text over the article limit", file: longText, wantErr: ErrTooLarge, wantMsg: "16 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r io.ReaderAt = bytes.NewReader(tt.file)
			size := int64(len(tt.file))
			if tt.size != 0 {
				r, size = bigReaderAt{}, tt.size
			}
			doc, err := Read(r, size)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("got error %v, want %v", err, tt.wantErr)
			}
			if !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("error %q does not say %q", err, tt.wantMsg)
			}
			if !reflect.DeepEqual(doc, Document{}) {
				t.Errorf("got a partial document %+v with the error", doc)
			}
		})
	}
}
