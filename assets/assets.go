// Package assets holds Copydesk's icon and the bundled sample article with
// the source it was written from.
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var iconPNG []byte

// SampleArticle is the draft seeded into a new, empty database so the app
// never opens empty. Its first line is the headline.
//
//go:embed sample-article.txt
var SampleArticle string

// SampleSource is the reporter's notes the sample article was written from.
//
//go:embed sample-source.txt
var SampleSource string

// SampleSourceTitle is the title the sample source is stored under.
const SampleSourceTitle = "Harbor board meeting — notes and transcript"

// Icon is the application icon.
var Icon = fyne.NewStaticResource("icon.png", iconPNG)
