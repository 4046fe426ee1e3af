package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/user"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"copydesk/editor"
	"copydesk/editor/anchor"
	"copydesk/editor/convert"
	"copydesk/editor/report"
	"copydesk/editor/textio"
	"copydesk/storage"
)

// newFlags returns a flag set that prints usage to stderr and reports
// parse errors as usage errors.
func newFlags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: copydesk %s\n\nOptions:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err}
	}
	return nil
}

// deskFlags are the flags that say which database a command opens, and how.
type deskFlags struct {
	path     string
	readOnly bool
}

func dbFlag(fs *flag.FlagSet) *deskFlags {
	d := new(deskFlags)
	fs.StringVar(&d.path, "db", "", "the desk: a SQLite file `PATH` or a postgres:// URL (default: $"+deskEnv+", else a file in the user data folder)")
	fs.BoolVar(&d.readOnly, "read-only", false, "open the database read-only, as on read-only storage, where this is automatic")
	return d
}

// openStore opens the desk desk names, or the default one when it names
// none, creating a file desk's folder. The editor is the user (currentUser)
// unless an option in extra names another. resolved is the desk's path, or
// its URL without a password; created reports whether the desk is new.
func openStore(ctx context.Context, desk deskFlags, extra ...storage.Option) (db *storage.DB, resolved string, created bool, err error) {
	path, err := desk.resolve()
	if err != nil {
		return nil, "", false, err
	}
	opts := append([]storage.Option{storage.WithEditor(currentUser())}, extra...)
	if desk.readOnly {
		opts = append(opts, storage.WithReadOnly())
	} else if !storage.IsServerURL(path) {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, "", false, fmt.Errorf("create database folder: %w", err)
		}
	}
	db, err = storage.Open(ctx, path, opts...)
	if err != nil {
		return nil, "", false, err
	}
	return db, db.Path(), db.Fresh(), nil
}

func parseID(s string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, badInput("%q is not an article ID", s)
	}
	return id, nil
}

// readArticleFile reads a file handed to a command, in any format import
// reads, and says on stderr what was done to read it (an encoding
// decoded, tracked changes accepted). Read and decode errors are bad
// input.
func readArticleFile(path string, stderr io.Writer) (string, error) {
	return readFileWith(convert.Read, path, stderr)
}

// readFileWith reads a file with read, marking read and decode errors as
// bad input and printing what reading it did on stderr.
func readFileWith(read func(string) (convert.Imported, error), path string, stderr io.Writer) (string, error) {
	im, err := read(path)
	if err != nil {
		return "", usageError{err}
	}
	for _, n := range im.Notices {
		fmt.Fprintf(stderr, "%q: %s\n", path, n)
	}
	return im.Text, nil
}

// mergeComments brings the comments of a file stored as a revision into
// the article's notes: the replies a writer added to the desk's comments
// join their notes, other comments become notes on the new revision.
func mergeComments(ctx context.Context, store *storage.DB, id int64, rev int, im convert.Imported, stderr io.Writer, path string) error {
	incoming := im.Threads()
	if len(incoming) == 0 {
		return nil
	}
	threads, err := report.Threads(ctx, store, id)
	if err != nil {
		return err
	}
	replies, fresh := convert.MergeThreads(threads, incoming)
	if err := store.MergeThreads(ctx, id, rev, replies, fresh); err != nil {
		return err
	}
	n := 0
	for _, rs := range replies {
		n += len(rs)
	}
	fmt.Fprintf(stderr, "%q: %d replies added to the article's notes, %d comments kept as new notes\n", path, n, len(fresh))
	return nil
}

// currentUser is the name of the user running the program: $USER (or
// %USERNAME%), else the account's name, for a session that sets neither.
func currentUser() string {
	for _, v := range []string{"USER", "USERNAME"} {
		if u := os.Getenv(v); u != "" {
			return u
		}
	}
	if u, err := user.Current(); err == nil {
		return u.Username
	}
	return ""
}

func cmdImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("import", "import [--db PATH] [--title T] FILE|FOLDER...", stderr)
	db := dbFlag(fs)
	title := fs.String("title", "", "article `TITLE` (default: the file's first line); only with one file")
	if err := parse(fs, args); err != nil {
		return err
	}
	paths := fs.Args()
	if len(paths) == 0 {
		fs.Usage()
		return badInput("no files given")
	}
	// Expand folders and read every file before storing anything, so a
	// file that cannot be read is skipped whole, with its reason.
	var files []string
	var skipped []string
	passedOver := 0 // files in folders that are not articles
	for _, p := range paths {
		info, err := os.Stat(p)
		if err == nil && info.IsDir() {
			found, passed, err := convert.ImportFolder(p)
			if err != nil {
				return usageError{err}
			}
			files = append(files, found...)
			for f, why := range passed {
				skipped = append(skipped, fmt.Sprintf("%s: %s", f, why))
			}
			passedOver += len(passed)
			continue
		}
		files = append(files, p)
	}
	if *title != "" && len(files) != 1 {
		return badInput("--title goes with a single file")
	}
	type article struct {
		path string
		im   convert.Imported
	}
	var articles []article
	for _, f := range files {
		im, err := convert.Import(f)
		if err != nil {
			skipped = append(skipped, oneLine(err.Error()))
			continue
		}
		for _, n := range im.Notices {
			fmt.Fprintf(stderr, "%q: %s\n", f, n)
		}
		articles = append(articles, article{f, im})
	}
	if len(articles) > 0 {
		store, _, _, err := openStore(ctx, *db, waitNotice(stderr, "import"))
		if err != nil {
			return err
		}
		defer store.Close()
		for i, a := range articles {
			t := *title
			if t == "" {
				t = textio.TitleOf(a.im.Text)
			}
			stored, _, err := store.ImportArticle(ctx, editor.Article{Title: t}, a.im.Text, "imported from "+filepath.Base(a.path), currentUser(), a.im.Threads())
			if err != nil {
				return fmt.Errorf("%q: %w (%d of %d files imported)", a.path, err, i, len(articles))
			}
			fmt.Fprintln(stdout, stored.ID)
		}
	}
	if len(skipped) == 0 {
		return nil
	}
	sort.Strings(skipped)
	if len(files)+passedOver > 1 {
		fmt.Fprintf(stderr, "imported %d, skipped %d:\n", len(articles), len(skipped))
		for _, s := range skipped {
			fmt.Fprintf(stderr, "  %s\n", s)
		}
		return badInput("%d of %d files skipped", len(skipped), len(files)+passedOver)
	}
	return badInput("%s", skipped[0])
}

func cmdRevise(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("revise", "revise [--db PATH] [--label L] ID FILE", stderr)
	db := dbFlag(fs)
	label := fs.String("label", "", "revision `LABEL`")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		fs.Usage()
		return badInput("want an article ID and a file")
	}
	id, err := parseID(fs.Arg(0))
	if err != nil {
		return err
	}
	im, err := convert.ReadWithComments(fs.Arg(1))
	if err != nil {
		return usageError{err}
	}
	for _, n := range im.Notices {
		fmt.Fprintf(stderr, "%q: %s\n", fs.Arg(1), n)
	}
	text := im.Text
	store, _, _, err := openExistingStore(ctx, *db, waitNotice(stderr, "revise"))
	if err != nil {
		return err
	}
	defer store.Close()
	rev, err := store.AddRevision(ctx, id, text, *label, currentUser())
	if err != nil {
		if errors.Is(err, storage.ErrNotFound) {
			return badInput("no article with ID %d", id)
		}
		return err
	}
	if err := moveNotesTo(ctx, store, id, text); err != nil {
		return err
	}
	if err := mergeComments(ctx, store, id, rev.Number, im, stderr, fs.Arg(1)); err != nil {
		return err
	}
	fmt.Fprintln(stdout, rev.Number)
	return nil
}

// moveNotesTo places an article's notes on a new revision's text, as the
// desk does on its edits: moved words carry their notes, gone words orphan
// them. Not while the desk has unsaved edits: their notes sit on the
// working copy, which stays what the desk sees.
func moveNotesTo(ctx context.Context, store *storage.DB, id int64, text string) error {
	if _, err := store.WorkingCopy(ctx, id); err == nil {
		return nil
	} else if !errors.Is(err, storage.ErrNotFound) {
		return err
	}
	notes, err := store.Notes(ctx, id, editor.NoteFilter{})
	if err != nil {
		return err
	}
	for _, n := range anchor.MoveNotes(notes, text) {
		// A note changed meanwhile (an editor's window placing it on the
		// new revision too, or resolving it) is left as they made it: the
		// windows open on the article place it again when they load it.
		if _, err := store.UpdateNote(ctx, n); err != nil && !errors.Is(err, storage.ErrConflict) {
			return err
		}
	}
	return nil
}

func cmdList(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("list", "list [--db PATH] [--format text|json]", stderr)
	db := dbFlag(fs)
	format := formatFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		return badInput("unknown format %q (want text or json)", *format)
	}
	if fs.NArg() != 0 {
		return badInput("unexpected argument %q", fs.Arg(0))
	}
	store, _, _, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	list, err := store.ListArticles(ctx, editor.ArticleFilter{})
	if err != nil {
		return err
	}
	if *format == "json" {
		type row struct {
			ID        int64     `json:"id"`
			Title     string    `json:"title"`
			Revisions int       `json:"revisions"`
			OpenNotes int       `json:"open_notes"`
			Updated   time.Time `json:"updated"`
		}
		rows := make([]row, 0, len(list))
		for _, s := range list {
			rows = append(rows, row{s.ID, s.Title, s.Revisions, s.OpenNotes, s.Updated})
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(map[string]any{"articles": rows})
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tREVISIONS\tUPDATED\tTITLE")
	for _, s := range list {
		fmt.Fprintf(tw, "%d\t%d\t%s\t%s\n", s.ID, s.Revisions, s.Updated.Local().Format("2006-01-02 15:04"), s.Title)
	}
	return tw.Flush()
}

func cmdExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("export", "export [--db PATH] [--format F] [--revision N | --working | --from N --to M] [--comments] [--out FILE] ID", stderr)
	db := dbFlag(fs)
	revision := fs.Int("revision", 0, "revision `N` (default: the latest)")
	working := fs.Bool("working", false, "the autosaved working copy (unsaved edits) instead of a revision")
	from := fs.Int("from", 0, "redline: the older revision `N` (default: the one before --to)")
	to := fs.Int("to", 0, "redline: the newer revision `M` (default: the latest)")
	formats := convert.Formats()
	format := fs.String("format", "txt", "output `FORMAT`: "+strings.Join(formats, ", "))
	out := fs.String("out", "", "write to `FILE` (atomically) instead of standard output")
	comments := fs.Bool("comments", false, "docx: the notes and their replies as Word comments (a redline-docx always has them)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return badInput("want one article ID")
	}
	if *comments && *format != convert.FormatDOCX && *format != convert.FormatRedlineDOCX {
		return badInput("--comments goes with the docx formats")
	}
	if !slices.Contains(formats, *format) {
		return badInput("unknown format %q (want one of %s)", *format, strings.Join(formats, ", "))
	}
	redline := convert.IsRedline(*format)
	switch {
	case *working && *revision > 0:
		return badInput("--working and --revision exclude each other")
	case redline && (*working || *revision > 0):
		return badInput("a redline compares --from N with --to M")
	case !redline && (*from > 0 || *to > 0):
		return badInput("--from and --to go with the redline formats")
	}
	id, err := parseID(fs.Arg(0))
	if err != nil {
		return err
	}
	store, _, _, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	a, err := store.Article(ctx, id)
	if errors.Is(err, storage.ErrNotFound) {
		return badInput("no article with ID %d", id)
	}
	if err != nil {
		return err
	}
	e := convert.Export{Title: a.Title, Author: currentUser()}
	revisionText := func(n int) (editor.Revision, error) {
		r, err := store.Revision(ctx, id, n)
		if errors.Is(err, storage.ErrNotFound) {
			return r, badInput("article %d has no revision %d", id, n)
		}
		return r, err
	}
	switch {
	case redline:
		latest, err := store.LatestRevision(ctx, id)
		if err != nil {
			return err
		}
		if *to == 0 {
			*to = latest.Number
		}
		if *from == 0 {
			*from = *to - 1
		}
		if *from < 1 {
			return badInput("article %d has only one revision; give --from and --to", id)
		}
		older, err := revisionText(*from)
		if err != nil {
			return err
		}
		newer, err := revisionText(*to)
		if err != nil {
			return err
		}
		e.Old, e.New, e.Date = older.Text, newer.Text, newer.Created
		if newer.Author != "" {
			e.Author = newer.Author
		}
	case *working:
		wc, err := store.WorkingCopy(ctx, id)
		if errors.Is(err, storage.ErrNotFound) {
			return badInput("article %d has no unsaved working copy", id)
		}
		if err != nil {
			return err
		}
		e.Text, e.Date = wc.Text, wc.Updated
	default:
		var r editor.Revision
		if *revision > 0 {
			r, err = revisionText(*revision)
		} else {
			r, err = store.LatestRevision(ctx, id)
		}
		if err != nil {
			return err
		}
		e.Text, e.Date = r.Text, r.Created
	}
	if *format == convert.FormatRedlineDOCX || *comments {
		if e.Notes, err = report.Threads(ctx, store, id); err != nil {
			return err
		}
		e.Comments = *comments
	}
	if convert.IsReport(*format) {
		rev := editor.Revision{ArticleID: id, Number: *revision, Text: e.Text, Created: e.Date}
		if *working {
			rev.Label = "working copy"
		}
		in, err := report.Gather(ctx, store, a, rev)
		if err != nil {
			return err
		}
		rep := report.Build(in, time.Now())
		e.Report = &rep
	}
	var buf bytes.Buffer
	notices, err := e.WriteNotices(&buf, *format)
	if err != nil {
		return err
	}
	for _, n := range notices {
		fmt.Fprintf(stderr, "copydesk export: %s\n", n)
	}
	if *out == "" {
		_, err = stdout.Write(buf.Bytes())
		return err
	}
	return textio.WriteFileAtomic(*out, buf.Bytes(), 0o644)
}

// deskEnv names the variable that says which desk to open when --db does
// not: a SQLite file path or a PostgreSQL URL.
const deskEnv = "COPYDESK_DB"

// resolve returns the desk's path or URL: the one given, the one in
// $COPYDESK_DB, or the default file.
func (desk deskFlags) resolve() (string, error) {
	if desk.path != "" {
		return desk.path, nil
	}
	if env := strings.TrimSpace(os.Getenv(deskEnv)); env != "" {
		return env, nil
	}
	return storage.DefaultPath()
}

// openExistingStore opens a desk that must already exist: a command that
// reads or revises never creates an empty desk where the one it was
// pointed at has gone (deleted, moved, a mistyped path); creating a desk is
// the app's first run or an import.
func openExistingStore(ctx context.Context, desk deskFlags, extra ...storage.Option) (*storage.DB, string, bool, error) {
	path, err := desk.resolve()
	if err != nil {
		return nil, "", false, err
	}
	if storage.IsServerURL(path) {
		db, resolved, created, err := openStore(ctx, desk, append(extra, storage.WithExistingDesk())...)
		if errors.Is(err, storage.ErrNotFound) {
			return nil, "", false, usageError{fmt.Errorf("no desk in %s (the database is empty, or the URL names another); import creates one", storage.RedactURL(path))}
		}
		return db, resolved, created, err
	}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return nil, "", false, usageError{fmt.Errorf("no desk at %q (it was moved or deleted, or the path is mistyped); import creates one", path)}
	}
	return openStore(ctx, desk, extra...)
}

// waitNotice tells the user, on stderr, when a write of command has waited
// a second for another program writing to the desk, so a slow command
// says why instead of seeming to hang.
func waitNotice(stderr io.Writer, command string) storage.Option {
	return storage.WithWaitNotice(func() {
		fmt.Fprintf(stderr, "copydesk %s: waiting for another program to finish writing to the desk…\n", command)
	})
}
