package editor

import "time"

// Article is a story under review. Its text lives in its revisions and in
// the editor's working copy.
type Article struct {
	ID      int64
	Title   string
	Slug    string
	Byline  string
	Created time.Time
	Updated time.Time
}

// Revision is one frozen, numbered version of an article's text. Revisions
// are append-only: once stored they never change.
type Revision struct {
	ArticleID int64
	Number    int
	Label     string
	Author    string
	Text      string
	Created   time.Time
}

// WorkingCopy is the editor's unsaved text of an article, autosaved while
// they type. Base is the revision number it was started from.
type WorkingCopy struct {
	ArticleID int64
	Base      int
	Text      string
	Updated   time.Time
}

// SourceKind says what kind of material a source is.
type SourceKind string

// Kinds of source material an article is written from.
const (
	SourceNotes         SourceKind = "notes"
	SourceTranscript    SourceKind = "transcript"
	SourceWire          SourceKind = "wire"
	SourcePressRelease  SourceKind = "press-release"
	SourceOtherMaterial SourceKind = "other"
)

// Valid reports whether k is one of the known kinds.
func (k SourceKind) Valid() bool {
	switch k {
	case SourceNotes, SourceTranscript, SourceWire, SourcePressRelease, SourceOtherMaterial:
		return true
	}
	return false
}

// Source is material attached to an article: interview notes, a transcript,
// wire copy, a press release.
type Source struct {
	ID        int64
	ArticleID int64
	Title     string
	Kind      SourceKind
	Text      string
	Created   time.Time
}

// NoteStatus is where an editor note stands.
type NoteStatus string

// Note statuses.
const (
	NoteOpen      NoteStatus = "open"
	NoteResolved  NoteStatus = "resolved"
	NoteDismissed NoteStatus = "dismissed"
)

// Valid reports whether s is one of the known statuses.
func (s NoteStatus) Valid() bool {
	return s == NoteOpen || s == NoteResolved || s == NoteDismissed
}

// Anchor ties a note to its words: the byte span in the revision it was
// made on, the exact text of that span and a little context either side, so
// the note can be found again after the text is edited.
type Anchor struct {
	Span   Span
	Exact  string
	Prefix string
	Suffix string
}

// AnchorContext is how many bytes of context (at most, kept on rune
// boundaries) an anchor stores either side of its text.
const AnchorContext = 32

// NewAnchor builds the anchor for span in text, with up to AnchorContext
// bytes of context either side.
func NewAnchor(text string, span Span) Anchor {
	lo := span.Start - AnchorContext
	if lo < 0 {
		lo = 0
	}
	for lo < span.Start && !onRuneBoundary(text, lo) {
		lo++
	}
	hi := span.End + AnchorContext
	if hi > len(text) {
		hi = len(text)
	}
	for hi > span.End && !onRuneBoundary(text, hi) {
		hi--
	}
	return Anchor{
		Span:   span,
		Exact:  text[span.Start:span.End],
		Prefix: text[lo:span.Start],
		Suffix: text[span.End:hi],
	}
}

// Note is what an editor keeps about a passage: a finding they accepted
// (Check names it) or a comment of their own (Check is empty).
type Note struct {
	ID        int64
	ArticleID int64
	Revision  int
	Check     string
	Severity  Severity
	Status    NoteStatus
	Message   string
	Author    string
	Anchor    Anchor
	Orphaned  bool
	Created   time.Time
	Updated   time.Time
}

// ArticleSummary is one row of the article library: the article with its
// revision count, latest revision number and open notes.
type ArticleSummary struct {
	Article
	Revisions      int
	LatestRevision int
	OpenNotes      int
}

// Reply is one message in the discussion thread under a note.
type Reply struct {
	ID      int64
	NoteID  int64
	Author  string
	Text    string
	Created time.Time
}

// Thread is a note with the discussion under it, as a Word comment
// carries its replies.
type Thread struct {
	Note    Note
	Replies []Reply
}

// ArticleFilter selects the articles ListArticles returns.
type ArticleFilter struct {
	// Query, when not blank, keeps the articles whose title contains it,
	// or whose title, latest revision, working copy, notes or note replies
	// contain all its words (the last word may be the start of a word).
	Query string
	// Trashed lists the articles in the trash instead of the others.
	Trashed bool
}

// NoteFilter selects the notes Notes returns. The zero filter selects all
// of an article's notes.
type NoteFilter struct {
	// Status keeps the notes with this status; "" keeps all.
	Status NoteStatus
	// Check keeps the notes raised by the check with this name; "" keeps
	// all.
	Check string
	// Comments keeps only the editors' own notes, those no check raised.
	// It cannot be combined with Check.
	Comments bool
	// Revision keeps the notes made on this revision; 0 keeps all.
	Revision int
}

// SearchHit is an article, or one of its notes, whose text matches a
// search.
type SearchHit struct {
	ArticleID int64
	// Title is the article's title.
	Title string
	// NoteID is the note that matched, or 0 when the article's title, latest
	// revision or working copy matched.
	NoteID int64
	// Snippet is a short passage around the matches, "…" marking where
	// text was cut.
	Snippet string
	// Highlights are the matched words, as byte spans into Snippet.
	Highlights []Span
}
