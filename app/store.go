// Package app is Copydesk's desktop interface: the review workspace window,
// its panes and dialogs. It talks to the database through the Store
// interface it declares, and to the engine through package editor.
package app

import (
	"context"

	"copydesk/editor"
)

// Store is what the workspace needs from the database.
type Store interface {
	// SaveCopy writes the desk and the given unsaved text to a new file,
	// for a desk whose own file is gone (editor.ErrDeskGone).
	SaveCopy(ctx context.Context, path string, working ...editor.WorkingCopy) error
	ListArticles(ctx context.Context, f editor.ArticleFilter) ([]editor.ArticleSummary, error)
	Article(ctx context.Context, id int64) (editor.Article, error)
	CreateArticle(ctx context.Context, a editor.Article, text, label, author string) (editor.Article, editor.Revision, error)
	// ImportArticle is CreateArticle with the notes a file holds on the
	// text, kept with their authors, times and replies.
	ImportArticle(ctx context.Context, a editor.Article, text, label, author string, threads []editor.Thread) (editor.Article, editor.Revision, error)
	TrashArticle(ctx context.Context, id int64) error
	RestoreArticle(ctx context.Context, id int64) error
	Revisions(ctx context.Context, articleID int64) ([]editor.Revision, error)
	Revision(ctx context.Context, articleID int64, n int) (editor.Revision, error)
	LatestRevision(ctx context.Context, articleID int64) (editor.Revision, error)
	WorkingCopy(ctx context.Context, articleID int64) (editor.WorkingCopy, error)
	SaveWorkingCopy(ctx context.Context, wc editor.WorkingCopy) error
	CommitWorkingCopy(ctx context.Context, articleID int64, label, author string) (editor.Revision, error)
	Notes(ctx context.Context, articleID int64, f editor.NoteFilter) ([]editor.Note, error)
	AddNote(ctx context.Context, n editor.Note) (editor.Note, error)
	UpdateNote(ctx context.Context, n editor.Note) (editor.Note, error)
	AddReply(ctx context.Context, noteID int64, author, text string) (editor.Reply, error)
	Replies(ctx context.Context, noteID int64) ([]editor.Reply, error)
	AddRevision(ctx context.Context, articleID int64, text, label, author string) (editor.Revision, error)
	DiscardWorkingCopy(ctx context.Context, articleID int64) error
	Sources(ctx context.Context, articleID int64) ([]editor.Source, error)
	AddSource(ctx context.Context, s editor.Source) (editor.Source, error)
	DeleteSource(ctx context.Context, id int64) error
	// DataVersion changes whenever another process commits a change to
	// the database; the workspace's own writes leave it as it was.
	DataVersion(ctx context.Context) (int64, error)
	// Heartbeat records that this editor has the article open, Leave that
	// they closed it, and Editing names the other editors who have it
	// open: advisory presence, shown as "Ana is editing".
	Heartbeat(ctx context.Context, articleID int64) error
	Leave(ctx context.Context, articleID int64) error
	Editing(ctx context.Context, articleID int64) ([]string, error)
}
