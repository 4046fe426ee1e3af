package quote

import (
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

// lexicon holds the general English word lists the analyser uses. It is
// built once and never changed afterwards.
type lexicon struct {
	cues         map[string]cueVerb
	titles       map[string]bool // words that precede a name: Mr, Sen, President
	roles        map[string]bool // lower-case nouns naming a role: minister, spokesman
	anonymous    map[string]bool // heads of unnamed sources: officials, source
	male, female map[string]bool // first names
	stopCaps     map[string]bool // capitalised words that are not names
	orgHeads     map[string]bool // last words of organisation names
	docHeads     map[string]bool // nouns for documents and data
	abbrevs      map[string]bool // abbreviations ending in a period that do not end a sentence
	npStop       map[string]bool // words that end a noun phrase
	determiners  map[string]bool
	adverbs      map[string]bool // words allowed between a subject and its verb
	naming       map[string]bool // words before a quote that make it a title or a term
	timeWords    map[string]bool
	connectors   map[string]bool // de, van, bin inside names
	starters     map[string]bool // words that often begin a sentence
	// stance holds verbs that attribute a position, wish or judgement
	// rather than words ("endorsed Clinton", "wants a wall"); they are read
	// only for reported statements, never as frames of a quotation.
	stance map[string]cueVerb
}

var sharedLexicon = sync.OnceValue(newLexicon)

func wordSet(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// cueTable lists attribution verbs as "lemma third past participle-ing flags".
// Flags: c = takes a clause, o = takes an object first, l = loaded verb, d =
// used of documents and data, q = quote frames only.
const cueTable = `
say says said saying c
tell tells told telling co
add adds added adding c
note notes noted noting c
explain explains explained explaining c
argue argues argued arguing c
warn warns warned warning co
insist insists insisted insisting cl
claim claims claimed claiming cl
write writes wrote writing c
tweet tweets tweeted tweeting c
post posts posted posting q
state states stated stating c
declare declares declared declaring cl
announce announces announced announcing c
acknowledge acknowledges acknowledged acknowledging c
admit admits admitted admitting cl
remark remarks remarked remarking cl
comment comments commented commenting l
affirm affirms affirmed affirming cl
articulate articulates articulated articulating l
opine opines opined opining cl
quip quips quipped quipping cl
assert asserts asserted asserting cl
exclaim exclaims exclaimed exclaiming l
proclaim proclaims proclaimed proclaiming cl
aver avers averred averring cl
recall recalls recalled recalling c
reply replies replied replying c
respond responds responded responding c
retort retorts retorted retorting cl
continue continues continued continuing q
conclude concludes concluded concluding c
suggest suggests suggested suggesting cd
predict predicts predicted predicting c
promise promises promised promising c
vow vows vowed vowing c
pledge pledges pledged pledging c
boast boasts boasted boasting cl
brag brags bragged bragging cl
complain complains complained complaining c
charge charges charged charging c
contend contends contended contending c
counter counters countered countering c
concede concedes conceded conceding c
joke jokes joked joking c
laugh laughs laughed laughing q
shout shouts shouted shouting q
blurt blurts blurted blurting q
yell yells yelled yelling q
urge urges urged urging o
report reports reported reporting cd
reveal reveals revealed revealing cd
testify testifies testified testifying c
observe observes observed observing c
mention mentions mentioned mentioning c
emphasize emphasizes emphasized emphasizing c
stress stresses stressed stressing c
repeat repeats repeated repeating c
reiterate reiterates reiterated reiterating c
confirm confirms confirmed confirming cd
deny denies denied denying c
agree agrees agreed agreeing c
maintain maintains maintained maintaining c
believe believes believed believing c
think thinks thought thinking c
fear fears feared fearing c
hope hopes hoped hoping c
worry worries worried worrying c
estimate estimates estimated estimating cd
allege alleges alleged alleging c
indicate indicates indicated indicating cd
show shows showed showing cd
find finds found finding cd
ask asks asked asking o
wonder wonders wondered wondering c
question questions questioned questioning q
caution cautions cautioned cautioning co
disclose discloses disclosed disclosing c
speculate speculates speculated speculating c
threaten threatens threatened threatening c
describe describes described describing q
call calls called calling q
accuse accuses accused accusing q
mock mocks mocked mocking q
praise praises praised praising q
criticize criticizes criticized criticizing q
blast blasts blasted blasting q
slam slams slammed slamming q
dismiss dismisses dismissed dismissing q
defend defends defended defending q
attack attacks attacked attacking q
recount recounts recounted recounting c
explain explains explained explaining c
assure assures assured assuring co
remind reminds reminded reminding co
inform informs informed informing co
announce announces announced announcing c
acknowledge acknowledges acknowledged acknowledging c
predict predicts predicted predicting c
anticipate anticipates anticipated anticipating c
expect expects expected expecting c
know knows knew knowing c
feel feels felt feeling c
contend contends contended contending c
muse muses mused musing cl
chime chimes chimed chiming q
concur concurs concurred concurring c
demand demands demanded demanding c
insist insists insisted insisting cl
speak speaks spoke speaking q
answer answers answered answering c
lament laments lamented lamenting c
bemoan bemoans bemoaned bemoaning c
decry decries decried decrying q
interject interjects interjected interjecting c
interrupt interrupts interrupted interrupting q
confess confesses confessed confessing c
imply implies implied implying c
remember remembers remembered remembering c
plead pleads pleaded pleading c
grumble grumbles grumbled grumbling c
point points pointed pointing c
retweet retweets retweeted retweeting q
echo echoes echoed echoing q
ponder ponders pondered pondering q
read reads read reading q
chant chants chanted chanting q
bark barks barked barking q
beam beams beamed beaming q
riff riffs riffed riffing q
fume fumes fumed fuming q
snipe snipes sniped sniping q
gush gushes gushed gushing q
scoff scoffs scoffed scoffing q
sneer sneers sneered sneering q
marvel marvels marveled marveling q
chide chides chided chiding q
scold scolds scolded scolding q
press presses pressed pressing q
tout touts touted touting q
scream screams screamed screaming q
whisper whispers whispered whispering q
mutter mutters muttered muttering q
sigh sighs sighed sighing q
snap snaps snapped snapping q
gripe gripes griped griping c
rant rants ranted ranting q
elaborate elaborates elaborated elaborating q
clarify clarifies clarified clarifying c
summarize summarizes summarized summarizing q
hint hints hinted hinting c
swear swears swore swearing c
implore implores implored imploring o
instruct instructs instructed instructing o
advise advises advised advising co
rebut rebuts rebutted rebutting q
cheer cheers cheered cheering q
thunder thunders thundered thundering q
intone intones intoned intoning q
`

// stanceTable lists verbs of stance, wish, judgement and perception as
// "lemma third past participle-ing".
const stanceTable = `
endorse endorses endorsed endorsing
support supports supported supporting
oppose opposes opposed opposing
back backs backed backing
criticise criticises criticised criticising
condemn condemns condemned condemning
denounce denounces denounced denouncing
reject rejects rejected rejecting
blame blames blamed blaming
applaud applauds applauded applauding
welcome welcomes welcomed welcoming
want wants wanted wanting
wish wishes wished wishing
plan plans planned planning
intend intends intended intending
seek seeks sought seeking
propose proposes proposed proposing
recommend recommends recommended recommending
decide decides decided deciding
refuse refuses refused refusing
decline declines declined declining
view views viewed viewing
consider considers considered considering
doubt doubts doubted doubting
favor favors favored favoring
favour favours favoured favouring
prefer prefers preferred preferring
understand understands understood understanding
realize realizes realized realizing
recognize recognizes recognized recognizing
learn learns learned learning
hear hears heard hearing
cite cites cited citing
quote quotes quoted quoting
seem seems seemed seeming
appear appears appeared appearing
challenge challenges challenged challenging
demand demands demanded demanding
vow vows vowed vowing
`

func newLexicon() *lexicon {
	lx := &lexicon{cues: make(map[string]cueVerb)}
	for _, line := range strings.Split(cueTable, "\n") {
		f := strings.Fields(line)
		if len(f) != 5 {
			continue
		}
		v := cueVerb{lemma: f[0]}
		fl := f[4]
		v.clause = strings.Contains(fl, "c")
		v.object = strings.Contains(fl, "o")
		v.loaded = strings.Contains(fl, "l")
		v.doc = strings.Contains(fl, "d")
		for i, form := range f[:4] {
			cv := v
			if i == 3 {
				cv.form = formParticiple
			}
			lx.cues[form] = cv
		}
	}
	lx.stance = make(map[string]cueVerb)
	for _, line := range strings.Split(stanceTable, "\n") {
		f := strings.Fields(line)
		if len(f) != 4 {
			continue
		}
		for i, form := range f {
			v := cueVerb{lemma: f[0], clause: true}
			if i == 3 {
				v.form = formParticiple
			}
			lx.stance[form] = v
		}
	}
	lx.titles = wordSet(`mr mrs ms miss dr prof sen rep gov gen lt col maj capt sgt adm rev sr jr st
		president vice secretary general minister prime foreign defense defence senator
		representative congressman congresswoman governor mayor chairman chairwoman chair chief
		director judge justice attorney speaker leader ambassador deputy former incoming outgoing
		commissioner chancellor king queen prince princess pope sheikh spokesman spokeswoman
		spokesperson sheriff officer treasurer councilman councilwoman councillor lawmaker
		premier president-elect candidate nominee coach professor father sister brother cardinal
		bishop archbishop rabbi imam ceo chairperson administrator inspector superintendent counsel`)
	lx.roles = wordSet(`minister president secretary senator governor mayor chairman chairwoman chair
		chief director judge justice attorney speaker leader ambassador commissioner chancellor
		spokesman spokeswoman spokesperson sheriff officer lawmaker candidate nominee adviser
		advisor aide official strategist manager analyst economist expert professor researcher
		representative congressman congresswoman executive ceo founder president-elect diplomat
		general admiral commander prosecutor lawyer owner head activist organizer pollster
		historian scientist author writer columnist editor reporter correspondent host
		chairperson delegate negotiator envoy premier king queen prince governor-elect
		superintendent administrator coach economist consultant pastor teacher doctor`)
	lx.anonymous = wordSet(`official officials source sources aide aides person people diplomat
		diplomats analyst analysts expert experts observer observers insider insiders critic
		critics supporter supporters someone somebody adviser advisers advisor advisors
		staffer staffers operative operatives strategist strategists member members
		spokesman spokeswoman spokesperson witness witnesses residents resident lawmakers
		republicans democrats economists officers investigators authorities voters
		participants associates allies friends colleagues individual individuals
		several some many others few most both everyone everybody nobody`)
	lx.male = wordSet(`aaron adam al alan albert alex alexander alexei andrew andy angus anthony ariel
		arnold barack barry ben benjamin benny bernard bernie bill billy bob bobby boris brad
		brendan brett brian bruce carl carlos chad charles charlie chris christopher chuck cory
		craig dan daniel danny dave david dennis dick don donald doug douglas duncan dwight earl
		ed eddie edward elijah emmanuel enrique eric evan francis frank franz fred george gerald
		gordon greg gregory hank harold harry henry howard hugh ian igor ivan jack jacob jake
		james jamie jared jason jean-claude jeb jeff jeffrey jens jeremy jerry jesse jim jimmy joe
		joel john johnny jon jonathan jordan jose joseph josh joshua juan justin keith ken kenneth
		kevin kurt larry lawrence lee leo leon lindsey louis luis marco marcus mark martin matt
		matthew max michael miguel mike mitch mitt mohammed muhammad nathan neil newt nick nicolas
		olaf oliver omar orrin pablo patrick paul pedro pete peter phil philip rahm ralph rand
		randy ray raymond reince rex richard rick rob robert roger ron ronald roy rudy russell
		ryan sam samuel scott sean sergei sergey seth shinzo stephen steve steven stuart ted terry
		thomas tim timothy todd tom tommy tony travis trey victor vince vincent vladimir walter
		wayne will william xi yusuf zach`)
	lx.female = wordSet(`abigail alice alicia alison amanda amy andrea angela ann anna anne barbara
		betsy beth betty brenda carly carol caroline catherine cathy chelsea cheryl christine
		claire condoleezza cynthia dana debbie deborah debra diana diane donna dorothy elaine
		eleanor elena elizabeth ellen emily emma erin eva frances gina grace hannah heather
		helen hillary hope huma ivanka jane janet jean jennifer jessica jill joan joanne joni
		judith judy julia julie karen kate katherine kathleen kathy kelly kelly-anne kellyanne
		kim kirsten kristen laura lauren linda lisa lori loretta louise lucy madeleine maggie
		margaret maria marie marilyn marine martha mary maxine megan megyn melania melissa
		michele michelle mikaela monica nancy natalie nicole nikki nina olivia pam pamela patricia
		patty paula rachel rebecca rose ruth sally samantha sandra sara sarah sharon sheila shirley
		sophie stephanie susan susana suzanne tammy teresa theresa tina tulsi ursula valerie
		vanessa victoria virginia wendy yvonne zoe`)
	lx.stopCaps = wordSet(`the a an and but or nor so yet for in on at to from by with of about
		after before during since until while when where why how what who whom whose which that
		this these those there here it its it's he she they we i you his her their our my your him
		them us me if as than then now also still however meanwhile moreover nevertheless though
		although because unless whether even just only not no yes all some many most several each
		every both either neither other another such one two three four five six seven eight nine
		ten monday tuesday wednesday thursday friday saturday sunday january february march april
		may june july august september october november december jan feb mar apr jun jul aug sep
		sept oct nov dec today yesterday tomorrow tonight last next earlier later throughout
		prior despite under over among between against without within across beyond toward
		towards upon amid asked said says told according read writes wrote do does did is are was
		were be been has have had will would can could should must might shall please thank
		thanks oh well okay ok mr mrs ms dr`)
	lx.orgHeads = wordSet(`news post times journal party committee house department campaign
		association institute university college council agency office center centre group inc
		corp co foundation network press review report fund union commission court bureau
		service services administration senate congress parliament ministry government company
		bank board alliance organization organisation coalition caucus magazine channel tv
		radio club league federation council school hospital church army navy police force
		forces airlines times-picayune tribune herald gazette examiner telegraph guardian
		independent monitor inquirer chronicle globe observer sun daily weekly blog`)
	lx.docHeads = wordSet(`poll polls survey surveys study studies report reports analysis document
		documents statement statements memo letter letters filing filings record records data
		figures estimate estimates research census complaint lawsuit indictment ruling
		order audit review assessment forecast projection projections model numbers
		findings results email emails release transcript article story`)
	lx.abbrevs = wordSet(`mr mrs ms dr prof sen rep gov gen lt col maj capt sgt adm rev sr jr st jan feb
		mar apr jun jul aug sep sept oct nov dec no vs etc inc corp co ltd mt ft fig dept univ
		assn bros messrs mmes est approx ave blvd rd`)
	lx.npStop = wordSet(`is are was were be been being am has have had having do does did will would
		can could may might shall should must that who whom whose which when where while because
		although though if or but nor in on at to from by with about after before during into
		over under since through against among between without within across like than as
		also later then now previously recently repeatedly once again still already never not
		n't yet just only even ever first finally ultimately publicly privately earlier
		said says say told tells asked asks added adds wrote writes according
		he she they we i it you him them us me this these those there here what how why
		today yesterday tonight tomorrow cannot can't won't don't doesn't didn't hadn't isn't wasn't
		aren't weren't couldn't wouldn't shouldn't hasn't haven't that's there's it's here's
		what's who's`)
	lx.determiners = wordSet(`the a an one two three four five six seven eight nine ten some many
		several other another both his her their its our my your these those most all few
		dozens hundreds thousands numerous various certain multiple senior top`)
	lx.adverbs = wordSet(`also later then now long previously recently repeatedly once again still already
		never not n't has have had would will did does do had could can may might must should
		was were is are been be just only even ever first finally ultimately publicly privately
		earlier simply bluntly flatly quickly quietly angrily sharply immediately frequently
		often always subsequently reportedly allegedly reportedly openly calmly candidly
		frankly proudly loudly softly succinctly tersely curtly wryly confidently firmly
		emphatically repeatedly cheerfully`)
	lx.naming = wordSet(`called dubbed nicknamed named labeled labelled termed
		so-called book books film films movie movies show shows song songs album albums
		program programme series novel poem play article essay column op-ed headline slogan
		slogans hashtag motto nickname nicknames label
		labels banner banners sign signs campaign ad ads advertisement documentary podcast
		episode chant chants catchphrase moniker brand initiative operation project act
		bill plan policy`)
	lx.timeWords = wordSet(`monday tuesday wednesday thursday friday saturday sunday today yesterday
		tonight tomorrow morning afternoon evening night week weekend month year earlier later
		recently previously last this on in at during after before`)
	lx.connectors = wordSet(`de del della der den van von bin al el la le da di du dos ibn ben st`)
	lx.starters = wordSet(`the he she it they we i but and in on at a an this that there his her
		their its our as after before when while if however meanwhile mr mrs ms dr`)
	return lx
}

// maleTitle and femaleTitle give a gender from a title of address.
var titleGender = map[string]gender{
	"mr": genderMale, "mrs": genderFemale, "ms": genderFemale, "miss": genderFemale,
	"king": genderMale, "queen": genderFemale, "prince": genderMale, "princess": genderFemale,
	"congressman": genderMale, "congresswoman": genderFemale, "chairman": genderMale,
	"chairwoman": genderFemale, "spokesman": genderMale, "spokeswoman": genderFemale,
	"councilman": genderMale, "councilwoman": genderFemale, "father": genderMale,
	"sister": genderFemale, "brother": genderMale, "sheikh": genderMale,
}

// pronounInfo describes a personal pronoun used as a speaker.
type pronounInfo struct {
	gender gender
	plural bool
	first  bool // I, we: the writer or the speaker themself
}

var pronouns = map[string]pronounInfo{
	"he": {gender: genderMale}, "she": {gender: genderFemale},
	"they": {plural: true}, "we": {plural: true, first: true}, "i": {first: true},
	"you": {first: true}, "it": {},
}
