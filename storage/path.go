package storage

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
)

// DefaultPath returns where Copydesk keeps its database when no --db is
// given: the user's data folder ($XDG_DATA_HOME or ~/.local/share on Linux,
// Application Support on macOS, %LocalAppData% on Windows), under copydesk/.
func DefaultPath() (string, error) {
	dir, err := userDataDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "copydesk", "copydesk.db"), nil
}

func userDataDir() (string, error) {
	switch runtime.GOOS {
	case "windows":
		if d := os.Getenv("LocalAppData"); d != "" {
			return d, nil
		}
		return os.UserConfigDir()
	case "darwin", "ios":
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		return filepath.Join(home, "Library", "Application Support"), nil
	}
	if d := os.Getenv("XDG_DATA_HOME"); filepath.IsAbs(d) {
		return d, nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", errors.New("cannot find a home folder for the database; pass --db PATH")
	}
	return filepath.Join(home, ".local", "share"), nil
}
