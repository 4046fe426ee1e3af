package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"copydesk/editor"
	"copydesk/editor/diff"
)

const (
	compareOld = "Hed\nThe quick brown fox jumped.\nA paragraph that goes away.\nLast line."
	compareNew = "Hed\nThe slow red fox jumped.\nLast line, changed."
)

func TestCompareModelDecisionsAndResult(t *testing.T) {
	d := diff.Words(compareOld, compareNew, diff.Options{})
	m := newCompareModel(d)
	if len(m.visible) < 3 {
		t.Fatalf("%d visible changes, want at least 3: %+v", len(m.visible), d.Changes)
	}
	if got := m.result(); got != compareNew {
		t.Errorf("nothing decided = %q, want the newer text", got)
	}
	m.decideAll(rejected)
	if got := m.result(); got != compareOld {
		t.Errorf("all rejected = %q, want the older text", got)
	}
	m.decideAll(accepted)
	if got := m.result(); got != compareNew {
		t.Errorf("all accepted = %q", got)
	}
	m.undo()
	m.undo()
	if acc, rej, pend := m.counts(); acc+rej != 0 || pend != len(m.visible) {
		t.Errorf("after undoing both: %d accepted %d rejected %d open", acc, rej, pend)
	}
	// Reject the first change only: the headline paragraph's edit stays old.
	m.current = 0
	m.decide(rejected)
	got := m.result()
	if !strings.Contains(got, "quick brown") || !strings.Contains(got, "Last line, changed.") {
		t.Errorf("rejecting the first change gave %q", got)
	}
	if m.current != 1 {
		t.Errorf("focus after deciding = %d, want the next change", m.current)
	}
}

func TestCompareInlineRowShowsBothSides(t *testing.T) {
	d := diff.Words(compareOld, compareNew, diff.Options{})
	m := newCompareModel(d)
	for _, row := range d.Rows {
		if row.Kind != diff.RowModified {
			continue
		}
		text, spans := m.inlineRow(row)
		if !strings.Contains(text, "quick brown") || !strings.Contains(text, "slow red") {
			continue
		}
		var struck, underlined []string
		for _, s := range spans {
			if s.Style.Strike {
				struck = append(struck, text[s.Start:s.End])
			}
			if s.Style.Underline {
				underlined = append(underlined, text[s.Start:s.End])
			}
		}
		if strings.Join(struck, "|") != "quick brown" || strings.Join(underlined, "|") != "slow red" {
			t.Errorf("inline %q: struck %q underlined %q", text, struck, underlined)
		}
		return
	}
	t.Fatalf("no modified row with the fox sentence: %+v", d.Rows)
}

func TestWorkspaceCompareAndApply(t *testing.T) {
	ws, store, _ := newTestWorkspace(t)
	ctx := context.Background()
	a, _, err := store.CreateArticle(ctx, editor.Article{Title: "Fox"}, compareOld, "r1", "w")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.AddRevision(ctx, a.ID, compareNew, "desk", "w"); err != nil {
		t.Fatal(err)
	}
	ws.library.reload()
	ws.openArticle(a.ID)
	ws.ShowCompare()
	if ws.mainTabs.SelectedIndex() != 2 {
		t.Fatal("compare tab not shown")
	}
	if got := ws.compare.from.Selected + " → " + ws.compare.to.Selected; got != "r1 · r1 → r2 · desk" {
		t.Errorf("compared %q, want r1 with r2", got)
	}
	if !strings.HasPrefix(ws.compare.counter.Text, "1 of ") {
		t.Errorf("counter = %q", ws.compare.counter.Text)
	}
	ws.compare.Decide(rejected) // keep "quick brown"
	ws.compare.DecideAll(accepted)
	ws.compare.Undo() // back to: first rejected, rest open
	if err := ws.ApplyMerge(ws.compare.model.result(), "merged r1+r2"); err != nil {
		t.Fatal(err)
	}
	rev, err := store.LatestRevision(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if rev.Number != 3 || rev.Label != "merged r1+r2" || !strings.Contains(rev.Text, "The quick brown fox") || !strings.Contains(rev.Text, "Last line, changed.") {
		t.Errorf("applied revision r%d %q: %q", rev.Number, rev.Label, rev.Text)
	}
	if ws.Text() != rev.Text || ws.mainTabs.SelectedIndex() != 0 {
		t.Errorf("editor shows %q after apply", ws.Text())
	}
}

// revisionPair10k returns a 10k-word article and a revision with about 5%
// of its words edited: replaced words, a deleted and an inserted sentence
// here and there, and a paragraph moved.
func revisionPair10k() (string, string) {
	old := longArticle(10000)
	paras := strings.Split(old, "\n")
	for i := range paras {
		words := strings.Fields(paras[i])
		for j := 3; j < len(words); j += 19 {
			words[j] = strings.ToUpper(words[j][:1]) + words[j][1:] + "s"
		}
		if i%7 == 3 {
			words = append(words, "A", "late", "sentence", "was", "added", "here.")
		}
		paras[i] = strings.Join(words, " ")
	}
	if len(paras) > 20 {
		moved := paras[10]
		paras = append(paras[:10], paras[11:]...)
		paras = append(paras[:18], append([]string{moved}, paras[18:]...)...)
	}
	return old, strings.Join(paras, "\n")
}

func BenchmarkDiffViewOpen10k(b *testing.B) {
	test.NewTempApp(b)
	old, nw := revisionPair10k()
	for b.Loop() {
		v := newCompareView(nil, nil)
		v.setDiff(diff.Words(old, nw, diff.Options{}))
		w := test.NewWindow(v.content)
		w.Resize(fyne.NewSize(1200, 800))
		w.Close()
	}
}

func BenchmarkDiffViewScroll10k(b *testing.B) {
	test.NewTempApp(b)
	old, nw := revisionPair10k()
	v := newCompareView(nil, nil)
	v.setDiff(diff.Words(old, nw, diff.Options{}))
	w := test.NewWindow(v.content)
	defer w.Close()
	w.Resize(fyne.NewSize(1200, 800))
	screen := v.list.Size().Height
	offset := float32(0)
	for b.Loop() {
		offset += screen
		if offset > 40*screen {
			offset = 0
		}
		v.list.ScrollToOffset(offset)
	}
}

func TestDiffViewScrollBuildsTheRowsInView(t *testing.T) {
	old, nw := revisionPair10k()
	v := newCompareView(nil, nil)
	v.setDiff(diff.Words(old, nw, diff.Options{}))
	w := test.NewTempWindow(t, v.content)
	w.Resize(fyne.NewSize(1200, 800))
	rowsInView := func() (lo, hi, n int) {
		lo = 1 << 30
		for _, o := range test.LaidOutObjects(v.list) {
			if r, ok := o.(*compareRow); ok && r.Visible() && r.row >= 0 {
				lo, hi, n = min(lo, r.row), max(hi, r.row), n+1
			}
		}
		return
	}
	lo0, _, n0 := rowsInView()
	if lo0 != 0 || n0 == 0 || n0 > 40 {
		t.Fatalf("at the top: rows from %d, %d built; want the first rows only", lo0, n0)
	}
	v.list.ScrollToOffset(10 * v.list.Size().Height)
	lo1, hi1, n1 := rowsInView()
	if lo1 <= 0 || n1 == 0 || n1 > 40 || hi1 >= len(v.model.diff.Rows) {
		t.Errorf("after scrolling ten screens: rows %d..%d (%d built)", lo1, hi1, n1)
	}
}

// TestCompareFactsOnly compares two revisions that differ by a figure, a
// dropped negation and two changes of wording: Facts only leaves the two
// fact changes, and clearing it brings back every change.
func TestCompareFactsOnly(t *testing.T) {
	ws, store, _ := newTestWorkspace(t)
	ctx := context.Background()
	r1 := "NATO Hands Over\nMr. Stoltenberg led the 32-member alliance for a decade. The allies would not send troops, officials said.\nThe talks were long and very difficult.\n"
	r2 := "NATO Hands Over\nMr. Stoltenberg led the 31-member alliance for a decade. The allies would send troops, officials said.\nThe talks were long and hard.\n"
	a, _, err := store.CreateArticle(ctx, editor.Article{Title: "NATO"}, r1, "r1", "w")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.AddRevision(ctx, a.ID, r2, "desk", "w"); err != nil {
		t.Fatal(err)
	}
	ws.library.reload()
	ws.openArticle(a.ID)
	ws.ShowCompare()
	all := len(ws.compare.model.visible)
	ws.compare.factsOnly.SetChecked(true)
	var shown []string
	for _, i := range ws.compare.model.visible {
		c := ws.compare.model.diff.Changes[i]
		shown = append(shown, c.OldText+"→"+c.NewText)
	}
	if len(shown) != 2 || all <= 2 {
		t.Errorf("Facts only shows %q of %d changes, want the figure and the negation", shown, all)
	}
	ws.compare.factsOnly.SetChecked(false)
	if got := len(ws.compare.model.visible); got != all {
		t.Errorf("clearing Facts only shows %d changes, want all %d", got, all)
	}
}
