package storage

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
)

// How many editors TestEditorsTogether starts, on how many articles, for
// how long.
const (
	editorsCount    = 20
	editorsArticles = 4
	// editorsWorking is how long the editors work: a minute, in which
	// twenty editors who never pause make thousands of writes that
	// collide on the same articles and notes. -short cuts it to
	// editorsWorkingShort.
	editorsWorking      = 60 * time.Second
	editorsWorkingShort = 3 * time.Second
)

// Environment of an editor process started by TestEditorsTogether.
const (
	editorNameEnv     = "COPYDESK_STORAGE_EDITOR"
	editorDeskEnv     = "COPYDESK_STORAGE_EDITOR_DESK"
	editorArticlesEnv = "COPYDESK_STORAGE_EDITOR_ARTICLES"
	editorForEnv      = "COPYDESK_STORAGE_EDITOR_FOR"
	editorLogEnv      = "COPYDESK_STORAGE_EDITOR_LOG"
)

// editorAck is one line of an editor's log: a write the desk
// acknowledged, or (op "done") what the editor did in all.
type editorAck struct {
	Op      string `json:"op"` // revision, note, reply, status or done
	Article int64  `json:"article,omitempty"`
	// A revision: its number, how it was made (add: AddRevision; commit:
	// CommitWorkingCopy) and the SHA-256 of its text.
	Number int    `json:"number,omitempty"`
	Via    string `json:"via,omitempty"`
	SHA    string `json:"sha,omitempty"`
	// A note (op note), a reply to it (op reply) or a change of its
	// status (op status): Text is the note's message or the reply.
	Note  int64  `json:"note,omitempty"`
	Reply int64  `json:"reply,omitempty"`
	Text  string `json:"text,omitempty"`
	// A change of status: the status set, the mark it put in the
	// message, and the mark the message had when the editor read it.
	Status string `json:"status,omitempty"`
	Mark   string `json:"mark,omitempty"`
	Base   string `json:"base,omitempty"`
	// Counts of operations and of conflicts handled (op done).
	Counts map[string]int `json:"counts,omitempty"`
}

func editorName(i int) string { return fmt.Sprintf("editor%02d", i+1) }

// editorWord is a word only editor i writes, in every note, reply and
// paragraph of theirs, for search to find.
func editorWord(i int) string { return fmt.Sprintf("tessera%02d", i+1) }

// A status change marks the note's message: "message [editor07/41]".
func statusMark(message string) string {
	if i := strings.LastIndex(message, " ["); i >= 0 && strings.HasSuffix(message, "]") {
		return message[i+2 : len(message)-1]
	}
	return ""
}

func unmarked(message string) string {
	if i := strings.LastIndex(message, " ["); i >= 0 && strings.HasSuffix(message, "]") {
		return message[:i]
	}
	return message
}

func textSHA(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// TestEditorProcess is not a test: it is the body of the editor
// processes TestEditorsTogether starts. It waits for its standard input
// to close, so that all editors start together, then works on the desk.
func TestEditorProcess(t *testing.T) {
	name := os.Getenv(editorNameEnv)
	if name == "" {
		return
	}
	if err := editorProcess(name); err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", name, err)
		os.Exit(1)
	}
	os.Exit(0)
}

func editorProcess(name string) error {
	index, err := strconv.Atoi(strings.TrimPrefix(name, "editor"))
	if err != nil {
		return err
	}
	working, err := time.ParseDuration(os.Getenv(editorForEnv))
	if err != nil {
		return err
	}
	var articles []int64
	for _, s := range strings.Split(os.Getenv(editorArticlesEnv), ",") {
		id, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return err
		}
		articles = append(articles, id)
	}
	logFile, err := os.Create(os.Getenv(editorLogEnv))
	if err != nil {
		return err
	}
	defer logFile.Close()
	if _, err := io.Copy(io.Discard, os.Stdin); err != nil {
		return err
	}
	// Each editor runs out of time after working, but an operation that
	// hangs fails the test rather than holding it up.
	ctx, cancel := context.WithTimeout(context.Background(), working+2*time.Minute)
	defer cancel()
	db, err := Open(ctx, os.Getenv(editorDeskEnv), WithEditor(name))
	if err != nil {
		return err
	}
	log := bufio.NewWriter(logFile)
	w := &editorAtWork{
		name: name, word: editorWord(index - 1), db: db, articles: articles,
		rng:    rand.New(rand.NewPCG(uint64(index), 7)),
		prose:  newProse(uint64(index)),
		log:    json.NewEncoder(log),
		counts: map[string]int{},
	}
	err = w.work(ctx, time.Now().Add(working))
	err = errors.Join(err, w.log.Encode(editorAck{Op: "done", Counts: w.counts}), log.Flush(), db.Close())
	return err
}

// editorAtWork is one editor process: what it has done so far, and the
// log of what the desk acknowledged.
type editorAtWork struct {
	name, word string
	db         *DB
	articles   []int64
	rng        *rand.Rand
	prose      *prose
	log        *json.Encoder
	counts     map[string]int
	serial     int
	// mine are the notes this editor wrote or replied to: a search for
	// their word must find each.
	mine []int64
}

// editorOps are what an editor does, with how often (out of 100).
var editorOps = []struct {
	name   string
	weight int
	do     func(w *editorAtWork, ctx context.Context, article int64) error
}{
	{"add revision", 12, (*editorAtWork).addRevision},
	{"commit working copy", 12, (*editorAtWork).commitWorkingCopy},
	{"add note", 20, (*editorAtWork).addNote},
	{"reply", 18, (*editorAtWork).reply},
	{"change status", 20, (*editorAtWork).changeStatus},
	{"search", 18, (*editorAtWork).search},
}

// work does one operation after another until the time is up. The first
// is a note, so that every editor's word is on the desk.
func (w *editorAtWork) work(ctx context.Context, until time.Time) error {
	if err := w.addNote(ctx, w.articles[0]); err != nil {
		return fmt.Errorf("add note on article %d: %w", w.articles[0], err)
	}
	for time.Now().Before(until) {
		w.serial++
		n := w.rng.IntN(100)
		for _, op := range editorOps {
			if n -= op.weight; n < 0 {
				article := w.articles[w.rng.IntN(len(w.articles))]
				if err := op.do(w, ctx, article); err != nil {
					return fmt.Errorf("%s on article %d: %w", op.name, article, err)
				}
				break
			}
		}
	}
	return nil
}

// edit replaces one paragraph of text with a new one of this editor's.
// It is applied again, unchanged, to the latest text when a commit must
// be rebased.
type edit struct {
	paragraph int
	text      string
}

func (w *editorAtWork) newEdit(text string) edit {
	cast := []string{"Ana " + w.prose.surname(), "Ben " + w.prose.surname()}
	return edit{
		paragraph: w.rng.IntN(strings.Count(text, "\n\n") + 1),
		text: fmt.Sprintf("%s %s %s %s (%s, change %d)", w.prose.sentence(proseTopics[0], cast),
			w.prose.sentence(proseTopics[0], cast), w.prose.sentence(proseTopics[0], cast), w.word, w.name, w.serial),
	}
}

func (e edit) apply(text string) string {
	paragraphs := strings.Split(text, "\n\n")
	paragraphs[e.paragraph%len(paragraphs)] = e.text
	return strings.Join(paragraphs, "\n\n")
}

func (w *editorAtWork) addRevision(ctx context.Context, article int64) error {
	latest, err := w.db.LatestRevision(ctx, article)
	if err != nil {
		return err
	}
	text := w.newEdit(latest.Text).apply(latest.Text)
	rev, err := w.db.AddRevision(ctx, article, text, "", w.name)
	if err != nil {
		return err
	}
	w.counts["revisions added"]++
	return w.log.Encode(editorAck{Op: "revision", Article: article, Number: rev.Number, Via: "add", SHA: textSHA(text)})
}

// commitWorkingCopy edits a working copy, autosaving it twice, and
// commits it. When someone else committed first the commit is refused
// with ErrConflict: the editor takes the latest revision, makes the same
// edit to it and tries again.
func (w *editorAtWork) commitWorkingCopy(ctx context.Context, article int64) error {
	latest, err := w.db.LatestRevision(ctx, article)
	if err != nil {
		return err
	}
	e := w.newEdit(latest.Text)
	for attempt := 1; ; attempt++ {
		text := e.apply(latest.Text)
		half := text[:len(text)-len(e.text)/2]
		for _, autosave := range []string{half, text} {
			if err := w.db.SaveWorkingCopy(ctx, editor.WorkingCopy{ArticleID: article, Base: latest.Number, Text: autosave}); err != nil {
				return err
			}
		}
		rev, err := w.db.CommitWorkingCopy(ctx, article, "", w.name)
		if err == nil {
			w.counts["working copies committed"]++
			return w.log.Encode(editorAck{Op: "revision", Article: article, Number: rev.Number, Via: "commit", SHA: textSHA(text)})
		}
		if !errors.Is(err, ErrConflict) || attempt == 1000 {
			return err
		}
		w.counts["commits rebased after a conflict"]++
		if latest, err = w.db.LatestRevision(ctx, article); err != nil {
			return err
		}
	}
}

func (w *editorAtWork) addNote(ctx context.Context, article int64) error {
	latest, err := w.db.LatestRevision(ctx, article)
	if err != nil {
		return err
	}
	start := w.rng.IntN(len(latest.Text) / 2)
	start += strings.IndexByte(latest.Text[start:], ' ') + 1
	end := start + strings.IndexAny(latest.Text[start:], " .,\n")
	n, err := w.db.AddNote(ctx, editor.Note{
		ArticleID: article, Revision: latest.Number, Author: w.name,
		Message: fmt.Sprintf("Check this word, says %s %s (note %d)", w.name, w.word, w.serial),
		Anchor:  editor.NewAnchor(latest.Text, editor.Span{Start: start, End: end}),
	})
	if err != nil {
		return err
	}
	w.counts["notes added"]++
	w.mine = append(w.mine, n.ID)
	return w.log.Encode(editorAck{Op: "note", Article: article, Note: n.ID, Text: n.Message})
}

// pickNote reads the article's notes, as the notes panel shows them, and
// picks one, most likely another editor's; false when there are none.
func (w *editorAtWork) pickNote(ctx context.Context, article int64) (editor.Note, bool, error) {
	notes, err := w.db.Notes(ctx, article, editor.NoteFilter{})
	w.counts["notes listed"]++
	if err != nil || len(notes) == 0 {
		return editor.Note{}, false, err
	}
	return notes[w.rng.IntN(len(notes))], true, nil
}

func (w *editorAtWork) reply(ctx context.Context, article int64) error {
	n, ok, err := w.pickNote(ctx, article)
	if err != nil || !ok {
		return err
	}
	text := fmt.Sprintf("%s agrees with %s %s (reply %d)", w.name, n.Author, w.word, w.serial)
	r, err := w.db.AddReply(ctx, n.ID, w.name, text)
	if err != nil {
		return err
	}
	w.counts["replies"]++
	if n.Author != w.name {
		w.counts["replies to another editor's note"]++
	}
	w.mine = append(w.mine, n.ID)
	return w.log.Encode(editorAck{Op: "reply", Article: article, Note: n.ID, Reply: r.ID, Text: text})
}

// changeStatus resolves or dismisses an open note, or reopens a closed
// one, from the note as the editor read it. When someone changed the note
// since, UpdateNote refuses with ErrConflict and the fresh note, and the
// editor decides again from that.
func (w *editorAtWork) changeStatus(ctx context.Context, article int64) error {
	n, ok, err := w.pickNote(ctx, article)
	if err != nil || !ok {
		return err
	}
	mark := fmt.Sprintf("%s/%d", w.name, w.serial)
	for attempt := 1; ; attempt++ {
		next := n
		next.Status = editor.NoteOpen
		if n.Status == editor.NoteOpen {
			next.Status = []editor.NoteStatus{editor.NoteResolved, editor.NoteDismissed}[w.rng.IntN(2)]
		}
		next.Message = unmarked(n.Message) + " [" + mark + "]"
		out, err := w.db.UpdateNote(ctx, next)
		if err == nil {
			w.counts["statuses changed"]++
			return w.log.Encode(editorAck{Op: "status", Article: article, Note: n.ID,
				Status: string(out.Status), Mark: mark, Base: statusMark(n.Message)})
		}
		if !errors.Is(err, ErrConflict) || attempt == 1000 {
			return err
		}
		if out.ID != n.ID {
			return fmt.Errorf("conflict without the fresh note: %w", err)
		}
		w.counts["status changes retried after a conflict"]++
		n = out
	}
}

// search looks for the editor's own word, which must find every note
// they wrote or replied to; now and then for another editor's word or
// the start of a common one instead.
func (w *editorAtWork) search(ctx context.Context, _ int64) error {
	query := w.word
	switch w.rng.IntN(4) {
	case 0:
		query = editorWord(w.rng.IntN(editorsCount))
	case 1:
		query = "the council resid"
	}
	hits, err := w.db.Search(ctx, query)
	if err != nil {
		return err
	}
	w.counts["searches"]++
	if query != w.word {
		return nil
	}
	found := map[int64]bool{}
	for _, h := range hits {
		found[h.NoteID] = true
	}
	for _, id := range w.mine {
		if !found[id] {
			return fmt.Errorf("search for %q does not find note %d, which this editor wrote or replied to", query, id)
		}
	}
	return nil
}

// TestEditorsTogether has editorsCount processes, each an editor under
// their own name, work on a few shared articles of one desk at once for
// editorsWorking: revising (AddRevision, and working copies committed,
// rebased when someone committed first), adding notes, replying to them,
// resolving and reopening them, searching. Each logs what the desk
// acknowledged; then the desk must hold exactly that: every revision,
// note and reply with its text, revisions numbered without gaps, and
// every note as the last acknowledged change of its status left it.
func TestEditorsTogether(t *testing.T) {
	working := editorsWorking
	if testing.Short() {
		working = editorsWorkingShort
	}
	eachBackendDesk(t, func(t *testing.T, desk string) {
		articles := setUpSharedArticles(t, desk)
		logs := t.TempDir()
		runEditors(t, desk, articles, working, logs)
		if t.Failed() {
			return
		}
		acks := readEditorLogs(t, logs)
		db, err := Open(context.Background(), desk)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		checkRevisions(t, db, articles, acks)
		checkNotes(t, db, articles, acks)
		checkEditorsFound(t, db, acks)
		logEditorTotals(t, acks, working)
	})
}

// setUpSharedArticles creates the articles the editors share, each of
// about 600 words, and returns their IDs.
func setUpSharedArticles(t *testing.T, desk string) []int64 {
	ctx := context.Background()
	db, err := Open(ctx, desk)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	p := newProse(99)
	var ids []int64
	for range editorsArticles {
		title, text := p.article(600)
		a, _, err := db.CreateArticle(ctx, editor.Article{Title: title}, text, "first draft", "reporter")
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, a.ID)
	}
	return ids
}

// runEditors starts the editor processes, lets them go together and
// waits for them to finish; any that fails fails the test.
func runEditors(t *testing.T, desk string, articles []int64, working time.Duration, logs string) {
	ids := make([]string, len(articles))
	for i, id := range articles {
		ids[i] = strconv.FormatInt(id, 10)
	}
	type process struct {
		name   string
		cmd    *exec.Cmd
		stdin  io.WriteCloser
		output bytes.Buffer
	}
	var editors []*process
	for i := range editorsCount {
		p := &process{name: editorName(i)}
		p.cmd = exec.Command(os.Args[0], "-test.run=^TestEditorProcess$")
		p.cmd.Env = append(os.Environ(),
			editorNameEnv+"="+p.name,
			editorDeskEnv+"="+desk,
			editorArticlesEnv+"="+strings.Join(ids, ","),
			editorForEnv+"="+working.String(),
			editorLogEnv+"="+filepath.Join(logs, p.name+".jsonl"))
		p.cmd.Stdout, p.cmd.Stderr = &p.output, &p.output
		var err error
		if p.stdin, err = p.cmd.StdinPipe(); err != nil {
			t.Fatal(err)
		}
		if err := p.cmd.Start(); err != nil {
			t.Fatal(err)
		}
		editors = append(editors, p)
	}
	for _, p := range editors {
		p.stdin.Close() // go
	}
	for _, p := range editors {
		if err := p.cmd.Wait(); err != nil {
			t.Errorf("%s: %v\n%s", p.name, err, p.output.String())
		}
	}
}

// editorAcks are the editors' logs, read back.
type editorAcks struct {
	byEditor map[string][]editorAck
	totals   map[string]int
}

func readEditorLogs(t *testing.T, dir string) editorAcks {
	acks := editorAcks{byEditor: map[string][]editorAck{}, totals: map[string]int{}}
	for i := range editorsCount {
		name := editorName(i)
		data, err := os.ReadFile(filepath.Join(dir, name+".jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		done := false
		for line := range bytes.Lines(data) {
			var a editorAck
			if err := json.Unmarshal(line, &a); err != nil {
				t.Fatalf("%s's log: %v", name, err)
			}
			if a.Op == "done" {
				done = true
				for k, v := range a.Counts {
					acks.totals[k] += v
				}
				continue
			}
			acks.byEditor[name] = append(acks.byEditor[name], a)
		}
		if !done {
			t.Errorf("%s's log does not end with its totals", name)
		}
	}
	return acks
}

// all returns the acknowledgements of kind op, with who made each.
func (a editorAcks) all(op string) (list []editorAck, by []string) {
	for i := range editorsCount {
		name := editorName(i)
		for _, ack := range a.byEditor[name] {
			if ack.Op == op {
				list, by = append(list, ack), append(by, name)
			}
		}
	}
	return list, by
}

// checkRevisions checks that each article's revisions are numbered 1..N
// without gaps, that N is its first revision and the ones acknowledged,
// and that each acknowledged revision is stored with its text and author.
func checkRevisions(t *testing.T, db *DB, articles []int64, acks editorAcks) {
	ctx := context.Background()
	revs, by := acks.all("revision")
	acked := map[int64]map[int]int{} // article → number → index in revs
	for _, id := range articles {
		acked[id] = map[int]int{}
	}
	for i, r := range revs {
		if j, dup := acked[r.Article][r.Number]; dup {
			t.Errorf("article %d: revision %d acknowledged to %s and to %s", r.Article, r.Number, by[j], by[i])
		}
		acked[r.Article][r.Number] = i
	}
	for _, id := range articles {
		stored, err := db.Revisions(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if want := 1 + len(acked[id]); len(stored) != want {
			t.Errorf("article %d has %d revisions, want %d (the first and %d acknowledged)", id, len(stored), want, want-1)
		}
		for i, rev := range stored {
			if rev.Number != i+1 {
				t.Errorf("article %d: revision %d is numbered %d", id, i+1, rev.Number)
				continue
			}
			j, ok := acked[id][rev.Number]
			if rev.Number == 1 {
				continue
			}
			if !ok {
				t.Errorf("article %d: revision %d by %s was never acknowledged", id, rev.Number, rev.Author)
				continue
			}
			if textSHA(rev.Text) != revs[j].SHA || rev.Author != by[j] {
				t.Errorf("article %d: revision %d by %s is not the text %s was told was stored", id, rev.Number, rev.Author, by[j])
			}
			delete(acked[id], rev.Number)
		}
		for n := range acked[id] {
			t.Errorf("article %d: revision %d was acknowledged but is missing", id, n)
		}
	}
}

// checkNotes checks that every acknowledged note and reply is stored
// with its text, that nothing unacknowledged is, and that no change of
// status was lost: the acknowledged changes of a note form one chain,
// each made to the version the one before left, and the note stands as
// the last of them left it.
func checkNotes(t *testing.T, db *DB, articles []int64, acks editorAcks) {
	ctx := context.Background()
	stored := map[int64]editor.Note{}
	for _, id := range articles {
		notes, err := db.Notes(ctx, id, editor.NoteFilter{})
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range notes {
			stored[n.ID] = n
		}
	}
	notes, _ := acks.all("note")
	if len(stored) != len(notes) {
		t.Errorf("the desk has %d notes, %d were acknowledged", len(stored), len(notes))
	}
	for _, a := range notes {
		if n, ok := stored[a.Note]; !ok || unmarked(n.Message) != a.Text || n.ArticleID != a.Article {
			t.Errorf("note %d: stored %+v, acknowledged %q on article %d", a.Note, n, a.Text, a.Article)
		}
	}
	checkReplies(t, db, stored, acks)
	checkStatusChains(t, stored, acks)
}

func checkReplies(t *testing.T, db *DB, stored map[int64]editor.Note, acks editorAcks) {
	replies, by := acks.all("reply")
	want := map[int64][]editor.Reply{}
	for i, a := range replies {
		want[a.Note] = append(want[a.Note], editor.Reply{ID: a.Reply, NoteID: a.Note, Author: by[i], Text: a.Text})
	}
	for id := range stored {
		got, err := db.Replies(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		for i := range got {
			got[i].Created = time.Time{}
		}
		w := want[id]
		slices.SortFunc(w, func(a, b editor.Reply) int { return int(a.ID - b.ID) })
		if !slices.Equal(got, w) {
			t.Errorf("note %d has replies %+v, acknowledged %+v", id, got, w)
		}
	}
}

func checkStatusChains(t *testing.T, stored map[int64]editor.Note, acks editorAcks) {
	changes, by := acks.all("status")
	next := map[int64]map[string]int{} // note → mark read → index in changes
	for i, c := range changes {
		if next[c.Note] == nil {
			next[c.Note] = map[string]int{}
		}
		if j, dup := next[c.Note][c.Base]; dup {
			t.Errorf("note %d: lost update: %s and %s both changed the version marked %q", c.Note, by[j], by[i], c.Base)
		}
		next[c.Note][c.Base] = i
	}
	for id, n := range stored {
		mark, status, steps := "", editor.NoteOpen, 0
		for {
			i, ok := next[id][mark]
			if !ok {
				break
			}
			mark, status = changes[i].Mark, editor.NoteStatus(changes[i].Status)
			steps++
		}
		if steps != len(next[id]) {
			t.Errorf("note %d: %d acknowledged status changes, only %d follow one another", id, len(next[id]), steps)
		}
		if statusMark(n.Message) != mark || n.Status != status {
			t.Errorf("note %d is %s marked %q; the last acknowledged change left it %s marked %q",
				id, n.Status, statusMark(n.Message), status, mark)
		}
	}
}

// checkEditorsFound checks that a search for each editor's word finds
// every note they wrote or replied to.
func checkEditorsFound(t *testing.T, db *DB, acks editorAcks) {
	for i := range editorsCount {
		name, word := editorName(i), editorWord(i)
		hits, err := db.Search(context.Background(), word)
		if err != nil {
			t.Fatal(err)
		}
		found := map[int64]bool{}
		for _, h := range hits {
			found[h.NoteID] = true
		}
		missing := 0
		for _, a := range acks.byEditor[name] {
			if (a.Op == "note" || a.Op == "reply") && !found[a.Note] {
				missing++
			}
		}
		if len(hits) == 0 || missing > 0 {
			t.Errorf("search for %s's word %q: %d hits, %d of their notes and replies not found", name, word, len(hits), missing)
		}
	}
}

func logEditorTotals(t *testing.T, acks editorAcks, working time.Duration) {
	keys := make([]string, 0, len(acks.totals))
	for k := range acks.totals {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "\n\t%-40s %6d", k, acks.totals[k])
	}
	t.Logf("%d editors in %v:%s", editorsCount, working, b.String())
}
