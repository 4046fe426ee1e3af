package source

import (
	"strconv"
	"strings"
	"sync"
)

// The word lists the drift checks read. They are general English, kept
// small and conservative: a word here makes a check fire, and false alarms
// make editors switch checks off.

// negationCues reverse what they govern.
var negationCues = lexSet(`not no never cannot nobody nothing none neither nor nowhere without
	deny denies denied denying unable fail fails failed failing refuse refuses refused refusing`)

// failCues negate only when an infinitive follows ("failed to pass").
var failCues = lexSet(`fail fails failed failing refuse refuses refused refusing`)

// isNegation reports whether folded word w is a negation cue; next is the
// word after it ("" at the end), which decides "failed to".
func isNegation(w, next string) bool {
	if strings.HasSuffix(w, "n't") {
		return true
	}
	if failCues[w] {
		return next == "to"
	}
	return negationCues[w]
}

// antonymPairs are opposites: swapping one for the other reverses a claim.
// Each line holds pairs; inflected forms are found through lemmas.
var antonymPairs = `
increase decrease; increase reduce; increase cut; rise fall; rise drop; rise decline; raise lower; raise cut
grow shrink; expand shrink; expand contract; gain lose; win lose; victory defeat; profit loss; surplus deficit
support oppose; supporter opponent; favor oppose; favour oppose; accept reject; approve reject; approve veto
approve disapprove; allow ban; allow forbid; allow prohibit; permit prohibit; permit ban; legal illegal
agree disagree; include exclude; inclusion exclusion; open close; opened closed; start stop; start end
begin end; begin finish; before after; above below; over under; more less; more fewer; most least
many few; higher lower; high low; up down; strengthen weaken; strong weak; improve worsen; improve deteriorate
better worse; best worst; add remove; add subtract; join leave; hire fire; hire lay; buy sell; import export
enter exit; arrive depart; arrive leave; succeed fail; success failure; pass fail; true false; truth lie
guilty innocent; convict acquit; alive dead; live die; life death; possible impossible; likely unlikely
right wrong; correct incorrect; good bad; positive negative; large small; big small; big little; long short
early late; fast slow; quick slow; hot cold; warm cold; warm cool; rich poor; wealthy poor; safe dangerous
safe unsafe; easy difficult; easy hard; cheap expensive; full empty; heavy light; old new; old young
happy sad; happy unhappy; love hate; like dislike; friend enemy; ally enemy; ally adversary; majority minority
maximum minimum; always never; all none; everyone nobody; everybody nobody; everything nothing
present absent; public private; domestic foreign; internal external; inside outside; north south; east west
attack defend; confirm deny; admit deny; remember forget; find lose; send receive; give take; lend borrow
ascend descend; boost cut; encourage discourage; praise criticize; praise criticise; praise condemn
welcome reject; welcome condemn; release arrest; release detain; free jail; rural urban; loud quiet
wet dry; thick thin; fat thin; wide narrow; deep shallow; clean dirty; honest dishonest; healthy sick
healthy ill; calm angry; clear unclear; known unknown; visible invisible; strict lenient; tight loose
simple complex; simple complicated; ancient modern; first last; maximum minimum; victory loss; winner loser
peace war; war peace; legal unlawful; lawful unlawful; guilty acquitted; certain uncertain; sure unsure
relevant irrelevant; necessary unnecessary; important unimportant; fair unfair; natural artificial
real fake; genuine fake; real unreal; success defeat; optimistic pessimistic; optimism pessimism
inflation deflation; employed unemployed; employment unemployment; approval disapproval; raise reduce
accelerate slow; speed slow; stable unstable; secure insecure; mandatory optional; compulsory voluntary
temporary permanent; married single; guilty not-guilty; rising falling; lift impose; lift ban; tighten ease
tighten loosen; hawkish dovish; bullish bearish; surge plunge; surge slump; soar plunge; soar slump
boom bust; up-to-date outdated; ahead behind; wins losses; loved hated; victorious defeated; awake asleep
brave cowardly; kind cruel; polite rude; generous mean; smart stupid; wise foolish; clever stupid
beautiful ugly; pretty ugly; cheerful gloomy; serious funny; proud ashamed; sober drunk; sane insane
patient impatient; able unable; capable incapable; competent incompetent; efficient inefficient
effective ineffective; accurate inaccurate; adequate inadequate; sufficient insufficient; valid invalid
legitimate illegitimate; moral immoral; mature immature; logical illogical; rational irrational
responsible irresponsible; regular irregular; reversible irreversible; probable improbable; perfect imperfect
polite impolite; pure impure; comfortable uncomfortable; common rare; frequent rare; often seldom; often rarely
usually rarely; sometimes never; guilty blameless; worthy unworthy; dangerous harmless; harmful harmless
useful useless; careful careless; hopeful hopeless; helpful unhelpful; friendly hostile; friendly unfriendly
agreeable disagreeable; obey disobey; trust distrust; trust mistrust; like hate; noisy quiet; busy idle
active inactive; active passive; strength weakness; rich broke; win defeat; winning losing; won lost
good evil; same different; alike different; much little; normal abnormal; similar different; normal unusual
shut open; soft hard; intelligent stupid; serious frivolous; sick well; nominal real; covert overt
transparent opaque; visible hidden; receptive unreceptive; major minor; significant insignificant
`

// synonymPairs are words close enough in meaning that an opposite of one
// is an opposite of the other ("incorrect" and "right").
var synonymPairs = `
sure certain; true truthful; correct right; alike same; like same; similar same; significant important
crucial important; probable likely; hard difficult; tough difficult; safe secure; big large; small little
happy glad; begin start; end finish; rise increase; fall decrease; fall drop; cut reduce; close shut
ill sick; well healthy; dangerous unsafe; afraid scared; allow permit; ban prohibit; forbid prohibit
buy purchase; big major; small minor; major significant; wrong false; honest truthful; rich wealthy
`

// irregularLemmas maps irregular inflections to the form the lists use.
var irregularLemmas = map[string]string{
	"rose": "rise", "risen": "rise", "fell": "fall", "fallen": "fall", "won": "win", "lost": "lose",
	"grew": "grow", "grown": "grow", "shrank": "shrink", "shrunk": "shrink", "began": "begin", "begun": "begin",
	"sold": "sell", "bought": "buy", "left": "leave", "gave": "give", "given": "give", "took": "take",
	"taken": "take", "found": "find", "forgot": "forget", "forgotten": "forget", "sent": "send",
	"lent": "lend", "died": "die", "better": "better", "worse": "worse", "hid": "hide", "kept": "keep",
	"went": "go", "gone": "go", "made": "make", "said": "say", "lower": "lower", "higher": "higher",
	"larger": "large", "largest": "large", "smaller": "small", "smallest": "small", "bigger": "big",
	"biggest": "big", "longer": "long", "shorter": "short", "earlier": "early", "later": "late",
	"faster": "fast", "slower": "slow", "hotter": "hot", "colder": "cold", "richer": "rich", "poorer": "poor",
	"safer": "safe", "easier": "easy", "harder": "hard", "cheaper": "cheap", "older": "old", "newer": "new",
	"younger": "young", "happier": "happy", "stronger": "strong", "weaker": "weak", "highest": "high",
	"lowest": "low", "wider": "wide", "narrower": "narrow", "deeper": "deep", "thicker": "thick",
	"thinner": "thin", "fatter": "fat", "heavier": "heavy", "lighter": "light", "cleaner": "clean",
	"dirtier": "dirty", "fewer": "fewer", "less": "less", "least": "least", "most": "most", "more": "more",
}

var antonyms = relation(antonymPairs)

var synonyms = relation(synonymPairs)

// relation reads "a b; c d" pairs into a symmetric relation.
func relation(pairs string) map[string]map[string]bool {
	m := map[string]map[string]bool{}
	add := func(a, b string) {
		if m[a] == nil {
			m[a] = map[string]bool{}
		}
		m[a][b] = true
	}
	for _, pair := range strings.FieldsFunc(pairs, func(r rune) bool { return r == ';' || r == '\n' }) {
		f := strings.Fields(pair)
		if len(f) != 2 {
			continue
		}
		add(f[0], f[1])
		add(f[1], f[0])
	}
	return m
}

// lemmas returns the forms of w to look up in the lists: w itself and w
// without a regular inflection.
func lemmas(w string) []string {
	out := []string{w}
	if l, ok := irregularLemmas[w]; ok {
		out = append(out, l)
	}
	n := len(w)
	if n < 4 {
		return out
	}
	add := func(s string) {
		if len(s) >= 2 {
			out = append(out, s)
		}
	}
	switch {
	case strings.HasSuffix(w, "ies"), strings.HasSuffix(w, "ied"):
		add(w[:n-3] + "y")
	case strings.HasSuffix(w, "ing"):
		add(w[:n-3])
		add(w[:n-3] + "e")
		if n > 5 && w[n-4] == w[n-5] {
			add(w[:n-4])
		}
	case strings.HasSuffix(w, "ed"):
		add(w[:n-2])
		add(w[:n-1])
		if n > 4 && w[n-3] == w[n-4] {
			add(w[:n-3])
		}
	case strings.HasSuffix(w, "es"):
		add(w[:n-2])
		add(w[:n-1])
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		add(w[:n-1])
	case strings.HasSuffix(w, "ly"):
		add(w[:n-2])
	}
	return out
}

// negPrefixes turn a word into its opposite (possible, impossible).
var negPrefixes = []string{"un", "in", "im", "il", "ir", "dis", "non"}

// opposite reports whether two folded words are opposites: listed
// antonyms, one the other with a negative prefix ("necessary",
// "unnecessary") or -ful swapped for -less, or linked through at most
// three such steps and synonyms with an odd number of reversals
// ("incorrect": "correct", opposite "wrong", opposite "right").
func opposite(a, b string) bool {
	if a == b {
		return false
	}
	targets := lemmas(b)
	type node struct {
		w     string
		odd   bool
		depth int
	}
	seen := map[node]bool{}
	var queue []node
	for _, l := range lemmas(a) {
		queue = append(queue, node{l, false, 0})
	}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		for _, t := range targets {
			if n.w == t && n.odd {
				return true
			}
			if !n.odd && (prefixOpposite(n.w, t) || prefixOpposite(t, n.w)) {
				return true
			}
			if n.odd && n.w != t && synonyms[n.w][t] {
				return true
			}
		}
		if n.depth == 3 {
			continue
		}
		step := func(w string, flip bool) {
			m := node{w, n.odd != flip, n.depth + 1}
			if !seen[m] {
				seen[m] = true
				queue = append(queue, m)
			}
		}
		for w := range antonyms[n.w] {
			step(w, true)
		}
		for w := range synonyms[n.w] {
			step(w, false)
		}
		if base, ok := stripNegPrefix(n.w); ok {
			step(base, true)
		}
	}
	return false
}

// stripNegPrefix returns w without a negative prefix when what is left is
// a word the lists know.
func stripNegPrefix(w string) (string, bool) {
	for _, p := range negPrefixes {
		if base, ok := strings.CutPrefix(w, p); ok && len(base) >= 4 && (antonyms[base] != nil || synonyms[base] != nil) {
			return base, true
		}
	}
	return "", false
}

func prefixOpposite(neg, base string) bool {
	if len(base) < 4 {
		return false
	}
	for _, p := range negPrefixes {
		if len(neg) == len(p)+len(base) && strings.HasPrefix(neg, p) && neg[len(p):] == base {
			return true
		}
	}
	if strings.HasSuffix(neg, "less") && strings.HasSuffix(base, "ful") &&
		neg[:len(neg)-4] == base[:len(base)-3] && len(base) > 5 {
		return true
	}
	return false
}

// hedges soften a claim; certainties state it outright. "would" is the
// reported-speech form of "will", so it counts as certain.
var (
	hedges = lexSet(`may might could should possibly perhaps maybe likely probably unlikely reportedly
		allegedly apparently presumably expected expects hope hopes hoped potentially`)
	certainties = lexSet(`will would shall must definitely certainly surely undoubtedly guaranteed
		won't`)
	// approximators blur a figure when a number follows them.
	approximators = lexSet(`about around roughly approximately nearly almost some estimated
		approx circa`)
	// partialScope and fullScope are quantifiers of part and of the whole.
	partialScope = lexSet(`some many several few most part often sometimes usually mostly partly
		partially`)
	fullScope = lexSet(`all every each everyone everybody always entire whole entirely completely
		fully`)
	// conditionals open a condition ("provided" and "assuming" are left
	// out: they are more often verbs).
	conditionals = lexSet(`if unless`)
)

// Numbers written as words.
var (
	smallNumbers = map[string]float64{
		"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
		"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
		"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
		"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
		"dozen": 12, "half": 0.5,
	}
	multipliers = map[string]float64{
		"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
		"m": 1e6, "bn": 1e9, "k": 1e3,
	}
	ordinals = map[string]int{
		"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
		"eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
		"fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
		"nineteenth": 19, "twentieth": 20, "thirtieth": 30,
	}
	dateWords = lexSet(`monday tuesday wednesday thursday friday saturday sunday today yesterday
		tomorrow tonight january february april june july august september october november december`)
	// monthAbbreviations are the months as AP style shortens them before a
	// day ("Jan. 15"). March and May are not among the date words (a verb
	// and a modal more often than months), so neither is "Mar.".
	monthAbbreviations = map[string]string{"jan": "january", "feb": "february", "apr": "april",
		"jun": "june", "jul": "july", "aug": "august", "sep": "september", "sept": "september", "oct": "october",
		"nov": "november", "dec": "december"}
)

// numberValue reads a folded word as a number: digits (1,000 and 9.5
// included) or a number word. Ordinals get ok but ordinal true.
func numberValue(w string) (v float64, ordinal, ok bool) {
	if w == "" {
		return 0, false, false
	}
	if w[0] >= '0' && w[0] <= '9' {
		digits := strings.ReplaceAll(w, ",", "")
		for _, suf := range []string{"st", "nd", "rd", "th"} {
			if strings.HasSuffix(digits, suf) {
				if f, err := strconv.ParseFloat(strings.TrimSuffix(digits, suf), 64); err == nil {
					return f, true, true
				}
			}
		}
		f, err := strconv.ParseFloat(digits, 64)
		return f, false, err == nil
	}
	if f, ok := smallNumbers[w]; ok {
		return f, false, true
	}
	if n, ok := ordinals[w]; ok {
		return float64(n), true, true
	}
	return 0, false, false
}

func lexSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// connectives are words outside stopWords that link or frame what a
// sentence says rather than add to it: connectives and sentence adverbs,
// reflexives, and the verbs of saying that attribute it. The content
// check does not count them.
var connectives = lexSet(`however therefore thus hence moreover furthermore besides meanwhile
	nevertheless nonetheless instead yet still already even though although whereas whether either
	else otherwise rather quite really actually indeed simply currently presently now additionally
	further well example instance addition including regarding concerning despite amid among within
	upon via per toward towards throughout around across along near another every much lot lots
	thing things something anything everything someone anyone way himself herself themselves itself
	stated added noted explained announced reported commented remarked warned insisted argued claimed
	admitted acknowledged conceded replied responded declared asserted questioned asked urged saying
	adding noting explaining stating announcing reporting warning insisting arguing claiming
	questioning asking urging`)

// contentSynonymGroups are general English words that say the same thing;
// putting one in place of another is rewording, not new content.
var contentSynonymGroups = `
start begin commence launch; end finish conclude; buy purchase; help aid assist; show display reveal
find discover locate; ask request; try attempt; use utilize employ; need require; get obtain receive
give provide; big large huge; small little tiny; many numerous; quick fast rapid swift; enough sufficient
often frequently; people persons individuals; children kids; car vehicle automobile; job employment
hurt injure wound; die perish; leader chief head; country nation; lawmaker legislator; think believe
suggest propose; choose select pick; allow permit let; ban prohibit forbid; cut reduce; rise increase
fall decrease drop decline; release issue publish; tell inform; talk speak; happen occur; place put
say state; answer reply respond; shut close; sick ill; whole entire; maybe perhaps possibly; almost nearly
mainly mostly largely chiefly; total overall; also too; kill slay; anger fury rage; afraid scared
fight battle combat; damage harm; send dispatch; build construct; fix repair; seek search look
`

// contentSynonyms relates each word of a synonym group to the others, in
// all their inflections. It is built on first use: every command and the
// app's start would otherwise pay for it (5 ms), whether or not a source
// is ever checked.
var contentSynonyms = sync.OnceValue(func() map[string]map[string]bool {
	m := map[string]map[string]bool{}
	for _, group := range strings.Split(strings.ReplaceAll(contentSynonymGroups, "\n", ";"), ";") {
		ws := strings.Fields(group)
		for _, a := range ws {
			for _, b := range ws {
				if a == b {
					continue
				}
				for _, fa := range inflections(a) {
					if m[fa] == nil {
						m[fa] = map[string]bool{}
					}
					for _, fb := range inflections(b) {
						m[fa][fb] = true
					}
				}
			}
		}
	}
	return m
})

// inflections returns w and its regular inflected forms, enough to look
// listed words up in running text.
func inflections(w string) []string {
	out := []string{w, w + "s", w + "es", w + "ed", w + "d", w + "ing"}
	if strings.HasSuffix(w, "e") {
		out = append(out, w[:len(w)-1]+"ing")
	}
	if strings.HasSuffix(w, "y") {
		out = append(out, w[:len(w)-1]+"ies", w[:len(w)-1]+"ied")
	}
	return out
}
