package review

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"copydesk/editor"
	"copydesk/editor/internal/newstest"
	"copydesk/editor/quote"
)

// The injected-fault benchmark takes each published PolNeAR dev+test
// article as it is, makes one edit that an editor should be told about (or,
// for a control, one that must draw nothing), reviews the edited text and
// asks whether the fault is flagged where it was made. Published copy is
// clean, so the only new fault in each draft is the injected one.

// Fault kinds, in the order the benchmark reports them. The last two are
// controls: edits that must not be flagged.
const (
	faultUnattributed = "unattributed"
	faultAmbiguous    = "ambiguous"
	faultHeadline     = "headline"
	faultVerb         = "verb"
	controlHeadline   = "headline-control"
	controlPronoun    = "pronoun-control"
	controlFloor      = "continuing-control"
	controlSubject    = "subject-control"
)

// faultsPerArticle caps the instances of one kind taken from an article, so
// long articles full of quotations don't dominate the figures.
const faultsPerArticle = 3

// fault is one article with one injected edit.
type fault struct {
	kind, doc, text string
	// at is the inserted or edited span in text (byte offsets).
	at editor.Span
	// quote is the quotation the edit concerns, in text; empty for the
	// headline kinds. An unattributed finding must overlap it: the check
	// flags the whole quotation, not the stripped attribution.
	quote editor.Span
	// want is the check that must flag the fault (or, for a control, must
	// not flag the edit).
	want    string
	control bool
}

// faultFloor is what the benchmark holds for one kind: at least minN
// instances (so a generator that silently stops finding places fails), and
// a recall of at least pct, or for a control a false-flag rate of at most
// pct.
type faultFloor struct {
	kind string
	minN int
	pct  float64
}

// faultFloors and trainFaultFloors are what the engine measures, held
// where they stand (dev+test: 168 articles; train: 840; the headline kinds
// use every article):
//
//	kind                 dev+test               train
//	unattributed         2/2     100.0%         9/12     75.0%
//	ambiguous            3/5      60.0%        12/21     57.1%
//	headline           166/168    98.8%       827/840    98.5%
//	verb                85/85    100.0%       367/367   100.0%
//	headline-control     0/145 false            0/643 false
//	pronoun-control      0/7   false            0/17  false
//	continuing-control   0/8   false            0/58  false
//	subject-control      0/0   false            0/3   false
//
// The ambiguous kind is below the product's target (recall 95%): the
// floors stop a change from making it worse unnoticed, they do not say the
// check is good enough. Of the 11 misses (2 dev+test, 9 train) read by
// hand on 2026-12-06, 7 are instances a reader resolves at once, so the
// check is right to pass them: the generator gave Hillary Clinton "he",
// or the speaker is still the subject of the sentence before behind a
// colon, a description or a chain of pronouns ("Davis laid out one last
// indisputable fact: / “…,” she said."; "… but the candidate cut him off.
// / “…,” he said."; "He also stated that Trump gave money … / “…,” he
// said."). The other 4 read, once edited, as someone else said it: the
// pronoun follows a sentence whose subject or speaker is of that sex
// ("Hannity said in reference to Trump's stance … / “By the way it is
// negotiable,” he said." was Trump's), the reading the continuing- and
// subject-controls hold the check to. The ambiguous
// kind excludes a pronoun for the one the sentence before quotes or
// reports: "Karl Rove said on Sunday that he no longer believed Mr. Trump
// had a path … “I don't see it happening,” he said." reads as Rove, as
// the published copy meant; that is the continuing-control.
var faultFloors = []faultFloor{
	{faultUnattributed, 2, 100},
	{faultAmbiguous, 5, 60},
	{faultHeadline, 160, 98},
	{faultVerb, 80, 98},
	{controlHeadline, 135, 1},
	{controlPronoun, 6, 0},
	{controlFloor, 8, 0},
	{controlSubject, 0, 0},
}

var trainFaultFloors = []faultFloor{
	{faultUnattributed, 11, 75},
	{faultAmbiguous, 20, 57},
	{faultHeadline, 800, 98},
	{faultVerb, 350, 99},
	{controlHeadline, 600, 1},
	{controlPronoun, 15, 0},
	{controlFloor, 50, 0},
	{controlSubject, 3, 0},
}

// TestInjectedFaults runs the injected-fault benchmark on the PolNeAR
// dev+test articles, and on the train articles, whose 840 texts give the
// rarer kinds (a quotation that can lose its frame, two people of one sex
// before a pronoun) enough instances to say something, and holds each
// kind's recall (or, for a control, its false-flag rate) to its floor.
func TestInjectedFaults(t *testing.T) {
	if testing.Short() {
		t.Skip("reviews every PolNeAR article several times")
	}
	t.Run("dev+test", func(t *testing.T) { runFaults(t, newstest.PolNeARDevTest(t), faultFloors) })
	t.Run("train", func(t *testing.T) { runFaults(t, newstest.PolNeARTrain(t), trainFaultFloors) })
}

// runFaults injects the faults into docs, reviews each draft and reports
// every kind against its floor.
func runFaults(t *testing.T, docs []newstest.PolNeARDoc, floors []faultFloor) {
	tallies := map[string]*faultTally{}
	contributing := 0
	for _, doc := range docs {
		faults := injectFaults(doc)
		if len(faults) > 0 {
			contributing++
		}
		for _, f := range faults {
			if tallies[f.kind] == nil {
				tallies[f.kind] = &faultTally{}
			}
			tallies[f.kind].add(f, Run(Input{Text: f.text}).Findings)
		}
	}
	t.Logf("%d articles, %d with at least one fault", len(docs), contributing)
	for _, fl := range floors {
		tl := tallies[fl.kind]
		if tl == nil {
			tl = &faultTally{control: isControl(fl.kind)}
		}
		tl.report(t, fl)
	}
}

// faultTally counts one kind's instances and those flagged, keeping a few
// examples of misses (or, for controls, of false flags).
type faultTally struct {
	n, flagged int
	control    bool
	docs       map[string]bool
	examples   []string
}

// maxFaultExamples bounds the examples logged per kind.
const maxFaultExamples = 5

func (tl *faultTally) add(f fault, findings []editor.Finding) {
	tl.n++
	tl.control = f.control
	if tl.docs == nil {
		tl.docs = map[string]bool{}
	}
	tl.docs[f.doc] = true
	got := flagged(f, findings)
	if got {
		tl.flagged++
	}
	if got == f.control && len(tl.examples) < maxFaultExamples {
		tl.examples = append(tl.examples, fmt.Sprintf("%s: %q (findings there: %s)", f.doc, faultSnippet(f.text, f.at), nearbyChecks(f, findings)))
	}
}

// report logs the kind's figures and examples and holds them to the floor.
func (tl *faultTally) report(t *testing.T, fl faultFloor) {
	t.Helper()
	pct := 100 * float64(tl.flagged) / float64(max(1, tl.n))
	if tl.control {
		t.Logf("%-17s %4d instances from %3d articles, %4d false flags, %5.1f%%", fl.kind, tl.n, len(tl.docs), tl.flagged, pct)
	} else {
		t.Logf("%-17s %4d instances from %3d articles, %4d found, recall %5.1f%%", fl.kind, tl.n, len(tl.docs), tl.flagged, pct)
	}
	if testing.Verbose() {
		for _, ex := range tl.examples {
			t.Logf("    %s", ex)
		}
	}
	switch {
	case tl.n < fl.minN:
		t.Errorf("%s: %d instances, want at least %d", fl.kind, tl.n, fl.minN)
	case tl.control && pct > fl.pct:
		t.Errorf("%s: false flags %.1f%%, want at most %.1f%%", fl.kind, pct, fl.pct)
	case !tl.control && pct < fl.pct:
		t.Errorf("%s: recall %.1f%%, want at least %.1f%%", fl.kind, pct, fl.pct)
	}
}

// flagged says whether any finding reports the fault at its place. Only
// the findings decide; the analysis used to place the fault plays no part.
func flagged(f fault, findings []editor.Finding) bool {
	for _, fd := range findings {
		if f.flaggedBy(fd) {
			return true
		}
	}
	return false
}

// flaggedBy says whether one finding reports the fault: the wanted check
// overlapping the edit (the quotation, for a stripped attribution), or for
// the pronoun control also an unattributed finding on the quotation.
func (f fault) flaggedBy(fd editor.Finding) bool {
	if (f.kind == controlPronoun || f.kind == controlFloor) && fd.Check == editor.CheckUnattributed {
		// The pronoun must leave the quotation attributed.
		return fd.Span.Overlaps(f.quote)
	}
	if fd.Check != f.want {
		return false
	}
	// Attribution-verb findings are info by design; the others must warn
	// to count as found. For a control, any severity is a false flag.
	if !f.control && f.want != editor.CheckAttributionVerb && fd.Severity != editor.Warning {
		return false
	}
	if f.want == editor.CheckUnattributed {
		return fd.Span.Overlaps(f.quote)
	}
	return fd.Span.Overlaps(f.at)
}

// nearbyChecks names the findings in the edited paragraph, to show what the
// review said instead.
func nearbyChecks(f fault, findings []editor.Finding) string {
	par := paragraphAround(f.text, f.at)
	var names []string
	for _, fd := range findings {
		if fd.Span.Overlaps(par) {
			names = append(names, fd.Check)
		}
	}
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}

// paragraphAround returns the line holding span at.
func paragraphAround(text string, at editor.Span) editor.Span {
	lo := strings.LastIndexByte(text[:at.Start], '\n') + 1
	hi := strings.IndexByte(text[at.End:], '\n')
	if hi < 0 {
		return editor.Span{Start: lo, End: len(text)}
	}
	return editor.Span{Start: lo, End: at.End + hi}
}

// faultSnippet returns the edited sentence's neighbourhood: the paragraph
// around at, cut to a window on rune boundaries.
func faultSnippet(text string, at editor.Span) string {
	par := paragraphAround(text, at)
	lo, hi := max(par.Start, at.Start-160), min(par.End, at.End+60)
	for lo < at.Start && !utf8.RuneStart(text[lo]) {
		lo++
	}
	for hi > at.End && hi < len(text) && !utf8.RuneStart(text[hi]) {
		hi--
	}
	return text[lo:hi]
}

// injectFaults makes every fault and control the article allows, each from
// the published text plus one edit. The choice is deterministic.
func injectFaults(doc newstest.PolNeARDoc) []fault {
	a, ok := newFaultArticle(doc)
	if !ok {
		return nil
	}
	var out []fault
	out = append(out, a.unattributed()...)
	out = append(out, a.ambiguous()...)
	out = append(out, a.headline()...)
	out = append(out, a.verbs()...)
	out = append(out, a.headlineControl()...)
	out = append(out, a.pronounControl()...)
	out = append(out, a.floorControl()...)
	out = append(out, a.subjectControl()...)
	return out
}

// faultArticle is what the generators read: the published text, its gold
// attributions in byte offsets, and the engine's analysis, used only to
// find sentences, people and quotation spans.
type faultArticle struct {
	id, text string
	gold     []goldAttr
	doc      *quote.Document
	body     int           // where the body starts, after the headline line
	quotes   []editor.Span // direct quotations, per the analysis
	frames   []quoteFrame  // explicit attributions after a quotation
}

// goldAttr is a PolNeAR attribution in byte offsets.
type goldAttr struct {
	source, content []editor.Span
	quoted          bool
}

func newFaultArticle(doc newstest.PolNeARDoc) (*faultArticle, bool) {
	nl := strings.IndexByte(doc.Text, '\n')
	d := quote.Analyze(doc.Text)
	if nl <= 0 || d.Text != doc.Text {
		return nil, false // no headline line, or not valid UTF-8
	}
	a := &faultArticle{id: doc.Doc, text: doc.Text, doc: d, body: nl + 1}
	a.gold = goldInBytes(doc)
	for _, q := range d.Quotes {
		if q.Direct {
			a.quotes = append(a.quotes, q.Span)
		}
	}
	a.frames = a.findFrames()
	return a, true
}

// goldInBytes converts the gold spans from code points to bytes, dropping
// any that fall outside the text.
func goldInBytes(doc newstest.PolNeARDoc) []goldAttr {
	off := newstest.CodePointOffsets(doc.Text)
	conv := func(ps [][2]int) []editor.Span {
		var out []editor.Span
		for _, p := range ps {
			if p[0] >= 0 && p[0] <= p[1] && p[1] < len(off) {
				out = append(out, editor.Span{Start: off[p[0]], End: off[p[1]]})
			}
		}
		return out
	}
	var out []goldAttr
	for _, at := range doc.Attributions {
		out = append(out, goldAttr{source: conv(at.Source), content: conv(at.Content), quoted: at.Quoted})
	}
	return out
}

// quoteFrame is a direct quotation closed by an explicit attribution in the
// same sentence: “…,” NAME said. or “…,” said NAME. NAME is a gold source.
type quoteFrame struct {
	open     int    // the opening mark
	comma    int    // the comma before the closing mark
	close    string // the closing mark
	end      int    // just past the period ending the sentence
	name     editor.Span
	said     editor.Span
	inverted bool // said NAME
}

// quoteSpan is the quotation from its opening to its closing mark.
func (f quoteFrame) quoteSpan() editor.Span {
	return editor.Span{Start: f.open, End: f.comma + 1 + len(f.close)}
}

// findFrames returns the gold quoted attributions whose source is a
// capitalised name framing the quotation, in text order.
func (a *faultArticle) findFrames() []quoteFrame {
	var out []quoteFrame
	seen := map[editor.Span]bool{}
	for _, g := range a.gold {
		if !g.quoted || len(g.source) != 1 || seen[g.source[0]] || !isCapitalisedName(g.source[0].In(a.text)) {
			continue
		}
		f, ok := a.frameAt(g.source[0])
		if ok && a.body <= f.open && overlapsAny(g.content, f.quoteSpan()) {
			seen[f.name] = true
			out = append(out, f)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].open < out[j].open })
	return out
}

// frameAt reads `“…,” NAME said.` or `“…,” said NAME.` around name.
func (a *faultArticle) frameAt(name editor.Span) (quoteFrame, bool) {
	t := a.text
	f := quoteFrame{name: name}
	before, after := t[:name.Start], t[name.End:]
	switch {
	case strings.HasPrefix(after, " said") && endsSentence(after[len(" said"):]):
		f.said = editor.Span{Start: name.End + 1, End: name.End + len(" said")}
		f.end = f.said.End + 1
	case strings.HasSuffix(before, " said ") && endsSentence(after):
		f.inverted = true
		f.said = editor.Span{Start: name.Start - len("said "), End: name.Start - 1}
		before = before[:f.said.Start]
		f.end = name.End + 1
	default:
		return f, false
	}
	before = strings.TrimSuffix(before, " ")
	for _, m := range []string{"”", `"`} {
		if strings.HasSuffix(before, ","+m) {
			f.close, f.comma = m, len(before)-len(m)-1
		}
	}
	if f.close == "" {
		return f, false
	}
	return f, a.findOpening(&f)
}

// findOpening finds the frame's opening mark in its paragraph and requires
// the quotation to start the sentence.
func (a *faultArticle) findOpening(f *quoteFrame) bool {
	t := a.text
	par := strings.LastIndexByte(t[:f.comma], '\n') + 1
	mark := map[string]string{"”": "“", `"`: `"`}[f.close]
	i := strings.LastIndex(t[par:f.comma], mark)
	if i < 0 {
		return false
	}
	f.open = par + i
	prev := strings.TrimRight(t[par:f.open], " \t")
	prev = strings.TrimRight(prev, "”\"")
	return prev == "" || strings.ContainsAny(prev[len(prev)-1:], ".?!")
}

// endsSentence says s starts with a period that ends a sentence.
func endsSentence(s string) bool {
	if !strings.HasPrefix(s, ".") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[1:])
	return len(s) == 1 || unicode.IsSpace(r)
}

var (
	nameWordRE   = regexp.MustCompile(`^\p{Lu}[\p{L}’'.\-]*$`)
	notNameFirst = map[string]bool{"The": true, "A": true, "An": true, "This": true, "That": true}
	pronouns     = map[string]bool{"he": true, "she": true, "him": true, "her": true, "they": true, "we": true, "i": true, "it": true, "you": true}
)

// isCapitalisedName says s reads as a name: one to four capitalised words
// ("Mr. Becker", "Anna Ruiz"), not a pronoun nor "The Gazette".
func isCapitalisedName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 4 || notNameFirst[words[0]] || pronouns[strings.ToLower(s)] {
		return false
	}
	for _, w := range words {
		if !nameWordRE.MatchString(w) {
			return false
		}
	}
	return true
}

// overlapsAny says s overlaps any of spans.
func overlapsAny(spans []editor.Span, s editor.Span) bool {
	for _, x := range spans {
		if x.Overlaps(s) {
			return true
		}
	}
	return false
}

// unattributed strips the attribution from a quotation that makes a
// paragraph of its own, `“…,” NAME said.` becoming `“….”`, where it opens
// the body or the paragraph before it has no quotation mark and no gold
// attribution, so that nothing lends the quotation a speaker: news style
// reads a bare quotation paragraph as the previous paragraph's speaker.
//
// The rule first written for this benchmark asked for nothing quoted or
// attributed anywhere earlier in the body. No PolNeAR dev+test article has
// a framed quotation after a body free of attribution (ledes attribute),
// so that rule made no faults at all; the previous paragraph is what
// decides whether a bare quotation reads as someone's.
func (a *faultArticle) unattributed() []fault {
	var out []fault
	for _, f := range a.frames {
		par := paragraphAround(a.text, f.quoteSpan())
		prev, ok := a.paragraphBefore(par)
		if par.Start != f.open || strings.TrimSpace(a.text[f.end:par.End]) != "" || ok && !a.quiet(prev) {
			continue
		}
		repl := "." + f.close
		out = append(out, fault{
			kind: faultUnattributed, doc: a.id, text: a.text[:f.comma] + repl + a.text[f.end:],
			at:    editor.Span{Start: f.comma, End: f.comma + len(repl)},
			quote: editor.Span{Start: f.open, End: f.comma + len(repl)},
			want:  editor.CheckUnattributed,
		})
	}
	return spread(out, faultsPerArticle)
}

// paragraphBefore returns the non-blank line before par; false when par
// opens the body.
func (a *faultArticle) paragraphBefore(par editor.Span) (editor.Span, bool) {
	end := len(strings.TrimRight(a.text[:par.Start], " \t\n"))
	start := strings.LastIndexByte(a.text[:end], '\n') + 1
	return editor.Span{Start: start, End: end}, start >= a.body && end > start
}

// quiet says span has no quotation mark and no gold attribution.
func (a *faultArticle) quiet(span editor.Span) bool {
	if s := span.In(a.text); strings.ContainsAny(s, "“”‘\"") || strings.Contains(s, "''") {
		return false
	}
	for _, g := range a.gold {
		if overlapsAny(g.source, span) || overlapsAny(g.content, span) {
			return false
		}
	}
	return true
}

// ambiguous replaces the speaker's name by he or she where the sentence
// before names two different people of that sex and does not quote or
// report the speaker. When it does ("Karl Rove said on Sunday that he no
// longer believed Mr. Trump had a path to victory. “I don't see it
// happening,” Mr. Rove said."), a reader takes he for the one just quoted,
// rightly: that is the continuing-control, not a fault. Nor when the
// speaker is the sentence's subject: "Davis laid out one last indisputable
// fact: / “This is the first American woman …,” she said." reads as
// Davis whoever else the sentence names; that is the subject-control.
func (a *faultArticle) ambiguous() []fault {
	var out []fault
	for _, f := range a.frames {
		p, g := a.personAt(f.name)
		prev, ok := a.prevSentence(f.open)
		if g == "" || !ok || len(a.namedIn(prev, g)) < 2 || a.speaksIn(prev, p) || a.subjectOf(prev, p) {
			continue
		}
		out = append(out, a.pronounFault(faultAmbiguous, f, g))
	}
	return spread(out, faultsPerArticle)
}

// floorControl replaces the speaker's name by he or she where the sentence
// before names two people of that sex and quotes or reports the speaker,
// and no one else of that sex: the speaker keeps the floor.
func (a *faultArticle) floorControl() []fault {
	var out []fault
	for _, f := range a.frames {
		p, g := a.personAt(f.name)
		prev, ok := a.prevSentence(f.open)
		if g == "" || !ok || len(a.namedIn(prev, g)) < 2 || !a.speaksIn(prev, p) {
			continue
		}
		others := false
		for q := range a.namedIn(prev, g) {
			others = others || q != p && a.speaksIn(prev, q)
		}
		if !others {
			out = append(out, a.pronounFault(controlFloor, f, g))
		}
	}
	return spread(out, faultsPerArticle)
}

// subjectControl replaces the speaker's name by he or she where the
// sentence before names two people of that sex, has the speaker as its
// subject and does not quote or report them: a reader takes the pronoun
// for the subject.
func (a *faultArticle) subjectControl() []fault {
	var out []fault
	for _, f := range a.frames {
		p, g := a.personAt(f.name)
		prev, ok := a.prevSentence(f.open)
		if f.inverted || g == "" || !ok || len(a.namedIn(prev, g)) < 2 || a.speaksIn(prev, p) || !a.subjectOf(prev, p) {
			continue
		}
		out = append(out, a.pronounFault(controlSubject, f, g))
	}
	return spread(out, faultsPerArticle)
}

// speaksIn says a gold attribution in span has the person as its source:
// the sentence quotes or reports them.
func (a *faultArticle) speaksIn(span editor.Span, person int) bool {
	if person < 0 {
		return false
	}
	for _, g := range a.gold {
		for _, src := range g.source {
			if !span.Contains(src) {
				continue
			}
			for _, m := range a.doc.People[person].Mentions {
				if src.Overlaps(m) {
					return true
				}
			}
		}
	}
	return false
}

// isControl says the kind is a control: edits that must draw nothing.
func isControl(kind string) bool {
	return kind == controlHeadline || kind == controlPronoun || kind == controlFloor || kind == controlSubject
}

// pronounControl replaces the speaker's name by he or she where the
// sentence before has that person as its subject and names nobody else.
func (a *faultArticle) pronounControl() []fault {
	var out []fault
	for _, f := range a.frames {
		p, g := a.personAt(f.name)
		prev, ok := a.prevSentence(f.open)
		if f.inverted || g == "" || !ok || !a.subjectOf(prev, p) || !a.namesOnly(prev, p) || len(a.namedIn(prev, g)) > 1 {
			continue
		}
		out = append(out, a.pronounFault(controlPronoun, f, g))
	}
	return spread(out, faultsPerArticle)
}

// pronounFault replaces NAME by the pronoun: `NAME said` becomes `he said`
// and `said NAME` also becomes `he said`, as "said he" is not house style.
func (a *faultArticle) pronounFault(kind string, f quoteFrame, gender string) fault {
	pro := map[string]string{"male": "he", "female": "she"}[gender]
	edit, repl := f.name, pro
	if f.inverted {
		edit, repl = editor.Span{Start: f.said.Start, End: f.name.End}, pro+" said"
	}
	return fault{
		kind: kind, doc: a.id, text: a.text[:edit.Start] + repl + a.text[edit.End:],
		at:    editor.Span{Start: edit.Start, End: edit.Start + len(pro)},
		quote: f.quoteSpan(), want: editor.CheckAmbiguousSpeaker, control: isControl(kind),
	}
}

// personAt returns the person the analysis finds at name (-1 if none) and
// their sex, from a courtesy title or the analysis ("" when unknown).
func (a *faultArticle) personAt(name editor.Span) (int, string) {
	for i, p := range a.doc.People {
		if overlapsAny(p.Mentions, name) {
			return i, a.mentionGender(i, name)
		}
	}
	return -1, titleGender(a.text[max(0, name.Start-5):name.End])
}

// gender is the person's sex as the analysis gives it, else from a
// courtesy title on any of their mentions.
func (a *faultArticle) gender(person int) string {
	p := a.doc.People[person]
	if p.Gender != "" {
		return p.Gender
	}
	for _, m := range p.Mentions {
		if g := titleGender(a.text[max(0, m.Start-5):m.End]); g != "" {
			return g
		}
	}
	return ""
}

// prevSentence returns the sentence before the one holding pos, if it is
// in the body.
func (a *faultArticle) prevSentence(pos int) (editor.Span, bool) {
	ss := a.doc.Sentences
	i := sort.Search(len(ss), func(i int) bool { return ss[i].End > pos })
	if i <= 0 || i >= len(ss) || ss[i-1].Start < a.body {
		return editor.Span{}, false
	}
	return ss[i-1], true
}

// namedIn returns the people of the given sex ("" for any) named in span
// outside quotations by a capitalised name that could be a person's: not a
// pronoun, an acronym nor part of an organisation's name. For a given sex,
// a bare surname two people share does not count.
func (a *faultArticle) namedIn(span editor.Span, gender string) map[int]bool {
	out := map[int]bool{}
	orgs := orgRuns(a.text, span)
	for i, p := range a.doc.People {
		for _, m := range p.Mentions {
			w := m.In(a.text)
			if !span.Contains(m) || overlapsAny(a.quotes, m) || overlapsAny(orgs, m) ||
				!isCapitalised(w) || pronouns[strings.ToLower(w)] || isAcronym(w) {
				continue
			}
			if gender == "" || a.mentionGender(i, m) == gender && !a.sharedSurname(i, m) {
				out[i] = true
			}
		}
	}
	return out
}

// sharedSurname says m is a bare surname that another person in the story
// also has ("Ruiz" with Anna and Luis Ruiz), so its sex is a
// guess of the analysis.
func (a *faultArticle) sharedSurname(person int, m editor.Span) bool {
	w := m.In(a.text)
	if strings.Contains(w, " ") {
		return false
	}
	for i, p := range a.doc.People {
		if i != person && strings.HasSuffix(" "+p.Name, " "+w) {
			return true
		}
	}
	return false
}

// mentionGender is the sex a mention gives its person: a courtesy title
// in or just before it wins ("Mr. Ruiz" is not Anna Ruiz, whatever
// the analysis linked it to), else the person's.
func (a *faultArticle) mentionGender(person int, m editor.Span) string {
	if g := titleGender(a.text[max(0, m.Start-5):m.End]); g != "" {
		return g
	}
	return a.gender(person)
}

// titleGender reads the sex from a courtesy title in s.
func titleGender(s string) string {
	switch {
	case strings.Contains(s, "Mr. "):
		return "male"
	case strings.Contains(s, "Ms. "), strings.Contains(s, "Mrs. "):
		return "female"
	}
	return ""
}

// subjectOf says the sentence opens with a mention of the person as its
// subject, perhaps after a conjunction ("But Smith said"): not "Smith’s
// aide", not "Smith and Jones".
func (a *faultArticle) subjectOf(s editor.Span, person int) bool {
	if person < 0 {
		return false
	}
	start := s.Start + len(s.In(a.text)) - len(strings.TrimLeft(s.In(a.text), " \t\n"))
	if w, _, ok := strings.Cut(a.text[start:s.End], " "); ok && sentenceOpeners[w] {
		start += len(w) + 1
	}
	for _, m := range a.doc.People[person].Mentions {
		if m.Start != start {
			continue
		}
		rest := a.text[m.End:s.End]
		for _, bad := range []string{"’s", "'s", " and ", " or ", " & "} {
			if strings.HasPrefix(rest, bad) {
				return false
			}
		}
		return true
	}
	return false
}

// sentenceOpeners may come before a sentence's subject.
var sentenceOpeners = wordSet("And But Yet Still So Now Then Later")

var (
	faultWordRE  = regexp.MustCompile(`\p{L}[\p{L}\p{M}’'.\-]*`)
	calendarWord = regexp.MustCompile(`^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December|Jan|Feb|Aug|Sept|Oct|Nov|Dec)\.?$`)
)

// namesOnly says the sentence, outside quotations, names the person and
// has no other capitalised word that could be a person: every capitalised
// word is in one of their mentions, a day or month (not May, which can be
// a name), an acronym, a party or
// nationality word, or in a run of capitalised words that names an
// organisation ("Institute for Harbor Studies").
func (a *faultArticle) namesOnly(s editor.Span, person int) bool {
	allowed := append(append([]editor.Span(nil), a.doc.People[person].Mentions...), orgRuns(a.text, s)...)
	for _, loc := range faultWordRE.FindAllStringIndex(s.In(a.text), -1) {
		w := editor.Span{Start: s.Start + loc[0], End: s.Start + loc[1]}
		word := w.In(a.text)
		if !isCapitalised(word) || overlapsAny(a.quotes, w) || overlapsAny(allowed, w) {
			continue
		}
		if !calendarWord.MatchString(word) && !isAcronym(word) && !groupWords[word] && !sentenceOpeners[word] {
			return false
		}
	}
	return true
}

// isCapitalised says w starts with a capital letter.
func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

var (
	// orgWords head or end the names of organisations, never of people.
	orgWords = wordSet("Institute University College School Party Committee Department Council Court Center " +
		"House Senate Congress Foundation Association Agency Administration Bureau Commission Company " +
		"Corporation Times Post Journal News Network Bank Fund Group Office Service Union Church " +
		"Hospital Board Authority Ministry Assembly Caucus Coalition Alliance Club Project Campaign")
	// groupWords name parties and nations, not a person.
	groupWords = wordSet("Democrat Democrats Democratic Republican Republicans American Americans")
	// orgJoiners may join the words of an organisation's name.
	orgJoiners = wordSet("of for and the on")
)

// wordSet makes a set of the space-separated words.
func wordSet(words string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(words) {
		out[w] = true
	}
	return out
}

// orgRuns returns the runs of capitalised words in span s, joined by
// single spaces and small words, that hold an organisation word.
func orgRuns(text string, s editor.Span) []editor.Span {
	locs := faultWordRE.FindAllStringIndex(s.In(text), -1)
	word := func(i int) string {
		return strings.TrimSuffix(strings.TrimSuffix(text[s.Start+locs[i][0]:s.Start+locs[i][1]], "’s"), "'s")
	}
	joined := func(i int) bool { return text[s.Start+locs[i-1][1]:s.Start+locs[i][0]] == " " }
	var out []editor.Span
	for i := 0; i < len(locs); {
		if !isCapitalised(word(i)) {
			i++
			continue
		}
		j, org := i, false
		for j < len(locs) && (j == i || joined(j)) && (isCapitalised(word(j)) || orgJoiners[word(j)] && j+1 < len(locs) && isCapitalised(word(j+1))) {
			org = org || orgWords[word(j)]
			j++
		}
		if org {
			out = append(out, editor.Span{Start: s.Start + locs[i][0], End: s.Start + locs[j-1][1]})
		}
		i = j
	}
	return out
}

// isAcronym says w is two or more capitals, perhaps dotted: GOP, U.S.
func isAcronym(w string) bool {
	letters := strings.ReplaceAll(w, ".", "")
	return utf8.RuneCountInString(letters) >= 2 && strings.ToUpper(letters) == letters
}

// loadedVerbs replace "said", alternately, in the verb faults.
var loadedVerbs = []string{"claimed", "admitted"}

// verbs replaces "said" in explicit attributions by a loaded verb.
func (a *faultArticle) verbs() []fault {
	var out []fault
	for _, f := range a.frames {
		v := loadedVerbs[len(out)%len(loadedVerbs)]
		out = append(out, fault{
			kind: faultVerb, doc: a.id, text: a.text[:f.said.Start] + v + a.text[f.said.End:],
			at:    editor.Span{Start: f.said.Start, End: f.said.Start + len(v)},
			quote: f.quoteSpan(), want: editor.CheckAttributionVerb,
		})
	}
	return spread(out, faultsPerArticle)
}

// unsaidWords are the words of the invented headline quotation: unlikely
// in political news, and each checked absent from the article.
var unsaidWords = []string{"Marmalade", "Quartz", "Bicycle", "Lantern", "Walrus", "Tangerine", "Saxophone", "Origami"}

// headline appends a quotation of words nobody said to the headline.
func (a *faultArticle) headline() []fault {
	lower := strings.ToLower(a.text)
	var words []string
	for _, w := range unsaidWords {
		if len(words) < 3 && !strings.Contains(lower, strings.ToLower(w)) {
			words = append(words, w)
		}
	}
	if len(words) < 3 {
		return nil
	}
	return []fault{a.headlineQuote(faultHeadline, strings.Join(words, " "))}
}

// headlineControl appends to the headline a quotation of words copied
// from a direct quotation in the body, which the check must accept.
func (a *faultArticle) headlineControl() []fault {
	for _, g := range a.gold {
		if !g.quoted {
			continue
		}
		for _, c := range g.content {
			if words := a.quotedWords(c); words != "" {
				return []fault{a.headlineQuote(controlHeadline, words)}
			}
		}
	}
	return nil
}

var (
	quotedRE   = regexp.MustCompile(`“([^“”\n]+)”|"([^"\n]+)"`)
	cleanWord  = regexp.MustCompile(`^\p{L}+(-\p{L}+)*$`)
	wordTrimRE = regexp.MustCompile(`^[,.;:!?()\[\]—–…-]+|[,.;:!?()\[\]—–…-]+$`)
)

// quotedWords returns three or four consecutive words from inside quote
// marks in the gold content c (widened by a mark on each side, since gold
// contents often leave the marks out), or "". Words with apostrophes,
// nested quotation marks, digits or inner punctuation are passed over, to
// keep the control about matching words rather than about reading marks.
func (a *faultArticle) quotedWords(c editor.Span) string {
	lo, hi := max(a.body, c.Start-len("“")), min(len(a.text), c.End+len("”"))
	if hi <= lo {
		return "" // in the headline
	}
	for lo > 0 && !utf8.RuneStart(a.text[lo]) {
		lo--
	}
	for hi < len(a.text) && !utf8.RuneStart(a.text[hi]) {
		hi++
	}
	for _, m := range quotedRE.FindAllStringSubmatch(a.text[lo:hi], -1) {
		var run []string
		for _, w := range strings.Fields(m[1] + m[2]) {
			w = wordTrimRE.ReplaceAllString(w, "")
			if !cleanWord.MatchString(w) {
				run = nil
				continue
			}
			if run = append(run, w); len(run) == 4 {
				break
			}
		}
		if len(run) >= 3 {
			return strings.Join(run, " ")
		}
	}
	return ""
}

// headlineQuote appends `: ‘words’` to the headline, in place of a final
// period.
func (a *faultArticle) headlineQuote(kind, words string) fault {
	end := a.body - 1
	h := strings.TrimSuffix(strings.TrimRight(a.text[:end], " \t\r"), ".")
	ins := ": ‘" + words + "’"
	return fault{
		kind: kind, doc: a.id, text: h + ins + a.text[end:],
		at:   editor.Span{Start: len(h) + len(": "), End: len(h) + len(ins)},
		want: editor.CheckHeadlineUnsupported, control: kind == controlHeadline,
	}
}

// spread keeps at most n faults, evenly spaced through the article.
func spread(fs []fault, n int) []fault {
	if len(fs) <= n {
		return fs
	}
	out := make([]fault, 0, n)
	for i := range n {
		out = append(out, fs[i*len(fs)/n])
	}
	return out
}

// goldAttribution is a gold attribution the test below writes itself.
type goldAttribution = newstest.PolNeARAttribution

// ownArticle is invented copy, not corpus text: a quotation opening the
// body, two women named before a quotation that follows no attribution,
// and a man who is the only person in the sentence before his quotation.
const ownArticle = "City Council Approves Harbor Plan After Long Debate\n\n" +
	"“We waited ten years for this vote,” Maria Delgado said.\n\n" +
	"The plan adds bicycle lanes and a ferry stop along the waterfront. It passed 5-2 on Tuesday.\n\n" +
	"Ms. Delgado and Anna Ruiz, who drafted the plan, sat together at the meeting.\n\n" +
	"“The harbor belongs to everyone,” said Anna Ruiz.\n\n" +
	"Tom Becker, a retired engineer, said the plan costs too much.\n\n" +
	"“It is a gift to developers,” Mr. Becker said.\n"

// ownAttr is a gold attribution of ownArticle: its content, and its
// source's first occurrence after the content (or, failing that, the last
// before it).
type ownAttr struct {
	content, source string
	quoted          bool
}

// ownDoc makes a PolNeAR document of text with the given gold, in code
// points as the corpus has them.
func ownDoc(t *testing.T, text string, attrs ...ownAttr) newstest.PolNeARDoc {
	t.Helper()
	cp := func(b int) int { return utf8.RuneCountInString(text[:b]) }
	doc := newstest.PolNeARDoc{Doc: "own", Text: text}
	for _, at := range attrs {
		c := strings.Index(text, at.content)
		if c < 0 {
			t.Fatalf("gold content %q not in the article", at.content)
		}
		s := strings.Index(text[c:], at.source)
		if s >= 0 {
			s += c
		} else if s = strings.LastIndex(text[:c], at.source); s < 0 {
			t.Fatalf("gold source %q not in the article", at.source)
		}
		doc.Attributions = append(doc.Attributions, goldAttribution{
			Source:  [][2]int{{cp(s), cp(s + len(at.source))}},
			Content: [][2]int{{cp(c), cp(c + len(at.content))}},
			Quoted:  at.quoted,
		})
	}
	return doc
}

// TestInjectFaultsOnOwnText checks that each generator makes the expected
// single edit, at the expected place, on an article written for the test,
// and no other.
func TestInjectFaultsOnOwnText(t *testing.T) {
	doc := ownDoc(t, ownArticle,
		ownAttr{"We waited ten years for this vote,", "Maria Delgado", true},
		ownAttr{"The harbor belongs to everyone,", "Anna Ruiz", true},
		ownAttr{"the plan costs too much", "Tom Becker", false},
		ownAttr{"It is a gift to developers,", "Mr. Becker", true})
	const headline = "City Council Approves Harbor Plan After Long Debate"
	tests := []struct {
		name, kind, old, new string
		at, quote            string // the edited span and the quotation, in the new text
	}{
		{"quotation opening the body loses its speaker", faultUnattributed, ",” Maria Delgado said.", ".”", ".”", "“We waited ten years for this vote.”"},
		{"quotation after an unattributed paragraph loses its speaker", faultUnattributed, ",” said Anna Ruiz.", ".”", ".”", "“The harbor belongs to everyone.”"},
		{"he or she after two women", faultAmbiguous, "said Anna Ruiz.", "she said.", "she", "“The harbor belongs to everyone,”"},
		{"headline quotes unsaid words, skipping one the story has", faultHeadline, headline, headline + ": ‘Marmalade Quartz Lantern’", "‘Marmalade Quartz Lantern’", ""},
		{"first verb", faultVerb, "Maria Delgado said", "Maria Delgado claimed", "claimed", "“We waited ten years for this vote,”"},
		{"second verb", faultVerb, "said Anna Ruiz", "admitted Anna Ruiz", "admitted", "“The harbor belongs to everyone,”"},
		{"third verb", faultVerb, "Mr. Becker said", "Mr. Becker claimed", "claimed", "“It is a gift to developers,”"},
		{"headline quotes the body", controlHeadline, headline, headline + ": ‘We waited ten years’", "‘We waited ten years’", ""},
		{"pronoun for the only man named", controlPronoun, "Mr. Becker said", "he said", "he", "“It is a gift to developers,”"},
	}
	faults := injectFaults(doc)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := strings.Replace(ownArticle, tt.old, tt.new, 1)
			for _, f := range faults {
				if f.kind == tt.kind && f.text == want {
					if got := f.at.In(f.text); got != tt.at {
						t.Errorf("edited span = %q, want %q", got, tt.at)
					}
					if got := f.quote.In(f.text); got != tt.quote {
						t.Errorf("quotation = %q, want %q", got, tt.quote)
					}
					return
				}
			}
			t.Errorf("no %s fault replaces %q by %q; got %s", tt.kind, tt.old, tt.new, describeFaults(faults, tt.kind))
		})
	}
	if len(faults) != len(tests) {
		t.Errorf("got %d faults, want %d: %s", len(faults), len(tests), describeFaults(faults, ""))
	}
}

// describeFaults lists the edited places of the faults of a kind (all
// kinds for ""), for failure messages.
func describeFaults(faults []fault, kind string) string {
	var out []string
	for _, f := range faults {
		if kind == "" || f.kind == kind {
			out = append(out, fmt.Sprintf("%s %q", f.kind, faultSnippet(f.text, f.at)))
		}
	}
	if len(out) == 0 {
		return "none"
	}
	return strings.Join(out, ", ")
}
