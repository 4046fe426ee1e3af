package quote

import (
	"sort"
	"strings"
	"unicode"

	"copydesk/editor"
)

// frame is an attribution found around a statement: who and which verb.
type frame struct {
	sp   speaker
	verb [2]int // tokens of the verb mention
	ok   bool
}

// cueAt returns the cue verb at token i, allowing capitals only in the
// headline and at the start of a sentence.
func (d *Document) cueAt(i int) (cueVerb, bool) {
	if !d.isWord(i) || d.toks[i].region >= 0 {
		return cueVerb{}, false
	}
	t := d.toks[i]
	v, ok := d.lx.cues[t.lower]
	if !ok {
		return v, false
	}
	if t.upper && t.paragraph != 0 {
		return v, false
	}
	if v.lemma == "point" && (i+1 >= len(d.toks) || d.toks[i+1].lower != "out") {
		return v, false // "pointed out", not "at one point"
	}
	if v.lemma == "go" && (i+1 >= len(d.toks) || d.toks[i+1].lower != "on") {
		return v, false // "she went on", not "she went home"
	}
	if v.lemma == "make" && !(d.isWord(i+2) && d.toks[i+1].lower == "it" && d.toks[i+2].lower == "clear") {
		return v, false // "made it clear that", not "made a decision"
	}
	if i > 0 && d.toks[i-1].lower == "to" && v.form == formFinite && !d.eagerTo(i) {
		return v, false // "declined to comment"
	}
	if v.form == formFinite && i > 0 && (i+1 >= len(d.toks) || d.toks[i+1].lower != "that") && d.cueIsNoun(i, v) {
		return v, false // "the TV show", "his comments"; but "his claim that …" reports
	}
	if d.lx.nounish[t.lower] && t.lower == v.lemma && !d.verbSubjectBefore(i, d.parTok[t.paragraph]) {
		return v, false // "eight state legislative candidates"
	}
	return v, true
}

// cueIsNoun reports whether the present-tense cue word at token i is used
// as a noun: after a determiner or possessive ("the show", "his
// comments"), or, in its bare form, after a word that cannot be a plural
// subject ("the TV show", "a news report").
func (d *Document) cueIsNoun(i int, v cueVerb) bool {
	t := d.toks[i]
	if t.lower != v.lemma && !strings.HasSuffix(t.lower, "s") {
		return false // said, wrote: past tense is always the verb
	}
	p := d.toks[i-1]
	if p.kind != tokWord || p.paragraph != t.paragraph {
		return false
	}
	if d.lx.articles[p.lower] || strings.HasSuffix(p.lower, "'s") {
		return true
	}
	if t.lower != v.lemma || i < 2 || d.closesFrame(i) {
		return false
	}
	// "the TV show", "a news report": an article, then one word that
	// cannot be a plural subject.
	if _, pro := d.lx.pronouns[p.lower]; pro || d.lx.npStop[p.lower] || d.lx.pluralHeads[p.lower] || strings.HasSuffix(p.lower, "s") {
		return false
	}
	return d.lx.articles[d.toks[i-2].lower] && d.toks[i-2].kind == tokWord
}

// closesFrame reports whether the cue word at token i ends a frame that
// follows a quotation and ends its sentence: in `“…,” the editorial read.`
// "read" is the verb, whatever "the editorial read" could be elsewhere.
func (d *Document) closesFrame(i int) bool {
	if i+1 < len(d.toks) && (d.toks[i+1].kind != tokPunct || !d.isTerminalAt(i+1)) {
		return false
	}
	for k := i - 1; k >= 0 && i-k <= 5; k-- {
		switch {
		case d.toks[k].kind == tokQuote:
			return d.toks[k].paragraph == d.toks[i].paragraph && k > 0 && d.isPunct(k-1, ",")
		case d.toks[k].kind != tokWord:
			return false
		}
	}
	return false
}

// skipAdverbs steps back over adverbs and auxiliaries before a verb.
func (d *Document) skipAdverbsBack(j, lo int) int {
	for n := 0; j >= lo && n < 3 && d.isAdverb(j); n++ {
		j--
	}
	return j
}

func (d *Document) skipAdverbsFwd(i, hi int) int {
	for n := 0; i < hi && n < 3 && d.isAdverb(i); n++ {
		i++
	}
	return i
}

// isAdverb reports whether token i is an adverb or auxiliary that can sit
// between a subject and its verb: a listed word, or a lower-case -ly word
// ("increasingly", "forcefully") that is not one of the nouns and
// adjectives with that ending.
func (d *Document) isAdverb(i int) bool {
	if !d.isWord(i) {
		return false
	}
	t := d.toks[i]
	if d.lx.adverbs[t.lower] {
		return true
	}
	return !t.upper && len(t.lower) > 5 && strings.HasSuffix(t.lower, "ly") && !d.lx.lyNouns[t.lower]
}

// sentenceSubject finds the subject noun phrase of the sentence starting at
// token s, stepping over an introductory phrase ("Prior to the ceremony, ").
func (d *Document) sentenceSubject(s, limit int) (int, int, bool) {
	i := s
	for i < limit && (d.toks[i].kind != tokWord || d.toks[i].region >= 0) {
		if d.toks[i].region >= 0 {
			return 0, 0, false
		}
		i++
	}
	if i >= limit {
		return 0, 0, false
	}
	i = d.skipHeading(i, limit)
	for n := 0; n < 3 && i < limit; n++ {
		w := d.toks[i].lower
		if w == "but" || w == "and" || w == "so" || w == "yet" || w == "still" || w == "also" {
			i++
			continue
		}
		if d.lx.loneAdverbs[w] && !d.isPunct(i+1, ",") {
			i++ // "And then Trump went …": the adverb alone, not a phrase
			continue
		}
		if !d.lx.introWords[w] && !d.introPhraseStart(i) {
			break
		}
		next := i
		for k := i; k < limit && k-i < 30; k++ {
			if d.toks[k].region >= 0 {
				break
			}
			if d.isPunct(k, ",") {
				next = k + 1
				break
			}
		}
		if next == i {
			break
		}
		i = next
	}
	a, b, ok := d.npForward(i, limit)
	if ok && b+1 < limit && d.isPunct(b, ",") && (!d.properOrPronoun(a, b) || strings.HasSuffix(d.toks[a].lower, "'s")) {
		// "France’s far-right leader, Marine Le Pen, voiced …": the
		// name in apposition is the subject's.
		if m := d.mentionAt(b + 1); m >= 0 && d.mentions[m].first == b+1 && d.isPunct(d.mentions[m].last+1, ",") {
			return b + 1, d.mentions[m].last + 1, true
		}
	}
	return a, b, ok
}

// skipHeading steps over a dateline or a run-in heading in capitals at
// token i ("WASHINGTON —", "TALLAHASSEE, Fla. —", "IOWA POLLS MISFIRE"):
// it is never the subject. Short acronyms (FBI, GOP) stay.
func (d *Document) skipHeading(i, limit int) int {
	j, caps := i, 0
	for j < limit && d.isWord(j) && isAcronym(d.Text[d.toks[j].start:d.toks[j].end]) {
		if len(d.toks[j].lower) > 5 {
			caps += 2
		} else {
			caps++
		}
		j++
	}
	if caps == 1 && i == d.parTok[d.toks[i].paragraph] && j < limit && (d.isPunct(j, "(") || d.isPunct(j, ",") || d.isDash(j)) {
		caps = 2 // a short dateline: "PARIS (Reuters) -", "ROME —"
	}
	if caps < 2 {
		return i
	}
	// A dateline ends in a dash within a few tokens ("TALLAHASSEE, Fla. —",
	// "NEW YORK, Nov. 19 (UPI) —").
	for k := j; k < limit && k-j < 10; k++ {
		if d.isDash(k) {
			return k + 1
		}
	}
	if j < limit && d.isWord(j) && !d.toks[j].upper {
		return i // an acronym then a lower-case word: "NAACP president …"
	}
	return j
}

// isDash reports whether token k is a dash or hyphen standing alone.
func (d *Document) isDash(k int) bool {
	return d.isPunct(k, "—") || d.isPunct(k, "–") || d.isPunct(k, "-")
}

// introPhraseStart reports whether token i opens an introductory phrase
// rather than the subject: a participle ("Reached by phone, …",
// "Appearing on CNN, …"), a time ("Tuesday night, …", "Eight years ago,
// …") or a number.
func (d *Document) introPhraseStart(i int) bool {
	t := d.toks[i]
	if t.kind != tokWord {
		return false
	}
	w := t.lower
	if d.lx.timeWords[w] || (w[0] >= '0' && w[0] <= '9') {
		return true
	}
	if d.mentionAt(i) >= 0 {
		return false
	}
	if d.lx.numberWords[w] || d.lx.timeUnits[w] || d.lx.sentenceAdverbs[w] {
		return true
	}
	if strings.HasSuffix(w, "ly") && !d.lx.lyNouns[w] && i+1 < len(d.toks) && (d.isPunct(i+1, ",") ||
		d.isWord(i+1) && strings.HasSuffix(d.toks[i+1].lower, "ing")) {
		return true // "Indeed,", "Hastily politicizing the attack, …"
	}
	if len(w) > 5 && strings.HasSuffix(w, "ing") && !d.lx.npIngWords[w] {
		return true // "Celebrating Clinton's win, …"
	}
	// "Reached by phone, …" but not "Incoming NATO leader …".
	return len(w) > 4 && (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed")) &&
		i+1 < len(d.toks) && d.isWord(i+1) && !d.toks[i+1].upper
}

// frameAfter reads the attribution right after a quotation: `,” said X`,
// `,” X said`, `,” X, a former minister, said`, `,” according to X`.
func (d *Document) frameAfter(i, hi, at int) frame {
	dash := -1
	for i < hi && d.toks[i].kind == tokPunct && strings.Contains(",—–-;―", d.Text[d.toks[i].start:d.toks[i].end]) {
		if d.Text[d.toks[i].start:d.toks[i].end] != "," && d.Text[d.toks[i].start:d.toks[i].end] != ";" {
			dash = i
		}
		i++
	}
	if i >= hi || d.toks[i].kind != tokWord {
		return frame{}
	}
	if dash >= 0 && d.mentionAt(i) >= 0 {
		// A credit after a dash, as epigraphs and reader comments are
		// signed: "“…” ― Sonya Herridge".
		m := d.mentions[d.mentionAt(i)]
		if e := m.last + 1; m.first == i && (e >= hi || d.onlyPunct(e, hi)) {
			return frame{sp: d.classifySpeaker(i, e, at), verb: [2]int{dash, dash + 1}, ok: true}
		}
	}
	if d.toks[i].lower == "according" && i+1 < hi && d.toks[i+1].lower == "to" {
		if a, b, ok := d.npForward(i+2, hi); ok {
			return frame{sp: d.classifySpeaker(a, b, at), verb: [2]int{i, i + 2}, ok: true}
		}
		return frame{}
	}
	if v, ok := d.cueAt(i); ok {
		if v.form == formParticiple {
			// "“fantastic,” telling reporters …": who tells is the
			// subject before the quotation, not the listener after.
			return frame{}
		}
		j := d.skipAdverbsFwd(i+1, hi)
		if a, b, ok := d.npForward(j, hi); ok {
			var f frame = frame{sp: d.classifySpeaker(a, b, at), verb: [2]int{i, i + 1}, ok: true}
			return d.accordingAfter(f, b, hi, at)
		}
		return frame{}
	}
	if d.lx.frameBreakers[d.toks[i].lower] {
		return frame{} // "“kind of riding the fence” until Haley said"
	}
	a, b, ok := d.npForward(i, hi)
	if !ok {
		return frame{}
	}
	j := d.parentheticalClose(b, hi)
	if j > b && !d.properOrPronoun(a, b) {
		return frame{}
	}
	if d.isPunct(j, ".") && j+1 < hi && d.isPunct(j+1, ",") && (d.toks[j-1].lower == "jr" || d.toks[j-1].lower == "sr") {
		j++ // "Joseph R. Biden Jr., said"
	}
	if d.isPunct(j, ",") && j+1 < hi {
		if _, ok := d.cueAt(j + 1); ok && d.properOrPronoun(a, b) {
			j++ // "Joseph R. Biden Jr., said"
		}
	}
	if d.isPunct(j, ",") {
		// An appositive: "X, a former minister, said".
		k := j + 1
		for k < hi && k-j < 25 && !d.isPunct(k, ",") && d.toks[k].region < 0 && (!d.isTerminalAt(k) || d.abbrevPeriod(k)) {
			k++
		}
		if !d.isPunct(k, ",") {
			return frame{}
		}
		j = k + 1
	}
	j = d.skipAdverbsFwd(j, hi)
	if _, ok := d.cueAt(j); !ok && j < hi && d.isWord(j) && d.prepositionAt(j) {
		// A short phrase between the speaker and the verb: "a voice-over
		// in the ad states", "a narrator in the spot says".
		for k := j + 1; k < hi && k <= j+4 && d.isWord(k) && d.toks[k].region < 0; k++ {
			if _, ok := d.cueAt(k); ok {
				j = k
				break
			}
		}
	}
	if _, ok := d.cueAt(j); ok {
		if d.passiveAux(j - 1) {
			return frame{} // "O’Malley’s move was first reported by MSNBC"
		}
		var f frame = frame{sp: d.classifySpeaker(a, b, at), verb: [2]int{j, j + 1}, ok: true}
		return d.accordingAfter(f, j+1, hi, at)
	}
	return frame{}
}

// passiveAux reports whether token i is a form of "be" that makes the cue
// after it passive.
func (d *Document) passiveAux(i int) bool {
	for n := 0; n < 2 && d.isWord(i) && d.lx.adverbs[d.toks[i].lower]; n++ {
		switch d.toks[i].lower {
		case "was", "were", "is", "are", "be", "been", "being":
			return true
		}
		i--
	}
	return false
}

// accordingAfter reads a frame that goes on to name where the words were
// reported ("Walker said, according to an Associated Press account"): the
// report is the source given.
func (d *Document) accordingAfter(f frame, i, hi, at int) frame {
	if !d.isPunct(i, ",") || i+2 >= hi || d.toks[i+1].lower != "according" || d.toks[i+2].lower != "to" {
		return f
	}
	if a, b, ok := d.npForward(i+3, hi); ok {
		return frame{sp: d.classifySpeaker(a, b, at), verb: [2]int{i + 1, i + 3}, ok: true}
	}
	return f
}

// frameBefore reads the attribution before a statement: the last cue verb
// between lo and i and its subject.
func (d *Document) frameBefore(lo, i, sentStart, at int) frame {
	for k := i - 1; k >= lo; k-- {
		if d.toks[k].region >= 0 {
			break
		}
		if d.toks[k].lower == "according" && k+1 < i && d.toks[k+1].lower == "to" {
			if a, b, ok := d.npForward(k+2, i); ok {
				return frame{sp: d.classifySpeaker(a, b, at), verb: [2]int{k, k + 2}, ok: true}
			}
			continue
		}
		v, ok := d.cueAt(k)
		if !ok {
			continue
		}
		if v.lemma == "continue" && k+1 < i && d.toks[k+1].lower == "to" {
			continue // "will continue to be": not speech
		}
		// Passive "was told", "is expected": no speaker here; but "had
		// been predicting" is the subject's own verb.
		if k > lo && d.isWord(k-1) && v.form == formFinite {
			switch d.toks[k-1].lower {
			case "was", "were", "is", "are", "be", "been", "being":
				return frame{}
			}
		}
		if f := d.invertedBefore(k, i, at); f.ok {
			return f
		}
		return d.subjectFrame(k, v, lo, sentStart, at)
	}
	return frame{}
}

// invertedBefore reads an inverted frame that ends right before the
// statement at token i: "…, explained Rosenberg, “…”", "said Mr. Rutte:
// “…”".
func (d *Document) invertedBefore(k, i, at int) frame {
	if v := d.lx.cues[d.toks[k].lower]; v.form != formFinite || v.object {
		return frame{}
	}
	e := i - 1
	if e <= k+1 || !(d.isPunct(e, ",") || d.isPunct(e, ":")) || !(d.isPunct(k-1, ",") || d.isPunct(k-1, "—")) {
		return frame{}
	}
	a, b, ok := d.npForward(k+1, e)
	if !ok || b != e || !d.properOrPronoun(a, b) {
		return frame{}
	}
	return frame{sp: d.classifySpeaker(a, b, at), verb: [2]int{k, k + 1}, ok: true}
}

// subjectFrame finds the subject of the verb v at token k: the noun phrase
// right before a finite verb, a relative pronoun ("who said"), or the
// subject of the sentence for a participle ("…, saying").
func (d *Document) subjectFrame(k int, v cueVerb, lo, sentStart, at int) frame {
	f := frame{verb: [2]int{k, k + 1}, ok: true}
	if v.form == formFinite {
		j := d.skipAdverbsBack(k-1, lo)
		// Step back over a prepositional phrase between an auxiliary or
		// adverb and the verb ("Beck, who has in the past described").
		for n := 0; n < 2; n++ {
			a, _, ok := d.npBackward(d.skipTimeBack(j, lo), sentStart)
			if !ok || a-2 < lo || !d.isWord(a-1) || !d.lx.prepositions[d.toks[a-1].lower] || !d.isWord(a-2) || !d.lx.adverbs[d.toks[a-2].lower] {
				break // "a professor at Harvard said": the phrase modifies the subject
			}
			j = d.skipAdverbsBack(a-2, lo)
		}
		if jt := d.skipTimeBack(j, lo); jt >= lo && d.isWord(jt) && d.lx.relativePronouns[d.toks[jt].lower] {
			// "Sanders, who on Tuesday endorsed Clinton"
			j = jt
		}
		if j >= lo && d.isWord(j) && d.lx.relativePronouns[d.toks[j].lower] {
			f.sp = d.relativeSpeaker(j, sentStart, at)
			return f
		}
		j = d.skipTimeBack(j, lo)
		if j > lo && d.isWord(j) && (d.toks[j].lower == "and" || d.toks[j].lower == "but") {
			// "when Trump spotted a sign and asked …": the verb shares
			// the subject of its clause.
			if a, b, ok := d.clauseSubject(j, lo, sentStart); ok {
				f.sp = d.classifySpeaker(a, b, at)
				return f
			}
		}
		if j >= lo && !(d.isWord(j) && (d.toks[j].lower == "and" || d.toks[j].lower == "but")) {
			if a, b, ok := d.npBackward(j, sentStart); ok {
				// "agents who use the port said": the phrase is the object
				// of a relative clause; the subject is what the clause
				// describes.
				if a2, b2, ok2 := d.relativeClauseSubject(a, lo, sentStart); ok2 {
					a, b = a2, b2
				}
				// "Britain and France in particular feared", "he in a
				// later interview said": the phrase after a preposition is
				// an adjunct; the subject comes before it.
				f.sp = d.classifySpeaker(a, b, at)
				for n := 0; n < 2 && f.sp.kind == spOther; n++ {
					p := a - 1
					for m := 0; m < 2 && p > lo && d.isWord(p) && (d.lx.determiners[d.toks[p].lower] || d.lx.npStop[d.toks[p].lower] && !d.lx.prepositions[d.toks[p].lower]); m++ {
						p-- // "in a later interview"
					}
					if p-1 < lo || !d.isWord(p) || !d.lx.prepositions[d.toks[p].lower] || !d.isWord(p-1) {
						break
					}
					a2, b2, ok2 := d.npBackward(p-1, sentStart)
					if !ok2 {
						break
					}
					if sp := d.classifySpeaker(a2, b2, at); sp.kind != spNone && sp.kind != spOther {
						a, b, f.sp = a2, b2, sp
						break
					}
					a = a2
				}
				if outer := d.outerFrame(a, lo, sentStart, at); outer.ok {
					return outer
				}
				return f
			}
		}
	}
	if v.form == formParticiple && !d.isPunct(k-1, ",") {
		// "Romney, who helped launch the movement with a speech
		// denouncing Trump": the participle belongs to the relative
		// clause.
		for m := k - 1; m >= lo && k-m < 15 && d.toks[m].region < 0 && !d.isPunct(m, ","); m-- {
			if d.isWord(m) && d.lx.relativePronouns[d.toks[m].lower] {
				f.sp = d.relativeSpeaker(m, sentStart, at)
				return f
			}
		}
	}
	if v.form == formParticiple && k-1 >= lo && d.isWord(k-1) && !d.lx.prepositions[d.toks[k-1].lower] {
		// "with 50 percent of voters saying …": the noun phrase after
		// "with" does the saying.
		if a, b, ok := d.npBackward(k-1, sentStart); ok && a-1 >= lo && d.isWord(a-1) && d.toks[a-1].lower == "with" {
			f.sp = d.classifySpeaker(a, b, at)
			return f
		}
	}
	if v.form == formParticiple && k-2 >= lo && d.isPunct(k-1, ",") {
		// "…, Nefzi said, adding …" and "…, said Nefzi, adding …": the
		// participle shares the subject of the frame before it.
		j := d.skipTimeBack(k-2, lo)
		if w, ok := d.cueAt(j); ok && w.form == formFinite {
			if pf := d.subjectFrame(j, w, lo, sentStart, at); pf.ok {
				f.sp = pf.sp
				return f
			}
		}
		if a, b, ok := d.npBackward(k-2, sentStart); ok && a-1 >= lo {
			if w, ok := d.cueAt(a - 1); ok && w.form == formFinite && w.clause && !w.object && d.properOrPronoun(a, b) {
				f.sp = d.classifySpeaker(a, b, at)
				return f
			}
		}
	}
	if a, b, ok := d.sentenceSubject(sentStart, k); ok {
		f.sp = d.classifySpeaker(a, b, at)
		return f
	}
	return frame{}
}

// clauseSubject finds the subject of the clause that token j (a
// conjunction joining a second verb) is part of: the noun phrase after the
// word that opens the clause ("when", "because", a semicolon), when that
// clause is not the sentence itself.
func (d *Document) clauseSubject(j, lo, sentStart int) (int, int, bool) {
	for m := j - 1; m >= lo && j-m < 20; m-- {
		t := d.toks[m]
		if t.region >= 0 || d.isPunct(m, ",") {
			return 0, 0, false
		}
		if t.kind == tokWord && d.lx.clauseOpeners[t.lower] || d.isPunct(m, ";") || d.isPunct(m, "—") {
			a, b, ok := d.npForward(m+1, j)
			if !ok || b >= j || !d.properOrPronoun(a, b) {
				return 0, 0, false
			}
			return a, b, true
		}
	}
	return 0, 0, false
}

// relativeSpeaker makes the relative pronoun at token j the speaker
// mention; who it is comes from the noun phrase it follows ("One agent,
// who said").
func (d *Document) relativeSpeaker(j, sentStart, at int) speaker {
	sp := speaker{a: j, b: j + 1, head: j, kind: spOther, person: -1, attr: AttrExplicit}
	ant := j - 1
	if d.isPunct(ant, ",") {
		ant--
	}
	if a, b, ok := d.npBackward(ant, sentStart); ok {
		r := d.classifySpeaker(a, b, at)
		sp.kind, sp.person, sp.attr, sp.name = r.kind, r.person, r.attr, r.name
	}
	return sp
}

// outerFrame reads the attribution whose reported clause opens at token a
// ("Benjamin said he believes …", "prosecutors say that he told …"): the
// statement inside is reported on the outer speaker's word.
func (d *Document) outerFrame(a, lo, sentStart, at int) frame {
	j := a - 1
	if d.isWord(j) && d.toks[j].lower == "that" {
		j--
	}
	for n := 0; n < 3 && j >= lo && d.isWord(j) && d.lx.timeWords[d.toks[j].lower]; n++ {
		j-- // "said Wednesday that", "said on Tuesday"
	}
	if j < lo {
		return frame{}
	}
	v, ok := d.cueAt(j)
	if !ok && j-1 >= lo && d.isWord(j) && !d.lx.npStop[d.toks[j].lower] {
		// "told reporters that he …"
		for k := j - 1; k >= lo && k >= j-2; k-- {
			if w, wok := d.cueAt(k); wok && w.object {
				v, ok, j = w, true, k
				break
			}
		}
	}
	if !ok || !v.clause || d.impersonal(j, v, lo) {
		return frame{}
	}
	f := d.subjectFrame(j, v, lo, sentStart, at)
	if !f.ok || f.sp.kind == spNone {
		return frame{}
	}
	return f
}

// skipTimeBack steps back from token j over a time adjunct between a
// subject and its verb ("Alvarez on Tuesday urged").
func (d *Document) skipTimeBack(j, lo int) int {
	if j-1 < lo || !d.isWord(j) || !d.lx.timeWords[d.toks[j].lower] {
		return j
	}
	switch d.toks[j-1].lower {
	case "on", "last", "this", "next", "earlier", "later":
		return d.skipAdverbsBack(j-2, lo)
	}
	return j
}

// relativeClauseSubject returns, for a noun phrase starting at token a
// that is the object of a relative clause ("agents who use the port"), the
// noun phrase the clause describes ("agents").
func (d *Document) relativeClauseSubject(a, lo, sentStart int) (int, int, bool) {
	verb, rel := a-1, a-2
	if rel-1 < lo || !d.isWord(verb) || !d.isWord(rel) || !d.lx.relativePronouns[d.toks[rel].lower] {
		return 0, 0, false
	}
	if d.lx.prepositions[d.toks[verb].lower] || d.toks[verb].upper {
		return 0, 0, false
	}
	return d.npBackward(rel-1, sentStart)
}

// finalFrame reads a sentence that ends in an attribution after a comma:
// "…, X said." or "…, said X." or "…, according to X." It returns the comma.
func (d *Document) finalFrame(s, e, at int) (frame, int) {
	for e > s && d.toks[e-1].kind == tokPunct && d.toks[e-1].region < 0 {
		e--
	}
	for c := e - 1; c > s && e-c < 30; c-- {
		if d.toks[c].region >= 0 {
			break
		}
		if !d.isPunct(c, ",") {
			continue
		}
		f := d.frameAfter(c+1, e, at)
		if !f.ok || f.sp.kind == spNone {
			continue // ", said Tuesday": a frame names its speaker
		}
		if v := d.lx.cues[d.toks[f.verb[0]].lower]; d.toks[f.verb[0]].lower != "according" && (v.form == formParticiple || !v.clause) {
			continue
		}
		if !d.frameTailOK(max(f.verb[1], f.sp.b), e) {
			continue
		}
		// The frame must run to the end of the sentence without another
		// clause: allow a few trailing words ("in a statement on Monday").
		return f, c
	}
	return frame{}, -1
}

// nextSentenceFrame reads an attribution that follows a quotation ending
// in its own terminal punctuation: "“Isn’t that a bribe?” Trump asked."
// The next sentence must be the frame and nothing else.
func (d *Document) nextSentenceFrame(si, at int) frame {
	if si+2 >= len(d.sentStart) {
		return frame{}
	}
	s, e := d.sentStart[si+1], d.sentStart[si+2]
	if d.toks[s].paragraph != d.toks[at].paragraph {
		return frame{}
	}
	for e > s && d.toks[e-1].kind == tokPunct {
		e--
	}
	if f := d.quoteFromFrame(s, e, at); f.ok {
		return f
	}
	f := d.frameAfter(s, e, at)
	if !f.ok || !d.frameTailOK(max(f.verb[1], f.sp.b), e) {
		return frame{}
	}
	if d.toks[f.verb[0]].lower == "according" {
		return frame{}
	}
	return f
}

// frameTailOK reports whether the words after an attribution frame, from
// token i to e, are only an adjunct ("on Monday", "in a statement"), not a
// clause of their own ("said the deadline was …").
func (d *Document) frameTailOK(i, e int) bool {
	if i > 0 && i < e && d.isWord(i-1) && d.lx.cues[d.toks[i-1].lower].object {
		// "asked reporters", "told CNN": the listener, then the adjunct.
		if d.lx.listeners[d.toks[i].lower] {
			i++
		} else if d.toks[i].upper {
			i = d.capRun(i, e)
		}
	}
	i = d.skipAdverbsFwd(i, e) // "said pleasantly into the phone"
	if i >= e || d.isPunct(i, ",") || d.isPunct(i, "—") {
		return true
	}
	if e-i > 8 || !d.isWord(i) {
		return false
	}
	switch w := d.toks[i].lower; w {
	case "in", "on", "at", "during", "after", "before", "while", "when", "as", "last", "this", "into", "with", "over", "by",
		"to", "from", "via", "earlier", "later", "recently", "yesterday", "today", "tonight":
		return true
	default:
		return d.lx.timeWords[w]
	}
}

func (d *Document) innerWords(r region) (n int, terminal bool, titleCase bool) {
	end := r.close
	if end < 0 {
		end = d.parTok[r.paragraph+1]
	}
	titleCase = true
	caps := 0
	lastTok := -1
	for i := r.open + 1; i < end; i++ {
		t := d.toks[i]
		if t.kind == tokWord {
			n++
			if t.upper {
				caps++
			} else if n == 1 || !d.lx.titleSmallWords[t.lower] {
				titleCase = false // "fog of war", "Ask me on Friday" are no titles
			}
		}
		lastTok = i
	}
	if lastTok >= 0 {
		terminal = isTerminal(d.Text, d.toks[lastTok]) || d.isPunct(lastTok, ",")
	}
	if n < 2 || caps < 2 {
		titleCase = false // "This is all me." is a sentence
	}
	return n, terminal, titleCase
}

// nameAfterDash finds the capitalised name between a dash (or "from")
// and the colon at token colon: "Pollsters agree - Carl Bialik:".
func (d *Document) nameAfterDash(s, colon int) (int, int, bool) {
	for k := colon - 1; k > s && colon-k <= 6; k-- {
		t := d.toks[k]
		if d.isDash(k) || t.lower == "from" {
			if k+1 < colon && d.isWord(k+1) && d.toks[k+1].upper {
				return k + 1, colon, true
			}
			return 0, 0, false
		}
		if t.region >= 0 || t.kind == tokWord && !t.upper || t.kind == tokPunct && !d.isPunct(k, ".") {
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// isLink reports whether quoted text is a web address or a handle
// ("pic.twitter.com/…", "@pamkey"), which nobody says; a hashtag is a
// slogan and stays.
func isLink(s string) bool {
	s = strings.Trim(s, ",.!?;: ")
	if s == "" || strings.ContainsAny(s, " \t") {
		return false
	}
	if strings.HasPrefix(s, "@") || strings.Contains(s, "://") || strings.HasPrefix(strings.ToLower(s), "www.") {
		return true
	}
	host, _, hasPath := strings.Cut(s, "/")
	dot := strings.LastIndexByte(host, '.')
	if dot <= 0 || dot == len(host)-1 {
		return false
	}
	switch strings.ToLower(host[dot+1:]) {
	case "com", "org", "net", "gov", "edu", "us", "uk", "io", "co", "info", "news":
		return true
	}
	return hasPath && !strings.ContainsAny(host, ",;")
}

// coordinated reports whether quotation region ri follows the previous
// one in its paragraph with only "and", "or" or a comma between them.
func (d *Document) coordinated(ri int) bool {
	r := d.regions[ri]
	if ri == 0 || r.open < 1 {
		return false
	}
	p := d.regions[ri-1]
	if p.paragraph != r.paragraph || p.close < 0 || p.depth != 0 || r.open-p.close > 3 {
		return false
	}
	for k := p.close + 1; k < r.open; k++ {
		if !(d.isPunct(k, ",") || d.isWord(k) && (d.toks[k].lower == "and" || d.toks[k].lower == "or")) {
			return false
		}
	}
	return true
}

// headlineSpeaker reads the speaker a headline names before a colon:
// "McCain: Populist Anger Appeals to ‘Bad Angels of Our Nature’".
func (d *Document) headlineSpeaker(open int) frame {
	lo := d.parTok[0]
	colon := -1
	for k := lo; k < open; k++ {
		if d.isPunct(k, ":") {
			colon = k
			break
		}
	}
	if colon <= lo || colon-lo > 8 {
		return frame{}
	}
	a, b, ok := d.npForward(lo, colon)
	if !ok || b != colon || !d.properOrPronoun(a, b) || d.lx.headlineLabels[d.toks[a].lower] || d.lx.headlineLabels[d.toks[b-1].lower] {
		return frame{}
	}
	sp := d.classifySpeaker(a, b, open)
	if sp.kind == spNone {
		return frame{}
	}
	return frame{sp: sp, verb: [2]int{colon, colon}, ok: true}
}

// utterance reports whether a quotation is what a crowd or a person
// chanted, shouted or sang: "chants of", "cries of", "shouting".
func (d *Document) utterance(r region) bool {
	o := r.open
	if o < 1 || !d.isWord(o-1) || d.toks[o-1].paragraph != d.toks[o].paragraph {
		return false
	}
	w := d.toks[o-1].lower
	if w == "of" && o >= 2 && d.isWord(o-2) {
		w = d.toks[o-2].lower
	}
	switch w {
	case "chants", "chant", "cries", "cry", "shouts", "shout", "screams", "yells", "chanting", "shouting",
		"yelling", "screaming", "chanted", "shouted", "yelled", "screamed", "singing", "sang", "sing":
		return true
	}
	return false
}

// characterization reports whether a quotation follows "as a", "as an" or
// "as the" outside a naming phrase ("known as the …").
func (d *Document) characterization(r region) bool {
	o := r.open
	if o >= 2 && d.isWord(o-1) && d.toks[o-1].lower == "as" {
		o++ // "described his plan as “…”"
	} else if o < 3 || !d.isWord(o-1) || !d.isWord(o-2) || d.toks[o-2].lower != "as" {
		return false
	} else {
		switch d.toks[o-1].lower {
		case "a", "an", "the":
		default:
			return false
		}
	}
	if d.toks[o-3].paragraph != d.toks[r.open].paragraph {
		return false
	}
	switch d.toks[o-3].lower {
	case "known", "billed", "dubbed", "branded", "named", "titled":
		return false
	}
	return true
}

// governsDirectly reports whether a cue verb ending at token v introduces
// the quotation opening at token o: nothing between them but a colon, a
// comma, "that" or a short listener ("told reporters,").
func (d *Document) governsDirectly(v, o int) bool {
	words := 0
	for i := v; i < o; i++ {
		t := d.toks[i]
		if t.kind != tokWord {
			continue
		}
		switch t.lower {
		case "that", "reporters", "the", "a", "an", "him", "her", "them", "us", "me", "audience", "crowd", "supporters":
			continue
		}
		if d.lx.npStop[t.lower] {
			return false // a preposition: "said on “Meet the Press”"
		}
		words++
	}
	return words <= 2
}

// titleAfterPreposition reports whether a short capitalised quotation
// follows a preposition or possessive, as the name of a show, book or
// programme does ("on “Meet the Press,”", "CNN’s “State of the Union”").
func (d *Document) titleAfterPreposition(r region, n int) bool {
	o := r.open
	if o == 0 || n > 6 || d.isHeadline(r.paragraph) || o+1 >= len(d.toks) || !d.toks[o+1].upper {
		return false
	}
	prev := d.toks[o-1]
	if prev.kind != tokWord || prev.paragraph != r.paragraph {
		return false
	}
	switch prev.lower {
	case "on", "in", "of", "from", "at", "via", "to", "with", "for", "by":
		return true
	}
	return strings.HasSuffix(prev.lower, "'s") && prev.upper
}

// namingContext reports whether the words before a quotation make it a
// title, term or name rather than speech: `a book called “…”`, `the
// so-called “…”`, `Ted “Lyin’ Ted” Cruz`.
func (d *Document) namingContext(r region) bool {
	o := r.open
	if o == 0 || d.toks[o-1].paragraph != d.toks[o].paragraph {
		return false
	}
	prev := d.toks[o-1]
	if prev.kind == tokWord && prev.upper && r.close >= 0 && r.close+1 < len(d.toks) && r.close-r.open <= 5 &&
		d.toks[o+1].upper && !d.isTerminalAt(r.close-1) && !d.isPunct(r.close-1, ",") {
		next := d.toks[r.close+1]
		if next.kind == tokWord && next.upper && next.paragraph == prev.paragraph && !d.lx.stopCaps[prev.lower] {
			return true // a nickname inside a name: Ted “Lyin’ Ted” Cruz
		}
	}
	if prev.kind == tokWord && prev.lower == "as" && o >= 2 {
		switch d.toks[o-2].lower {
		case "known", "referred", "billed", "branded", "dubbed":
			return true
		}
	}
	if prev.kind != tokWord || !d.lx.naming[prev.lower] {
		return false
	}
	if _, isCue := d.lx.cues[prev.lower]; isCue && o >= 2 {
		// "what he called “…”" is speech; "a group called “…”" is a name.
		p2 := d.toks[o-2]
		if _, pro := d.lx.pronouns[p2.lower]; pro || d.mentionAt(o-2) >= 0 {
			return false
		}
	}
	return true
}

// attributeQuotes turns each outermost pair of quotation marks into a Quote
// and finds its speaker.
func (d *Document) attributeQuotes() {
	headOf := make(map[int]int) // region -> quote index
	for ri, r := range d.regions {
		if r.depth > 0 {
			continue
		}
		o := d.toks[r.open]
		end := d.Paragraphs[r.paragraph].End
		inner := editor.Span{Start: o.end, End: end}
		if r.close >= 0 {
			c := d.toks[r.close]
			end = c.end
			inner.End = c.start
		}
		q := Quote{
			Span:      editor.Span{Start: o.start, End: end},
			Text:      strings.TrimSpace(inner.In(d.Text)),
			Direct:    true,
			Paragraph: r.paragraph,
			Headline:  d.isHeadline(r.paragraph),
			Continues: r.continues,
			person:    -1,
			first:     -1,
		}
		si := d.sentenceOf(r.open)
		s, e := d.sentStart[si], d.sentStart[si+1]
		n, terminal, titleCase := d.innerWords(r)
		// Directly attached frames.
		var f frame
		closeTok := r.close
		if closeTok >= 0 {
			hi := e
			for k := closeTok + 1; k < e; k++ {
				if d.toks[k].kind == tokQuote && d.toks[k].region >= 0 && d.toks[k].region != ri {
					hi = k
					break
				}
			}
			f = d.frameAfter(closeTok+1, hi, r.open)
			if !f.ok && closeTok+1 == e && d.opensSentence(s, r.open) {
				f = d.nextSentenceFrame(si, r.open)
			}
		}
		lo := s
		for k := r.open - 1; k >= s; k-- {
			if d.toks[k].region >= 0 {
				lo = k + 1
				break
			}
		}
		attached := f.ok
		if !f.ok && r.open > s+1 && d.isPunct(r.open-1, ":") {
			// "Pollsters agree - Carl Bialik: “…”": a name right before
			// the colon, after a dash or "from", speaks.
			if a, b, ok := d.nameAfterDash(s, r.open-1); ok {
				if sp := d.classifySpeaker(a, b, r.open); sp.kind != spNone {
					f = frame{sp: sp, verb: [2]int{r.open - 1, r.open - 1}, ok: true}
					attached = true
				}
			}
		}
		if !f.ok {
			f = d.frameBefore(lo, r.open, s, r.open)
			// A cue right before the quotation ("said:", "told reporters,")
			// governs it directly.
			attached = f.ok && d.governsDirectly(f.verb[1], r.open)
		}
		if !f.ok {
			if ff, c := d.finalFrame(s, e, r.open); ff.ok && c > r.open {
				f = ff
			}
		}
		if !f.ok && r.open > s && d.isPunct(r.open-1, ":") {
			// "Clinton has since apologized: “…”": the subject of the
			// sentence the colon ends speaks.
			if a, b, ok := d.sentenceSubject(s, r.open-1); ok {
				f = frame{sp: d.classifySpeaker(a, b, r.open), verb: [2]int{r.open - 1, r.open - 1}, ok: true}
				attached = f.sp.kind != spNone
				f.ok = attached
			}
		}
		if !f.ok && r.open == d.parTok[r.paragraph] && (closeTok >= d.parTok[r.paragraph+1]-2 || closeTok < 0) {
			// A quotation paragraph signed in the next one: "- Bernie
			// Sanders."
			f = d.signatureFrame(r.paragraph+1, r.open)
		}
		if !f.ok && d.isHeadline(r.paragraph) {
			f = d.headlineSpeaker(r.open)
		}
		if !f.ok {
			f = d.transcriptLabel(r)
		}
		var sameAs *Quote
		if !f.ok && r.open > s && len(d.Quotes) > 0 {
			// A second quotation in a sentence whose first one has a
			// speaker ("X called it “A” and “B”") is the same speaker's.
			if p := &d.Quotes[len(d.Quotes)-1]; p.Speech && p.Speaker != nil && p.Span.Start >= d.toks[s].start && p.Attribution != AttrContinuation {
				f = frame{ok: true}
				sameAs = p
			}
		}
		if !f.ok && r.open > s && !d.isHeadline(r.paragraph) {
			// A partial quotation inside a sentence about someone ("Cruz
			// praised Bush as “a man who …”") is that person's words.
			if a, b, ok := d.sentenceSubject(s, r.open); ok {
				if sp := d.classifySpeaker(a, b, r.open); d.subjectSpeaks(sp, n >= 4 || (terminal && n >= 2)) {
					f = frame{sp: sp, verb: [2]int{r.open, r.open}, ok: true}
				}
			}
		}
		q.Partial = r.open > s && d.toks[r.open-1].kind == tokWord
		lowerStart := r.open+1 < len(d.toks) && d.isWord(r.open+1) && !d.toks[r.open+1].upper
		switch {
		case isLink(q.Text):
			q.Speech = false
		case sameAs != nil && d.coordinated(ri):
			// “Miss Piggy” and “Miss Housekeeping”: quotations joined by
			// "and" are of one kind.
			q.Speech = true
		case lowerStart && n >= 3 && !strings.HasPrefix(q.Text, "so-called"):
			// A phrase lifted from what someone said ("pledged to make
			// Apple “build their damn computers”"): titles and names
			// start with a capital.
			q.Speech = true
		case d.utterance(r):
			// Chants, cries and shouts are words said aloud: chants of
			// “Lock her up!”, shouting “Four more years!”.
			q.Speech = true
		case lowerStart && n == 1 && r.close > 0 && !d.isWord(r.close-1) && d.isTerminalAt(r.close-1) && !d.isPunct(r.close-1, ",") && !d.namingContext(r):
			// One word that ends the sentence ("called the plan
			// “outrageous.”") is someone's verdict.
			q.Speech = true
		case !attached && n >= 3 && d.capitalsOnly(r):
			// ‘EUROPEANS ASK IF VIOLENCE IS BECOMING FACT OF LIFE’: a
			// headline or a sign in capitals, not words said.
			q.Speech = false
		case d.characterization(r) && n <= 4:
			// "described as a “real woman”", "seen by organizers as a
			// “lifeboat”": someone's word for it.
			q.Speech = true
		case titleCase && !attached && n <= 6 && !d.isHeadline(r.paragraph):
			q.Speech = false
		case strings.EqualFold(strings.Trim(q.Text, ",.!? "), "so-called"):
			q.Speech = false
		case d.namingContext(r) && !attached, d.titleAfterPreposition(r, n):
			q.Speech = false
		case f.ok:
			q.Speech = n >= 1
		default:
			q.Speech = n >= 4 || (terminal && n >= 2)
		}
		switch {
		case sameAs != nil && q.Speech:
			q.Speaker, q.SpeakerName, q.Attribution, q.person, q.first = sameAs.Speaker, sameAs.SpeakerName, sameAs.Attribution, sameAs.person, sameAs.first
			q.Verb = sameAs.Verb
		case f.ok && q.Speech:
			d.applyFrame(&q, f)
		}
		if q.Speech && !f.ok {
			d.inheritSpeaker(&q, r, ri, headOf)
		}
		if !q.Speech {
			q.Attribution = AttrNone
		}
		d.Quotes = append(d.Quotes, q)
		headOf[ri] = len(d.Quotes) - 1
	}
	// A quotation over several paragraphs attributed only in a later
	// paragraph ("“And we will,” she said.") takes that speaker throughout.
	for k := len(d.Quotes) - 1; k > 0; k-- {
		q := d.Quotes[k]
		if !q.Continues || q.Speaker == nil {
			continue
		}
		p := &d.Quotes[k-1]
		if p.Direct && p.Speech && p.Paragraph == q.Paragraph-1 && (p.Attribution == AttrNone || p.Attribution == AttrContinuation) {
			p.Speaker, p.SpeakerName, p.Attribution, p.person = q.Speaker, q.SpeakerName, q.Attribution, q.person
		}
	}
	// A bare quotation before an attributed one in the same paragraph
	// ("“A.” “B,” he said.") belongs to the same speaker.
	for k := len(d.Quotes) - 2; k >= 0; k-- {
		q, nx := &d.Quotes[k], d.Quotes[k+1]
		if q.Speech && q.Direct && (q.Attribution == AttrNone || q.Attribution == AttrContinuation) &&
			nx.Speech && nx.Paragraph == q.Paragraph && nx.Speaker != nil && nx.Attribution != AttrContinuation && !q.Headline {
			q.Speaker, q.SpeakerName, q.Attribution, q.person = nx.Speaker, nx.SpeakerName, nx.Attribution, nx.person
		}
	}
}

// nearestMentions points each quotation that takes its speaker from an
// earlier one at the nearest place the story names that person before it
// ("Greene added that the Fed … “They don’t like to talk about it”"), so
// the note sits by the name the reader last saw.
func (d *Document) nearestMentions() {
	for k := range d.Quotes {
		q := &d.Quotes[k]
		if !q.Direct || !q.Speech || q.Speaker == nil || q.Verb != nil || q.person < 0 || q.Headline {
			continue
		}
		m := sort.Search(len(d.mentions), func(i int) bool { return d.mentions[i].span.End > q.Span.Start })
		for m--; m >= 0 && d.mentions[m].paragraph >= q.Paragraph-1 && d.mentions[m].span.Start > q.Speaker.Span.End; m-- {
			if pm := d.mentions[m]; pm.person == q.person && !pm.inQuote {
				q.Speaker = &Mention{Span: pm.span, Text: pm.span.In(d.Text)}
				break
			}
		}
	}
}

func (d *Document) applyFrame(q *Quote, f frame) {
	q.Verb = d.mention(f.verb[0], f.verb[1])
	sp := f.sp
	if sp.kind == spNone {
		q.Attribution = AttrNone
		return
	}
	q.Speaker = d.mention(sp.a, sp.b)
	q.SpeakerName = sp.name
	q.Attribution = sp.attr
	q.person = sp.person
	q.first = sp.head
	q.Why, q.Candidates = sp.why, nil
	switch sp.kind {
	case spPerson:
		q.Why = "named at the attribution"
	case spAnonymous:
		q.Why = "an unnamed source"
	}
	for _, p := range sp.candidates {
		q.Candidates = append(q.Candidates, d.People[p].Name)
	}
}

// inheritSpeaker gives a quotation without its own attribution the speaker
// of the quotation it continues, of another quotation in its paragraph, or
// of the previous paragraph's last quotation (a floating quote).
func (d *Document) inheritSpeaker(q *Quote, r region, ri int, headOf map[int]int) {
	d.inheritQuoted(q, r)
	if q.Speaker != nil || d.isHeadline(r.paragraph) {
		return
	}
	hi := d.sentStart[d.sentenceOf(r.open)]
	if hi == d.parTok[r.paragraph] && (r.paragraph == 1 || hi != r.open) {
		return
	}
	if !d.opensSentence(hi, r.open) {
		return
	}
	// A quotation paragraph or sentence after one that reports what
	// someone says ("Ghazala Khan says she received a call …") goes on in
	// that speaker's words.
	si := d.sentenceOf(hi - 1)
	f := d.frameBefore(d.sentStart[si], hi, d.sentStart[si], r.open)
	if f.ok && f.sp.kind != spNone {
		d.applyFrame(q, f)
		q.Verb = nil
		q.Attribution = AttrContinuation
		q.Why = "goes on from the statement reported just before"
	}
}

func (d *Document) inheritQuoted(q *Quote, r region) {
	q.Attribution = AttrNone
	prevIdx := -1
	for k := len(d.Quotes) - 1; k >= 0; k-- {
		if d.Quotes[k].Speech && !d.Quotes[k].Headline {
			prevIdx = k
			break
		}
	}
	if d.parTok[r.paragraph] == r.open && r.paragraph > 1 && d.colonFrameEnds(r.paragraph-1) &&
		(prevIdx < 0 || d.Quotes[prevIdx].Paragraph < r.paragraph-1) {
		d.colonIntro(q, r)
		return
	}
	if prevIdx < 0 {
		return
	}
	p := d.Quotes[prevIdx]
	copyFrom := func(attr Attribution, why string) {
		q.Speaker, q.SpeakerName, q.person, q.Verb = p.Speaker, p.SpeakerName, p.person, nil
		q.Attribution, q.Why, q.Candidates = attr, why, p.Candidates
	}
	switch {
	case r.continues && p.Paragraph == r.paragraph-1:
		copyFrom(p.Attribution, "continues the quotation left open at the end of the paragraph before")
	case p.Paragraph == r.paragraph && p.Speaker != nil:
		copyFrom(p.Attribution, "the speaker of the quotation before it in the paragraph")
	case p.Paragraph == r.paragraph-1 && d.parTok[r.paragraph] == r.open && p.Speaker != nil:
		// Previous paragraph ended "X said:" → explicit.
		if d.colonFrameEnds(p.Paragraph) {
			copyFrom(p.Attribution, "the paragraph before ends in a lead-in with a colon")
			return
		}
		copyFrom(AttrContinuation, "the speaker of the last quotation in the paragraph before")
	}
}

// opensSentence reports whether no word comes before token i in the
// sentence starting at token s.
func (d *Document) opensSentence(s, i int) bool {
	for k := s; k < i; k++ {
		if d.toks[k].kind == tokWord {
			return false
		}
	}
	return true
}

// colonIntro gives a quotation paragraph the speaker of the paragraph
// before it, which ends in a colon: "Stone told the radio host:" or "He
// then listed the qualities he looks for:".
func (d *Document) colonIntro(q *Quote, r region) {
	hi := d.parTok[r.paragraph]
	si := d.sentenceOf(hi - 1)
	f := d.frameBefore(d.sentStart[si], hi-1, d.sentStart[si], r.open)
	if f.ok && f.sp.kind != spNone {
		d.applyFrame(q, f)
		return
	}
	if a, b, ok := d.sentenceSubject(d.sentStart[si], hi-1); ok {
		if sp := d.classifySpeaker(a, b, a); sp.kind == spPerson || sp.kind == spPronoun {
			d.applyFrame(q, frame{sp: sp, verb: [2]int{hi - 1, hi - 1}, ok: true})
		}
	}
}

// colonFrameEnds reports whether paragraph p ends with a colon.
func (d *Document) colonFrameEnds(p int) bool {
	hi := d.parTok[p+1]
	return hi > d.parTok[p] && d.isPunct(hi-1, ":")
}

// findReportedSpeech adds reported statements: "X said (that) …", "…, X
// said.", "according to X, …", "X told reporters …".
func (d *Document) findReportedSpeech() {
	d.nDirect = len(d.Quotes)
	for si := 0; si+1 < len(d.sentStart); si++ {
		s, e := d.sentStart[si], d.sentStart[si+1]
		if s >= e {
			continue
		}
		// Trim final punctuation outside quotations.
		ce := e
		for ce > s && d.toks[ce-1].kind == tokPunct && d.toks[ce-1].region < 0 {
			ce--
		}
		used := false
		// "…, X said." and "…, according to X."
		if f, c := d.finalFrame(s, ce, s); f.ok && !d.directCovers(s, c) && c-s >= 3 {
			d.addReported(s, c, f)
			used = true
		}
		// "According to X, …"
		if !used && d.toks[s].lower == "according" && s+1 < ce && d.toks[s+1].lower == "to" {
			for k := s + 2; k < ce && k-s < 20; k++ {
				if d.isPunct(k, ",") {
					if a, b, ok := d.npForward(s+2, k); ok && ce-k > 3 {
						f := frame{verb: [2]int{s, s + 2}, ok: true}
						f.sp = d.classifySpeaker(a, b, s)
						d.addReported(k+1, ce, f)
						used = true
					}
					break
				}
			}
		}
		if used {
			continue
		}
		d.reportedClauses(s, ce)
	}
}

// impersonal reports whether the verb at token k attributes to no one:
// "seems", "appears", or a passive ("is expected", "was reported").
func (d *Document) impersonal(k int, v cueVerb, s int) bool {
	if v.lemma == "seem" || v.lemma == "appear" {
		return true
	}
	if v.form != formFinite || d.toks[k].lower == v.lemma || strings.HasSuffix(d.toks[k].lower, "s") {
		return false
	}
	for j := k - 1; j >= s && k-j <= 3 && d.isWord(j); j-- {
		switch d.toks[j].lower {
		case "is", "are", "was", "were", "be", "been", "being", "'s":
			return true
		}
		if !d.lx.adverbs[d.toks[j].lower] {
			return false
		}
	}
	return false
}

// verbSubjectBefore reports whether the word before token k (past any
// adverbs) can be the subject or auxiliary of a verb there: a pronoun, a
// name, a plural noun, "who", "will", "not".
func (d *Document) verbSubjectBefore(k, s int) bool {
	j := k - 1
	for j >= s && d.isWord(j) && d.lx.adverbs[d.toks[j].lower] && !d.lx.auxiliaries[d.toks[j].lower] {
		j--
	}
	if j < s || !d.isWord(j) {
		return false
	}
	t := d.toks[j]
	if _, pro := d.lx.pronouns[t.lower]; pro || d.lx.relativePronouns[t.lower] || d.lx.auxiliaries[t.lower] || t.lower == "that" {
		return true
	}
	if t.upper && !d.lx.stopCaps[t.lower] {
		return true
	}
	bare := d.toks[k].lower == d.lx.stance[d.toks[k].lower].lemma || d.toks[k].lower == d.lx.cues[d.toks[k].lower].lemma
	return bare && (strings.HasSuffix(t.lower, "s") || d.lx.pluralHeads[t.lower]) && !d.lx.determiners[t.lower]
}

// stanceAt returns the verb of stance or judgement at token i ("endorsed",
// "wants"), or a quotation-frame verb that takes an object ("praised").
func (d *Document) stanceAt(i int) (cueVerb, bool) {
	if !d.isWord(i) || d.toks[i].region >= 0 {
		return cueVerb{}, false
	}
	t := d.toks[i]
	v, ok := d.lx.stance[t.lower]
	if !ok {
		if v, ok = d.cueAt(i); !ok {
			return v, false
		}
	}
	if t.upper && t.paragraph != 0 {
		return v, false
	}
	if i > 0 && v.form == formFinite && d.cueIsNoun(i, v) {
		return v, false
	}
	return v, true
}

// reportedClauses adds the statements reported by the cue verbs of the
// sentence tokens [s, ce): "X said (that) …", "X told reporters …", and
// positions: "X endorsed …", "X wants …". Nested attributions ("X said Y
// believes …") each give one statement.
func (d *Document) reportedClauses(s, ce int) {
	found := 0
	for k := s; k < ce && found < 4; k++ {
		v, ok := d.cueAt(k)
		stance := false
		if !ok || !v.clause {
			if v, ok = d.stanceAt(k); !ok {
				continue
			}
			stance = true
		}
		if k > s && d.toks[k-1].kind == tokQuote {
			continue // an inverted frame after a quotation
		}
		if d.lx.nounish[d.toks[k].lower] && !d.verbSubjectBefore(k, s) {
			continue // "swing states", "his attacks"
		}
		if v.form == formParticiple && k > s && d.lx.articles[d.toks[k-1].lower] {
			continue // "the reporting rule": a modifier inside a noun phrase
		}
		if d.anonymityFormula(k) {
			continue // "asked not to be named", "spoke on condition of anonymity"
		}
		c := k + 1
		if c < ce && particleAfter(v.lemma, d.toks[c].lower) {
			c++ // called for, pointed out, weighed in on
		}
		if v.object {
			for j := c; j < ce && j-c < 5; j++ {
				if d.toks[j].lower == "that" {
					c = j
					break
				}
			}
		}
		// Step over "on Tuesday", "in a statement" before "that".
		if c < ce && d.toks[c].lower != "that" {
			for j := c; j < ce && j-c < 7; j++ {
				if d.toks[j].lower == "that" && d.toks[j].region < 0 {
					if d.isTimeOrPlace(c, j) {
						c = j
					}
					break
				}
				if d.isPunct(j, ",") || d.toks[j].region >= 0 {
					break
				}
			}
		}
		if c >= ce {
			continue
		}
		t := d.toks[c]
		if t.kind == tokPunct && !d.isPunct(c, ":") {
			continue
		}
		if v.object && t.lower != "that" && d.onlyListener(c, ce) {
			continue // "he told Ferro.", "Ferro told reporters.": whom, not what
		}
		end := ce
		if d.directShare(c, end)*10 >= 3 {
			continue
		}
		// In "While X said …, Y did …" the statement ends at the comma.
		if sub := d.toks[s].lower; d.lx.subordinators[sub] && k-s < 15 {
			for j := c; j < end; j++ {
				if d.isPunct(j, ",") && d.toks[j].region < 0 {
					end = j
					break
				}
			}
		}
		// A bare cue verb of quotation ("called", "asked", "questioned")
		// reports speech only with a clause, not an infinitive ("ships
		// call at", "asked to leave") or an object followed by the
		// participle that carries the statement ("questioned the
		// timeline, noting that …").
		frameVerb := stance && d.lx.stance[d.toks[k].lower].lemma == ""
		switch t.lower {
		case "when", "while", "after", "before", "until", "as", "since":
			if end-c <= 6 {
				continue // "said when asked", "said as he left": when, not what
			}
		}
		if frameVerb && d.lx.soundVerbs[v.lemma] {
			continue // "spoke Tuesday at City Hall", "laughed it off": no statement
		}
		if v.lemma == "call" && d.toks[k].lower == "called" && k > s && d.namingParticiple(k) {
			continue // "a group called Citizens for Trump": a name, not words
		}
		if v.lemma == "ask" && d.toks[k].lower == "asked" && k > s && d.lx.passiveAsk[d.toks[k-1].lower] {
			// "When asked about …", "was asked by a caller why …": the
			// subject is asked; the asker, when named, asks.
			if t.lower != "by" {
				continue
			}
			a, b, ok := d.npForward(c+1, end)
			if !ok {
				continue
			}
			f := frame{sp: d.classifySpeaker(a, b, c), verb: [2]int{k, k + 1}, ok: true}
			d.addReported(b, end, f)
			found++
			continue
		}
		switch d.lx.stance[d.toks[k].lower].lemma {
		case "back", "support", "endorse":
			// A position on someone: "backs Clinton", not "back down",
			// "support for free trade" or "support candidates at".
			if !t.upper || t.kind != tokWord {
				continue
			}
		}
		if lemma := v.lemma; (lemma == "seem" || lemma == "appear") && t.lower != "to" && t.lower != "that" && t.lower != "as" && t.lower != "like" {
			continue // "appeared on CNN"
		}
		if frameVerb && (t.lower == "to" || d.lx.frameBreakers[t.lower] || d.participleClauseAfter(c, end)) {
			continue
		}
		var f frame
		if k == s+1 && d.toks[s].lower == "having" || k == s && v.form == formParticiple {
			// "Having announced that he would not …, Judge Berman
			// proceeded": the statement ends at the comma and the
			// subject after it made it.
			if sf, j := d.introParticipleFrame(c, ce, k); sf.ok {
				end, f = j, sf
			}
		}
		switch {
		case f.ok:
		case d.impersonal(k, v, s):
			if t.lower == "to" && v.lemma != "seem" && v.lemma != "appear" {
				continue // "is expected to vote": a forecast, not a statement
			}
			stance = true
		default:
			f = d.subjectFrame(k, v, s, s, s)
			if f.ok && f.verb[0] != k {
				continue // nested in a statement already reported
			}
			if frameVerb && f.ok && v.form == formFinite && !d.canHoldPosition(f.sp) {
				continue // "container ships call at Carrow", "prices back …"
			}
			if f.ok && d.abstractSubject(f.sp) {
				continue // "The problem is that …", "The decision shows that …"
			}
		}
		if !f.ok {
			f = frame{verb: [2]int{k, k + 1}, ok: true}
		}
		// "55 percent of voters said they …, according to a Quinnipiac
		// poll": the statement ends at the comma and the poll is the
		// source given.
		for j := c + 2; j+2 < end; j++ {
			if d.toks[j].region >= 0 || !d.isPunct(j, ",") || d.toks[j+1].lower != "according" || d.toks[j+2].lower != "to" {
				continue
			}
			if a, b, ok := d.npForward(j+3, end); ok && d.shareOfPeople(f.sp) {
				f = frame{sp: d.classifySpeaker(a, b, c), verb: [2]int{j + 1, j + 3}, ok: true}
			}
			end = j
			break
		}
		if d.shareOfPeople(f.sp) {
			// "… said they had an unfavorable impression of Trump in a
			// Washington Post-ABC News poll"
			for j := c + 2; j+1 < end; j++ {
				if d.toks[j].region >= 0 || d.toks[j].lower != "in" {
					continue
				}
				if a, b, ok := d.npForward(j+1, end); ok && (d.toks[b-1].lower == "poll" || d.toks[b-1].lower == "survey") {
					f = frame{sp: d.classifySpeaker(a, b, c), verb: f.verb, ok: true}
					end = j
					break
				}
			}
		}
		if q := d.addReported(c, end, f); q != nil {
			q.stance = stance
		}
		found++
	}
}

// namingParticiple reports whether "called" at token k names the noun
// before it ("a super PAC called Future45", "a series called …"): a
// common noun right before, a capitalised word or quotation right after.
func (d *Document) namingParticiple(k int) bool {
	p := d.toks[k-1]
	if p.kind == tokPunct && d.isPunct(k-1, ",") && k > 1 {
		p = d.toks[k-2] // "a regular series, called “Quick Question”"
	}
	if p.kind != tokWord || p.upper || d.lx.adverbs[p.lower] || d.lx.relativePronouns[p.lower] || d.lx.npStop[p.lower] {
		return false
	}
	if _, pro := d.lx.pronouns[p.lower]; pro {
		return false
	}
	if k+1 >= len(d.toks) {
		return false
	}
	n := d.toks[k+1]
	return n.kind == tokQuote || n.kind == tokWord && n.upper
}

// shareOfPeople reports whether a speaker is a share of a group, as polls
// report them: "55 percent of voters", "a majority of Republicans", "three
// in 10".
func (d *Document) shareOfPeople(sp speaker) bool {
	if sp.kind == spNone || sp.b <= sp.a {
		return false
	}
	for i := sp.a; i < sp.b && i < sp.a+4; i++ {
		switch w := d.toks[i].lower; {
		case w == "percent" || w == "%" || w == "majority" || w == "half" || w == "third" || w == "quarter" || w == "most" || w == "plurality":
			return true
		case w == "in" && i > sp.a && i+1 < sp.b:
			return true // "three in 10"
		}
	}
	return false
}

// particleAfter reports whether word w after a cue verb is its particle
// ("called for", "pointed out", "commented on"), not a preposition that
// starts an adjunct ("said on Monday", "told reporters on a call").
func particleAfter(lemma, w string) bool {
	switch w {
	case "for", "out":
		return lemma != "say" && lemma != "tell"
	case "on":
		switch lemma {
		case "weigh", "comment", "insist", "elaborate", "agree", "reflect", "focus", "remark", "expand":
			return true
		}
	}
	return false
}

// introParticipleFrame reads the subject that follows an introductory
// participle phrase whose statement runs from token c to a comma before
// ce; it returns the frame and the comma.
func (d *Document) introParticipleFrame(c, ce, k int) (frame, int) {
	for j := c; j < ce && j-c < 40; j++ {
		if d.toks[j].region >= 0 {
			return frame{}, 0
		}
		if !d.isPunct(j, ",") {
			continue
		}
		a, b, ok := d.npForward(j+1, ce)
		if !ok || !d.properOrPronoun(a, b) {
			return frame{}, 0
		}
		return frame{sp: d.classifySpeaker(a, b, c), verb: [2]int{k, k + 1}, ok: true}, j
	}
	return frame{}, 0
}

// participleClauseAfter reports whether the object of a verb at tokens
// [c, end) is followed by a comma and a participle cue that reports a
// clause ("the timeline, noting that …"): that clause is the statement.
func (d *Document) participleClauseAfter(c, end int) bool {
	for j := c; j+1 < end && j-c < 12; j++ {
		if d.toks[j].region >= 0 {
			return false
		}
		if !d.isPunct(j, ",") {
			continue
		}
		w, ok := d.cueAt(j + 1)
		return ok && w.form == formParticiple && w.clause
	}
	return false
}

// canHoldPosition reports whether a subject can take a stance or speak
// through a verb that is speech only in a person's mouth: anyone but a
// common noun for a thing ("container ships", "prices").
func (d *Document) canHoldPosition(sp speaker) bool {
	if sp.kind != spOther {
		return true
	}
	h := d.toks[sp.head]
	hw := nameWord(h.lower)
	if h.upper || d.lx.orgHeads[hw] || d.lx.docHeads[hw] || d.lx.relativePronouns[h.lower] || d.lx.humanNouns[hw] {
		return true
	}
	if len(hw) < 4 || d.lx.determiners[hw] || d.lx.npStop[hw] || d.lx.adverbs[hw] {
		return true // not a noun head: the phrase was misread, so judge nothing
	}
	for _, suf := range d.lx.agentSuffixes {
		if strings.HasSuffix(hw, suf) || strings.HasSuffix(hw, suf+"s") {
			return true // leaders, donors, activists, politicians, residents
		}
	}
	return false
}

// abstractSubject reports whether a subject is a common noun for an idea,
// an event or a quality ("the problem", "the decision", "the furor"):
// such a phrase states a fact about the world, it is no one's statement.
func (d *Document) abstractSubject(sp speaker) bool {
	if sp.kind != spOther || d.canHoldPosition(sp) {
		return false
	}
	hw := nameWord(d.toks[sp.head].lower)
	if d.lx.abstractNouns[hw] {
		return true
	}
	if d.lx.institutionNouns[hw] || d.lx.docHeads[hw] {
		return false
	}
	for _, suf := range d.lx.abstractSuffixes {
		if strings.HasSuffix(hw, suf) || strings.HasSuffix(hw, suf+"s") {
			return true
		}
	}
	return false
}

// anonymityFormula reports whether the verb at token k opens the formula
// that explains why a source is not named ("asked not to be identified",
// "spoke on (the) condition of anonymity", "requested anonymity"): it
// states no one's words.
func (d *Document) anonymityFormula(k int) bool {
	w := func(i int) string {
		if i < len(d.toks) && d.isWord(i) {
			return d.toks[i].lower
		}
		return ""
	}
	i := k + 1
	if w(i) == "out" || w(i) == "only" {
		i++
	}
	switch {
	case w(i) == "not" && w(i+1) == "to" && w(i+2) == "be":
		return true // asked not to be named / identified / quoted
	case w(i) == "anonymity":
		return true // requested anonymity
	case w(i) == "on" || w(i) == "under":
		j := i + 1
		if w(j) == "the" {
			j++
		}
		return w(j) == "condition" || w(j) == "anonymity"
	}
	return false
}

// isTimeOrPlace reports whether tokens [a, b) are a short adjunct such as
// "on Tuesday" or "in a statement".
func (d *Document) isTimeOrPlace(a, b int) bool {
	if b-a > 6 {
		return false
	}
	w := d.toks[a].lower
	return d.lx.timeWords[w] || w == "in" || w == "on" || w == "at" || w == "to"
}

// directCovers reports whether a direct speech quotation covers most of the
// tokens [a, b).
func (d *Document) directCovers(a, b int) bool {
	return d.directShare(a, b)*10 >= 7
}

// directShare returns the share of the tokens [a, b) that direct speech
// quotations cover.
func (d *Document) directShare(a, b int) float64 {
	if a >= b {
		return 1
	}
	span := editor.Span{Start: d.toks[a].start, End: d.toks[b-1].end}
	covered := 0
	// Direct quotations come first in d.Quotes, in text order.
	direct := d.Quotes[:d.nDirect]
	k := sort.Search(len(direct), func(i int) bool { return direct[i].Span.End > span.Start })
	for _, q := range direct[k:] {
		if q.Span.Start >= span.End {
			break
		}
		if !q.Span.Overlaps(span) {
			continue
		}
		lo, hi := max(q.Span.Start, span.Start), min(q.Span.End, span.End)
		covered += hi - lo
	}
	return float64(covered) / float64(span.Len())
}

func (d *Document) addReported(a, b int, f frame) *Quote {
	if a >= b {
		return nil
	}
	for a < b && d.toks[a].kind == tokPunct && d.toks[a].region < 0 {
		a++
	}
	for b > a && d.toks[b-1].kind == tokPunct && d.toks[b-1].region < 0 {
		b--
	}
	if a >= b || d.onlyTime(a, b) {
		return nil // "Ward spoke Tuesday": when, not what
	}
	span := editor.Span{Start: d.toks[a].start, End: d.toks[b-1].end}
	// Extend over a closing mark of a quotation the clause ends in.
	q := Quote{
		Span:      span,
		Text:      span.In(d.Text),
		Speech:    true,
		Paragraph: d.toks[a].paragraph,
		Headline:  d.isHeadline(d.toks[a].paragraph),
		person:    -1,
		first:     -1,
	}
	d.applyFrame(&q, f)
	if q.Attribution == "" {
		q.Attribution = AttrNone
	}
	d.Quotes = append(d.Quotes, q)
	return &d.Quotes[len(d.Quotes)-1]
}

// onlyTime reports whether tokens [a, b) are a short time phrase and
// nothing else ("Tuesday", "on Monday night", "last week").
func (d *Document) onlyTime(a, b int) bool {
	if b-a > 4 {
		return false
	}
	for i := a; i < b; i++ {
		if !d.isWord(i) {
			continue
		}
		switch w := d.toks[i].lower; {
		case d.lx.timeWords[w], w == "on", w == "in", w == "at", w == "last", w == "this", w == "next", w == "the", w == "night", w == "morning", w == "afternoon", w == "evening", w == "week", w == "month", w == "year":
		default:
			return false
		}
	}
	return true
}

func sortQuotesStable(q []Quote) {
	sort.SliceStable(q, func(i, j int) bool { return q[i].Span.Start < q[j].Span.Start })
}

// subjectSpeaks reports whether a sentence subject is someone who can be
// the source of the words quoted in the sentence: a person, a pronoun, a
// role, an unnamed source or an organisation. Any other noun phrase is
// trusted only for a quotation that reads as speech on its own, not for a
// word or two that may be a scare quote ("Questions linger over a “stand
// down” order").
func (d *Document) subjectSpeaks(sp speaker, speechAlone bool) bool {
	switch sp.kind {
	case spPerson, spDescription, spAnonymous:
		return true
	case spPronoun:
		return d.toks[sp.a].lower != "it" // "it" is a thing, rarely a source
	case spOther:
		h := d.toks[sp.head]
		return speechAlone && !isAcronym(d.Text[h.start:h.end]) && !d.abstractSubject(sp) || d.lx.orgHeads[nameWord(h.lower)]
	}
	return false
}

// signatureFrame reads paragraph p as the signature line of the quotation
// before it: a dash and a short noun phrase ("- Hillary Clinton.", "—
// President Obama, tweeting after the speech.").
func (d *Document) signatureFrame(p, at int) frame {
	if p >= len(d.Paragraphs) {
		return frame{}
	}
	lo, hi := d.parTok[p], d.parTok[p+1]
	if hi-lo < 2 || hi-lo > 16 {
		return frame{}
	}
	first := lo + 1
	if !d.isDash(lo) {
		// A pull quote's credit line inside its marks: `"I worry …` /
		// `Dean Baker, Center for Economic and Policy Research."`.
		if !d.creditLine(lo, hi) {
			return frame{}
		}
		first = lo
	}
	a, b, ok := d.npForward(first, hi)
	if !ok || !d.toks[a].upper {
		return frame{}
	}
	sp := d.classifySpeaker(a, b, at)
	if sp.kind == spNone {
		return frame{}
	}
	return frame{sp: sp, verb: [2]int{lo, lo}, ok: true}
}

// creditLine reports whether the paragraph of tokens lo..hi is the credit
// line that closes a pull quote: a capitalised name, a comma, the
// speaker's post and the closing quotation mark, with no other mark.
func (d *Document) creditLine(lo, hi int) bool {
	last := hi - 1
	for last > lo && d.toks[last].kind == tokPunct {
		last--
	}
	if d.toks[last].kind != tokQuote || d.toks[hi-1].kind == tokWord {
		return false
	}
	comma := -1
	for k := lo; k < last; k++ {
		switch {
		case d.toks[k].kind == tokQuote:
			return false
		case comma < 0 && d.isPunct(k, ","):
			comma = k
		}
	}
	if comma < lo+1 || comma > lo+4 {
		return false
	}
	for k := lo; k < comma; k++ {
		if !d.isWord(k) || !d.toks[k].upper {
			return false
		}
	}
	return true
}

// transcriptLabel reads the speaker of a transcript line from the label
// that opens it: `"WALLACE: If I may, sir …"`. The label is one or two
// words in capitals, then a colon.
func (d *Document) transcriptLabel(r region) frame {
	a := r.open + 1
	b := a
	for b < len(d.toks) && b-a < 2 && d.isWord(b) && d.toks[b].paragraph == d.toks[r.open].paragraph && allCaps(d.Text[d.toks[b].start:d.toks[b].end]) {
		b++
	}
	if b == a || !d.isPunct(b, ":") {
		return frame{}
	}
	sp := d.classifySpeaker(a, b, r.open)
	label := d.words(a, b)
	if k, ok := d.surnames[nameWord(d.toks[b-1].lower)]; ok && (sp.kind == spNone || sp.kind == spOther) {
		// "WALLACE" is the story's Chris Wallace.
		sp.kind, sp.person, sp.attr, sp.name = spPerson, k, AttrExplicit, d.People[k].Name
	}
	if sp.kind == spNone {
		sp.kind, sp.attr, sp.name = spOther, AttrExplicit, label
	}
	sp.why = "the transcript's label for the speaker"
	return frame{sp: sp, verb: [2]int{b, b}, ok: true}
}

// allCaps reports whether w has two or more letters, all capitals.
func allCaps(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsLetter(r) {
			continue
		}
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}

// quoteFromFrame reads a sentence that credits the quotation before it:
// "That quote from Alabama Securities Commissioner Thomas Krebs appeared
// …", "The line, from Ronald Reagan, …".
func (d *Document) quoteFromFrame(s, e, at int) frame {
	if e-s < 4 || !d.isWord(s) || !d.isWord(s+1) {
		return frame{}
	}
	switch d.toks[s].lower {
	case "that", "the", "this", "those", "these":
	default:
		return frame{}
	}
	switch d.toks[s+1].lower {
	case "quote", "quotation", "line", "lines", "remark", "remarks", "words", "comment", "comments", "phrase":
	default:
		return frame{}
	}
	k := s + 2
	if d.isPunct(k, ",") {
		k++
	}
	if !d.isWord(k) || d.toks[k].lower != "from" && d.toks[k].lower != "by" {
		return frame{}
	}
	a, b, ok := d.npForward(k+1, e)
	if !ok {
		return frame{}
	}
	sp := d.classifySpeaker(a, b, at)
	if sp.kind == spNone {
		return frame{}
	}
	return frame{sp: sp, verb: [2]int{s + 1, s + 2}, ok: true}
}

// capitalsOnly reports whether every word of the quotation is in capitals.
func (d *Document) capitalsOnly(r region) bool {
	end := r.close
	if end < 0 {
		end = d.parTok[r.paragraph+1]
	}
	words := 0
	for i := r.open + 1; i < end; i++ {
		if !d.isWord(i) {
			continue
		}
		w := d.Text[d.toks[i].start:d.toks[i].end]
		if !allCaps(w) && len(w) > 1 {
			return false
		}
		words++
	}
	return words > 0
}

// eagerTo reports whether the cue at token i, after "to", reports a clause
// all the same: "was quick to add that", "went on to say that".
func (d *Document) eagerTo(i int) bool {
	return i >= 2 && d.isWord(i+1) && d.toks[i+1].lower == "that" && d.isWord(i-2) && d.lx.eagerTo[d.toks[i-2].lower]
}

// onlyListener says tokens c to e are nothing but the one spoken to and
// the sentence's closing punctuation: a name, a pronoun or a listener
// word ("Ferro", "him", "reporters", "the Associated Press").
func (d *Document) onlyListener(c, e int) bool {
	for e > c && d.toks[e-1].kind != tokWord {
		e--
	}
	if e <= c || e-c > 4 {
		return false
	}
	if m := d.mentionAt(c); m >= 0 && d.mentions[m].last == e-1 {
		return true
	}
	if e-c == 1 {
		w := d.toks[c].lower
		_, pro := d.lx.pronouns[w]
		return pro || d.lx.listeners[w] || w == "him" || w == "her" || w == "them" || w == "us" || w == "me"
	}
	for i := c; i < e; i++ {
		if !d.toks[i].upper && !d.lx.determiners[d.toks[i].lower] {
			return false
		}
	}
	return true
}

// abbrevPeriod says the period at token k ends an abbreviation inside a
// phrase, not a sentence: "R-Ky.," "Inc.,".
func (d *Document) abbrevPeriod(k int) bool {
	return d.isPunct(k, ".") && k > 0 && d.isWord(k-1) && d.toks[k-1].end == d.toks[k].start && d.isPunct(k+1, ",")
}

// onlyPunct says tokens i to hi are all punctuation.
func (d *Document) onlyPunct(i, hi int) bool {
	for ; i < hi; i++ {
		if d.toks[i].kind == tokWord {
			return false
		}
	}
	return true
}
