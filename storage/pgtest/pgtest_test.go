package pgtest

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"
)

// TestStart starts a server, connects through its socket and asks it for
// its version and for a write and a read back.
func TestStart(t *testing.T) {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, Start(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var version int
	if err := conn.QueryRow(ctx, "SELECT current_setting('server_version_num')::int").Scan(&version); err != nil || version < 150000 {
		t.Fatalf("server_version_num = %d, %v; want PostgreSQL 15 or newer", version, err)
	}
	if _, err := conn.Exec(ctx, "CREATE TABLE t (s text); INSERT INTO t VALUES ('Café “quoted”')"); err != nil {
		t.Fatal(err)
	}
	var s string
	if err := conn.QueryRow(ctx, "SELECT s FROM t").Scan(&s); err != nil || s != "Café “quoted”" {
		t.Errorf("read back %q, %v", s, err)
	}
}
