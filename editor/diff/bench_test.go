package diff

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"copydesk/editor"
)

// Vocabulary for generated news copy: plausible sentences, not lorem ipsum,
// so word frequencies and sentence lengths look like real articles.
var (
	benchSubjects = []string{"The city council", "The mayor", "Officials at the port authority", "A spokeswoman for the hospital",
		"Residents of the east side", "The school board", "Police", "The governor's office", "Union leaders", "The company",
		"Two members of the planning committee", "The state auditor", "Local business owners", "The fire department"}
	benchVerbs   = []string{"said", "announced", "confirmed", "denied", "warned", "argued", "estimated", "acknowledged", "reported", "insisted"}
	benchClauses = []string{"that the budget would be balanced by the end of the year",
		"that the harbour dredging project was behind schedule", "that more than 1,200 families had been affected",
		"that the new bus routes would start in March", "that no decision had been made about the closures",
		"that the contract had been awarded without a public tender", "that water rates would rise by 4.5 percent",
		"that the bridge inspection had found serious corrosion", "that the vote would be postponed until after the summer",
		"that three schools would share a single principal", "that overtime costs had doubled since 2019",
		"that the investigation was continuing", "that the figures were preliminary"}
	benchTails = []string{"", " on Tuesday", " in a statement", " at a news conference", " late on Monday", " in an interview",
		", according to minutes of the meeting", " after a closed session", ", citing internal documents"}
	benchExtras = []string{"The meeting lasted nearly four hours.", "Several residents spoke against the plan.",
		"The proposal will return to the committee next month.", "Critics called the timing unfortunate.",
		"\"We have listened to every concern,\" she said.", "It was the third such vote this year.",
		"The department did not respond to requests for comment.", "A final report is expected in the autumn.",
		"Shares in the company fell 3 percent after the announcement.", "The figures have not been independently verified."}
	benchSwaps = []string{"Tuesday", "Wednesday", "officials", "residents", "nearly", "about", "report", "review",
		"plan", "proposal", "rose", "fell", "council", "board", "harbour", "airport", "March", "April", "quickly", "slowly"}
)

func benchSentence(r *rand.Rand) string {
	if r.IntN(4) == 0 {
		return benchExtras[r.IntN(len(benchExtras))]
	}
	return benchSubjects[r.IntN(len(benchSubjects))] + " " + benchVerbs[r.IntN(len(benchVerbs))] +
		benchTails[r.IntN(len(benchTails))] + " " + benchClauses[r.IntN(len(benchClauses))] + "."
}

// benchRevisions generates an article of about words words and a revision
// of it with about 5% of the words edited the way copy editors edit: words
// replaced, sentences inserted and deleted, one paragraph moved, a few
// quotes made curly.
func benchRevisions(words int, seed uint64) (old, new string) {
	r := rand.New(rand.NewPCG(seed, 1))
	var paras [][]string
	n := 0
	for n < words {
		var p []string
		for k := 2 + r.IntN(3); k > 0; k-- {
			s := benchSentence(r)
			p = append(p, s)
			n += len(strings.Fields(s))
		}
		paras = append(paras, p)
	}
	join := func(ps [][]string) string {
		lines := []string{"Council Weighs Budget Cuts as Harbour Costs Climb"}
		for _, p := range ps {
			lines = append(lines, strings.Join(p, " "))
		}
		return strings.Join(lines, "\n") + "\n"
	}
	old = join(paras)

	edited := make([][]string, len(paras))
	for i, p := range paras {
		edited[i] = slices.Clone(p)
	}
	budget := words / 20
	for budget > 0 {
		pi := r.IntN(len(edited))
		p := edited[pi]
		si := r.IntN(len(p))
		switch k := r.IntN(10); {
		case k < 6: // replace a word
			ws := strings.Fields(p[si])
			ws[r.IntN(len(ws))] = benchSwaps[r.IntN(len(benchSwaps))]
			p[si] = strings.Join(ws, " ")
			budget--
		case k < 8: // insert a sentence
			s := benchSentence(r)
			edited[pi] = slices.Insert(p, si, s)
			budget -= len(strings.Fields(s))
		case k < 9 && len(p) > 1: // delete a sentence
			budget -= len(strings.Fields(p[si]))
			edited[pi] = slices.Delete(p, si, si+1)
		default: // curly quotes and a dash
			p[si] = strings.NewReplacer(`"`, "“", " - ", " — ").Replace(p[si])
			budget--
		}
	}
	// Move one paragraph from the first third to the last.
	from, to := len(edited)/4, 3*len(edited)/4
	moved := edited[from]
	edited = slices.Insert(slices.Delete(edited, from, from+1), to, moved)
	return old, join(edited)
}

func benchmarkWordDiff(b *testing.B, words int) {
	old, new := benchRevisions(words, 42)
	b.SetBytes(int64(len(old) + len(new)))
	b.ResetTimer()
	var d *Diff
	for b.Loop() {
		d = Words(old, new, Options{})
	}
	b.ReportMetric(float64(len(d.Changes)), "changes")
}

// BenchmarkWordDiff10k: target at most 20 ms/op.
func BenchmarkWordDiff10k(b *testing.B) { benchmarkWordDiff(b, 10_000) }

// BenchmarkWordDiff100k: target at most 300 ms/op.
func BenchmarkWordDiff100k(b *testing.B) { benchmarkWordDiff(b, 100_000) }

// benchmarkGitWordDiff times git's word diff on the same revisions, for
// comparison: git diff --no-index --word-diff=porcelain OLD NEW.
func benchmarkGitWordDiff(b *testing.B, words int) {
	git, err := exec.LookPath("git")
	if err != nil {
		b.Skip("git not installed")
	}
	old, new := benchRevisions(words, 42)
	dir := b.TempDir()
	oldPath, newPath := filepath.Join(dir, "old.txt"), filepath.Join(dir, "new.txt")
	if err := os.WriteFile(oldPath, []byte(old), 0o644); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(newPath, []byte(new), 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(old) + len(new)))
	b.ResetTimer()
	for b.Loop() {
		cmd := exec.Command(git, "diff", "--no-index", "--word-diff=porcelain", oldPath, newPath)
		cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "HOME="+dir)
		out, err := cmd.Output()
		var exit *exec.ExitError
		if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 1) {
			b.Fatalf("git diff: %v", err)
		}
		if len(out) == 0 {
			b.Fatal("git diff found no differences")
		}
	}
}

func BenchmarkGitWordDiff10k(b *testing.B)  { benchmarkGitWordDiff(b, 10_000) }
func BenchmarkGitWordDiff100k(b *testing.B) { benchmarkGitWordDiff(b, 100_000) }

// TestBenchRevisions checks the generated benchmark input is what the
// benchmarks claim: about the asked number of words, about 5% changed,
// and a diff that holds to its invariants.
func TestBenchRevisions(t *testing.T) {
	old, new := benchRevisions(10_000, 42)
	d := Words(old, new, Options{})
	checkDiff(t, d)
	words := editor.CountWords(old)
	changed := max(d.Stats.InsertedWords, d.Stats.DeletedWords)
	if words < 9_500 || words > 11_000 {
		t.Errorf("%d words, want about 10,000", words)
	}
	if share := float64(changed) / float64(words); share < 0.03 || share > 0.09 {
		t.Errorf("%.1f%% of words changed, want about 5%%", 100*share)
	}
	moves := 0
	for _, c := range d.Changes {
		if c.Kind == ChangeMove {
			moves++
		}
	}
	if moves == 0 {
		t.Errorf("the moved paragraph was not found: %s", fmt.Sprint(d.Stats))
	}
}
