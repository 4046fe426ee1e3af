package app

import (
	"image/color"
	"slices"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
	"copydesk/editor/textio"
)

// highlight marks a stretch of the text (byte offsets into the whole
// text) that a finding or note concerns.
type highlight struct {
	Span     editor.Span
	Severity editor.Severity
	Message  string
}

// textEdit records one edit for moving spans computed on older text.
type textEdit struct{ at, removed, inserted int }

// articleEditor edits a long article fluidly: the text lives in an
// editor.Buffer of paragraphs, and only the paragraphs in view are laid
// out and drawn (a docView). It has a caret and a selection that may
// span paragraphs, keyboard and mouse editing, undo and redo across the
// document, and highlights that follow the text as it is edited.
type articleEditor struct {
	widget.BaseWidget

	buf   *editor.Buffer
	view  *docView
	caret editor.Pos
	// anchor is the other end of the selection; equal to caret when
	// nothing is selected.
	anchor      editor.Pos
	shiftDown   bool
	dragging    bool
	focused     bool
	readOnly    bool
	goalX       float32 // horizontal position kept while moving up and down
	verticalRun bool    // the last move was up or down: keep goalX
	highlights  []highlight
	marks       []editor.Span // find matches, drawn in their own colour

	// edits since the text was last set, undone or redone (the epoch), so
	// spans computed on an earlier snapshot can be moved onto the text.
	edits []textEdit
	epoch int
	// counts are the text's words and characters, kept per paragraph.
	counts textCounts

	onChanged     func(text string) // after every edit
	onCaret       func(off int)     // after the caret moves
	onFunctionKey func(*fyne.KeyEvent) bool

	content fyne.CanvasObject
}

func newArticleEditor() *articleEditor {
	e := &articleEditor{buf: editor.NewBuffer("")}
	e.counts.reset(e.buf)
	// The buffer is replaced by SetText, so read it through e each time.
	e.view = newDocView(func() int { return e.buf.Paragraphs() }, e.paragraphContent)
	e.view.CreateItem = func() fyne.CanvasObject { return newEditorRow(e) }
	e.view.UpdateItem = func(i widget.ListItemID, o fyne.CanvasObject) { o.(*editorRow).show(i) }
	e.view.estimate = func(i int, width float32) float32 {
		return estimateParagraph(e.buf.Paragraph(i), width, e.view.m)
	}
	e.content = container.NewThemeOverride(e.view, quietListTheme{})
	e.ExtendBaseWidget(e)
	return e
}

// Colours of highlights in the text, defined by quietListTheme.
const (
	colorErrorTint   fyne.ThemeColorName = "copydesk-error-tint"
	colorWarningTint fyne.ThemeColorName = "copydesk-warning-tint"
	colorInfoTint    fyne.ThemeColorName = "copydesk-info-tint"
	colorFindMark    fyne.ThemeColorName = "copydesk-find-mark"
	// colorSelection is the selection in the text: a strong blue, far in
	// hue and strength from every finding tint, so a selected word inside
	// a finding still reads as selected.
	colorSelection fyne.ThemeColorName = "copydesk-selection"
)

// quietListTheme hides the list's hover colour (in an editor a paragraph
// is not a list item) and defines the highlight colours.
type quietListTheme struct{}

func (quietListTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == theme.ColorNameHover {
		return color.Transparent
	}
	return resolveColor(fyne.CurrentApp().Settings().Theme(), n, v)
}

// resolveColor looks up a colour: Copydesk's highlight colours first, then
// th. Widgets resolve these names themselves rather than through a theme
// override, which list rows created later do not always inherit.
func resolveColor(th fyne.Theme, n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch n {
	case colorErrorTint:
		return color.NRGBA{R: 0xe5, G: 0x39, B: 0x35, A: 0x50}
	case colorWarningTint:
		return color.NRGBA{R: 0xf5, G: 0xa6, B: 0x23, A: 0x50}
	case colorInfoTint:
		return color.NRGBA{R: 0x9c, G: 0x6a, B: 0xde, A: 0x38}
	case colorSelection:
		return color.NRGBA{R: 0x1f, G: 0x75, B: 0xfe, A: 0x8c}
	case colorFindMark:
		return color.NRGBA{R: 0x7c, G: 0xd9, B: 0x5b, A: 0x70}
	case colorDeleteTint:
		return color.NRGBA{R: 0xe5, G: 0x39, B: 0x35, A: 0x48}
	case colorInsertTint:
		return color.NRGBA{R: 0x2e, G: 0xa0, B: 0x43, A: 0x48}
	case colorDecided:
		return color.NRGBA{R: 0x80, G: 0x80, B: 0x80, A: 0x30}
	}
	return th.Color(n, v)
}

func (quietListTheme) Font(s fyne.TextStyle) fyne.Resource {
	return fyne.CurrentApp().Settings().Theme().Font(s)
}

func (quietListTheme) Icon(n fyne.ThemeIconName) fyne.Resource {
	return fyne.CurrentApp().Settings().Theme().Icon(n)
}

func (quietListTheme) Size(n fyne.ThemeSizeName) float32 {
	return fyne.CurrentApp().Settings().Theme().Size(n)
}

// CreateRenderer implements fyne.Widget.
func (e *articleEditor) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(e.content)
}

// SetText replaces the whole text, clearing undo history and selection.
func (e *articleEditor) SetText(text string) {
	e.buf = editor.NewBuffer(textio.NormalizeNewlines(text))
	e.caret, e.anchor = editor.Pos{}, editor.Pos{}
	e.highlights, e.marks = nil, nil
	e.edits = e.edits[:0]
	e.epoch++
	e.counts.reset(e.buf)
	e.view.Reload()
	e.view.ScrollToTop()
}

// Text returns the whole text.
func (e *articleEditor) Text() string { return e.buf.Text() }

// Counts returns the number of words and of characters (runes) in the
// text, kept up to date paragraph by paragraph as it is edited.
func (e *articleEditor) Counts() (words, chars int) { return e.counts.total() }

// CaretOffset returns the caret as a byte offset into the text.
func (e *articleEditor) CaretOffset() int { return e.buf.Offset(e.caret) }

// Selection returns the selected span (empty when nothing is selected).
func (e *articleEditor) Selection() editor.Span {
	a, b := e.buf.Offset(e.anchor), e.buf.Offset(e.caret)
	if b < a {
		a, b = b, a
	}
	return editor.Span{Start: a, End: b}
}

// SelectedText returns the selected text.
func (e *articleEditor) SelectedText() string { return e.buf.Slice(e.anchor, e.caret) }

// Select selects span (byte offsets into the text) and scrolls it into view.
func (e *articleEditor) Select(span editor.Span) {
	old := e.selectionParas()
	e.anchor = e.buf.PosAt(span.Start)
	e.caret = e.buf.PosAt(span.End)
	e.refreshParas(old, e.selectionParas())
	e.view.ScrollTo(e.anchor.Para)
	e.caretMoved()
}

// SetHighlights replaces the highlighted spans.
func (e *articleEditor) SetHighlights(hs []highlight) {
	e.highlights = hs
	e.view.Refresh()
}

// SetMarks replaces the find matches drawn in the text.
func (e *articleEditor) SetMarks(ms []editor.Span) {
	e.marks = ms
	e.view.Refresh()
}

// paragraphContent returns paragraph i with its styles: highlights, find
// matches and the selection.
func (e *articleEditor) paragraphContent(i int) (string, []styledSpan) {
	text := e.buf.Paragraph(i)
	start := e.buf.ParagraphStart(i)
	end := start + len(text)
	var spans []styledSpan
	clip := func(s editor.Span) (int, int, bool) {
		a, b := max(s.Start, start), min(s.End, end)
		return a - start, b - start, a < b
	}
	for _, h := range e.highlights {
		if a, b, ok := clip(h.Span); ok {
			spans = append(spans, styledSpan{Start: a, End: b, Style: highlightStyle(h.Severity)})
		}
	}
	for _, m := range e.marks {
		if a, b, ok := clip(m); ok {
			spans = append(spans, styledSpan{Start: a, End: b, Style: spanStyle{Background: colorFindMark}})
		}
	}
	if sel := e.Selection(); !sel.Empty() {
		if a, b, ok := clip(sel); ok {
			spans = append(spans, styledSpan{Start: a, End: b, Style: spanStyle{Background: colorSelection}})
		}
	}
	if i == 0 {
		spans = append([]styledSpan{{Start: 0, End: len(text), Style: spanStyle{Bold: true}}}, spans...)
	}
	return text, spans
}

// highlightStyle is how findings of a severity are marked: a tint and an
// underline, so the mark does not rely on colour alone.
func highlightStyle(s editor.Severity) spanStyle {
	switch s {
	case editor.Error:
		return spanStyle{Background: colorErrorTint, Underline: true}
	case editor.Warning:
		return spanStyle{Background: colorWarningTint, Underline: true}
	}
	return spanStyle{Background: colorInfoTint, Underline: true}
}

// selectionParas returns the paragraphs the selection touches.
func (e *articleEditor) selectionParas() [2]int {
	a, b := e.anchor.Para, e.caret.Para
	if b < a {
		a, b = b, a
	}
	return [2]int{a, b}
}

// refreshParas redraws the paragraphs of two ranges (old and new
// selection, say).
func (e *articleEditor) refreshParas(rs ...[2]int) {
	var ids []int
	for _, r := range rs {
		for i := r[0]; i <= r[1] && i < e.buf.Paragraphs(); i++ {
			if !slices.Contains(ids, i) {
				ids = append(ids, i)
			}
		}
	}
	if len(ids) > 64 {
		e.view.Refresh()
		return
	}
	for _, i := range ids {
		e.view.RefreshItem(i)
	}
}

func (e *articleEditor) caretMoved() {
	e.verticalRun = false
	if e.onCaret != nil {
		e.onCaret(e.CaretOffset())
	}
}

// replace replaces from..to with text, keeps highlights on their words and
// redraws only what changed.
func (e *articleEditor) replace(from, to editor.Pos, text string, kind editor.EditKind) {
	if e.readOnly {
		return
	}
	lo, hi := e.buf.Offset(from), e.buf.Offset(to)
	if hi < lo {
		lo, hi = hi, lo
	}
	if lo == hi && text == "" {
		return
	}
	caret, ch := e.buf.Replace(from, to, text, kind)
	e.shiftSpans(lo, hi-lo, len(text))
	e.edits = append(e.edits, textEdit{lo, hi - lo, len(text)})
	e.caret, e.anchor = caret, caret
	e.applyChange(ch)
}

// applyChange updates the view after paragraphs changed.
func (e *articleEditor) applyChange(ch editor.Change) {
	e.counts.update(e.buf, ch)
	if ch.Removed == ch.Added {
		for i := ch.First; i < ch.First+ch.Added; i++ {
			e.view.ReloadRow(i)
		}
	} else {
		e.view.Reload()
	}
	e.scrollToCaret()
	if e.onChanged != nil {
		e.onChanged(e.buf.Text())
	}
	e.caretMoved()
}

// Version identifies the text's state: spans computed on it can be moved
// onto later text with MapSpan.
type textVersion struct{ epoch, edits int }

// Version returns the current text version.
func (e *articleEditor) Version() textVersion { return textVersion{e.epoch, len(e.edits)} }

// MapSpan moves a span computed on text version v onto the current text;
// ok is false when the span's words were edited away or the text was
// replaced, undone or redone since.
func (e *articleEditor) MapSpan(v textVersion, s editor.Span) (editor.Span, bool) {
	if v.epoch != e.epoch || v.edits > len(e.edits) {
		return s, false
	}
	for _, ed := range e.edits[v.edits:] {
		var ok bool
		if s, ok = shiftSpan(s, ed); !ok {
			return s, false
		}
	}
	return s, true
}

// HighlightAt returns the highlight covering byte off, if any.
func (e *articleEditor) HighlightAt(off int) (highlight, bool) {
	for _, h := range e.highlights {
		if h.Span.Start <= off && off < h.Span.End {
			return h, true
		}
	}
	return highlight{}, false
}

// shiftSpan moves span s over edit ed: spans after the edit shift, a span
// holding the edit stretches, spans the edit touches are lost.
func shiftSpan(s editor.Span, ed textEdit) (editor.Span, bool) {
	at, n, m := ed.at, ed.removed, ed.inserted
	switch {
	case s.End <= at:
		return s, true
	case s.Start >= at+n:
		return editor.Span{Start: s.Start + m - n, End: s.End + m - n}, true
	case s.Start < at && s.End > at+n:
		return editor.Span{Start: s.Start, End: s.End + m - n}, true
	}
	return s, false
}

// shiftSpans moves highlights and marks after an edit at byte at that
// removed n bytes and inserted m: spans after it shift, spans inside it
// are dropped.
func (e *articleEditor) shiftSpans(at, n, m int) {
	ed := textEdit{at, n, m}
	hs := e.highlights[:0]
	for _, h := range e.highlights {
		if s, ok := shiftSpan(h.Span, ed); ok {
			h.Span = s
			hs = append(hs, h)
		}
	}
	e.highlights = hs
	ms := e.marks[:0]
	for _, s := range e.marks {
		if s, ok := shiftSpan(s, ed); ok {
			ms = append(ms, s)
		}
	}
	e.marks = ms
}

func (e *articleEditor) scrollToCaret() {
	e.view.ScrollTo(e.caret.Para)
}

// layoutOf lays out paragraph i at the view's width.
func (e *articleEditor) layoutOf(i int) paragraphLayout {
	text, spans := e.paragraphContent(i)
	return layoutParagraph(text, spans, e.view.width-2*paragraphInset, e.view.m)
}

// FocusGained implements fyne.Focusable.
func (e *articleEditor) FocusGained() {
	e.focused = true
	e.view.RefreshItem(e.caret.Para)
}

// FocusLost implements fyne.Focusable.
func (e *articleEditor) FocusLost() {
	e.focused = false
	e.shiftDown = false
	e.view.RefreshItem(e.caret.Para)
}

// KeyDown implements desktop.Keyable: Shift extends the selection.
func (e *articleEditor) KeyDown(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shiftDown = true
	}
}

// KeyUp implements desktop.Keyable.
func (e *articleEditor) KeyUp(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shiftDown = false
	}
}

// moveCaret puts the caret at p, extending the selection when extend.
func (e *articleEditor) moveCaret(p editor.Pos, extend bool) {
	old := e.selectionParas()
	oldCaret := e.caret.Para
	e.caret = e.buf.Clamp(p)
	if !extend {
		e.anchor = e.caret
	}
	e.refreshParas(old, e.selectionParas(), [2]int{oldCaret, oldCaret})
	e.scrollToCaret()
	e.caretMoved()
}

// editorRow draws one paragraph of the editor with the caret, and turns
// taps and drags into caret moves and selections.
type editorRow struct {
	widget.BaseWidget
	ed    *articleEditor
	para  int
	text  *styledParagraph
	caret *canvas.Rectangle
}

func newEditorRow(ed *articleEditor) *editorRow {
	r := &editorRow{ed: ed, para: -1, text: newStyledParagraph(ed.view.m), caret: canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))}
	r.caret.Hide()
	r.ExtendBaseWidget(r)
	return r
}

func (r *editorRow) show(i int) {
	r.para = i
	text, spans := r.ed.paragraphContent(i)
	r.text.Set(text, spans)
	r.placeCaret()
}

func (r *editorRow) placeCaret() {
	ed := r.ed
	if !ed.focused || ed.caret.Para != r.para || r.Size().Width <= 0 {
		r.caret.Hide()
		return
	}
	lay := r.text.layoutFor(r.Size().Width)
	text := ed.buf.Paragraph(r.para)
	off := min(ed.caret.Off, len(text))
	x := paragraphInset + lay.xOf(text, off, ed.view.m)
	y := float32(lay.lineAt(off)) * lay.LineHeight
	r.caret.FillColor = theme.Color(theme.ColorNamePrimary)
	r.caret.Move(fyne.NewPos(x-1, y))
	r.caret.Resize(fyne.NewSize(2, lay.LineHeight))
	r.caret.Show()
	r.caret.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (r *editorRow) CreateRenderer() fyne.WidgetRenderer {
	return &editorRowRenderer{r: r, objects: []fyne.CanvasObject{r.text, r.caret}}
}

type editorRowRenderer struct {
	r       *editorRow
	objects []fyne.CanvasObject
}

func (rr *editorRowRenderer) Layout(s fyne.Size) {
	rr.r.text.Resize(s)
	rr.r.placeCaret()
}
func (rr *editorRowRenderer) MinSize() fyne.Size           { return rr.r.text.MinSize() }
func (rr *editorRowRenderer) Refresh()                     { rr.r.placeCaret(); rr.r.text.Refresh() }
func (rr *editorRowRenderer) Objects() []fyne.CanvasObject { return rr.objects }
func (rr *editorRowRenderer) Destroy()                     {}

// offsetAt maps a point in the row to a position in the buffer.
func (r *editorRow) offsetAt(p fyne.Position) editor.Pos {
	lay := r.text.layoutFor(r.Size().Width)
	text := r.ed.buf.Paragraph(r.para)
	return editor.Pos{Para: r.para, Off: lay.offsetAt(text, p.X-paragraphInset, p.Y, r.ed.view.m)}
}

// Tapped implements fyne.Tappable: place the caret.
func (r *editorRow) Tapped(ev *fyne.PointEvent) {
	if r.para < 0 || r.para >= r.ed.buf.Paragraphs() {
		return
	}
	r.ed.requestFocus()
	r.ed.moveCaret(r.offsetAt(ev.Position), r.ed.shiftDown)
}

// DoubleTapped implements fyne.DoubleTappable: select the word.
func (r *editorRow) DoubleTapped(ev *fyne.PointEvent) {
	if r.para < 0 || r.para >= r.ed.buf.Paragraphs() {
		return
	}
	p := r.offsetAt(ev.Position)
	text := r.ed.buf.Paragraph(r.para)
	a, b := wordBounds(text, p.Off)
	r.ed.moveCaret(editor.Pos{Para: r.para, Off: a}, false)
	r.ed.moveCaret(editor.Pos{Para: r.para, Off: b}, true)
}

// Dragged implements fyne.Draggable: extend the selection to the pointer.
func (r *editorRow) Dragged(ev *fyne.DragEvent) {
	if r.para < 0 || r.para >= r.ed.buf.Paragraphs() {
		return
	}
	start := ev.Position.Subtract(ev.Dragged)
	if !r.ed.dragging {
		r.ed.dragging = true
		r.ed.requestFocus()
		r.ed.moveCaret(r.offsetAt(start), r.ed.shiftDown)
	}
	r.ed.moveCaret(r.ed.posAtRowPoint(r, ev.Position), true)
}

// DragEnd implements fyne.Draggable.
func (r *editorRow) DragEnd() { r.ed.dragging = false }

// Cursor implements desktop.Cursorable.
func (r *editorRow) Cursor() desktop.Cursor { return desktop.TextCursor }

// requestFocus gives the editor the keyboard focus.
func (e *articleEditor) requestFocus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil && c.Focused() != e {
		c.Focus(e)
	}
}

// posAtRowPoint maps a point given in row r's coordinates, possibly above
// or below r (a drag that left the row), to a buffer position.
func (e *articleEditor) posAtRowPoint(r *editorRow, p fyne.Position) editor.Pos {
	para, y := r.para, p.Y
	gap := theme.Padding()
	for y < 0 && para > 0 {
		para--
		y += e.layoutOf(para).Height() + gap
	}
	for para < e.buf.Paragraphs()-1 {
		h := e.layoutOf(para).Height()
		if y < h+gap {
			break
		}
		y -= h + gap
		para++
	}
	if y < 0 {
		return editor.Pos{Para: para}
	}
	lay := e.layoutOf(para)
	return editor.Pos{Para: para, Off: lay.offsetAt(e.buf.Paragraph(para), p.X-paragraphInset, y, e.view.m)}
}

// wordBounds returns the word around byte off of text: letters, digits
// and joining apostrophes; a space or mark selects itself.
func wordBounds(text string, off int) (int, int) {
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' }
	a, b := off, off
	for a > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:a])
		if !isWord(r) {
			break
		}
		a -= size
	}
	for b < len(text) {
		r, size := utf8.DecodeRuneInString(text[b:])
		if !isWord(r) {
			break
		}
		b += size
	}
	if a == b && b < len(text) {
		_, size := utf8.DecodeRuneInString(text[b:])
		b += size
	}
	return a, b
}

// Buffer returns the text buffer (read it; edit through the editor).
func (e *articleEditor) Buffer() *editor.Buffer { return e.buf }
