// Package clocale keeps Fyne quiet under the C locale. With LANG=C or
// C.UTF-8 (the default on many servers, containers and CI machines) Fyne's
// language setup, which runs while packages initialise, logs "Error parsing
// user locale C" on every start, command-line tools included. C means
// untranslated English messages, so this package says so in LC_MESSAGES.
//
// It must initialise before Fyne: it imports only the standard library, and
// Go initialises packages in import-path order once their imports are
// ready, so copydesk/... precedes fyne.io/... . main imports it.
package clocale

import (
	"os"
	"strings"
)

func init() {
	if IsC(messagesLocale()) {
		os.Setenv("LC_MESSAGES", "en_US.UTF-8")
	}
}

// messagesLocale returns the locale that governs messages, as POSIX
// resolves it: LC_ALL, then LC_MESSAGES, then LANG.
func messagesLocale() string {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(name); v != "" {
			return v
		}
	}
	return ""
}

// IsC reports whether loc names the C or POSIX locale, with or without an
// encoding (C.UTF-8).
func IsC(loc string) bool {
	base, _, _ := strings.Cut(loc, ".")
	return base == "C" || base == "POSIX"
}
