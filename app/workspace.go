package app

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
	"copydesk/editor/convert"
	"copydesk/editor/quote"
	"copydesk/editor/review"
	"copydesk/editor/source"
)

// Options configure a workspace.
type Options struct {
	// OpenArticle, if not zero, is opened at start instead of the last one.
	OpenArticle int64
	// Author is the user name recorded on the notes, replies and
	// revisions the editor makes and on the tracked changes of redlines,
	// until one is set in Preferences (which then replaces it).
	Author string
	// AskAuthor asks for the user name once, offering Author, when none
	// is set in Preferences yet.
	AskAuthor bool
	// AutosaveQuiet and AutosaveMaxWait override the autosave timing
	// (see Autosaver); zero keeps the defaults.
	AutosaveQuiet, AutosaveMaxWait time.Duration
	// Dispatch runs results of background work (autosaves, reviews, the
	// watch for outside changes) on the UI goroutine; nil means fyne.Do.
	// A program driving the workspace with Fyne's test driver, where
	// fyne.Do runs on the caller's goroutine, passes its own.
	Dispatch func(func())
	// Now is the clock for autosave timing, review records and exports;
	// nil means time.Now. Tests pass their own, as they do to storage.
	Now func() time.Time
	// WatchEvery is how often the database is checked for changes other
	// processes made, such as a revision stored by `copydesk revise`; zero
	// means every 750ms, or 250ms on a desk shared by several editors,
	// below zero never (tests look themselves).
	WatchEvery time.Duration
	// HeartbeatEvery is how often the desk is told that the editor still
	// has the open article (storage.HeartbeatEvery); zero means every 10s,
	// below zero never.
	HeartbeatEvery time.Duration
}

// Workspace is the main window: library, editing pane and side panels.
type Workspace struct {
	app   fyne.App
	win   fyne.Window
	store Store
	opts  Options

	library   *libraryPane
	edit      *editPane
	notes     *notesPanel
	revisions *revisionsPanel
	quotes    *quoteSheetPanel
	sources   *sourcesPanel
	compare   *compareView
	mainTabs  *container.AppTabs // article | quote sheet
	sideTabs  *container.AppTabs
	split     *container.Split // library | rest
	inner     *container.Split // editor | side panels

	autosave    *Autosaver
	review      *reviewer
	watch       *dbWatcher      // notices changes other processes make
	presence    *presenceKeeper // tells the desk the editor is in the article, and who else is
	present     *statusLabel    // says who else has the open article
	presentFor  int64           // the article present speaks of
	arrival     *arrivalNotice  // a newer revision than the unsaved edits' base
	lastReview  reviewResult    // the latest review of the open article
	storedNotes []editor.Note   // notes kept with the open article
	sourceList  []editor.Source // sources attached to the open article
	// previousText is the revision the open text is checked against for
	// altered quotations: the latest revision while there are unsaved
	// edits, else the one before it ("" for none).
	previousText string
	article      editor.Article // the open article; ID 0 when none
	base         int            // revision the working copy started from
	dialogs      []*keyDialog   // the dialogs open over the window, top last
	thread       *noteThread    // the Note Thread dialog, while it is up
	goneAsked    bool           // the desk file went and the editor was offered a copy
}

// NewWorkspace builds the main window of a on store.
func NewWorkspace(a fyne.App, store Store, opts Options) *Workspace {
	return newWorkspace(a, store, opts, nil)
}

// newWorkspace builds the workspace; a non-nil spawn replaces the
// goroutine that runs reviews (tests run them inline).
func newWorkspace(a fyne.App, store Store, opts Options, spawn func(func())) *Workspace {
	if opts.Dispatch == nil {
		opts.Dispatch = fyne.Do
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	w := &Workspace{app: a, store: store, opts: opts}
	w.win = a.NewWindow("Copydesk")
	w.win.SetMaster()

	w.library = newLibraryPane(store, w.openArticle, w.showError)
	w.library.onTrash = w.onTrashArticle
	w.library.onRestore = func(id int64) {
		if err := w.RestoreArticle(id); err != nil {
			w.showError(err)
		}
	}
	w.edit = newEditPane(w.onTextChanged)
	w.edit.find.canvas = func() fyne.Canvas { return w.win.Canvas() }
	w.edit.setReadableMeasure(a.Preferences().BoolWithFallback(prefReadableMeasure, true))
	w.edit.ed.onFunctionKey = w.onFunctionKey
	w.notes = newNotesPanel(w.onNoteSelected)
	w.notes.actionsFor = w.noteActions
	w.notes.threadOf = w.threadLine
	w.notes.onNewNote = w.onNewNote
	w.notes.onResolveFixed = w.onResolveFixed
	w.revisions = newRevisionsPanel(w.onSaveRevision, w.onViewRevision, w.ShowCompare)
	w.quotes = newQuoteSheetPanel(w.onQuoteSelected)
	w.review = newReviewer(w.applyReview, opts.Dispatch)
	if spawn != nil {
		w.review.spawn = spawn
	}
	w.sources = newSourcesPanel(w.onAttachSourceFile, w.onPasteSource, w.onViewSource, w.onDetachSource)
	w.sideTabs = container.NewAppTabs(
		container.NewTabItem("Notes", w.notes.content),
		container.NewTabItem("Sources", w.sources.content),
		container.NewTabItem("Revisions", w.revisions.content),
	)
	w.compare = newCompareView(w.onCompare, w.onApplyMerge)
	w.arrival = newArrivalNotice(w.onCompareArrived)
	w.mainTabs = container.NewAppTabs(
		container.NewTabItem("Article", w.edit.content),
		container.NewTabItem("Quote Sheet", w.quotes.content),
		container.NewTabItem("Compare", w.compare.content),
	)
	w.mainTabs.OnSelected = func(t *container.TabItem) {
		if t.Content != w.edit.content {
			// Keys must not reach the hidden editor.
			w.win.Canvas().Unfocus()
		}
	}
	w.present = newStatusLabel(fyne.TextAlignTrailing)
	w.present.TextStyle.Italic = true
	prefs := a.Preferences()
	w.inner = container.NewHSplit(container.New(tabBarOverlay{w.mainTabs}, w.mainTabs, w.present), w.sideTabs)
	w.inner.SetOffset(prefs.FloatWithFallback(prefSplitSidebar, defaultSidebarSplit))
	w.split = container.NewHSplit(w.library.content, container.NewBorder(w.arrival.content, nil, nil, nil, w.inner))
	w.split.SetOffset(prefs.FloatWithFallback(prefSplitLibrary, defaultLibrarySplit))
	w.win.SetContent(w.split)
	w.win.SetMainMenu(w.mainMenu())
	w.addShortcuts()
	w.win.Resize(fyne.NewSize(
		float32(prefs.FloatWithFallback(prefWindowWidth, defaultWindowW)),
		float32(prefs.FloatWithFallback(prefWindowHeight, defaultWindowH)),
	))
	// A size remembered on a bigger screen is fitted to this one, once the
	// driver can tell the screen's size.
	a.Lifecycle().SetOnStarted(w.fitToScreen)
	w.win.SetCloseIntercept(w.onClose)
	w.win.SetOnDropped(w.onDropped)

	w.autosave = NewAutosaver(w.saveWorkingCopy, w.onAutosaved)
	w.autosave.Now = opts.Now
	if opts.AutosaveQuiet > 0 {
		w.autosave.Quiet = opts.AutosaveQuiet
	}
	if opts.AutosaveMaxWait > 0 {
		w.autosave.MaxWait = opts.AutosaveMaxWait
	}
	w.applyReadOnlyDesk()
	// The first look only records where the database is; changes made
	// from here on, while the library and article load, are noticed.
	w.watch = newDBWatcher(store.DataVersion, w.onOutsideChange, opts.Dispatch)
	w.watch.poll()
	w.presence = newPresenceKeeper(store, w.showPresence, opts.Dispatch)
	if opts.HeartbeatEvery == 0 {
		opts.HeartbeatEvery = defaultHeartbeatEvery
	}
	if opts.HeartbeatEvery > 0 {
		w.presence.start(opts.HeartbeatEvery)
	}
	w.library.reload()
	w.openInitial()
	if opts.WatchEvery == 0 {
		opts.WatchEvery = defaultWatchEvery
		if w.sharedDesk() {
			opts.WatchEvery = sharedWatchEvery
		}
	}
	if opts.WatchEvery > 0 {
		w.watch.start(opts.WatchEvery)
	}
	w.loadAuthor()
	return w
}

// Window returns the workspace's window.
func (w *Workspace) Window() fyne.Window { return w.win }

// ArticleID returns the ID of the open article, 0 when none is open.
func (w *Workspace) ArticleID() int64 { return w.article.ID }

// Text returns the text in the editing pane.
func (w *Workspace) Text() string { return w.edit.ed.Text() }

// Editor returns the editing widget, to focus it or type into it.
func (w *Workspace) Editor() fyne.Focusable { return w.edit.ed }

// FlushAutosave saves unsaved typing now.
func (w *Workspace) FlushAutosave() error { return w.autosave.Flush() }

func (w *Workspace) openInitial() {
	id := w.opts.OpenArticle
	if id == 0 {
		id = int64(w.app.Preferences().Int(prefLastArticle))
	}
	if id != 0 {
		if _, err := w.store.Article(context.Background(), id); err == nil {
			w.openArticle(id)
			return
		} else if w.opts.OpenArticle != 0 {
			w.showError(fmt.Errorf("cannot open article %d: %w", id, err))
		}
	}
	if len(w.library.items) > 0 {
		w.openArticle(w.library.items[0].ID)
	}
}

// openArticle saves any pending typing on the current article and shows
// article id: its working copy if it has edits, else its latest revision
// (see openingVersion).
func (w *Workspace) openArticle(id int64) {
	if id == w.article.ID {
		return
	}
	if err := w.autosave.Flush(); err != nil {
		w.showError(fmt.Errorf("unsaved changes could not be saved, so the article stays open: %w", err))
		w.library.markSelected(w.article.ID)
		return
	}
	ctx := context.Background()
	a, err := w.store.Article(ctx, id)
	if err != nil {
		w.showError(err)
		return
	}
	op, err := w.openingVersion(ctx, id)
	if err != nil {
		w.showError(err)
		return
	}
	w.article, w.base = a, op.base
	w.review.reset()
	w.lastReview = reviewResult{}
	w.edit.load(op.text)
	w.edit.setSaveState(op.saveState())
	w.win.SetTitle("Copydesk — " + a.Title)
	w.presenceOpened()
	w.app.Preferences().SetInt(prefLastArticle, int(id))
	w.library.markSelected(id)
	w.reloadSide()
	// The text may be a revision the notes have not been placed on yet
	// (one stored by copydesk revise, say).
	w.reanchorNotes()
	w.noticeOnOpen(op)
	w.requestReview()
	w.win.Canvas().Focus(w.edit.ed)
}

func (w *Workspace) reloadSide() {
	ctx := context.Background()
	w.reloadSources()
	if revs, err := w.store.Revisions(ctx, w.article.ID); err == nil {
		w.revisions.setRevisions(revs)
		w.previousText = ""
		latest := revs[len(revs)-1]
		switch {
		case w.edit.ed.Text() != latest.Text:
			w.previousText = latest.Text
		case len(revs) > 1:
			w.previousText = revs[len(revs)-2].Text
		}
	} else {
		w.showError(err)
	}
	notes, err := w.store.Notes(ctx, w.article.ID, editor.NoteFilter{})
	if err != nil {
		w.showError(err)
	}
	w.storedNotes = notes
	w.showFindingsAndNotes()
}

// requestReview asks for a review of the text as it is now, against the
// article's sources and its previous revision.
func (w *Workspace) requestReview() {
	in := review.Input{Text: w.edit.ed.Text(), Previous: w.previousText}
	for _, s := range w.sourceList {
		in.Sources = append(in.Sources, source.Text{Title: s.Title, Text: s.Text})
	}
	w.review.request(in, w.edit.ed.Version())
}

// applyReview shows a finished review (on the UI goroutine). Its spans
// are moved over any typing done while it ran.
func (w *Workspace) applyReview(res reviewResult) {
	w.lastReview = res
	w.quotes.setQuotes(res.doc.Quotes, res.verified, res.noSources)
	w.showFindingsAndNotes()
}

// onFunctionKey handles the function keys, wherever the focus is.
func (w *Workspace) onFunctionKey(k *fyne.KeyEvent) bool {
	switch k.Name {
	case fyne.KeyF6:
		w.applySelectedFix()
		return true
	case fyne.KeyF7:
		w.Review()
		return true
	case fyne.KeyF8:
		if w.edit.ed.shiftDown {
			w.notes.step(-1)
		} else {
			w.notes.step(1)
		}
		return true
	}
	return false
}

func (w *Workspace) showFind(replace bool) {
	if w.article.ID == 0 {
		return
	}
	w.mainTabs.SelectIndex(0)
	w.edit.find.Open(replace)
}

func (w *Workspace) showQuoteSheet() { w.mainTabs.SelectIndex(1) }

// Review re-runs the checks on the text in the editing pane (F7).
func (w *Workspace) Review() {
	if w.article.ID != 0 {
		w.requestReview()
	}
}

// onNoteSelected selects the words a finding or note points at.
func (w *Workspace) onNoteSelected(row noteRow) {
	var was editor.Span
	switch {
	case row.finding != nil:
		was = row.finding.Span
	case row.note != nil:
		if row.note.Orphaned {
			return
		}
		was = row.note.Anchor.Span
	}
	w.selectWords(row.exact, was)
}

func (w *Workspace) onQuoteSelected(q quote.Quote) {
	if q.Span.Check(w.lastReview.text) != nil {
		return
	}
	w.selectWords(w.lastReview.text[q.Span.Start:q.Span.End], q.Span)
}

// selectWords selects exact in the editor, at was if the text there is
// unchanged, else at its nearest occurrence.
func (w *Workspace) selectWords(exact string, was editor.Span) {
	span, ok := locate(w.edit.ed.Text(), exact, was)
	if !ok {
		return
	}
	w.mainTabs.SelectIndex(0)
	w.edit.ed.Select(span)
	w.win.Canvas().Focus(w.edit.ed)
}

func (w *Workspace) onTextChanged(text string) {
	if w.article.ID == 0 {
		return
	}
	w.edit.setSaveState("Editing…")
	w.autosave.Changed(text)
}

// saveWorkingCopy runs on the autosave goroutine. It reads only values
// that change on the UI goroutine under the autosaver's ordering: the
// article and base are fixed while text for them is pending, because
// openArticle flushes before switching.
func (w *Workspace) saveWorkingCopy(text string) error {
	wc := editor.WorkingCopy{ArticleID: w.article.ID, Base: w.base, Text: text}
	return w.store.SaveWorkingCopy(context.Background(), wc)
}

func (w *Workspace) onAutosaved(err error) {
	at := w.opts.Now()
	w.opts.Dispatch(func() {
		if err != nil {
			if !w.deskGone(err) {
				w.edit.setSaveState("Autosave failed: " + err.Error())
			}
			return
		}
		w.edit.setSaveState(fmt.Sprintf("Autosaved %s (%s)", at.Format("15:04:05"), w.sinceBase()))
		w.reanchorNotes()
		w.Review()
	})
}

func (w *Workspace) onSaveRevision() {
	if w.article.ID == 0 {
		return
	}
	label := newDialogEntry()
	label.SetPlaceHolder("e.g. copy desk read")
	w.showForm("Save Revision", "Save", []*widget.FormItem{widget.NewFormItem("Label", label)}, label,
		func() { w.saveRevision(strings.TrimSpace(label.Text)) }, label)
}

// saveRevision freezes the working copy as the next numbered revision.
func (w *Workspace) saveRevision(label string) {
	if err := w.autosave.Flush(); err != nil {
		if !w.deskGone(err) {
			w.showError(err)
		}
		return
	}
	rev, err := w.store.CommitWorkingCopy(context.Background(), w.article.ID, label, w.opts.Author)
	switch {
	case err == nil:
		w.base = rev.Number
		w.edit.setSaveState(fmt.Sprintf("Saved as r%d", rev.Number))
		w.reloadSide()
		w.library.reload()
	case errors.Is(err, editor.ErrNoChanges) || errors.Is(err, editor.ErrNotFound):
		w.edit.setSaveState(fmt.Sprintf("No changes since r%d", w.base))
	case errors.Is(err, editor.ErrConflict):
		// A revision arrived after the edits started: saving would bury
		// it, so the editor compares first.
		latest, lerr := w.store.LatestRevision(context.Background(), w.article.ID)
		if lerr != nil {
			w.showError(lerr)
			return
		}
		w.showConfirm("Newer Revision",
			fmt.Sprintf("r%d arrived after your edits started from r%d, so they cannot be saved over it. Compare your working copy with r%d and apply the merge?", latest.Number, w.base, latest.Number),
			func() { w.onCompareArrived(latest.Number) })
	default:
		if !w.deskGone(err) {
			w.showError(err)
		}
	}
}

func (w *Workspace) onViewRevision(r editor.Revision) {
	w.showReadOnly(fmt.Sprintf("%s — r%d (read-only)", w.article.Title, r.Number), r.Text)
}

// showReadOnly opens a window showing text that cannot be edited.
func (w *Workspace) showReadOnly(title, text string) {
	win := w.app.NewWindow(title)
	win.SetContent(newReadOnlyView(text))
	win.Resize(fyne.NewSize(760, 640))
	win.Show()
}

func (w *Workspace) showError(err error) {
	if err == nil {
		return
	}
	if cs := noteConflicts(err); len(cs) > 0 {
		w.showNoteConflicts(cs)
		return
	}
	w.showDialog(dialog.NewError(err, w.win), nil, nil)
}

// onClose saves typing and layout, then closes the window.
func (w *Workspace) onClose() {
	if err := w.autosave.Flush(); err != nil {
		if errors.Is(err, editor.ErrDeskGone) && !w.goneAsked {
			w.deskGone(err) // offer to save the desk elsewhere first
			return
		}
		w.showConfirm("Unsaved changes",
			"Your latest typing could not be saved ("+err.Error()+"). Close anyway and lose it?",
			w.closeNow)
		return
	}
	w.closeNow()
}

func (w *Workspace) closeNow() {
	w.autosave.Stop()
	w.watch.stop()
	w.presence.stop() // and leave the article
	prefs := w.app.Preferences()
	size := w.win.Canvas().Size()
	if size.Width > 0 && size.Height > 0 {
		prefs.SetFloat(prefWindowWidth, float64(size.Width))
		prefs.SetFloat(prefWindowHeight, float64(size.Height))
	}
	prefs.SetFloat(prefSplitLibrary, w.split.Offset)
	prefs.SetFloat(prefSplitSidebar, w.inner.Offset)
	w.win.Close()
}

// Shortcuts, shown in the menus and bound on the window.
var (
	shortcutNew     = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutImport  = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutExport  = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutSave    = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutQuit    = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutLibrary = &desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	shortcutSearch  = &desktop.CustomShortcut{KeyName: fyne.KeyK, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutCheck   = &desktop.CustomShortcut{KeyName: fyne.KeyF7}
	shortcutQuotes  = &desktop.CustomShortcut{KeyName: fyne.Key2, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutArticle = &desktop.CustomShortcut{KeyName: fyne.Key1, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutCompare = &desktop.CustomShortcut{KeyName: fyne.Key3, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutFind    = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutReplace = &desktop.CustomShortcut{KeyName: fyne.KeyH, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutNewNote = &desktop.CustomShortcut{KeyName: fyne.KeyM, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierAlt}
	shortcutNextChg = &desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: fyne.KeyModifierAlt}
	shortcutPrevChg = &desktop.CustomShortcut{KeyName: fyne.KeyUp, Modifier: fyne.KeyModifierAlt}
	shortcutAccept  = &desktop.CustomShortcut{KeyName: fyne.KeyA, Modifier: fyne.KeyModifierAlt}
	shortcutReject  = &desktop.CustomShortcut{KeyName: fyne.KeyR, Modifier: fyne.KeyModifierAlt}
)

func (w *Workspace) addShortcuts() {
	c := w.win.Canvas()
	c.AddShortcut(shortcutNew, func(fyne.Shortcut) { w.onNewArticle() })
	c.AddShortcut(shortcutImport, func(fyne.Shortcut) { w.onImport() })
	c.AddShortcut(shortcutExport, func(fyne.Shortcut) { w.onExport() })
	c.AddShortcut(shortcutSave, func(fyne.Shortcut) { w.onSaveRevision() })
	c.AddShortcut(shortcutQuit, func(fyne.Shortcut) { w.onClose() })
	c.AddShortcut(shortcutSearch, func(fyne.Shortcut) { c.Focus(w.library.search) })
	c.AddShortcut(shortcutLibrary, func(fyne.Shortcut) { w.toggleLibrary() })
	c.SetOnTypedKey(func(k *fyne.KeyEvent) {
		if !w.dialogKey(k) {
			w.onFunctionKey(k)
		}
	})
	c.AddShortcut(shortcutQuotes, func(fyne.Shortcut) { w.showQuoteSheet() })
	c.AddShortcut(shortcutArticle, func(fyne.Shortcut) {
		w.mainTabs.SelectIndex(0)
		c.Focus(w.edit.ed)
	})
}

func (w *Workspace) toggleLibrary() {
	if w.library.content.Visible() {
		w.library.content.Hide()
		w.split.SetOffset(0)
	} else {
		w.library.content.Show()
		w.split.SetOffset(w.app.Preferences().FloatWithFallback(prefSplitLibrary, defaultLibrarySplit))
	}
}

func (w *Workspace) mainMenu() *fyne.MainMenu {
	item := func(label string, sc fyne.Shortcut, fn func()) *fyne.MenuItem {
		m := fyne.NewMenuItem(label, fn)
		m.Shortcut = sc
		return m
	}
	quit := item("Quit", shortcutQuit, w.onClose)
	quit.IsQuit = true
	file := fyne.NewMenu("File",
		item("New Article", shortcutNew, w.onNewArticle),
		item("Import…", shortcutImport, w.onImport),
		fyne.NewMenuItem("Import Folder…", w.onImportFolder),
		item("Export…", shortcutExport, w.onExport),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Preferences…", func() { w.showPreferences() }),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	entryShortcut := func(label string, sc fyne.Shortcut) *fyne.MenuItem {
		return item(label, sc, func() {
			if f, ok := w.win.Canvas().Focused().(fyne.Shortcutable); ok {
				f.TypedShortcut(sc)
			}
		})
	}
	edit := fyne.NewMenu("Edit",
		entryShortcut("Undo", &fyne.ShortcutUndo{}),
		entryShortcut("Redo", &fyne.ShortcutRedo{}),
		fyne.NewMenuItemSeparator(),
		entryShortcut("Cut", &fyne.ShortcutCut{}),
		entryShortcut("Copy", &fyne.ShortcutCopy{}),
		entryShortcut("Paste", &fyne.ShortcutPaste{}),
		entryShortcut("Select All", &fyne.ShortcutSelectAll{}),
		fyne.NewMenuItemSeparator(),
		item("Find…", shortcutFind, func() { w.showFind(false) }),
		item("Find and Replace…", shortcutReplace, func() { w.showFind(true) }),
	)
	measure := fyne.NewMenuItem("Readable Line Length", nil)
	measure.Checked = w.app.Preferences().BoolWithFallback(prefReadableMeasure, true)
	measure.Action = func() {
		measure.Checked = !measure.Checked
		w.setReadableMeasure(measure.Checked)
		w.win.MainMenu().Refresh()
	}
	view := fyne.NewMenu("View",
		item("Show/Hide Library", shortcutLibrary, w.toggleLibrary),
		measure,
		item("Search Library", shortcutSearch, func() { w.win.Canvas().Focus(w.library.search) }),
		fyne.NewMenuItem("Notes Panel", func() { w.sideTabs.SelectIndex(0) }),
		item("Article", shortcutArticle, func() { w.mainTabs.SelectIndex(0); w.win.Canvas().Focus(w.edit.ed) }),
		item("Quote Sheet", shortcutQuotes, w.showQuoteSheet),
		fyne.NewMenuItem("Sources Panel", func() { w.sideTabs.SelectIndex(1) }),
		fyne.NewMenuItem("Revisions Panel", func() { w.sideTabs.SelectIndex(2) }),
	)
	inCompare := func(fn func()) func() {
		return func() {
			if w.mainTabs.SelectedIndex() == 2 {
				fn()
			}
		}
	}
	review := fyne.NewMenu("Review",
		item("Check Now", shortcutCheck, w.Review),
		item("Next Note", &desktop.CustomShortcut{KeyName: fyne.KeyF8}, func() { w.notes.step(1) }),
		item("Previous Note", &desktop.CustomShortcut{KeyName: fyne.KeyF8, Modifier: fyne.KeyModifierShift}, func() { w.notes.step(-1) }),
		item("New Note on Selection…", shortcutNewNote, w.onNewNote),
		item("Quote Sheet", shortcutQuotes, w.showQuoteSheet),
		fyne.NewMenuItemSeparator(),
		item("Compare Revisions", shortcutCompare, w.ShowCompare),
		item("Next Change", shortcutNextChg, inCompare(func() { w.compare.Step(1) })),
		item("Previous Change", shortcutPrevChg, inCompare(func() { w.compare.Step(-1) })),
		item("Accept Change", shortcutAccept, inCompare(func() { w.compare.Decide(accepted) })),
		item("Reject Change", shortcutReject, inCompare(func() { w.compare.Decide(rejected) })),
		fyne.NewMenuItemSeparator(),
		item("Save Revision…", shortcutSave, w.onSaveRevision),
	)
	help := fyne.NewMenu("Help",
		fyne.NewMenuItem("Keyboard Shortcuts", w.showShortcuts),
		fyne.NewMenuItem("About Copydesk", w.showAbout),
	)
	return fyne.NewMainMenu(file, edit, view, review, help)
}

func (w *Workspace) showShortcuts() {
	w.showInformation("Keyboard Shortcuts", w.shortcutSheet())
}

// shortcutSheet lists every menu command that has a shortcut, as the menus
// show it, then the keys that work without a menu command.
func (w *Workspace) shortcutSheet() string {
	var lines []string
	for _, m := range w.mainMenu().Items {
		for _, it := range m.Items {
			if ks, ok := it.Shortcut.(fyne.KeyboardShortcut); ok {
				lines = append(lines, shortcutLabel(ks)+"  "+strings.TrimSuffix(it.Label, "…"))
			}
		}
	}
	lines = append(lines, "",
		"F8 / Shift+F8  Next / previous finding or note",
		"Ctrl+Shift+Z  Redo (as Ctrl+Y)",
		"Alt+Down / Alt+Up  Next / previous change (compare)",
		"Alt+A / Alt+R  Accept / reject the change (compare)",
		"Enter / Shift+Enter  Next / previous match (find bar)",
		"Enter, Ctrl+Enter  Confirm a dialog (Ctrl+Enter in a text box)",
		"Esc  Close the find bar or a dialog",
	)
	return strings.Join(lines, "\n")
}

// shortcutLabel writes a shortcut the way the menus show it: Ctrl+Shift+L.
func shortcutLabel(s fyne.KeyboardShortcut) string {
	var b strings.Builder
	mod := s.Mod()
	for _, m := range []struct {
		mod  fyne.KeyModifier
		name string
	}{{fyne.KeyModifierControl, "Ctrl"}, {fyne.KeyModifierSuper, "Super"}, {fyne.KeyModifierAlt, "Alt"}, {fyne.KeyModifierShift, "Shift"}} {
		if mod&m.mod != 0 {
			b.WriteString(m.name + "+")
		}
	}
	b.WriteString(string(s.Key()))
	return b.String()
}

func (w *Workspace) showAbout() {
	md := w.app.Metadata()
	w.showInformation("About Copydesk",
		fmt.Sprintf("Copydesk %s\nQuote and attribution review for the copy desk.", md.Version))
}

// onNewArticle creates an empty article and opens it.
func (w *Workspace) onNewArticle() {
	a, _, err := w.store.CreateArticle(context.Background(), editor.Article{Title: "Untitled"}, "Untitled\n", "new", w.opts.Author)
	if err != nil {
		w.showError(err)
		return
	}
	w.library.reload()
	w.openArticle(a.ID)
}

// ImportFile stores the file at path as a new article and opens it.
func (w *Workspace) ImportFile(path string) error {
	sum := w.importPaths([]string{path}, nil)
	if len(sum.Skipped) > 0 {
		return fmt.Errorf("%s: %s", filepath.Base(path), sum.Skipped[0].Reason)
	}
	w.finishImport(sum)
	return nil
}

// ExportFile writes the text in the editing pane to path as plain text,
// atomically.
func (w *Workspace) ExportFile(path string) error {
	return w.ExportAs(path, convert.FormatText, 0, 0)
}

// fitToScreen shrinks the window to the screen when the remembered size is
// larger (a size saved on another monitor).
func (w *Workspace) fitToScreen() {
	screen, ok := screenSize(w.win.Canvas())
	if !ok {
		return
	}
	size := w.win.Canvas().Size()
	if fit := clampSize(size, screen); fit != size {
		w.win.Resize(fit)
	}
}

// clampSize fits want inside screen, leaving room for the window frame and
// the desktop's panels.
func clampSize(want, screen fyne.Size) fyne.Size {
	const margin = 48
	return fyne.NewSize(min(want.Width, max(screen.Width-margin, 640)), min(want.Height, max(screen.Height-margin, 480)))
}

// prefReadableMeasure keeps whether the text column is capped at a
// readable line length.
const prefReadableMeasure = "view.readableMeasure"

// setReadableMeasure caps the article's text column at a readable line
// length (about 85 characters, centred) or lets it run the pane's width,
// and remembers the choice.
func (w *Workspace) setReadableMeasure(on bool) {
	w.edit.setReadableMeasure(on)
	w.app.Preferences().SetBool(prefReadableMeasure, on)
}

// Notes returns the article's notes as the notes panel holds them.
func (w *Workspace) Notes() []editor.Note { return w.storedNotes }

// Sources returns the article's sources as the sources panel lists them.
func (w *Workspace) Sources() []editor.Source { return w.sourceList }
