package report

import (
	"context"
	"fmt"

	"copydesk/editor"
)

// Store is what Gather reads a review record's input from: the desk's
// store (storage.DB is one).
type Store interface {
	Revisions(ctx context.Context, articleID int64) ([]editor.Revision, error)
	Sources(ctx context.Context, articleID int64) ([]editor.Source, error)
	Notes(ctx context.Context, articleID int64, f editor.NoteFilter) ([]editor.Note, error)
	Replies(ctx context.Context, noteID int64) ([]editor.Reply, error)
}

// Gather reads from st what the review record of article a needs: the
// text reviewed, its sources, the revision it is checked against, and the
// notes with their replies. rev is the text reviewed: a stored revision
// when rev.Number > 0; otherwise unsaved text (the working copy), which is
// checked against the latest revision, or is the latest revision when it
// has the same text.
func Gather(ctx context.Context, st Store, a editor.Article, rev editor.Revision) (Input, error) {
	revs, err := st.Revisions(ctx, a.ID)
	if err != nil {
		return Input{}, err
	}
	if len(revs) == 0 {
		return Input{}, fmt.Errorf("article %d has no revisions", a.ID)
	}
	in := Input{Article: a, Revision: rev}
	n := rev.Number
	switch latest := revs[len(revs)-1]; {
	case n > len(revs):
		return Input{}, fmt.Errorf("article %d has no revision %d", a.ID, n)
	case n == 0 && rev.Text != latest.Text:
		in.Previous = latest.Text
	case n == 0:
		n = latest.Number
		fallthrough
	default:
		in.Revision = revs[n-1]
		if n > 1 {
			in.Previous = revs[n-2].Text
		}
	}
	if in.Sources, err = st.Sources(ctx, a.ID); err != nil {
		return Input{}, err
	}
	threads, err := Threads(ctx, st, a.ID)
	if err != nil {
		return Input{}, err
	}
	in.Replies = make(map[int64][]editor.Reply)
	for _, th := range threads {
		in.Notes = append(in.Notes, th.Note)
		in.Replies[th.Note.ID] = th.Replies
	}
	return in, nil
}

// NoteStore is where Threads reads notes and replies from.
type NoteStore interface {
	Notes(ctx context.Context, articleID int64, f editor.NoteFilter) ([]editor.Note, error)
	Replies(ctx context.Context, noteID int64) ([]editor.Reply, error)
}

// Threads reads every note of an article, in the store's order, with its
// replies.
func Threads(ctx context.Context, st NoteStore, articleID int64) ([]editor.Thread, error) {
	notes, err := st.Notes(ctx, articleID, editor.NoteFilter{})
	if err != nil {
		return nil, err
	}
	threads := make([]editor.Thread, len(notes))
	for i, n := range notes {
		threads[i].Note = n
		if threads[i].Replies, err = st.Replies(ctx, n.ID); err != nil {
			return nil, err
		}
	}
	return threads, nil
}
