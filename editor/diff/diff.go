package diff

import (
	"fmt"
	"strings"
	"unicode"

	"copydesk/editor"
)

// ChangeKind says what a change does to the text.
type ChangeKind int

// Kinds of change between two revisions.
const (
	ChangeInsert  ChangeKind = iota // text only in the new revision
	ChangeDelete                    // text only in the old revision
	ChangeReplace                   // old text replaced by new text in the same place
	ChangeMove                      // text taken from one place and put in another
)

var changeKindNames = [...]string{
	ChangeInsert:  "insert",
	ChangeDelete:  "delete",
	ChangeReplace: "replace",
	ChangeMove:    "move",
}

// String returns the lower-case name used in JSON output.
func (k ChangeKind) String() string {
	if k < 0 || int(k) >= len(changeKindNames) {
		return fmt.Sprintf("change(%d)", int(k))
	}
	return changeKindNames[k]
}

// MarshalText implements encoding.TextMarshaler.
func (k ChangeKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Change is one edit between two revisions, as an editor would describe
// it: "today" replaced by "on Saturday", a sentence inserted, a paragraph
// moved. Spans are byte offsets into Diff.Old and Diff.New.
type Change struct {
	// Index is the change's position in Diff.Changes, in reading order.
	Index int
	Kind  ChangeKind
	// Old is the text the change removes from the old revision; for an
	// insertion, the empty span where the new text goes. New is the text
	// it adds to the new revision; for a deletion, the empty span where
	// the old text was. For a move, Old is where the text was and New is
	// where it is now.
	Old, New         editor.Span
	OldText, NewText string
	// MovedTo is, for a move only, the offset in Old where the text lands,
	// and MovedFrom the offset in New where it used to be.
	MovedTo, MovedFrom int
	// WhitespaceOnly marks changes to spacing or line breaks alone.
	WhitespaceOnly bool
	// TypographyOnly marks changes that only swap quote marks, apostrophes,
	// dashes or ellipses for their straight or curly forms, with or without
	// spacing around them.
	TypographyOnly bool
}

// RowKind says how the paragraphs in a row of a side-by-side view relate.
type RowKind int

// Kinds of paragraph row.
const (
	RowUnchanged RowKind = iota // the same paragraph on both sides
	RowModified                 // one paragraph edited into another
	RowSplit                    // one old paragraph became several
	RowMerged                   // several old paragraphs became one
	RowInserted                 // a new paragraph
	RowDeleted                  // an old paragraph removed
	RowMoved                    // a paragraph's old place (Old set) or new place (New set)
)

var rowKindNames = [...]string{
	RowUnchanged: "unchanged",
	RowModified:  "modified",
	RowSplit:     "split",
	RowMerged:    "merged",
	RowInserted:  "inserted",
	RowDeleted:   "deleted",
	RowMoved:     "moved",
}

// String returns the lower-case name used in JSON output.
func (k RowKind) String() string {
	if k < 0 || int(k) >= len(rowKindNames) {
		return fmt.Sprintf("row(%d)", int(k))
	}
	return rowKindNames[k]
}

// MarshalText implements encoding.TextMarshaler.
func (k RowKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Row is one row of a side-by-side comparison: the old and new
// paragraphs (lines; the first is the headline) shown next to each other,
// and the changes inside them.
type Row struct {
	// Old and New are paragraph indexes into Diff.OldParagraphs and
	// Diff.NewParagraphs; either may be empty.
	Old, New []int
	Kind     RowKind
	// Changes are indexes into Diff.Changes.
	Changes []int
}

// Options tune a word diff.
type Options struct {
	// HideTypography leaves changes that only touch whitespace or quote
	// marks, apostrophes and dashes out of the stats and the rendered
	// output. They stay in Diff.Changes, flagged, so Apply still works.
	HideTypography bool
	// Only, when not nil, hides the changes whose new-side span neither
	// overlaps nor touches one of these spans of the new text (the words
	// of the facts that changed, for a "facts only" view). Hidden changes
	// stay in Diff.Changes, so Apply still works.
	Only []editor.Span
}

// Stats sums up a diff for a status line.
type Stats struct {
	InsertedWords     int `json:"inserted_words"`
	DeletedWords      int `json:"deleted_words"`
	ChangedParagraphs int `json:"changed_paragraphs"`
}

// Diff is the word-level comparison of two revisions of a text.
type Diff struct {
	Old, New string
	// Changes are in reading order; a change's Index is its position here.
	Changes []Change
	// Rows pair the old and new paragraphs for a side-by-side view, in
	// reading order.
	Rows []Row
	// OldParagraphs and NewParagraphs are the lines of each text, without
	// their line breaks.
	OldParagraphs, NewParagraphs []editor.Span
	Stats                        Stats
	Options                      Options

	// segs cover both texts in order: unchanged runs (change < 0) and the
	// pieces of changes. A move has two pieces, one at each place.
	segs []diffSeg
}

// diffSeg is a stretch of the two texts walked side by side.
type diffSeg struct {
	Old, New editor.Span
	change   int // index into Changes, or -1 for unchanged text
	block    int // index of the paragraph block it came from
}

// Hidden reports whether the options hide c from views and stats.
func (d *Diff) Hidden(c Change) bool {
	if d.Options.HideTypography && (c.WhitespaceOnly || c.TypographyOnly) {
		return true
	}
	if d.Options.Only != nil {
		for _, s := range d.Options.Only {
			if d.touches(c.New, s) {
				return false
			}
		}
		return true
	}
	return false
}

// touches reports whether spans a and b of the new text overlap or have
// only white space between them.
func (d *Diff) touches(a, b editor.Span) bool {
	if a.Start > b.End {
		a, b = b, a
	}
	if a.End >= b.Start {
		return true
	}
	return b.Start <= len(d.New) && strings.TrimSpace(d.New[a.End:b.Start]) == ""
}

// VisibleChanges returns the changes the options do not hide.
func (d *Diff) VisibleChanges() []Change {
	out := make([]Change, 0, len(d.Changes))
	for _, c := range d.Changes {
		if !d.Hidden(c) {
			out = append(out, c)
		}
	}
	return out
}

// Apply returns the text with the changes accepted applied and the others
// rejected: an accepted change takes the new revision's text, a rejected
// one keeps the old. Accepting all gives New, rejecting all gives Old.
// accepted is called once per change, in order.
func (d *Diff) Apply(accepted func(Change) bool) string {
	take := make([]bool, len(d.Changes))
	for i, c := range d.Changes {
		take[i] = accepted(c)
	}
	var b strings.Builder
	b.Grow(max(len(d.Old), len(d.New)))
	for _, s := range d.segs {
		if s.change >= 0 && take[s.change] {
			b.WriteString(d.New[s.New.Start:s.New.End])
		} else {
			b.WriteString(d.Old[s.Old.Start:s.Old.End])
		}
	}
	return b.String()
}

// Words compares two revisions word by word and pairs their paragraphs.
// The texts are expected in UTF-8 with \n line breaks, as import leaves
// them; stray bytes are compared as they are.
func Words(old, new string, opts Options) *Diff {
	d := &Diff{Old: old, New: new, Options: opts}
	b := newWordDiffer(old, new, maxRune)
	b.run(d)
	d.finishStats()
	return d
}

func (d *Diff) finishStats() {
	var st Stats
	for _, c := range d.Changes {
		if d.Hidden(c) || c.Kind == ChangeMove {
			continue
		}
		st.InsertedWords += editor.CountWords(c.NewText)
		st.DeletedWords += editor.CountWords(c.OldText)
	}
	for _, r := range d.Rows {
		if r.Kind == RowUnchanged || r.Kind == RowMoved && len(r.Old) == 0 {
			continue
		}
		visible := false
		for _, ci := range r.Changes {
			if !d.Hidden(d.Changes[ci]) {
				visible = true
				break
			}
		}
		if visible {
			st.ChangedParagraphs++
		}
	}
	d.Stats = st
}

// classify sets a change's kind and its whitespace and typography flags
// from its texts.
func (c *Change) classify() {
	switch {
	case c.Kind == ChangeMove:
		return
	case c.OldText == "":
		c.Kind = ChangeInsert
	case c.NewText == "":
		c.Kind = ChangeDelete
	default:
		c.Kind = ChangeReplace
	}
	c.WhitespaceOnly = strings.TrimFunc(c.OldText, unicode.IsSpace) == "" &&
		strings.TrimFunc(c.NewText, unicode.IsSpace) == ""
	if !c.WhitespaceOnly {
		fo, fn := foldTypography(c.OldText), foldTypography(c.NewText)
		c.TypographyOnly = fo == fn && fo != ""
	}
}

// foldTypography maps curly quotes, primes, dashes and ellipses to plain
// ASCII and collapses whitespace, trimming it at the ends, so two texts that
// differ only in typography fold to the same string.
func foldTypography(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		switch r {
		case '‘', '’', '‚', '‛', '′', '`', '´', 'ʼ':
			b.WriteByte('\'')
		case '“', '”', '„', '‟', '″', '«', '»':
			b.WriteByte('"')
		case '‐', '‑', '‒', '–', '—', '―', '−':
			b.WriteByte('-')
		case '…':
			b.WriteString("...")
		default:
			b.WriteRune(r)
		}
	}
	// Spacing around a dash is typography too: "a - b" and "a—b".
	f := b.String()
	if !strings.Contains(f, "- ") && !strings.Contains(f, " -") {
		return f
	}
	return strings.ReplaceAll(strings.ReplaceAll(f, " -", "-"), "- ", "-")
}
