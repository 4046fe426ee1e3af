package source

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"copydesk/editor"
)

// Text is material a story was written from, as the source checks
// read it: interview notes, a transcript, wire copy, a press release.
type Text struct {
	// Title names the source for the editor ("Harbor board notes").
	Title string
	// File is where it came from, when it came from a file.
	File string
	Text string
}

// Label returns the name findings use for the source: its title, else its
// file, else "the source".
func (s Text) Label() string {
	switch {
	case strings.TrimSpace(s.Title) != "":
		return strings.TrimSpace(s.Title)
	case s.File != "":
		return s.File
	}
	return "the source"
}

// Index holds the words and sentences of a story's sources, indexed
// once so that every quotation and sentence of a draft can be looked up
// without rescanning the sources.
type Index struct {
	sources []Text
	words   [][]srcWord
	// at maps a folded word to where it occurs in the sources.
	at map[string][]wordRef
	// sents are the sources' sentences in order, as word ranges.
	sents []sourceSentence
	// bySent maps a content stem to the sentences it occurs in (each once).
	bySent map[string][]int32
	// speech holds, per source, the parts that record someone's words.
	speech []string
	// tokens are the sources' words as the drift checks read them.
	tokens [][]driftToken
	// numbers holds the comparison keys of the numbers in the sources.
	numbers map[string]bool
}

type wordRef struct {
	src int32
	idx int32
}

// sourceSentence is words [lo, hi) of source src.
type sourceSentence struct {
	src, lo, hi int
	span        editor.Span
	stems       []string // its content stems, sorted, each once
}

// NewIndex indexes sources for quote verification and paraphrase
// checks. Text that is not valid UTF-8 has its invalid bytes replaced.
func NewIndex(sources []Text) *Index {
	ix := &Index{
		sources: make([]Text, len(sources)),
		words:   make([][]srcWord, len(sources)),
		at:      make(map[string][]wordRef),
		bySent:  make(map[string][]int32),
		speech:  make([]string, len(sources)),
		numbers: make(map[string]bool),
		tokens:  make([][]driftToken, len(sources)),
	}
	for si, s := range sources {
		if !utf8.ValidString(s.Text) {
			s.Text = strings.ToValidUTF8(s.Text, "\uFFFD")
		}
		s.Text = strings.ReplaceAll(s.Text, "\r\n", "\n")
		ix.sources[si] = s
		ws := splitWords(s.Text)
		ix.words[si] = ws
		for i, w := range ws {
			ix.at[w.norm] = append(ix.at[w.norm], wordRef{int32(si), int32(i)})
			if v, ord, ok := numberValue(w.norm); ok {
				ix.numbers[numKey(v, ord)] = true
			}
		}
		for _, sp := range sourceSentences(s.Text) {
			lo, hi := wordRange(ws, sp)
			if lo == hi {
				continue
			}
			n := int32(len(ix.sents))
			var stems []string
			for _, w := range ws[lo:hi] {
				if isContent(w.norm) {
					stems = append(stems, stemWord(w.norm))
				}
			}
			slices.Sort(stems)
			stems = slices.Compact(stems)
			for _, k := range stems {
				ix.bySent[k] = append(ix.bySent[k], n)
			}
			ix.sents = append(ix.sents, sourceSentence{src: si, lo: lo, hi: hi, span: sp, stems: stems})
		}
		first := 0
		for first < len(ix.sents) && ix.sents[first].src != si {
			first++
		}
		ix.tokens[si] = sourceTokens(s.Text, ws, ix.sents[first:])
		ix.speech[si] = speechText(s.Text)
	}
	return ix
}

// Len returns the number of sources indexed.
func (ix *Index) Len() int { return len(ix.sources) }

// Sources returns the indexed sources.
func (ix *Index) Sources() []Text { return append([]Text(nil), ix.sources...) }

// SpeechTexts returns, per source, the parts that record someone's words:
// text in quotation marks, and in notes or transcripts the lines after a
// speaker label ("MARSH (port director):", "Q:"). A source with neither
// is taken to be all speech, like a bare transcript. Words a reporter wrote
// around the speech (background, description) are not anyone's quote.
func (ix *Index) SpeechTexts() []string { return append([]string(nil), ix.speech...) }

// idf weighs a content stem by how few source sentences contain it.
func (ix *Index) idf(stem string) float64 {
	n := len(ix.bySent[stem])
	return math.Log(1 + float64(len(ix.sents)+1)/float64(n+1))
}

// wordRange returns the indexes of the words lying inside sp.
func wordRange(ws []srcWord, sp editor.Span) (lo, hi int) {
	lo = searchWords(ws, sp.Start)
	hi = lo
	for hi < len(ws) && ws[hi].span.End <= sp.End {
		hi++
	}
	return lo, hi
}

// searchWords returns the index of the first word starting at or after off.
func searchWords(ws []srcWord, off int) int {
	lo, hi := 0, len(ws)
	for lo < hi {
		m := (lo + hi) / 2
		if ws[m].span.Start < off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// sourceSentences splits source material into sentences: at a line break,
// and after . ! ? followed by space and a capital, digit or quotation
// mark, unless the point ends a common abbreviation or an initial. A
// speaker label at the start of a line ("REYES, at the end of the
// meeting:") is left out of the sentence that follows it.
func sourceSentences(text string) []editor.Span {
	var out []editor.Span
	lineStart := 0
	for lineStart <= len(text) {
		lineEnd := strings.IndexByte(text[lineStart:], '\n')
		if lineEnd < 0 {
			lineEnd = len(text)
		} else {
			lineEnd += lineStart
		}
		start := lineStart
		if n := speakerLabel(text[lineStart:lineEnd]); n > 0 {
			start = lineStart + n
		}
		out = splitLineSentences(text, start, lineEnd, out)
		lineStart = lineEnd + 1
	}
	return out
}

func splitLineSentences(text string, lo, hi int, out []editor.Span) []editor.Span {
	start := lo
	for i := lo; i < hi; i++ {
		c := text[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < hi && (text[j] == '"' || text[j] == '\'' || text[j] == ')') {
			j++
		}
		if k := closingCurly(text, j, hi); k > j {
			j = k
		}
		if j >= hi {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(text[j:]); !unicode.IsSpace(r) {
			continue
		}
		k := j
		for k < hi {
			r, n := utf8.DecodeRuneInString(text[k:])
			if !unicode.IsSpace(r) {
				break
			}
			k += n
		}
		if k >= hi {
			continue
		}
		r, _ := utf8.DecodeRuneInString(text[k:])
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != '"' && r != '“' && r != '‘' {
			continue
		}
		if c == '.' && abbreviationBefore(text, lo, i) {
			continue
		}
		out = appendTrimmed(text, start, j, out)
		start = k
	}
	return appendTrimmed(text, start, hi, out)
}

func closingCurly(text string, j, hi int) int {
	for j < hi {
		r, n := utf8.DecodeRuneInString(text[j:])
		if r != '”' && r != '’' {
			break
		}
		j += n
	}
	return j
}

// abbreviationBefore reports whether the point at i ends a title or an
// initial ("Mr.", "J.").
func abbreviationBefore(text string, lo, i int) bool {
	k := i
	for k > lo {
		r, n := utf8.DecodeLastRuneInString(text[lo:k])
		if !unicode.IsLetter(r) {
			break
		}
		k -= n
	}
	w := text[k:i]
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	switch strings.ToLower(w) {
	case "mr", "ms", "mrs", "dr", "st", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "prof", "jr", "sr", "no", "vs", "inc", "corp", "co", "ltd":
		return true
	}
	return false
}

func appendTrimmed(text string, lo, hi int, out []editor.Span) []editor.Span {
	for lo < hi {
		r, n := utf8.DecodeRuneInString(text[lo:hi])
		if !unicode.IsSpace(r) {
			break
		}
		lo += n
	}
	for hi > lo {
		r, n := utf8.DecodeLastRuneInString(text[lo:hi])
		if !unicode.IsSpace(r) {
			break
		}
		hi -= n
	}
	if hi > lo {
		out = append(out, editor.Span{Start: lo, End: hi})
	}
	return out
}

// speakerLabel returns the length of a speaker label opening line ("MARSH
// (port director), presenting the update:", "Q:", "JONES:"), or 0. A label
// is a name in capitals, then optionally a parenthesis and a short
// description, then a colon.
func speakerLabel(line string) int {
	colon := strings.IndexByte(line, ':')
	if colon <= 0 || colon > 120 {
		return 0
	}
	head := line[:colon]
	// The name: letters in capitals (and spaces, points, hyphens) up to a
	// parenthesis, a comma or the colon.
	end := strings.IndexAny(head, "(,")
	if end < 0 {
		end = len(head)
	}
	name := strings.TrimSpace(head[:end])
	if name == "" {
		return 0
	}
	letters := 0
	for _, r := range name {
		switch {
		case unicode.IsLetter(r):
			if !unicode.IsUpper(r) {
				return 0
			}
			letters++
		case r == ' ' || r == '.' || r == '-' || r == '\'' || r == '’':
		default:
			return 0
		}
	}
	if letters == 0 || (letters < 2 && name != "Q" && name != "A") {
		return 0
	}
	n := colon + 1
	for n < len(line) && line[n] == ' ' {
		n++
	}
	return n
}

// speechText returns the parts of a source that record someone's words,
// joined by newlines; see Index.SpeechTexts.
func speechText(text string) string {
	var b strings.Builder
	labelled := false
	inSpeech := false
	for _, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" {
			inSpeech = false
			continue
		}
		if n := speakerLabel(line); n > 0 {
			labelled = true
			inSpeech = true
			b.WriteString(line[n:])
			b.WriteByte('\n')
			continue
		}
		if inSpeech {
			b.WriteString(line)
			b.WriteByte('\n')
			continue
		}
		for _, q := range quotedPassages(line) {
			b.WriteString(q)
			b.WriteByte('\n')
		}
	}
	if !labelled && b.Len() == 0 {
		return text
	}
	return b.String()
}

// quotedPassages returns the text inside double quotation marks, curly or
// straight, in line.
func quotedPassages(line string) []string {
	var out []string
	open := -1
	for i, r := range line {
		switch {
		case r == '“' || (r == '"' && open < 0):
			open = i + utf8.RuneLen(r)
		case (r == '”' || r == '"') && open >= 0:
			out = append(out, line[open:i])
			open = -1
		}
	}
	return out
}
