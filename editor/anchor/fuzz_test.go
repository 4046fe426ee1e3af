package anchor

import (
	"strings"
	"testing"
	"unicode/utf8"

	"copydesk/editor"
)

// fuzzSpan turns two fuzzed numbers into a valid span of text.
func fuzzSpan(text string, a, b uint16) editor.Span {
	if len(text) == 0 {
		return editor.Span{}
	}
	s := runeStartAtOrBefore(text, int(a)%(len(text)+1))
	e := runeStartAtOrBefore(text, int(b)%(len(text)+1))
	if e < s {
		s, e = e, s
	}
	return editor.Span{Start: s, End: e}
}

// FuzzReanchorUnchanged: re-anchoring onto the text a note was made on
// returns its span, exactly.
func FuzzReanchorUnchanged(f *testing.F) {
	f.Add("The mayor said the bridge would reopen in May.", uint16(4), uint16(9))
	f.Add("He said no. She said yes. He said no again.", uint16(26), uint16(36))
	f.Add("“Quoted,” said Ana Pérez.", uint16(0), uint16(12))
	f.Add("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", uint16(40), uint16(41))
	f.Add("", uint16(0), uint16(0))
	f.Fuzz(func(t *testing.T, text string, a, b uint16) {
		if !utf8.ValidString(text) {
			t.Skip("texts are valid UTF-8 once imported")
		}
		span := fuzzSpan(text, a, b)
		got := Reanchor(editor.NewAnchor(text, span), text)
		if got.How != Exact || got.Span != span {
			t.Fatalf("Reanchor onto the same text = %v %v (score %.2f), want exact %v", got.How, got.Span, got.Score, span)
		}
	})
}

// FuzzReanchorEdited: after any edit, a re-anchored note points at a valid
// span, and a note that was not orphaned points at words like its own.
func FuzzReanchorEdited(f *testing.F) {
	f.Add("The mayor said the bridge would reopen in May.", uint16(4), uint16(25), uint16(10), uint16(3), "will")
	f.Add("He said no. She said yes. He said no again.", uint16(26), uint16(36), uint16(0), uint16(12), "")
	f.Add("“Quoted,” said Ana Pérez.", uint16(0), uint16(12), uint16(20), uint16(2), "e")
	f.Add("abc", uint16(0), uint16(3), uint16(1), uint16(1), "ééé")
	f.Fuzz(func(t *testing.T, text string, a, b, at, cut uint16, insert string) {
		if !utf8.ValidString(text) || !utf8.ValidString(insert) {
			t.Skip("texts are valid UTF-8 once imported")
		}
		span := fuzzSpan(text, a, b)
		lo := runeStartAtOrBefore(text, int(at)%(len(text)+1))
		hi := runeStartAtOrBefore(text, min(len(text), lo+int(cut)%64))
		edited := text[:lo] + insert + text[hi:]
		anchor := editor.NewAnchor(text, span)
		for _, got := range []Placement{Reanchor(anchor, edited), ReanchorAll([]editor.Anchor{anchor, anchor}, edited)[1]} {
			if err := got.Span.Check(edited); err != nil {
				t.Fatalf("Reanchor: %v", err)
			}
			if got.Score < 0 || got.Score > 1 {
				t.Fatalf("score %v out of [0, 1]", got.Score)
			}
			switch got.How {
			case Orphaned:
				if got.Span != (editor.Span{}) {
					t.Fatalf("orphaned note points at %v", got.Span)
				}
			case Exact:
				if got.Span != span || got.Span.In(edited) != anchor.Exact {
					t.Fatalf("exact at %v, was %v", got.Span, span)
				}
			case Moved:
				if got.Span.In(edited) != anchor.Exact {
					t.Fatalf("moved to %q, was %q", got.Span.In(edited), anchor.Exact)
				}
			case Fuzzy:
				if s := similarity(anchor.Exact, got.Span.In(edited)); s < anchorMinWordsSimilarity {
					t.Fatalf("fuzzy match %q is %.2f like %q", got.Span.In(edited), s, anchor.Exact)
				}
			}
		}
		if edited == text && strings.Contains(text, anchor.Exact) {
			if got := Reanchor(anchor, edited); got.How != Exact {
				t.Fatalf("no-op edit: %v, want exact", got.How)
			}
		}
	})
}
