// Command copydesk is a desk tool for copy and standards editors: it opens
// the review workspace, or runs one of its command-line tools.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	_ "copydesk/app/clocale" // before Fyne initialises; see its doc
	"copydesk/editor/textio"
	"copydesk/storage"
)

func main() {
	os.Exit(runWithSignals(os.Args[1:], os.Stdout, os.Stderr))
}

// runWithSignals runs a command line whose context ends on Ctrl+C
// (SIGINT) or SIGTERM, and returns the process exit code.
func runWithSignals(args []string, stdout, stderr io.Writer) int {
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	go func() {
		if s, ok := (<-sigs).(syscall.Signal); ok {
			cancel(interrupted{s})
		}
	}()
	return run(ctx, args, stdout, stderr)
}

// interrupted is why a command's context ends when the process is sent a
// signal.
type interrupted struct{ sig syscall.Signal }

func (i interrupted) Error() string { return "interrupted by " + i.sig.String() }

// exitCode is the shell's convention for a process ended by the signal:
// 130 for SIGINT, 143 for SIGTERM.
func (i interrupted) exitCode() int { return 128 + int(i.sig) }

// interruptGrace is how long a command has, after Ctrl+C or SIGTERM, to
// stop through its context before the process leaves without it.
const interruptGrace = 500 * time.Millisecond

// runCommand runs a command-line tool and stops it on a signal: the
// context is cancelled, the command has interruptGrace to return, and then
// any output file still being written is removed (finished files are
// whole: they are written beside their name and renamed into place) and
// the process reports the signal's exit status. A database write cut off
// this way is rolled back by SQLite.
func runCommand(ctx context.Context, c command, args []string, stdout, stderr io.Writer) int {
	done := make(chan int, 1)
	go func() { done <- exitCode(stderr, c.name, c.run(ctx, args, stdout, stderr)) }()
	select {
	case code := <-done:
		return code
	case <-ctx.Done():
	}
	select {
	case <-done:
	case <-time.After(interruptGrace):
	}
	textio.RemovePartialFiles()
	var sig interrupted
	if errors.As(context.Cause(ctx), &sig) {
		fmt.Fprintf(stderr, "copydesk %s: %v; no output was left half written\n", c.name, sig)
		return sig.exitCode()
	}
	fmt.Fprintf(stderr, "copydesk %s: %v\n", c.name, context.Cause(ctx))
	return exitFailure
}

// command is one command-line tool: its name, a line for the usage text
// and what runs it.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

// commands is the table of command-line tools, in the order the usage
// text lists them.
func commands() []command {
	return []command{
		{"import", "store files or folders of files as new articles", cmdImport},
		{"revise", "store a file as the next revision of an article", cmdRevise},
		{"list", "list the articles in the database", cmdList},
		{"export", "write an article's text to a file", cmdExport},
		{"quotes", "list every quotation and reported statement with its speaker", cmdQuotes},
		{"check", "report attribution problems in a file or a stored article", cmdCheck},
		{"diff", "compare two revisions word by word", cmdDiff},
		{"source", "add, list, show or remove an article's sources", cmdSource},
		{"notes", "list, add, reply to, resolve or dismiss an article's notes", cmdNotes},
		{"migrate", "copy a whole desk into a new one (SQLite or PostgreSQL) and check the copy", cmdMigrate},
		{"setup", "set a desk up, or upgrade its tables to this version's schema", cmdSetup},
	}
}

// run dispatches a command line and returns the process exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name := args[0]
		if name == "help" {
			printUsage(stdout)
			return exitOK
		}
		for _, c := range commands() {
			if c.name == name {
				return runCommand(ctx, c, args[1:], stdout, stderr)
			}
		}
		fmt.Fprintf(stderr, "copydesk: unknown command %q (see copydesk --help)\n", name)
		return exitUsage
	}
	return exitCode(stderr, "", runGUI(ctx, args, stdout, stderr))
}

// exitCode prints a command's error, if any, on one line of stderr and
// returns the exit status it calls for.
func exitCode(stderr io.Writer, name string, err error) int {
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	prefix := "copydesk"
	if name != "" {
		prefix += " " + name
	}
	fmt.Fprintf(stderr, "%s: %s\n", prefix, oneLine(err.Error()))
	var ue usageError
	if errors.As(err, &ue) {
		return exitUsage
	}
	if errors.Is(err, storage.ErrCorrupt) || errors.Is(err, storage.ErrNewerSchema) {
		return exitUsage
	}
	return exitFailure
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func printUsage(w io.Writer) {
	fmt.Fprint(w, `Usage:
  copydesk [--db PATH] [--open ID]     open the review workspace
  copydesk COMMAND [options] ...

Commands:
`)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Run "copydesk COMMAND --help" for a command's options. The database defaults
to copydesk/copydesk.db in the user's data folder.
`)
}

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1 // the command could not do its work (database, disk)
	exitUsage   = 2 // bad usage or unreadable input
)

// usageError marks errors that exit with exitUsage.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func badInput(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}
