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

	_ "copydesk/app/clocale" // before Fyne initialises; see its doc
	"copydesk/storage"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
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
		{"check", "report attribution problems in a file", cmdCheck},
		{"diff", "compare two revisions word by word", cmdDiff},
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
				return exitCode(stderr, name, c.run(ctx, args[1:], stdout, stderr))
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
