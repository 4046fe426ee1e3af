package review

import (
	"bufio"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/editor/internal/newstest"
)

// TestWarningAudit replays the hand audits in testdata: audit_train.tsv
// holds 100 random warnings the checks raised on PolNeAR train articles and
// then every other warning they raised there on 2026-12-06 (the set the
// rules were worked on); audit_devtest.tsv every warning they raised on
// PolNeAR dev and test that day. Each row is labelled "act" (an editor
// would act on it) or "false" (a false alarm). For each set it prints the
// share an editor would act on among the audited warnings the checks still
// raise, fails when a warning labelled "act" is no longer raised (a real
// fault lost), and prints how many of the false alarms are gone. Rerun
// `go test -run TestWarningAudit -v` after a change to the checks; label
// the warnings a change adds.
func TestWarningAudit(t *testing.T) {
	for _, set := range []struct{ name, file string }{
		{"train", "audit_train.tsv"},
		{"dev+test", "audit_devtest.tsv"},
	} {
		t.Run(set.name, func(t *testing.T) { replayAudit(t, set.file) })
	}
}

// replayAudit replays one label file.
func replayAudit(t *testing.T, file string) {
	texts := map[string]string{}
	for _, part := range []string{"train", "dev", "test"} {
		for _, path := range newstest.Glob(t, "corpus", "polnear", "data", part, "text", "*.txt") {
			texts[strings.TrimSuffix(filepath.Base(path), ".txt")] = path
		}
	}
	f, err := os.Open(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	raised := map[string]map[[3]string]bool{}
	var act, falseAlarms, labelledFalse int
	perCheck := map[string][2]int{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		col := strings.Split(line, "\t")
		if len(col) != 5 || (col[4] != "act" && col[4] != "false") {
			t.Fatalf("bad audit row %q", line)
		}
		doc, check, verdict := col[0], col[3], col[4]
		if verdict == "false" {
			labelledFalse++
		}
		if raised[doc] == nil {
			path, ok := texts[doc]
			if !ok {
				t.Fatalf("audit row for %s: no such PolNeAR article", doc)
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			raised[doc] = map[[3]string]bool{}
			for _, fd := range Run(Input{Text: string(b)}).Findings {
				if fd.Severity == editor.Warning {
					raised[doc][[3]string{strconv.Itoa(fd.Span.Start), strconv.Itoa(fd.Span.End), fd.Check}] = true
				}
			}
		}
		if !raised[doc][[3]string{col[1], col[2], check}] {
			if verdict == "act" {
				t.Errorf("%s %s-%s %s: a warning an editor acts on is no longer raised", doc, col[1], col[2], check)
			}
			continue
		}
		c := perCheck[check]
		if verdict == "act" {
			act++
			c[0]++
		} else {
			falseAlarms++
			c[1]++
		}
		perCheck[check] = c
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	checks := make([]string, 0, len(perCheck))
	for check := range perCheck {
		checks = append(checks, check)
	}
	sort.Strings(checks)
	for _, check := range checks {
		c := perCheck[check]
		t.Logf("%-28s act %3d  false %3d", check, c[0], c[1])
	}
	if n := act + falseAlarms; n > 0 {
		t.Logf("audited warnings still raised: %d, an editor acts on %d (%.1f%%); target 85%%", n, act, 100*float64(act)/float64(n))
	}
	t.Logf("false alarms labelled %d, no longer raised %d", labelledFalse, labelledFalse-falseAlarms)
}
