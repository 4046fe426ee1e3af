package docx

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"time"

	"copydesk/editor/diff"
)

// revisionPairs are old and new revisions of an article with the kinds of
// edit a desk makes.
var revisionPairs = []struct {
	name, old, new string
}{
	{"word replaced",
		"Council approves budget\nThe council met today and approved the budget.",
		"Council approves budget\nThe council met on Saturday and approved the budget."},
	{"headline rewritten",
		"Council approves budget\nThe vote was 7 to 2.",
		"Council passes €2m budget after “long” night\nThe vote was 7 to 2."},
	{"paragraph inserted",
		"Storm hits coast\nThe river rose overnight.\nSchools are closed.",
		"Storm hits coast\nThe river rose overnight.\n“We’ve never seen this,” said Zoë Müller.\nSchools are closed."},
	{"paragraph deleted",
		"Storm hits coast\nThe river rose overnight.\nThis paragraph goes.\nSchools are closed.",
		"Storm hits coast\nThe river rose overnight.\nSchools are closed."},
	{"last paragraph added",
		"Storm hits coast\nThe river rose overnight.",
		"Storm hits coast\nThe river rose overnight.\nMore rain is due on Friday."},
	{"last paragraph cut",
		"Storm hits coast\nThe river rose overnight.\nMore rain is due on Friday.",
		"Storm hits coast\nThe river rose overnight."},
	{"paragraph split",
		"Mayor speaks\nThe mayor spoke for an hour. She said the plan would work.",
		"Mayor speaks\nThe mayor spoke for an hour.\nShe said the plan would work."},
	{"paragraphs merged",
		"Mayor speaks\nThe mayor spoke for an hour.\nShe said the plan would work.",
		"Mayor speaks\nThe mayor spoke for an hour. She said the plan would work."},
	{"paragraph moved",
		"Trial opens\nFirst the judge spoke.\nThen the prosecutor spoke at length about the case.\nThe defence replied.",
		"Trial opens\nThen the prosecutor spoke at length about the case.\nFirst the judge spoke.\nThe defence replied."},
	{"markup and CJK",
		"東京で会議\nIf a < b & c > d, 首相は述べた。",
		"東京で会議\nIf a <= b && c > d, 首相は「承認した」と述べた。"},
	{"typography only",
		"Quotes\n\"It's fine,\" he said -- twice.",
		"Quotes\n“It’s fine,” he said — twice."},
	{"many edits",
		"Fire at plant\nA fire broke out at the plant on Monday. Nobody was hurt, police said. The cause is unknown.\nThe plant employs 200 people.\nIt opened in 1990.",
		"Fire at chemical plant\nA fire broke out at the chemical plant early on Monday. Nobody was hurt, fire officials said.\nThe cause is not yet known.\nThe plant, which opened in 1991, employs about 200 people."},
}

var redlineMeta = Meta{Author: "Desk Editor", Date: time.Date(2024, 5, 1, 9, 15, 0, 0, time.UTC)}

func writeRedlineBytes(t testing.TB, d *diff.Diff, meta Meta, accepted func(diff.Change) bool) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteRedline(&buf, d, meta, accepted); err != nil {
		t.Fatalf("WriteRedline: %v", err)
	}
	return buf.Bytes()
}

// TestRedlineAcceptReject reads the redline back as Word would show it
// with every change accepted and with every change rejected.
func TestRedlineAcceptReject(t *testing.T) {
	for _, tt := range revisionPairs {
		t.Run(tt.name, func(t *testing.T) {
			d := diff.Words(tt.old, tt.new, diff.Options{})
			file := writeRedlineBytes(t, d, redlineMeta, nil)
			for _, c := range []struct {
				view view
				want string
			}{{acceptAll, tt.new}, {rejectAll, tt.old}} {
				doc, err := readBytes(file, c.view)
				if err != nil {
					t.Fatalf("read: %v", err)
				}
				if doc.Text != c.want {
					t.Errorf("view %d\n got %q\nwant %q", c.view, doc.Text, c.want)
				}
			}
		})
	}
}

// TestRedlineSettled checks that changes accepted before export, and
// changes the options hide, are written as plain new text: rejecting the
// rest gives the text with only those applied.
func TestRedlineSettled(t *testing.T) {
	tests := []struct {
		name     string
		opts     diff.Options
		accepted func(diff.Change) bool
	}{
		{"every other change accepted", diff.Options{}, func(c diff.Change) bool { return c.Index%2 == 0 }},
		{"all accepted", diff.Options{}, func(diff.Change) bool { return true }},
		{"typography hidden", diff.Options{HideTypography: true}, nil},
	}
	pair := revisionPairs[len(revisionPairs)-1]
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := diff.Words(pair.old, pair.new, tt.opts)
			file := writeRedlineBytes(t, d, redlineMeta, tt.accepted)
			want := d.Apply(func(c diff.Change) bool {
				return d.Hidden(c) || tt.accepted != nil && tt.accepted(c)
			})
			doc, err := readBytes(file, rejectAll)
			if err != nil {
				t.Fatalf("read: %v", err)
			}
			if doc.Text != want {
				t.Errorf("rejecting the rest\n got %q\nwant %q", doc.Text, want)
			}
			if doc, _ := readBytes(file, acceptAll); doc.Text != pair.new {
				t.Errorf("accepting the rest\n got %q\nwant %q", doc.Text, pair.new)
			}
		})
	}
	t.Run("typography change pending by default", func(t *testing.T) {
		p := revisionPairs[10]
		d := diff.Words(p.old, p.new, diff.Options{})
		doc, err := readBytes(writeRedlineBytes(t, d, redlineMeta, nil), rejectAll)
		if err != nil {
			t.Fatal(err)
		}
		if doc.Text != p.old {
			t.Errorf("got %q, want %q", doc.Text, p.old)
		}
	})
}

// revision is a w:ins or w:del element found in a redline.
type revision struct {
	tag, id, author, date string
	mark                  bool // on a paragraph mark
}

func revisions(t *testing.T, document string) []revision {
	t.Helper()
	var out []revision
	var stack []string
	dec := xml.NewDecoder(strings.NewReader(document))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			if e.Name.Local == "ins" || e.Name.Local == "del" {
				r := revision{tag: e.Name.Local, mark: len(stack) >= 2 && stack[len(stack)-1] == "rPr" && stack[len(stack)-2] == "pPr"}
				for _, a := range e.Attr {
					switch a.Name.Local {
					case "id":
						r.id = a.Value
					case "author":
						r.author = a.Value
					case "date":
						r.date = a.Value
					}
				}
				out = append(out, r)
			}
			stack = append(stack, e.Name.Local)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		}
	}
}

func TestRedlineMarkup(t *testing.T) {
	tests := []struct {
		name                 string
		pair                 int
		meta                 Meta
		wantAuthor, wantDate string
		wantMarks            []string // tags of the revisions on paragraph marks
	}{
		{"inserted paragraph mark", 2, redlineMeta, "Desk Editor", "2024-05-01T09:15:00Z", []string{"ins"}},
		{"deleted paragraph mark", 3, redlineMeta, "Desk Editor", "2024-05-01T09:15:00Z", []string{"del"}},
		{"split", 6, redlineMeta, "Desk Editor", "2024-05-01T09:15:00Z", []string{"ins"}},
		{"merge", 7, redlineMeta, "Desk Editor", "2024-05-01T09:15:00Z", []string{"del"}},
		{"no author or date", 0, Meta{}, "Copydesk", "", nil},
		{"author escaped", 0, Meta{Author: `Ann "AO" O’Neil & co`}, `Ann "AO" O’Neil & co`, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := revisionPairs[tt.pair]
			file := writeRedlineBytes(t, diff.Words(p.old, p.new, diff.Options{}), tt.meta, nil)
			revs := revisions(t, zipPart(t, file, "word/document.xml"))
			if len(revs) == 0 {
				t.Fatal("no tracked changes in the file")
			}
			ids := map[string]bool{}
			var marks []string
			for _, r := range revs {
				if r.id == "" || ids[r.id] {
					t.Errorf("%s has a missing or repeated id %q", r.tag, r.id)
				}
				ids[r.id] = true
				if r.author != tt.wantAuthor || r.date != tt.wantDate {
					t.Errorf("%s %s by %q on %q, want %q on %q", r.tag, r.id, r.author, r.date, tt.wantAuthor, tt.wantDate)
				}
				if r.mark {
					marks = append(marks, r.tag)
				}
			}
			if strings.Join(marks, " ") != strings.Join(tt.wantMarks, " ") {
				t.Errorf("paragraph marks %q, want %q", marks, tt.wantMarks)
			}
			if !strings.Contains(zipPart(t, file, "word/settings.xml"), "<w:trackRevisions/>") {
				t.Error("Track Changes is not on in the settings")
			}
		})
	}
}

func TestSplitParagraphs(t *testing.T) {
	tests := []struct {
		name  string
		spans []trackedText
		want  []redlineParagraph
	}{
		{"empty", nil, []redlineParagraph{{}}},
		{"final plain break ends the paragraph",
			[]trackedText{{plain, "a\nb\n", 0}},
			[]redlineParagraph{{runs: []trackedText{{plain, "a", 0}}}, {runs: []trackedText{{plain, "b", 2}}}}},
		{"final inserted break opens a paragraph",
			[]trackedText{{plain, "a", 0}, {inserted, "\n", 1}},
			[]redlineParagraph{{runs: []trackedText{{plain, "a", 0}}, mark: inserted}, {}}},
		{"runs of one state joined; deleted text sits where it was taken out",
			[]trackedText{{plain, "a", 0}, {plain, "b", 1}, {deleted, "c\nd", 2}, {inserted, "e", 2}},
			[]redlineParagraph{{runs: []trackedText{{plain, "ab", 0}, {deleted, "c", 2}}, mark: deleted}, {runs: []trackedText{{deleted, "d", 2}, {inserted, "e", 2}}}}},
		{"offsets in the new text across paragraphs",
			[]trackedText{{plain, "Hed\nOne ", 0}, {inserted, "two\nthree", 8}, {plain, " four", 17}},
			[]redlineParagraph{{runs: []trackedText{{plain, "Hed", 0}}}, {runs: []trackedText{{plain, "One ", 4}, {inserted, "two", 8}}, mark: inserted},
				{runs: []trackedText{{inserted, "three", 12}, {plain, " four", 17}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := splitParagraphs(tt.spans)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d paragraphs %+v, want %d %+v", len(got), got, len(tt.want), tt.want)
			}
			for i := range got {
				if got[i].mark != tt.want[i].mark || len(got[i].runs) != len(tt.want[i].runs) {
					t.Fatalf("paragraph %d: got %+v, want %+v", i, got[i], tt.want[i])
				}
				for j := range got[i].runs {
					if got[i].runs[j] != tt.want[i].runs[j] {
						t.Errorf("paragraph %d run %d: got %+v, want %+v", i, j, got[i].runs[j], tt.want[i].runs[j])
					}
				}
			}
		})
	}
}

func TestWalkDiffRefusesInconsistentDiff(t *testing.T) {
	d := diff.Words("Head\nold words", "Head\nnew words", diff.Options{})
	d.Old = "Head\nsomething else entirely"
	if err := WriteRedline(io.Discard, d, Meta{}, nil); err == nil {
		t.Error("WriteRedline accepted a diff whose spans do not match its texts")
	}
}

// FuzzWalkDiff checks the walk rebuilt from a diff's exported spans against
// Diff.Apply: accepting all, rejecting all and a mix.
func FuzzWalkDiff(f *testing.F) {
	for _, p := range revisionPairs {
		f.Add(p.old, p.new, uint64(0x5555))
	}
	f.Fuzz(func(t *testing.T, old, new string, pick uint64) {
		d := diff.Words(old, new, diff.Options{})
		pieces, err := walkDiff(d)
		if err != nil {
			t.Fatalf("walkDiff: %v", err)
		}
		accept := func(c diff.Change) bool { return pick>>(uint(c.Index)%64)&1 == 1 }
		var b strings.Builder
		for _, p := range pieces {
			if p.change >= 0 && accept(d.Changes[p.change]) {
				b.WriteString(p.new.In(d.New))
			} else {
				b.WriteString(p.old.In(d.Old))
			}
		}
		if got, want := b.String(), d.Apply(accept); got != want {
			t.Fatalf("walk applies to\n%q\nDiff.Apply gives\n%q", got, want)
		}
	})
}
