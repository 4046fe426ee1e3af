package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"time"
)

// sampleTexts are articles with the characters copy is made of.
var sampleTexts = []struct {
	name, text string
}{
	{"plain", "Council approves budget\nThe city council approved the budget on Tuesday.\nThe vote was 7 to 2."},
	{"curly quotes and apostrophes", "Mayor: ‘We’re not done’\n“It’s a start,” the mayor said. “We’ll see.”\nShe didn’t say when; the ’90s were ‘different’."},
	{"dashes and ellipses", "Storm — and after\nThe river rose 3–4 metres — a record… or close to it.\nOfficials said the 2019–20 season was worse."},
	{"accents", "Zoë Müller’s café reopens\nThe crème brûlée at Ñandú costs €7.50, said José Álvarez.\nŁódź and Øresund and İstanbul."},
	{"CJK and emoji", "東京で会議\n首相は「予算案を承認した」と述べた。\n서울 and 北京 too 👍🏽"},
	{"markup characters", "Tags <b> & entities &amp; stay text\nIf a < b && c > d then \"quoted\" 'single'.\n<script>alert(1)</script> is text."},
}

func writeBytes(t *testing.T, text string, meta Meta) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, text, meta); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

func TestWriteReadsBack(t *testing.T) {
	for _, tt := range sampleTexts {
		t.Run(tt.name, func(t *testing.T) {
			file := writeBytes(t, tt.text, Meta{Author: "Desk"})
			doc, err := readBytes(file, acceptAll)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if doc.Text != tt.text {
				t.Errorf("text\n got %q\nwant %q", doc.Text, tt.text)
			}
			if len(doc.Notices) != 0 {
				t.Errorf("notices %q, want none", doc.Notices)
			}
		})
	}
}

// zipPart returns the content of one part of a zip file.
func zipPart(t testing.TB, file []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(file), int64(len(file)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
	}
	t.Fatalf("no %s in the file", name)
	return ""
}

func TestWritePackage(t *testing.T) {
	date := time.Date(2024, 5, 1, 12, 30, 0, 0, time.FixedZone("CEST", 2*3600))
	file := writeBytes(t, "Héadline & <more>\n\tTabbed\tline\nLast\n", Meta{Author: "Ann O’Neil", Date: date})
	parts := []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml", "docProps/core.xml"}
	for _, name := range parts {
		t.Run("well-formed "+name, func(t *testing.T) {
			dec := xml.NewDecoder(strings.NewReader(zipPart(t, file, name)))
			for {
				_, err := dec.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
			}
		})
	}
	document := zipPart(t, file, "word/document.xml")
	core := zipPart(t, file, "docProps/core.xml")
	styles := zipPart(t, file, "word/styles.xml")
	contains := []struct {
		name, part, want string
	}{
		{"headline in Title style", document, `<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t xml:space="preserve">Héadline &amp; &lt;more&gt;</w:t></w:r></w:p>`},
		{"tabs", document, `<w:p><w:r><w:tab/><w:t xml:space="preserve">Tabbed</w:t><w:tab/><w:t xml:space="preserve">line</w:t></w:r></w:p>`},
		{"no empty last paragraph", document, `<w:t xml:space="preserve">Last</w:t></w:r></w:p><w:sectPr>`},
		{"title", core, `<dc:title>Héadline &amp; &lt;more&gt;</dc:title>`},
		{"author", core, `<dc:creator>Ann O’Neil</dc:creator>`},
		{"date in UTC", core, `<dcterms:created xsi:type="dcterms:W3CDTF">2024-05-01T10:30:00Z</dcterms:created>`},
		{"Title style", styles, `w:styleId="Title"><w:name w:val="Title"/>`},
		{"Normal style", styles, `w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>`},
	}
	for _, c := range contains {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(c.part, c.want) {
				t.Errorf("part lacks %s\n got %s", c.want, c.part)
			}
		})
	}
}

func TestWriteEscapes(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"markup", `a<b>&"c"`, "a<b>&\"c\""},
		{"control characters", "bell\x07 and \x00nul\fpage", "bell and nulpage"}, // dropped, as the HTML export drops them
		{"invalid UTF-8", "caf\xe9", "caf\uFFFD"},
		{"noncharacter", "x\uFFFEy", "x\uFFFDy"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := readBytes(writeBytes(t, tt.text, Meta{}), acceptAll)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if doc.Text != tt.want {
				t.Errorf("got %q, want %q", doc.Text, tt.want)
			}
		})
	}
}

func TestWriteIsDeterministic(t *testing.T) {
	a := writeBytes(t, sampleTexts[1].text, Meta{Author: "Desk"})
	b := writeBytes(t, sampleTexts[1].text, Meta{Author: "Desk"})
	if !bytes.Equal(a, b) {
		t.Error("two writes of the same text differ")
	}
}
