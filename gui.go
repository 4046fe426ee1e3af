package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"

	fyneapp "fyne.io/fyne/v2/app"

	"copydesk/app"
	"copydesk/assets"
	"copydesk/editor"
	"copydesk/editor/textio"
	"copydesk/storage"
)

// appID identifies Copydesk to the desktop (preferences, settings); it
// matches FyneApp.toml.
const appID = "io.copydesk.desk"

func runGUI(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("copydesk", "[--db PATH] [--open ID]\n       copydesk COMMAND [options] (commands: import, revise, list, export)", stderr)
	db := dbFlag(fs)
	open := fs.Int64("open", 0, "open article `ID` at start")
	help := fs.Bool("help", false, "show this help")
	fs.BoolVar(help, "h", false, "show this help")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *help {
		printUsage(stdout)
		return nil
	}
	if fs.NArg() > 0 {
		return badInput("unexpected argument %q", fs.Arg(0))
	}
	if !hasDisplay() {
		return badInput("no display to open a window on (DISPLAY and WAYLAND_DISPLAY are unset); run it under a desktop session or `xvfb-run copydesk`, or use the command-line tools (copydesk --help)")
	}
	a := fyneapp.NewWithID(appID)
	a.SetIcon(assets.Icon)
	// Working copies are kept per editor: open the desk as the name the
	// editor gave the app, where they gave one.
	editor := currentUser()
	if name := strings.TrimSpace(a.Preferences().String(app.PrefAuthor)); name != "" {
		editor = name
	}
	store, path, created, err := openStore(ctx, *db, storage.WithEditor(editor))
	if err != nil {
		return err
	}
	defer store.Close()
	// A read-only desk has no autosaves to keep apart, and its folder may
	// not take the lock file. A shared desk keeps each editor's working
	// copies apart by name, and shows who else is in an article instead.
	if !store.ReadOnly() && !store.Shared() {
		lock, err := storage.LockForEditing(path)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		defer lock.Release()
	}
	// A new desk of one's own opens on the sample; a newsroom's shared desk
	// starts with its own stories.
	if created && !store.Shared() {
		if err := seedSample(ctx, store); err != nil {
			return err
		}
	}
	ws := app.NewWorkspace(a, store, app.Options{
		OpenArticle:    *open,
		Author:         currentUser(),
		AskAuthor:      true,
		HeartbeatEvery: storage.HeartbeatEvery,
	})
	ws.Window().ShowAndRun()
	return ws.FlushAutosave()
}

func hasDisplay() bool {
	if runtime.GOOS != "linux" && runtime.GOOS != "freebsd" && runtime.GOOS != "openbsd" && runtime.GOOS != "netbsd" {
		return true
	}
	return os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != ""
}

// seedSample stores the bundled sample article and its source in a new
// database, so the app never opens empty.
func seedSample(ctx context.Context, store *storage.DB) error {
	a, _, err := store.CreateArticle(ctx, editor.Article{Title: textio.TitleOf(assets.SampleArticle), Slug: "harbor-dredging"}, assets.SampleArticle, "sample draft", "Copydesk")
	if err != nil {
		return fmt.Errorf("seed sample article: %w", err)
	}
	src := editor.Source{ArticleID: a.ID, Title: assets.SampleSourceTitle, Kind: editor.SourceNotes, Text: assets.SampleSource}
	if _, err := store.AddSource(ctx, src); err != nil {
		return fmt.Errorf("seed sample source: %w", err)
	}
	return nil
}
