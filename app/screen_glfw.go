//go:build !ci

package app

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// screenSize returns the size of the primary screen in the canvas's
// units. It runs on the main thread, once the driver has started.
func screenSize(c fyne.Canvas) (fyne.Size, bool) {
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return fyne.Size{}, false
	}
	mode := m.GetVideoMode()
	if mode == nil || mode.Width <= 0 || mode.Height <= 0 {
		return fyne.Size{}, false
	}
	s := c.Scale()
	if s <= 0 {
		s = 1
	}
	return fyne.NewSize(float32(mode.Width)/s, float32(mode.Height)/s), true
}
