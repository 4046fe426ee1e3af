package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
	"copydesk/editor/source"
)

// noteRow is one row of the notes panel: a group header, a finding from
// the checks, or a note kept in the database.
type noteRow struct {
	header  string
	finding *editor.Finding
	note    *editor.Note
	exact   string // the words the finding or note points at
	fixed   string // for a note whose finding is gone, what to say
}

// notesPanel lists the checks' findings on the open article, grouped by
// severity, and the notes kept with it; the selected row is shown in full
// below the list.
type notesPanel struct {
	list       *widget.List
	status     *widget.Select // which notes to list
	severity   *widget.Select
	actions    *fyne.Container // buttons for the selected row
	actionsFor func(noteRow) []fyne.CanvasObject
	onNewNote  func()
	// onResolveFixed resolves the notes in fixed.
	onResolveFixed func()
	// The data shown, kept to filter again without a new review.
	text     string
	findings []editor.Finding
	notes    []editor.Note
	// fixed holds the open notes whose finding the checks no longer
	// raise, by ID, with the revision it was fixed in (0 if unknown).
	fixed map[int64]int
	// measure is a row laid out off screen to learn each row's height at
	// heightsWidth; heights caches them by what the row shows.
	measure      *fyne.Container
	heightsWidth float32
	heights      map[string]float32
	// exact marks the rows whose height was measured, not estimated, at
	// heightsWidth.
	exact map[int]bool
	// calib holds what estimating a row's height needs at heightsWidth.
	calib        rowCalibration
	fixedSummary *widget.Label
	resolveFixed *widget.Button
	fixedBar     *fyne.Container // the summary and resolveFixed
	detail       *widget.Label
	related      *fyne.Container // the source passage beside the draft words
	m            *measurer
	empty        *widget.Label
	rows         []noteRow
	onSelect     func(noteRow)
	// threadOf says what the thread under a note holds, for the detail
	// of the selected note.
	threadOf func(noteID int64) string
	selected int
	// restoring is set while render selects again the row that was
	// selected before: the detail is shown again, but the editor's
	// selection and focus stay where the editor left them.
	restoring bool
	content   fyne.CanvasObject
}

func newNotesPanel(onSelect func(noteRow)) *notesPanel {
	p := &notesPanel{onSelect: onSelect}
	p.list = widget.NewList(
		func() int { return len(p.rows) },
		newNoteRowObject,
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= 0 && i < len(p.rows) {
				updateNoteRow(p.rows[i], o.(*fyne.Container))
			}
		},
	)
	p.measure = newNoteRowObject().(*fyne.Container)
	p.list.OnSelected = func(i widget.ListItemID) {
		if i < 0 || i >= len(p.rows) {
			return
		}
		p.selected = i
		row := p.rows[i]
		if p.exact != nil && !p.exact[i] && p.heightsWidth > 0 {
			p.exact[i] = true
			p.list.SetItemHeight(i, p.rowHeight(row, p.heightsWidth))
		}
		if row.header != "" {
			p.list.Unselect(i)
			return
		}
		d := rowDetail(row)
		if row.note != nil && p.threadOf != nil {
			if t := p.threadOf(row.note.ID); t != "" {
				d += "\n" + t
			}
		}
		p.detail.SetText(d)
		p.showRelated(row)
		p.showActions(row)
		if p.onSelect != nil && !p.restoring {
			p.onSelect(row)
		}
	}
	p.detail = widget.NewLabel("")
	p.detail.Wrapping = fyne.TextWrapWord
	p.empty = widget.NewLabel("Nothing to show with these filters.")
	p.empty.Wrapping = fyne.TextWrapWord
	p.empty.Hide()
	p.m = newMeasurer(theme.TextSize())
	p.related = container.NewVBox()
	p.actions = container.NewVBox()
	p.status = widget.NewSelect([]string{filterOpen, filterResolved, filterDismissed, filterAll}, func(string) { p.render() })
	p.status.Selected = filterOpen
	p.severity = widget.NewSelect([]string{filterAnySeverity, filterWarnings, filterInfo, filterComments}, func(string) { p.render() })
	p.severity.Selected = filterAnySeverity
	newNote := widget.NewButtonWithIcon("Note", theme.ContentAddIcon(), func() {
		if p.onNewNote != nil {
			p.onNewNote()
		}
	})
	filters := container.NewBorder(nil, nil, nil, newNote, container.NewGridWithColumns(2, p.status, p.severity))
	p.fixedSummary = widget.NewLabel("")
	p.fixedSummary.Truncation = fyne.TextTruncateEllipsis
	p.resolveFixed = widget.NewButtonWithIcon("Resolve fixed notes", theme.ConfirmIcon(), func() {
		if p.onResolveFixed != nil {
			p.onResolveFixed()
		}
	})
	p.fixedBar = container.NewBorder(nil, nil, nil, p.resolveFixed, p.fixedSummary)
	p.fixedBar.Hide()
	list := container.New(rowWidthLayout{p}, p.list, container.NewVBox(p.empty))
	p.content = container.NewBorder(container.NewVBox(filters, p.fixedBar), container.NewVBox(p.detail, p.actions, p.related), nil, nil, list)
	return p
}

// Choices of the notes filters.
const (
	filterOpen        = "Open"
	filterResolved    = "Resolved"
	filterDismissed   = "Dismissed"
	filterAll         = "All"
	filterAnySeverity = "Any kind"
	filterWarnings    = "Warnings"
	filterInfo        = "Style and info"
	filterComments    = "Comments"
)

// keeps reports whether the filters let a finding (f) or note (n) through.
func (p *notesPanel) keeps(f *editor.Finding, n *editor.Note) bool {
	status := editor.NoteOpen
	sev, check := editor.Info, ""
	if f != nil {
		sev, check = f.Severity, f.Check
	} else {
		status, sev, check = n.Status, n.Severity, n.Check
	}
	switch p.status.Selected {
	case filterOpen:
		if status != editor.NoteOpen {
			return false
		}
	case filterResolved:
		if status != editor.NoteResolved {
			return false
		}
	case filterDismissed:
		if status != editor.NoteDismissed {
			return false
		}
	}
	switch p.severity.Selected {
	case filterWarnings:
		return sev >= editor.Warning
	case filterInfo:
		return sev == editor.Info && check != ""
	case filterComments:
		return check == ""
	}
	return true
}

// showActions offers what can be done with the selected row.
func (p *notesPanel) showActions(row noteRow) {
	p.actions.RemoveAll()
	if p.actionsFor == nil {
		return
	}
	// Two buttons to a row, so the buttons never make the pane wider
	// than the list needs and the split does not move as rows are
	// selected.
	objs := p.actionsFor(row)
	for i := 0; i < len(objs); i += 2 {
		p.actions.Add(container.NewHBox(objs[i:min(i+2, len(objs))]...))
	}
}

// items returns the rows that can be stepped through (not headers).
func (p *notesPanel) items() []int {
	var out []int
	for i, r := range p.rows {
		if r.header == "" {
			out = append(out, i)
		}
	}
	return out
}

// step selects the next (+1) or previous (-1) item after the selected one.
func (p *notesPanel) step(dir int) {
	items := p.items()
	if len(items) == 0 {
		return
	}
	at := -1
	for k, i := range items {
		if i == p.selected {
			at = k
		}
	}
	switch {
	case at < 0 && dir > 0:
		at = 0
	case at < 0:
		at = len(items) - 1
	default:
		at = (at + dir + len(items)) % len(items)
	}
	p.list.Select(items[at])
	p.list.ScrollTo(items[at])
}

// newNoteRowObject makes the widgets of one row of the notes list: the
// severity icon, the message wrapped on as many lines as it needs, the
// noted words on one line, and the line saying a note's finding is gone.
func newNoteRowObject() fyne.CanvasObject {
	icon := widget.NewIcon(theme.InfoIcon())
	msg := widget.NewLabel("Message")
	msg.Wrapping = fyne.TextWrapWord
	quote := widget.NewLabel("quoted text")
	quote.TextStyle.Italic = true
	quote.SizeName = theme.SizeNameCaptionText
	quote.Truncation = fyne.TextTruncateEllipsis
	fixed := widget.NewLabel("fixed in r1 — resolve?")
	fixed.SizeName = theme.SizeNameCaptionText
	fixed.Importance = widget.SuccessImportance
	fixed.TextStyle.Bold = true
	fixed.Truncation = fyne.TextTruncateEllipsis
	fixed.Hide()
	return container.NewBorder(nil, nil, icon, nil, container.NewVBox(msg, quote, fixed))
}

func updateNoteRow(row noteRow, box *fyne.Container) {
	body := box.Objects[0].(*fyne.Container)
	icon := box.Objects[1].(*widget.Icon)
	msg := body.Objects[0].(*widget.Label)
	quote := body.Objects[1].(*widget.Label)
	fixed := body.Objects[2].(*widget.Label)
	// Which parts show, and how many lines the message takes, change from
	// row to row; the list lays out again only a row whose size changed.
	defer func() {
		box.Layout.Layout(box.Objects, box.Size())
		body.Layout.Layout(body.Objects, body.Size())
	}()
	fixed.Hidden = row.fixed == ""
	fixed.SetText(row.fixed + " — resolve?")
	if row.header != "" {
		icon.Hidden, quote.Hidden = true, true
		msg.TextStyle.Bold = true
		msg.SetText(row.header)
		return
	}
	icon.Hidden, quote.Hidden = false, false
	msg.TextStyle.Bold = false
	switch {
	case row.finding != nil:
		icon.SetResource(severityIcon(row.finding.Severity))
		msg.SetText(row.finding.Message)
	case row.note != nil:
		icon.SetResource(severityIcon(row.note.Severity))
		msg.SetText(noteHeadline(*row.note))
	}
	quote.SetText(quoted(row.exact))
}

func rowDetail(row noteRow) string {
	switch {
	case row.finding != nil:
		d := fmt.Sprintf("%s (%s, %s)\n%s", row.finding.Message, row.finding.Severity, row.finding.Check, quoted(row.exact))
		if row.finding.Why != "" {
			// The rule that decided, so an editor can judge the warning.
			d += "\nWhy this was flagged: " + row.finding.Why + "."
		}
		if fx := row.finding.Fix; fx != nil {
			d += "\nSuggested fix: " + fx.Message + fixPreview(*fx) + " — press F6 to apply it, Ctrl+Z to undo."
		}
		return d
	case row.note != nil:
		d := fmt.Sprintf("%s\n%s", noteHeadline(*row.note), quoted(row.exact))
		if row.fixed != "" {
			d += "\nThe checks no longer raise this (" + row.fixed + "): resolve the note if the fix is right."
		}
		return d
	}
	return ""
}

// setContent shows findings (spans into text) grouped by severity, most
// severe first, then the stored notes, as the filters allow.
func (p *notesPanel) setContent(text string, findings []editor.Finding, notes []editor.Note) {
	p.text, p.findings, p.notes = text, findings, notes
	p.render()
}

func (p *notesPanel) render() {
	text, findings, notes := p.text, p.findings, p.notes
	keep := ""
	if p.selected >= 0 && p.selected < len(p.rows) {
		keep = rowIdentity(p.rows[p.selected])
	}
	var rows []noteRow
	for sev := editor.Error; sev >= editor.Info; sev-- {
		var group []noteRow
		for i := range findings {
			f := &findings[i]
			if f.Severity != sev || !p.keeps(f, nil) {
				continue
			}
			exact := ""
			if f.Span.End <= len(text) && f.Span.Check(text) == nil {
				exact = text[f.Span.Start:f.Span.End]
			}
			group = append(group, noteRow{finding: f, exact: exact})
		}
		if len(group) > 0 {
			rows = append(rows, noteRow{header: fmt.Sprintf("%s (%d)", severityGroupName(sev), len(group))})
			rows = append(rows, group...)
		}
	}
	var kept []noteRow
	fixed := 0
	for i := range notes {
		rev, isFixed := p.fixed[notes[i].ID]
		isFixed = isFixed && notes[i].Status == editor.NoteOpen
		if isFixed {
			fixed++
		}
		if p.keeps(nil, &notes[i]) {
			row := noteRow{note: &notes[i], exact: notes[i].Anchor.Exact}
			if isFixed {
				row.fixed = fixedLabel(rev)
			}
			kept = append(kept, row)
		}
	}
	p.showFixedBar(fixed)
	if len(kept) > 0 {
		rows = append(rows, noteRow{header: fmt.Sprintf("Notes (%d)", len(kept))})
		rows = append(rows, kept...)
	}
	p.rows = rows
	p.empty.Hidden = len(rows) > 0
	p.empty.Refresh()
	p.detail.SetText("")
	p.related.RemoveAll()
	p.actions.RemoveAll()
	p.selected = -1
	p.list.UnselectAll()
	p.fitRowHeights(p.list.Size().Width)
	if keep == "" {
		return
	}
	for i, row := range rows {
		if rowIdentity(row) == keep {
			p.restoring = true
			p.list.Select(i)
			p.restoring = false
			return
		}
	}
}

// rowIdentity tells which note or finding a row shows, so the row can be
// found again after the panel is filled again: a note by its ID, a finding
// by its check, place and message.
func rowIdentity(row noteRow) string {
	switch {
	case row.note != nil:
		return fmt.Sprintf("note %d", row.note.ID)
	case row.finding != nil:
		f := row.finding
		return fmt.Sprintf("finding %s %d %d %s", f.Check, f.Span.Start, f.Span.End, f.Message)
	}
	return ""
}

// rowWidthLayout stacks the notes list and the empty-filter message, and
// has the rows' heights measured again when the list's width changes, as
// their messages wrap differently.
type rowWidthLayout struct{ p *notesPanel }

func (l rowWidthLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	if size.Width != l.p.heightsWidth {
		l.p.fitRowHeights(size.Width)
	}
}

func (l rowWidthLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var min fyne.Size
	for _, o := range objects {
		min = min.Max(o.MinSize())
	}
	return min
}

// fitRowHeights gives every row of the list its height at width, and
// shows the rows: a message wraps over as many lines as it takes, so it is
// read whole without selecting it. Only the rows on screen are ever built
// (the list stays virtualized). The first rows are measured at once; the
// others get a height estimated from their words' widths, wrapped a little
// narrower than the label wraps so that a message is never cut short, and
// a row is measured when it is selected, so a review with thousands of
// findings does not hold the window while every row is laid out. Before
// the list has a width there is nothing to measure against.
func (p *notesPanel) fitRowHeights(width float32) {
	offset := p.list.GetScrollOffset()
	if width > 0 {
		if width != p.heightsWidth || p.heights == nil {
			p.heightsWidth, p.heights = width, make(map[string]float32)
			p.calib = p.calibrate(width)
		}
		p.exact = map[int]bool{}
		rows := p.rows
		// Each height set refreshes the list; empty, that costs nothing.
		p.rows = nil
		for i, r := range rows {
			if i < exactRows {
				p.list.SetItemHeight(i, p.rowHeight(r, width))
				p.exact[i] = true
			} else if h, ok := p.heights[rowKey(r)]; ok {
				p.list.SetItemHeight(i, h)
				p.exact[i] = true
			} else {
				p.list.SetItemHeight(i, p.estimateHeight(r))
			}
		}
		p.rows = rows
	}
	p.list.Refresh()
	p.list.ScrollToOffset(offset) // where the reader was, as far as the rows now go
}

// exactRows are measured at once when the list is filled: more than a
// tall window shows.
const exactRows = 60

// rowCalibration is what a row's height is made of at one width: the
// height of a row whose message takes one line, what each further line
// adds, what the "fixed" line adds, and the width the message wraps at.
type rowCalibration struct {
	oneLine, perLine, fixedLine, wrapWidth float32
}

// calibrate measures rows of one and two message lines, with and without
// the fixed line, at width.
func (p *notesPanel) calibrate(width float32) rowCalibration {
	f := editor.Finding{Message: "M"}
	one := p.rowHeight(noteRow{finding: &f, exact: "w"}, width)
	f2 := editor.Finding{Message: "M\nM"}
	two := p.rowHeight(noteRow{finding: &f2, exact: "w"}, width)
	fixed := p.rowHeight(noteRow{finding: &f, exact: "w", fixed: "fixed"}, width)
	msg := p.measure.Objects[0].(*fyne.Container).Objects[0]
	// The estimate wraps 1.5% narrower than the label: where it errs, a row
	// gets a line of space too many, never a line too few.
	return rowCalibration{oneLine: one, perLine: two - one, fixedLine: fixed - one,
		wrapWidth: 0.985 * (msg.Size().Width - 2*theme.InnerPadding())}
}

// estimateHeight estimates a row's height from the widths of its
// message's words, wrapped as a label wraps them.
func (p *notesPanel) estimateHeight(row noteRow) float32 {
	c := p.calib
	if c.perLine <= 0 || c.wrapWidth <= 0 {
		return c.oneLine
	}
	msg, bold := row.header, row.header != ""
	switch {
	case row.finding != nil:
		msg = row.finding.Message
	case row.note != nil:
		msg = noteHeadline(*row.note)
	}
	lines := 0
	for _, para := range strings.Split(msg, "\n") {
		lines += wrappedLines(p.m, para, bold, c.wrapWidth)
	}
	h := c.oneLine + float32(max(lines, 1)-1)*c.perLine
	if row.fixed != "" {
		h += c.fixedLine
	}
	return h
}

// wrappedLines counts the lines text takes wrapped at width, breaking
// between words and inside a word wider than the line.
func wrappedLines(m *measurer, text string, bold bool, width float32) int {
	space := m.width(" ", bold, false)
	lines, used := 1, float32(0)
	for _, w := range strings.Fields(text) {
		ww := m.width(w, bold, false)
		switch {
		case used == 0 && ww > width:
			lines += int(ww / width)
			used = ww - float32(int(ww/width))*width
		case used == 0:
			used = ww
		case used+space+ww <= width:
			used += space + ww
		default:
			lines++
			used = ww
			if ww > width {
				lines += int(ww / width)
				used = ww - float32(int(ww/width))*width
			}
		}
	}
	return lines
}

// rowKey is what a row's height depends on.
func rowKey(row noteRow) string {
	key := row.header + "\x00" + row.fixed + "\x00"
	switch {
	case row.finding != nil:
		key += row.finding.Message
	case row.note != nil:
		key += noteHeadline(*row.note)
	}
	return key
}

// rowHeight measures the height row takes at width.
func (p *notesPanel) rowHeight(row noteRow, width float32) float32 {
	key := rowKey(row)
	if h, ok := p.heights[key]; ok {
		return h
	}
	updateNoteRow(row, p.measure)
	p.measure.Resize(fyne.NewSize(width, p.measure.MinSize().Height))
	h := p.measure.MinSize().Height
	p.heights[key] = h
	return h
}

// showFixedBar offers to resolve the n notes whose findings are gone.
func (p *notesPanel) showFixedBar(n int) {
	p.fixedSummary.SetText(plural(n, "note", "notes") + " fixed")
	if shown := n > 0; shown != p.fixedBar.Visible() {
		p.fixedBar.Hidden = !shown
		if p.content != nil {
			p.content.Refresh() // make room for the bar, or take it back
		}
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func severityGroupName(s editor.Severity) string {
	switch s {
	case editor.Error:
		return "Errors"
	case editor.Warning:
		return "Warnings"
	}
	return "Style and info"
}

func severityIcon(s editor.Severity) fyne.Resource {
	switch s {
	case editor.Error:
		return theme.ErrorIcon()
	case editor.Warning:
		return theme.WarningIcon()
	}
	return theme.InfoIcon()
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 120 {
		s = string(r[:119]) + "…"
	}
	return s
}

// revisionsPanel lists the open article's revisions, newest first.
type revisionsPanel struct {
	list      *widget.List
	revisions []editor.Revision
	onView    func(editor.Revision)
	content   fyne.CanvasObject
}

func newRevisionsPanel(onSave func(), onView func(editor.Revision), onCompare func()) *revisionsPanel {
	p := &revisionsPanel{onView: onView}
	p.list = widget.NewList(
		func() int { return len(p.revisions) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("r12 · label · author · Jan 2 15:04")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= 0 && i < len(p.revisions) {
				o.(*widget.Label).SetText(revisionLine(p.revisions[i]))
			}
		},
	)
	p.list.OnSelected = func(i widget.ListItemID) {
		if i >= 0 && i < len(p.revisions) {
			p.onView(p.revisions[i])
		}
		p.list.UnselectAll()
	}
	save := widget.NewButtonWithIcon("Save Revision…", theme.DocumentSaveIcon(), onSave)
	compare := widget.NewButtonWithIcon("Compare…", theme.ViewRefreshIcon(), onCompare)
	p.content = container.NewBorder(nil, container.NewGridWithColumns(2, save, compare), nil, nil, p.list)
	return p
}

func revisionLine(r editor.Revision) string {
	parts := []string{fmt.Sprintf("r%d", r.Number)}
	if r.Label != "" {
		parts = append(parts, r.Label)
	}
	if r.Author != "" {
		parts = append(parts, r.Author)
	}
	parts = append(parts, r.Created.Local().Format("Jan 2 15:04"))
	return strings.Join(parts, " · ")
}

func (p *revisionsPanel) setRevisions(revs []editor.Revision) {
	// Newest first.
	sorted := make([]editor.Revision, len(revs))
	for i, r := range revs {
		sorted[len(revs)-1-i] = r
	}
	p.revisions = sorted
	p.list.Refresh()
}

func noteHeadline(n editor.Note) string {
	var b strings.Builder
	b.WriteString(n.Message)
	var tags []string
	if n.Check != "" {
		tags = append(tags, n.Check)
	}
	if n.Status != editor.NoteOpen {
		tags = append(tags, string(n.Status))
	}
	if n.Orphaned {
		tags = append(tags, "text gone")
	}
	if len(tags) > 0 {
		fmt.Fprintf(&b, " (%s)", strings.Join(tags, ", "))
	}
	return b.String()
}

// showRelated shows, for a finding that has one, the source passage next
// to the draft's words with the words that differ marked on both.
func (p *notesPanel) showRelated(row noteRow) {
	p.related.RemoveAll()
	if row.finding == nil || row.finding.Related == nil || row.exact == "" {
		return
	}
	rel := row.finding.Related
	var draftSpans, sourceSpans []styledSpan
	for _, c := range source.CompareWords(rel.Text, row.exact) {
		if !c.A.Empty() {
			sourceSpans = append(sourceSpans, styledSpan{Start: c.A.Start, End: c.A.End, Style: spanStyle{Background: colorInsertTint, Underline: true}})
		}
		if !c.B.Empty() {
			draftSpans = append(draftSpans, styledSpan{Start: c.B.Start, End: c.B.End, Style: spanStyle{Background: colorDeleteTint, Underline: true}})
		}
	}
	title := "Source"
	if rel.File != "" {
		title = "Source: " + rel.File
	}
	heading := func(s string) *widget.Label {
		l := widget.NewLabel(s)
		l.TextStyle.Bold = true
		// A long source title wraps rather than widen the pane, which
		// would move the split each time a finding is selected.
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	draft := newStyledParagraph(p.m)
	draft.Set(row.exact, draftSpans)
	source := newStyledParagraph(p.m)
	source.Set(rel.Text, sourceSpans)
	relayout := func() { p.related.Refresh() }
	draft.sizeChanged, source.sizeChanged = relayout, relayout
	p.related.Add(heading("Draft"))
	p.related.Add(draft)
	p.related.Add(heading(title))
	p.related.Add(source)
}

// quoted shows words from the text in quotation marks, unless they are a
// quotation already.
func quoted(s string) string {
	s = oneLine(s)
	if strings.HasPrefix(s, "“") || strings.HasPrefix(s, "\"") || strings.HasPrefix(s, "‘") {
		return s
	}
	return "“" + s + "”"
}

// fixPreview shows what a one-edit fix puts in (` → “not”`) where its
// message does not say; a fix of several edits is described by its
// message alone.
func fixPreview(fx editor.Fix) string {
	if len(fx.Edits) != 1 || fx.Edits[0].New == "" || strings.Contains(fx.Message, "“"+fx.Edits[0].New+"”") {
		return ""
	}
	return " → “" + fx.Edits[0].New + "”"
}

// selectedFinding returns the finding of the selected row, if any.
func (p *notesPanel) selectedFinding() (editor.Finding, bool) {
	if p.selected < 0 || p.selected >= len(p.rows) || p.rows[p.selected].finding == nil {
		return editor.Finding{}, false
	}
	return *p.rows[p.selected].finding, true
}

// actionButtons lists the buttons offered for the selected row.
func (p *notesPanel) actionButtons() []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, row := range p.actions.Objects {
		out = append(out, row.(*fyne.Container).Objects...)
	}
	return out
}
