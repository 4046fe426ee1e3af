package storage

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"copydesk/editor"
)

// BenchmarkEditors measures what an editor waits for while twenty work on
// one desk at once, each with a DB (and connection pool) of their own as
// separate processes have, on a desk of 10,000 articles of about 300
// words, most with a few notes. Each sub-benchmark has the twenty run one
// operation as fast as they can and reports the 50th and 99th percentile
// of its latency in milliseconds:
//
//   - add-note: a note on one of five articles of about 1,000 words;
//   - list-notes: the notes of one of five articles with 50 notes each;
//   - revise: AddRevision of one of five articles of about 1,000 words
//     (four editors to an article, so they queue for it);
//   - search-rare, search-common, search-prefix: a surname in a few
//     articles, "council" (in about one article in twelve) and the
//     two-word prefix query "city coun", over the whole desk; hits
//     reports how many hits each returns.
//
// Targets on PostgreSQL (a local server, two cores): add and list notes
// p99 ≤ 50 ms, revise and search p99 ≤ 100 ms. The editors do not pause
// between operations, so on a small machine these are the latencies of
// a saturated desk (ns/op is its time per operation, all editors
// together). Give it enough operations for a 99th percentile:
// -benchtime 5s or more. Run with TMPDIR on the
// disk the desk would live on (a tmpfs makes SQLite's fsync free); the
// test server runs with fsync off.
func BenchmarkEditors(b *testing.B) {
	for _, be := range backends {
		b.Run(be.name, func(b *testing.B) {
			desk := be.newDesk(b)
			s := seedEditorsDesk(b, desk)
			editors := openBenchEditors(b, desk)
			b.Run("add-note", func(b *testing.B) {
				measureEditors(b, editors, func(ctx context.Context, db *DB, e, i int) error {
					a := s.working[e%len(s.working)]
					_, err := db.AddNote(ctx, editor.Note{ArticleID: a.id, Revision: 1, Author: editorName(e),
						Message: fmt.Sprintf("Is this figure right? (%d)", i), Anchor: a.anchor})
					return err
				})
			})
			b.Run("list-notes", func(b *testing.B) {
				measureEditors(b, editors, func(ctx context.Context, db *DB, e, i int) error {
					id := s.listed[(e+i)%len(s.listed)]
					notes, err := db.Notes(ctx, id, editor.NoteFilter{})
					if err == nil && len(notes) != benchListedNotes {
						err = fmt.Errorf("article %d has %d notes, want %d", id, len(notes), benchListedNotes)
					}
					return err
				})
			})
			b.Run("revise", func(b *testing.B) {
				measureEditors(b, editors, func(ctx context.Context, db *DB, e, i int) error {
					a := s.working[e%len(s.working)]
					_, err := db.AddRevision(ctx, a.id, a.versions[i%len(a.versions)], "", editorName(e))
					return err
				})
			})
			b.Run("paced-mix", func(b *testing.B) { measurePaced(b, editors, s) })
			for _, q := range []struct{ name, query string }{
				{"search-rare", s.rare}, {"search-common", "council"}, {"search-prefix", "city coun"},
			} {
				b.Run(q.name, func(b *testing.B) {
					var hits atomic.Int64
					measureEditors(b, editors, func(ctx context.Context, db *DB, e, i int) error {
						found, err := db.Search(ctx, q.query)
						if err == nil && len(found) == 0 {
							err = fmt.Errorf("search for %q finds nothing", q.query)
						}
						hits.Store(int64(len(found)))
						return err
					})
					b.ReportMetric(float64(hits.Load()), "hits")
				})
			}
		})
	}
}

// Shape of BenchmarkEditors' desk.
const (
	benchEditors      = 20
	benchDeskArticles = 10_000
	benchDeskWords    = 300
	benchLongWords    = 1_000
	benchListedNotes  = 50
)

// editorsDesk is what BenchmarkEditors' editors work on.
type editorsDesk struct {
	// working are the articles notes are added to and revised.
	working []workingArticle
	// listed are the articles with benchListedNotes notes each.
	listed []int64
	// rare is a word in few of the desk's articles.
	rare string
}

type workingArticle struct {
	id     int64
	anchor editor.Anchor
	// versions are texts to store as its revisions, each a sentence
	// different from the one before.
	versions []string
}

// seedEditorsDesk sets up BenchmarkEditors' desk: benchDeskArticles
// generated articles, stored in one transaction (seedArticles), and the
// long articles the editors work on, stored through the API.
func seedEditorsDesk(b *testing.B, desk string) editorsDesk {
	ctx := context.Background()
	db, err := Open(ctx, desk)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	p := newProse(2025)
	articles := make([]seedArticle, benchDeskArticles)
	for i := range articles {
		articles[i] = p.seedArticle(benchDeskWords, i%3)
	}
	start := time.Now()
	if _, err := seedArticles(ctx, db, articles); err != nil {
		b.Fatal(err)
	}
	b.Logf("%d articles stored in %v", len(articles), time.Since(start).Round(time.Millisecond))
	var s editorsDesk
	s.rare = rareWord(articles)
	for range 5 {
		title, text := p.article(benchLongWords)
		a, _, err := db.CreateArticle(ctx, editor.Article{Title: title}, text, "", "reporter")
		if err != nil {
			b.Fatal(err)
		}
		w := workingArticle{id: a.ID, anchor: editor.NewAnchor(text, editor.Span{Start: 0, End: strings.IndexByte(text, ' ')})}
		for range 10 {
			w.versions = append(w.versions, text+" "+p.sentence(proseTopics[0], []string{"Ana Calowick"}))
		}
		s.working = append(s.working, w)
	}
	for range 5 {
		title, text := p.article(benchLongWords)
		a, _, err := db.CreateArticle(ctx, editor.Article{Title: title}, text, "", "reporter")
		if err != nil {
			b.Fatal(err)
		}
		for j := range benchListedNotes {
			_, err := db.AddNote(ctx, editor.Note{ArticleID: a.ID, Revision: 1, Author: "copy chief",
				Message: fmt.Sprintf("Note %d: check the spelling.", j), Anchor: editor.NewAnchor(text, editor.Span{Start: j, End: j + 5})})
			if err != nil {
				b.Fatal(err)
			}
		}
		s.listed = append(s.listed, a.ID)
	}
	if db.Shared() {
		// The server's autovacuum analyzes the tables within a minute or
		// so of a bulk load; analyze them now, so that the plans measured
		// do not depend on whether it got there yet.
		if _, err := db.rw.ExecContext(ctx, "ANALYZE"); err != nil {
			b.Fatal(err)
		}
	}
	return s
}

// openBenchEditors opens the desk once for each editor, under their name.
func openBenchEditors(b *testing.B, desk string) []*DB {
	var editors []*DB
	for e := range benchEditors {
		db, err := Open(context.Background(), desk, WithEditor(editorName(e)))
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { db.Close() })
		editors = append(editors, db)
	}
	return editors
}

// measureEditors has the editors run op b.N times between them, each
// taking the next i as soon as their last call returned, and reports the
// calls' latency: p50-ms and p99-ms.
func measureEditors(b *testing.B, editors []*DB, op func(ctx context.Context, db *DB, editor, i int) error) {
	ctx := context.Background()
	latencies := make([][]time.Duration, len(editors))
	var next atomic.Int64
	var wg sync.WaitGroup
	b.ResetTimer()
	for e, db := range editors {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= b.N {
					return
				}
				start := time.Now()
				if err := op(ctx, db, e, i); err != nil {
					b.Error(err)
					return
				}
				latencies[e] = append(latencies[e], time.Since(start))
			}
		})
	}
	wg.Wait()
	b.StopTimer()
	all := slices.Concat(latencies...)
	slices.Sort(all)
	b.ReportMetric(percentileMs(all, 50), "p50-ms")
	b.ReportMetric(percentileMs(all, 99), "p99-ms")
}

// benchThink is how long, on average, an editor of the paced benchmark
// pauses between two operations: an editor acting once a second, far
// busier than a person reading and correcting copy.
const benchThink = time.Second

// measurePaced has each editor do b.N operations of a mix (listing notes
// most often, then adding notes, searching and revising), each after a
// pause drawn from an exponential distribution of mean benchThink, and
// reports each operation's p50 and p99 latency. The other benchmarks have
// all twenty editors repeat one operation without pause, which measures
// a saturated desk; this one measures what an editor waits for on a busy
// one. Run it with -benchtime Nx: N operations per editor take about N
// seconds.
func measurePaced(b *testing.B, editors []*DB, s editorsDesk) {
	type op struct {
		name string
		do   func(ctx context.Context, db *DB, e, i int) error
	}
	search := func(q string) func(ctx context.Context, db *DB, e, i int) error {
		return func(ctx context.Context, db *DB, e, i int) error {
			found, err := db.Search(ctx, q)
			if err == nil && len(found) == 0 {
				err = fmt.Errorf("search for %q finds nothing", q)
			}
			return err
		}
	}
	listNotes := op{"list-notes", func(ctx context.Context, db *DB, e, i int) error {
		_, err := db.Notes(ctx, s.listed[(e+i)%len(s.listed)], editor.NoteFilter{})
		return err
	}}
	addNote := op{"add-note", func(ctx context.Context, db *DB, e, i int) error {
		a := s.working[e%len(s.working)]
		_, err := db.AddNote(ctx, editor.Note{ArticleID: a.id, Revision: 1, Author: editorName(e),
			Message: fmt.Sprintf("Is this figure right? (%d)", i), Anchor: a.anchor})
		return err
	}}
	revise := op{"revise", func(ctx context.Context, db *DB, e, i int) error {
		a := s.working[e%len(s.working)]
		_, err := db.AddRevision(ctx, a.id, a.versions[i%len(a.versions)], "", editorName(e))
		return err
	}}
	mix := []op{listNotes, addNote, listNotes, {"search-rare", search(s.rare)}, listNotes, revise,
		listNotes, addNote, {"search-common", search("council")}, {"search-prefix", search("city coun")}}

	ctx := context.Background()
	var (
		mu        sync.Mutex
		latencies = map[string][]time.Duration{}
		wg        sync.WaitGroup
	)
	b.ResetTimer()
	for e, db := range editors {
		rng := rand.New(rand.NewPCG(uint64(e), 1))
		wg.Go(func() {
			for i := range b.N {
				time.Sleep(time.Duration(rng.ExpFloat64() * float64(benchThink)))
				o := mix[(e+i)%len(mix)]
				start := time.Now()
				if err := o.do(ctx, db, e, i); err != nil {
					b.Error(err)
					return
				}
				took := time.Since(start)
				mu.Lock()
				latencies[o.name] = append(latencies[o.name], took)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	b.StopTimer()
	for name, l := range latencies {
		slices.Sort(l)
		b.ReportMetric(percentileMs(l, 50), name+"-p50-ms")
		b.ReportMetric(percentileMs(l, 99), name+"-p99-ms")
	}
}

// percentileMs is the p-th percentile (nearest rank) of sorted, in
// milliseconds.
func percentileMs(sorted []time.Duration, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	i := int(math.Ceil(p/100*float64(len(sorted)))) - 1
	return float64(sorted[max(i, 0)]) / float64(time.Millisecond)
}

// seedArticle is an article for seedArticles: its title, text and the
// messages of the notes on it.
type seedArticle struct {
	title, text string
	notes       []string
}

// seedArticle writes an article of about words words with notes notes on
// its first words.
func (p *prose) seedArticle(words, notes int) seedArticle {
	a := seedArticle{}
	a.title, a.text = p.article(words)
	for range notes {
		a.notes = append(a.notes, p.sentence(proseTopics[p.rng.IntN(len(proseTopics))], []string{"the reporter"}))
	}
	return a
}

// seedArticles stores articles in one transaction, each as ImportArticle
// stores it (revision 1 by "reporter", its notes on the first word),
// taking each article's time from the DB's clock as ImportArticle does;
// it saves a transaction, and an fsync, per article.
func seedArticles(ctx context.Context, db *DB, articles []seedArticle) ([]int64, error) {
	var ids []int64
	err := db.update(ctx, func(tx *txn, _ time.Time) error {
		ids = ids[:0]
		for _, a := range articles {
			now := db.now().UTC().Truncate(time.Microsecond)
			stored, _, err := insertArticle(ctx, tx, editor.Article{Title: a.title}, a.text, "", "reporter", seedArticleThreads(a), now)
			if err != nil {
				return err
			}
			ids = append(ids, stored.ID)
		}
		return nil
	})
	return ids, err
}

// seedArticleThreads are the threads ImportArticle is given for a, to
// store it as seedArticles does.
func seedArticleThreads(a seedArticle) []editor.Thread {
	var threads []editor.Thread
	for _, msg := range a.notes {
		anchor := editor.NewAnchor(a.text, editor.Span{Start: 0, End: strings.IndexByte(a.text, ' ')})
		threads = append(threads, editor.Thread{Note: editor.Note{Message: msg, Author: "copy chief", Anchor: anchor}})
	}
	return threads
}

// rareWord returns a word of five letters or more that is in two to five
// of the articles, the first such in alphabetical order.
func rareWord(articles []seedArticle) string {
	in := map[string]int{}
	for _, a := range articles {
		seen := map[string]bool{}
		for _, w := range strings.FieldsFunc(a.title+" "+a.text, notWordRune) {
			if w = fold(w); len(w) >= 5 && !seen[w] {
				seen[w] = true
				in[w]++
			}
		}
	}
	var rare []string
	for w, n := range in {
		if n >= 2 && n <= 5 {
			rare = append(rare, w)
		}
	}
	slices.Sort(rare)
	if len(rare) == 0 {
		return ""
	}
	return rare[0]
}

// TestSeedArticlesLikeImport checks that seedArticles stores what
// ImportArticle stores, article by article.
func TestSeedArticlesLikeImport(t *testing.T) {
	for _, be := range backends {
		t.Run(be.name, func(t *testing.T) {
			ctx := context.Background()
			p := newProse(1)
			articles := []seedArticle{p.seedArticle(80, 0), p.seedArticle(80, 2), p.seedArticle(80, 1)}
			bulk := openTestDBAt(t, be.newDesk(t))
			if _, err := seedArticles(ctx, bulk, articles); err != nil {
				t.Fatal(err)
			}
			one := openTestDBAt(t, be.newDesk(t))
			one.now() // seedArticles' transaction reads the clock once more
			for _, a := range articles {
				if _, _, err := one.ImportArticle(ctx, editor.Article{Title: a.title}, a.text, "", "reporter", seedArticleThreads(a)); err != nil {
					t.Fatal(err)
				}
			}
			for _, query := range []string{"", "the", "council", "said"} {
				want := seededView(t, one, query)
				if got := seededView(t, bulk, query); !reflect.DeepEqual(got, want) {
					t.Errorf("query %q: seeded desk\n%+v\nImportArticle's desk\n%+v", query, got, want)
				}
			}
		})
	}
}

// seededView is what a desk shows: its articles with their revisions
// and notes, and, for a query, its search hits.
func seededView(t *testing.T, db *DB, query string) []any {
	ctx := context.Background()
	list, err := db.ListArticles(ctx, editor.ArticleFilter{Query: query})
	if err != nil {
		t.Fatal(err)
	}
	out := []any{list}
	for _, a := range list {
		revs, err := db.Revisions(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		notes, err := db.Notes(ctx, a.ID, editor.NoteFilter{})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, revs, notes)
	}
	hits, err := db.Search(ctx, query)
	if err != nil {
		t.Fatal(err)
	}
	return append(out, hits)
}
