package report

import (
	"time"

	"copydesk/editor"
	"copydesk/editor/anchor"
	"copydesk/editor/review"
	"copydesk/editor/source"
)

// Input is what a review record is made from: the article and the
// revision reviewed, its sources and previous revision, and the notes kept
// with it and their replies.
type Input struct {
	Article  editor.Article
	Revision editor.Revision
	Sources  []editor.Source
	Previous string // text of the revision before, "" for none
	Notes    []editor.Note
	Replies  map[int64][]editor.Reply
}

// Build reviews the revision against its sources and previous revision
// and makes the record: the quote sheet, every note, and the findings the
// editor has not yet kept or dismissed, listed as open notes by
// "Copydesk check" so the record shows what is still outstanding. An open
// note whose finding this review no longer raises is marked Fixed, so the
// record never lists as open a misquote its quote sheet calls verbatim.
func Build(in Input, now time.Time) Report {
	ri := review.Input{Text: in.Revision.Text, Previous: in.Previous}
	for _, s := range in.Sources {
		ri.Sources = append(ri.Sources, source.Text{Title: s.Title, Text: s.Text})
	}
	res := review.Run(ri)
	notes := append([]editor.Note(nil), in.Notes...)
	for _, f := range anchor.WithoutNoted(in.Notes, res.Findings, res.Doc.Text) {
		notes = append(notes, editor.Note{
			ArticleID: in.Article.ID, Revision: in.Revision.Number, Check: f.Check, Severity: f.Severity,
			Status: editor.NoteOpen, Message: f.Message, Author: "Copydesk check",
			Anchor: editor.NewAnchor(res.Doc.Text, f.Span),
		})
	}
	r := New(in.Article, in.Revision, res, notes, in.Replies)
	for i, fixed := range anchor.Unraised(in.Notes, res.Findings, res.Doc.Text, res.Ran) {
		r.Notes[i].Fixed = fixed
	}
	r.Generated = now
	return r
}
