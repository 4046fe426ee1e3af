package quote

import (
	"strings"
	"testing"
)

func TestLexiconParses(t *testing.T) {
	lx, err := parseLexicon(lexiconSource)
	if err != nil {
		t.Fatal(err)
	}
	if v := lx.cues["said"]; v.lemma != "say" || !v.clause || v.form != formFinite {
		t.Errorf("said = %+v", v)
	}
	if v := lx.cues["telling"]; v.lemma != "tell" || !v.object || v.form != formParticiple {
		t.Errorf("telling = %+v", v)
	}
	if !lx.cues["opined"].loaded || lx.cues["said"].loaded {
		t.Error("loaded flags wrong: opined should be loaded, said not")
	}
	if lx.pronouns["she"].gender != genderFemale || !lx.pronouns["they"].plural || !lx.pronouns["we"].first {
		t.Errorf("pronouns = %+v", lx.pronouns)
	}
	if lx.gender["mr"] != genderMale || lx.gender["spokeswoman"] != genderFemale || lx.gender["wife"] != genderFemale {
		t.Error("gendered titles and nouns wrong")
	}
	if !lx.titles["sen"] || !lx.headlineLabels["latest"] || len(lx.abstractSuffixes) == 0 {
		t.Error("word sets not loaded")
	}
}

func TestLexiconRefusesBadInput(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		{"unknown section", "[nonsense]\nword\n", "unknown section"},
		{"missing section", "[titles]\nmr\n", "missing"},
		{"words before a section", "mr\n", "before the first section"},
		{"capital letters", strings.Replace(lexiconSource, "\nmr mrs", "\nMr mrs", 1), "lower case"},
		{"short cue row", strings.Replace(lexiconSource, "say says said saying c", "say says said c", 1), "want lemma"},
		{"unknown flag", strings.Replace(lexiconSource, "say says said saying c", "say says said saying cz", 1), "unknown flag"},
		{"section twice", lexiconSource + "\n[titles]\nmr\n", "twice"},
		{"both genders", strings.Replace(lexiconSource, "[female-words]\n", "[female-words]\nmr\n", 1), "both a man and a woman"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := parseLexicon(tc.text); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want one saying %q", err, tc.want)
			}
		})
	}
}
