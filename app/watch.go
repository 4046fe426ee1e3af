package app

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"copydesk/editor"
)

// defaultWatchEvery is how often the workspace looks for changes other
// processes made to the database. One look is one round trip to SQLite
// (storage's BenchmarkDataVersion), so polling costs nothing noticeable.
const defaultWatchEvery = 750 * time.Millisecond

// sharedWatchEvery is how often the workspace looks on a desk shared by
// several editors (PostgreSQL). Another editor's note or revision must
// show within a second; at 750ms a change committed just after a look
// would leave the refresh (a handful of queries to the server, and the
// panels laid out again) a quarter of a second. There a look reads a
// counter the desk's listener keeps, with no round trip, so looking three
// times as often costs nothing and leaves the refresh most of the second.
const sharedWatchEvery = 250 * time.Millisecond

// watchTimeout bounds one look, so a database held busy by another
// process delays the next look instead of piling them up.
const watchTimeout = 5 * time.Second

// dbWatcher notices commits other processes make to the database, such as
// a revision stored with `copydesk revise`. It reads the store's data
// version off the UI goroutine and, when it moved, runs onChange on the UI
// goroutine through dispatch. The workspace's own writes do not move it.
type dbWatcher struct {
	version  func(context.Context) (int64, error)
	onChange func()       // on the UI goroutine
	dispatch func(func()) // runs a function on the UI goroutine

	mu    sync.Mutex // held through a look, so looks never overlap
	last  int64
	known bool
	quit  chan struct{}
}

func newDBWatcher(version func(context.Context) (int64, error), onChange func(), dispatch func(func())) *dbWatcher {
	return &dbWatcher{version: version, onChange: onChange, dispatch: dispatch}
}

// start looks for changes every interval, on a goroutine of its own,
// until stop.
func (d *dbWatcher) start(every time.Duration) {
	quit := make(chan struct{})
	d.quit = quit
	go func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-quit:
				return
			case <-t.C:
				d.poll()
			}
		}
	}()
}

// stop ends the looking start began.
func (d *dbWatcher) stop() {
	if d.quit != nil {
		close(d.quit)
		d.quit = nil
	}
}

// poll reads the data version once and, if it moved since the last read,
// dispatches onChange; the first read only records it. It reports whether
// it dispatched. A failed read is let go: the next one tries again.
func (d *dbWatcher) poll() bool {
	d.mu.Lock()
	ctx, cancel := context.WithTimeout(context.Background(), watchTimeout)
	v, err := d.version(ctx)
	cancel()
	changed := err == nil && d.known && v != d.last
	if err == nil {
		d.last, d.known = v, true
	}
	d.mu.Unlock()
	if changed {
		d.dispatch(d.onChange)
	}
	return changed
}

// sharedDesk reports whether the store is a desk several editors use at
// once. A store that cannot say is taken to be one editor's.
func (w *Workspace) sharedDesk() bool {
	s, ok := w.store.(interface{ Shared() bool })
	return ok && s.Shared()
}

// onOutsideChange runs on the UI goroutine after another process changed
// the database: the library and the open article's revisions are listed
// again, and a revision that arrived under the open article is loaded, or,
// when the editor has unsaved edits, announced without touching them.
func (w *Workspace) onOutsideChange() {
	w.library.reload()
	if w.article.ID == 0 {
		return
	}
	w.presence.look()
	// Notes, replies and sources another editor or process added or
	// changed (copydesk notes, copydesk source) show at once; a changed
	// source set is reviewed again.
	w.refreshNotes()
	before := w.sourceList
	w.reloadSources()
	if !sameSources(before, w.sourceList) {
		w.requestReview()
	}
	revs, err := w.store.Revisions(context.Background(), w.article.ID)
	if err != nil {
		if !errors.Is(err, editor.ErrNotFound) { // purged meanwhile
			w.showError(err)
		}
		return
	}
	w.revisions.setRevisions(revs)
	latest := revs[len(revs)-1]
	if latest.Number <= max(w.arrival.told, w.base) {
		return
	}
	w.arrival.told = latest.Number
	if w.editedSinceBase(revs) {
		w.edit.setSaveState(fmt.Sprintf("r%d arrived from outside; your unsaved edits since r%d are kept", latest.Number, w.base))
		w.arrival.show(fmt.Sprintf("%s arrived from outside while you have unsaved edits since r%d. Nothing was replaced: the editor keeps your working copy. Compare it with r%d to take in the new revision's changes.",
			arrivedName(latest), w.base, latest.Number), latest.Number)
		return
	}
	w.loadArrived(latest)
}

// editedSinceBase reports whether the text in the editor differs from the
// revision it was started from (revs holds all of the article's).
func (w *Workspace) editedSinceBase(revs []editor.Revision) bool {
	for _, r := range revs {
		if r.Number == w.base {
			return w.edit.ed.Text() != r.Text
		}
	}
	return true // no base to tell by: keep the text
}

// loadArrived opens the article again, as opening it from the library
// would, to show a revision that arrived while it had no unsaved edits.
// The focus stays where it was.
func (w *Workspace) loadArrived(latest editor.Revision) {
	// Pending typing (typed and undone: the text is the base's) is saved
	// before the article changes under it.
	if err := w.autosave.Flush(); err != nil {
		w.edit.setSaveState(fmt.Sprintf("r%d arrived from outside; not loaded: %v", latest.Number, err))
		return
	}
	c := w.win.Canvas()
	focused := c.Focused()
	was := w.article
	w.article = editor.Article{} // open it again from the store
	w.openArticle(was.ID)
	if w.article.ID == 0 { // opening failed and said why
		w.article = was
		return
	}
	switch {
	case focused == nil:
		c.Unfocus()
	case focused != c.Focused():
		c.Focus(focused)
	}
	w.edit.setSaveState(fmt.Sprintf("r%d arrived from outside; loaded", latest.Number))
}
