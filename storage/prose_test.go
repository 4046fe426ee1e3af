package storage

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

// prose writes deterministic news-like text for tests and benchmarks
// that need many varied articles: sentences from templates, filled from a
// topic's words, general words and made-up names. Each article keeps to
// one topic and a cast of three people, so a topic's words are common
// across the desk while a surname (of 4,000) turns up in a handful of
// articles.
type prose struct {
	rng *rand.Rand
}

func newProse(seed uint64) *prose {
	return &prose{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

// proseTopic is what an article is about: the nouns its sentences use
// and the institution that acts in them.
type proseTopic struct {
	body  string
	nouns []string
}

var proseTopics = []proseTopic{
	{"city council", []string{"budget", "ordinance", "zoning plan", "tax levy", "hearing", "permit", "bond measure", "committee"}},
	{"school board", []string{"curriculum", "teachers", "enrollment", "bus routes", "graduation", "classrooms", "tuition", "lunch program"}},
	{"police department", []string{"investigation", "patrols", "arrest", "traffic stops", "complaint", "body cameras", "suspect", "overtime"}},
	{"weather service", []string{"storm", "rainfall", "flood warning", "heat wave", "forecast", "snowfall", "wind gusts", "drought"}},
	{"county hospital", []string{"emergency room", "nurses", "patients", "vaccine clinic", "waiting times", "surgery wing", "staffing", "ambulances"}},
	{"transit authority", []string{"bus fares", "rail line", "ridership", "timetable", "bike lanes", "parking", "bridge repairs", "station"}},
	{"harbor commission", []string{"ferry", "cargo", "dredging", "fishing fleet", "pier", "shipping lanes", "marina", "tides"}},
	{"district court", []string{"trial", "jury", "verdict", "appeal", "sentencing", "lawsuit", "testimony", "settlement"}},
	{"election office", []string{"ballots", "turnout", "candidates", "recount", "polling places", "voter rolls", "campaign", "precincts"}},
	{"public library", []string{"reading room", "archives", "opening hours", "book sale", "volunteers", "renovation", "children's section", "donations"}},
	{"farm bureau", []string{"harvest", "orchards", "irrigation", "cattle", "grain prices", "market stalls", "soil", "seasonal workers"}},
	{"housing agency", []string{"rents", "apartments", "eviction notices", "shelter", "waiting list", "landlords", "vouchers", "construction"}},
}

var (
	proseFirst = []string{"Maria", "James", "Aisha", "Tomás", "Elena", "David", "Priya", "Samuel", "Grace", "Ahmed",
		"Lucia", "Peter", "Hannah", "Kwame", "Sofia", "Daniel", "Nadia", "Oliver", "Rosa", "Victor"}
	proseSurnameStart = []string{"Al", "Bren", "Cal", "Dun", "Ell", "Far", "Gar", "Hal", "Ives", "Jen",
		"Kel", "Lind", "Mor", "Nor", "Oak", "Pen", "Quar", "Ross", "Strat", "Thorn"}
	proseSurnameMiddle = []string{"a", "e", "i", "o", "en", "er", "ing", "ley", "ow", "ar"}
	proseSurnameEnd    = []string{"wick", "ford", "more", "by", "dale", "ton", "field", "worth", "stead", "combe",
		"brook", "hurst", "gate", "ridge", "well", "mont", "shaw", "croft", "holm", "side"}
	proseRoles   = []string{"spokesperson", "chair", "director", "treasurer", "resident", "organizer", "analyst", "deputy"}
	prosePlaces  = []string{"Riverside", "the north end", "Market Street", "the old mill", "Elm Park", "the east ward", "Harbor Road", "downtown"}
	proseDays    = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	proseMonths  = []string{"January", "March", "April", "June", "August", "September", "October", "December"}
	proseVerbs   = []string{"approved", "delayed", "questioned", "expanded", "reviewed", "rejected", "announced", "funded"}
	proseAdverbs = []string{"narrowly", "quietly", "finally", "again", "unexpectedly", "formally"}
	proseAdjs    = []string{"new", "revised", "long-awaited", "costly", "temporary", "disputed", "smaller", "regional"}
	proseQuotes  = []string{"We have waited long enough", "This is not the end of it", "People deserve a straight answer",
		"The numbers simply do not add up", "We will keep working on it", "Nobody wanted it to come to this"}
	// proseTemplates are sentences with slots: {B} the topic's body,
	// {N} one of its nouns, {P} a person of the cast, {R} a role, {L} a
	// place, {D} a day, {M} a month, {V} a verb, {Y} an adverb, {A} an
	// adjective, {Q} a quotation, {#} a number, {S} a small number.
	proseTemplates = []string{
		"The {B} {Y} {V} the {A} {N} on {D}, after {#} residents spoke at a meeting in {L}.",
		"\"{Q},\" said {P}, a {R} for the {B}, who has followed the {N} since {M}.",
		"{P} told reporters the {N} would cost about {#} thousand dollars more than planned.",
		"Residents of {L} have asked the {B} to explain why the {N} was {V} without notice.",
		"By {M}, the {B} expects to decide on the {N}, {P} said.",
		"The {A} {N} drew {#} written comments, most of them from {L}.",
		"{P}, the {R}, said the {B} had {V} a similar plan {S} years ago.",
		"Critics, among them {P}, said the plan ignores what happened in {L} last {M}.",
		"On {D}, {P} met with the {B} to discuss the {N} and the {N}.",
		"A {R} with the {B}, {P}, declined to comment.",
		"Neither figure was in the report published on {D}.",
		"{P} has lived in {L} for {S} years and says little has changed.",
		"The vote was {S} to {S}.",
		"It is the {S}th time this year that the {N} has come before the {B}.",
		"Some of the money was meant for the {N}, according to documents seen by this newspaper.",
		"\"I don't think anyone expected this,\" {P} said outside the hall.",
		"The {N} in {L} has been closed since {M} while engineers assess the damage.",
		"Asked whether the {B} would reconsider, {P} said only that talks were continuing.",
		"A second meeting is planned for {D} evening at the community centre in {L}.",
		"Officials have not said who will pay for the {A} {N}.",
		"{P} pointed to rising costs, a shortage of staff and an ageing {N}.",
		"The proposal still needs the approval of the state, which could take until {M}.",
		"Several people in the audience applauded when {P} finished speaking.",
		"The {B} first discussed the {N} in {M}, but the decision was postponed twice.",
		"Data from the {B} show {#} complaints about the {N} in the past year alone.",
		"{P} said the {B} had {Y} {V} the request without explaining why.",
		"Not everyone in {L} agrees.",
		"Shop owners on the main street say the {N} has already cost them customers.",
		"The last time the {B} changed the {N}, in {M}, it took {S} months to settle.",
		"{P}, who chairs a neighbourhood group in {L}, called the decision {A} and rushed.",
	}
)

// article returns a title and text of about words words on one topic, in
// paragraphs of three to five sentences.
func (p *prose) article(words int) (title, text string) {
	t := proseTopics[p.rng.IntN(len(proseTopics))]
	title = strings.ToUpper(t.body[:1]) + t.body[1:] + " " + proseVerbs[p.rng.IntN(len(proseVerbs))] + " " + t.nouns[p.rng.IntN(len(t.nouns))]
	cast := make([]string, 3)
	for i := range cast {
		cast[i] = proseFirst[p.rng.IntN(len(proseFirst))] + " " + p.surname()
	}
	var b strings.Builder
	n, inParagraph := 0, 0
	for n < words {
		if inParagraph > 0 {
			b.WriteByte(' ')
		}
		s := p.sentence(t, cast)
		b.WriteString(s)
		n += len(strings.Fields(s))
		if inParagraph++; inParagraph >= 3+p.rng.IntN(3) && n < words {
			b.WriteString("\n\n")
			inParagraph = 0
		}
	}
	return title, b.String()
}

// sentence fills one template with words of topic t and people of cast.
func (p *prose) sentence(t proseTopic, cast []string) string {
	tmpl := proseTemplates[p.rng.IntN(len(proseTemplates))]
	var b strings.Builder
	for i := 0; i < len(tmpl); i++ {
		if tmpl[i] != '{' || i+2 >= len(tmpl) || tmpl[i+2] != '}' {
			b.WriteByte(tmpl[i])
			continue
		}
		b.WriteString(p.slot(t, cast, tmpl[i+1]))
		i += 2
	}
	return b.String()
}

func (p *prose) slot(t proseTopic, cast []string, kind byte) string {
	pick := func(list []string) string { return list[p.rng.IntN(len(list))] }
	switch kind {
	case 'B':
		return t.body
	case 'N':
		return pick(t.nouns)
	case 'P':
		return pick(cast)
	case 'R':
		return pick(proseRoles)
	case 'L':
		return pick(prosePlaces)
	case 'D':
		return pick(proseDays)
	case 'M':
		return pick(proseMonths)
	case 'V':
		return pick(proseVerbs)
	case 'Y':
		return pick(proseAdverbs)
	case 'A':
		return pick(proseAdjs)
	case 'Q':
		return pick(proseQuotes)
	case '#':
		return strconv.Itoa(12 + p.rng.IntN(400))
	case 'S':
		return strconv.Itoa(2 + p.rng.IntN(10))
	}
	return string(kind)
}

// surname is one of the 4,000 made-up surnames.
func (p *prose) surname() string {
	return proseSurnameStart[p.rng.IntN(len(proseSurnameStart))] +
		proseSurnameMiddle[p.rng.IntN(len(proseSurnameMiddle))] +
		proseSurnameEnd[p.rng.IntN(len(proseSurnameEnd))]
}
