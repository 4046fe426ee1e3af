package main

import (
	"testing"

	"copydesk/storage/pgtest"
)

// TestMain stops the PostgreSQL server pgtest.Database starts for the
// tests of commands on shared desks.
func TestMain(m *testing.M) { pgtest.Main(m) }
