package pdf

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"sync"

	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/fontscan"
	"github.com/go-text/typesetting/shaping"
	sfnt "github.com/tdewolff/font"
)

// Fonts chooses a face for every character of a document: the document's
// own font first (embedded in the program, so records look the same on
// every machine), then, for the characters it lacks, the fonts installed
// on the system (fontconfig's directories: Noto, DejaVu, …), by coverage
// and script, the way a browser falls back.
type Fonts struct {
	regular, bold *fontscan.FontMap
	// primary is the document font in each weight, and primaryLoc where
	// each is known to come from.
	primary, primaryBold       *font.Face
	primaryLoc, primaryBoldLoc font.FontID
	// data holds the bytes of the fonts given in memory, by location.
	data map[font.FontID][]byte
	// system says whether installed fonts take part.
	system bool
	opts   FontOptions
	mu     sync.Mutex

	// shaper keeps each face's shaping tables (GSUB, GPOS) once built,
	// which for a CJK font costs more than setting a page; shapeMu
	// guards it.
	shaper  shaping.HarfbuzzShaper
	shapeMu sync.Mutex
	// programs caches font files read for embedding, by location.
	programs map[font.FontID]*sfnt.SFNT
}

// shape shapes one run.
func (f *Fonts) shape(in shaping.Input) shaping.Output {
	f.shapeMu.Lock()
	defer f.shapeMu.Unlock()
	return f.shaper.Shape(in)
}

// FontOptions are where NewFonts looks for fonts.
type FontOptions struct {
	// Family names the document font.
	Family string
	// Regular and Bold are the document font's TrueType files.
	Regular, Bold []byte
	// NoSystemFonts leaves the installed fonts out, so that only the
	// document font is used (tests use it to see what a machine without
	// fonts prints).
	NoSystemFonts bool
	// CacheDir holds the index of installed fonts; empty means the user's
	// cache folder.
	CacheDir string
}

// quiet discards fontscan's progress messages.
type quiet struct{}

func (quiet) Printf(string, ...any) {}

// NewFonts loads the document font and indexes the installed fonts. The
// index is built once per machine and cached; later calls only check
// that the font folders have not changed.
func NewFonts(o FontOptions) (*Fonts, error) {
	f := &Fonts{data: map[font.FontID][]byte{}, system: !o.NoSystemFonts, programs: map[font.FontID]*sfnt.SFNT{}}
	f.shaper.SetFontCacheSize(64)
	var err error
	if f.primary, f.primaryLoc, err = f.addMemory(o.Family+" Regular", o.Regular); err != nil {
		return nil, err
	}
	if f.primaryBold, f.primaryBoldLoc, err = f.addMemory(o.Family+" Bold", o.Bold); err != nil {
		return nil, err
	}
	f.opts = o
	return f, nil
}

// maps builds the font maps on first need: indexing the installed fonts
// costs more than setting a record in the document font, so a record
// the document font covers never pays for it. Call with mu held.
func (f *Fonts) maps() {
	if f.regular == nil {
		f.regular = f.fontMap(f.opts, font.Aspect{Weight: font.WeightNormal})
		f.bold = f.fontMap(f.opts, font.Aspect{Weight: font.WeightBold})
	}
}

// addMemory loads a font given in memory and returns it with the location
// it is known by.
func (f *Fonts) addMemory(name string, b []byte) (*font.Face, font.FontID, error) {
	face, err := font.ParseTTF(bytes.NewReader(b))
	if err != nil {
		return nil, font.FontID{}, fmt.Errorf("pdf: font %s: %w", name, err)
	}
	loc := font.FontID{File: "embedded:" + name}
	f.data[loc] = b
	return face, loc, nil
}

func (f *Fonts) fontMap(o FontOptions, aspect font.Aspect) *fontscan.FontMap {
	fm := fontscan.NewFontMap(quiet{})
	primary, loc, weight := f.primary, f.primaryLoc, font.WeightNormal
	if aspect.Weight == font.WeightBold {
		primary, loc, weight = f.primaryBold, f.primaryBoldLoc, font.WeightBold
	}
	md := font.Description{Family: o.Family, Aspect: font.Aspect{Style: font.StyleNormal, Weight: weight, Stretch: font.StretchNormal}}
	fm.AddFace(primary, loc, md)
	if f.system {
		if err := fm.UseSystemFonts(cacheDir(o.CacheDir)); err != nil {
			log.Printf("pdf: installed fonts not indexed: %v", err)
		}
	}
	fm.SetQuery(fontscan.Query{Families: []string{o.Family}, Aspect: aspect})
	return fm
}

func cacheDir(dir string) string {
	if dir != "" {
		return dir
	}
	if d, err := os.UserCacheDir(); err == nil {
		return filepath.Join(d, "copydesk", "fonts")
	}
	return ""
}

// resolve returns the face to draw r in, bold or not, and whether that
// face has a glyph for it.
func (f *Fonts) resolve(r rune, bold bool) (*font.Face, bool) {
	primary := f.primary
	if bold {
		primary = f.primaryBold
	}
	if _, ok := primary.NominalGlyph(r); ok {
		return primary, true
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.maps()
	fm := f.regular
	if bold {
		fm = f.bold
	}
	face := fm.ResolveFace(r)
	if face == nil {
		return f.primary, false
	}
	_, ok := face.NominalGlyph(r)
	return face, ok
}

// location returns where a face's font came from.
func (f *Fonts) location(face *font.Face) font.FontID {
	f.mu.Lock()
	defer f.mu.Unlock()
	switch face {
	case f.primary:
		return f.primaryLoc
	case f.primaryBold:
		return f.primaryBoldLoc
	}
	f.maps()
	if loc := f.regular.FontLocation(face.Font); loc.File != "" {
		return loc
	}
	return f.bold.FontLocation(face.Font)
}

// trueType returns the parsed TrueType font at loc, for subsetting, or
// nil if its outlines are not TrueType (CFF, bitmaps), which are drawn
// as Type 3 glyphs instead. Fonts are read once per process.
func (f *Fonts) trueType(loc font.FontID) (*sfnt.SFNT, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if p, ok := f.programs[loc]; ok {
		return p, nil
	}
	b, ok := f.data[loc]
	if !ok {
		fh, err := os.Open(loc.File)
		if err != nil {
			return nil, fmt.Errorf("pdf: font: %w", err)
		}
		defer fh.Close()
		if tt, err := hasTrueTypeOutlines(fh, int(loc.Index)); err != nil || !tt {
			f.programs[loc] = nil
			return nil, nil
		}
		if b, err = io.ReadAll(io.LimitReader(fh, 256<<20)); err != nil {
			return nil, fmt.Errorf("pdf: font %s: %w", loc.File, err)
		}
	}
	p, err := sfnt.ParseFont(b, int(loc.Index))
	if err != nil || !p.IsTrueType {
		p = nil
	}
	f.programs[loc] = p
	return p, nil
}

// hasTrueTypeOutlines reads a font file's header (a collection's, then
// its font's) and reports whether the font has TrueType outlines, before
// reading the whole file. It leaves r at the start.
func hasTrueTypeOutlines(r io.ReadSeeker, index int) (bool, error) {
	var head [12]byte
	if _, err := io.ReadFull(r, head[:]); err != nil {
		return false, err
	}
	offset := int64(0)
	if string(head[:4]) == "ttcf" {
		n := binary.BigEndian.Uint32(head[8:12])
		if index < 0 || uint32(index) >= n {
			return false, fmt.Errorf("font %d of %d in collection", index, n)
		}
		var off [4]byte
		if _, err := r.Seek(int64(12+4*index), io.SeekStart); err != nil {
			return false, err
		}
		if _, err := io.ReadFull(r, off[:]); err != nil {
			return false, err
		}
		offset = int64(binary.BigEndian.Uint32(off[:]))
		if _, err := r.Seek(offset, io.SeekStart); err != nil {
			return false, err
		}
		if _, err := io.ReadFull(r, head[:4]); err != nil {
			return false, err
		}
	}
	_, err := r.Seek(0, io.SeekStart)
	v := binary.BigEndian.Uint32(head[:4])
	return v == 0x00010000 || string(head[:4]) == "true", err
}
