package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"text/tabwriter"

	"copydesk/storage"
)

// cmdMigrate copies a whole desk into a new one: a SQLite file onto a
// PostgreSQL server to share it, a shared desk into a file to take it
// offline, or one file into another. The copy is checked table by table
// before it is committed (storage.Copy), and the check is printed.
func cmdMigrate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("migrate", "migrate --from DESK --to DESK", stderr)
	from := fs.String("from", "", "the desk to copy: a SQLite file `DESK` or a postgres:// URL; it must exist")
	to := fs.String("to", "", "the desk to copy into: a SQLite file `DESK` (created if missing) or a postgres:// URL of an existing database; it must hold no articles")
	if err := parse(fs, args); err != nil {
		return err
	}
	// The arguments are not echoed: a URL may carry a password.
	if fs.NArg() != 0 {
		fs.Usage()
		return badInput("want only --from DESK and --to DESK, no other arguments")
	}
	if *from == "" || *to == "" {
		fs.Usage()
		return badInput("want --from DESK and --to DESK")
	}
	src, err := storage.Open(ctx, *from, storage.WithExistingDesk())
	if errors.Is(err, storage.ErrNotFound) {
		return usageError{fmt.Errorf("the source: %w", err)}
	}
	if err != nil {
		return fmt.Errorf("the source: %w", err)
	}
	defer src.Close()
	dst, _, created, err := openStore(ctx, deskFlags{path: *to}, waitNotice(stderr, "migrate"))
	if err != nil {
		return fmt.Errorf("the destination: %w", err)
	}
	fmt.Fprintf(stdout, "from %s\nto   %s\n\n", src.Path(), dst.Path())
	report, err := storage.Copy(ctx, src, dst)
	if len(report.Tables) > 0 {
		if perr := printCopyReport(stdout, report); perr != nil && err == nil {
			err = perr
		}
	}
	if err != nil {
		if created && !dst.Shared() {
			discardDesk(dst)
		} else {
			dst.Close()
		}
		if errors.Is(err, storage.ErrConflict) || errors.Is(err, storage.ErrInvalid) {
			return usageError{err}
		}
		return err
	}
	if err := dst.Close(); err != nil {
		return err
	}
	var articles int64
	for _, t := range report.Tables {
		if t.Table == "articles" {
			articles = t.SourceRows
		}
	}
	fmt.Fprintf(stdout, "copied %d %s (%d rows) from %s to %s; every table matches its source\n",
		articles, plural(int(articles), "article", "articles"), report.SourceRows(), src.Path(), dst.Path())
	return nil
}

// printCopyReport prints the rows and checksums of each table in the
// source and the copy, and how times were kept.
func printCopyReport(w io.Writer, r storage.CopyReport) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TABLE\tSOURCE ROWS\tCOPY ROWS\tSOURCE SHA-256\tCOPY SHA-256\tMATCH")
	for _, t := range r.Tables {
		match := "yes"
		if !t.Match {
			match = "NO"
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\t%s\n", t.Table, t.SourceRows, t.DestinationRows, t.SourceSHA256, t.DestinationSHA256, match)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprint(w, "\nTimes are kept to the microsecond")
	if r.FinerTimes > 0 {
		fmt.Fprintf(w, "; %d %s in the source had finer digits, dropped in the copy and in the checksums",
			r.FinerTimes, plural(r.FinerTimes, "time", "times"))
	}
	_, err := fmt.Fprint(w, ".\n")
	return err
}

// discardDesk closes a SQLite desk this command created and removes its
// file, so a copy that failed leaves nothing behind.
func discardDesk(db *storage.DB) {
	path := db.Path()
	db.Close()
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		os.Remove(p)
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// cmdSetup sets a desk up, or upgrades its tables to this Copydesk's
// schema, and says which it did. On a shared desk it is what the
// database's owner runs after installing or upgrading Copydesk, since the
// editors' roles may not change the tables.
func cmdSetup(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("setup", "setup [--db DESK]", stderr)
	db := dbFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return badInput("want no arguments")
	}
	store, where, _, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	switch was, is := store.Schema(); {
	case was == 0:
		fmt.Fprintf(stdout, "set up a new desk in %s (schema version %d)\n", where, is)
	case was < is:
		fmt.Fprintf(stdout, "upgraded %s from schema version %d to %d\n", where, was, is)
	default:
		fmt.Fprintf(stdout, "%s is up to date (schema version %d)\n", where, is)
	}
	return nil
}
