package report

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/editor/webpage/browsertest"
)

func TestWriteHTML(t *testing.T) {
	full := fixture(t)
	tests := []struct {
		name   string
		report Report
		want   []string // parts of the page, in order
	}{
		{
			name:   "full record",
			report: full,
			want: []string{
				"<title>Review record: Café owners say quay works are ‘killing trade’</title>",
				`<h1 dir="auto">Café owners say quay works are ‘killing trade’</h1>`,
				"<dt>Slug</dt><dd>quay-cafes</dd>", "<dt>Byline</dt><dd>Ana Ruiz — Carrow Gazette</dd>",
				"<dt>Revision</dt><dd>3 · Copy edit</dd>", "<dd>Maya Lin</dd>", "<dd>10 Mar 2025 16:45 UTC</dd>",
				"<dt>Record made</dt><dd>10 Mar 2025 19:45 UTC</dd>",
				"6 notes: 4 open, 1 resolved, 1 dismissed; 1 no longer found in the text.",
				"7 quotations and reported statements; against the sources: 1 verbatim, 1 misquoted, 2 not in the sources.",
				"<h2>Quote sheet</h2>",
				"“We have lost half our customers since the fences went up,”", "Renée Dubois", "misquoted",
				`<blockquote class="passage" dir="auto">We have lost nearly half our customers since the fences went up</blockquote>`,
				"<h2>Notes</h2>",
				"Note 1 · ", "quote.headline-unsupported", "<mark>‘Killing Trade’</mark>",
				"Note 2 · ", "quote.misquoted", "<mark>“We have lost half our customers since the fences went up,”</mark>",
				"does not match Quay traders notes word for word (leaves out &#34;nearly&#34;)",
				"<p>Source: Quay traders notes</p>", `<blockquote class="passage" dir="auto">We have lost nearly half`,
				"Note 5 · ", "comment", "Check the café’s name — is it “Le Petit Port” or “Au Petit Port”? (The sign says &lt;script&gt;",
				`<ol class="replies">`, `<b>Ana Ruiz, 10 Mar 2025 17:45 UTC:</b> <span dir="auto">It’s “Le Petit Port” — I checked the sign.</span>`,
				"Note 6 · ", "on revision 2", "The noted words are no longer in the text.",
				"<h2>Text of revision 3 · Copy edit</h2>",
				`<p class="headline" dir="auto">Café Owners Say Quay Works Are ‘Killing Trade’</p>`,
				`<p dir="auto">“The works will be finished by Easter,” said port spokesman Anil Mehta.</p>`,
			},
		},
		{
			name:   "empty record",
			report: Report{},
			want:   []string{"<title>Review record: Untitled article</title>", "<dd>0</dd>", "<p>No notes.</p>", "<p>No quotations or reported statements.</p>"},
		},
		{
			name: "markup everywhere is text",
			report: Report{
				Article:  editor.Article{Title: hostile, Slug: hostile, Byline: hostile},
				Revision: editor.Revision{Number: 1, Label: hostile, Author: hostile, Text: hostile + "\n" + hostile},
				Quotes:   []Quote{{Text: hostile, Direct: true, Speaker: hostile, Attribution: hostile, Status: hostile, Source: hostile, Passage: hostile}},
				Notes: []Note{{
					Note:    editor.Note{Status: hostile, Author: hostile, Check: hostile, Message: hostile, Anchor: editor.Anchor{Exact: hostile, Prefix: hostile, Suffix: hostile}},
					Replies: []editor.Reply{{Author: hostile, Text: hostile}},
					Source:  &editor.Related{Text: hostile, File: hostile},
				}},
			},
			want: []string{"<title>Review record: &lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt; and &lt;img src=x onerror=&#34;"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteHTML(&b, tt.report); err != nil {
				t.Fatalf("WriteHTML: %v", err)
			}
			browsertest.InOrder(t, b.String(), tt.want)
			browsertest.SafePage(t, b.String())
		})
	}
}

func writeHTMLFile(t *testing.T, r Report) string {
	t.Helper()
	var b bytes.Buffer
	if err := WriteHTML(&b, r); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestHTMLRendersInChromium takes a screenshot of the record in headless
// Chromium and checks that it shows text.
func TestHTMLRendersInChromium(t *testing.T) {
	img := browsertest.Screenshot(t, writeHTMLFile(t, fixture(t)))
	if got := img.Bounds().Size(); got.X != 1200 || got.Y != 900 {
		t.Errorf("screenshot size: got %v, want 1200×900", got)
	}
	if got := browsertest.Colours(img, 16); got < 16 {
		t.Errorf("screenshot has %d colours, want at least 16 (text drawn)", got)
	}
}

// TestHTMLRunsNothingInChromium loads a record whose title, text, notes,
// replies and source passages hold script and an image with an onerror
// handler, and checks in the DOM Chromium dumps that they stayed text.
func TestHTMLRunsNothingInChromium(t *testing.T) {
	r := fixture(t)
	r.Revision.Text += "\n" + hostile
	r.Notes[0].Message += " " + hostile
	r.Notes[1].Source = &editor.Related{Text: hostile, File: "Notes " + hostile}
	dom := browsertest.DumpDOM(t, writeHTMLFile(t, r))
	if want := "<title>Review record: Café owners say quay works are ‘killing trade’</title>"; !strings.Contains(dom, want) {
		t.Errorf("DOM lacks %s: a script may have run; got:\n%s", want, dom)
	}
	for _, want := range []string{
		"&lt;script&gt;document.title='pwned'&lt;/script&gt;",
		`&lt;img src=x onerror="document.title='pwned'"&gt;`,
	} {
		if got := strings.Count(dom, want); got < 5 {
			t.Errorf("DOM holds %d copies of %s as text, want 5 (note, comment, reply, passage, text)", got, want)
		}
	}
	for _, bad := range []string{"<script", "<img", "pwned</title>"} {
		if strings.Contains(dom, bad) {
			t.Errorf("DOM holds %q", bad)
		}
	}
}
