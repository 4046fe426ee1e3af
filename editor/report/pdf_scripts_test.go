package report

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"copydesk/editor"
)

// scriptLines are one line of news copy in each script the record must
// print, as a writer would quote them.
var scriptLines = []struct {
	name, text string
	// rtl words: the first word in reading order must sit to the right
	// of the second on the page.
	rtl       [2]string
	codepoint string // a character fc-list is asked about
}{
	{"Arabic", "قال الوزير «سنبني المدارس» أمس", [2]string{"قال", "الوزير"}, "0627"},
	{"Hebrew", "אמר השר ״נבנה״ היום", [2]string{"אמר", "השר"}, "05D0"},
	{"Chinese", "他说：“我们会赢。”", [2]string{}, "4ED6"},
	{"Japanese", "東京で「こんにちは」と言った。", [2]string{}, "6771"},
	{"Korean", "그는 “안녕하세요”라고 말했다.", [2]string{}, "AD6C"},
	{"Hindi", "उन्होंने कहा, “नमस्ते दुनिया”।", [2]string{}, "0928"},
	{"Emoji", "Fans cheered 🎉 👍🏽 🇫🇷", [2]string{}, "1F389"},
}

// needFonts skips the test unless an installed font covers each script.
func needFonts(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("fc-list"); err != nil {
		t.Skip("fc-list is not installed (Debian package fontconfig)")
	}
	for _, l := range scriptLines {
		out, err := exec.Command("fc-list", ":charset="+l.codepoint, "file").Output()
		if err != nil || len(bytes.TrimSpace(out)) == 0 {
			t.Skipf("no installed font covers %s (Debian packages fonts-noto-core, fonts-noto-cjk, fonts-noto-color-emoji)", l.name)
		}
	}
}

func scriptReport() Report {
	var body []string
	for _, l := range scriptLines {
		body = append(body, l.name+": "+l.text)
	}
	return Report{
		Article:  editor.Article{Title: "Voices: " + scriptLines[0].text + " · " + scriptLines[2].text},
		Revision: editor.Revision{Text: "Headline\n" + strings.Join(body, "\n")},
		Notes: []Note{{Note: editor.Note{ID: 1, Status: editor.NoteOpen, Check: "comment", Message: "Check the spelling: " + scriptLines[5].text,
			Anchor: editor.Anchor{Exact: scriptLines[1].text, Prefix: "Hebrew: "}}}},
	}
}

// bidiMarks are the embedding marks pdftotext puts around right-to-left
// text.
var bidiMarks = strings.NewReplacer("\u202b", "", "\u202c", "", "\u200f", "", "\u200e", "")

// TestPDFScripts sets a record with Arabic, Hebrew, Chinese, Japanese,
// Korean, Hindi and emoji, and reads it back three ways: pdftotext must
// give each line in reading order, the right-to-left words must stand
// right to left on the page, and the rendered page must show ink across
// each line (no blank glyphs), with nothing reported undrawable.
func TestPDFScripts(t *testing.T) {
	needFonts(t)
	var b bytes.Buffer
	res, err := WritePDFResult(&b, scriptReport(), PDFOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Missing) > 0 {
		t.Errorf("characters reported undrawable with fonts installed: %q", res.Missing)
	}
	file := filepath.Join(t.TempDir(), "scripts.pdf")
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	text := oneLine(bidiMarks.Replace(poppler(t, "pdftotext", "-enc", "UTF-8", file, "-")))
	for _, l := range scriptLines {
		if want := l.name + ": " + l.text; !strings.Contains(text, want) {
			t.Errorf("pdftotext lacks %s line %q; got:\n%s", l.name, want, text)
		}
	}
	if strings.Contains(text, "Characters not drawn") {
		t.Errorf("record carries the undrawable-characters notice with fonts installed")
	}

	words, all := bboxWords(t, poppler(t, "pdftotext", "-bbox", "-enc", "UTF-8", file, "-"))
	for _, l := range scriptLines {
		if l.rtl[0] == "" {
			continue
		}
		// pdftotext -bbox gives each word's letters in the order they
		// stand on the page, so a right-to-left word reads backwards.
		first, second := words[reverse(l.rtl[0])], words[reverse(l.rtl[1])]
		if first == nil || second == nil {
			t.Errorf("%s: words %q not found on the page", l.name, l.rtl)
			continue
		}
		if first[0] <= second[0] {
			t.Errorf("%s: %q (first in reading order) at x=%.1f is left of %q at x=%.1f; right-to-left text runs left to right", l.name, l.rtl[0], first[0], l.rtl[1], second[0])
		}
	}

	// The rendered page: every script line of the article text has ink
	// over most of the width its words take.
	dir := t.TempDir()
	poppler(t, "pdftoppm", "-r", "100", "-gray", "-png", "-f", "1", "-l", "1", file, filepath.Join(dir, "page"))
	matches, _ := filepath.Glob(filepath.Join(dir, "page*.png"))
	if len(matches) != 1 {
		t.Fatalf("pdftoppm made %d pages, want 1", len(matches))
	}
	img := readPNG(t, matches[0])
	for _, l := range scriptLines {
		box := words[l.name+":"]
		if box == nil {
			t.Errorf("%s: label not found", l.name)
			continue
		}
		// Every word after the label has ink over most of its box: a
		// glyph drawn blank (an emoji bitmap lost, a font not embedded)
		// leaves its box empty.
		scale := 100.0 / 72
		n := 0
		for _, w := range lineWords(all, box) {
			n++
			ink := inkColumns(img, int(w[0]*scale), int(w[2]*scale), int(w[1]*scale), int(w[3]*scale))
			if ink < 0.5 {
				t.Errorf("%s: a word at x=%.0f has ink in only %.0f%% of its columns on the rendered page", l.name, w[0], ink*100)
			}
		}
		if n == 0 {
			t.Errorf("%s: no words found after the label on its line", l.name)
		}
	}
}

// TestPDFScriptsWithoutFonts sets the same record with the document
// font alone, as on a machine with no other fonts: the record says which
// characters it could not draw, and they stay in the text layer.
func TestPDFScriptsWithoutFonts(t *testing.T) {
	var b bytes.Buffer
	res, err := WritePDFResult(&b, scriptReport(), PDFOptions{NoSystemFonts: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Missing) == 0 {
		t.Fatalf("no character reported undrawable with the document font alone")
	}
	joined := strings.Join(res.Missing, "")
	for _, r := range "我안🎉" {
		if !strings.ContainsRune(joined, r) {
			t.Errorf("Missing %q lacks %q", res.Missing, r)
		}
	}
	file := filepath.Join(t.TempDir(), "nofonts.pdf")
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	text := oneLine(bidiMarks.Replace(poppler(t, "pdftotext", "-enc", "UTF-8", file, "-")))
	for _, want := range []string{"Characters not drawn", "U+1F389", scriptLines[2].text, scriptLines[4].text} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext lacks %q; got:\n%s", want, text)
		}
	}
}

var bboxWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)

// bboxWords reads pdftotext -bbox output: each word's first box on the
// page, and every word's box.
func bboxWords(t *testing.T, out string) (map[string][]float64, [][]float64) {
	t.Helper()
	words := map[string][]float64{}
	var all [][]float64
	for _, m := range bboxWord.FindAllStringSubmatch(out, -1) {
		w := bidiMarks.Replace(m[5])
		var box []float64
		for _, v := range m[1:5] {
			f, _ := strconv.ParseFloat(v, 64)
			box = append(box, f)
		}
		all = append(all, box)
		if _, ok := words[w]; !ok {
			words[w] = box
		}
	}
	return words, all
}

// lineWords are the boxes of the words after box on its line.
func lineWords(words [][]float64, box []float64) [][]float64 {
	var out [][]float64
	mid := (box[1] + box[3]) / 2
	for _, b := range words {
		if b[1] < mid && b[3] > mid && b[0] > box[2] {
			out = append(out, b)
		}
	}
	return out
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// inkColumns is the share of columns x0..x1 with a pixel that is not paper between
// rows y0 and y1, counted in cells of 4 columns (the gaps between
// letters do not count against a word).
func inkColumns(img image.Image, x0, x1, y0, y1 int) float64 {
	var cells, inked int
	for x := x0; x+4 <= x1; x += 4 {
		cells++
	cell:
		for dx := range 4 {
			for y := y0; y <= y1; y++ {
				r, g, b, _ := img.At(x+dx, y).RGBA()
				if (r+g+b)/3 < 0xD000 { // anything but paper
					inked++
					break cell
				}
			}
		}
	}
	if cells == 0 {
		return 0
	}
	return float64(inked) / float64(cells)
}

func reverse(s string) string {
	rs := []rune(s)
	for i, j := 0, len(rs)-1; i < j; i, j = i+1, j-1 {
		rs[i], rs[j] = rs[j], rs[i]
	}
	return string(rs)
}
