// Command copydesk is a desk tool for copy and standards editors: it opens
// the review workspace, or runs one of its command-line tools.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	_ "copydesk/app/clocale" // before Fyne initialises; see its doc
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
