package convert

import (
	"bytes"
	"strings"
	"testing"

	"copydesk/editor/docx"
	"copydesk/editor/textio"
)

func TestToMarkdownReadsBack(t *testing.T) {
	texts := []string{
		"Hed\nPlain graf.",
		"Mayor’s *Bold* Plan\n“Quote,” she said — twice.\n# not a heading\n1. not a list\n- nor this\n> nor a quote",
		"Costs & <fees> rose 5_000 [sic] `code` \\ back",
	}
	for _, text := range texts {
		md := ToMarkdown(text)
		if got := textio.FromMarkdown(md); got != text {
			t.Errorf("FromMarkdown(ToMarkdown(%q)) = %q\nmarkdown:\n%s", text, got, md)
		}
	}
}

func TestExportFormats(t *testing.T) {
	e := Export{Title: "Storm Hits", Text: "Storm Hits\nWinds <rose> & “fell.”", Old: "Storm Hits\nWinds rose.", New: "Storm Hits\nWinds fell.", Author: "desk"}
	for _, format := range append(append([]string{}, CleanFormats...), RedlineFormats...) {
		t.Run(format, func(t *testing.T) {
			var b bytes.Buffer
			if err := e.Write(&b, format); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			switch format {
			case FormatText:
				if out != e.Text {
					t.Errorf("txt = %q", out)
				}
			case FormatHTML:
				if !strings.Contains(out, "Winds &lt;rose&gt; &amp; “fell.”") {
					t.Errorf("html not escaped: %s", out)
				}
			case FormatDOCX:
				d, err := docx.Read(bytes.NewReader(b.Bytes()), int64(b.Len()))
				if err != nil || d.Text != e.Text {
					t.Errorf("docx reads back %q, %v", d.Text, err)
				}
			case FormatRedlineHTML, FormatRedlineHTMLi:
				if !strings.Contains(out, "<del") || !strings.Contains(out, "<ins") {
					t.Errorf("redline html lacks del/ins: %s", out)
				}
			case FormatRedlineDOCX:
				if !bytes.HasPrefix(b.Bytes(), []byte("PK")) {
					t.Error("redline docx is not a zip")
				}
			}
		})
	}
	if err := e.Write(&bytes.Buffer{}, "pdf"); err == nil {
		t.Error("unknown format accepted")
	}
}
