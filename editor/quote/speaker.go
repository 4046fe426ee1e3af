package quote

import (
	"slices"
	"strings"

	"copydesk/editor"
)

// nameWord strips a possessive from a lower-case word: rutte's -> rutte.
func nameWord(w string) string {
	w = strings.TrimSuffix(w, "'s")
	return strings.TrimSuffix(w, "'")
}

// capRun returns the end of the run of capitalised words, initials,
// abbreviation periods and name connectors starting at token i.
func (d *Document) capRun(i, hi int) int {
	j := i
	for j < hi {
		t := d.toks[j]
		switch {
		case t.kind == tokWord && t.upper:
			if j > i && !d.isInitial(j) && ((d.lx.stopCaps[t.lower] && !d.lx.titles[t.lower]) || d.lx.cues[t.lower].lemma != "") {
				return j
			}
			j++
			if strings.HasSuffix(t.lower, "'s") || strings.HasSuffix(t.lower, "'") {
				return j // a possessive ends the name
			}
			continue
		case t.kind == tokPunct && j > i && d.Text[t.start:t.end] == "." && t.start == d.toks[j-1].end:
			prev := d.toks[j-1].lower
			if d.lx.titles[prev] || d.lx.abbrevs[prev] || (len(prev) == 1 && d.toks[j-1].upper) {
				j++
				continue
			}
		case t.kind == tokWord && j > i && d.lx.connectors[t.lower] && j+1 < hi && d.toks[j+1].upper && d.toks[j+1].kind == tokWord:
			j++
			continue
		}
		break
	}
	return j
}

// nameParts splits a capitalised run [a, b) into title tokens and name
// tokens (token indices of words only).
func (d *Document) nameParts(a, b int) (titles, name []int) {
	var ws []int
	for i := a; i < b; i++ {
		if d.toks[i].kind == tokWord {
			ws = append(ws, i)
		}
	}
	// Drop sentence-initial function words (But, The, In).
	for len(ws) > 0 && d.lx.stopCaps[d.toks[ws[0]].lower] && !d.lx.titles[d.toks[ws[0]].lower] {
		ws = ws[1:]
	}
	last := -1
	for k, i := range ws {
		w := nameWord(d.toks[i].lower)
		if d.lx.titles[w] || isAcronym(d.Text[d.toks[i].start:d.toks[i].end]) {
			last = k
		}
	}
	if last == len(ws)-1 && last > 0 && d.lx.courtesy[nameWord(d.toks[ws[last-1]].lower)] {
		// "Mr. King", "Ms. Bishop": after a courtesy title, a word that
		// could be a title is the surname.
		last--
	}
	if last >= 0 {
		titles, name = ws[:last+1], ws[last+1:]
	} else {
		name = ws
	}
	for _, i := range name {
		if d.lx.stopCaps[nameWord(d.toks[i].lower)] && !d.isInitial(i) {
			return titles, nil
		}
	}
	// "State Madeleine Albright" (from "Secretary of State Madeleine
	// Albright"): the name starts at the first name.
	for k := 1; k+1 < len(name); k++ {
		if w := d.toks[name[k]].lower; d.lx.male[w] || d.lx.female[w] {
			titles, name = append(titles[:len(titles):len(titles)], name[:k]...), name[k:]
			break
		}
	}
	return titles, name
}

// isInitial reports whether token i is a capital letter with its period
// (the "A." of "James A. Baker").
func (d *Document) isInitial(i int) bool {
	t := d.toks[i]
	return t.kind == tokWord && t.upper && len(t.lower) == 1 && d.isPunct(i+1, ".") && d.toks[i+1].start == t.end
}

func isAcronym(w string) bool {
	if len(w) < 2 {
		return false
	}
	for _, r := range w {
		if r >= 'a' && r <= 'z' {
			return false
		}
	}
	return true
}

type nameCandidate struct {
	a, b    int // run
	titles  []int
	name    []int
	gender  gender
	full    bool // two or more name words
	person  bool // certainly a person
	surname string
}

// readName looks at the capitalised run at token i and says whether it
// names a person.
func (d *Document) readName(a, b int) (nameCandidate, bool) {
	c := nameCandidate{a: a, b: b}
	c.titles, c.name = d.nameParts(a, b)
	if len(c.name) == 0 || len(c.name) > 4 {
		return c, false
	}
	lastW := nameWord(d.toks[c.name[len(c.name)-1]].lower)
	if d.lx.orgHeads[lastW] || d.lx.docHeads[lastW] {
		c.name = nil // "Institute", "New York University": never a person
		return c, false
	}
	c.surname = lastW
	firstW := nameWord(d.toks[c.name[0]].lower)
	for _, t := range c.titles {
		if g, ok := d.lx.gender[d.toks[t].lower]; ok {
			c.gender = g
		}
	}
	if c.gender == genderUnknown && len(c.name) > 1 {
		switch {
		case d.lx.male[firstW]:
			c.gender = genderMale
		case d.lx.female[firstW]:
			c.gender = genderFemale
		default:
			c.gender = d.lx.firstNames[firstW]
		}
	}
	c.full = len(c.name) > 1
	hasTitle := false
	for _, t := range c.titles {
		if d.lx.titles[nameWord(d.toks[t].lower)] {
			hasTitle = true
		}
	}
	roleBefore := a > 0 && d.toks[a-1].kind == tokWord && !d.toks[a-1].upper && d.lx.roles[d.toks[a-1].lower]
	switch {
	case hasTitle || roleBefore:
		c.person = true
	case c.full && (d.lx.male[firstW] || d.lx.female[firstW]):
		c.person = true
	case c.full && !d.lx.placeWords[firstW] && !isAcronym(d.Text[d.toks[c.name[0]].start:d.toks[c.name[0]].end]):
		c.person = true
	}
	return c, c.person
}

// hasTitle reports whether a name candidate comes with a title ("Sen.",
// "Councilwoman").
func (d *Document) hasTitle(c nameCandidate) bool {
	for _, t := range c.titles {
		if d.lx.titles[nameWord(d.toks[t].lower)] {
			return true
		}
	}
	return false
}

// findPeople builds the list of people the story names and records every
// mention of them, resolving surnames and titles to the full name.
func (d *Document) findPeople() {
	d.surnames = make(map[string]int)
	type cand struct {
		c  nameCandidate
		hd bool
	}
	var cands []cand
	for p := range d.Paragraphs {
		lo, hi := d.parTok[p], d.parTok[p+1]
		for i := lo; i < hi; {
			t := d.toks[i]
			if t.kind != tokWord || !t.upper {
				i++
				continue
			}
			j := d.capRun(i, hi)
			c, _ := d.readName(i, j)
			if len(c.name) > 0 {
				cands = append(cands, cand{c, d.isHeadline(p)})
			}
			i = j
		}
	}
	// Pass 1: people introduced by a full name or a title, in order, body
	// first so the headline resolves to names the story gives.
	byFull := make(map[string]int)
	add := func(c nameCandidate) int {
		key := d.fullKey(c.name)
		if k, ok := byFull[key]; ok {
			if d.People[k].Gender == "" && c.gender != genderUnknown {
				d.People[k].Gender = c.gender.String()
			}
			return k
		}
		if !c.full {
			if k, ok := d.surnames[c.surname]; ok {
				if d.People[k].Gender == "" && c.gender != genderUnknown {
					d.People[k].Gender = c.gender.String()
				}
				return k
			}
		}
		p := Person{Name: d.nameText(c.name)}
		if c.gender != genderUnknown {
			p.Gender = c.gender.String()
		}
		d.People = append(d.People, p)
		k := len(d.People) - 1
		byFull[key] = k
		if old, ok := d.surnames[c.surname]; !ok || !strings.Contains(d.People[old].Name, " ") {
			if ok && !c.full {
				return old
			}
			if ok {
				// A surname-only person ("Mr. Rutte") met before the full
				// name: the full name wins.
				d.People[old].Name = p.Name
				if d.People[old].Gender == "" {
					d.People[old].Gender = p.Gender
				}
				d.People = d.People[:k]
				byFull[key] = old
				return old
			}
			d.surnames[c.surname] = k
		}
		return k
	}
	for _, pass := range []bool{true, false} {
		for _, cd := range cands {
			if cd.hd || cd.c.full != pass || !cd.c.person {
				continue
			}
			add(cd.c)
		}
	}
	// A headline name with a title ("Councilwoman Rosa Diaz: …") is a
	// person even when the story only uses the surname.
	for _, cd := range cands {
		if cd.hd && cd.c.full && cd.c.person && d.hasTitle(cd.c) {
			if _, ok := byFull[d.fullKey(cd.c.name)]; !ok {
				if _, ok := d.surnames[cd.c.surname]; !ok {
					add(cd.c)
				}
			}
		}
	}
	// Pass 2: every mention, in order.
	recent := make(map[string]int) // surname -> person last mentioned
	for _, cd := range cands {
		c := cd.c
		var k int
		var ok bool
		if c.full {
			k, ok = byFull[d.fullKey(c.name)]
			if !ok && !c.person {
				continue
			}
		} else {
			k, ok = recent[c.surname]
			if !ok {
				k, ok = d.surnames[c.surname]
			}
		}
		if cd.hd && !ok {
			// A headline name the story does not give: try each word.
			for _, i := range c.name {
				if kk, found := d.surnames[nameWord(d.toks[i].lower)]; found {
					k, ok = kk, true
				}
			}
		}
		if !ok {
			continue
		}
		if !c.full && c.gender != genderUnknown && d.People[k].Gender != "" && d.People[k].Gender != c.gender.String() {
			// "Mrs. Clinton" in a story that also names Bill Clinton is
			// not he.
			k = d.personOfSex(c.surname, c.gender.String(), d.nameText(c.name))
		}
		recent[c.surname] = k
		for _, t := range c.titles {
			w := nameWord(d.toks[t].lower)
			if d.lx.roles[w] {
				d.People[k].Roles = appendOnce(d.People[k].Roles, w)
			}
		}
		if c.a > 0 {
			if w := d.toks[c.a-1]; w.kind == tokWord && !w.upper && d.lx.roles[w.lower] {
				d.People[k].Roles = appendOnce(d.People[k].Roles, w.lower)
			}
		}
		first, last := c.name[0], c.name[len(c.name)-1]
		if len(c.titles) > 0 {
			first = c.titles[0]
		}
		span := editor.Span{Start: d.toks[first].start, End: d.toks[last].end}
		d.People[k].Mentions = append(d.People[k].Mentions, span)
		d.mentions = append(d.mentions, personMention{
			span: span, first: first, last: last, person: k,
			paragraph: d.toks[first].paragraph, inQuote: d.toks[first].region >= 0,
		})
	}
}

// sexFromStory gives a person whose sex neither a first name nor a title
// tells the sex of the pronoun the story uses right after naming them as a
// subject: "Rush Limbaugh used his platform", "Ham said she would". A
// person the story reads both ways stays unknown.
func (d *Document) sexFromStory() {
	votes := make(map[int][2]int)
	for s := 0; s+1 < len(d.sentStart); s++ {
		m := d.subjectMention(s)
		if m < 0 {
			continue
		}
		pm := d.mentions[m]
		if d.People[pm.person].Gender != "" {
			continue
		}
		for i, words := pm.last+1, 0; i < d.sentStart[s+1] && words < 4; i++ {
			t := d.toks[i]
			if t.kind != tokWord || t.region >= 0 || d.mentionAt(i) >= 0 {
				break
			}
			words++
			g, ok := d.lx.pronounForms[t.lower]
			if !ok {
				continue
			}
			v := votes[pm.person]
			if g == genderMale {
				v[0]++
			} else {
				v[1]++
			}
			votes[pm.person] = v
			break
		}
	}
	for p, v := range votes {
		switch {
		case v[0] > 0 && v[1] == 0:
			d.People[p].Gender = genderMale.String()
		case v[1] > 0 && v[0] == 0:
			d.People[p].Gender = genderFemale.String()
		}
	}
}

// personOfSex returns the person with the surname and sex given, adding
// one named name when the story has none.
func (d *Document) personOfSex(surname, sex, name string) int {
	for i, p := range d.People {
		if p.Gender == sex && nameWord(strings.ToLower(p.Name[strings.LastIndexByte(p.Name, ' ')+1:])) == surname {
			return i
		}
	}
	d.People = append(d.People, Person{Name: name, Gender: sex})
	return len(d.People) - 1
}

func appendOnce(s []string, w string) []string {
	for _, x := range s {
		if x == w {
			return s
		}
	}
	return append(s, w)
}

func (d *Document) fullKey(name []int) string {
	var b strings.Builder
	for k, i := range name {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(nameWord(d.toks[i].lower))
	}
	return b.String()
}

func (d *Document) nameText(name []int) string {
	s := d.Text[d.toks[name[0]].start:d.toks[name[len(name)-1]].end]
	s = strings.TrimSuffix(s, "’s")
	s = strings.TrimSuffix(s, "'s")
	s = strings.TrimSuffix(s, "’")
	return s
}

// mentionAt returns the person mention whose tokens include i, or -1.
func (d *Document) mentionAt(i int) int {
	lo, hi := 0, len(d.mentions)
	for lo < hi {
		m := (lo + hi) / 2
		if d.mentions[m].last < i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(d.mentions) && d.mentions[lo].first <= i && i <= d.mentions[lo].last {
		return lo
	}
	return -1
}

// speakerKind is what a speaker noun phrase turned out to be.
type speakerKind uint8

const (
	spNone speakerKind = iota
	spPerson
	spPronoun
	spAnonymous
	spDescription // "the minister": a role, maybe resolvable to a person
	spOther       // an organisation, document or poll
)

// speaker is a resolved speaker noun phrase.
type speaker struct {
	a, b   int // tokens of the noun phrase
	head   int // token of the head word
	kind   speakerKind
	person int // -1 unless resolved
	attr   Attribution
	name   string
	// why names the rule that chose the speaker; candidates are the people
	// an ambiguous pronoun or description could be.
	why        string
	candidates []int
}

func (d *Document) isWord(i int) bool { return i >= 0 && i < len(d.toks) && d.toks[i].kind == tokWord }

func (d *Document) isPunct(i int, s string) bool {
	return i >= 0 && i < len(d.toks) && d.toks[i].kind == tokPunct && d.Text[d.toks[i].start:d.toks[i].end] == s
}

// npBackward finds the noun phrase that ends at token j (inclusive) and
// starts no earlier than lo. It steps over an appositive set off by commas
// ("Trump, the Republican nominee, said").
func (d *Document) npBackward(j, lo int) (a, b int, ok bool) {
	if j < lo {
		return 0, 0, false
	}
	if d.isPunct(j, ",") {
		// Appositive: find the comma before it.
		k := j - 1
		for k >= lo && j-k < 25 && !d.isPunct(k, ",") && d.toks[k].kind != tokQuote && !d.isTerminalAt(k) {
			k--
		}
		if k < lo || !d.isPunct(k, ",") || k == j-1 {
			return 0, 0, false
		}
		// "The museum’s director, Janet Morris, said": the name is the
		// appositive.
		// Not when the name is the object of a preposition inside an
		// appositive to a name before it: "Chris Covert, South Carolina
		// director for Sanders, said".
		if m := d.mentionAt(j - 1); m >= 0 && d.mentions[m].first > k && !d.clauseWords(k+1, d.mentions[m].first) &&
			!(d.mentionAt(k-1) >= 0 && d.isWord(d.mentions[m].first-1) && d.prepositionAt(d.mentions[m].first-1)) {
			return d.mentions[m].first, j, true
		}
		a, b, ok = d.npBackward(k-1, lo)
		if !ok || !d.properOrPronoun(a, b) {
			return 0, 0, false
		}
		return a, b, true
	}
	if k := d.parentheticalOpen(j, lo); k >= 0 {
		// "Sen. Elizabeth Warren (D-MA) said": the party and state go
		// with the name.
		if a, _, ok := d.npBackward(k-1, lo); ok && d.properOrPronoun(a, k) {
			return a, j + 1, true
		}
		return 0, 0, false
	}
	if !d.isWord(j) || d.toks[j].region >= 0 {
		return 0, 0, false
	}
	if _, isPro := d.lx.pronouns[d.toks[j].lower]; isPro {
		return j, j + 1, true
	}
	if d.lx.npStop[d.toks[j].lower] || d.lx.cues[d.toks[j].lower].lemma != "" {
		return 0, 0, false
	}
	a = j
	for k := j - 1; k >= lo && j-k < 10; k-- {
		t := d.toks[k]
		if t.region >= 0 {
			break
		}
		if t.kind == tokPunct {
			if d.Text[t.start:t.end] == "." && k > lo && t.start == d.toks[k-1].end && d.toks[k-1].upper {
				continue // Mr. or an initial
			}
			if (d.Text[t.start:t.end] == "-" || d.Text[t.start:t.end] == "’") && k > lo {
				continue
			}
			break
		}
		if t.kind != tokWord {
			break
		}
		if d.lx.determiners[t.lower] {
			a = k
			break
		}
		if d.lx.npStop[t.lower] && t.lower != "of" && t.lower != "for" || d.lx.verbStop[t.lower] && !t.upper {
			break
		}
		if d.lx.cues[t.lower].lemma != "" && !t.upper {
			break
		}
		if t.upper && d.lx.stopCaps[t.lower] && !d.lx.titles[t.lower] && !d.isInitial(k) {
			break
		}
		a = k
	}
	// Do not start with "of", "for" or a conjunction.
	for a < j && (d.toks[a].lower == "of" || d.toks[a].lower == "for" || d.toks[a].lower == "and" || d.toks[a].lower == "or" || d.toks[a].lower == "but" || d.toks[a].kind != tokWord) {
		a++
	}
	return a, j + 1, true
}

// prepositionAt says token i is a preposition, "of" and "for" included.
func (d *Document) prepositionAt(i int) bool {
	w := d.toks[i].lower
	return d.lx.prepositions[w] || w == "of" || w == "for"
}

// parentheticalOpen returns the "(" of a short parenthetical that closes
// at token j ("(R-Ohio)", "(D)"), right after a word, or -1.
func (d *Document) parentheticalOpen(j, lo int) int {
	if !d.isPunct(j, ")") {
		return -1
	}
	for k := j - 1; k > lo && j-k <= 6; k-- {
		if d.toks[k].region >= 0 || d.isTerminalAt(k) && !d.isPunct(k, ".") {
			return -1
		}
		if d.isPunct(k, "(") {
			if d.isWord(k-1) && d.toks[k-1].upper {
				return k
			}
			return -1
		}
	}
	return -1
}

// parentheticalClose returns the token after a short parenthetical that
// opens at token i, or i when there is none.
func (d *Document) parentheticalClose(i, hi int) int {
	if !d.isPunct(i, "(") {
		return i
	}
	for k := i + 1; k < hi && k-i <= 6; k++ {
		if d.toks[k].region >= 0 {
			return i
		}
		if d.isPunct(k, ")") {
			return k + 1
		}
	}
	return i
}

// clauseWords reports whether tokens [a, b) hold a relative pronoun, an
// auxiliary, a preposition or another word that ends a noun phrase ("who
// has endorsed Clinton"): they are no title before a name.
func (d *Document) clauseWords(a, b int) bool {
	for i := a; i < b; i++ {
		if d.isWord(i) && d.lx.npStop[d.toks[i].lower] {
			return true
		}
	}
	return false
}

func (d *Document) isTerminalAt(k int) bool { return isTerminal(d.Text, d.toks[k]) }

// properOrPronoun reports whether the phrase contains a capitalised word or
// is a pronoun.
func (d *Document) properOrPronoun(a, b int) bool {
	for i := a; i < b; i++ {
		if d.toks[i].kind == tokWord && d.toks[i].upper && !d.lx.stopCaps[d.toks[i].lower] {
			return true
		}
	}
	if b == a+1 {
		_, ok := d.lx.pronouns[d.toks[a].lower]
		return ok
	}
	return false
}

// npForward finds the noun phrase starting at token i, ending before hi.
func (d *Document) npForward(i, hi int) (a, b int, ok bool) {
	if i >= hi || !d.isWord(i) || d.toks[i].region >= 0 {
		return 0, 0, false
	}
	if _, isPro := d.lx.pronouns[d.toks[i].lower]; isPro {
		return i, i + 1, true
	}
	if first := d.toks[i]; !first.upper && (d.lx.npStop[first.lower] || d.lx.cues[first.lower].lemma != "") {
		return 0, 0, false
	}
	if d.lx.npConjunctions[d.toks[i].lower] {
		return 0, 0, false // "so clearly believed", "and reportedly argued"
	}
	if d.toks[i].upper {
		if j := d.capRun(i, hi); j > i {
			// A person's name ends the phrase; an organisation's name may
			// go on to a role and a name ("Judicial Watch president Tom
			// Fitton").
			c, _ := d.readName(i, j)
			if len(c.name) > 0 && !d.lx.stopCaps[d.toks[i].lower] && !d.continuesNP(j, hi) {
				return i, j, true
			}
		}
	}
	j := i
	sawNoun := false
	for j < hi && j-i < 10 {
		t := d.toks[j]
		if t.region >= 0 {
			break
		}
		if t.kind == tokPunct {
			if d.Text[t.start:t.end] == "." && j > i && t.start == d.toks[j-1].end && (d.lx.titles[d.toks[j-1].lower] || len(d.toks[j-1].lower) == 1) {
				j++
				continue
			}
			break
		}
		if t.kind != tokWord {
			break
		}
		w := t.lower
		if j > i && (d.lx.npStop[w] && w != "of" && w != "for" && w != "and" || d.lx.determiners[w] && w != "senior" && w != "top") {
			break
		}
		if j > i && d.lx.cues[w].lemma != "" && !t.upper && !d.cueIsNoun(j, d.lx.cues[w]) {
			break // a verb, not a noun like the "report" of "the congressional report"
		}
		if sawNoun && !t.upper && (strings.HasSuffix(w, "ed") || d.lx.verbStop[w] || d.isAdverb(j)) {
			break // "Cruz backers stood quietly", "It’s become such"
		}
		if !d.lx.determiners[w] {
			sawNoun = true
		}
		j++
	}
	for j > i && (d.toks[j-1].kind != tokWord || d.toks[j-1].lower == "of" || d.toks[j-1].lower == "for" || d.toks[j-1].lower == "and") {
		j--
	}
	if j == i {
		return 0, 0, false
	}
	return i, j, true
}

// continuesNP reports whether token j carries a noun phrase on: a
// lower-case noun that is not a verb, preposition or other phrase stop.
func (d *Document) continuesNP(j, hi int) bool {
	if j >= hi || !d.isWord(j) || d.toks[j].region >= 0 {
		return false
	}
	t := d.toks[j]
	if t.upper {
		return true
	}
	if p := d.toks[j-1].lower; strings.HasSuffix(p, "'s") || strings.HasSuffix(p, "'") {
		// "Trump's senior adviser Jason Miller"
		return !d.lx.npStop[t.lower] && d.lx.cues[t.lower].lemma == ""
	}
	return !d.lx.npStop[t.lower] && d.lx.cues[t.lower].lemma == "" && !d.lx.determiners[t.lower] && !strings.HasSuffix(t.lower, "ed")
}

// classifySpeaker decides what the noun phrase [a, b) is and resolves it to
// a person where it can. at is the token the statement starts at, used for
// pronoun resolution; prevSpeaker is the person quoted just before.
func (d *Document) classifySpeaker(a, b, at int) speaker {
	sp := speaker{a: a, b: b, head: b - 1, person: -1}
	// The head is the last word before a post-modifier (spokesman for X,
	// person familiar with ...).
	for i := a; i < b; i++ {
		w := d.toks[i].lower
		if i > a && (w == "for" || w == "of" || w == "familiar" || w == "close" || w == "with" || w == "who") {
			sp.head = i - 1
			break
		}
	}
	// A named person anywhere in the phrase: the last one is the speaker.
	for i := b - 1; i >= a; i-- {
		m := d.mentionAt(i)
		if m >= 0 && i > sp.head && d.mentions[m].first > a && d.isWord(d.mentions[m].first-1) && d.lx.roles[d.toks[d.mentions[m].first-1].lower] {
			// "Port of Carrow director Elena Marsh": the name after the
			// role is the head.
			sp.head = d.mentions[m].last
		}
		if m >= 0 && i > sp.head && d.mentions[m].last == b-1 && d.titleChain(a, d.mentions[m].first) {
			// "Former Secretary of State Madeleine Albright": a title
			// with its "of" phrase, then the name.
			sp.head = d.mentions[m].last
		}
		if m >= 0 && i <= sp.head && d.mentions[m].last < sp.head && strings.HasSuffix(d.toks[d.mentions[m].last].lower, "'s") {
			// "Hillary Clinton’s right-hand woman": the named person is
			// whose she is, not who speaks.
			i = d.mentions[m].first
			continue
		}
		if m >= 0 && i <= sp.head {
			sp.kind, sp.person, sp.attr = spPerson, d.mentions[m].person, AttrExplicit
			sp.name = d.People[sp.person].Name
			return sp
		}
	}
	hw := nameWord(d.toks[sp.head].lower)
	if b == a+1 {
		if pi, ok := d.lx.pronouns[hw]; ok {
			sp.kind = spPronoun
			d.resolvePronoun(&sp, pi)
			return sp
		}
	}
	hasProper := false
	for i := a; i <= sp.head; i++ {
		t := d.toks[i]
		if t.upper && !d.lx.stopCaps[t.lower] && !d.lx.titles[t.lower] {
			hasProper = true
		}
	}
	indefinite := false
	switch d.toks[a].lower {
	case "a", "an", "one", "another", "two", "three", "several", "some", "many":
		indefinite = !d.toks[sp.head].upper && !d.lx.docHeads[hw] && !d.lx.orgHeads[hw]
	}
	switch {
	case indefinite && !hasProper:
		// "one agent", "a person close to the campaign": unnamed.
		sp.kind, sp.attr = spAnonymous, AttrAnonymous
	case d.lx.anonymous[hw] && !hasProperHead(d, a, sp.head):
		sp.kind, sp.attr = spAnonymous, AttrAnonymous
	case d.lx.roles[hw] && !hasProperHead(d, a, sp.head):
		sp.kind = spDescription
		d.resolveDescription(&sp, hw, at)
	case d.toks[sp.head].upper && !hasProper && !d.lx.anonymous[hw]:
		sp.kind, sp.attr = spNone, AttrNone
	default:
		sp.kind, sp.attr = spOther, AttrExplicit
		sp.name = d.words(a, sp.head+1)
	}
	return sp
}

// titleChain reports whether tokens [a, b) are a capitalised title with
// its complements ("Secretary of State", "Speaker of the House Rep."),
// naming an office rather than a thing.
func (d *Document) titleChain(a, b int) bool {
	title := false
	for i := a; i < b; i++ {
		t := d.toks[i]
		switch {
		case t.kind == tokWord && t.upper:
			if w := nameWord(t.lower); d.lx.titles[w] || d.lx.roles[w] {
				title = true
			}
		case t.kind == tokWord && (t.lower == "of" || t.lower == "the" || t.lower == "for" || t.lower == "and"):
		case d.isPunct(i, ".") || d.isPunct(i, "-"):
		default:
			return false
		}
	}
	return title
}

// hasProperHead reports whether the head word is capitalised as a name
// rather than because it starts a sentence or headline.
func hasProperHead(d *Document, a, head int) bool {
	t := d.toks[head]
	if !t.upper || d.lx.stopCaps[t.lower] || d.isHeadline(t.paragraph) {
		return false
	}
	return d.sentStart[d.sentenceOf(head)] != head
}

// resolveDescription ties "the minister" to the person most recently
// mentioned with that role, when the phrase is definite. A definite
// description is ambiguous only when two people named in this sentence or
// the one before hold the role; one the story never tied to the role
// ("the Vermont senator" for a Sen. Sanders named as such only in the
// lede) is still a speaker the reader can place, and stands as written.
func (d *Document) resolveDescription(sp *speaker, role string, at int) {
	def := d.toks[sp.a].lower == "the" || d.toks[sp.a].lower == "this"
	if !def {
		// "a spokesman", "an aide": unnamed.
		sp.attr = AttrAnonymous
		return
	}
	si := d.sentenceOf(sp.a)
	lo := d.sentStart[max(0, si-1)]
	if d.isHeadline(d.toks[lo].paragraph) {
		lo = d.sentStart[si]
	}
	var near []int
	par := d.toks[at].paragraph
	for m := d.mentionsBefore(sp.a) - 1; m >= 0; m-- {
		pm := d.mentions[m]
		if pm.paragraph < par-lookBack {
			break
		}
		if !slices.Contains(d.People[pm.person].Roles, role) {
			continue
		}
		if pm.first < lo {
			if len(near) == 0 {
				near = append(near, pm.person)
			}
			break
		}
		near = appendIntOnce(near, pm.person)
	}
	switch len(near) {
	case 0:
		sp.attr, sp.name, sp.why = AttrExplicit, d.words(sp.a, sp.b), "no one named nearby holds the role"
	case 1:
		sp.person, sp.name, sp.attr, sp.why = near[0], d.People[near[0]].Name, AttrExplicit, "the one person named nearby with the role"
	default:
		sp.attr, sp.why, sp.candidates = AttrAmbiguous, "two people named in this sentence or the one before hold the role", near
	}
}

// resolvePronoun picks the person a he or she refers to, as the house
// rule reads it: the pronoun points to the last person of that sex who is
// the natural subject, and when two or more people of that sex have been
// in play since the last named speaker it is ambiguous and the name must
// be repeated. "In play" are the people the story is about, not every
// name it drops: the subjects and speakers of the sentences since (this
// paragraph and the two before), not the objects ("Trump took swipes at
// Jeb Bush"), and a sentence whose subject is itself he or she carries the
// same person on ("LeVell … He dismisses accusations that Trump …").
func (d *Document) resolvePronoun(sp *speaker, pi pronounInfo) {
	if pi.first || pi.plural || pi.gender == genderUnknown {
		sp.attr = AttrPronoun // I, we, they: not resolved to one person
		return
	}
	g := pi.gender.String()
	si := d.sentenceOf(sp.a)
	if c := d.sentenceCandidates(si, sp.a, g); len(c.same) > 0 {
		// Earlier in the same sentence: "Smith said that he …".
		d.pronounIs(sp, c.same[0], "named earlier in the same sentence")
		return
	}
	par := d.toks[sp.a].paragraph
	var topics, topicPars, unknown []int
	var nearest, prev *pronounCandidates
	// lastSpeakers are those of that sex whose words the nearest
	// sentence that quotes anyone of that sex puts in quotation marks.
	var lastSpeakers, inPlay, inPlaySpeakers []int
	lastQuotedSubject := -1 // the subject of the sentence that quotes them
	for s := si - 1; s >= 0; s-- {
		p := d.toks[d.sentStart[s]].paragraph
		if p < par-2 || d.isHeadline(p) {
			break
		}
		if d.quotedSentence(s) {
			continue // a sentence inside a quotation is the speaker's, not the story's
		}
		c := d.sentenceCandidates(s, d.sentStart[s+1], g)
		if prev == nil {
			prev = &c
		}
		if nearest == nil && (len(c.same) > 0 || c.pronounSubject) {
			nearest = &c
		}
		if lastSpeakers == nil {
			// Everyone of that sex in play back to the last one quoted.
			for _, t := range append([]int{c.subject}, c.speakers...) {
				if t >= 0 {
					inPlay = appendIntOnce(inPlay, t)
				}
			}
			if len(c.quoted) == 0 {
				// Those who speak since the last one quoted.
				for _, t := range c.speakers {
					inPlaySpeakers = appendIntOnce(inPlaySpeakers, t)
				}
			}
			if len(c.quoted) > 0 {
				lastSpeakers, lastQuotedSubject = c.quoted, c.subject
			}
		}
		for _, t := range append([]int{c.subject}, c.speakers...) {
			if t >= 0 && !containsInt(topics, t) {
				topics, topicPars = append(topics, t), append(topicPars, c.paragraph)
			}
		}
		if p >= par-1 {
			for _, p := range c.unknown {
				unknown = appendIntOnce(unknown, p)
			}
		}
	}
	// Someone the quotation names in the third person is not its speaker:
	// "Dan Alpert … expressed alarm that his views might be closer to
	// Trump's … / “Yes, Donald Trump is on the record …,” he said."
	named := d.namedInQuote(si)
	after := d.namedAfter(sp.a)
	for _, p := range after {
		named = appendIntOnce(named, p)
	}
	if len(named) > 0 {
		topics, topicPars = dropPeople(topics, topicPars, named)
		if nearest != nil {
			c := *nearest
			c.same, _ = dropPeople(c.same, nil, named)
			// Whoever is named after the pronoun is not it, even as the
			// subject or speaker of the sentence before.
			c.speakers, _ = dropPeople(c.speakers, nil, after)
			c.credited, _ = dropPeople(c.credited, nil, after)
			if containsInt(after, c.subject) {
				c.subject = -1
			}
			if nearest == prev {
				prev = &c
			}
			nearest = &c
		}
	}
	switch {
	case prev != nil && prev.unknownSubject >= 0 && prev.subject < 0 && len(prev.speakers) == 0 && !prev.pronounSubject:
		// The sentence before is about someone whose sex the story has
		// not told; the pronoun tells it: "Pate claimed … / “…,” he said".
		d.pronounIs(sp, prev.unknownSubject, "the subject of the sentence before, whose sex the story does not otherwise give")
	case prev != nil && len(prev.unknownSpeakers) == 1 && len(prev.speakers) == 0 && prev.subject < 0 && !prev.pronounSubject:
		// The sentence before quotes someone whose sex the story has not
		// told, and no one of this sex: "“…,” Limbaugh said. / He went on
		// to say …".
		d.pronounIs(sp, prev.unknownSpeakers[0], "the speaker of the sentence before, whose sex the story does not otherwise give")
	case nearest != nil && nearest == prev && nearest.asked >= 0 && nearest.subject >= 0 && nearest.asked != nearest.subject && nearest.paragraph != par:
		// "Todd asked Pence whether that would take place before the
		// election. / “Well, we’ll see,” he said.": the one who asked or
		// the one who answers.
		d.pronounAmbiguous(sp, []int{nearest.subject, nearest.asked}, "the sentence before has one man ask another")
	case nearest != nil && len(nearest.credited) == 1:
		d.pronounIs(sp, nearest.credited[0], "the speaker of the sentence before")
	case nearest != nil && len(nearest.speakers) == 1:
		// The one the sentence before quotes or reports keeps the floor:
		// "Maloy said he backs Ayotte and Trump. … he said."
		d.pronounIs(sp, nearest.speakers[0], "the speaker of the sentence before")
	case nearest != nil && nearest.subject >= 0 && (nearest.paragraph == par || !d.opensWithQuote(par) ||
		len(inPlay) == 1 && inPlay[0] == nearest.subject ||
		(len(lastSpeakers) == 0 || len(lastSpeakers) == 1 && lastSpeakers[0] == nearest.subject || lastQuotedSubject == nearest.subject) &&
			onlyOne(inPlaySpeakers, nearest.subject)):
		// The subject of the sentence before: "Leahy expressed
		// frustration on Monday. “…,” he said." Only a paragraph that
		// opens with a quotation, "“…,” he said.", reaches past it to
		// whoever spoke last: "“…,” said Mr. Rutte. / Mr. Trump has
		// threatened … Putin … / “She’s a highly respected leader,” he
		// remarked." has two men in play. When the subject is the only
		// one of that sex in play back to the last one quoted, there is
		// no one else to read; nor when no one else of that sex has been
		// quoted or reported since ("McConnell spokesman Don Stewart
		// wouldn't say when … / “…,” he said."), but not when someone
		// else has ("Board member Tom Reyes questioned the timeline …
		// Mayor David Okafor … has backed the project … / “…,” he
		// remarked."). Nor does one quoted inside a sentence about the
		// subject ("Cruz scored his first endorsement …, from Mike Lee,
		// who declared, “…” … Cruz also sought to temper his tone … /
		// “…,” he said.").
		d.pronounIs(sp, nearest.subject, "the subject of the sentence before")
	case nearest == prev && nearest != nil && nearest.subject >= 0 && nearest.alone && nearest.words <= setupWords:
		// A short paragraph of one line that sets up the quotation
		// paragraph after it:
		// "Rubio disagreed. / “…,” he said."
		d.pronounIs(sp, nearest.subject, "the subject of the short sentence that sets up the quotation")
	case nearest != nil && nearest.pronounSubject && len(topics) > 0:
		// The sentence before is about he or she already: the pronoun
		// chain runs back to the nearest named subject or speaker ("Saban
		// spurred the campaign. He urged … And he encouraged … “…,” he
		// wrote.").
		d.pronounIs(sp, topics[0], "a chain of "+g+" pronouns back to a named subject or speaker")
	case nearest != nil && !nearest.pronounSubject && nearest.subject < 0 && len(nearest.same) > 1:
		// "Warren and White faced off. … she said."
		d.pronounAmbiguous(sp, nearest.same, "the sentence before names several, none as its subject")
	case nearest != nil && len(nearest.same) == 1 && len(topics) > 0 && topics[0] == nearest.same[0] &&
		(nearest.paragraph == par || !d.opensWithQuote(par) || len(topics) == 1 || topicPars[1] != nearest.paragraph):
		// The one person of that sex the sentence before names is also the
		// last one the story was about: "The interview comes …, with Trump
		// trailing. He repeated …". Across a paragraph that opens with the
		// quotation, not when another of that sex leads in the paragraph
		// before ("Board member Tom Reyes questioned the timeline …
		// Mayor David Okafor … has backed the project … / “…,” he
		// remarked."). Nor does one quoted inside a sentence about the
		// subject ("Cruz scored his first endorsement …, from Mike Lee,
		// who declared, “…” … Cruz also sought to temper his tone … /
		// “…,” he said.").
		d.pronounIs(sp, nearest.same[0], "the one person of that sex in the sentence before, and the last subject or speaker")
	case nearest != nil && nearest.paragraph == par && nearest.subject < 0 && !nearest.pronounSubject && len(nearest.same) == 1:
		// The one person of that sex the sentence before names, in the
		// same paragraph: "Tuttle’s article also attacked Christie …
		// He calls Christie’s endorsement …" (Christie is named after
		// the pronoun, so it is not he).
		d.pronounIs(sp, nearest.same[0], "the one person of that sex in the sentence before, in the same paragraph")
	case len(topics) > 1:
		d.pronounAmbiguous(sp, topics, "several subjects or speakers of that sex in the sentences before")
	case len(topics) == 1:
		d.pronounIs(sp, topics[0], "the one subject or speaker of that sex in the sentences before")
	case nearest != nil && len(nearest.same) == 1:
		d.pronounIs(sp, nearest.same[0], "the one person of that sex named in the sentence before")
	case nearest != nil && len(nearest.same) > 1:
		d.pronounAmbiguous(sp, nearest.same, "the sentence before names several")
	case len(unknown) == 1:
		// One person near, whose sex the story has not told: "Ana Ruiz
		// said … she said".
		d.pronounIs(sp, unknown[0], "the one person named nearby")
	default:
		sp.attr = AttrPronoun
		for m := d.mentionsBefore(sp.a) - 1; m >= 0; m-- {
			if pm := d.mentions[m]; !d.isHeadline(pm.paragraph) && d.People[pm.person].Gender == g {
				d.pronounIs(sp, pm.person, "the last person of that sex the story names")
				return
			}
		}
	}
}

// setupWords is the longest sentence read as a line setting up the
// quotation paragraph after it ("Trump, however, wasted no time
// responding."), not background the story gives between quotations.
const setupWords = 16

// namedInQuote lists the people named inside quotation marks in sentence
// s and the rest of its paragraph ("“…,” he said. “… So Donald Trump …
// is ambitious …”": not Trump).
func (d *Document) namedInQuote(s int) []int {
	var out []int
	lo, hi := d.sentStart[s], d.parTok[d.toks[d.sentStart[s]].paragraph+1]
	for m := d.mentionsBefore(lo); m < len(d.mentions) && d.mentions[m].first < hi; m++ {
		if d.mentions[m].inQuote {
			out = appendIntOnce(out, d.mentions[m].person)
		}
	}
	return out
}

// dropPeople removes the people in drop from people, and the matching
// entries of the parallel slice pars when it is not nil.
func dropPeople(people, pars, drop []int) ([]int, []int) {
	var keep, keepPars []int
	for i, p := range people {
		if containsInt(drop, p) {
			continue
		}
		keep = append(keep, p)
		if pars != nil {
			keepPars = append(keepPars, pars[i])
		}
	}
	return keep, keepPars
}

// pronounAmbiguous marks the pronoun speaker as one of several people.
func (d *Document) pronounAmbiguous(sp *speaker, people []int, why string) {
	sp.attr, sp.why, sp.candidates = AttrAmbiguous, why, people
}

// pronounIs resolves the pronoun speaker to person p.
func (d *Document) pronounIs(sp *speaker, p int, why string) {
	sp.person, sp.name, sp.attr, sp.why = p, d.People[p].Name, AttrPronoun, why
}

// pronounCandidates are the people a he or she could refer to in one
// sentence: those named of that sex (in order, the subject first) and
// those named whose sex the story does not tell.
type pronounCandidates struct {
	same, unknown []int
	// speakers are those of same named next to an attribution verb
	// ("Maloy said", "said Maloy"): the people the sentence quotes.
	speakers []int
	// asked is the one of same the sentence's subject asks or presses
	// ("Todd asked Pence whether …"), who is expected to answer; -1 if
	// none.
	asked int
	// credited are those of speakers a quotation or reported statement
	// of the sentence is credited to ("Humphrey, for example, said he's
	// hopeful that the effort results in John Kasich claiming the
	// nomination": Humphrey, not Kasich).
	credited []int
	// subject is the sentence's subject when it is one of same ("In June,
	// Warren said", not "Warren and White"); -1 if none.
	subject int
	// unknownSubject is the sentence's subject when the story does not
	// tell that person's sex ("Pate claimed …"); -1 if none.
	unknownSubject int
	// unknownSpeakers are the people the sentence quotes whose sex the
	// story does not tell ("“…,” Limbaugh said.").
	unknownSpeakers []int
	// quoted are those of same whose words the sentence puts in
	// quotation marks.
	quoted []int
	// pronounSubject: the sentence's subject is he or she ("He added …").
	pronounSubject bool
	paragraph      int
	words          int // words in the sentence, quoted ones included
	// alone: the sentence is its paragraph ("Rubio disagreed.").
	alone bool
}

// sentenceCandidates collects the candidates of sentence s before token
// end, outside quotation marks, for gender g.
func (d *Document) sentenceCandidates(s, end int, g string) pronounCandidates {
	lo := d.sentStart[s]
	c := pronounCandidates{subject: -1, unknownSubject: -1, asked: -1, paragraph: d.toks[lo].paragraph}
	subjectEnd := -1
	if m := d.subjectMention(s); m >= 0 {
		subjectEnd = d.mentions[m].last
		switch d.People[d.mentions[m].person].Gender {
		case g:
			c.subject = d.mentions[m].person
		case "":
			c.unknownSubject = d.mentions[m].person
		}
	}
	for i := lo; i < d.sentStart[s+1]; i++ {
		if d.toks[i].kind == tokWord {
			c.words++
		}
	}
	c.alone = lo == d.parTok[c.paragraph] && d.sentStart[s+1] >= d.parTok[c.paragraph+1]
	lead := d.leadingPronoun(s, g)
	c.pronounSubject = lead >= 0 || d.pronounSpeaker(s, g)
	if c.subject < 0 && c.unknownSubject < 0 && !c.pronounSubject {
		// "… the campaign manager said he needed to speak to the
		// candidate first.": the one the role names.
		c.subject, subjectEnd = d.descriptionSubject(s, end, g)
	}
	for m := d.mentionsBefore(lo); m < len(d.mentions) && d.mentions[m].first < end; m++ {
		pm := d.mentions[m]
		if pm.inQuote || lead >= 0 && pm.first > lead {
			// Not a name the sentence's own he or she governs: "He went
			// on to say that some Democrats, such as Joe Manchin, …".
			continue
		}
		switch d.People[pm.person].Gender {
		case g:
			c.same = appendIntOnce(c.same, pm.person)
			if d.besideCue(pm) {
				c.speakers = appendIntOnce(c.speakers, pm.person)
			}
		case "":
			c.unknown = appendIntOnce(c.unknown, pm.person)
		}
	}
	if c.subject >= 0 && d.subjectReports(s, subjectEnd, end) {
		// "Giles attempted to re-engage the campaign and said he had
		// prepared …": the subject speaks in the sentence.
		c.speakers = appendIntOnce(c.speakers, c.subject)
		c.credited = appendIntOnce(c.credited, c.subject)
	}
	if c.subject >= 0 {
		c.same = appendIntOnce(c.same, c.subject)
		c.asked = d.askedIn(s, end, g, c.subject)
	}
	// Whoever a quotation in the sentence was credited to speaks in it,
	// however the credit was written ("… to Mr. Sanders, said David
	// Axelrod", "said Gov. Terry E. Branstad of Iowa, who …").
	from, to := d.toks[lo].start, d.toks[d.sentStart[s+1]-1].end
	for _, k := range d.quotesInSentence(s) {
		q := d.Quotes[k]
		if q.Span.End <= from || q.Span.Start >= to || !q.Speech || q.person < 0 || q.Attribution != AttrExplicit {
			continue
		}
		switch d.People[q.person].Gender {
		case g:
			c.speakers = appendIntOnce(c.speakers, q.person)
			c.credited = appendIntOnce(c.credited, q.person)
			c.same = appendIntOnce(c.same, q.person)
			if q.Direct {
				c.quoted = appendIntOnce(c.quoted, q.person)
			}
		case "":
			c.unknownSpeakers = appendIntOnce(c.unknownSpeakers, q.person)
		}
	}
	return c
}

// descriptionSubject returns the person of sex g that a definite role
// description leading a clause of sentence s names ("the campaign
// manager", "the admiral"), when one person named within the last few
// paragraphs holds that role; or -1.
func (d *Document) descriptionSubject(s, end int, g string) (person, last int) {
	lo, hi := d.sentStart[s], min(d.sentStart[s+1], end)
	for i := lo; i < hi; i++ {
		t := d.toks[i]
		if t.kind != tokWord || t.region >= 0 || (t.lower != "the" && t.lower != "this") || !d.leadsClause(lo, i-1) {
			continue
		}
		for j := i + 1; j < hi && j <= i+3 && d.isWord(j) && !d.toks[j].upper; j++ {
			role := d.toks[j].lower
			if !d.lx.roles[role] {
				continue
			}
			if d.isWord(j+1) && !d.toks[j+1].upper && d.lx.roles[d.toks[j+1].lower] {
				continue // "the campaign manager": the last word is the role
			}
			who := -1
			par := d.toks[i].paragraph
			for m := d.mentionsBefore(i) - 1; m >= 0 && d.mentions[m].paragraph >= par-3; m-- {
				p := d.mentions[m].person
				if p == who || !slices.Contains(d.People[p].Roles, role) {
					continue
				}
				if who >= 0 {
					return -1, -1 // two people hold the role
				}
				who = p
			}
			if who >= 0 && d.People[who].Gender == g {
				return who, j
			}
			return -1, -1
		}
	}
	return -1, -1
}

// askedIn returns the person of sex g, other than subject, whom a verb
// of asking in sentence s takes as its object ("asked Pence", "pressed
// Mr. Ferro"), or -1.
func (d *Document) askedIn(s, end int, g string, subject int) int {
	lo, hi := d.sentStart[s], min(d.sentStart[s+1], end)
	for i := lo; i+1 < hi; i++ {
		if d.toks[i].region >= 0 {
			continue
		}
		v, ok := d.cueAt(i)
		if !ok || v.form != formFinite || (v.lemma != "ask" && v.lemma != "question" && v.lemma != "press") {
			continue
		}
		m := d.mentionAt(i + 1)
		if m < 0 || d.mentions[m].inQuote {
			continue
		}
		// The one asked, not a name modifying another noun ("asked Trump
		// campaign manager Kellyanne Conway").
		if n := d.mentions[m].last + 1; d.isWord(n) && !d.prepositionAt(n) && !d.lx.subordinators[d.toks[n].lower] &&
			d.toks[n].lower != "whether" && d.toks[n].lower != "if" && d.toks[n].lower != "why" && d.toks[n].lower != "how" && d.toks[n].lower != "what" {
			continue
		}
		if p := d.mentions[m].person; p != subject && d.People[p].Gender == g {
			return p
		}
	}
	return -1
}

// subjectReports says sentence s reports its subject's words: said, told
// or added after the subject (which ends at token subjectEnd), with no one
// else named right before it ("Giles attempted to re-engage the
// campaign and said he had prepared …"). Verbs of stance ("has
// threatened", "has asserted") do not give him the floor: the sample's
// "Mr. Trump has threatened … / “She’s a highly respected leader,” he
// remarked." stays ambiguous.
func (d *Document) subjectReports(s, subjectEnd, end int) bool {
	lo, hi := d.sentStart[s], min(d.sentStart[s+1], end)
	subj := d.mentionAt(subjectEnd)
	for i := max(lo, subjectEnd+1); i < hi; i++ {
		if d.toks[i].region >= 0 {
			continue
		}
		v, ok := d.cueAt(i)
		if !ok || v.form != formFinite || (v.lemma != "say" && v.lemma != "tell" && v.lemma != "add") || d.passiveAux(i-1) {
			continue
		}
		// The verb's own subject right before it is someone else:
		// "Giles said Carson told him" has Carson telling.
		k := d.skipAdverbsBack(i-1, lo)
		if m := d.mentionAt(k); m >= 0 && m != subj {
			return false
		}
		if _, pro := d.lx.pronouns[d.toks[max(k, 0)].lower]; d.isWord(k) && pro {
			return false
		}
		return true
	}
	return false
}

// pronounSpeaker says sentence s has he or she of sex g as a speaker
// ("“…,” he told Hannity", "said she"); with leadingPronoun, it tells
// whether the sentence is about he or she.
func (d *Document) pronounSpeaker(s int, g string) bool {
	lo, hi := d.sentStart[s], d.sentStart[s+1]
	for i := lo; i < hi; i++ {
		t := d.toks[i]
		if pi, ok := d.lx.pronouns[t.lower]; ok && t.kind == tokWord && t.region < 0 && pi.gender.String() == g &&
			(d.isWord(i+1) && d.lx.cues[d.toks[i+1].lower].lemma != "" ||
				d.isWord(i-1) && d.lx.cues[d.toks[i-1].lower].lemma != "" && !d.isWord(i+1)) {
			// ("said she." but not "saying he didn't intend …", whose
			// he is the reported clause's subject.)
			return true
		}
	}
	return false
}

// leadingPronoun returns the he or she of sex g that opens sentence s
// (after a conjunction or an introductory phrase and its comma), or -1.
func (d *Document) leadingPronoun(s int, g string) int {
	lo, hi := d.sentStart[s], d.sentStart[s+1]
	for i := lo; i < hi && i < lo+12; i++ {
		t := d.toks[i]
		if t.kind != tokWord || t.region >= 0 {
			continue
		}
		if pi, ok := d.lx.pronouns[pronounWord(t.lower)]; ok && pi.gender.String() == g && d.leadsClause(lo, i-1) {
			return i
		}
	}
	return -1
}

// namedAfter lists the people named outside quotation marks after token
// i in its sentence. A pronoun that is a subject cannot refer to them
// ("he told Rubio", "He calls Christie's endorsement …", "He said that
// Manchin …"): the name would have been a pronoun.
func (d *Document) namedAfter(i int) []int {
	var out []int
	hi := d.sentStart[d.sentenceOf(i)+1]
	for m := d.mentionsBefore(i + 1); m < len(d.mentions) && d.mentions[m].first < hi; m++ {
		if !d.mentions[m].inQuote {
			out = appendIntOnce(out, d.mentions[m].person)
		}
	}
	return out
}

// pronounWord strips a contraction from a lower-case word: he's -> he.
func pronounWord(w string) string {
	if i := strings.IndexByte(w, '\''); i > 0 {
		switch w[i:] {
		case "'s", "'d", "'ll", "'re", "'ve":
			return w[:i]
		}
	}
	return w
}

// opensWithQuote says paragraph p starts with a quotation mark.
func (d *Document) opensWithQuote(p int) bool {
	i := d.parTok[p]
	return i < d.parTok[p+1] && d.toks[i].kind == tokQuote
}

// quotedSentence says every word of sentence s is inside quotation marks.
func (d *Document) quotedSentence(s int) bool {
	for i := d.sentStart[s]; i < d.sentStart[s+1]; i++ {
		if d.toks[i].kind == tokWord && d.toks[i].region < 0 {
			return false
		}
	}
	return true
}

// subjectMention returns the mention that is sentence s's subject, or -1:
// the first name outside quotation marks, at the start of the sentence or
// right after a comma ("Another pollster, David Woodard of Clemson
// University, …") or an opening conjunction; in a sentence that opens with
// a subordinate or introductory phrase, the first name after its comma
// ("When Mr. Trump tried to defend his remarks, Mr. Kasich differed"). Not
// a possessive nor the first of a pair ("Warren and White").
func (d *Document) subjectMention(s int) int {
	lo, hi := d.sentStart[s], d.sentStart[s+1]
	intro := false
	for i := lo; i < hi; i++ {
		if t := d.toks[i]; t.kind == tokWord && t.region < 0 {
			// "In his assessment of the magnate, Calderon intimated …":
			// after an opening phrase, the subject follows its comma.
			intro = d.lx.introWords[t.lower] || d.lx.subordinators[t.lower] || d.lx.prepositions[t.lower] && i == lo
			break
		}
	}
	if d.existential(lo, hi) {
		// "First there was … editor Bret Stephens, who …", "Then
		// there's Axelrod.": the one introduced is what the sentence is
		// about.
		for m := d.mentionsBefore(lo); m < len(d.mentions) && d.mentions[m].first < hi; m++ {
			if !d.mentions[m].inQuote {
				return m
			}
		}
		return -1
	}
	for m := d.mentionsBefore(lo); m < len(d.mentions) && d.mentions[m].first < hi; m++ {
		pm := d.mentions[m]
		if pm.inQuote {
			continue
		}
		k := pm.first - 1
		for k >= lo && d.toks[k].kind == tokQuote {
			k--
		}
		switch {
		case d.leadsClause(lo, k) && !(intro && k >= lo && !d.isPunct(k, ",")):
		case intro && d.isPunct(k, ","):
		default:
			// A name inside an opening phrase ("Preceded at the lectern
			// by Joe Arpaio, Trump launched …"): the subject comes after
			// its comma.
			intro = true
			continue
		}
		if n := pm.last + 1; d.isWord(n) && !d.toks[n].upper && d.lx.roles[d.toks[n].lower] && d.mentionAt(n+1) >= 0 {
			// "McConnell spokesman Don Stewart wouldn't say": the one
			// the role names.
			return d.mentionAt(n + 1)
		}
		if n := pm.last + 1; d.isWord(n) && d.toks[n].lower == "and" && d.isWord(n+1) && (d.toks[n+1].lower == "others" || d.toks[n+1].lower == "other") {
			// "Edwards and others said": Edwards leads them.
			return m
		}
		if strings.HasSuffix(d.toks[pm.last].lower, "'s") && d.isWord(pm.last+1) && d.lx.contractionHas[d.toks[pm.last+1].lower] {
			// "Christie's been making the case": Christie has.
			return m
		}
		if strings.HasSuffix(d.toks[pm.last].lower, "'s") || strings.HasSuffix(d.toks[pm.last].lower, "'") {
			// "Trump's attorney, Alan Garten, said": the subject is the
			// person the appositive names, if one follows.
			if n := d.mentionAfterComma(m, hi); n >= 0 {
				return n
			}
			return -1
		}
		if n := pm.last + 1; d.isWord(n) && (d.toks[n].lower == "and" || d.toks[n].lower == "or") || d.isPunct(n, "&") {
			return -1
		}
		return m
	}
	return -1
}

// existential says the sentence from token lo opens, after at most one
// word ("First", "Then", "And"), with "there is", "there was" or
// "there's".
func (d *Document) existential(lo, hi int) bool {
	for i := lo; i < hi && i <= lo+1; i++ {
		if !d.isWord(i) || d.toks[i].region >= 0 {
			return false
		}
		switch w := d.toks[i].lower; w {
		case "there's", "there’s":
			return true
		case "there":
			if d.isWord(i + 1) {
				switch d.toks[i+1].lower {
				case "is", "was", "are", "were":
					return true
				}
			}
			return false
		}
	}
	return false
}

// mentionAfterComma returns the mention that follows mention m's noun
// phrase after a comma, as an appositive ("Trump's attorney, Alan
// Garten"), or -1.
func (d *Document) mentionAfterComma(m, hi int) int {
	k := d.mentions[m].last + 1
	for n := 0; n < 4 && d.isWord(k) && !d.toks[k].upper; n++ {
		k++
	}
	if !d.isPunct(k, ",") || m+1 >= len(d.mentions) {
		return -1
	}
	next := d.mentions[m+1]
	for i := k + 1; i < next.first; i++ {
		if !d.isWord(i) || !d.toks[i].upper && !d.lx.roles[d.toks[i].lower] {
			return -1
		}
	}
	if next.first >= hi || next.inQuote {
		return -1
	}
	return m + 1
}

// leadsClause says tokens lo..k (k is the last before a name) leave the
// name leading its clause: nothing, a comma, an opening conjunction, or up
// to three words that describe the person ("Retired neurosurgeon Ben
// Carson"), not a phrase that opens with a preposition ("In describing
// fellow billionaire Donald Trump, …").
func (d *Document) leadsClause(lo, k int) bool {
	if k < lo || d.clauseBreak(k) {
		return true
	}
	start := k
	for start > lo && !d.clauseBreak(start-1) {
		start--
	}
	if d.isWord(start) && d.lx.npConjunctions[d.toks[start].lower] {
		start++
	}
	words := 0
	for i := start; i <= k; i++ {
		t := d.toks[i]
		if d.isPunct(i, ".") && i > start && d.toks[i-1].upper {
			continue // the period of a title: "Rep. Lee Zeldin"
		}
		if t.kind != tokWord || d.lx.introWords[t.lower] || d.lx.prepositions[t.lower] || d.lx.cues[t.lower].lemma != "" {
			return false
		}
		if !t.upper || i == start {
			words++ // "Alabama Democratic Party chairwoman" is one description
		}
	}
	return words <= 3
}

// clauseBreak says token k ends a phrase before a clause: a comma or a
// dash ("WASHINGTON (AP) — Attorney General Loretta Lynch").
func (d *Document) clauseBreak(k int) bool {
	return d.isPunct(k, ",") || d.isPunct(k, "—") || d.isPunct(k, "–") || d.isPunct(k, "--")
}

// besideCue says the mention is the subject of an attribution verb right
// after it or after an appositive ("Maloy said", "Maloy, 52, told"), or
// comes right after one and ends its clause ("said Maloy.").
func (d *Document) besideCue(pm personMention) bool {
	if k := pm.first - 1; d.isWord(k) && d.toks[k].lower == "to" && d.isWord(k-1) && d.toks[k-1].lower == "according" {
		// "According to Ham, the administration …"
		return true
	}
	if d.isWord(pm.first-1) && d.prepositionAt(pm.first-1) && d.toks[pm.first-1].lower != "like" {
		// The object of a preposition is no one's subject: "results in
		// John Kasich claiming the nomination"; but "critics like Huffman
		// say" has Huffman among those who say.
		return false
	}
	if k := pm.first - 1; d.isWord(k) && d.lx.cues[d.toks[k].lower].lemma != "" {
		// "said Maloy." or "said Maloy, who …", not "said Trump has" nor
		// "Andy Smith said Trump, despite his wealth, is …", whose verb
		// has its speaker before it.
		if _, pro := d.lx.pronouns[d.toks[max(k-1, 0)].lower]; d.mentionAt(k-1) >= 0 || d.isWord(k-1) && pro {
			return false
		}
		if d.isWord(k-1) && !d.lx.adverbs[d.toks[k-1].lower] {
			// "Conway … defended Trump, saying …": a verb and its
			// object, not a frame turned round.
			return false
		}
		return pm.last+1 >= len(d.toks) || d.toks[pm.last+1].kind != tokWord
	}
	k := pm.last + 1
	if d.isWord(k) && (d.toks[k].lower == "of" || d.toks[k].lower == "from") && d.isWord(k+1) && d.toks[k+1].upper {
		// "Rep. Lee Zeldin of New York, a Trump supporter, said"
		for k++; d.isWord(k) && d.toks[k].upper; k++ {
		}
	}
	if d.isPunct(k, ",") && d.isWord(k+1) && d.toks[k+1].region < 0 && d.lx.cues[d.toks[k+1].lower].lemma != "" &&
		d.lx.cues[d.toks[k+1].lower].form != formParticiple {
		// (Not "defended Trump, saying he …": the participle is the
		// sentence subject's.)
		// The name is itself the appositive: "Trump's attorney, Alan
		// Garten, said"; but not when the verb has its own speaker after
		// it: "… bridges to Mr. Sanders, said David Axelrod".
		// Nor when it ends a longer appositive as the object of a
		// preposition: "Chris Covert, director for Sanders, said".
		return d.mentionAt(k+2) < 0 && !(d.isWord(k+2) && d.lx.titles[d.toks[k+2].lower]) &&
			!(d.isWord(pm.first-1) && d.prepositionAt(pm.first-1))
	}
	if d.isPunct(k, "(") {
		// "Sen. David Perdue (R-Ga.) said"
		for k < len(d.toks) && k <= pm.last+12 && !d.isPunct(k, ")") {
			k++
		}
		k++
	}
	if d.isPunct(k, ",") {
		// An appositive between commas: "Joe Madison, a D.C.-based talk
		// radio host considered one of the most influential, recalled".
		for k++; k < len(d.toks) && k <= pm.last+40 && !d.isPunct(k, ","); k++ {
			if d.toks[k].kind != tokWord && !d.isPunct(k, "-") && !d.isPunct(k, ".") || d.toks[k].region >= 0 || d.isTerminalAt(k) && !d.isPunct(k, ".") {
				return false
			}
		}
		k++
	}
	// "Blitzer last week asked", "Smith on Monday said": a time phrase
	// before the verb.
	if d.isWord(k) && d.isWord(k+1) && (d.toks[k].lower == "last" || d.toks[k].lower == "on" || d.toks[k].lower == "this") && d.lx.timeWords[d.toks[k+1].lower] {
		k += 2
	} else if d.isWord(k) && d.lx.timeWords[d.toks[k].lower] {
		k++
	}
	return d.isWord(k) && d.toks[k].region < 0 && d.lx.cues[d.toks[k].lower].lemma != ""
}

// onlyOne says s holds no one but v.
func onlyOne(s []int, v int) bool {
	for _, x := range s {
		if x != v {
			return false
		}
	}
	return true
}

func appendIntOnce(s []int, v int) []int {
	if containsInt(s, v) {
		return s
	}
	return append(s, v)
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}
