package main

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"copydesk/app"
	"copydesk/storage"
)

// TestTypistProcess is not a test: it is the child process of
// TestKillWhileTypingLosesAtMostOneSecond. It opens the workspace on a
// database and types an "x" every few milliseconds until it is killed,
// printing each keystroke's count and time.
func TestTypistProcess(t *testing.T) {
	db := os.Getenv("COPYDESK_TYPIST_DB")
	if db == "" {
		t.Skip("helper process for TestKillWhileTypingLosesAtMostOneSecond")
	}
	id, _ := strconv.ParseInt(os.Getenv("COPYDESK_TYPIST_ARTICLE"), 10, 64)
	store, err := storage.Open(context.Background(), db)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	a := test.NewApp()
	// The test driver runs fyne.Do on the calling goroutine; results of
	// background work are queued here and run between keystrokes, on this
	// goroutine, as a real driver runs them on its UI goroutine.
	ui := make(chan func(), 64)
	ws := app.NewWorkspace(a, store, app.Options{OpenArticle: id, Dispatch: func(f func()) { ui <- f }})
	ed := ws.Editor()
	ed.(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyEnd, Modifier: fyne.KeyModifierShortcutDefault})
	for n := 1; ; n++ {
		for drained := false; !drained; {
			select {
			case f := <-ui:
				f()
			default:
				drained = true
			}
		}
		test.Type(ed, "x")
		fmt.Printf("typed %d %d\n", n, time.Now().UnixNano())
		time.Sleep(5 * time.Millisecond)
	}
}
