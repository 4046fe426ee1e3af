package app

// Preference keys, kept in Fyne's per-user preferences.
const (
	prefWindowWidth     = "window.width"
	prefWindowHeight    = "window.height"
	prefLastArticle     = "article.last"
	prefSplitLibrary    = "layout.library"
	prefSplitSidebar    = "layout.sidebar"
	prefAuthor          = "editor.author"
	defaultWindowW      = 1200
	defaultWindowH      = 800
	defaultLibrarySplit = 0.22
	defaultSidebarSplit = 0.70
)
