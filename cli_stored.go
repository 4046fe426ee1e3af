package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"copydesk/editor"
	"copydesk/editor/anchor"
	"copydesk/editor/review"
	"copydesk/editor/source"
	"copydesk/storage"
)

// storedArticle are the flags of check and quotes that name a stored
// article's text instead of a file.
type storedArticle struct {
	desk     *deskFlags
	revision *int
	working  *bool
}

func storedFlags(fs *flag.FlagSet) storedArticle {
	return storedArticle{
		desk:     dbFlag(fs),
		revision: fs.Int("revision", 0, "stored article: revision `N` (default: the latest)"),
		working:  fs.Bool("working", false, "stored article: the autosaved working copy (unsaved edits) instead of a revision"),
	}
}

// wanted reports whether arg names a stored article: a desk, revision or
// working copy was asked for, or arg is a number and no file has that
// name.
func (s storedArticle) wanted(arg string) bool {
	if s.desk.path != "" || *s.revision > 0 || *s.working {
		return true
	}
	if _, err := parseID(arg); err != nil {
		return false
	}
	_, err := os.Stat(arg)
	return errors.Is(err, os.ErrNotExist)
}

// storedInput is a stored article's text made ready for review.
type storedInput struct {
	review.Input
	ID int64
	// Revision is the revision reviewed, or for the working copy the one
	// it started from; Working says it is the working copy.
	Revision int
	Working  bool
	Notes    []editor.Note
}

// label names the reviewed text in check's output: 3@r2 or 3@working.
func (in storedInput) label() string {
	if in.Working {
		return fmt.Sprintf("%d@working", in.ID)
	}
	return fmt.Sprintf("%d@r%d", in.ID, in.Revision)
}

// load reads the article's text, its sources and the revision before it,
// the way the workspace reviews it: a revision is compared with the one
// before it, the working copy with the revision it started from.
func (s storedArticle) load(ctx context.Context, arg string) (storedInput, *storage.DB, error) {
	if *s.revision > 0 && *s.working {
		return storedInput{}, nil, badInput("--revision and --working cannot be combined")
	}
	id, err := parseID(arg)
	if err != nil {
		return storedInput{}, nil, err
	}
	store, _, _, err := openExistingStore(ctx, *s.desk)
	if err != nil {
		return storedInput{}, nil, err
	}
	in, err := s.read(ctx, store, id)
	if err != nil {
		store.Close()
		return storedInput{}, nil, err
	}
	return in, store, nil
}

func (s storedArticle) read(ctx context.Context, store *storage.DB, id int64) (storedInput, error) {
	in := storedInput{ID: id}
	if _, err := store.Article(ctx, id); err != nil {
		return in, articleError(id, err)
	}
	switch {
	case *s.working:
		wc, err := store.WorkingCopy(ctx, id)
		if errors.Is(err, storage.ErrNotFound) {
			return in, badInput("article %d has no working copy (no unsaved edits)", id)
		}
		if err != nil {
			return in, err
		}
		in.Text, in.Revision, in.Working = wc.Text, wc.Base, true
		if base, err := store.Revision(ctx, id, wc.Base); err == nil {
			in.Previous = base.Text
		}
	default:
		rev, err := store.LatestRevision(ctx, id)
		if *s.revision > 0 {
			rev, err = store.Revision(ctx, id, *s.revision)
			if errors.Is(err, storage.ErrNotFound) {
				return in, badInput("article %d has no revision %d", id, *s.revision)
			}
		}
		if err != nil {
			return in, err
		}
		in.Text, in.Revision = rev.Text, rev.Number
		if prev, err := store.Revision(ctx, id, rev.Number-1); err == nil {
			in.Previous = prev.Text
		} else if !errors.Is(err, storage.ErrNotFound) {
			return in, err
		}
	}
	sources, err := store.Sources(ctx, id)
	if err != nil {
		return in, err
	}
	for _, src := range sources {
		in.Sources = append(in.Sources, source.Text{Title: src.Title, File: src.Title, Text: src.Text})
	}
	if in.Notes, err = store.Notes(ctx, id, editor.NoteFilter{}); err != nil {
		return in, err
	}
	return in, nil
}

// checkStored reviews a stored article with its sources and previous
// revision, prints the findings and, with keep, stores those not already
// noted as open notes.
func checkStored(ctx context.Context, stored storedArticle, arg string, keep bool, format string, explain bool, stdout, stderr io.Writer) error {
	in, store, err := stored.load(ctx, arg)
	if err != nil {
		return err
	}
	defer store.Close()
	r := review.Run(in.Input)
	if format == "json" {
		b, err := review.FindingsJSON(r.Doc.Text, r.Findings)
		if err != nil {
			return err
		}
		if _, err := fmt.Fprintf(stdout, "%s\n", b); err != nil {
			return err
		}
	} else {
		if len(in.Sources) > 0 && r.NoSources {
			fmt.Fprintf(stderr, "copydesk check: %s\n", review.NoSourcesMessage)
		}
		if err := review.WriteFindingsText(stdout, in.label(), r.Doc.Text, r.Findings, explain); err != nil {
			return err
		}
	}
	if !keep {
		return nil
	}
	fresh := anchor.WithoutNoted(in.Notes, r.Findings, in.Text)
	author := currentUser()
	for _, f := range fresh {
		n := editor.Note{ArticleID: in.ID, Revision: in.Revision, Check: f.Check, Severity: f.Severity,
			Status: editor.NoteOpen, Message: f.Message, Author: author, Anchor: editor.NewAnchor(in.Text, f.Span)}
		if _, err := store.AddNote(ctx, n); err != nil {
			return err
		}
	}
	fmt.Fprintf(stderr, "copydesk check: kept %d finding(s) as notes on article %d; %d already noted\n", len(fresh), in.ID, len(r.Findings)-len(fresh))
	return nil
}
