package storage

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"sync"
	"time"
)

// dialect is the SQL a desk's server speaks. The queries are written once,
// in SQLite's form with ? placeholders; a txn rewrites them for
// PostgreSQL. What differs beyond that (schema, search, change
// notification, locking) lives in the files named after each backend.
type dialect int

const (
	sqliteDialect dialect = iota
	postgresDialect
)

// txn is a transaction on a desk, speaking its dialect: queries written
// with ? placeholders are numbered $1, $2... for PostgreSQL, and times go
// in as each backend stores them.
type txn struct {
	*sql.Tx
	d dialect
	// quiet is set by a change no other workspace shows (an editor's own
	// working copy, the search index): update then does not announce it.
	quiet bool
}

func (tx *txn) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return tx.Tx.ExecContext(ctx, tx.d.rebind(query), args...)
}

func (tx *txn) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return tx.Tx.QueryContext(ctx, tx.d.rebind(query), args...)
}

func (tx *txn) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return tx.Tx.QueryRowContext(ctx, tx.d.rebind(query), args...)
}

// time is t as a query argument: fixed-width UTC text in SQLite (see
// timeLayout), a timestamptz in PostgreSQL.
func (tx *txn) time(t time.Time) any {
	if tx.d == postgresDialect {
		return t.UTC()
	}
	return formatTime(t)
}

// pg reports whether the transaction runs on PostgreSQL.
func (tx *txn) pg() bool { return tx.d == postgresDialect }

// rebound caches rebind's work: the queries are a fixed set, built once.
var rebound sync.Map // string → string

// rebind numbers the ? placeholders of query for PostgreSQL. A ? inside a
// quoted string or identifier is left alone.
func (d dialect) rebind(query string) string {
	if d != postgresDialect || !strings.Contains(query, "?") {
		return query
	}
	if q, ok := rebound.Load(query); ok {
		return q.(string)
	}
	var (
		b     strings.Builder
		n     int
		quote byte
	)
	b.Grow(len(query) + 8)
	for i := 0; i < len(query); i++ {
		c := query[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '?':
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(c)
	}
	q := b.String()
	rebound.Store(query, q)
	return q
}
