package docx

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/editor/diff"
	"copydesk/editor/textio"
)

// These tests check the files against LibreOffice, the Word-compatible
// program on the desk's Linux machines and in CI (Debian package
// libreoffice-writer-nogui). They skip where soffice is not installed.

// convert runs one headless LibreOffice over files, writing the converted
// files to outDir. filter is a --convert-to argument such as "txt:Text",
// "odt" or "docx"; infilter, when set, says how to read the input. Each
// call gets its own profile so parallel runs do not share a lock.
func convert(t *testing.T, outDir, filter, infilter string, files ...string) {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed")
	}
	profile := "file://" + filepath.ToSlash(t.TempDir())
	args := []string{"-env:UserInstallation=" + profile, "--headless", "--norestore"}
	if infilter != "" {
		args = append(args, "--infilter="+infilter)
	}
	args = append(args, "--convert-to", filter, "--outdir", outDir)
	args = append(args, files...)
	ctx, cancel := context.WithTimeout(t.Context(), time.Duration(60+10*len(files))*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, args...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("soffice %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// withExt returns the name of path in dir with its extension replaced.
func withExt(dir, path, ext string) string {
	base := filepath.Base(path)
	return filepath.Join(dir, strings.TrimSuffix(base, filepath.Ext(base))+ext)
}

// readExport reads a LibreOffice text export as lines: it drops the byte
// order mark, unifies line endings and drops the final line break.
func readExport(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := textio.NormalizeNewlines(strings.TrimPrefix(string(b), "\uFEFF"))
	return strings.Split(strings.TrimRight(s, "\n"), "\n")
}

func comparelines(t *testing.T, got, want []string) {
	t.Helper()
	for i := range max(len(got), len(want)) {
		var g, w string
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			t.Errorf("paragraph %d\n got %q\nwant %q", i+1, g, w)
		}
	}
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestLibreOfficeReadsCleanCopy exports every sample with Write and has
// LibreOffice convert them to plain text, which must be our text.
func TestLibreOfficeReadsCleanCopy(t *testing.T) {
	dir, out := t.TempDir(), t.TempDir()
	var files []string
	for i, s := range sampleTexts {
		path := filepath.Join(dir, "sample"+string(rune('a'+i))+".docx")
		writeFile(t, path, writeBytes(t, s.text, Meta{Author: "Desk", Date: redlineMeta.Date}))
		files = append(files, path)
	}
	convert(t, out, "txt:Text", "", files...)
	for i, s := range sampleTexts {
		t.Run(s.name, func(t *testing.T) {
			comparelines(t, readExport(t, withExt(out, files[i], ".txt")), strings.Split(s.text, "\n"))
		})
	}
}

// TestReadLibreOfficeDocx has LibreOffice make .docx files from the samples
// as plain text, and from our own clean copy by way of OpenDocument, and
// reads them back.
func TestReadLibreOfficeDocx(t *testing.T) {
	dir, odt, out := t.TempDir(), t.TempDir(), t.TempDir()
	var txts, docxs []string
	for i, s := range sampleTexts {
		name := filepath.Join(dir, "sample"+string(rune('a'+i)))
		writeFile(t, name+".txt", []byte(s.text+"\n"))
		writeFile(t, name+".docx", writeBytes(t, s.text, Meta{}))
		txts, docxs = append(txts, name+".txt"), append(docxs, name+".docx")
	}
	convert(t, out, "docx", "Text (encoded):UTF8,LF,,,", txts...)
	convert(t, odt, "odt", "", docxs...)
	var odts []string
	for _, p := range docxs {
		odts = append(odts, withExt(odt, p, ".odt"))
	}
	viaODT := filepath.Join(out, "via-odt")
	convert(t, viaODT, "docx", "", odts...)
	for i, s := range sampleTexts {
		for _, c := range []struct{ from, path string }{
			{"from text", withExt(out, txts[i], ".docx")},
			{"from odt", withExt(viaODT, docxs[i], ".docx")},
		} {
			t.Run(s.name+" "+c.from, func(t *testing.T) {
				f, err := os.Open(c.path)
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				info, err := f.Stat()
				if err != nil {
					t.Fatal(err)
				}
				doc, err := Read(f, info.Size())
				if err != nil {
					t.Fatalf("Read: %v", err)
				}
				comparelines(t, strings.Split(doc.Text, "\n"), strings.Split(s.text, "\n"))
				if len(doc.Notices) != 0 {
					t.Errorf("notices %q, want none", doc.Notices)
				}
			})
		}
	}
}

// odtChanges is what an OpenDocument text says about its tracked changes
// and the two texts they lead to.
type odtChanges struct {
	insertions, deletions int
	creators, dates       map[string]bool
	// accepted and rejected are the text with every change accepted and
	// with every change rejected, one line per paragraph.
	accepted, rejected string
}

// readODTChanges reads content.xml of an .odt file. In OpenDocument the
// body holds the text with deletions taken out: a text:change marks where
// deleted text (kept in text:tracked-changes) stood, and
// text:change-start/-end enclose inserted text, paragraph breaks included.
func readODTChanges(t *testing.T, path string) odtChanges {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	content := zipPart(t, b, "content.xml")
	ch := odtChanges{creators: map[string]bool{}, dates: map[string]bool{}}
	kind := map[string]string{}     // changed-region id → insertion, deletion or format-change
	deleted := map[string]string{}  // deletion id → its text, paragraphs on lines
	openIns := map[string]bool{}    // insertions open at this point of the body
	var acc, rej strings.Builder    // the two texts being built
	var region, regionKind string   // the changed region being read
	var regionText strings.Builder  // text of a deletion being read
	var inCreator, inDate, inP bool // where character data goes
	regionParas := 0
	dec := xml.NewDecoder(strings.NewReader(content))
	const textNS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
	attr := func(e xml.StartElement, local string) string {
		for _, a := range e.Attr {
			if a.Name.Local == local {
				return a.Value
			}
		}
		return ""
	}
	write := func(s string) {
		if region != "" {
			regionText.WriteString(s)
			return
		}
		acc.WriteString(s)
		if len(openIns) == 0 {
			rej.WriteString(s)
		}
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("content.xml: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "changed-region":
				region, regionParas = attr(e, "id"), 0
				regionText.Reset()
			case "insertion", "deletion", "format-change":
				regionKind = e.Name.Local
				kind[region] = regionKind
			case "creator":
				inCreator = true
			case "date":
				inDate = true
			case "p", "h":
				if e.Name.Space == textNS {
					if region != "" && regionParas > 0 {
						regionText.WriteString("\n")
					}
					regionParas++
					inP = true
				}
			case "s":
				n := 1
				if c, err := strconv.Atoi(attr(e, "c")); err == nil {
					n = c
				}
				write(strings.Repeat(" ", n))
			case "tab":
				write("\t")
			case "line-break":
				write("\n")
			case "change":
				if len(openIns) == 0 {
					rej.WriteString(deleted[attr(e, "change-id")])
				}
			case "change-start":
				if kind[attr(e, "change-id")] == "insertion" {
					openIns[attr(e, "change-id")] = true
				}
			case "change-end":
				delete(openIns, attr(e, "change-id"))
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "changed-region":
				switch regionKind {
				case "insertion":
					ch.insertions++
				case "deletion":
					ch.deletions++
					deleted[region] = regionText.String()
				}
				region, regionKind = "", ""
			case "creator":
				inCreator = false
			case "date":
				inDate = false
			case "p", "h":
				if e.Name.Space == textNS {
					inP = false
					if region == "" {
						acc.WriteString("\n")
						if len(openIns) == 0 {
							rej.WriteString("\n")
						}
					}
				}
			}
		case xml.CharData:
			switch {
			case inCreator:
				ch.creators[string(e)] = true
			case inDate:
				ch.dates[string(e)] = true
			case inP:
				write(string(e))
			}
		}
	}
	ch.accepted = strings.TrimSuffix(acc.String(), "\n")
	ch.rejected = strings.TrimSuffix(rej.String(), "\n")
	return ch
}

// TestLibreOfficeKeepsRedline has LibreOffice convert each redline to
// OpenDocument and checks that the tracked changes survive, by the right
// author, and that accepting or rejecting all of them in the converted
// file gives the new or the old revision. The converted files are then
// saved as .docx by LibreOffice, and Read must take those tracked changes
// as accepted too.
//
// LibreOffice's plain-text export is no help here: it prints deleted and
// inserted text alike ("policefire officials said"), so the accepted and
// rejected texts are worked out from the OpenDocument XML instead.
func TestLibreOfficeKeepsRedline(t *testing.T) {
	dir, odt, back := t.TempDir(), t.TempDir(), t.TempDir()
	var files []string
	diffs := make([]*diff.Diff, len(revisionPairs))
	for i, p := range revisionPairs {
		diffs[i] = diff.Words(p.old, p.new, diff.Options{})
		path := filepath.Join(dir, "redline"+string(rune('a'+i))+".docx")
		writeFile(t, path, writeRedlineBytes(t, diffs[i], redlineMeta, nil))
		files = append(files, path)
	}
	convert(t, odt, "odt", "", files...)
	var odts []string
	for _, f := range files {
		odts = append(odts, withExt(odt, f, ".odt"))
	}
	convert(t, back, "docx", "", odts...)
	for i, p := range revisionPairs {
		t.Run(p.name, func(t *testing.T) {
			ch := readODTChanges(t, odts[i])
			var wantIns, wantDel bool
			for _, c := range diffs[i].Changes {
				wantIns = wantIns || c.NewText != ""
				wantDel = wantDel || c.OldText != ""
			}
			if got := ch.insertions > 0; got != wantIns {
				t.Errorf("%d insertions, want some: %v", ch.insertions, wantIns)
			}
			if got := ch.deletions > 0; got != wantDel {
				t.Errorf("%d deletions, want some: %v", ch.deletions, wantDel)
			}
			if len(ch.creators) != 1 || !ch.creators[redlineMeta.Author] {
				t.Errorf("changes by %v, want only %q", ch.creators, redlineMeta.Author)
			}
			if len(ch.dates) != 1 || !ch.dates["2024-05-01T09:15:00"] {
				t.Errorf("changes dated %v, want 2024-05-01T09:15:00", ch.dates)
			}
			comparelines(t, strings.Split(ch.accepted, "\n"), strings.Split(p.new, "\n"))
			t.Run("rejected", func(t *testing.T) {
				comparelines(t, strings.Split(ch.rejected, "\n"), strings.Split(p.old, "\n"))
			})
			t.Run("saved as docx by LibreOffice", func(t *testing.T) {
				b, err := os.ReadFile(withExt(back, files[i], ".docx"))
				if err != nil {
					t.Fatal(err)
				}
				for _, c := range []struct {
					view view
					want string
				}{{acceptAll, p.new}, {rejectAll, p.old}} {
					doc, err := read(bytes.NewReader(b), int64(len(b)), c.view)
					if err != nil {
						t.Fatalf("read: %v", err)
					}
					comparelines(t, strings.Split(doc.Text, "\n"), strings.Split(c.want, "\n"))
					if c.view == acceptAll && (len(doc.Notices) != 1 || doc.Notices[0] != trackedN) {
						t.Errorf("notices %q, want %q", doc.Notices, trackedN)
					}
				}
			})
		})
	}
}

// TestReadLibreOfficeNotes has LibreOffice save an OpenDocument article
// with a heading, bold and italic words, a footnote, an endnote, a
// comment, a list, a tab, a line break and a table as .docx, and reads it.
func TestReadLibreOfficeNotes(t *testing.T) {
	out := t.TempDir()
	src, err := filepath.Abs(filepath.Join("testdata", "notes.fodt"))
	if err != nil {
		t.Fatal(err)
	}
	convert(t, out, "docx", "", src)
	b, err := os.ReadFile(filepath.Join(out, "notes.docx"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Read(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	want := []string{
		"Minister “quits” over café row",
		"The minister resigned on Friday, aides said.",
		"Item one",
		"Item two",
		"Tab and break",
		"cell one",
		"cell two",
		"東京 <>& — end",
	}
	comparelines(t, strings.Split(doc.Text, "\n"), want)
	wantNotices := []string{"1 footnote was left out.", "1 endnote was left out."}
	if strings.Join(doc.Notices, "|") != strings.Join(wantNotices, "|") {
		t.Errorf("notices\n got %q\nwant %q", doc.Notices, wantNotices)
	}
	// The comment, on no words, sits where it was made: after "said.".
	if len(doc.Comments) != 1 {
		t.Fatalf("comments %+v, want one", doc.Comments)
	}
	c := doc.Comments[0]
	at := strings.Index(doc.Text, "aides said.") + len("aides said.")
	if c.Author != "Ed" || c.Text != "Check this." || c.Span != (editor.Span{Start: at, End: at}) {
		t.Errorf("comment %+v, want Ed's \"Check this.\" at %d", c, at)
	}
}

// odtComment is an annotation of an OpenDocument text as LibreOffice
// wrote it: who, when, what, and the body text it marks.
type odtComment struct {
	name, creator, date, text, on string
	// parent is the name of the annotation this one answers, where the
	// LibreOffice version records threads in OpenDocument.
	parent   string
	resolved bool
}

// readODTComments reads the annotations of a flat OpenDocument text
// (.fodt): the body's text is built as one line per paragraph, leaving
// out annotation content and deleted text (marked by text:change-start
// and -end of a deletion region), and each annotation's range runs from
// where it stands to the office:annotation-end of the same name.
func readODTComments(t *testing.T, path string) (body string, comments []odtComment) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const officeNS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
	dec := xml.NewDecoder(bytes.NewReader(b))
	var (
		text   strings.Builder
		inBody bool
		skip   int // depth inside content that is not body text
		inPara int // depth of body paragraphs
		region string
		// deletion holds the changed regions that delete, deleting
		// those open at this point of the body.
		deletion = map[string]bool{}
		deleting = map[string]bool{}
		cur      *odtComment
		field    *string // the annotation field being read
		paras    int     // annotation paragraphs read
		starts   = map[string]int{}
		byName   = map[string]int{}
		attr     = func(e xml.StartElement, local string) string {
			for _, a := range e.Attr {
				if a.Name.Local == local {
					return a.Value
				}
			}
			return ""
		}
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch {
			case e.Name.Local == "text" && e.Name.Space == officeNS:
				inBody = true
			case !inBody:
			case cur != nil:
				switch e.Name.Local {
				case "creator":
					field = &cur.creator
				case "date":
					field = &cur.date
				case "p":
					if paras > 0 {
						cur.text += "\n"
					}
					paras++
					field = &cur.text
				}
			case e.Name.Local == "changed-region":
				region = attr(e, "id")
				skip++
			case skip > 0:
				if e.Name.Local == "deletion" {
					deletion[region] = true
				}
				skip++
			case e.Name.Local == "tracked-changes" || e.Name.Local == "sequence-decls":
				skip++
			case e.Name.Local == "change-start":
				if deletion[attr(e, "change-id")] {
					deleting[attr(e, "change-id")] = true
				}
			case e.Name.Local == "change-end":
				delete(deleting, attr(e, "change-id"))
			case e.Name.Local == "annotation" && e.Name.Space == officeNS:
				cur, paras = &odtComment{name: attr(e, "name"), resolved: attr(e, "resolved") == "true"}, 0
				for _, a := range e.Attr {
					if strings.Contains(strings.ToLower(a.Name.Local), "parent") {
						cur.parent = a.Value
					}
				}
			case e.Name.Local == "annotation-end":
				if i, ok := byName[attr(e, "name")]; ok {
					comments[i].on = text.String()[starts[attr(e, "name")]:]
				}
			case e.Name.Local == "p" || e.Name.Local == "h":
				if text.Len() > 0 {
					text.WriteString("\n")
				}
				inPara++
			case e.Name.Local == "s":
				n := 1
				if c, err := strconv.Atoi(attr(e, "c")); err == nil {
					n = c
				}
				text.WriteString(strings.Repeat(" ", n))
			case e.Name.Local == "tab":
				text.WriteString("\t")
			}
		case xml.EndElement:
			switch {
			case cur != nil && e.Name.Local == "annotation" && e.Name.Space == officeNS:
				starts[cur.name] = text.Len()
				byName[cur.name] = len(comments)
				comments = append(comments, *cur)
				cur = nil
			case cur != nil:
				field = nil
			case skip > 0:
				skip--
			case e.Name.Local == "p" || e.Name.Local == "h":
				inPara--
			case e.Name.Local == "text" && e.Name.Space == officeNS:
				inBody = false
			}
		case xml.CharData:
			switch {
			case field != nil:
				*field += string(e)
			case inBody && cur == nil && skip == 0 && inPara > 0 && len(deleting) == 0:
				text.WriteString(string(e))
			}
		}
	}
	return text.String(), comments
}

// TestLibreOfficeReadsComments has LibreOffice open a redline and a clean
// copy with the desk's comments and save them as OpenDocument: each
// comment must be on its words, by its author, at its date, with its
// text; replies on their thread's words, and, where LibreOffice records
// threads in OpenDocument, attached to their parent.
func TestLibreOfficeReadsComments(t *testing.T) {
	dir, out := t.TempDir(), t.TempDir()
	comments := deskComments(t, commentedText)
	old := strings.NewReplacer("the mayor", "she", "2032", "2030", "open", "run").Replace(commentedText)
	redline := filepath.Join(dir, "redline.docx")
	writeFile(t, redline, writeRedlineBytes(t, diff.Words(old, commentedText, diff.Options{}), Meta{Author: "Desk", Date: commentDay, Comments: comments}, nil))
	var clean bytes.Buffer
	if err := Write(&clean, commentedText, Meta{Comments: comments}); err != nil {
		t.Fatal(err)
	}
	cleanPath := filepath.Join(dir, "clean.docx")
	writeFile(t, cleanPath, clean.Bytes())
	convert(t, out, "fodt", "", redline, cleanPath)
	for _, path := range []string{redline, cleanPath} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			body, got := readODTComments(t, withExt(out, path, ".fodt"))
			if body != commentedText {
				t.Errorf("body as LibreOffice shows it\n got %q\nwant %q", body, commentedText)
			}
			var want []odtComment
			for _, c := range comments {
				want = append(want, odtComment{creator: author(c.Author), date: odtDate(c.Date), text: textOrDash(c.Text), on: c.Span.In(commentedText), resolved: c.Resolved})
				for _, r := range c.Replies {
					want = append(want, odtComment{creator: r.Author, date: odtDate(r.Date), text: r.Text, on: c.Span.In(commentedText), parent: "thread"})
				}
			}
			if len(got) != len(want) {
				t.Fatalf("%d annotations %+v, want %d", len(got), got, len(want))
			}
			// LibreOffice writes annotations that start at one place in
			// its own order; match them by text.
			threads := 0
			for _, w := range want {
				var g *odtComment
				for i := range got {
					if got[i].text == w.text {
						g = &got[i]
					}
				}
				if g == nil {
					t.Errorf("no annotation says %q", w.text)
					continue
				}
				if g.creator != w.creator || g.on != w.on || g.date != w.date || g.resolved != w.resolved {
					t.Errorf("annotation %q\n got by %q at %q on %q, resolved %v\nwant by %q at %q on %q, resolved %v",
						w.text, g.creator, g.date, g.on, g.resolved, w.creator, w.date, w.on, w.resolved)
				}
				if w.parent != "" && g.parent != "" {
					threads++
					if p := annotationNamed(got, g.parent); p == nil || p.on != w.on || p.creator != "Ann O’Neil" {
						t.Errorf("reply %q hangs under %+v", w.text, p)
					}
				}
			}
			if threads == 0 {
				t.Log("this LibreOffice does not record reply threads in OpenDocument; replies were checked for their words and authors only")
			}
		})
	}
}

func annotationNamed(list []odtComment, name string) *odtComment {
	for i := range list {
		if list[i].name == name {
			return &list[i]
		}
	}
	return nil
}

// odtDate is how LibreOffice writes a date it read from a .docx comment:
// the same wall time, without a zone; all zeros for none.
func odtDate(t time.Time) string {
	if t.IsZero() {
		return "0000-00-00T00:00:00"
	}
	return t.UTC().Format("2006-01-02T15:04:05")
}

// TestReadLibreOfficeComments has LibreOffice save an OpenDocument
// article with comments (on the headline, on words, across paragraphs, on
// a point, in two paragraphs, with non-ASCII names) as .docx, and reads
// them back on their words.
func TestReadLibreOfficeComments(t *testing.T) {
	out := t.TempDir()
	src, err := filepath.Abs(filepath.Join("testdata", "comments.fodt"))
	if err != nil {
		t.Fatal(err)
	}
	convert(t, out, "docx", "", src)
	b, err := os.ReadFile(filepath.Join(out, "comments.docx"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Read(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	const text = "Mayor backs €2bn plan\n“We cannot wait,” the mayor said.\nThe line would open in 2032, she said.\nCritics disagreed. End."
	if doc.Text != text || len(doc.Notices) != 0 {
		t.Fatalf("text %q, notices %q", doc.Text, doc.Notices)
	}
	at := func(h, m int) time.Time { return time.Date(2024, 5, 3, h, m, 0, 0, time.UTC) }
	end := strings.Index(text, "End.")
	want := []struct {
		author, text, on string
		date             time.Time
		span             editor.Span
	}{
		{"Writer", "Too long?", "Mayor backs €2bn plan", at(8, 30), editor.Span{}},
		{"Zoë Müller", "Mayor Diane Alvarez, first reference.\nSecond paragraph of the comment.", "the mayor", at(9, 0), editor.Span{}},
		{"Writer", "The release says 2031.", "2032, she said.\nCritics disagreed.", at(10, 15), editor.Span{}},
		{"Writer", "A point comment.", "", at(11, 0), editor.Span{Start: end, End: end}},
	}
	if len(doc.Comments) != len(want) {
		t.Fatalf("comments %+v, want %d", doc.Comments, len(want))
	}
	for i, w := range want {
		c := doc.Comments[i]
		if c.Author != w.author || c.Text != w.text || c.Span.In(doc.Text) != w.on || !c.Date.Equal(w.date) ||
			w.on == "" && c.Span != w.span || len(c.Replies) != 0 {
			t.Errorf("comment %d: %+v on %q\nwant %+v", i, c, c.Span.In(doc.Text), w)
		}
	}
}

// TestLibreOfficeKeepsComments has LibreOffice open our redline with
// comments and save it again as .docx, as a writer on LibreOffice
// answering in the file would: Read must find every comment, reply and
// resolved mark on the same words. Where LibreOffice drops the threads
// (7.4 writes commentsExtended.xml for the resolved marks only, with no
// w15:paraIdParent), replies come back as comments of their own on their
// thread's words.
func TestLibreOfficeKeepsComments(t *testing.T) {
	dir, out := t.TempDir(), t.TempDir()
	comments := deskComments(t, commentedText)
	path := filepath.Join(dir, "sent.docx")
	writeFile(t, path, writeBytes(t, commentedText, Meta{Author: "Desk", Comments: comments}))
	convert(t, out, "docx", "", path)
	b, err := os.ReadFile(filepath.Join(out, "sent.docx"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Read(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if doc.Text != commentedText {
		t.Errorf("text %q", doc.Text)
	}
	threaded := findPart(b, commentsExtendedPart) && strings.Contains(zipPart(t, b, commentsExtendedPart), "paraIdParent")
	type flat struct {
		author, text, on string
		resolved         bool
	}
	var got, want []flat
	for _, c := range doc.Comments {
		got = append(got, flat{c.Author, c.Text, c.Span.In(doc.Text), c.Resolved})
		for _, r := range c.Replies {
			got = append(got, flat{r.Author, r.Text, c.Span.In(doc.Text), r.Resolved})
		}
	}
	for _, c := range withInitials(comments) {
		want = append(want, flat{author(c.Author), textOrDash(c.Text), c.Span.In(commentedText), c.Resolved})
		for _, r := range c.Replies {
			want = append(want, flat{r.Author, r.Text, c.Span.In(commentedText), false})
		}
	}
	sortFlat := func(l []flat) {
		slices.SortFunc(l, func(a, b flat) int { return strings.Compare(a.text, b.text) })
	}
	sortFlat(got)
	sortFlat(want)
	if !slices.Equal(got, want) {
		t.Errorf("comments after LibreOffice\n got %+v\nwant %+v", got, want)
	}
	if threaded {
		if len(doc.Comments) != len(comments) || len(doc.Comments[0].Replies) != 2 {
			t.Errorf("LibreOffice wrote threads, but they did not come back: %+v", doc.Comments)
		}
	} else {
		t.Log("this LibreOffice writes no reply threads to .docx: replies came back as comments of their own")
	}
}

// findPart reports whether the zip file holds a part named name.
func findPart(file []byte, name string) bool {
	zr, err := zip.NewReader(bytes.NewReader(file), int64(len(file)))
	return err == nil && findFile(zr, name) != nil
}
