package app

import (
	"errors"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// PrefAuthor is the preference that holds the name the editor works
// under: notes and revisions carry it, and a shared desk keeps working
// copies and shows presence by it.
const PrefAuthor = "editor.author"

// Preference keys, kept in Fyne's per-user preferences.
const (
	prefWindowWidth     = "window.width"
	prefWindowHeight    = "window.height"
	prefLastArticle     = "article.last"
	prefSplitLibrary    = "layout.library"
	prefSplitSidebar    = "layout.sidebar"
	defaultWindowW      = 1200
	defaultWindowH      = 800
	defaultLibrarySplit = 0.22
	defaultSidebarSplit = 0.70
)

// maxAuthorRunes is the longest user name taken: a name, not a note.
const maxAuthorRunes = 80

// loadAuthor makes the user name set in Preferences the author of what the
// editor writes from now on. With none set yet, Options.Author (the OS
// user name) stands, and when Options.AskAuthor is set the editor is
// asked for their name, once.
func (w *Workspace) loadAuthor() {
	if name := strings.TrimSpace(w.app.Preferences().String(PrefAuthor)); name != "" {
		w.opts.Author = name
		return
	}
	if w.opts.AskAuthor {
		w.askAuthor()
	}
}

// SetAuthor sets the desk's user name: the author of the notes, replies,
// revisions and tracked changes the editor makes from now on, kept in the
// preferences.
func (w *Workspace) SetAuthor(name string) error {
	name, err := cleanAuthor(name)
	if err != nil {
		return err
	}
	w.app.Preferences().SetString(PrefAuthor, name)
	w.opts.Author = name
	return nil
}

// cleanAuthor trims a user name and refuses one that cannot be shown on a
// line of its own.
func cleanAuthor(name string) (string, error) {
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		return "", errors.New("the name is empty")
	case len([]rune(name)) > maxAuthorRunes:
		return "", errors.New("the name is too long")
	case strings.IndexFunc(name, unicode.IsControl) >= 0:
		return "", errors.New("the name cannot hold line breaks or tabs")
	}
	return name, nil
}

// preferencesDialog is the Preferences window: for now the user name.
type preferencesDialog struct {
	name   *dialogEntry
	dialog *dialog.FormDialog
}

// authorIntro says what the user name is for.
const authorIntro = "Notes, replies, saved revisions and the tracked changes of exported redlines carry this name."

// newPreferencesDialog builds the preferences form; the title, intro and
// dismiss button differ between the first-run question and the
// Preferences menu.
func (w *Workspace) newPreferencesDialog(title, intro, dismiss string) *preferencesDialog {
	d := &preferencesDialog{name: newDialogEntry()}
	d.name.SetText(w.opts.Author)
	d.name.SetPlaceHolder("e.g. Maya Lin")
	d.name.Validator = func(s string) error { _, err := cleanAuthor(s); return err }
	about := widget.NewLabel(intro)
	about.Wrapping = fyne.TextWrapWord
	d.dialog = dialog.NewForm(title, "Save", dismiss, []*widget.FormItem{
		widget.NewFormItem("", about),
		widget.NewFormItem("Your name", d.name),
	}, func(ok bool) {
		if ok {
			if err := w.SetAuthor(d.name.Text); err != nil {
				w.showError(err)
			}
		}
	}, w.win)
	d.dialog.Resize(fyne.NewSize(460, 220))
	return d
}

// showPreferences opens the Preferences dialog (File ▸ Preferences…).
func (w *Workspace) showPreferences() *preferencesDialog {
	d := w.newPreferencesDialog("Preferences", authorIntro, "Cancel")
	w.showDialog(d.dialog, d.name, d.dialog.Submit, d.name)
	return d
}

// askAuthor asks a new user for their name, offering the OS user name;
// Skip keeps that, so the question is asked only once.
func (w *Workspace) askAuthor() *preferencesDialog {
	d := w.newPreferencesDialog("Your Name on the Desk", authorIntro+" You can change it in File ▸ Preferences.", "Skip")
	d.dialog.SetOnClosed(func() {
		if w.app.Preferences().String(PrefAuthor) == "" {
			if name, err := cleanAuthor(w.opts.Author); err == nil {
				w.app.Preferences().SetString(PrefAuthor, name)
			}
		}
	})
	w.showDialog(d.dialog, d.name, d.dialog.Submit, d.name)
	return d
}
