package app

import (
	"errors"
	"os"
	"sync"
	"testing"
	"time"
)

func TestAutosaverFlushSavesLatestText(t *testing.T) {
	var mu sync.Mutex
	var saved []string
	a := NewAutosaver(func(text string) error {
		mu.Lock()
		defer mu.Unlock()
		saved = append(saved, text)
		return nil
	}, nil)
	a.Quiet, a.MaxWait = time.Hour, time.Hour
	a.Changed("a")
	a.Changed("ab")
	if err := a.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := a.Flush(); err != nil { // nothing pending: no second save
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(saved) != 1 || saved[0] != "ab" {
		t.Errorf("saved %q, want one save of the latest text", saved)
	}
}

func TestAutosaverKeepsTextAfterFailedSave(t *testing.T) {
	fail := true
	var last string
	a := NewAutosaver(func(text string) error {
		if fail {
			return errors.New("disk full")
		}
		last = text
		return nil
	}, nil)
	a.Quiet, a.MaxWait = time.Hour, time.Hour
	a.Changed("draft")
	if err := a.Flush(); err == nil {
		t.Fatal("Flush hid the save error")
	}
	if !a.Dirty() {
		t.Fatal("failed save dropped the pending text")
	}
	fail = false
	if err := a.Flush(); err != nil || last != "draft" {
		t.Errorf("retry saved %q, %v; want draft", last, err)
	}
}

func TestAutosaverSavesWithinMaxWaitWhileTypingContinues(t *testing.T) {
	done := make(chan string, 10)
	a := NewAutosaver(func(text string) error { done <- text; return nil }, nil)
	a.Quiet, a.MaxWait = time.Hour, 50*time.Millisecond
	a.Changed("a")
	select {
	case got := <-done:
		if got != "a" {
			t.Errorf("saved %q, want a", got)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no save within MaxWait although the quiet period never ended")
	}
}

// TestAutosaverMaxWaitByItsClock: typing that began MaxWait ago by the
// autosaver's clock is saved at once, however recent the last change.
func TestAutosaverMaxWaitByItsClock(t *testing.T) {
	done := make(chan string, 10)
	a := NewAutosaver(func(text string) error { done <- text; return nil }, nil)
	a.Quiet, a.MaxWait = time.Hour, time.Minute
	now := time.Date(2026, 1, 2, 9, 0, 0, 0, time.UTC)
	a.Now = func() time.Time { return now }
	a.Changed("a")
	select {
	case got := <-done:
		t.Fatalf("saved %q before the quiet period or MaxWait ran out", got)
	default:
	}
	now = now.Add(time.Minute)
	a.Changed("ab")
	select {
	case got := <-done:
		if got != "ab" {
			t.Errorf("saved %q, want ab", got)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no save although MaxWait had passed since the first unsaved change")
	}
}

func writeTestFile(path, content string) error { return os.WriteFile(path, []byte(content), 0o644) }

func readTestFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
