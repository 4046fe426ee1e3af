package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

const (
	diffOld = "Council Backs Budget\nThe council approved the budget on Monday after a “long” debate.\nThe vote was close."
	diffNew = "Council Backs Budget\nThe council approved the budget on Tuesday after a \"long\" debate.\nThe vote was close.\nA new paragraph."
)

func TestDiffFilesText(t *testing.T) {
	dir := t.TempDir()
	oldPath, newPath := writeFile(t, dir, "old.txt", diffOld), writeFile(t, dir, "new.txt", diffNew)
	code, out, errOut := cli(t, "diff", oldPath, newPath)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want := "Council Backs Budget\nThe council approved the budget on [-Monday-]{+Tuesday+} after a [-“-]{+\"+}long[-”-]{+\"+} debate.\nThe vote was close.{+\nA new paragraph.+}\n"
	if out != want {
		t.Errorf("diff =\n%q\nwant\n%q", out, want)
	}
	if strings.Contains(out, "\x1b[") {
		t.Error("colour written to a pipe")
	}

	code, out, _ = cli(t, "diff", "--hide-typography", oldPath, newPath)
	if code != 0 || strings.Contains(out, "“") || !strings.Contains(out, "[-Monday-]{+Tuesday+} after a \"long\" debate") {
		t.Errorf("--hide-typography: exit %d, %q", code, out)
	}
}

func TestDiffFilesJSON(t *testing.T) {
	dir := t.TempDir()
	oldPath, newPath := writeFile(t, dir, "old.txt", diffOld), writeFile(t, dir, "new.txt", diffNew)
	code, out, errOut := cli(t, "diff", "--format", "json", "--hide-typography", oldPath, newPath)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	type side struct {
		Start int    `json:"start"`
		End   int    `json:"end"`
		Text  string `json:"text"`
	}
	var got struct {
		Changes []struct {
			Kind string `json:"kind"`
			Old  side   `json:"old"`
			New  side   `json:"new"`
		} `json:"changes"`
		Stats struct {
			Inserted int `json:"inserted_words"`
			Deleted  int `json:"deleted_words"`
			Changed  int `json:"changed_paragraphs"`
		} `json:"stats"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	if len(got.Changes) != 2 {
		t.Fatalf("changes = %+v, want the day and the new paragraph", got.Changes)
	}
	c := got.Changes[0]
	if c.Kind != "replace" || c.Old.Text != "Monday" || diffOld[c.Old.Start:c.Old.End] != "Monday" ||
		c.New.Text != "Tuesday" || diffNew[c.New.Start:c.New.End] != "Tuesday" {
		t.Errorf("first change = %+v", c)
	}
	if c := got.Changes[1]; c.Kind != "insert" || c.New.Text != "\nA new paragraph." {
		t.Errorf("second change = %+v", c)
	}
	if got.Stats.Inserted != 4 || got.Stats.Deleted != 1 || got.Stats.Changed != 2 {
		t.Errorf("stats = %+v", got.Stats)
	}
}

func TestDiffFilesHTML(t *testing.T) {
	dir := t.TempDir()
	oldPath := writeFile(t, dir, "old.txt", "Hed\nUse <script>alert(1)</script> now.")
	newPath := writeFile(t, dir, "new<b>.txt", "Hed\nUse <script>alert(2)</script> now.")
	code, out, errOut := cli(t, "diff", "--format", "html", oldPath, newPath)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.HasPrefix(out, "<!DOCTYPE html>") || !strings.Contains(out, `<meta charset="utf-8">`) {
		t.Errorf("not a standalone page:\n%s", out)
	}
	if strings.Contains(out, "<script>") || strings.Contains(out, "<b>") {
		t.Errorf("unescaped text in page:\n%s", out)
	}
	if !strings.Contains(out, "<del id=\"c0\">1</del>") || !strings.Contains(out, "<ins>2</ins>") {
		t.Errorf("page lacks the change:\n%s", out)
	}
}

func TestDiffStoredRevisions(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "desk.db")
	code, out, errOut := cli(t, "import", "--db", db, writeFile(t, dir, "v1.txt", diffOld))
	if code != 0 {
		t.Fatalf("import exit %d: %s", code, errOut)
	}
	id := strings.TrimSpace(out)
	if code, _, errOut := cli(t, "revise", "--db", db, id, writeFile(t, dir, "v2.txt", diffNew)); code != 0 {
		t.Fatalf("revise exit %d: %s", code, errOut)
	}
	code, out, errOut = cli(t, "diff", "--db", db, "--from", "1", "--to", "2", id)
	if code != 0 {
		t.Fatalf("diff exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "[-Monday-]{+Tuesday+}") {
		t.Errorf("diff of stored revisions = %q", out)
	}
	code, latest, _ := cli(t, "diff", "--db", db, "--from", "1", id)
	if code != 0 || latest != out {
		t.Errorf("--to defaulting to the latest: exit %d, %q", code, latest)
	}

	for _, tc := range []struct {
		name string
		args []string
	}{
		{"missing revision", []string{"diff", "--db", db, "--from", "1", "--to", "9", id}},
		{"missing article", []string{"diff", "--db", db, "--from", "1", "--to", "2", "999"}},
		{"bad ID", []string{"diff", "--db", db, "--from", "1", "x"}},
		{"zero from", []string{"diff", "--db", db, "--to", "2", id}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if code, _, errOut := cli(t, tc.args...); code != 2 || errOut == "" {
				t.Errorf("exit %d, stderr %q; want 2 and a message", code, errOut)
			}
		})
	}
}

func TestDiffBadUsage(t *testing.T) {
	dir := t.TempDir()
	oldPath := writeFile(t, dir, "old.txt", diffOld)
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"no files", []string{"diff"}},
		{"one file", []string{"diff", oldPath}},
		{"unreadable file", []string{"diff", oldPath, filepath.Join(dir, "missing.txt")}},
		{"bad format", []string{"diff", "--format", "pdf", oldPath, oldPath}},
		{"unknown flag", []string{"diff", "--colour", oldPath, oldPath}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if code, _, errOut := cli(t, tc.args...); code != 2 || errOut == "" {
				t.Errorf("exit %d, stderr %q; want 2 and a message", code, errOut)
			}
		})
	}
	if code, out, _ := cli(t, "diff", oldPath, oldPath); code != 0 || out != diffOld+"\n" {
		t.Errorf("identical files: exit %d, %q", code, out)
	}
}
