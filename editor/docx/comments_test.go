package docx

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/editor/diff"
)

// spanOf is the span of the n-th (from 0) occurrence of words in text.
func spanOf(t testing.TB, text, words string, n int) editor.Span {
	t.Helper()
	from := 0
	for i := 0; ; i++ {
		j := strings.Index(text[from:], words)
		if j < 0 {
			t.Fatalf("%q is not %d times in %q", words, n+1, text)
		}
		if i == n {
			return editor.Span{Start: from + j, End: from + j + len(words)}
		}
		from += j + len(words)
	}
}

var (
	commentDay   = time.Date(2024, 5, 1, 9, 15, 0, 0, time.UTC)
	commentReply = time.Date(2024, 5, 2, 17, 40, 0, 0, time.UTC)
)

// deskComments are the comments of the tests on text: a thread with
// replies, a resolved comment in two paragraphs, one across a paragraph
// break, one inside another, and one on a point at the start.
func deskComments(t testing.TB, text string) []Comment {
	return []Comment{
		{Author: "Ann O’Neil", Date: commentDay, Text: "Which mayor? Give the full name.", Span: spanOf(t, text, "the mayor", 0),
			Replies: []Comment{
				{Author: "Writer", Initials: "WR", Date: commentReply, Text: "Mayor Diane Alvarez."},
				{Author: "Ann O’Neil", Date: commentReply.Add(time.Hour), Text: "Thanks — fixed."},
			}},
		{Author: "Desk", Date: commentDay, Text: "Check the figure.\nThe release says 2031.", Span: spanOf(t, text, "2032", 0), Resolved: true},
		{Author: "Desk", Text: "These two paragraphs say the same.", Span: editor.Span{Start: spanOf(t, text, "in 2032", 0).Start, End: spanOf(t, text, "This is", 0).End}},
		{Author: "Desk", Date: commentDay, Text: "Inner <&> comment", Span: spanOf(t, text, "open", 0)},
		{Author: "Desk", Date: commentDay, Text: "On words no longer in the text: “patching”. Was a quote cut?", Span: editor.Span{}},
	}
}

const commentedText = "Mayor backs plan\n“We cannot wait,” the mayor said.\nThe line would open in 2032, she said.\n“This is the moment,” she said."

// withInitials is comments as Read returns them: initials filled in and
// replies on their thread's span.
func withInitials(comments []Comment) []Comment {
	out := make([]Comment, len(comments))
	for i, c := range comments {
		c.Initials = initials(c)
		var replies []Comment
		for _, r := range c.Replies {
			r.Initials, r.Span = initials(r), c.Span
			replies = append(replies, r)
		}
		c.Replies = replies
		out[i] = c
	}
	return out
}

func TestCommentsReadBack(t *testing.T) {
	comments := deskComments(t, commentedText)
	t.Run("clean copy", func(t *testing.T) {
		var buf bytes.Buffer
		if err := Write(&buf, commentedText, Meta{Author: "Desk", Comments: comments}); err != nil {
			t.Fatal(err)
		}
		doc, err := readBytes(buf.Bytes(), acceptAll)
		if err != nil {
			t.Fatal(err)
		}
		if doc.Text != commentedText || len(doc.Notices) != 0 {
			t.Errorf("text %q, notices %q", doc.Text, doc.Notices)
		}
		compareComments(t, doc.Text, doc.Comments, withInitials(comments))
	})
	t.Run("redline", func(t *testing.T) {
		old := strings.NewReplacer("the mayor", "she", "2032", "2030", "open", "run").Replace(commentedText)
		d := diff.Words(old, commentedText, diff.Options{})
		file := writeRedlineBytes(t, d, Meta{Author: "Desk", Date: commentDay, Comments: comments}, nil)
		doc, err := readBytes(file, acceptAll)
		if err != nil {
			t.Fatal(err)
		}
		if doc.Text != commentedText {
			t.Errorf("accepted text %q", doc.Text)
		}
		compareComments(t, doc.Text, doc.Comments, withInitials(comments))
		// Rejecting the changes leaves the text the desk started from;
		// the comments' marks stay in it.
		if doc, err := readBytes(file, rejectAll); err != nil || doc.Text != old {
			t.Errorf("rejected text %q, %v; want %q", doc.Text, err, old)
		}
	})
}

func compareComments(t *testing.T, text string, got, want []Comment) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d comments %+v, want %d", len(got), got, len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("comment %d on %q\n got %+v\nwant %+v", i, got[i].Span.In(text), got[i], want[i])
		}
	}
}

// TestCommentsMarkup checks the parts Word needs for comments and threads.
func TestCommentsMarkup(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, commentedText, Meta{Comments: deskComments(t, commentedText)}); err != nil {
		t.Fatal(err)
	}
	file := buf.Bytes()
	for _, name := range []string{"word/document.xml", "word/comments.xml", "word/commentsExtended.xml", "[Content_Types].xml", "word/_rels/document.xml.rels"} {
		part := zipPart(t, file, name)
		dec := xml.NewDecoder(strings.NewReader(part))
		for {
			_, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		}
	}
	for _, c := range []struct{ name, part, want string }{
		{"comment with author, date and initials", "word/comments.xml", `<w:comment w:id="0" w:author="Ann O’Neil" w:date="2024-05-01T09:15:00Z" w:initials="AO"><w:p w14:paraId="00000001" w14:textId="00000001"><w:r><w:annotationRef/></w:r>`},
		{"no date when none is known", "word/comments.xml", `<w:comment w:id="4" w:author="Desk" w:initials="D">`},
		{"escaped text", "word/comments.xml", `Inner &lt;&amp;&gt; comment`},
		{"reply names its parent", "word/commentsExtended.xml", `<w15:commentEx w15:paraId="00000002" w15:paraIdParent="00000001" w15:done="0"/>`},
		{"resolved", "word/commentsExtended.xml", `<w15:commentEx w15:paraId="00000004" w15:done="1"/>`},
		{"range around the words", "word/document.xml", `<w:commentRangeStart w:id="0"/><w:commentRangeStart w:id="1"/><w:commentRangeStart w:id="2"/><w:r><w:t xml:space="preserve">the mayor</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>`},
		{"point at the start", "word/document.xml", `<w:pPr><w:pStyle w:val="Title"/></w:pPr><w:commentRangeStart w:id="6"/><w:commentRangeEnd w:id="6"/><w:r><w:commentReference w:id="6"/></w:r><w:r>`},
		{"content type", "[Content_Types].xml", `PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"`},
		{"relationship", "word/_rels/document.xml.rels", `relationships/commentsExtended" Target="commentsExtended.xml"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			if part := zipPart(t, file, c.part); !strings.Contains(part, c.want) {
				t.Errorf("%s lacks %s\n%s", c.part, c.want, part)
			}
		})
	}
	// Without comments there are no comment parts.
	buf.Reset()
	if err := Write(&buf, commentedText, Meta{}); err != nil {
		t.Fatal(err)
	}
	if ct := zipPart(t, buf.Bytes(), "[Content_Types].xml"); strings.Contains(ct, "comments") {
		t.Errorf("a file without comments declares them: %s", ct)
	}
}

// TestReadWordThreads reads comments as Word writes them: a reply with a
// range of its own, a reply to a reply, a reply whose parent is missing,
// and a loop of parents.
func TestReadWordThreads(t *testing.T) {
	body := `<w:p><w:r><w:t>Hed</w:t></w:r></w:p><w:p>` +
		`<w:commentRangeStart w:id="1"/><w:commentRangeStart w:id="2"/><w:commentRangeStart w:id="3"/>` +
		`<w:r><w:t>Words</w:t></w:r><w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r>` +
		`<w:commentRangeEnd w:id="2"/><w:r><w:commentReference w:id="2"/></w:r><w:commentRangeEnd w:id="3"/><w:r><w:commentReference w:id="3"/></w:r>` +
		`<w:r><w:t xml:space="preserve"> and more.</w:t></w:r><w:r><w:commentReference w:id="4"/></w:r><w:r><w:commentReference w:id="5"/></w:r><w:r><w:commentReference w:id="6"/></w:r></w:p>`
	comment := func(id, author, para, text string) string {
		return `<w:comment w:id="` + id + `" w:author="` + author + `" w:date="2024-05-01T10:00:00"><w:p w14:paraId="` + para + `"><w:r><w:annotationRef/></w:r><w:r><w:t>` + text + `</w:t></w:r></w:p></w:comment>`
	}
	comments := `<w:comments xmlns:w="` + nsW + `" xmlns:w14="` + nsW14 + `">` +
		comment("1", "Desk", "0A", "First?") + comment("2", "Writer", "0B", "Yes.") + comment("3", "Desk", "0C", "Good.") +
		comment("4", "Writer", "0D", "Orphan reply") + comment("5", "X", "0E", "loop one") + comment("6", "Y", "0F", "loop two") +
		`</w:comments>`
	ext := `<w15:commentsEx xmlns:w15="` + nsW15 + `"><w15:commentEx w15:paraId="0A" w15:done="1"/>` +
		`<w15:commentEx w15:paraId="0B" w15:paraIdParent="0A"/><w15:commentEx w15:paraId="0C" w15:paraIdParent="0B"/>` +
		`<w15:commentEx w15:paraId="0D" w15:paraIdParent="99"/>` +
		`<w15:commentEx w15:paraId="0E" w15:paraIdParent="0F"/><w15:commentEx w15:paraId="0F" w15:paraIdParent="0E"/></w15:commentsEx>`
	file := zipFiles(t, [2]string{"word/document.xml", documentXML(body)}, [2]string{"word/comments.xml", comments}, [2]string{"word/commentsExtended.xml", ext})
	doc, err := readBytes(file, acceptAll)
	if err != nil {
		t.Fatal(err)
	}
	when := time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC)
	words, end := editor.Span{Start: 4, End: 9}, editor.Span{Start: len(doc.Text), End: len(doc.Text)}
	want := []Comment{
		{Author: "Desk", Date: when, Text: "First?", Span: words, Resolved: true, Replies: []Comment{
			{Author: "Writer", Date: when, Text: "Yes.", Span: words},
			{Author: "Desk", Date: when, Text: "Good.", Span: words},
		}},
		{Author: "Writer", Date: when, Text: "Orphan reply", Span: end},
		{Author: "X", Date: when, Text: "loop one", Span: end},
		{Author: "Y", Date: when, Text: "loop two", Span: end},
	}
	if doc.Text != "Hed\nWords and more." {
		t.Errorf("text %q", doc.Text)
	}
	compareComments(t, doc.Text, doc.Comments, want)
}

// TestReadDamagedComments keeps the text of a file whose comment parts are
// damaged, and says what was lost.
func TestReadDamagedComments(t *testing.T) {
	body := `<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>Text stays</w:t></w:r><w:commentRangeEnd w:id="0"/></w:p>`
	good := `<w:comments xmlns:w="` + nsW + `"><w:comment w:id="0" w:author="A"><w:p><w:r><w:t>c</w:t></w:r></w:p></w:comment></w:comments>`
	for _, tc := range []struct {
		name, comments, ext, notice string
		comments1                   bool
	}{
		{"comments not XML", `<w:comments xmlns:w="` + nsW + `"><w:comment>`, "", "The comments were left out", false},
		{"comments nested too deep", `<w:comments xmlns:w="` + nsW + `"><w:comment>` + strings.Repeat("<x>", maxDepth+1), "", "The comments were left out", false},
		{"threads damaged", good, `<w15:commentsEx xmlns:w15="` + nsW15 + `"><w15:commentEx`, "Replies are shown as comments of their own", true},
		{"bad date", strings.Replace(good, `w:author="A"`, `w:author="A" w:date="yesterday"`, 1), "", "", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := [][2]string{{"word/document.xml", documentXML(body)}, {"word/comments.xml", tc.comments}}
			if tc.ext != "" {
				files = append(files, [2]string{"word/commentsExtended.xml", tc.ext})
			}
			doc, err := readBytes(zipFiles(t, files...), acceptAll)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if doc.Text != "Text stays" {
				t.Errorf("text %q", doc.Text)
			}
			if got := strings.Join(doc.Notices, "|"); tc.notice == "" && got != "" || !strings.Contains(got, tc.notice) {
				t.Errorf("notices %q, want %q", doc.Notices, tc.notice)
			}
			if tc.comments1 != (len(doc.Comments) == 1) {
				t.Errorf("comments %+v", doc.Comments)
			}
		})
	}
}

// TestReadCommentPlaces places comments whose marks Word writes in odd
// places: around deleted text, between paragraphs, in an empty paragraph,
// across a removed paragraph mark, with space trimmed off the line, and
// with only a reference.
func TestReadCommentPlaces(t *testing.T) {
	r := func(s string) string { return `<w:r><w:t xml:space="preserve">` + s + `</w:t></w:r>` }
	start := func(id string) string { return `<w:commentRangeStart w:id="` + id + `"/>` }
	end := func(id string) string { return `<w:commentRangeEnd w:id="` + id + `"/>` }
	ref := func(id string) string { return `<w:r><w:commentReference w:id="` + id + `"/></w:r>` }
	tests := []struct {
		name, body, text, on string
		at                   int // for a comment on a point
	}{
		{"on deleted text: at the deletion",
			`<w:p>` + r("Keep ") + `<w:del` + insAttrs + `>` + start("0") + `<w:r><w:delText>gone</w:delText></w:r>` + end("0") + `</w:del>` + r("this.") + `</w:p>`,
			"Keep this.", "", 5},
		{"range from between paragraphs",
			`<w:p>` + r("One.") + `</w:p>` + start("0") + `<w:p>` + r("Two") + end("0") + ref("0") + r(" more.") + `</w:p>`,
			"One.\nTwo more.", "Two", 0},
		{"range from an empty paragraph",
			`<w:p>` + r("One.") + `</w:p><w:p>` + start("0") + `</w:p><w:p>` + r("Two") + end("0") + `</w:p>`,
			"One.\nTwo", "Two", 0},
		{"across a removed paragraph mark",
			`<w:p><w:pPr><w:rPr><w:del` + insAttrs + `/></w:rPr></w:pPr>` + r("Joined ") + start("0") + r("here") + `</w:p><w:p>` + r(" and") + end("0") + r(" there") + `</w:p>`,
			"Joined here and there", "here and", 0},
		{"space trimmed off the line",
			`<w:p>` + start("0") + r("   Words") + end("0") + r("  ") + `</w:p>`,
			"Words", "Words", 0},
		{"only a reference: a point",
			`<w:p>` + r("Before") + ref("0") + r(" after") + `</w:p>`,
			"Before after", "", 6},
		{"no mark at all: the start",
			`<w:p>` + r("Text") + `</w:p>`,
			"Text", "", 0},
	}
	comments := `<w:comments xmlns:w="` + nsW + `"><w:comment w:id="0" w:author="A"><w:p>` + `<w:r><w:t>c</w:t></w:r></w:p></w:comment></w:comments>`
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := readBytes(zipFiles(t, [2]string{"word/document.xml", documentXML(tt.body)}, [2]string{"word/comments.xml", comments}), acceptAll)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Text != tt.text || len(doc.Comments) != 1 {
				t.Fatalf("text %q, comments %+v", doc.Text, doc.Comments)
			}
			sp := doc.Comments[0].Span
			if got := sp.In(doc.Text); got != tt.on || tt.on == "" && sp.Start != tt.at {
				t.Errorf("comment on %q at %v, want %q (at %d)", got, sp, tt.on, tt.at)
			}
		})
	}
}

// TestReadCapsComments reads no more than MaxComments comments and says so.
func TestReadCapsComments(t *testing.T) {
	var body, comments strings.Builder
	body.WriteString(`<w:p><w:r><w:t>Text</w:t></w:r>`)
	comments.WriteString(`<w:comments xmlns:w="` + nsW + `">`)
	for i := range MaxComments + 5 {
		fmt.Fprintf(&body, `<w:r><w:commentReference w:id="%d"/></w:r>`, i)
		fmt.Fprintf(&comments, `<w:comment w:id="%d" w:author="A"><w:p><w:r><w:t>c</w:t></w:r></w:p></w:comment>`, i)
	}
	body.WriteString(`</w:p>`)
	comments.WriteString(`</w:comments>`)
	doc, err := readBytes(zipFiles(t, [2]string{"word/document.xml", documentXML(body.String())}, [2]string{"word/comments.xml", comments.String()}), acceptAll)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Comments) != MaxComments || len(doc.Notices) != 1 || !strings.Contains(doc.Notices[0], "Only the first") {
		t.Errorf("%d comments, notices %q", len(doc.Comments), doc.Notices)
	}
}
