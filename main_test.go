package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"copydesk/editor"
	"copydesk/storage"
)

// cli runs one command line in-process and returns its exit code and output.
func cli(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestImportListExportRoundTripsWindows1252(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "desk.db")
	const text = "Mayor Says Budget Is ‘Balanced’\r\n“We’re not cutting anything,” the mayor said — twice.\r\nCafé owners disagreed.\r\n"
	raw, err := charmap.Windows1252.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "draft.txt")
	if err := os.WriteFile(in, []byte(raw), 0o644); err != nil {
		t.Fatal(err)
	}

	code, out, errOut := cli(t, "import", "--db", db, in)
	if code != 0 {
		t.Fatalf("import exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut, "Windows-1252") {
		t.Errorf("import did not say which encoding it decoded: %q", errOut)
	}
	id := strings.TrimSpace(out)

	code, out, errOut = cli(t, "list", "--db", db, "--format", "json")
	if code != 0 {
		t.Fatalf("list exit %d: %s", code, errOut)
	}
	var listed struct {
		Articles []struct {
			ID        int64  `json:"id"`
			Title     string `json:"title"`
			Revisions int    `json:"revisions"`
		} `json:"articles"`
	}
	if err := json.Unmarshal([]byte(out), &listed); err != nil {
		t.Fatalf("list json: %v\n%s", err, out)
	}
	if len(listed.Articles) != 1 || strconv.FormatInt(listed.Articles[0].ID, 10) != id ||
		listed.Articles[0].Title != "Mayor Says Budget Is ‘Balanced’" || listed.Articles[0].Revisions != 1 {
		t.Errorf("list = %+v, want the one imported article", listed.Articles)
	}

	exported := filepath.Join(dir, "out.txt")
	if code, _, errOut := cli(t, "export", "--db", db, "--out", exported, id); code != 0 {
		t.Fatalf("export exit %d: %s", code, errOut)
	}
	got, err := os.ReadFile(exported)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.ReplaceAll(text, "\r\n", "\n")
	if string(got) != want {
		t.Errorf("exported bytes differ:\n got %q\nwant %q", got, want)
	}
}

func TestReviseAndExportRevision(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "desk.db")
	v1 := writeFile(t, dir, "v1.md", "# Hed\n\nFirst graf,\nwrapped.\n")
	v2 := writeFile(t, dir, "v2.txt", "Hed\nFirst graf, rewritten.\n")
	_, out, _ := cli(t, "import", "--db", db, "--title", "Custom title", v1)
	id := strings.TrimSpace(out)
	code, out, errOut := cli(t, "revise", "--db", db, "--label", "desk", id, v2)
	if code != 0 || strings.TrimSpace(out) != "2" {
		t.Fatalf("revise = %d %q %q, want revision 2", code, out, errOut)
	}
	for _, tc := range []struct{ rev, want string }{{"1", "Hed\nFirst graf, wrapped."}, {"2", "Hed\nFirst graf, rewritten.\n"}} {
		code, out, errOut := cli(t, "export", "--db", db, "--revision", tc.rev, id)
		if code != 0 || out != tc.want {
			t.Errorf("export r%s = %d %q %q, want %q", tc.rev, code, out, errOut, tc.want)
		}
	}
	_, out, _ = cli(t, "list", "--db", db)
	if !strings.Contains(out, "Custom title") {
		t.Errorf("list text output lacks the title: %q", out)
	}
}

func TestExportWorkingCopy(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "desk.db")
	store, err := storage.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	a, _, err := store.CreateArticle(context.Background(), editor.Article{Title: "Hed"}, "Hed\nGraf", "r1", "w")
	if err == nil {
		err = store.SaveWorkingCopy(context.Background(), editor.WorkingCopy{ArticleID: a.ID, Base: 1, Text: "Hed\nGraf, edited"})
	}
	store.Close()
	if err != nil {
		t.Fatal(err)
	}
	id := strconv.FormatInt(a.ID, 10)
	if code, out, errOut := cli(t, "export", "--db", db, "--working", id); code != 0 || out != "Hed\nGraf, edited" {
		t.Errorf("export --working = %d %q %q", code, out, errOut)
	}
	if code, _, errOut := cli(t, "export", "--db", db, "--working", "--revision", "1", id); code != 2 || !strings.Contains(errOut, "exclude") {
		t.Errorf("--working with --revision = %d %q", code, errOut)
	}
}

func TestExportFormats(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "desk.db")
	v1 := writeFile(t, dir, "v1.txt", "Hed\nThe council voted 7-2.")
	v2 := writeFile(t, dir, "v2.txt", "Hed\nThe council voted 6-3 on Tuesday.")
	_, out, _ := cli(t, "import", "--db", db, v1)
	id := strings.TrimSpace(out)
	if code, _, errOut := cli(t, "revise", "--db", db, id, v2); code != 0 {
		t.Fatal(errOut)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--format", "md"}, "# Hed\n\nThe council voted 6-3 on Tuesday.\n"},
		{[]string{"--format", "html", "--revision", "1"}, "<p>The council voted 7-2.</p>"},
		{[]string{"--format", "redline-html"}, "<del"},
		{[]string{"--format", "redline-inline-html", "--from", "1", "--to", "2"}, "<ins"},
		{[]string{"--format", "docx"}, "PK"},
		{[]string{"--format", "redline-docx"}, "PK"},
		{[]string{"--format", "report-html"}, "The council voted 6-3 on Tuesday."},
		{[]string{"--format", "report-pdf", "--revision", "1"}, "%PDF-"},
	} {
		args := append(append([]string{"export", "--db", db}, tc.args...), id)
		code, out, errOut := cli(t, args...)
		if code != 0 || !strings.Contains(out, tc.want) {
			t.Errorf("%v: exit %d, %q…, stderr %q; want %q", tc.args, code, out[:min(len(out), 80)], errOut, tc.want)
		}
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--format", "pdfx"}, "unknown format"},
		{[]string{"--format", "redline-html", "--revision", "1"}, "compares --from"},
		{[]string{"--format", "html", "--from", "1"}, "go with the redline"},
		{[]string{"--format", "redline-html", "--from", "1", "--to", "9"}, "no revision 9"},
	} {
		args := append(append([]string{"export", "--db", db}, tc.args...), id)
		if code, _, errOut := cli(t, args...); code != 2 || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, %q; want exit 2 mentioning %q", tc.args, code, errOut, tc.want)
		}
	}
}

func TestCommandErrors(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "desk.db")
	binary := writeFile(t, dir, "photo.txt", "\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00")
	good := writeFile(t, dir, "good.txt", "Hed\nGraf\n")
	notDB := writeFile(t, dir, "notes.db", "this is not a database, just some text that is long enough")
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"unknown command", []string{"frobnicate"}, 2, "unknown command"},
		{"import nothing", []string{"import", "--db", db}, 2, "no files"},
		{"import binary", []string{"import", "--db", db, binary}, 2, "binary"},
		{"import missing", []string{"import", "--db", db, filepath.Join(dir, "nope.txt")}, 2, "no such file"},
		{"binary in a batch is skipped with its reason", []string{"import", "--db", db, good, binary}, 2, "binary"},
		{"bad flag", []string{"list", "--db", db, "--bogus"}, 2, "bogus"},
		{"bad format", []string{"list", "--db", db, "--format", "xml"}, 2, "unknown format"},
		{"export bad id", []string{"export", "--db", db, "abc"}, 2, "not an article ID"},
		{"export missing article", []string{"export", "--db", db, "99"}, 2, "no article with ID 99"},
		{"revise missing article", []string{"revise", "--db", db, "99", good}, 2, "no article with ID 99"},
		{"corrupt database", []string{"list", "--db", notDB}, 2, "damaged"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := cli(t, tt.args...)
			if code != tt.wantCode || !strings.Contains(errOut, tt.wantErr) {
				t.Errorf("exit %d, stderr %q; want exit %d mentioning %q", code, errOut, tt.wantCode, tt.wantErr)
			}
			if n := strings.Count(strings.TrimSpace(errOut), "\n"); code != 0 && n > 0 && !strings.Contains(errOut, "Usage") && !strings.HasPrefix(errOut, "imported ") {
				t.Errorf("error is %d lines, want one: %q", n+1, errOut)
			}
		})
	}
	// Of the batch, the good file was stored and the binary one was not.
	_, out, _ := cli(t, "list", "--db", db, "--format", "json")
	if strings.Count(out, `"id"`) != 1 {
		t.Errorf("want only the good file of the batch stored: %s", out)
	}
}

func TestImportFolderWithSummary(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "desk.db")
	src := filepath.Join(dir, "copy")
	if err := os.MkdirAll(filepath.Join(src, "late"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, src, "a.txt", "Hed A\nGraf.")
	writeFile(t, filepath.Join(src, "late"), "b.md", "# Hed B\n\nGraf.")
	writeFile(t, src, "c.txt", "\x00\x01binary\x02")
	writeFile(t, src, "d.jpg", "\xff\xd8")
	code, out, errOut := cli(t, "import", "--db", db, src)
	if code != 2 || strings.Count(out, "\n") != 2 {
		t.Fatalf("import folder = %d, stdout %q, stderr %q", code, out, errOut)
	}
	for _, want := range []string{"imported 2, skipped 2", "c.txt", "binary", "d.jpg", "not a file type"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("summary lacks %q:\n%s", want, errOut)
		}
	}
}

func TestHelpExitsZero(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"help"}, {"import", "--help"}, {"export", "-h"}} {
		code, out, errOut := cli(t, args...)
		if code != 0 || !strings.Contains(out+errOut, "Usage") {
			t.Errorf("%v: exit %d, output %q", args, code, out+errOut)
		}
	}
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestKillWhileTypingLosesAtMostOneSecond runs the real workspace in a child
// process (the Fyne test driver, a real database file), types into it
// steadily, kills it with SIGKILL, and checks that everything typed more
// than one second before the kill is in the autosaved working copy.
func TestKillWhileTypingLosesAtMostOneSecond(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a child process for a few seconds")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "desk.db")
	store, err := storage.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	a, _, err := store.CreateArticle(context.Background(), editor.Article{Title: "Hed"}, "Hed\n", "r1", "test")
	store.Close()
	if err != nil {
		t.Fatal(err)
	}

	cmd := exec.Command(os.Args[0], "-test.run=^TestTypistProcess$")
	cmd.Env = append(os.Environ(), "COPYDESK_TYPIST_DB="+db, fmt.Sprintf("COPYDESK_TYPIST_ARTICLE=%d", a.ID))
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	type keystroke struct {
		n  int
		at time.Time
	}
	var typed []keystroke
	lines := bufio.NewScanner(stdout)
	var started time.Time
	for lines.Scan() {
		var n int
		var at int64
		if _, err := fmt.Sscanf(lines.Text(), "typed %d %d", &n, &at); err != nil {
			continue
		}
		typed = append(typed, keystroke{n, time.Unix(0, at)})
		if started.IsZero() {
			started = time.Now()
		}
		if time.Since(started) > 3*time.Second {
			break
		}
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	killedAt := time.Now()
	_ = cmd.Wait()
	if len(typed) < 20 {
		t.Fatalf("child typed only %d keystrokes before the kill", len(typed))
	}

	store, err = storage.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	wc, err := store.WorkingCopy(context.Background(), a.ID)
	if err != nil {
		t.Fatalf("no working copy after the kill: %v", err)
	}
	saved := strings.Count(wc.Text, "x")
	mustHave := 0
	for _, k := range typed {
		if k.at.Before(killedAt.Add(-time.Second)) {
			mustHave = k.n
		}
	}
	t.Logf("typed %d keystrokes over %v; %d saved; %d were typed more than 1 s before the kill",
		len(typed), typed[len(typed)-1].at.Sub(typed[0].at).Round(time.Millisecond), saved, mustHave)
	if saved < mustHave {
		t.Errorf("working copy holds %d keystrokes, want at least the %d typed more than 1 s before SIGKILL", saved, mustHave)
	}
	if !strings.HasPrefix(wc.Text, "Hed\n") {
		t.Errorf("working copy lost the article text: %q", wc.Text)
	}
}

// TestCLIQuietUnderCLocale runs a command in a child process with the C
// locale, where Fyne would log a locale error at start, and checks that
// nothing but the command's own output appears.
func TestCLIQuietUnderCLocale(t *testing.T) {
	db := filepath.Join(t.TempDir(), "desk.db")
	store, err := storage.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	store.Close()
	cmd := cliChild(context.Background(), "list --db "+db)
	cmd.Env = append(cmd.Env, "LANG=C.UTF-8", "LC_ALL=", "LC_MESSAGES=")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, stderr.String())
	}
	if stderr.Len() != 0 {
		t.Errorf("stderr = %q, want nothing", stderr.String())
	}
	if !strings.HasPrefix(string(out), "ID") {
		t.Errorf("stdout = %q, want the article table", out)
	}
}

// cliChild returns a command that runs the command line args (split at
// spaces) in a child process, through TestCLIProcess.
func cliChild(ctx context.Context, args string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestCLIProcess$")
	cmd.Env = append(os.Environ(), "COPYDESK_CLI_ARGS="+args)
	return cmd
}

// TestCLIProcess is not a test: it runs the command line in
// COPYDESK_CLI_ARGS for tests that need a separate process.
func TestCLIProcess(t *testing.T) {
	args := os.Getenv("COPYDESK_CLI_ARGS")
	if args == "" {
		t.Skip("helper process")
	}
	os.Exit(runWithSignals(strings.Fields(args), os.Stdout, os.Stderr))
}
