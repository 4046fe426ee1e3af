package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"copydesk/editor"
	"copydesk/editor/diff"
	"copydesk/editor/textio"
	"copydesk/storage"
)

func cmdDiff(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("diff", "diff [--format text|json|html] [--hide-typography] OLD NEW\n"+
		"       copydesk diff [--db PATH] --from N [--to M] [--format text|json|html] [--hide-typography] ID", stderr)
	db := dbFlag(fs)
	format := fs.String("format", "text", "output `FORMAT`: text, json or html")
	hide := fs.Bool("hide-typography", false, "leave out changes to whitespace, quote marks, apostrophes and dashes")
	from := fs.Int("from", 0, "compare stored revision `N` of the article ...")
	to := fs.Int("to", 0, "... with revision `M` (default: the latest)")
	if err := parse(fs, args); err != nil {
		return err
	}
	switch *format {
	case "text", "json", "html":
	default:
		return badInput("unknown format %q (want text, json or html)", *format)
	}
	var old, new, title string
	var err error
	if *from != 0 || *to != 0 {
		if fs.NArg() != 1 {
			fs.Usage()
			return badInput("want one article ID with --from and --to")
		}
		old, new, title, err = storedRevisions(ctx, *db, fs.Arg(0), *from, *to)
	} else {
		if fs.NArg() != 2 {
			fs.Usage()
			return badInput("want two files, or --from and an article ID")
		}
		old, new, title, err = revisionFiles(fs.Arg(0), fs.Arg(1), stderr)
	}
	if err != nil {
		return err
	}

	d := diff.Words(old, new, diff.Options{HideTypography: *hide})
	switch *format {
	case "json":
		b, err := json.Marshal(d)
		if err != nil {
			return err
		}
		var out bytes.Buffer
		if err := json.Indent(&out, b, "", "  "); err != nil {
			return err
		}
		out.WriteByte('\n')
		_, err = out.WriteTo(stdout)
		return err
	case "html":
		return d.WriteHTML(stdout, title)
	}
	if err := d.WriteText(stdout, isTerminal(stdout)); err != nil {
		return err
	}
	if len(new) > 0 && new[len(new)-1] != '\n' {
		_, err = io.WriteString(stdout, "\n")
	}
	return err
}

// revisionFiles reads the two files to compare.
func revisionFiles(oldPath, newPath string, stderr io.Writer) (old, new, title string, err error) {
	texts := [2]string{}
	for i, path := range []string{oldPath, newPath} {
		text, err := readArticleFile(path, stderr)
		if err != nil {
			return "", "", "", err
		}
		texts[i] = text
	}
	return texts[0], texts[1], oldPath + " → " + newPath, nil
}

// storedRevisions loads revisions from and to (0: the latest) of an
// article.
func storedRevisions(ctx context.Context, desk deskFlags, idArg string, from, to int) (old, new, title string, err error) {
	id, err := parseID(idArg)
	if err != nil {
		return "", "", "", err
	}
	if from <= 0 || to < 0 {
		return "", "", "", badInput("revision numbers start at 1")
	}
	store, _, _, err := openExistingStore(ctx, desk)
	if err != nil {
		return "", "", "", err
	}
	defer store.Close()
	load := func(n int) (editor.Revision, error) {
		var rev editor.Revision
		var err error
		if n == 0 {
			rev, err = store.LatestRevision(ctx, id)
		} else {
			rev, err = store.Revision(ctx, id, n)
		}
		if errors.Is(err, storage.ErrNotFound) {
			if _, aerr := store.LatestRevision(ctx, id); errors.Is(aerr, storage.ErrNotFound) {
				return rev, badInput("no article with ID %d", id)
			}
			return rev, badInput("article %d has no revision %d", id, n)
		}
		return rev, err
	}
	a, err := load(from)
	if err != nil {
		return "", "", "", err
	}
	b, err := load(to)
	if err != nil {
		return "", "", "", err
	}
	title = fmt.Sprintf("%s: revision %d → %d", textio.TitleOf(b.Text), a.Number, b.Number)
	return a.Text, b.Text, title, nil
}

// isTerminal reports whether w is a terminal, where colour helps.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
