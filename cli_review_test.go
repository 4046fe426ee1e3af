package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

const (
	reviewDraft = "Mayor Says Plan Will Pass\n" +
		"“We cannot keep patching a network that was built for half as many people,” Mayor Diane Alvarez said.\n" +
		"Alvarez said the line would open in 2032.\n" +
		"“This is the moment,” she said.\n"
	reviewSource = "MAYOR DIANE ALVAREZ:\n" +
		"We cannot keep patching a system that was built for half as many people. This is the moment.\n" +
		"The line will open in 2031.\n"
	reviewPrevious = "Mayor Says Plan Will Pass\n" +
		"\"We cannot keep patching a system that was built for half as many people,\" Mayor Diane Alvarez said.\n" +
		"\"This is the moment,\" she said.\n"
)

type checkJSON struct {
	Findings []struct {
		Check   string `json:"check"`
		Start   int    `json:"start"`
		End     int    `json:"end"`
		Message string `json:"message"`
		Related *struct {
			Text string `json:"text"`
			File string `json:"file"`
		} `json:"related"`
	} `json:"findings"`
}

func TestCheckAgainstSourcesJSON(t *testing.T) {
	dir := t.TempDir()
	draft := writeFile(t, dir, "draft.txt", reviewDraft)
	src := writeFile(t, dir, "notes.txt", reviewSource)
	prev := writeFile(t, dir, "previous.txt", reviewPrevious)
	code, out, errOut := cli(t, "check", "--source", src, "--previous", prev, "--format", "json", draft)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got checkJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	byCheck := map[string]int{}
	for i, f := range got.Findings {
		byCheck[f.Check] = i + 1
	}
	for _, c := range []struct{ check, words, related, file string }{
		{"quote.misquoted", "network", "a system that was built", "notes.txt"},
		{"quote.altered", "network", "a system that was built", "previous revision"},
		{"drift.number", "2032", "2031", "notes.txt"},
	} {
		i := byCheck[c.check]
		if i == 0 {
			t.Errorf("no %s finding in %s", c.check, out)
			continue
		}
		f := got.Findings[i-1]
		if !strings.Contains(reviewDraft[f.Start:f.End], c.words) {
			t.Errorf("%s covers %q, want %q in it", c.check, reviewDraft[f.Start:f.End], c.words)
		}
		if f.Related == nil || !strings.Contains(f.Related.Text, c.related) || !strings.HasSuffix(f.Related.File, c.file) {
			t.Errorf("%s related = %+v, want %q from %q", c.check, f.Related, c.related, c.file)
		}
	}
	if byCheck["quote.unverified"] != 0 {
		t.Errorf("a quotation in the source was reported unverified: %s", out)
	}
}

func TestCheckAgainstSourcesText(t *testing.T) {
	dir := t.TempDir()
	draft := writeFile(t, dir, "draft.txt", reviewDraft)
	src := writeFile(t, dir, "notes.txt", reviewSource)
	code, out, errOut := cli(t, "check", "--source", src, draft)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "draft.txt:2:1 warning quote.misquoted") || !strings.Contains(out, "drift.number") {
		t.Errorf("text output lacks the source findings:\n%s", out)
	}
	if strings.Contains(out, "quote.altered") {
		t.Errorf("quote.altered without --previous:\n%s", out)
	}

	// Without sources, the same draft gets no source findings.
	code, out, _ = cli(t, "check", draft)
	if code != 0 || strings.Contains(out, "quote.misquoted") || strings.Contains(out, "drift.") || strings.Contains(out, "quote.unverified") {
		t.Errorf("exit %d, output without sources:\n%s", code, out)
	}

	// A source without a word is no source.
	empty := writeFile(t, dir, "empty.txt", "* * *\n")
	code, _, errOut = cli(t, "check", "--source", empty, draft)
	if code != 0 || !strings.Contains(errOut, "No sources") {
		t.Errorf("exit %d, stderr %q: want a note that no sources were usable", code, errOut)
	}

	// A missing source file is a usage error.
	code, _, errOut = cli(t, "check", "--source", filepath.Join(dir, "missing.txt"), draft)
	if code != exitUsage || errOut == "" {
		t.Errorf("missing source: exit %d, stderr %q", code, errOut)
	}
}
