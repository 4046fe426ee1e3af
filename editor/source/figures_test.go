package source

import (
	"testing"

	"copydesk/editor"
)

// TestFigureForms compares a sentence of real copy with the same sentence
// with one figure changed, in the forms figures take in news copy: the
// change is flagged as drift.number; the same figure written another way
// is not.
func TestFigureForms(t *testing.T) {
	tests := []struct {
		name, source, draft string
		changed             bool
	}{
		{"date", "Officials gave details at the Jan. 15 briefing in Washington.", "Officials gave details at the Jan. 16 briefing in Washington.", true},
		{"date, month spelled out", "Officials gave details at the Jan. 15 briefing in Washington.", "Officials gave details at the January 15 briefing in Washington.", false},
		{"March, abbreviated", "The law takes effect on Mar. 5, officials said.", "The law takes effect on March 5, officials said.", false},
		{"mixed fraction", "The storm left a 2 1/2-foot layer of snow on the roads.", "The storm left a 3 1/2-foot layer of snow on the roads.", true},
		{"fraction glyph", "The storm left a 2 1/2-foot layer of snow on the roads.", "The storm left a 2½-foot layer of snow on the roads.", false},
		{"ratio", "The odds were 1:7 against the challenger, bookmakers said.", "The odds were 1:8 against the challenger, bookmakers said.", true},
		{"score", "The Lakers won the game 102-98 on Sunday night.", "The Lakers won the game 102-96 on Sunday night.", true},
		{"plural figure", "He birdied both par 5s on the back nine.", "He birdied both par 4s on the back nine.", true},
		{"figure with plus", "The service is open to adults aged 36+ in the county.", "The service is open to adults aged 46+ in the county.", true},
		{"ranking", "She finished T-9 at the Masters last spring.", "She finished T-8 at the Masters last spring.", true},
		{"abbreviated year", "He won the title in '13 and again two years later.", "He won the title in '14 and again two years later.", true},
		{"number words", "The repairs will take three months, the council said.", "The repairs will take four months, the council said.", true},
		{"number word and numeral", "The repairs will take three months, the council said.", "The repairs will take 3 months, the council said.", false},
		{"ordinal", "It was the third time the bridge had closed this year.", "It was the fourth time the bridge had closed this year.", true},
		{"ordinal, numeral", "It was the third time the bridge had closed this year.", "It was the 3rd time the bridge had closed this year.", false},
		{"scale word", "The state will borrow $2.5 billion to pay for the plan.", "The state will borrow $2.5 million to pay for the plan.", true},
		{"scale abbreviation", "The state will borrow $2.5 billion to pay for the plan.", "The state will borrow $2.5bn to pay for the plan.", false},
		{"percent and points", "Unemployment rose 2 percent in the last quarter.", "Unemployment rose 2 percentage points in the last quarter.", true},
		{"percent sign", "Unemployment rose 2 percent in the last quarter.", "Unemployment rose 2% in the last quarter.", false},
		{"thousands separator", "The stadium holds 45,000 fans on match days.", "The stadium holds 45000 fans on match days.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := DriftBetween(tt.source, tt.draft)
			got := false
			for _, f := range fs {
				if f.Check == editor.CheckDriftNumber {
					got = true
				}
			}
			if got != tt.changed {
				t.Errorf("drift.number = %v, want %v; findings %+v", got, tt.changed, fs)
			}
		})
	}
}
