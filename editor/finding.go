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
