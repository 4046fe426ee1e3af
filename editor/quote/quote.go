package quote

import (
	"sort"
	"strings"
	"unicode/utf8"

	"copydesk/editor"
)

// Attribution says how a quotation or reported statement is tied to its
// speaker.
type Attribution string

// Ways a statement can be attributed.
const (
	// AttrExplicit: the speaker is named or described in the same sentence
	// ("said Mr. Rutte", "the minister said").
	AttrExplicit Attribution = "explicit"
	// AttrPronoun: the speaker is a pronoun that resolves to one person.
	AttrPronoun Attribution = "pronoun"
	// AttrContinuation: a bare quotation paragraph read as the previous
	// speaker continuing.
	AttrContinuation Attribution = "continuation"
	// AttrAnonymous: an unnamed source ("officials said", "a source said").
	AttrAnonymous Attribution = "anonymous"
	// AttrAmbiguous: a pronoun or description that does not point to one
	// person.
	AttrAmbiguous Attribution = "ambiguous"
	// AttrNone: no speaker at all.
	AttrNone Attribution = "none"
)

// Mention is a stretch of the text that names something: a speaker, a verb.
type Mention struct {
	Span editor.Span
	Text string
}

// Quote is one quotation or reported statement on the quote sheet.
type Quote struct {
	// Span covers the quotation including its marks for a direct quote, or
	// the content clause for reported speech.
	Span editor.Span
	// Text is the quoted words without the marks, or the content clause.
	Text string
	// Direct is true for words in quotation marks.
	Direct bool
	// Speech is false for scare quotes, titles of works, nicknames, slogans
	// and terms: quotation marks that do not report what someone said.
	Speech bool
	// Speaker is the mention naming the speaker ("Mr. Rutte", "he",
	// "officials"), nil when there is none. For a continuation it is the
	// previous quotation's speaker mention.
	Speaker *Mention
	// SpeakerName is the speaker's full name as first given in the story,
	// or "" when unknown.
	SpeakerName string
	// Verb is the attribution verb ("said", "according to"), nil if none.
	Verb        *Mention
	Attribution Attribution
	// Why names the rule that gave the quotation its speaker (or found it
	// ambiguous); Candidates are the people an ambiguous speaker could be.
	Why        string
	Candidates []string
	// Paragraph indexes Document.Paragraphs; 0 is the headline.
	Paragraph int
	Headline  bool
	// Partial is true for a direct quotation of a few words inside a
	// sentence the writer otherwise paraphrases.
	Partial bool
	// Continues is true when the quotation carries on one left open at the
	// end of the previous paragraph (a quotation over several paragraphs).
	Continues bool

	person int // index into Document.People, -1 if none
	first  int // token index of the speaker mention's head, -1 if none
	// stance marks a reported position, wish or expectation ("endorsed
	// Clinton", "is expected to vote") rather than reported words.
	stance bool
}

// Person is someone named in the story.
type Person struct {
	// Name is the fullest name the story gives, from its first full
	// reference ("Mark Rutte").
	Name     string
	Gender   string // "male", "female" or "" when the text does not tell
	Roles    []string
	Mentions []editor.Span
}

// Document is an analysed article.
type Document struct {
	Text string
	// Paragraphs are the non-blank lines; the first is the headline when
	// HasHeadline.
	Paragraphs []editor.Span
	// HasHeadline says the first paragraph reads as a headline: see
	// readsAsHeadline.
	HasHeadline bool
	// Sentences never split inside a quotation.
	Sentences []editor.Span
	Quotes    []Quote
	People    []Person
	// Unbalanced holds quotation marks that open or close nothing.
	Unbalanced []editor.Span
	// CreditInside holds closing marks set after a pull quote's credit
	// line rather than after its words (`"I worry …` / `Dean Baker."`).
	CreditInside []editor.Span
	// WrongWay holds opening marks typed as closing ones (”Mr. Trump …”),
	// paired with the closing mark after them.
	WrongWay []editor.Span

	toks      []token
	regions   []region
	sentStart []int // token index where each sentence starts
	parTok    []int // token index where each paragraph starts (len = paragraphs+1)
	mentions  []personMention
	surnames  map[string]int
	lx        *lexicon
	nDirect   int // d.Quotes[:nDirect] are the direct quotations, in order
	bySent    sentenceQuotes
}

// sentenceQuotes indexes the quotations found so far by the sentences
// their spans overlap, so that reading a sentence's quotations costs the
// few around it, not every quotation of a long article. Quotations are only
// appended while the document is analysed and their spans never change, so
// the index catches up with the ones appended since it was last read;
// sortQuotes, which moves them, clears it.
type sentenceQuotes struct {
	indexed int     // d.Quotes[:indexed] are in bySent
	bySent  [][]int // quotation indexes per sentence, ascending
}

// quotesInSentence returns, in ascending order, the indexes in d.Quotes of
// the quotations that overlap sentence s's words (from its first token's
// start to its last token's end).
func (d *Document) quotesInSentence(s int) []int {
	ix := &d.bySent
	if ix.bySent == nil {
		ix.bySent = make([][]int, len(d.sentStart))
	}
	for ; ix.indexed < len(d.Quotes); ix.indexed++ {
		q := d.Quotes[ix.indexed].Span
		// A sentence's start and end offsets never decrease from one
		// sentence to the next, so the sentences a span overlaps are
		// consecutive.
		first := sort.Search(len(d.sentStart)-1, func(t int) bool { return d.sentEnd(t) > q.Start })
		for t := first; t+1 < len(d.sentStart) && d.sentBegin(t) < q.End; t++ {
			if d.sentEnd(t) > q.Start {
				ix.bySent[t] = append(ix.bySent[t], ix.indexed)
			}
		}
	}
	return ix.bySent[s]
}

// sentBegin and sentEnd are the byte offsets of the start of sentence s's
// first token and the end of its last one, as sentenceCandidates reads
// them; for a sentence without tokens, the next token's start and the
// previous one's end.
func (d *Document) sentBegin(s int) int {
	if d.sentStart[s] >= len(d.toks) {
		return len(d.Text)
	}
	return d.toks[d.sentStart[s]].start
}

func (d *Document) sentEnd(s int) int {
	if d.sentStart[s+1] == 0 {
		return 0
	}
	return d.toks[d.sentStart[s+1]-1].end
}

// lookBack bounds how many paragraphs back a pronoun or description is
// resolved, so long documents stay linear.
const lookBack = 40

// mentionsBefore returns the index of the first person mention starting at
// or after token at.
func (d *Document) mentionsBefore(at int) int {
	return sort.Search(len(d.mentions), func(i int) bool { return d.mentions[i].first >= at })
}

// tokenAt returns the index of the first token that ends after byte
// offset off.
func (d *Document) tokenAt(off int) int {
	return sort.Search(len(d.toks), func(i int) bool { return d.toks[i].end > off })
}

// personMention is one place a person is named.
type personMention struct {
	span      editor.Span
	first     int // first token of the name (after titles)
	last      int // last token
	person    int
	paragraph int
	inQuote   bool
}

// Analyze reads an article (first line the headline, each later non-blank
// line a paragraph) and finds its quotations, reported statements, speakers
// and the people it names. Text that is not valid UTF-8 (which import should
// have prevented) has each invalid byte sequence replaced by U+FFFD first;
// all spans are offsets into Document.Text.
func Analyze(text string) *Document {
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	d := &Document{Text: text, lx: sharedLexicon()}
	d.Paragraphs = splitParagraphs(text)
	d.HasHeadline = d.readsAsHeadline()
	d.tokenize()
	d.splitSentences()
	d.findPeople()
	d.sexFromStory()
	d.attributeQuotes()
	d.nearestMentions()
	d.findReportedSpeech()
	d.sortQuotes()
	return d
}

func (d *Document) tokenize() {
	var stray []int
	d.toks = make([]token, 0, len(d.Text)/5+16)
	for p, ps := range d.Paragraphs {
		lo := len(d.toks)
		d.parTok = append(d.parTok, lo)
		d.toks = tokenizeParagraph(d.Text, ps.Start, ps.End, p, d.toks)
		d.regions, stray = pairMarks(d.toks, lo, len(d.toks), d.regions, stray)
	}
	d.parTok = append(d.parTok, len(d.toks))
	// Drop regions pairMarks gave up on and mark the tokens of outermost
	// quotations.
	kept := d.regions[:0]
	for _, r := range d.regions {
		if r.open >= 0 {
			kept = append(kept, r)
		}
	}
	d.regions = kept
	for ri := range d.regions {
		r := &d.regions[ri]
		end := r.close
		if end < 0 {
			end = d.parTok[r.paragraph+1] - 1
		}
		if d.toks[r.open].region >= 0 {
			r.depth = 1
			continue
		}
		r.depth = 0
		for i := r.open; i <= end; i++ {
			d.toks[i].region = ri
		}
	}
	for _, r := range d.regions {
		if r.wrongWay && r.close >= 0 {
			t := d.toks[r.open]
			d.WrongWay = append(d.WrongWay, editor.Span{Start: t.start, End: t.end})
		}
	}
	// A quotation left open continues when the next paragraph opens with a
	// quotation mark; otherwise its opening mark is unbalanced.
	for ri := range d.regions {
		r := &d.regions[ri]
		if !r.openEnded || r.depth > 0 {
			continue
		}
		next := r.paragraph + 1
		if next < len(d.Paragraphs) && !d.isHeadline(r.paragraph) {
			ft := d.parTok[next]
			if ft < d.parTok[next+1] && d.toks[ft].kind == tokQuote && d.toks[ft].role != roleClose {
				if nr := d.toks[ft].region; nr >= 0 {
					d.regions[nr].continues = true
					continue
				}
			}
		}
		if k := d.creditLineClose(r, stray); k >= 0 {
			t := d.toks[stray[k]]
			d.CreditInside = append(d.CreditInside, editor.Span{Start: t.start, End: t.end})
			stray[k] = -1
			continue
		}
		t := d.toks[r.open]
		d.Unbalanced = append(d.Unbalanced, editor.Span{Start: t.start, End: t.end})
	}
	for _, i := range stray {
		if i < 0 {
			continue
		}
		t := d.toks[i]
		// A stray closing mark right after a paragraph whose quotation ran on
		// is the writer closing it late; still unbalanced.
		d.Unbalanced = append(d.Unbalanced, editor.Span{Start: t.start, End: t.end})
	}
	sortSpans(d.Unbalanced)
}

// creditLineClose reads a pull quote set as two lines, the quotation and
// then its credit, with the closing mark after the credit:
// `"The reality is, if Mrs. Clinton loses Iowa …` / `S.C. Rep. Jim
// Clyburn."`. Region r opens its paragraph and runs to its end; the next
// paragraph is a short line that starts with a capital and whose one
// quotation mark is the stray closing mark that ends it. It returns that
// mark's index in stray, or -1.
func (d *Document) creditLineClose(r *region, stray []int) int {
	p := r.paragraph
	if r.open != d.parTok[p] || p+2 >= len(d.parTok) {
		return -1
	}
	lo, hi := d.parTok[p+1], d.parTok[p+2]
	if hi-lo < 2 || !d.isWord(lo) || !d.toks[lo].upper {
		return -1
	}
	words := 0
	for i := lo; i < hi-1; i++ {
		switch d.toks[i].kind {
		case tokQuote:
			return -1
		case tokWord:
			words++
		}
	}
	if words > 16 || d.toks[hi-1].kind != tokQuote {
		return -1
	}
	for k, i := range stray {
		if i == hi-1 {
			return k
		}
	}
	return -1
}

func (d *Document) splitSentences() {
	for p := range d.Paragraphs {
		lo, hi := d.parTok[p], d.parTok[p+1]
		if lo == hi {
			continue
		}
		starts := sentenceBreaks(d.Text, d.toks, lo, hi, d.lx)
		for k, s := range starts {
			e := hi
			if k+1 < len(starts) {
				e = starts[k+1]
			}
			d.sentStart = append(d.sentStart, s)
			d.Sentences = append(d.Sentences, editor.Span{Start: d.toks[s].start, End: d.toks[e-1].end})
		}
	}
	d.sentStart = append(d.sentStart, len(d.toks))
}

// sentenceOf returns the index of the sentence containing token i.
func (d *Document) sentenceOf(i int) int {
	lo, hi := 0, len(d.sentStart)-1
	for lo < hi {
		m := (lo + hi + 1) / 2
		if d.sentStart[m] <= i {
			lo = m
		} else {
			hi = m - 1
		}
	}
	return lo
}

func sortSpans(s []editor.Span) {
	sort.Slice(s, func(i, j int) bool { return s[i].Start < s[j].Start })
}

func (d *Document) sortQuotes() {
	sortQuotesStable(d.Quotes)
	d.bySent = sentenceQuotes{}
}

// words returns the text of tokens [a, b).
func (d *Document) words(a, b int) string {
	if a >= b {
		return ""
	}
	return d.Text[d.toks[a].start:d.toks[b-1].end]
}

func (d *Document) mention(a, b int) *Mention {
	if a >= b {
		return nil
	}
	s := editor.Span{Start: d.toks[a].start, End: d.toks[b-1].end}
	return &Mention{Span: s, Text: s.In(d.Text)}
}
