package pdf

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"image"
	"image/draw"
	_ "image/png" // colour emoji are PNG bitmaps
	"io"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf16"

	"github.com/go-text/typesetting/font"
	sfnt "github.com/tdewolff/font"
)

// embFont is a font as it goes into the file: the glyphs used, renumbered
// in a subset, and what each glyph reads as.
type embFont struct {
	face    *font.Face
	name    string // resource name, F1, F2, …
	used    map[font.GID]bool
	unicode map[font.GID][]rune
	// bitmap fonts (colour emoji) have no outlines: their glyphs are
	// drawn as images with the characters as the text layer.
	bitmap bool
	newID  map[font.GID]uint16
	widths map[uint16]int // 1000ths of an em, by new id
	images map[font.GID]string
	// type3 fonts are outline fonts that cannot be embedded as a
	// subset (CID-keyed CFF, CFF2): their glyphs are drawn as PDF paths,
	// type3Glyphs to a font.
	type3 bool
	upem  float64
	// chunkNames are the Type 3 fonts' resource names, by chunk.
	chunkNames []string
	// full is the TrueType font and sub its subset to embed.
	full, sub *sfnt.SFNT
}

// resource returns the font resource a glyph is shown in and its advance
// in 1000ths of an em.
func (f *embFont) resource(g font.GID) (string, int) {
	id := f.newID[g]
	if f.type3 {
		chunk := int(id) / type3Glyphs
		for len(f.chunkNames) <= chunk {
			f.chunkNames = append(f.chunkNames, fmt.Sprintf("%sT%d", f.name, len(f.chunkNames)))
		}
		return f.chunkNames[chunk], f.widths[id]
	}
	return f.name, f.widths[id]
}

// appendCode appends the glyph's code in its font resource as a hex
// string: <0A1F> in a CID font, <1F> in a Type 3 font.
func (f *embFont) appendCode(b []byte, g font.GID) []byte {
	const hexDigits = "0123456789ABCDEF"
	id := int(f.newID[g])
	if f.type3 {
		id %= type3Glyphs
		return append(b, '<', hexDigits[id>>4&15], hexDigits[id&15], '>')
	}
	return append(b, '<', hexDigits[id>>12&15], hexDigits[id>>8&15], hexDigits[id>>4&15], hexDigits[id&15], '>')
}

// writer numbers and writes PDF objects.
type writer struct {
	w       *bufio.Writer
	n       int64
	offsets []int64
	err     error
	// z compresses every stream in turn; a compressor takes a megabyte
	// to set up.
	z    *zlib.Writer
	zbuf bytes.Buffer
}

func (w *writer) printf(format string, args ...any) {
	if w.err != nil {
		return
	}
	k, err := fmt.Fprintf(w.w, format, args...)
	w.n += int64(k)
	w.err = err
}

// alloc reserves an object number.
func (w *writer) alloc() int {
	w.offsets = append(w.offsets, 0)
	return len(w.offsets)
}

func (w *writer) begin(id int) {
	w.offsets[id-1] = w.n
	w.printf("%d 0 obj\n", id)
}

// stream writes a compressed stream object with extra dictionary entries.
func (w *writer) stream(id int, dict string, data []byte) {
	w.zbuf.Reset()
	if w.z == nil {
		w.z, _ = zlib.NewWriterLevel(&w.zbuf, zlib.BestSpeed)
	} else {
		w.z.Reset(&w.zbuf)
	}
	w.z.Write(data)
	w.z.Close()
	z := &w.zbuf
	w.begin(id)
	w.printf("<< /Length %d /Filter /FlateDecode %s>>\nstream\n", z.Len(), dict)
	if w.err == nil {
		k, err := w.w.Write(z.Bytes())
		w.n += int64(k)
		w.err = err
	}
	w.printf("\nendstream\nendobj\n")
}

// Write writes the document as a PDF file.
func (d *Doc) Write(out io.Writer) error {
	fonts, order := d.gather()
	if err := d.subset(order); err != nil {
		return err
	}
	w := &writer{w: bufio.NewWriter(out)}
	w.printf("%%PDF-1.7\n%%\xe2\xe3\xcf\xd3\n")
	catalog, pagesID, info := w.alloc(), w.alloc(), w.alloc()
	fontIDs := map[string]int{}
	imageIDs := map[string]int{}
	for _, f := range order {
		for _, res := range f.resources() {
			fontIDs[res] = w.alloc()
		}
	}
	for _, f := range order {
		if f.bitmap {
			d.writeImages(w, f, imageIDs)
		}
	}
	var kids []string
	for _, p := range d.pages {
		pageID, contentID := w.alloc(), w.alloc()
		kids = append(kids, fmt.Sprintf("%d 0 R", pageID))
		content, usedFonts := d.content(p, fonts)
		var res strings.Builder
		res.WriteString("/Font <<")
		for _, name := range usedFonts {
			fmt.Fprintf(&res, " /%s %d 0 R", name, fontIDs[name])
		}
		res.WriteString(" >>")
		w.begin(pageID)
		w.printf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] /Resources << %s >> /Contents %d 0 R >>\nendobj\n",
			pagesID, PageWidth*ptPerMM, PageHeight*ptPerMM, res.String(), contentID)
		w.stream(contentID, "", content)
	}
	for _, f := range order {
		if f.type3 {
			d.writeType3(w, fontIDs, imageIDs, f)
		} else {
			d.writeFont(w, fontIDs[f.name], f)
		}
	}
	w.begin(pagesID)
	w.printf("<< /Type /Pages /Count %d /Kids [%s] >>\nendobj\n", len(d.pages), strings.Join(kids, " "))
	w.begin(catalog)
	w.printf("<< /Type /Catalog /Pages %d 0 R /MarkInfo << /Marked true >> >>\nendobj\n", pagesID)
	w.begin(info)
	w.printf("<< /Producer %s", pdfString(d.Info.Creator))
	if d.Info.Title != "" {
		w.printf(" /Title %s", pdfString(d.Info.Title))
	}
	if d.Info.Creator != "" {
		w.printf(" /Creator %s", pdfString(d.Info.Creator))
	}
	if !d.Info.Created.IsZero() {
		t := d.Info.Created.UTC().Format("20060102150405")
		w.printf(" /CreationDate (D:%sZ) /ModDate (D:%sZ)", t, t)
	}
	w.printf(" >>\nendobj\n")
	xref := w.n
	w.printf("xref\n0 %d\n0000000000 65535 f \n", len(w.offsets)+1)
	for _, off := range w.offsets {
		w.printf("%010d 00000 n \n", off)
	}
	w.printf("trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(w.offsets)+1, catalog, info, xref)
	if w.err != nil {
		return fmt.Errorf("pdf: write: %w", w.err)
	}
	if err := w.w.Flush(); err != nil {
		return fmt.Errorf("pdf: write: %w", err)
	}
	return nil
}

// gather collects the fonts and glyphs the pages use, and what each
// glyph reads as (the first cluster it is seen in).
func (d *Doc) gather() (map[*font.Font]*embFont, []*embFont) {
	fonts := map[*font.Font]*embFont{}
	var order []*embFont
	get := func(face *font.Face) *embFont {
		if f, ok := fonts[face.Font]; ok {
			return f
		}
		f := &embFont{face: face, name: fmt.Sprintf("F%d", len(order)+1), used: map[font.GID]bool{0: true}, unicode: map[font.GID][]rune{}}
		fonts[face.Font] = f
		order = append(order, f)
		return f
	}
	get(d.fonts.primary) // the document font is F1
	for _, p := range d.pages {
		for _, it := range p.items {
			t, ok := it.(textItem)
			if !ok {
				continue
			}
			f := get(t.run.face)
			for k := range t.run.glyphs {
				g := &t.run.glyphs[k]
				f.used[g.id] = true
				if g.clusterGlyphs == 0 || g.from == g.to {
					continue
				}
				chars := t.run.chars(*g)
				if g.clusterGlyphs == 1 && !g.missing {
					if have, ok := f.unicode[g.id]; !ok {
						f.unicode[g.id] = chars
						continue
					} else if slices.Equal(have, chars) {
						continue
					}
				}
				// The glyphs do not read as the cluster's characters on
				// their own: a ligature of several glyphs, a reordered
				// matra, a glyph already read as other characters.
				g.actual = true
			}
		}
	}
	// A font whose glyphs are bitmaps (colour emoji) has no outlines to
	// embed.
	for _, f := range order {
		for g := range f.used {
			if g != 0 {
				_, f.bitmap = f.face.GlyphData(g).(font.GlyphBitmap)
				break
			}
		}
	}
	return fonts, order
}

// subset cuts each outline font down to its used glyphs.
func (d *Doc) subset(order []*embFont) error {
	for _, f := range order {
		gids := make([]uint16, 0, len(f.used))
		for g := range f.used {
			gids = append(gids, uint16(g))
		}
		sort.Slice(gids, func(i, j int) bool { return gids[i] < gids[j] })
		f.newID = map[font.GID]uint16{}
		f.widths = map[uint16]int{}
		f.upem = float64(f.face.Upem())
		for i, g := range gids {
			f.newID[font.GID(g)] = uint16(i)
			f.widths[uint16(i)] = int(math.Round(float64(f.face.HorizontalAdvance(font.GID(g))) * 1000 / f.upem))
		}
		if f.bitmap {
			f.type3 = true
			continue
		}
		loc := d.fonts.location(f.face)
		full, err := d.fonts.trueType(loc)
		if err != nil {
			return err
		}
		if full == nil {
			f.type3 = true
			continue
		}
		sub, err := full.Subset(gids, sfnt.SubsetOptions{Tables: sfnt.KeepPDFTables})
		if err != nil {
			f.type3 = true
			continue
		}
		f.sub, f.full = sub, full
	}
	return nil
}

// resources lists the font resource names a font is written as.
func (f *embFont) resources() []string {
	switch {
	case f.type3:
		var out []string
		for i := 0; i < len(f.newID); i += type3Glyphs {
			out = append(out, fmt.Sprintf("%sT%d", f.name, i/type3Glyphs))
		}
		return out
	}
	return []string{f.name}
}

func (d *Doc) writeFont(w *writer, id int, f *embFont) {
	descID, cidID, fileID, uniID := w.alloc(), w.alloc(), w.alloc(), w.alloc()
	full := f.full
	scale := 1000 / float64(full.Head.UnitsPerEm)
	name := postScriptName(full)
	base := subsetTag(f.name) + "+" + name
	w.begin(id)
	w.printf("<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>\nendobj\n", base, cidID, uniID)
	sub, key, fileDict := "CIDFontType2", "FontFile2", ""
	if !f.sub.IsTrueType {
		sub, key, fileDict = "CIDFontType0", "FontFile3", "/Subtype /OpenType "
	}
	w.begin(cidID)
	w.printf("<< /Type /Font /Subtype /%s /BaseFont /%s /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /W [%s]",
		sub, base, descID, widthArray(f.widths))
	if sub == "CIDFontType2" {
		w.printf(" /CIDToGIDMap /Identity")
	}
	w.printf(" >>\nendobj\n")
	capH := full.OS2.SCapHeight
	if capH == 0 {
		capH = full.Hhea.Ascender
	}
	w.begin(descID)
	w.printf("<< /Type /FontDescriptor /FontName /%s /Flags 4 /FontBBox [%d %d %d %d] /ItalicAngle 0 /Ascent %d /Descent %d /CapHeight %d /StemV 80 /%s %d 0 R >>\nendobj\n",
		base, int(float64(full.Head.XMin)*scale), int(float64(full.Head.YMin)*scale), int(float64(full.Head.XMax)*scale), int(float64(full.Head.YMax)*scale),
		int(float64(full.Hhea.Ascender)*scale), int(float64(full.Hhea.Descender)*scale), int(float64(capH)*scale), key, fileID)
	w.stream(fileID, fileDict, keepModified(f.sub.Write(), full.Tables["head"]))
	w.stream(uniID, "", toUnicodeCMap(f))
}

func widthArray(widths map[uint16]int) string {
	ids := make([]int, 0, len(widths))
	for id := range widths {
		ids = append(ids, int(id))
	}
	sort.Ints(ids)
	var b strings.Builder
	for i := 0; i < len(ids); {
		j := i
		for j+1 < len(ids) && ids[j+1] == ids[j]+1 {
			j++
		}
		fmt.Fprintf(&b, "%d [", ids[i])
		for k := i; k <= j; k++ {
			fmt.Fprintf(&b, " %d", widths[uint16(ids[k])])
		}
		b.WriteString(" ] ")
		i = j + 1
	}
	return b.String()
}

// toUnicodeCMap maps each glyph to the characters it reads as.
func toUnicodeCMap(f *embFont) []byte {
	var entries []string
	ids := make([]int, 0, len(f.unicode))
	for g := range f.unicode {
		ids = append(ids, int(g))
	}
	sort.Ints(ids)
	for _, g := range ids {
		entries = append(entries, fmt.Sprintf("<%04X> <%s>", f.newID[font.GID(g)], utf16Hex(string(f.unicode[font.GID(g)]))))
	}
	var b bytes.Buffer
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for len(entries) > 0 {
		n := min(len(entries), 100)
		fmt.Fprintf(&b, "%d beginbfchar\n%s\nendbfchar\n", n, strings.Join(entries[:n], "\n"))
		entries = entries[n:]
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return b.Bytes()
}

func utf16Hex(s string) string {
	var b strings.Builder
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	return b.String()
}

// pdfString writes s as a UTF-16 text string.
func pdfString(s string) string { return "<FEFF" + utf16Hex(s) + ">" }

func postScriptName(f *sfnt.SFNT) string {
	name := ""
	if f.Name != nil {
		if recs := f.Name.Get(sfnt.NamePostScript); len(recs) > 0 {
			name = recs[0].String()
		}
	}
	var b strings.Builder
	for _, r := range name {
		if r > ' ' && r < 0x7F && !strings.ContainsRune("()<>[]{}/%#", r) {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "Font"
	}
	return b.String()
}

// subsetTag is the six capital letters that mark a subset font's name.
func subsetTag(name string) string {
	var n int
	fmt.Sscanf(name, "F%d", &n)
	tag := []byte("CPYDSK")
	for i := 5; i >= 0 && n > 0; i-- {
		tag[i] = byte('A' + n%26)
		n /= 26
	}
	return string(tag)
}

// writeImages writes each bitmap glyph a page uses as an image with an
// alpha mask.
func (d *Doc) writeImages(w *writer, f *embFont, ids map[string]int) {
	f.images = map[font.GID]string{}
	gids := make([]int, 0, len(f.used))
	for g := range f.used {
		gids = append(gids, int(g))
	}
	sort.Ints(gids)
	for _, g := range gids {
		bm, ok := f.face.GlyphData(font.GID(g)).(font.GlyphBitmap)
		if !ok || bm.Format != font.PNG {
			continue
		}
		img, _, err := image.Decode(bytes.NewReader(bm.Data))
		if err != nil {
			continue
		}
		rgba := image.NewNRGBA(img.Bounds())
		draw.Draw(rgba, rgba.Bounds(), img, img.Bounds().Min, draw.Src)
		wd, ht := rgba.Bounds().Dx(), rgba.Bounds().Dy()
		rgb := make([]byte, 0, wd*ht*3)
		alpha := make([]byte, 0, wd*ht)
		for i := 0; i < len(rgba.Pix); i += 4 {
			rgb = append(rgb, rgba.Pix[i], rgba.Pix[i+1], rgba.Pix[i+2])
			alpha = append(alpha, rgba.Pix[i+3])
		}
		name := fmt.Sprintf("%sG%d", f.name, g)
		imgID, maskID := w.alloc(), w.alloc()
		ids[name] = imgID
		f.images[font.GID(g)] = name
		w.stream(maskID, fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 ", wd, ht), alpha)
		w.stream(imgID, fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB /BitsPerComponent 8 /SMask %d 0 R ", wd, ht, maskID), rgb)
	}
}

// type3Glyphs is how many glyphs a Type 3 font carries: a one-byte code
// holds 256, and the last code is an empty glyph named "m" as wide as a
// Latin m (0.6 em). Text extractors that do not know a Type 3 font's
// design size guess it from its "m" (poppler does), and without one
// they read ideographs as twice their size and break the line there.
const type3Glyphs = 255

// writeType3 writes an outline font as Type 3 fonts of up to type3Glyphs
// glyphs, each glyph a filled path in the text colour.
func (d *Doc) writeType3(w *writer, ids, images map[string]int, f *embFont) {
	byID := make([]font.GID, len(f.newID))
	for g, id := range f.newID {
		byID[id] = g
	}
	scale := 1000 / f.upem
	for start := 0; start < len(byID); start += type3Glyphs {
		chunk := byID[start:min(start+type3Glyphs, len(byID))]
		res := fmt.Sprintf("%sT%d", f.name, start/type3Glyphs)
		procs := make([]int, len(chunk))
		var names, widths, differences strings.Builder
		var uni []string
		var xobjects strings.Builder
		for i, g := range chunk {
			if name, ok := f.images[g]; ok {
				fmt.Fprintf(&xobjects, " /%s %d 0 R", name, images[name])
			}
			procs[i] = w.alloc()
			fmt.Fprintf(&names, " /g%d %d 0 R", i, procs[i])
			fmt.Fprintf(&differences, " /g%d", i)
			fmt.Fprintf(&widths, " %d", f.widths[uint16(start+i)])
			if s, ok := f.unicode[g]; ok {
				uni = append(uni, fmt.Sprintf("<%02X> <%s>", i, utf16Hex(string(s))))
			}
		}
		mID := w.alloc()
		fmt.Fprintf(&names, " /m %d 0 R", mID)
		for range type3Glyphs - len(chunk) {
			differences.WriteString(" /.notdef")
			widths.WriteString(" 0")
		}
		differences.WriteString(" /m")
		widths.WriteString(" 600")
		uniID := w.alloc()
		// The font's box is its ascent and descent across the em: text
		// extraction reads line heights from it.
		asc, desc := 800.0, -200.0
		if ext, ok := f.face.FontHExtents(); ok {
			asc, desc = float64(ext.Ascender)*scale, float64(ext.Descender)*scale
		}
		descID := w.alloc()
		w.begin(descID)
		w.printf("<< /Type /FontDescriptor /FontName /%s /Flags 4 /FontBBox [0 %.0f 1000 %.0f] /ItalicAngle 0 /Ascent %.0f /Descent %.0f /CapHeight %.0f /StemV 80 >>\nendobj\n", res, desc, asc, asc, desc, asc)
		w.begin(ids[res])
		w.printf("<< /Type /Font /Subtype /Type3 /FontDescriptor %d 0 R /FontBBox [0 %.0f 1000 %.0f] /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs <<%s >> /Encoding << /Type /Encoding /Differences [0%s] >> /FirstChar 0 /LastChar 255 /Widths [%s] /ToUnicode %d 0 R /Resources << /XObject <<%s >> >> >>\nendobj\n",
			descID, desc, asc, names.String(), differences.String(), widths.String(), uniID, xobjects.String())
		for i, g := range chunk {
			w.stream(procs[i], "", glyphProc(f, g, scale))
		}
		w.stream(mID, "", []byte("600 0 0 0 0 0 d1\n"))
		var b bytes.Buffer
		b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<00> <FF>\nendcodespacerange\n")
		for len(uni) > 0 {
			n := min(len(uni), 100)
			fmt.Fprintf(&b, "%d beginbfchar\n%s\nendbfchar\n", n, strings.Join(uni[:n], "\n"))
			uni = uni[n:]
		}
		b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
		w.stream(uniID, "", b.Bytes())
	}
}

// glyphProc draws one glyph's outline, or its bitmap, in 1000ths of an
// em.
func glyphProc(f *embFont, g font.GID, scale float64) []byte {
	var b bytes.Buffer
	if f.bitmap {
		// A colour glyph keeps its own colours (d0), sits on the
		// baseline with a little below it, as wide as its advance.
		wd := f.widths[f.newID[g]]
		fmt.Fprintf(&b, "%d 0 d0\n", wd)
		if name, ok := f.images[g]; ok {
			fmt.Fprintf(&b, "q %d 0 0 950 0 -120 cm /%s Do Q\n", wd, name)
		}
		return b.Bytes()
	}
	out, _ := f.face.GlyphData(g).(font.GlyphOutline)
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, s := range out.Segments {
		for _, p := range s.ArgsSlice() {
			minX, maxX = min(minX, float64(p.X)), max(maxX, float64(p.X))
			minY, maxY = min(minY, float64(p.Y)), max(maxY, float64(p.Y))
		}
	}
	if len(out.Segments) == 0 {
		minX, minY, maxX, maxY = 0, 0, 0, 0
	}
	fmt.Fprintf(&b, "%d 0 %.0f %.0f %.0f %.0f d1\n", f.widths[f.newID[g]], minX*scale, minY*scale, maxX*scale, maxY*scale)
	var cur font.SegmentPoint
	for _, s := range out.Segments {
		a := s.Args
		switch s.Op {
		case 0: // move
			if b.Len() > 0 && cur != (font.SegmentPoint{}) {
				b.WriteString("h ")
			}
			fmt.Fprintf(&b, "%.1f %.1f m ", float64(a[0].X)*scale, float64(a[0].Y)*scale)
			cur = a[0]
		case 1: // line
			fmt.Fprintf(&b, "%.1f %.1f l ", float64(a[0].X)*scale, float64(a[0].Y)*scale)
			cur = a[0]
		case 2: // quadratic: raised to a cubic exactly
			c1x, c1y := float64(cur.X)+2.0/3*float64(a[0].X-cur.X), float64(cur.Y)+2.0/3*float64(a[0].Y-cur.Y)
			c2x, c2y := float64(a[1].X)+2.0/3*float64(a[0].X-a[1].X), float64(a[1].Y)+2.0/3*float64(a[0].Y-a[1].Y)
			fmt.Fprintf(&b, "%.1f %.1f %.1f %.1f %.1f %.1f c ", c1x*scale, c1y*scale, c2x*scale, c2y*scale, float64(a[1].X)*scale, float64(a[1].Y)*scale)
			cur = a[1]
		case 3: // cubic
			fmt.Fprintf(&b, "%.1f %.1f %.1f %.1f %.1f %.1f c ", float64(a[0].X)*scale, float64(a[0].Y)*scale, float64(a[1].X)*scale, float64(a[1].Y)*scale, float64(a[2].X)*scale, float64(a[2].Y)*scale)
			cur = a[2]
		}
	}
	if len(out.Segments) > 0 {
		b.WriteString("h f\n")
	}
	return b.Bytes()
}

// keepModified puts the original font's "modified" date back in a
// subset's head table, where the subsetter writes the time of day, and
// redoes the checksums, so the same record gives the same file.
func keepModified(font, head []byte) []byte {
	if len(font) < 12 || len(head) < 36 {
		return font
	}
	n := int(binary.BigEndian.Uint16(font[4:6]))
	for i := range n {
		rec := 12 + 16*i
		if rec+16 > len(font) || string(font[rec:rec+4]) != "head" {
			continue
		}
		off, length := int(binary.BigEndian.Uint32(font[rec+8:])), int(binary.BigEndian.Uint32(font[rec+12:]))
		if off+36 > len(font) || off+length > len(font) {
			return font
		}
		copy(font[off+28:off+36], head[28:36])
		binary.BigEndian.PutUint32(font[off+8:], 0)
		binary.BigEndian.PutUint32(font[rec+4:], tableChecksum(font[off:off+(length+3)&^3]))
		binary.BigEndian.PutUint32(font[off+8:], 0xB1B0AFBA-tableChecksum(font))
		return font
	}
	return font
}

// tableChecksum is the OpenType checksum: the sum of big-endian uint32s,
// the last padded with zeros.
func tableChecksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var word [4]byte
		copy(word[:], b[i:min(i+4, len(b))])
		sum += binary.BigEndian.Uint32(word[:])
	}
	return sum
}
