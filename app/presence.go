package app

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// defaultHeartbeatEvery is how often the workspace tells the desk the
// editor still has the article open when Options.HeartbeatEvery is zero:
// storage.HeartbeatEvery, which the desk's timeout is reckoned from.
const defaultHeartbeatEvery = 10 * time.Second

// presenceTimeout bounds one heartbeat, leave or read of who is editing,
// so a desk that stopped answering delays the next one instead of piling
// them up; leaving at close waits no longer than this either.
const presenceTimeout = 2 * time.Second

// presenceText says who else has the article open: "Ana is editing", "Ana
// and Ben are editing", "Ana, Ben and Cy are editing", "Ana, Ben and 2
// others are editing"; "" for nobody. The editor's own name (self) is
// another window of theirs, and is said so, last.
func presenceText(names []string, self string) string {
	names, selfToo := withoutSelf(names, self)
	if selfToo {
		if len(names) == 0 {
			return "You have this open in another window"
		}
		names = append(names, "you in another window")
	}
	switch n := len(names); {
	case n == 0:
		return ""
	case n == 1:
		return names[0] + " is editing"
	case n == 2:
		return names[0] + " and " + names[1] + " are editing"
	case n == 3:
		return names[0] + ", " + names[1] + " and " + names[2] + " are editing"
	default:
		return fmt.Sprintf("%s, %s and %d others are editing", names[0], names[1], n-2)
	}
}

// withoutSelf returns names without self, and whether it was there.
func withoutSelf(names []string, self string) ([]string, bool) {
	i := slices.Index(names, self)
	if self == "" || i < 0 {
		return names, false
	}
	return slices.Delete(slices.Clone(names), i, i+1), true
}

// presenceTip names everyone presenceText counts, for the label's tooltip.
func presenceTip(names []string, self string) string {
	names, selfToo := withoutSelf(names, self)
	if selfToo {
		names = append(names, "you, in another window")
	}
	if len(names) == 0 {
		return ""
	}
	return "Also in this article: " + strings.Join(names, ", ") + ". Each editor keeps their own unsaved text; a saved revision is what the others see."
}

// presenceKeeper keeps the editor's presence in the open article on the
// desk, off the UI goroutine: a heartbeat when an article opens and every
// interval while it stays open, a leave when it closes or another opens,
// and after each of those, and whenever the workspace asks (outside
// changes), a read of who else is editing, handed to show on the UI
// goroutine. Presence is advisory: a failed call is let go, and the next
// tick tries again.
type presenceKeeper struct {
	store    Store
	every    time.Duration
	show     func(articleID int64, names []string) // on the UI goroutine
	dispatch func(func())

	mu   sync.Mutex
	want int64 // the article the editor has open; 0 for none

	wake chan struct{} // a look is wanted now
	quit chan struct{}
	done chan struct{}
}

func newPresenceKeeper(store Store, show func(int64, []string), dispatch func(func())) *presenceKeeper {
	return &presenceKeeper{store: store, show: show, dispatch: dispatch, wake: make(chan struct{}, 1)}
}

// start keeps presence every interval, on a goroutine of its own, until
// stop.
func (p *presenceKeeper) start(every time.Duration) {
	p.every = every
	p.quit, p.done = make(chan struct{}), make(chan struct{})
	go p.run(p.quit, p.done)
}

// open records that the editor has article id open (0: none), and has the
// keeper say so at once.
func (p *presenceKeeper) open(id int64) {
	p.mu.Lock()
	p.want = id
	p.mu.Unlock()
	p.look()
}

// look asks for a read of who is editing now, without waiting for it.
func (p *presenceKeeper) look() {
	select {
	case p.wake <- struct{}{}:
	default: // one is pending already
	}
}

// stop leaves the open article and ends the keeping, waiting at most
// presenceTimeout for the leave to be written.
func (p *presenceKeeper) stop() {
	if p.quit == nil {
		return
	}
	close(p.quit)
	p.quit = nil
	select {
	case <-p.done:
	case <-time.After(presenceTimeout):
	}
}

func (p *presenceKeeper) wanted() int64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.want
}

func (p *presenceKeeper) run(quit <-chan struct{}, done chan<- struct{}) {
	defer close(done)
	t := time.NewTicker(p.every)
	defer t.Stop()
	var have int64 // the article the last heartbeat was for
	for {
		beat := false
		select {
		case <-quit:
			if have != 0 {
				p.call(func(ctx context.Context) error { return p.store.Leave(ctx, have) })
			}
			return
		case <-t.C:
			beat = true
		case <-p.wake:
		}
		want := p.wanted()
		if have != 0 && have != want {
			p.call(func(ctx context.Context) error { return p.store.Leave(ctx, have) })
			have = 0
		}
		if want == 0 {
			continue
		}
		if beat || have != want {
			if p.call(func(ctx context.Context) error { return p.store.Heartbeat(ctx, want) }) {
				have = want
			}
		}
		var names []string
		if p.call(func(ctx context.Context) (err error) { names, err = p.store.Editing(ctx, want); return err }) {
			p.dispatch(func() { p.show(want, names) })
		}
	}
}

// call runs one presence call with its timeout and reports whether it
// worked.
func (p *presenceKeeper) call(fn func(context.Context) error) bool {
	ctx, cancel := context.WithTimeout(context.Background(), presenceTimeout)
	defer cancel()
	return fn(ctx) == nil
}

// showPresence puts who else has the article open on the label, on the UI
// goroutine; a read for an article no longer open is dropped.
func (w *Workspace) showPresence(articleID int64, names []string) {
	if articleID != w.article.ID {
		return
	}
	w.presentFor = articleID
	w.present.tip = presenceTip(names, w.opts.Author)
	w.present.SetText(presenceText(names, w.opts.Author))
}

// presenceOpened tells the keeper the article now open; the names shown
// for another article are taken down at once.
func (w *Workspace) presenceOpened() {
	if w.presentFor != w.article.ID {
		w.presentFor = 0
		w.present.tip = ""
		w.present.SetText("")
	}
	w.presence.open(w.article.ID)
}

// tabBarOverlay lays the article tabs out over the whole area and the
// presence label in the free end of their tab bar, level with the tab
// names: the label takes space that is there anyway, so the editor does
// not move when it appears or goes.
type tabBarOverlay struct {
	tabs *container.AppTabs
}

// MinSize implements fyne.Layout.
func (l tabBarOverlay) MinSize(objects []fyne.CanvasObject) fyne.Size {
	return objects[0].MinSize()
}

// Layout implements fyne.Layout.
func (l tabBarOverlay) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	objects[0].Move(fyne.NewPos(0, 0))
	objects[0].Resize(size)
	label := objects[1]
	x := l.tabsWidth() + theme.Padding()
	label.Move(fyne.NewPos(x, 0))
	label.Resize(fyne.NewSize(max(size.Width-x, 0), label.MinSize().Height))
}

// tabsWidth is the width of the tab buttons, laid out as AppTabs lays them
// on a desktop: each name in bold with inner padding either side, a
// padding between them.
func (l tabBarOverlay) tabsWidth() float32 {
	inner := theme.InnerPadding()
	var w float32
	for i, it := range l.tabs.Items {
		if i > 0 {
			w += theme.Padding()
		}
		w += fyne.MeasureText(it.Text, theme.TextSize(), fyne.TextStyle{Bold: true}).Width + 2*inner
	}
	return w
}
