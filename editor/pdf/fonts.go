package pdf

import (
	"bytes"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"sync"

	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/fontscan"
)

// Fonts chooses a face for every character of a document: the document's
// own font first (embedded in the program, so records look the same on
// every machine), then, for the characters it lacks, the fonts installed
// on the system (fontconfig's directories: Noto, DejaVu, …), by coverage
// and script, the way a browser falls back.
type Fonts struct {
	regular, bold *fontscan.FontMap
	// primary is the document font in each weight.
	primary, primaryBold *font.Face
	// data holds the bytes of the fonts given in memory, by location.
	data map[font.FontID][]byte
	// system says whether installed fonts take part.
	system bool
	mu     sync.Mutex
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
	f := &Fonts{data: map[font.FontID][]byte{}, system: !o.NoSystemFonts}
	var err error
	if f.primary, err = f.addMemory(o.Family+" Regular", o.Regular); err != nil {
		return nil, err
	}
	if f.primaryBold, err = f.addMemory(o.Family+" Bold", o.Bold); err != nil {
		return nil, err
	}
	f.regular = f.fontMap(o, font.Aspect{Weight: font.WeightNormal})
	f.bold = f.fontMap(o, font.Aspect{Weight: font.WeightBold})
	return f, nil
}

func (f *Fonts) addMemory(name string, b []byte) (*font.Face, error) {
	face, err := font.ParseTTF(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("pdf: font %s: %w", name, err)
	}
	f.data[font.FontID{File: "embedded:" + name}] = b
	return face, nil
}

func (f *Fonts) fontMap(o FontOptions, aspect font.Aspect) *fontscan.FontMap {
	fm := fontscan.NewFontMap(quiet{})
	primary, weight := f.primary, font.WeightNormal
	if aspect.Weight == font.WeightBold {
		primary, weight = f.primaryBold, font.WeightBold
	}
	md := font.Description{Family: o.Family, Aspect: font.Aspect{Style: font.StyleNormal, Weight: weight, Stretch: font.StretchNormal}}
	loc := font.FontID{File: "embedded:" + o.Family + " Regular"}
	if weight == font.WeightBold {
		loc.File = "embedded:" + o.Family + " Bold"
	}
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
	f.mu.Lock()
	defer f.mu.Unlock()
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
		return font.FontID{File: f.embeddedName(false)}
	case f.primaryBold:
		return font.FontID{File: f.embeddedName(true)}
	}
	if loc := f.regular.FontLocation(face.Font); loc.File != "" {
		return loc
	}
	return f.bold.FontLocation(face.Font)
}

func (f *Fonts) embeddedName(bold bool) string {
	for id := range f.data {
		isBold := bytes.HasSuffix([]byte(id.File), []byte(" Bold"))
		if isBold == bold {
			return id.File
		}
	}
	return ""
}

// program returns the bytes of the font file at loc (a whole collection
// for a .ttc).
func (f *Fonts) program(loc font.FontID) ([]byte, error) {
	if b, ok := f.data[loc]; ok {
		return b, nil
	}
	fh, err := os.Open(loc.File)
	if err != nil {
		return nil, fmt.Errorf("pdf: font: %w", err)
	}
	defer fh.Close()
	b, err := io.ReadAll(io.LimitReader(fh, 256<<20))
	if err != nil {
		return nil, fmt.Errorf("pdf: font %s: %w", loc.File, err)
	}
	return b, nil
}
