package editor

// Names of the checks. They are stored in the database with the notes made
// from findings: once shipped, a name never changes. The review package's
// registry lists every check under one of these names.
const (
	// Quotation and attribution.
	CheckUnattributed        = "quote.unattributed"
	CheckAmbiguousSpeaker    = "quote.ambiguous-speaker"
	CheckFloating            = "quote.floating"
	CheckHeadlineUnsupported = "quote.headline-unsupported"
	CheckDistantPronoun      = "quote.distant-pronoun"
	CheckUnbalanced          = "quote.unbalanced"
	CheckAttributionVerb     = "style.attribution-verb"

	// Quotations against the sources and the previous revision.
	CheckMisquoted  = "quote.misquoted"
	CheckUnverified = "quote.unverified"
	CheckAltered    = "quote.altered"

	// Paraphrase against the sources.
	CheckDriftNegation  = "drift.negation"
	CheckDriftNumber    = "drift.number"
	CheckDriftEntity    = "drift.entity"
	CheckDriftCertainty = "drift.certainty"
	CheckDriftContent   = "drift.content"

	// Facts changed between revisions.
	CheckFactChanged = "revision.fact-changed"
)
