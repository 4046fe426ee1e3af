// Package browsertest opens exported pages in headless Chromium for tests:
// a screenshot to show a page renders, and the DOM after it loaded to show
// what the browser made of it. Tests skip where Chromium is not installed.
package browsertest

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// names are the names Chromium is installed under by Debian, other
// distributions and Google.
var names = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// timeout bounds one browser run; a loaded machine can take seconds just
// to start it.
const timeout = 2 * time.Minute

// Chromium returns the path of the Chromium program, skipping the test
// when none is installed.
func Chromium(t testing.TB) string {
	t.Helper()
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	t.Skip("Chromium is not installed (Debian package chromium)")
	return ""
}

// run runs headless Chromium on the page file with the extra flags and
// returns its standard output.
func run(t testing.TB, page string, flags ...string) []byte {
	t.Helper()
	bin := Chromium(t)
	abs, err := filepath.Abs(page)
	if err != nil {
		t.Fatal(err)
	}
	args := []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
		"--no-first-run", "--disable-background-networking",
		"--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir(),
	}
	args = append(args, flags...)
	args = append(args, (&url.URL{Scheme: "file", Path: abs}).String())
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %v: %v\n%s", bin, args, err, stderr.Bytes())
	}
	return stdout.Bytes()
}

// Screenshot renders the page at 1200×900 and returns the decoded
// screenshot, failing the test if Chromium writes none.
func Screenshot(t testing.TB, page string) image.Image {
	t.Helper()
	shot := filepath.Join(t.TempDir(), "shot.png")
	run(t, page, "--hide-scrollbars", "--screenshot="+shot, "--window-size=1200,900")
	f, err := os.Open(shot)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	return img
}

// DumpDOM loads the page, gives its scripts, timers and event handlers
// two seconds of virtual time to run, and returns the serialised DOM.
func DumpDOM(t testing.TB, page string) string {
	t.Helper()
	return string(run(t, page, "--virtual-time-budget=2000", "--dump-dom"))
}

// Colours counts the distinct colours in img, stopping at limit.
func Colours(img image.Image, limit int) int {
	seen := make(map[[4]uint32]bool)
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, a := img.At(x, y).RGBA()
			seen[[4]uint32{r, g, bl, a}] = true
			if len(seen) >= limit {
				return len(seen)
			}
		}
	}
	return len(seen)
}
