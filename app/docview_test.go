package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	fynecontainer "fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
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
