package app

import (
	"sync"
	"time"
)

// Autosaver saves the latest text shortly after the editor stops typing:
// Quiet after the last change, and never more than MaxWait after the first
// unsaved change, so steady typing is still saved at least once a second.
// Saves run one at a time off the UI goroutine.
type Autosaver struct {
	Quiet   time.Duration
	MaxWait time.Duration
	// Now is the clock the waits are measured by: time.Now unless a test
	// sets another, as it does for storage (storage.WithClock).
	Now  func() time.Time
	save func(text string) error
	done func(err error) // called after each save, off the UI goroutine

	mu         sync.Mutex
	pending    string
	dirty      bool
	firstDirty time.Time
	timer      *time.Timer
	saving     sync.Mutex // held while a save runs
}

// NewAutosaver returns an autosaver that calls save with the latest text.
// done, if not nil, is told how each save went.
func NewAutosaver(save func(text string) error, done func(err error)) *Autosaver {
	return &Autosaver{Quiet: 350 * time.Millisecond, MaxWait: 700 * time.Millisecond, Now: time.Now, save: save, done: done}
}

// Changed records new text and schedules a save.
func (a *Autosaver) Changed(text string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	now := a.Now()
	a.pending = text
	if !a.dirty {
		a.dirty = true
		a.firstDirty = now
	}
	wait := a.Quiet
	if until := a.firstDirty.Add(a.MaxWait).Sub(now); until < wait {
		wait = until
	}
	if wait < 0 {
		wait = 0
	}
	if a.timer == nil {
		a.timer = time.AfterFunc(wait, a.fire)
	} else {
		a.timer.Reset(wait)
	}
}

func (a *Autosaver) fire() { _ = a.Flush() }

// Flush saves the pending text now, if any, and waits for it. It is safe
// to call from any goroutine.
func (a *Autosaver) Flush() error {
	a.saving.Lock()
	defer a.saving.Unlock()
	a.mu.Lock()
	if !a.dirty {
		a.mu.Unlock()
		return nil
	}
	text := a.pending
	a.dirty = false
	if a.timer != nil {
		a.timer.Stop()
	}
	a.mu.Unlock()

	err := a.save(text)
	if err != nil {
		// Keep the text pending so the next change or flush retries it,
		// unless newer text has arrived meanwhile.
		a.mu.Lock()
		if !a.dirty {
			a.dirty = true
			a.pending = text
			a.firstDirty = a.Now()
		}
		a.mu.Unlock()
	}
	if a.done != nil {
		a.done(err)
	}
	return err
}

// Dirty reports whether there is text not yet saved.
func (a *Autosaver) Dirty() bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.dirty
}

// Stop cancels any scheduled save without saving.
func (a *Autosaver) Stop() {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.timer != nil {
		a.timer.Stop()
	}
}
