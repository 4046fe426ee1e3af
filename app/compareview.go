package app

import (
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
	"copydesk/editor/diff"
)

// decision is what the editor made of one change.
type decision int8

const (
	pending decision = iota
	accepted
	rejected
)

// Colours of the comparison, defined by quietListTheme.
const (
	colorDeleteTint fyne.ThemeColorName = "copydesk-delete-tint"
	colorInsertTint fyne.ThemeColorName = "copydesk-insert-tint"
	colorDecided    fyne.ThemeColorName = "copydesk-decided"
)

// compareModel is a word diff with the editor's decisions on its changes
// and the change in focus; it holds no widgets.
type compareModel struct {
	diff      *diff.Diff
	decisions []decision
	history   [][]decision // decisions before each accept or reject, for undo
	visible   []int        // indexes of the changes shown, in reading order
	current   int          // position in visible; -1 when there are none
	rowOf     []int        // row of each change
}

func newCompareModel(d *diff.Diff) *compareModel {
	m := &compareModel{diff: d, decisions: make([]decision, len(d.Changes)), rowOf: make([]int, len(d.Changes))}
	for ri, r := range d.Rows {
		for _, ci := range r.Changes {
			m.rowOf[ci] = ri
		}
	}
	for _, c := range d.Changes {
		if !d.Hidden(c) {
			m.visible = append(m.visible, c.Index)
		}
	}
	m.current = -1
	if len(m.visible) > 0 {
		m.current = 0
	}
	return m
}

// currentChange returns the index of the change in focus, -1 if none.
func (m *compareModel) currentChange() int {
	if m.current < 0 {
		return -1
	}
	return m.visible[m.current]
}

// step moves the focus to the next (+1) or previous (-1) change.
func (m *compareModel) step(dir int) {
	if len(m.visible) == 0 {
		return
	}
	m.current = (m.current + dir + len(m.visible)) % len(m.visible)
}

func (m *compareModel) remember() {
	m.history = append(m.history, append([]decision(nil), m.decisions...))
}

// decide records a decision on the change in focus and moves to the next
// undecided one.
func (m *compareModel) decide(d decision) {
	ci := m.currentChange()
	if ci < 0 {
		return
	}
	m.remember()
	m.decisions[ci] = d
	for range m.visible {
		m.step(1)
		if m.decisions[m.currentChange()] == pending {
			return
		}
	}
}

// decideAll records one decision on every change.
func (m *compareModel) decideAll(d decision) {
	m.remember()
	for i := range m.decisions {
		m.decisions[i] = d
	}
}

// undo takes back the last decision; false when there is none.
func (m *compareModel) undo() bool {
	if len(m.history) == 0 {
		return false
	}
	m.decisions = m.history[len(m.history)-1]
	m.history = m.history[:len(m.history)-1]
	return true
}

// counts returns how many shown changes are accepted, rejected, pending.
func (m *compareModel) counts() (acc, rej, pend int) {
	for _, ci := range m.visible {
		switch m.decisions[ci] {
		case accepted:
			acc++
		case rejected:
			rej++
		default:
			pend++
		}
	}
	return
}

// result is the text with the decisions applied. Changes still pending
// are taken as in the newer revision, and so are hidden typography-only
// changes.
func (m *compareModel) result() string {
	return m.diff.Apply(func(c diff.Change) bool { return m.decisions[c.Index] != rejected })
}

// sideSpans returns the styles for paragraph span para of one side.
func (m *compareModel) sideSpans(row diff.Row, para editor.Span, old bool) []styledSpan {
	var spans []styledSpan
	cur := m.currentChange()
	for _, ci := range row.Changes {
		c := m.diff.Changes[ci]
		if m.diff.Hidden(c) {
			continue
		}
		s := c.New
		if old {
			s = c.Old
		}
		a, b := max(s.Start, para.Start), min(s.End, para.End)
		if a >= b {
			continue
		}
		spans = append(spans, styledSpan{Start: a - para.Start, End: b - para.Start, Style: m.changeStyle(c, old, ci == cur)})
	}
	return spans
}

// changeStyle is how a change is drawn on one side: deletions struck
// through, insertions underlined (a cue that does not depend on colour),
// tinted red and green while pending; a decided change shows what stays.
func (m *compareModel) changeStyle(c diff.Change, old, current bool) spanStyle {
	var st spanStyle
	d := m.decisions[c.Index]
	switch {
	case old && d == pending:
		st = spanStyle{Strike: true, Background: colorDeleteTint}
	case old && d == accepted:
		st = spanStyle{Strike: true, Color: theme.ColorNameDisabled}
	case old && d == rejected:
		st = spanStyle{Background: colorDecided}
	case !old && d == pending:
		st = spanStyle{Underline: true, Background: colorInsertTint}
	case !old && d == accepted:
		st = spanStyle{Underline: true, Background: colorDecided}
	default: // new side, rejected
		st = spanStyle{Strike: true, Color: theme.ColorNameDisabled}
	}
	if c.Kind == diff.ChangeMove {
		st.Italic = true
	}
	if current {
		st.Background = theme.ColorNameSelection
	}
	return st
}

// rowMark is the symbol in a row's gutter.
func rowMark(k diff.RowKind) string {
	switch k {
	case diff.RowModified:
		return "±"
	case diff.RowInserted:
		return "+"
	case diff.RowDeleted:
		return "−"
	case diff.RowMoved:
		return "⇅"
	case diff.RowSplit, diff.RowMerged:
		return "⤨"
	}
	return ""
}

// inlineRow builds the redline of a row: the newer text with deleted text
// put back, struck through, before the place it was removed from. Line
// breaks inside a row show as spaces.
func (m *compareModel) inlineRow(row diff.Row) (string, []styledSpan) {
	d := m.diff
	cur := m.currentChange()
	if len(row.New) == 0 { // deleted, or the old place of a moved paragraph
		old := editor.Span{Start: d.OldParagraphs[row.Old[0]].Start, End: d.OldParagraphs[row.Old[len(row.Old)-1]].End}
		text := strings.ReplaceAll(d.Old[old.Start:old.End], "\n", " ")
		var spans []styledSpan
		for _, ci := range row.Changes {
			c := d.Changes[ci]
			if a, b := max(c.Old.Start, old.Start), min(c.Old.End, old.End); a < b && !d.Hidden(c) {
				spans = append(spans, styledSpan{Start: a - old.Start, End: b - old.Start, Style: m.changeStyle(c, true, ci == cur)})
			}
		}
		return text, spans
	}
	nw := editor.Span{Start: d.NewParagraphs[row.New[0]].Start, End: d.NewParagraphs[row.New[len(row.New)-1]].End}
	base := d.New[nw.Start:nw.End]
	type insertion struct {
		at, ci int // offset in base; change
	}
	var ins []insertion
	for _, ci := range row.Changes {
		c := d.Changes[ci]
		if !d.Hidden(c) && c.OldText != "" && c.Kind != diff.ChangeMove && c.New.Start >= nw.Start && c.New.Start <= nw.End {
			ins = append(ins, insertion{c.New.Start - nw.Start, ci})
		}
	}
	sort.SliceStable(ins, func(i, j int) bool { return ins[i].at < ins[j].at })
	// out maps an offset in base to the output, counting the deleted text
	// put back before it (inclusive: deletions go before insertions).
	out := func(off int, inclusive bool) int {
		n := off
		for _, in := range ins {
			if in.at < off || inclusive && in.at == off {
				n += len(d.Changes[in.ci].OldText)
			}
		}
		return n
	}
	var b strings.Builder
	var spans []styledSpan
	prev := 0
	for _, in := range ins {
		b.WriteString(base[prev:in.at])
		start := b.Len()
		b.WriteString(d.Changes[in.ci].OldText)
		spans = append(spans, styledSpan{Start: start, End: b.Len(), Style: m.changeStyle(d.Changes[in.ci], true, in.ci == cur)})
		prev = in.at
	}
	b.WriteString(base[prev:])
	for _, ci := range row.Changes {
		c := d.Changes[ci]
		if d.Hidden(c) || c.New.Empty() || c.New.Start < nw.Start || c.New.End > nw.End {
			continue
		}
		a, e := c.New.Start-nw.Start, c.New.End-nw.Start
		spans = append(spans, styledSpan{Start: out(a, true), End: out(e, false), Style: m.changeStyle(c, false, ci == cur)})
	}
	return strings.ReplaceAll(b.String(), "\n", " "), spans
}

// compareRow draws one row of the comparison: a gutter mark and the old
// and new paragraphs side by side, or the redline in inline mode.
type compareRow struct {
	widget.BaseWidget
	view  *compareView
	row   int
	mark  *canvas.Text
	left  []*styledParagraph
	right []*styledParagraph
}

const compareGutter = 28

func newCompareRow(v *compareView) *compareRow {
	r := &compareRow{view: v, row: -1, mark: canvas.NewText("", theme.Color(theme.ColorNameForeground))}
	r.mark.TextStyle.Bold = true
	r.ExtendBaseWidget(r)
	return r
}

func (r *compareRow) paragraphs(n int, side *[]*styledParagraph) []*styledParagraph {
	for len(*side) < n {
		*side = append(*side, newStyledParagraph(r.view.list.m))
	}
	return (*side)[:n]
}

// show fills the row with row i of the diff.
func (r *compareRow) show(i int) {
	r.row = i
	v := r.view
	row := v.model.diff.Rows[i]
	r.mark.Text = rowMark(row.Kind)
	r.mark.Color = theme.Color(theme.ColorNameForeground)
	r.mark.Refresh()
	if v.inline {
		text, spans := v.model.inlineRow(row)
		ps := r.paragraphs(1, &r.left)
		ps[0].Set(text, spans)
		r.right = r.right[:0]
	} else {
		d := v.model.diff
		for _, side := range []struct {
			paras []int
			spans []editor.Span
			text  string
			old   bool
			out   *[]*styledParagraph
		}{{row.Old, d.OldParagraphs, d.Old, true, &r.left}, {row.New, d.NewParagraphs, d.New, false, &r.right}} {
			ps := r.paragraphs(len(side.paras), side.out)
			for k, pi := range side.paras {
				sp := side.spans[pi]
				ps[k].Set(side.text[sp.Start:sp.End], v.model.sideSpans(row, sp, side.old))
			}
			*side.out = ps
		}
	}
	r.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (r *compareRow) CreateRenderer() fyne.WidgetRenderer { return &compareRowRenderer{r: r} }

type compareRowRenderer struct {
	r       *compareRow
	objects []fyne.CanvasObject
}

func (rr *compareRowRenderer) Layout(size fyne.Size) {
	r := rr.r
	gap := theme.Padding()
	r.mark.Move(fyne.NewPos(8, 0))
	r.mark.Resize(fyne.NewSize(compareGutter-8, r.view.list.m.lineHeight()))
	colW := (size.Width - compareGutter) / 2
	if r.view.inline {
		colW = size.Width - compareGutter
	}
	place := func(ps []*styledParagraph, x float32) {
		y := float32(0)
		for _, p := range ps {
			h := p.layoutFor(colW).Height()
			p.Move(fyne.NewPos(x, y))
			p.Resize(fyne.NewSize(colW, h))
			y += h + gap
		}
	}
	place(r.left, compareGutter)
	place(r.right, compareGutter+colW)
}

func (rr *compareRowRenderer) MinSize() fyne.Size {
	return fyne.NewSize(2*compareGutter, rr.r.view.list.m.lineHeight())
}

func (rr *compareRowRenderer) Refresh() {
	rr.objects = rr.objects[:0]
	rr.objects = append(rr.objects, rr.r.mark)
	for _, p := range rr.r.left {
		rr.objects = append(rr.objects, p)
	}
	for _, p := range rr.r.right {
		rr.objects = append(rr.objects, p)
	}
	rr.Layout(rr.r.Size())
	canvas.Refresh(rr.r)
}

func (rr *compareRowRenderer) Objects() []fyne.CanvasObject { return rr.objects }
func (rr *compareRowRenderer) Destroy()                     {}

// rowHeight is the height of row i at width: the taller side.
func (v *compareView) rowHeight(i int, width float32) float32 {
	d := v.model.diff
	row := d.Rows[i]
	gap := theme.Padding()
	colW := (width - compareGutter) / 2
	if v.inline {
		text, spans := v.model.inlineRow(row)
		return layoutParagraph(text, spans, width-compareGutter-2*paragraphInset, v.list.m).Height()
	}
	side := func(paras []int, spans []editor.Span, text string, old bool) float32 {
		h := float32(0)
		for k, pi := range paras {
			sp := spans[pi]
			if k > 0 {
				h += gap
			}
			h += layoutParagraph(text[sp.Start:sp.End], v.model.sideSpans(row, sp, old), colW-2*paragraphInset, v.list.m).Height()
		}
		return h
	}
	return max(side(row.Old, d.OldParagraphs, d.Old, true), side(row.New, d.NewParagraphs, d.New, false), v.list.m.lineHeight())
}

// String describes the position for the counter: "12 of 40".
func (m *compareModel) position() string {
	if len(m.visible) == 0 {
		return "no changes"
	}
	return fmt.Sprintf("%d of %d", m.current+1, len(m.visible))
}

// compareView compares two revisions side by side (or as one redline),
// lets the editor step through the changes and accept or reject each,
// and applies the result as a new revision.
type compareView struct {
	model  *compareModel
	list   *docView
	inline bool

	from, to     *widget.Select
	counter      *statusLabel
	summary      *statusLabel
	hideTypo     *widget.Check
	factsOnly    *widget.Check
	inlineToggle *widget.Check
	prev, next   *tipButton
	accept       *tipButton
	reject       *tipButton
	undo         *tipButton
	apply        *widget.Button
	empty        *widget.Label

	onPick  func(from, to int) // revision numbers; 0 is the working copy
	onApply func(text, label string)
	choices []int // revision numbers offered, 0 for the working copy

	content fyne.CanvasObject
}

func newCompareView(onPick func(from, to int), onApply func(text, label string)) *compareView {
	v := &compareView{onPick: onPick, onApply: onApply}
	v.model = newCompareModel(diff.Words("", "", diff.Options{}))
	v.list = newDocView(func() int { return len(v.model.diff.Rows) }, nil)
	v.list.heightOf = v.rowHeight
	v.list.CreateItem = func() fyne.CanvasObject { return newCompareRow(v) }
	v.list.UpdateItem = func(i widget.ListItemID, o fyne.CanvasObject) { o.(*compareRow).show(i) }
	v.from = widget.NewSelect(nil, func(string) { v.picked() })
	v.to = widget.NewSelect(nil, func(string) { v.picked() })
	v.counter = newStatusLabel(fyne.TextAlignLeading)
	v.summary = newStatusLabel(fyne.TextAlignLeading)
	v.hideTypo = widget.NewCheck("Hide typography", func(bool) { v.picked() })
	v.factsOnly = widget.NewCheck("Facts only", func(bool) { v.picked() })
	v.inlineToggle = widget.NewCheck("Inline", func(on bool) { v.inline = on; v.list.Reload() })
	v.prev = newTipButton("", theme.MoveUpIcon(), "Previous change (Alt+Up)", func() { v.Step(-1) })
	v.next = newTipButton("", theme.MoveDownIcon(), "Next change (Alt+Down)", func() { v.Step(1) })
	v.accept = newTipButton("Accept", theme.ConfirmIcon(), "Accept this change (Alt+A)", func() { v.Decide(accepted) })
	v.reject = newTipButton("Reject", theme.CancelIcon(), "Reject this change (Alt+R)", func() { v.Decide(rejected) })
	v.undo = newTipButton("", theme.ContentUndoIcon(), "Undo the last accept or reject", v.Undo)
	acceptAll := widget.NewButton("Accept All", func() { v.DecideAll(accepted) })
	rejectAll := widget.NewButton("Reject All", func() { v.DecideAll(rejected) })
	v.apply = widget.NewButtonWithIcon("Apply…", theme.DocumentSaveIcon(), v.onApplyTapped)
	v.apply.Importance = widget.HighImportance
	v.empty = widget.NewLabel("")
	v.empty.Hide()
	// Four short rows rather than two long ones, so the pane fits a
	// 1024-pixel screen beside the library and the notes.
	pickers := container.NewBorder(nil, nil, widget.NewLabel("Compare"), nil,
		container.NewGridWithColumns(2, v.from, container.NewBorder(nil, nil, widget.NewLabel("with"), nil, v.to)))
	options := container.NewHBox(v.hideTypo, v.factsOnly, v.inlineToggle, layout.NewSpacer(), v.apply)
	actions := container.NewHBox(v.prev, v.next, v.accept, v.reject, acceptAll, rejectAll, v.undo)
	v.counter.TextStyle.Bold = true
	counts := container.New(statusLayout{shares: []float32{0.5, 0.5}}, v.counter, v.summary)
	header := container.NewVBox(pickers, options, actions, counts, v.empty)
	v.content = container.NewBorder(header, nil, nil, nil, container.NewThemeOverride(v.list, quietListTheme{}))
	v.prev.Importance = widget.LowImportance
	v.next.Importance = widget.LowImportance
	v.undo.Importance = widget.LowImportance
	return v
}

// setChoices offers revisions (newest last) and the working copy.
func (v *compareView) setChoices(revisions []editor.Revision, hasWorkingCopy bool, from, to int) {
	v.choices = v.choices[:0]
	var names []string
	for _, r := range revisions {
		v.choices = append(v.choices, r.Number)
		names = append(names, revisionChoice(r))
	}
	if hasWorkingCopy {
		v.choices = append(v.choices, 0)
		names = append(names, "working copy")
	}
	v.from.Options, v.to.Options = names, names
	v.selectChoice(v.from, from)
	v.selectChoice(v.to, to)
	v.from.Refresh()
	v.to.Refresh()
}

func revisionChoice(r editor.Revision) string {
	if r.Label != "" {
		return fmt.Sprintf("r%d · %s", r.Number, r.Label)
	}
	return fmt.Sprintf("r%d", r.Number)
}

func (v *compareView) selectChoice(s *widget.Select, number int) {
	for i, n := range v.choices {
		if n == number {
			s.OnChanged, s.Selected = nil, s.Options[i]
			s.OnChanged = func(string) { v.picked() }
			return
		}
	}
}

func (v *compareView) chosen(s *widget.Select) (int, bool) {
	i := s.SelectedIndex()
	if i < 0 || i >= len(v.choices) {
		return 0, false
	}
	return v.choices[i], true
}

func (v *compareView) picked() {
	from, ok1 := v.chosen(v.from)
	to, ok2 := v.chosen(v.to)
	if ok1 && ok2 && v.onPick != nil {
		v.onPick(from, to)
	}
}

// options returns the diff options the controls ask for.
func (v *compareView) options() diff.Options {
	return diff.Options{HideTypography: v.hideTypo.Checked}
}

// setDiff shows a new comparison.
func (v *compareView) setDiff(d *diff.Diff) {
	v.model = newCompareModel(d)
	v.list.Reload()
	v.list.ScrollToTop()
	st := d.Stats
	v.summary.SetText(fmt.Sprintf("+%d words · −%d words · %d paragraphs changed", st.InsertedWords, st.DeletedWords, st.ChangedParagraphs))
	if len(v.model.visible) == 0 {
		v.empty.SetText("The two versions are the same.")
		switch {
		case d.Options.Only != nil && len(d.Changes) > 0:
			v.empty.SetText("No figure, name, negation or hedge changed outside quotation marks; clear Facts only to see every change.")
		case d.Options.HideTypography && len(d.Changes) > 0:
			v.empty.SetText("Only spacing and typography changed; clear Hide typography to see them.")
		}
		v.empty.Show()
	} else {
		v.empty.Hide()
	}
	v.updateControls()
}

func (v *compareView) updateControls() {
	acc, rej, pend := v.model.counts()
	v.counter.SetText(fmt.Sprintf("%s · %d accepted · %d rejected · %d open", v.model.position(), acc, rej, pend))
	has := v.model.currentChange() >= 0
	for _, b := range []*tipButton{v.prev, v.next, v.accept, v.reject} {
		if has {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	if len(v.model.history) > 0 {
		v.undo.Enable()
	} else {
		v.undo.Disable()
	}
}

// redraw refreshes the rows after decisions or focus changed.
func (v *compareView) redraw() {
	v.list.Reload()
	v.updateControls()
}

// Step moves to the next (+1) or previous (-1) change and scrolls to it.
func (v *compareView) Step(dir int) {
	v.model.step(dir)
	v.redraw()
	v.scrollToCurrent()
}

func (v *compareView) scrollToCurrent() {
	if ci := v.model.currentChange(); ci >= 0 {
		v.list.ScrollTo(v.model.rowOf[ci])
	}
}

// Decide accepts or rejects the change in focus and moves on.
func (v *compareView) Decide(d decision) {
	v.model.decide(d)
	v.redraw()
	v.scrollToCurrent()
}

// DecideAll accepts or rejects every change.
func (v *compareView) DecideAll(d decision) {
	v.model.decideAll(d)
	v.redraw()
}

// Undo takes back the last accept or reject.
func (v *compareView) Undo() {
	if v.model.undo() {
		v.redraw()
	}
}

func (v *compareView) onApplyTapped() {
	from, _ := v.chosen(v.from)
	to, _ := v.chosen(v.to)
	label := fmt.Sprintf("merged %s+%s", choiceName(from), choiceName(to))
	if v.onApply != nil {
		v.onApply(v.model.result(), label)
	}
}

func choiceName(n int) string {
	if n == 0 {
		return "working copy"
	}
	return fmt.Sprintf("r%d", n)
}
