package editor

import (
	"fmt"
	"sort"
)

// Severity ranks how much a finding matters to an editor.
type Severity int

// Severities, lowest first. The zero value is Info.
const (
	Info Severity = iota
	Warning
	Error
)

var severityNames = [...]string{Info: "info", Warning: "warning", Error: "error"}

// String returns the stable lower-case name stored in the database and
// printed by the CLI.
func (s Severity) String() string {
	if s < 0 || int(s) >= len(severityNames) {
		return fmt.Sprintf("severity(%d)", int(s))
	}
	return severityNames[s]
}

// ParseSeverity maps a stored name back to a Severity.
func ParseSeverity(name string) (Severity, error) {
	for i, n := range severityNames {
		if n == name {
			return Severity(i), nil
		}
	}
	return Info, fmt.Errorf("unknown severity %q", name)
}

// MarshalText implements encoding.TextMarshaler.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Related is a second passage a finding points at, such as the source
// wording a quote was checked against.
type Related struct {
	Text string `json:"text"`
	File string `json:"file,omitempty"`
	Span Span   `json:"-"`
}

// Finding is one problem a check reports: which check, how serious, where
// in the text, and a one-sentence message for the editor.
type Finding struct {
	Check    string
	Severity Severity
	Span     Span
	Message  string
	Related  *Related
	// Why names the rule that raised the finding, for an editor who asks
	// why it was flagged; "" when the message says it all.
	Why string
	// Fix is the edit the finding suggests, if there is one.
	Fix *Fix
}

// Fix is an edit a finding suggests, the way go/analysis diagnostics carry
// SuggestedFixes: replacements of spans of the text the finding was raised
// on, touching nothing else.
type Fix struct {
	// Message says what the fix does, as a button would: "Use “said”".
	Message string
	// Edits are in text order and do not overlap.
	Edits []Edit
}

// Edit replaces the text at Span with New.
type Edit struct {
	Span Span
	New  string
}

// Cover is the span from the first edit's start to the last edit's end.
func (f Fix) Cover() Span {
	if len(f.Edits) == 0 {
		return Span{}
	}
	return Span{Start: f.Edits[0].Span.Start, End: f.Edits[len(f.Edits)-1].Span.End}
}

// Apply returns text with the fix's edits made. It refuses edits out of
// order, overlapping, outside the text or cutting a character in two, so
// a fix never changes what it does not name.
func (f Fix) Apply(text string) (string, error) {
	if len(f.Edits) == 0 {
		return "", fmt.Errorf("fix %q has no edits", f.Message)
	}
	prev := 0
	for _, e := range f.Edits {
		if e.Span.Start < prev || e.Span.End < e.Span.Start || e.Span.End > len(text) {
			return "", fmt.Errorf("fix %q: edit %d–%d is out of order or outside the text", f.Message, e.Span.Start, e.Span.End)
		}
		if !onRuneBoundary(text, e.Span.Start) || !onRuneBoundary(text, e.Span.End) {
			return "", fmt.Errorf("fix %q: edit %d–%d cuts a character", f.Message, e.Span.Start, e.Span.End)
		}
		prev = e.Span.End
	}
	var b []byte
	prev = 0
	for _, e := range f.Edits {
		b = append(b, text[prev:e.Span.Start]...)
		b = append(b, e.New...)
		prev = e.Span.End
	}
	return string(append(b, text[prev:]...)), nil
}

// SortFindings orders findings by position, then by check name, so output
// is deterministic.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Span.Start != b.Span.Start {
			return a.Span.Start < b.Span.Start
		}
		if a.Span.End != b.Span.End {
			return a.Span.End < b.Span.End
		}
		return a.Check < b.Check
	})
}
