package quote

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"copydesk/editor"
)

// The attribution checks. Each reads an analysed document and returns its
// findings; the review package names them, gives their severity and runs
// them (see review.Checks).

// Unattributed flags quotations with no speaker at all: words in quotation
// marks, a sentence or more, that nothing in the story gives to anyone. A
// reported statement with no speaker ("the plan was approved") is the
// story's own account, and a few quoted words inside the writer's sentence
// (a slogan, a term, "a “high priority” donor") lean on that sentence;
// neither is flagged.
func Unattributed(d *Document) []editor.Finding {
	var out []editor.Finding
	for qi, q := range d.Quotes {
		if !q.Speech || q.Headline || q.Attribution != AttrNone || q.stance || !q.Direct || q.Partial || d.contextSpeaks(qi) {
			continue
		}
		out = append(out, editor.Finding{
			Check: editor.CheckUnattributed, Severity: editor.Warning, Span: q.Span,
			Message: "This quotation has no speaker; say who said it.",
			Why:     "no one is named at the quotation, and neither its paragraph nor the one before quotes or reports anyone or names a person before it",
		})
	}
	return out
}

// contextSpeaks says the story around quotation qi gives the reader a
// speaker even though no frame names one: an earlier quotation or
// statement in its paragraph or in the paragraph before (a bare quotation
// paragraph is read as the last speaker going on), a paragraph before that
// ends in a colon, or a person named outside quotation marks earlier in its
// paragraph or later in its sentence ("As Tom Ridge put it: “…”",
// "Clinton began Sunday with a tweet. “…”").
func (d *Document) contextSpeaks(qi int) bool {
	q := d.Quotes[qi]
	back := q.Paragraph - 1
	if back > 0 && d.stageDirection(back) {
		// "“…,” Miller said into the phone. / She pauses. / “Well,
		// thank you so much.”": a few words of action between one
		// speaker's lines do not interrupt them.
		back--
	}
	if d.subhead(q) {
		return true
	}
	for k := qi - 1; k >= 0 && d.Quotes[k].Paragraph >= back; k-- {
		if p := d.Quotes[k]; p.Speech && !p.Headline {
			return true
		}
	}
	if q.Paragraph > 1 && strings.HasSuffix(strings.TrimSpace(d.Paragraphs[q.Paragraph-1].In(d.Text)), ":") {
		return true
	}
	par := d.Paragraphs[q.Paragraph]
	if asFrame.MatchString(d.Text[par.Start:q.Span.Start]) {
		return true
	}
	if d.quoteLede(q) || transcriptLine.MatchString(d.Text[par.Start:q.Span.Start]) {
		return true
	}
	sentEnd := d.toks[d.sentStart[d.sentenceOf(d.tokenAt(q.Span.Start))+1]-1].end
	for k := sort.Search(len(d.mentions), func(i int) bool { return d.mentions[i].span.Start >= par.Start }); k < len(d.mentions); k++ {
		m := d.mentions[k]
		if m.span.Start >= sentEnd {
			break
		}
		if m.inQuote {
			continue
		}
		if m.span.End <= q.Span.Start || m.span.Start >= q.Span.End {
			return true
		}
	}
	return false
}

// stageDirection says paragraph p is a few words of action with no
// quotation in it: "She pauses.", "Pause.", "Laughter."
func (d *Document) stageDirection(p int) bool {
	words := 0
	for i := d.parTok[p]; i < d.parTok[p+1]; i++ {
		switch d.toks[i].kind {
		case tokQuote:
			return false
		case tokWord:
			words++
		}
	}
	return words > 0 && words <= 3
}

// subhead says quotation q is a short line set between paragraphs in
// single marks, as headlines and subheads set quotations, in a story whose
// quotations are in double marks: the Washington Post's "‘A change
// warrior.’" between sections, an agency's "– ‘Who cares?’ –".
func (d *Document) subhead(q Quote) bool {
	lo, hi := d.parTok[q.Paragraph], d.parTok[q.Paragraph+1]
	words, open := 0, -1
	for i := lo; i < hi; i++ {
		switch t := d.toks[i]; t.kind {
		case tokWord:
			words++
		case tokQuote:
			if open < 0 {
				open = i
			}
		}
	}
	if open < 0 || d.toks[open].double || words > 12 || q.Paragraph+1 >= len(d.Paragraphs) {
		return false
	}
	double, single := 0, 0
	for _, o := range d.Quotes {
		if !o.Direct || o.Headline || o.Paragraph == q.Paragraph {
			continue
		}
		if t := d.toks[d.tokenAt(o.Span.Start)]; t.kind != tokQuote {
			continue
		} else if t.double {
			double++
		} else {
			single++
		}
	}
	return double > single
}

// transcriptLine matches the label that opens a line of a transcript or
// an interview, before a quotation inside it: "A: No. … ‘We gotta take on
// Wall Street …’" is the one answering, quoting someone.
var transcriptLine = regexp.MustCompile(`^\s*(Q|A|\p{Lu}[\p{Lu}.'’\-]+(\s\p{Lu}[\p{Lu}.'’\-]+)?)\s*:`)

// quoteLede says q opens the story's body on its own, after at most a
// dateline or a label line ("FULL TEXT."), and the paragraph after it
// names a person outside quotation marks: a quote lede, which news style
// credits in the paragraph that follows ("“The economy, stupid.” / That
// was James Carville's …").
func (d *Document) quoteLede(q Quote) bool {
	p := 0
	if d.HasHeadline {
		p = 1
	}
	for p < q.Paragraph && len(strings.Fields(d.Paragraphs[p].In(d.Text))) <= 3 {
		p++ // a label line
	}
	if q.Paragraph != p || p+1 >= len(d.Paragraphs) {
		return false
	}
	par := d.Paragraphs[p]
	if before := strings.TrimSpace(d.Text[par.Start:q.Span.Start]); before != "" && !datelineOnly(before) {
		return false
	}
	if strings.TrimSpace(strings.Trim(d.Text[q.Span.End:par.End], ".,;:—–- ")) != "" {
		return false
	}
	next := d.Paragraphs[p+1]
	for _, m := range d.mentions {
		if m.span.Start >= next.Start && m.span.End <= next.End && !m.inQuote {
			return true
		}
	}
	return false
}

// datelineOnly says s is a dateline and its dash: "LOS ANGELES --".
func datelineOnly(s string) bool {
	s = strings.TrimRight(s, "-—– ")
	return s != "" && allCaps(strings.ReplaceAll(strings.ReplaceAll(s, " ", ""), ",", "")) && len(s) < 40
}

// asFrame matches the text before a quotation that credits it to a
// source of any kind, a person or not: "As Vulture put it, “…”", "As the
// band sang back in the 1980s, “…”".
var asFrame = regexp.MustCompile(`(?i)(^|[\s(—–-])as\s+[^,.;:“”"]{1,60}?\s+(put it|puts it|says|said|sang|sings|wrote|writes|noted|notes|asked|asks)(\s+[^,.;:“”"]{1,30}?)?\s*[,:]?\s*$`)

// AmbiguousSpeakers flags speakers that do not point to one person and
// quotations that refer by pronoun to someone the story never names.
//
// A pronoun that attributes several quotations ("“…,” he said. “…”") is
// one fault and gets one finding.
func AmbiguousSpeakers(d *Document) []editor.Finding {
	var out []editor.Finding
	flagged := map[editor.Span]bool{}
	for _, q := range d.Quotes {
		if !q.Speech || q.Headline {
			continue
		}
		if q.Attribution == AttrAmbiguous && q.Speaker != nil && !flagged[q.Speaker.Span] && d.reportsSpeech(q) {
			flagged[q.Speaker.Span] = true
			msg := fmt.Sprintf("%q could refer to more than one person here; name the speaker.", q.Speaker.Text)
			if len(q.Candidates) > 1 {
				msg = fmt.Sprintf("%q could be %s; name the speaker.", q.Speaker.Text, orList(q.Candidates))
			}
			out = append(out, editor.Finding{
				Check: editor.CheckAmbiguousSpeaker, Severity: editor.Warning, Span: q.Speaker.Span,
				Message: msg, Why: q.Why,
			})
		}
		if !q.Direct {
			continue
		}
		if sp, g, ok := d.unnamedReferent(q); ok {
			out = append(out, editor.Finding{
				Check: editor.CheckAmbiguousSpeaker, Severity: editor.Warning, Span: sp,
				Message: fmt.Sprintf("The quote refers to %q, but the story names no %s it could be; say who is meant.", sp.In(d.Text), g),
				Why:     fmt.Sprintf("no %s is named, called %s, or described (his wife, my father) before the quotation", g, sp.In(d.Text)),
			})
		}
	}
	return out
}

// unnamedReferent finds a he or she at the start of a quotation when the
// story names no person of that gender before the quotation.
func (d *Document) unnamedReferent(q Quote) (editor.Span, string, bool) {
	inner := strings.TrimLeftFunc(q.Text, func(r rune) bool { return !unicode.IsLetter(r) })
	w := strings.ToLower(firstWord(inner))
	w = strings.ReplaceAll(w, "’", "'")
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "'d")
	var g gender
	switch w {
	case "she", "her":
		g = genderFemale
	case "he", "him", "his":
		g = genderMale
	default:
		return editor.Span{}, "", false
	}
	if rest := strings.TrimLeft(inner[len(firstWord(inner)):], " "); strings.HasPrefix(rest, "[") {
		// "She [France] is strong": the bracket names who is meant.
		return editor.Span{}, "", false
	}
	for _, m := range d.mentions {
		if m.span.Start >= q.Span.Start {
			break
		}
		if d.People[m.person].Gender == g.String() {
			return editor.Span{}, "", false
		}
	}
	// The story calling someone he or she outside quotations ("“I'm going
	// to be above the president,” she said.") has a person of that sex in
	// it, named in a way the analysis did not read.
	for i := range d.toks {
		t := d.toks[i]
		if t.start >= q.Span.Start {
			break
		}
		if t.kind == tokWord && t.region < 0 && !d.isHeadline(t.paragraph) {
			if pi, ok := d.lx.pronouns[pronounWord(t.lower)]; ok && pi.gender == g && !pi.plural && !pi.first {
				return editor.Span{}, "", false
			}
		}
	}
	// "my father", "his wife" just before also give the pronoun a referent.
	from := max(0, q.Span.Start-400)
	for _, w := range strings.FieldsFunc(strings.ToLower(d.Text[from:q.Span.Start]), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if d.lx.gender[w] == g {
			return editor.Span{}, "", false
		}
	}
	fw := firstWord(inner)
	pro := fw
	if k := strings.IndexAny(fw, "’'"); k > 0 {
		pro = fw[:k] // She’s -> She
	}
	start := q.Span.Start + strings.Index(d.Text[q.Span.Start:q.Span.End], fw)
	word := "woman"
	if g == genderMale {
		word = "man"
	}
	return editor.Span{Start: start, End: start + len(pro)}, word, true
}

func firstWord(s string) string {
	end := strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == '.' })
	if end < 0 {
		return s
	}
	return s[:end]
}

// FloatingQuotes notes quotations attributed only by following another
// speaker's quotation.
func FloatingQuotes(d *Document) []editor.Finding {
	var out []editor.Finding
	for _, q := range d.Quotes {
		if !q.Speech || q.Attribution != AttrContinuation {
			continue
		}
		who := "the previous speaker"
		if q.SpeakerName != "" {
			who = q.SpeakerName
		}
		out = append(out, editor.Finding{
			Check: editor.CheckFloating, Severity: editor.Info, Span: q.Span,
			Message: fmt.Sprintf("This quotation has no attribution of its own and is read as %s continuing; consider naming the speaker.", who),
		})
	}
	return out
}

// UnsupportedHeadlineQuotes flags words in quotation marks in the headline
// that no quotation in the body contains, nor any of sources (texts the
// story was written from, such as transcripts and wire copy).
func UnsupportedHeadlineQuotes(d *Document, sources []string) []editor.Finding {
	var body, said []string
	for _, q := range d.Quotes {
		if q.Direct && !q.Headline {
			body = append(body, normalizeForMatch(q.Text))
		}
	}
	var out []editor.Finding
	for _, q := range d.Quotes {
		if !q.Headline || !q.Direct {
			continue
		}
		want := normalizeForMatch(q.Text)
		if want == "" || containsAny(body, want) || containsStem(body, want) || d.namedInBody(q.Text) || d.termInBody(q.Text) {
			continue
		}
		if said == nil && len(sources) > 0 {
			said = make([]string, len(sources))
			for i, s := range sources {
				said[i] = normalizeForMatch(s)
			}
		}
		if containsAny(said, want) {
			continue
		}
		out = append(out, editor.Finding{
			Check: editor.CheckHeadlineUnsupported, Severity: editor.Warning, Span: q.Span,
			Message: fmt.Sprintf("The headline quotes %q, but no quotation in the story contains those words; quote what was said or drop the quote marks.", q.Text),
			Why:     "no quotation in the body or the sources holds these words, and the body does not use them as a name or term",
			Fix:     dropQuoteMarks(d.Text, q.Span),
		})
	}
	return out
}

// namedInBody says headline words in quotation marks are a name the story
// gives as written, in capitals ("Bradley Cooper upset ‘American Sniper’
// fans", the body naming the film American Sniper): a title, not words put
// in someone's mouth.
func (d *Document) namedInBody(text string) bool {
	words := strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '’' && r != '\'' && r != '-'
	})
	if len(words) == 0 || len(d.Paragraphs) < 2 {
		return false
	}
	for _, w := range words {
		if r := []rune(w)[0]; !unicode.IsUpper(r) && !unicode.IsDigit(r) && !d.lx.titleSmallWords[w] {
			return false
		}
	}
	return strings.Contains(d.Text[d.Paragraphs[1].Start:], strings.Join(words, " "))
}

// termInBody says one word in quotation marks in the headline is a term
// the body uses ("Obama to frame election as ‘commander-in-chief’ test",
// the body on the commander-in-chief): scare quotes on a word the story
// gives, not words put in someone's mouth.
func (d *Document) termInBody(text string) bool {
	if len(strings.Fields(text)) != 1 || len(d.Paragraphs) < 2 {
		return false
	}
	want := strings.ToLower(strings.TrimFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
	for _, t := range d.toks[d.parTok[1]:] {
		if t.kind == tokWord && t.lower == want {
			return true
		}
	}
	return false
}

// containsStem says needle is in a quotation of hay with its last word
// inflected or derived: ‘radical Islam’ in “radical Islamists”.
func containsStem(hay []string, needle string) bool {
	if !strings.Contains(needle, " ") {
		return false
	}
	for _, h := range hay {
		if i := strings.Index(" "+h, " "+needle); i >= 0 {
			return true
		}
	}
	return false
}

func containsAny(hay []string, needle string) bool {
	for _, h := range hay {
		if strings.Contains(" "+h+" ", " "+needle+" ") {
			return true
		}
	}
	return false
}

// normalizeForMatch folds case, quotation-mark style, apostrophes and
// punctuation so "Not worried," matches “not worried”.
func normalizeForMatch(s string) string {
	var b strings.Builder
	space := true
	for _, r := range strings.ToLower(s) {
		switch {
		case r == '’' || r == '\'':
			b.WriteRune('\'')
			space = false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	return strings.TrimSpace(b.String())
}

// DistantPronouns notes a pronoun attribution that resolves to a person
// last quoted several paragraphs earlier, with someone else quoted since.
func DistantPronouns(d *Document) []editor.Finding {
	const gap = 3
	var out []editor.Finding
	for i, q := range d.Quotes {
		if !q.Speech || q.Attribution != AttrPronoun || q.person < 0 || q.Speaker == nil || q.Verb == nil || q.stance {
			continue
		}
		lastOwn, other := -1, false
		for k := i - 1; k >= 0; k-- {
			p := d.Quotes[k]
			if p.Paragraph < q.Paragraph-lookBack {
				break
			}
			if !p.Speech || p.Headline || p.stance || p.Span.Start >= q.Span.Start {
				continue
			}
			if p.person == q.person {
				lastOwn = p.Paragraph
				break
			}
			if p.person >= 0 {
				other = true
			}
		}
		if lastOwn < 0 || q.Paragraph-lastOwn < gap || !other {
			continue
		}
		out = append(out, editor.Finding{
			Check: editor.CheckDistantPronoun, Severity: editor.Info, Span: q.Speaker.Span,
			Message: fmt.Sprintf("%q is taken to mean %s, last quoted %d paragraphs earlier; consider repeating the name.", q.Speaker.Text, q.SpeakerName, q.Paragraph-lastOwn),
		})
	}
	return out
}

// UnbalancedMarks flags quotation marks that open or close nothing.
func UnbalancedMarks(d *Document) []editor.Finding {
	out := make([]editor.Finding, 0, len(d.Unbalanced))
	for _, s := range d.Unbalanced {
		out = append(out, editor.Finding{
			Check: editor.CheckUnbalanced, Severity: editor.Warning, Span: s,
			Message: "This quotation mark has no matching mark; close the quotation or remove the mark.",
		})
	}
	for _, s := range d.CreditInside {
		out = append(out, editor.Finding{
			Check: editor.CheckUnbalanced, Severity: editor.Warning, Span: s,
			Message: "This closing quotation mark comes after the credit line; close the quotation after its last word and set the credit outside the marks.",
			Why:     "a quotation that opens its paragraph and runs to its end, then a short line that starts with a capital and ends in the closing mark: a pull quote and its credit",
		})
	}
	for _, s := range d.WrongWay {
		out = append(out, editor.Finding{
			Check: editor.CheckUnbalanced, Severity: editor.Warning, Span: s,
			Message: "This quotation opens with a closing mark (”); use an opening mark (“).",
			Why:     "a closing double mark where a quotation opens, at the start of the paragraph or after a space and before a word, with a closing mark later in the paragraph",
		})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Span.Start < out[j].Span.Start })
	return out
}

// LoadedAttributionVerbs notes attribution verbs that add colour or
// judgement where news style uses "said".
func LoadedAttributionVerbs(d *Document) []editor.Finding {
	lx := d.lx
	var out []editor.Finding
	seen := make(map[editor.Span]bool)
	for _, q := range d.Quotes {
		if !q.Speech || q.Verb == nil || seen[q.Verb.Span] {
			continue
		}
		v := lx.cues[strings.ToLower(strings.ReplaceAll(q.Verb.Text, "’", "'"))]
		if !v.loaded {
			continue
		}
		seen[q.Verb.Span] = true
		out = append(out, editor.Finding{
			Check: editor.CheckAttributionVerb, Severity: editor.Info, Span: q.Verb.Span,
			Message: fmt.Sprintf("%q adds colour or judgement to the attribution; news style uses \"said\" unless the meaning is intended.", q.Verb.Text),
			Fix:     plainVerb(q.Verb),
		})
	}
	return out
}

// orList joins names as an editor writes them: "A or B", "A, B or C".
func orList(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// reportsSpeech reports whether q certainly puts words in someone's mouth:
// a quotation, or a statement introduced by one of the plainest verbs of
// saying ("he said that", "she told"). A pronoun in a sentence the reader may take as
// narration ("He has proposed surveillance", "He began his career") names
// no speaker, so it cannot be an ambiguous one.
func (d *Document) reportsSpeech(q Quote) bool {
	return q.Direct || q.Verb != nil && d.lx.speechVerbs[strings.ToLower(q.Verb.Text)]
}

// dropQuoteMarks is the fix that takes the quotation marks off span,
// leaving the words: a delete of the opening mark and of the closing one.
func dropQuoteMarks(text string, span editor.Span) *editor.Fix {
	quoted := span.In(text)
	first, n := utf8.DecodeRuneInString(quoted)
	last, m := utf8.DecodeLastRuneInString(quoted)
	if len(quoted) < n+m || !isQuoteMark(first) || !isQuoteMark(last) {
		return nil
	}
	return &editor.Fix{Message: "Drop the quote marks", Edits: []editor.Edit{
		{Span: editor.Span{Start: span.Start, End: span.Start + n}},
		{Span: editor.Span{Start: span.End - m, End: span.End}},
	}}
}

func isQuoteMark(r rune) bool { return strings.ContainsRune("\"'“”‘’«»„‚‹›", r) }

// plainVerb is the fix that puts "said" (or "says", "saying") for a loaded
// attribution verb, in the verb's tense and with its capital.
func plainVerb(v *Mention) *editor.Fix {
	if v == nil || v.Text == "" {
		return nil
	}
	lower := strings.ToLower(v.Text)
	said := "said"
	switch {
	case strings.HasSuffix(lower, "ing"):
		said = "saying"
	case strings.HasSuffix(lower, "s") && !strings.HasSuffix(lower, "ss") && !strings.HasSuffix(lower, "ed"):
		said = "says"
	}
	if r, _ := utf8.DecodeRuneInString(v.Text); unicode.IsUpper(r) {
		said = strings.ToUpper(said[:1]) + said[1:]
	}
	if said == v.Text {
		return nil
	}
	return &editor.Fix{Message: "Use “" + said + "”", Edits: []editor.Edit{{Span: v.Span, New: said}}}
}
