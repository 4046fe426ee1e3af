package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"copydesk/editor"
	"copydesk/editor/convert"
	"copydesk/storage"
)

// parseMixed parses flags wherever they stand among the arguments, as a
// script passing "notes add 3 --find said" expects, and returns the
// arguments that are not flags.
func parseMixed(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := parse(fs, args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return rest, nil
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// subcommand is one verb of a command with verbs (source add, notes list).
type subcommand struct {
	name, synopsis string
	run            func(ctx context.Context, verb string, args []string, stdout, stderr io.Writer) error
}

func runSubcommand(ctx context.Context, cmd string, subs []subcommand, args []string, stdout, stderr io.Writer) error {
	usage := func() {
		fmt.Fprintf(stderr, "Usage:\n")
		for _, s := range subs {
			fmt.Fprintf(stderr, "  copydesk %s %s\n", cmd, s.synopsis)
		}
		fmt.Fprintf(stderr, "\nRun \"copydesk %s VERB --help\" for a verb's options.\n", cmd)
	}
	if len(args) == 0 {
		usage()
		return badInput("want one of %s", verbs(subs))
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage()
		return flag.ErrHelp
	}
	for _, s := range subs {
		if s.name == args[0] {
			return s.run(ctx, s.synopsis, args[1:], stdout, stderr)
		}
	}
	usage()
	return badInput("unknown %s verb %q (want one of %s)", cmd, args[0], verbs(subs))
}

func verbs(subs []subcommand) string {
	var names []string
	for _, s := range subs {
		names = append(names, s.name)
	}
	return strings.Join(names, ", ")
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// verbArgs parses a verb's flags, wherever they stand, and its words:
// exactly n of them (at least n when more is true), the first an ID of
// kind ("article", "note"); want says what the words are, for the usage
// message. format, when not nil, must name text or json.
func verbArgs(fs *flag.FlagSet, args []string, format *string, n int, more bool, kind, want string) ([]string, int64, error) {
	pos, err := parseMixed(fs, args)
	if err != nil {
		return nil, 0, err
	}
	if format != nil {
		if err := checkFormat(*format); err != nil {
			return nil, 0, err
		}
	}
	if len(pos) < n || len(pos) > n && !more {
		fs.Usage()
		return nil, 0, badInput("want %s", want)
	}
	id, err := parseID(pos[0])
	if err != nil && kind != "article" {
		err = badInput("%q is not a %s ID", pos[0], kind)
	}
	return pos, id, err
}

// ---- copydesk source ----

func cmdSource(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return runSubcommand(ctx, "source", []subcommand{
		{"add", "add [--db PATH] [--title T] [--kind K] ID FILE", sourceAdd},
		{"list", "list [--db PATH] [--format text|json] ID", sourceList},
		{"show", "show [--db PATH] [--format text|json] ID SOURCE-ID", sourceShow},
		{"remove", "remove [--db PATH] ID SOURCE-ID", sourceRemove},
	}, args, stdout, stderr)
}

func sourceKinds() string {
	return strings.Join([]string{string(editor.SourceNotes), string(editor.SourceTranscript), string(editor.SourceWire),
		string(editor.SourcePressRelease), string(editor.SourceOtherMaterial)}, ", ")
}

func sourceAdd(ctx context.Context, synopsis string, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("source add", "source "+synopsis, stderr)
	db := dbFlag(fs)
	title := fs.String("title", "", "the source's `TITLE` (default: the file's name)")
	kind := fs.String("kind", string(editor.SourceNotes), "what the source is: `KIND` ("+sourceKinds()+")")
	pos, id, err := verbArgs(fs, args, nil, 2, false, "article", "an article ID and a file")
	if err != nil {
		return err
	}
	if !editor.SourceKind(*kind).Valid() {
		return badInput("unknown source kind %q (want one of %s)", *kind, sourceKinds())
	}
	text, err := readFileWith(convert.ReadForStore, pos[1], stderr)
	if err != nil {
		return err
	}
	if *title == "" {
		*title = filepath.Base(pos[1])
	}
	store, _, _, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	if _, err := store.Article(ctx, id); err != nil {
		return articleError(id, err)
	}
	s, err := store.AddSource(ctx, editor.Source{ArticleID: id, Title: oneLine(*title), Kind: editor.SourceKind(*kind), Text: text})
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, s.ID)
	return nil
}

// articleError says plainly that an article is not in the desk.
func articleError(id int64, err error) error {
	if errors.Is(err, storage.ErrNotFound) {
		return badInput("no article %d in this desk (copydesk list shows them)", id)
	}
	return err
}

type sourceJSON struct {
	ID      int64     `json:"id"`
	Article int64     `json:"article"`
	Title   string    `json:"title"`
	Kind    string    `json:"kind"`
	Words   int       `json:"words"`
	Added   time.Time `json:"added"`
	Text    string    `json:"text,omitempty"`
}

func toSourceJSON(s editor.Source, withText bool) sourceJSON {
	j := sourceJSON{ID: s.ID, Article: s.ArticleID, Title: s.Title, Kind: string(s.Kind), Words: len(strings.Fields(s.Text)), Added: s.Created}
	if withText {
		j.Text = s.Text
	}
	return j
}

func sourceList(ctx context.Context, synopsis string, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("source list", "source "+synopsis, stderr)
	db := dbFlag(fs)
	format := formatFlag(fs)
	_, id, err := verbArgs(fs, args, format, 1, false, "article", "an article ID")
	if err != nil {
		return err
	}
	store, _, _, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	if _, err := store.Article(ctx, id); err != nil {
		return articleError(id, err)
	}
	list, err := store.Sources(ctx, id)
	if err != nil {
		return err
	}
	if *format == "json" {
		rows := make([]sourceJSON, 0, len(list))
		for _, s := range list {
			rows = append(rows, toSourceJSON(s, false))
		}
		return writeJSON(stdout, map[string]any{"sources": rows})
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tKIND\tWORDS\tADDED\tTITLE")
	for _, s := range list {
		fmt.Fprintf(tw, "%d\t%s\t%d\t%s\t%s\n", s.ID, s.Kind, len(strings.Fields(s.Text)), s.Created.Local().Format("2006-01-02 15:04"), s.Title)
	}
	return tw.Flush()
}

// articleSource returns source sid, refusing one of another article.
func articleSource(ctx context.Context, store *storage.DB, id int64, arg string) (editor.Source, error) {
	sid, err := parseID(arg)
	if err != nil {
		return editor.Source{}, badInput("%q is not a source ID", arg)
	}
	s, err := store.Source(ctx, sid)
	if errors.Is(err, storage.ErrNotFound) || (err == nil && s.ArticleID != id) {
		return editor.Source{}, badInput("article %d has no source %d (copydesk source list %d shows them)", id, sid, id)
	}
	return s, err
}

func sourceShow(ctx context.Context, synopsis string, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("source show", "source "+synopsis, stderr)
	db := dbFlag(fs)
	format := formatFlag(fs)
	pos, id, err := verbArgs(fs, args, format, 2, false, "article", "an article ID and a source ID")
	if err != nil {
		return err
	}
	store, _, _, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	s, err := articleSource(ctx, store, id, pos[1])
	if err != nil {
		return err
	}
	if *format == "json" {
		return writeJSON(stdout, toSourceJSON(s, true))
	}
	_, err = io.WriteString(stdout, strings.TrimRight(s.Text, "\n")+"\n")
	return err
}

func sourceRemove(ctx context.Context, synopsis string, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("source remove", "source "+synopsis, stderr)
	db := dbFlag(fs)
	pos, id, err := verbArgs(fs, args, nil, 2, false, "article", "an article ID and a source ID")
	if err != nil {
		return err
	}
	store, _, _, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	s, err := articleSource(ctx, store, id, pos[1])
	if err != nil {
		return err
	}
	return store.DeleteSource(ctx, s.ID)
}

// ---- copydesk notes ----

func cmdNotes(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return runSubcommand(ctx, "notes", []subcommand{
		{"list", "list [--db PATH] [--format text|json] [--status S] [--check NAME] ID", notesList},
		{"add", "add [--db PATH] [--author A] [--working] (--find TEXT | --start N --end M) ID MESSAGE", notesAdd},
		{"reply", "reply [--db PATH] [--author A] NOTE-ID TEXT", notesReply},
		{"resolve", "resolve [--db PATH] NOTE-ID", notesSetStatus},
		{"dismiss", "dismiss [--db PATH] NOTE-ID", notesSetStatus},
		{"reopen", "reopen [--db PATH] NOTE-ID", notesSetStatus},
	}, args, stdout, stderr)
}

type replyJSON struct {
	ID      int64     `json:"id"`
	Author  string    `json:"author"`
	Text    string    `json:"text"`
	Created time.Time `json:"created"`
}

type noteJSON struct {
	ID       int64       `json:"id"`
	Article  int64       `json:"article"`
	Revision int         `json:"revision"`
	Status   string      `json:"status"`
	Check    string      `json:"check"`
	Severity string      `json:"severity"`
	Author   string      `json:"author"`
	Message  string      `json:"message"`
	Start    int         `json:"start"`
	End      int         `json:"end"`
	Anchor   string      `json:"anchor_text"`
	Orphaned bool        `json:"orphaned"`
	Created  time.Time   `json:"created"`
	Updated  time.Time   `json:"updated"`
	Replies  []replyJSON `json:"replies"`
}

func notesList(ctx context.Context, synopsis string, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("notes list", "notes "+synopsis, stderr)
	db := dbFlag(fs)
	format := formatFlag(fs)
	status := fs.String("status", "", "only notes with `STATUS` (open, resolved, dismissed)")
	check := fs.String("check", "", "only notes raised by the check `NAME` (\"comment\" for the editors' own)")
	_, id, err := verbArgs(fs, args, format, 1, false, "article", "an article ID")
	if err != nil {
		return err
	}
	filter := editor.NoteFilter{Status: editor.NoteStatus(*status), Check: *check}
	if *status != "" && !filter.Status.Valid() {
		return badInput("unknown status %q (want open, resolved or dismissed)", *status)
	}
	if *check == "comment" {
		filter.Check, filter.Comments = "", true
	}
	store, _, _, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	if _, err := store.Article(ctx, id); err != nil {
		return articleError(id, err)
	}
	notes, err := store.Notes(ctx, id, filter)
	if err != nil {
		return err
	}
	if *format == "json" {
		rows := make([]noteJSON, 0, len(notes))
		for _, n := range notes {
			replies, err := store.Replies(ctx, n.ID)
			if err != nil {
				return err
			}
			j := noteJSON{ID: n.ID, Article: n.ArticleID, Revision: n.Revision, Status: string(n.Status), Check: n.Check,
				Severity: n.Severity.String(), Author: n.Author, Message: n.Message, Start: n.Anchor.Span.Start, End: n.Anchor.Span.End,
				Anchor: n.Anchor.Exact, Orphaned: n.Orphaned, Created: n.Created, Updated: n.Updated, Replies: []replyJSON{}}
			for _, r := range replies {
				j.Replies = append(j.Replies, replyJSON{r.ID, r.Author, r.Text, r.Created})
			}
			rows = append(rows, j)
		}
		return writeJSON(stdout, map[string]any{"notes": rows})
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSTATUS\tCHECK\tAUTHOR\tWORDS\tMESSAGE")
	for _, n := range notes {
		check := n.Check
		if check == "" {
			check = "comment"
		}
		words := shorten(n.Anchor.Exact, 30)
		if n.Orphaned {
			words = "(gone) " + words
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", n.ID, n.Status, check, oneLine(n.Author), oneLine(words), shorten(oneLine(n.Message), 70))
	}
	return tw.Flush()
}

// shorten cuts s to at most n characters, ending in "…".
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

func notesAdd(ctx context.Context, synopsis string, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("notes add", "notes "+synopsis, stderr)
	db := dbFlag(fs)
	author := fs.String("author", currentUser(), "who writes the note, `NAME`")
	working := fs.Bool("working", false, "anchor on the autosaved working copy (unsaved edits) instead of the latest revision")
	find := fs.String("find", "", "anchor on the words `TEXT` (they must occur once)")
	start := fs.Int("start", -1, "anchor from byte offset `N` of the text")
	end := fs.Int("end", -1, "anchor to byte offset `M` of the text")
	pos, id, err := verbArgs(fs, args, nil, 2, true, "article", "an article ID and a message")
	if err != nil {
		return err
	}
	message := strings.TrimSpace(strings.Join(pos[1:], " "))
	if message == "" {
		return badInput("the note's message is empty")
	}
	if (*find == "") == (*start < 0 && *end < 0) {
		return badInput("say which words the note is on: --find TEXT, or --start and --end")
	}
	store, _, _, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	text, rev, err := noteText(ctx, store, id, *working)
	if err != nil {
		return err
	}
	span, err := noteSpan(text, *find, *start, *end)
	if err != nil {
		return err
	}
	n, err := store.AddNote(ctx, editor.Note{ArticleID: id, Revision: rev, Status: editor.NoteOpen, Message: message,
		Author: oneLine(*author), Anchor: editor.NewAnchor(text, span)})
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, n.ID)
	return nil
}

// noteText is the text a new note is anchored on and its revision: the
// latest revision, or the working copy and the revision it started from.
func noteText(ctx context.Context, store *storage.DB, id int64, working bool) (string, int, error) {
	if working {
		wc, err := store.WorkingCopy(ctx, id)
		if errors.Is(err, storage.ErrNotFound) {
			return "", 0, badInput("article %d has no working copy (no unsaved edits)", id)
		}
		if err != nil {
			return "", 0, err
		}
		return wc.Text, wc.Base, nil
	}
	rev, err := store.LatestRevision(ctx, id)
	if err != nil {
		return "", 0, articleError(id, err)
	}
	return rev.Text, rev.Number, nil
}

// noteSpan finds the words a note is on.
func noteSpan(text, find string, start, end int) (editor.Span, error) {
	if find != "" {
		at := strings.Index(text, find)
		if at < 0 {
			return editor.Span{}, badInput("%q is not in the text", find)
		}
		if n := strings.Count(text, find); n > 1 {
			return editor.Span{}, badInput("%q occurs %d times in the text; give more words, or --start and --end", find, n)
		}
		return editor.Span{Start: at, End: at + len(find)}, nil
	}
	if start < 0 || end <= start || end > len(text) {
		return editor.Span{}, badInput("--start %d --end %d is not a span of the text (0 to %d bytes)", start, end, len(text))
	}
	if !utf8.ValidString(text[start:end]) || !utf8.RuneStart(text[start]) || (end < len(text) && !utf8.RuneStart(text[end])) {
		return editor.Span{}, badInput("--start %d --end %d cuts a character in two", start, end)
	}
	return editor.Span{Start: start, End: end}, nil
}

func notesReply(ctx context.Context, synopsis string, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("notes reply", "notes "+synopsis, stderr)
	db := dbFlag(fs)
	author := fs.String("author", currentUser(), "who replies, `NAME`")
	pos, nid, err := verbArgs(fs, args, nil, 2, true, "note", "a note ID and the reply")
	if err != nil {
		return err
	}
	text := strings.TrimSpace(strings.Join(pos[1:], " "))
	if text == "" {
		return badInput("the reply is empty")
	}
	store, _, _, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	r, err := store.AddReply(ctx, nid, oneLine(*author), text)
	if errors.Is(err, storage.ErrNotFound) {
		return badInput("no note %d in this desk", nid)
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, r.ID)
	return nil
}

func notesSetStatus(ctx context.Context, synopsis string, args []string, stdout, stderr io.Writer) error {
	verb, _, _ := strings.Cut(synopsis, " ")
	status := map[string]editor.NoteStatus{"resolve": editor.NoteResolved, "dismiss": editor.NoteDismissed, "reopen": editor.NoteOpen}[verb]
	fs := newFlags("notes "+verb, "notes "+synopsis, stderr)
	db := dbFlag(fs)
	_, nid, err := verbArgs(fs, args, nil, 1, false, "note", "a note ID")
	if err != nil {
		return err
	}
	store, _, _, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	n, err := store.Note(ctx, nid)
	if errors.Is(err, storage.ErrNotFound) {
		return badInput("no note %d in this desk", nid)
	}
	if err != nil {
		return err
	}
	n.Status = status
	_, err = store.UpdateNote(ctx, n)
	return err
}
