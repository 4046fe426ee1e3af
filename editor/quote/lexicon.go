package quote

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
)

// gender is what a name, title or pronoun tells about a person.
type gender uint8

const (
	genderUnknown gender = iota
	genderMale
	genderFemale
)

func (g gender) String() string {
	switch g {
	case genderMale:
		return "male"
	case genderFemale:
		return "female"
	}
	return "unknown"
}

// verbForm is the grammatical form of a cue verb as it occurs.
type verbForm uint8

const (
	formFinite     verbForm = iota // said, says, say
	formParticiple                 // saying, telling
)

// cueVerb describes one surface form of an attribution verb.
type cueVerb struct {
	lemma  string
	form   verbForm
	clause bool // takes a reported clause ("said that …", "believes …")
	object bool // takes a listener or object before the clause ("told reporters that …")
	loaded bool // a fussy or judging verb a copy editor changes to "said"
	doc    bool // typical of documents and data ("a poll shows")
}

// pronounInfo describes a personal pronoun used as a speaker.
type pronounInfo struct {
	gender gender
	plural bool
	first  bool // I, we: the writer or the speaker themself
}

// lexicon holds the English word lists the analyser reads with, loaded
// from lexicon.txt, where each is described. It is built once and never
// changed afterwards.
type lexicon struct {
	cues     map[string]cueVerb // every form of each attribution verb
	stance   map[string]cueVerb // verbs of stance, wish, judgement and perception
	pronouns map[string]pronounInfo
	gender   map[string]gender // titles and common nouns that name a man or a woman
	// pronounForms are the other forms of he and she (his, him, her):
	// they tell the sex of the person they refer back to.
	pronounForms map[string]gender
	// courtesy titles come before a surname and nothing else ("Mr.").
	courtesy map[string]bool

	// Speakers and names.
	speechVerbs                                        map[string]bool
	titles, roles, anonymous, male, female, connectors map[string]bool
	stopCaps, orgHeads, docHeads, placeWords, abbrevs  map[string]bool
	// Noun phrases.
	npStop, verbStop, npConjunctions, determiners, articles map[string]bool
	pluralHeads, npIngWords, lyNouns                        map[string]bool
	humanNouns, institutionNouns, abstractNouns             map[string]bool
	abstractSuffixes, agentSuffixes                         []string
	// Frames and clauses.
	adverbs, introWords, loneAdverbs, sentenceAdverbs    map[string]bool
	numberWords, timeUnits, timeWords, starters          map[string]bool
	frameBreakers, clauseOpeners, prepositions           map[string]bool
	relativePronouns, listeners, zeroThat, subordinators map[string]bool
	nounish, auxiliaries, soundVerbs, passiveAsk         map[string]bool
	contractionHas, eagerTo                              map[string]bool
	// firstNames gives the sex a first name usually names, from
	// firstnames.txt; a name in both of its lists gives genderUnknown.
	firstNames map[string]gender
	// Quotations that are not speech.
	naming, titleSmallWords, headlineLabels map[string]bool
}

//go:embed lexicon.txt
var lexiconText string

//go:embed firstnames.txt
var firstNamesText string

// lexiconSource is what the lexicon is read from: lexicon.txt, then the
// first-name table in the same format.
var lexiconSource = lexiconText + "\n" + firstNamesText

// sharedLexicon is the lexicon of lexicon.txt and firstnames.txt, parsed
// on first use. The files are part of the program and its test parses
// them, so an error there is a bug in the build, not in the input.
var sharedLexicon = sync.OnceValue(func() *lexicon {
	lx, err := parseLexicon(lexiconSource)
	if err != nil {
		panic(err)
	}
	return lx
})

// lexiconSection is where one section of lexicon.txt goes: a word set, a
// list, or a table read one line at a time.
type lexiconSection struct {
	set   *map[string]bool
	list  *[]string
	table func([]string) error
	seen  bool
}

// sections names every section of lexicon.txt and where it goes in lx.
func (lx *lexicon) sections() map[string]*lexiconSection {
	sec := map[string]*lexiconSection{
		"cues":                 {table: lx.addCue},
		"stance":               {table: lx.addStance},
		"pronouns":             {table: lx.addPronoun},
		"male-words":           {table: lx.addGendered(genderMale)},
		"female-words":         {table: lx.addGendered(genderFemale)},
		"male-first-names":     {table: lx.addFirstNames(genderMale)},
		"female-first-names":   {table: lx.addFirstNames(genderFemale)},
		"male-pronoun-forms":   {table: lx.addPronounForms(genderMale)},
		"female-pronoun-forms": {table: lx.addPronounForms(genderFemale)},
		"abstract-suffixes":    {list: &lx.abstractSuffixes},
		"agent-suffixes":       {list: &lx.agentSuffixes},
	}
	for name, set := range map[string]*map[string]bool{
		"speech-verbs": &lx.speechVerbs, "titles": &lx.titles, "roles": &lx.roles, "anonymous": &lx.anonymous, "male": &lx.male,
		"female": &lx.female, "connectors": &lx.connectors, "stop-caps": &lx.stopCaps,
		"org-heads": &lx.orgHeads, "doc-heads": &lx.docHeads, "place-words": &lx.placeWords,
		"abbrevs": &lx.abbrevs, "np-stop": &lx.npStop, "verb-stop": &lx.verbStop,
		"np-conjunctions": &lx.npConjunctions, "determiners": &lx.determiners, "articles": &lx.articles,
		"plural-heads": &lx.pluralHeads, "np-ing-words": &lx.npIngWords, "ly-nouns": &lx.lyNouns,
		"human-nouns": &lx.humanNouns, "institution-nouns": &lx.institutionNouns,
		"abstract-nouns": &lx.abstractNouns, "adverbs": &lx.adverbs, "intro-words": &lx.introWords,
		"lone-adverbs": &lx.loneAdverbs, "sentence-adverbs": &lx.sentenceAdverbs,
		"number-words": &lx.numberWords, "time-units": &lx.timeUnits, "time-words": &lx.timeWords,
		"starters": &lx.starters, "frame-breakers": &lx.frameBreakers, "clause-openers": &lx.clauseOpeners,
		"prepositions": &lx.prepositions, "relative-pronouns": &lx.relativePronouns,
		"listeners": &lx.listeners, "zero-that": &lx.zeroThat, "subordinators": &lx.subordinators,
		"nounish": &lx.nounish, "auxiliaries": &lx.auxiliaries, "sound-verbs": &lx.soundVerbs,
		"passive-ask": &lx.passiveAsk, "naming": &lx.naming, "title-small-words": &lx.titleSmallWords,
		"headline-labels": &lx.headlineLabels, "contraction-has": &lx.contractionHas, "eager-to": &lx.eagerTo,
		"courtesy-titles": &lx.courtesy,
	} {
		*set = map[string]bool{}
		sec[name] = &lexiconSection{set: set}
	}
	return sec
}

// add puts one line's words into the section.
func (s *lexiconSection) add(fields []string) error {
	switch {
	case s.set != nil:
		for _, f := range fields {
			(*s.set)[f] = true
		}
	case s.list != nil:
		*s.list = append(*s.list, fields...)
	default:
		return s.table(fields)
	}
	return nil
}

// parseLexicon reads the lexicon format: "[section]" lines open a section,
// "#" starts a comment, and a section holds white-space separated words or,
// for the tables, one entry a line. Every section must be present once.
func parseLexicon(text string) (*lexicon, error) {
	lx := &lexicon{cues: map[string]cueVerb{}, stance: map[string]cueVerb{}, pronouns: map[string]pronounInfo{}, gender: map[string]gender{}, pronounForms: map[string]gender{}, firstNames: map[string]gender{}}
	sections := lx.sections()
	var cur *lexiconSection
	name := ""
	for n, line := range strings.Split(text, "\n") {
		if k := strings.IndexByte(line, '#'); k >= 0 {
			line = line[:k]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			name = line[1 : len(line)-1]
			if cur = sections[name]; cur == nil {
				return nil, fmt.Errorf("lexicon line %d: unknown section [%s]", n+1, name)
			}
			if cur.seen {
				return nil, fmt.Errorf("lexicon line %d: section [%s] twice", n+1, name)
			}
			cur.seen = true
			continue
		}
		if cur == nil {
			return nil, fmt.Errorf("lexicon line %d: words before the first section", n+1)
		}
		fields := strings.Fields(line)
		for _, f := range fields {
			if f != strings.ToLower(f) || strings.ContainsRune(f, '’') {
				return nil, fmt.Errorf("lexicon line %d: %q: words are lower case with straight apostrophes", n+1, f)
			}
		}
		if err := cur.add(fields); err != nil {
			return nil, fmt.Errorf("lexicon line %d: [%s]: %w", n+1, name, err)
		}
	}
	for name, s := range sections {
		if !s.seen {
			return nil, fmt.Errorf("lexicon: section [%s] missing", name)
		}
	}
	return lx, nil
}

// addCue reads "lemma third past -ing flags".
func (lx *lexicon) addCue(f []string) error {
	if len(f) != 5 {
		return fmt.Errorf("%q: want lemma, third person, past, -ing form and flags", strings.Join(f, " "))
	}
	v := cueVerb{lemma: f[0]}
	for _, c := range f[4] {
		switch c {
		case 'c':
			v.clause = true
		case 'o':
			v.object = true
		case 'l':
			v.loaded = true
		case 'd':
			v.doc = true
		case 'q':
		default:
			return fmt.Errorf("%q: unknown flag %q", strings.Join(f, " "), c)
		}
	}
	for i, form := range f[:4] {
		cv := v
		if i == 3 {
			cv.form = formParticiple
		}
		lx.cues[form] = cv
	}
	return nil
}

// addStance reads "lemma third past -ing".
func (lx *lexicon) addStance(f []string) error {
	if len(f) != 4 {
		return fmt.Errorf("%q: want lemma, third person, past and -ing form", strings.Join(f, " "))
	}
	for i, form := range f {
		v := cueVerb{lemma: f[0], clause: true}
		if i == 3 {
			v.form = formParticiple
		}
		lx.stance[form] = v
	}
	return nil
}

// addPronoun reads "pronoun [male|female] [plural] [first]".
func (lx *lexicon) addPronoun(f []string) error {
	var pi pronounInfo
	for _, w := range f[1:] {
		switch w {
		case "male":
			pi.gender = genderMale
		case "female":
			pi.gender = genderFemale
		case "plural":
			pi.plural = true
		case "first":
			pi.first = true
		default:
			return fmt.Errorf("%q: unknown property %q", strings.Join(f, " "), w)
		}
	}
	lx.pronouns[f[0]] = pi
	return nil
}

// addGendered reads words that name a man or, with genderFemale, a woman.
func (lx *lexicon) addGendered(g gender) func([]string) error {
	return func(f []string) error {
		for _, w := range f {
			if old, ok := lx.gender[w]; ok && old != g {
				return fmt.Errorf("%q names both a man and a woman", w)
			}
			lx.gender[w] = g
		}
		return nil
	}
}

// addPronounForms reads forms of he or she.
func (lx *lexicon) addPronounForms(g gender) func([]string) error {
	return func(f []string) error {
		for _, w := range f {
			lx.pronounForms[w] = g
		}
		return nil
	}
}

// addFirstNames reads first names of one sex into firstNames; a name both
// sections give tells nothing.
func (lx *lexicon) addFirstNames(g gender) func([]string) error {
	return func(f []string) error {
		for _, w := range f {
			if old, ok := lx.firstNames[w]; ok && old != g {
				lx.firstNames[w] = genderUnknown
			} else {
				lx.firstNames[w] = g
			}
		}
		return nil
	}
}
