package newstest

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// Annotated is a testdata article with the expectations written under its
// lines. Keys are paragraphs: 0-based lines of Text.
type Annotated struct {
	Text string
	// Wants lists the check names of the findings expected in a paragraph.
	Wants map[int][]string
	// Quotes lists, per paragraph, statements expected there as
	// [attribution, speaker name] ("" name: any speaker).
	Quotes map[int][][2]string
	// NoQuotes lists, per paragraph, text prefixes no statement there may
	// start with.
	NoQuotes map[int][]string
	// Lines gives each paragraph's line in the testdata file, for messages.
	Lines map[int]int
}

// ReadAnnotated reads a testdata file: article lines, each optionally
// followed by "#want CHECK...", "#quote ATTRIBUTION [SPEAKER NAME]" and
// "#noquote TEXT-PREFIX" lines about it. Other lines starting with # are
// comments.
func ReadAnnotated(t testing.TB, path string) Annotated {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	a := Annotated{Wants: map[int][]string{}, Quotes: map[int][][2]string{}, NoQuotes: map[int][]string{}, Lines: map[int]int{}}
	var body []string
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		par := len(body) - 1
		switch {
		case strings.HasPrefix(line, "#want "):
			a.Wants[par] = append(a.Wants[par], strings.Fields(line)[1:]...)
		case strings.HasPrefix(line, "#quote "):
			f := strings.Fields(line)[1:]
			a.Quotes[par] = append(a.Quotes[par], [2]string{f[0], strings.Join(f[1:], " ")})
		case strings.HasPrefix(line, "#noquote "):
			a.NoQuotes[par] = append(a.NoQuotes[par], strings.TrimSpace(strings.TrimPrefix(line, "#noquote ")))
		case strings.HasPrefix(line, "#"):
		default:
			a.Lines[len(body)] = n
			body = append(body, line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	a.Text = strings.Join(body, "\n") + "\n"
	return a
}

// Line returns paragraph p of the text, for messages.
func (a Annotated) Line(p int) string {
	lines := strings.Split(a.Text, "\n")
	if p >= 0 && p < len(lines) {
		return lines[p]
	}
	return ""
}
