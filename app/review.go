package app

import (
	"strings"
	"sync"

	"copydesk/editor"
	"copydesk/editor/quote"
	"copydesk/editor/review"
	"copydesk/editor/source"
)

// reviewResult is what one run of the engine found in one text.
type reviewResult struct {
	generation int
	version    textVersion // of the editor text reviewed
	text       string
	doc        *quote.Document
	findings   []editor.Finding
	// verified maps an index into doc.Quotes to how the sources bear the
	// quotation out.
	verified  map[int]source.Verification
	noSources bool
	// ran says which checks ran on the text (see review.Result.Ran); nil
	// before the first review of an article.
	ran func(check string) bool
}

// reviewer runs the quote sheet, the checks and the source checks off
// the UI goroutine. At most one run is in flight; requests made meanwhile collapse into one
// more run on the latest text. Results come back on the UI goroutine, and
// results for an article that is no longer open are dropped.
type reviewer struct {
	apply    func(reviewResult) // on the UI goroutine
	dispatch func(func())       // runs a function on the UI goroutine
	spawn    func(func())       // starts the run loop; a goroutine but in tests

	mu         sync.Mutex
	running    bool
	pending    *reviewRequest
	generation int
}

type reviewRequest struct {
	generation int
	version    textVersion
	input      review.Input
}

func newReviewer(apply func(reviewResult), dispatch func(func())) *reviewer {
	return &reviewer{apply: apply, dispatch: dispatch, spawn: func(f func()) { go f() }}
}

// reset starts a new generation (another article was opened): results of
// earlier runs are dropped.
func (r *reviewer) reset() {
	r.mu.Lock()
	r.generation++
	r.pending = nil
	r.mu.Unlock()
}

// request asks for a review of a text (version v in the editor).
func (r *reviewer) request(in review.Input, v textVersion) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.pending = &reviewRequest{generation: r.generation, version: v, input: in}
	if r.running {
		return
	}
	r.running = true
	r.mu.Unlock()
	r.spawn(r.loop)
	r.mu.Lock()
}

func (r *reviewer) loop() {
	for {
		r.mu.Lock()
		req := r.pending
		r.pending = nil
		if req == nil {
			r.running = false
			r.mu.Unlock()
			return
		}
		r.mu.Unlock()

		res := runReview(req.input)
		res.generation, res.version = req.generation, req.version
		r.dispatch(func() {
			r.mu.Lock()
			current := res.generation == r.generation
			r.mu.Unlock()
			if current {
				r.apply(res)
			}
		})
	}
}

// runReview reviews a draft synchronously.
func runReview(in review.Input) reviewResult {
	rr := review.Run(in)
	res := reviewResult{text: in.Text, doc: rr.Doc, findings: rr.Findings, noSources: rr.NoSources,
		verified: make(map[int]source.Verification, len(rr.Quotes)), ran: rr.Ran}
	for _, v := range rr.Quotes {
		res.verified[v.Quote] = v
	}
	return res
}

// locate finds where the words a result pointed at are in the current
// text: at the same place if unchanged, else the occurrence nearest to it.
func locate(current, exact string, was editor.Span) (editor.Span, bool) {
	if exact == "" {
		return editor.Span{}, false
	}
	if was.End <= len(current) && current[was.Start:was.End] == exact {
		return was, true
	}
	best, bestDist := -1, -1
	for from := 0; from <= len(current)-len(exact); {
		i := indexFrom(current, exact, from)
		if i < 0 {
			break
		}
		d := i - was.Start
		if d < 0 {
			d = -d
		}
		if best < 0 || d < bestDist {
			best, bestDist = i, d
		}
		from = i + 1
	}
	if best < 0 {
		return editor.Span{}, false
	}
	return editor.Span{Start: best, End: best + len(exact)}, true
}

func indexFrom(s, sub string, from int) int {
	if from > len(s) {
		return -1
	}
	i := strings.Index(s[from:], sub)
	if i < 0 {
		return -1
	}
	return from + i
}
