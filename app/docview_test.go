package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	fynecontainer "fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// longArticle builds an article of about words words: a headline and
// paragraphs of varied length with quotes and attribution.
func longArticle(words int) string {
	sentences := []string{
		"The council voted 7-2 on Tuesday to approve the harbor budget after a long debate.",
		"“We cannot keep patching a system that was built for half as many people,” the mayor said.",
		"Opponents argued that the plan would raise fees for small businesses along the waterfront.",
		"According to the port’s filings, dredging costs rose 12 percent last year.",
		"Ms. Marsh said the work was on schedule.",
	}
	var b strings.Builder
	b.WriteString("Council Approves Harbor Budget After Long Debate\n")
	n := 8
	for i := 0; n < words; i++ {
		s := sentences[i%len(sentences)]
		b.WriteString(s)
		n += len(strings.Fields(s))
		if i%4 == 3 {
			b.WriteByte('\n')
		} else {
			b.WriteByte(' ')
		}
	}
	return strings.TrimSpace(b.String())
}

func TestReadOnlyViewBuildsOnlyVisibleRows(t *testing.T) {
	text := longArticle(10000)
	v := newReadOnlyView(text)
	w := test.NewTempWindow(t, v)
	w.Resize(fyne.NewSize(1200, 800))
	paras := strings.Count(text, "\n") + 1
	rows := 0
	for _, o := range test.LaidOutObjects(v) {
		if _, ok := o.(*styledParagraph); ok {
			rows++
		}
	}
	if rows == 0 || rows > 40 {
		t.Errorf("%d paragraph rows built for %d paragraphs, want only those in view", rows, paras)
	}
	lay := layoutParagraph(strings.Split(text, "\n")[1], nil, v.width-2*paragraphInset, v.m)
	if len(lay.Lines) < 2 {
		t.Errorf("a long paragraph laid out on %d line(s) at %v wide", len(lay.Lines), v.width)
	}
}

func BenchmarkReadOnlyViewOpen10k(b *testing.B) {
	test.NewTempApp(b)
	text := longArticle(10000)
	for b.Loop() {
		v := newReadOnlyView(text)
		w := test.NewWindow(v)
		w.Resize(fyne.NewSize(1200, 800))
		w.Close()
	}
}

func BenchmarkStockLabelOpen10k(b *testing.B) {
	test.NewTempApp(b)
	text := longArticle(10000)
	for b.Loop() {
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		w := test.NewWindow(containerScroll(l))
		w.Resize(fyne.NewSize(1200, 800))
		w.Close()
	}
}

func containerScroll(o fyne.CanvasObject) fyne.CanvasObject { return fynecontainer.NewVScroll(o) }

// TestRowHeightsPrefixSums checks the Fenwick tree against adding the
// heights up row by row, after changes, for every offset of interest.
func TestRowHeightsPrefixSums(t *testing.T) {
	const pad = 4
	hs := []float32{20, 40, 20, 60, 20, 20, 100, 20, 40, 20, 20}
	var r rowHeights
	r.reset(len(hs), func(i int) (float32, bool) { return hs[i], false }, pad)
	check := func(when string) {
		t.Helper()
		y := float32(0)
		for i, h := range hs {
			if got := r.top(i, pad); got != y {
				t.Errorf("%s: top(%d) = %v, want %v", when, i, got, y)
			}
			for _, at := range []float32{y, y + h/2, y + h + pad - 0.5} {
				if got := r.rowAt(at, pad); got != i {
					t.Errorf("%s: rowAt(%v) = %d, want %d", when, at, got, i)
				}
			}
			y += h + pad
		}
		if got, want := r.total(pad), y-pad; got != want {
			t.Errorf("%s: total = %v, want %v", when, got, want)
		}
		if got := r.rowAt(y+1000, pad); got != len(hs)-1 {
			t.Errorf("%s: rowAt past the end = %d, want the last row", when, got)
		}
	}
	check("built")
	for i, h := range map[int]float32{0: 80, 5: 20, 10: 200, 3: 20} {
		hs[i] = h
		r.set(i, h, true)
	}
	check("after changes")
}

// TestEditorMeasuresOnlyRowsInView opens a 100,000-word article: only the
// paragraphs on screen are laid out, the rest estimated, and moving to the
// end lays out the rows there and shows the caret's paragraph.
func TestEditorMeasuresOnlyRowsInView(t *testing.T) {
	test.NewTempApp(t)
	ed, _ := newTestEditor(t, longArticle(100000))
	measured := func() int {
		n := 0
		for _, ok := range ed.view.heights.exact {
			if ok {
				n++
			}
		}
		return n
	}
	paras := ed.buf.Paragraphs()
	if n := measured(); n == 0 || n > 40 {
		t.Errorf("%d of %d paragraphs laid out on opening, want only those in view", n, paras)
	}
	last := paras - 1
	ed.moveCaret(editor.Pos{Para: last, Off: len(ed.buf.Paragraph(last))}, false)
	if _, ok := ed.view.shown[last]; !ok {
		t.Errorf("the last paragraph is not shown after moving the caret to it")
	}
	if n := measured(); n > 80 {
		t.Errorf("%d of %d paragraphs laid out after moving to the end, want those in view", n, paras)
	}
	off, view := ed.view.scroll.Offset.Y, ed.view.scroll.Size().Height
	if top := ed.view.heights.top(last, ed.view.pad()); top < off || top >= off+view {
		t.Errorf("last paragraph at %v, outside the view [%v, %v)", top, off, off+view)
	}
}

// TestEditorResizeKeepsTopParagraph: a new width lays rows out again (and
// estimates those not in view afresh); the paragraph at the top of the
// view stays there.
func TestEditorResizeKeepsTopParagraph(t *testing.T) {
	test.NewTempApp(t)
	ed, w := newTestEditor(t, longArticle(10000))
	const para = 60
	ed.view.ScrollToOffset(ed.view.heights.top(para, ed.view.pad()))
	for _, width := range []float32{900, 450, 600} {
		w.Resize(fyne.NewSize(width, 400))
		if got := ed.view.heights.rowAt(ed.view.scroll.Offset.Y, ed.view.pad()); got != para {
			t.Errorf("at width %v the view's top paragraph is %d, want %d", width, got, para)
		}
		if _, ok := ed.view.shown[para]; !ok {
			t.Errorf("at width %v paragraph %d is not shown", width, para)
		}
	}
}
