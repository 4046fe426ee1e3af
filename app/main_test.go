package app

import (
	"testing"

	"copydesk/storage/pgtest"
)

// TestMain stops the PostgreSQL server the shared-desk tests start, once
// they have all run.
func TestMain(m *testing.M) { pgtest.Main(m) }
