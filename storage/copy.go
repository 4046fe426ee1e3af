package storage

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"strings"
	"time"
)

// ErrCopyDiffers means a copied desk, read back, is not the same as its
// source: a table has other rows or other values. Copy then leaves the
// destination as it was.
var ErrCopyDiffers = errors.New("the copy differs from its source")

// CopyReport is what Copy found when it read the copy back and compared
// it with the source, table by table.
type CopyReport struct {
	Tables []TableCheck
	// FinerTimes counts the source's times that had digits below the
	// microsecond (a SQLite desk of an older Copydesk keeps nanoseconds).
	// The copy keeps them to the microsecond, as the checksums compare
	// them.
	FinerTimes int
}

// TableCheck compares one table of a copy with the source's: how many
// rows each holds and the SHA-256 of their rows in canonical form (see
// tableDigest), in hex.
type TableCheck struct {
	Table                           string
	SourceRows, DestinationRows     int64
	SourceSHA256, DestinationSHA256 string
	Match                           bool
}

// Match reports whether every table of the copy matches the source's.
func (r CopyReport) Match() bool {
	for _, t := range r.Tables {
		if !t.Match {
			return false
		}
	}
	return len(r.Tables) > 0
}

// SourceRows is how many rows the source's tables hold together.
func (r CopyReport) SourceRows() int64 {
	var n int64
	for _, t := range r.Tables {
		n += t.SourceRows
	}
	return n
}

// Copy copies the whole desk from holds into the desk to, which must hold
// no articles: every article (those in the trash too), revision, working
// copy of every editor, source, note and reply, keeping their IDs, numbers
// and times. Times are kept to the microsecond, PostgreSQL's precision,
// so a desk copied from SQLite to PostgreSQL and back comes back the same;
// finer digits of an older SQLite desk are dropped (CopyReport.FinerTimes
// counts them). Who has which article open (presence) is not copied. The
// copy's search index is built in the same transaction, drafts included,
// so it starts with nothing left to index.
//
// The source is read in one snapshot, a row at a time, so neither a desk
// that is being written to nor one with long texts is a problem. The
// destination is written in one transaction. Before it is committed, both
// desks are read back, in that snapshot and that transaction, and every
// table's rows are counted and checksummed (CopyReport): the comparison
// thus sees the rows as the destination stores them, yet a copy that
// differs is rolled back and the destination is left as it was, rather
// than committed and found wrong afterwards. Only when every table
// matches are a PostgreSQL destination's ID sequences moved past the
// copied IDs and the transaction committed.
//
// Copy refuses, writing nothing, a destination that holds articles
// (ErrConflict) and a destination that is the source (ErrInvalid). A copy
// that differs from its source is ErrCopyDiffers, with the report saying
// which tables differ.
func Copy(ctx context.Context, from, to *DB) (CopyReport, error) {
	report, err := copyDesk(ctx, from, to, nil)
	if err != nil {
		return report, fmt.Errorf("storage: copy: %w", err)
	}
	return report, nil
}

// copyDesk is Copy. beforeCompare, when not nil, runs in the destination's
// transaction once the rows are written, before they are compared: tests
// change a row there to see the comparison catch it.
func copyDesk(ctx context.Context, from, to *DB, beforeCompare func(context.Context, *txn) error) (CopyReport, error) {
	if sameDesk(from, to) {
		return CopyReport{}, fmt.Errorf("%w: %s is both the source and the destination", ErrInvalid, to.path)
	}
	var report CopyReport
	err := from.view(ctx, func(src *txn) error {
		return to.update(ctx, func(dst *txn, _ time.Time) error {
			report = CopyReport{}
			if err := mustHoldNoArticles(ctx, dst, to.path); err != nil {
				return err
			}
			for _, t := range deskTables {
				if err := copyTable(ctx, src, dst, t); err != nil {
					return fmt.Errorf("%s: %w", t.name, err)
				}
			}
			if err := indexCopy(ctx, dst); err != nil {
				return fmt.Errorf("search index: %w", err)
			}
			if beforeCompare != nil {
				if err := beforeCompare(ctx, dst); err != nil {
					return err
				}
			}
			var err error
			if report, err = compareDesks(ctx, src, dst); err != nil {
				return fmt.Errorf("read back: %w", err)
			}
			if !report.Match() {
				var differ []string
				for _, t := range report.Tables {
					if !t.Match {
						differ = append(differ, t.Table)
					}
				}
				return fmt.Errorf("%w in %s; nothing was written to %s", ErrCopyDiffers, strings.Join(differ, ", "), to.path)
			}
			return moveSequences(ctx, dst)
		})
	})
	return report, err
}

// sameDesk reports whether a and b are one desk: one file, or one URL.
func sameDesk(a, b *DB) bool {
	if a == b || a.path == b.path {
		return true
	}
	return a.ident != nil && b.ident != nil && os.SameFile(a.ident, b.ident)
}

// mustHoldNoArticles refuses a destination that holds articles. On
// PostgreSQL it first locks the articles table against writers till the
// copy commits: rows of every other table hang on an article, so no one
// adds anything meanwhile.
func mustHoldNoArticles(ctx context.Context, tx *txn, where string) error {
	if tx.pg() {
		if _, err := tx.ExecContext(ctx, `LOCK TABLE articles IN EXCLUSIVE MODE`); err != nil {
			return err
		}
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return fmt.Errorf("%w: %s already holds %d %s; a desk is copied into a new, empty one",
			ErrConflict, where, n, plural(n, "article", "articles"))
	}
	return nil
}

// columnKind is how a column is read, written and checksummed.
type columnKind int

const (
	intKind      columnKind = iota // INTEGER / bigint, integer
	textKind                       // TEXT / text
	timeKind                       // fixed-width UTC text / timestamptz
	nullTimeKind                   // as timeKind, or NULL
	boolKind                       // INTEGER 0 or 1 / boolean
)

type column struct {
	name string
	kind columnKind
}

// deskTable is a table Copy moves.
type deskTable struct {
	name    string
	columns []column
	// key is how many leading columns make up the primary key: rows are
	// read, written and checksummed in its order.
	key int
	// identity is set for a table whose id PostgreSQL numbers from a
	// sequence.
	identity bool
}

// deskTables are the tables of a desk that Copy moves, in an order that
// writes every row after those it refers to, and revisions in their
// numbers' order (their triggers want that). The search index and
// draft_index_stale are built from them; presence is not copied.
var deskTables = []deskTable{
	{name: "articles", key: 1, identity: true, columns: []column{
		{"id", intKind}, {"title", textKind}, {"slug", textKind}, {"byline", textKind},
		{"created", timeKind}, {"updated", timeKind}, {"deleted_at", nullTimeKind},
	}},
	{name: "revisions", key: 2, columns: []column{
		{"article_id", intKind}, {"number", intKind}, {"label", textKind}, {"author", textKind},
		{"text", textKind}, {"created", timeKind},
	}},
	{name: "working_copies", key: 2, columns: []column{
		{"article_id", intKind}, {"editor", textKind}, {"base", intKind}, {"text", textKind}, {"updated", timeKind},
	}},
	{name: "sources", key: 1, identity: true, columns: []column{
		{"id", intKind}, {"article_id", intKind}, {"title", textKind}, {"kind", textKind},
		{"text", textKind}, {"created", timeKind},
	}},
	{name: "notes", key: 1, identity: true, columns: []column{
		{"id", intKind}, {"article_id", intKind}, {"revision", intKind}, {"check_name", textKind},
		{"severity", textKind}, {"status", textKind}, {"message", textKind}, {"author", textKind},
		{"anchor_start", intKind}, {"anchor_end", intKind}, {"anchor_exact", textKind},
		{"anchor_prefix", textKind}, {"anchor_suffix", textKind}, {"orphaned", boolKind},
		{"created", timeKind}, {"updated", timeKind},
	}},
	{name: "note_replies", key: 1, identity: true, columns: []column{
		{"id", intKind}, {"note_id", intKind}, {"author", textKind}, {"text", textKind}, {"created", timeKind},
	}},
}

// selectAll is the query that reads every row of t in key order. Text
// keys are ordered by their bytes on PostgreSQL ("C"), as SQLite orders
// them, so both backends read a table in the same order.
func (t deskTable) selectAll(pg bool) string {
	order := make([]string, t.key)
	for i, c := range t.columns[:t.key] {
		order[i] = c.name
		if pg && c.kind == textKind {
			order[i] += ` COLLATE "C"`
		}
	}
	return `SELECT ` + t.columnList() + ` FROM ` + t.name + ` ORDER BY ` + strings.Join(order, ", ")
}

func (t deskTable) insert() string {
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(t.columns)), ", ")
	return `INSERT INTO ` + t.name + ` (` + t.columnList() + `) VALUES (` + marks + `)`
}

// columnList is t's column names, comma-separated.
func (t deskTable) columnList() string {
	names := make([]string, len(t.columns))
	for i, c := range t.columns {
		names[i] = c.name
	}
	return strings.Join(names, ", ")
}

// cell holds one column's value of the row being read; which field
// depends on the column's kind. A NULL time is the zero time.
type cell struct {
	n int64
	s string
	t time.Time
	b bool
}

// eachRow calls fn with every row of t in tx, in key order, one row at a
// time: cells are reused, and hold only the current row.
func eachRow(ctx context.Context, tx *txn, t deskTable, fn func(cells []cell) error) error {
	rows, err := tx.QueryContext(ctx, t.selectAll(tx.pg()))
	if err != nil {
		return err
	}
	defer rows.Close()
	cells := make([]cell, len(t.columns))
	dest := make([]any, len(t.columns))
	for i, c := range t.columns {
		switch c.kind {
		case intKind:
			dest[i] = &cells[i].n
		case textKind:
			dest[i] = &cells[i].s
		case timeKind, nullTimeKind:
			dest[i] = timeColumn{&cells[i].t}
		case boolKind:
			dest[i] = &cells[i].b
		}
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		if err := fn(cells); err != nil {
			return err
		}
	}
	return rows.Err()
}

// copyTable writes every row of t in src to dst, times to the
// microsecond.
func copyTable(ctx context.Context, src, dst *txn, t deskTable) error {
	stmt, err := dst.Tx.PrepareContext(ctx, dst.d.rebind(t.insert()))
	if err != nil {
		return err
	}
	defer stmt.Close()
	args := make([]any, len(t.columns))
	return eachRow(ctx, src, t, func(cells []cell) error {
		for i, c := range t.columns {
			switch c.kind {
			case intKind:
				args[i] = cells[i].n
			case textKind:
				args[i] = cells[i].s
			case timeKind:
				args[i] = dst.time(cells[i].t.Truncate(time.Microsecond))
			case nullTimeKind:
				args[i] = nil
				if !cells[i].t.IsZero() {
					args[i] = dst.time(cells[i].t.Truncate(time.Microsecond))
				}
			case boolKind:
				args[i] = cells[i].b
			}
		}
		_, err := stmt.ExecContext(ctx, args...)
		return err
	})
}

// indexCopy brings the search index of a copied desk up to date. SQLite's
// triggers indexed titles, revisions, notes and replies as the rows came
// in, and marked the articles with working copies; their drafts are
// indexed here, so the copy starts with nothing stale. On PostgreSQL
// every article and note is indexed.
func indexCopy(ctx context.Context, tx *txn) error {
	if !tx.pg() {
		return reindexStaleDrafts(ctx, tx)
	}
	for _, q := range []struct {
		query string
		index func(context.Context, *txn, int64) error
	}{
		{`SELECT id FROM articles ORDER BY id`, indexArticle},
		{`SELECT id FROM notes ORDER BY id`, indexNote},
	} {
		ids, err := queryAll(ctx, tx, scanID, q.query)
		if err != nil {
			return err
		}
		for _, id := range ids {
			if err := q.index(ctx, tx, id); err != nil {
				return err
			}
		}
	}
	return nil
}

// moveSequences sets each ID sequence of a PostgreSQL desk to go on after
// the highest ID its table holds, so rows added after a copy get new IDs.
// setval is not undone by a rollback, which is why Copy calls it last,
// once the copy is known to match: should the commit still fail, the
// empty destination's next IDs merely start higher. (ALTER TABLE …
// RESTART would roll back, but needs the tables' owner.)
func moveSequences(ctx context.Context, tx *txn) error {
	if !tx.pg() {
		return nil // SQLite numbers a new row after the highest ID
	}
	for _, t := range deskTables {
		if !t.identity {
			continue
		}
		_, err := tx.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence(?, 'id'), coalesce(max(id), 0) + 1, false) FROM `+t.name, t.name)
		if err != nil {
			return fmt.Errorf("move the ID sequence of %s: %w", t.name, err)
		}
	}
	return nil
}

// compareDesks counts and checksums every table in src and in dst.
func compareDesks(ctx context.Context, src, dst *txn) (CopyReport, error) {
	var r CopyReport
	for _, t := range deskTables {
		s, err := tableDigest(ctx, src, t)
		if err != nil {
			return CopyReport{}, fmt.Errorf("%s of the source: %w", t.name, err)
		}
		d, err := tableDigest(ctx, dst, t)
		if err != nil {
			return CopyReport{}, fmt.Errorf("%s of the destination: %w", t.name, err)
		}
		r.FinerTimes += s.finerTimes
		r.Tables = append(r.Tables, TableCheck{
			Table:      t.name,
			SourceRows: s.rows, DestinationRows: d.rows,
			SourceSHA256: s.sum, DestinationSHA256: d.sum,
			Match: s.rows == d.rows && s.sum == d.sum,
		})
	}
	return r, nil
}

type digest struct {
	rows       int64
	sum        string
	finerTimes int
}

// canonicalTime is how a time goes into a checksum: UTC, to the
// microsecond.
const canonicalTime = "2006-01-02T15:04:05.000000Z"

// tableDigest reads every row of t in key order and hashes it in a
// canonical form that does not depend on the backend: per column a tag
// byte, then an integer as 8 bytes big-endian, a text as its length
// (uvarint) and its bytes exactly, a time in UTC to the microsecond
// (canonicalTime), a boolean as 0 or 1; a NULL is its tag alone.
func tableDigest(ctx context.Context, tx *txn, t deskTable) (digest, error) {
	var (
		d   digest
		h   hash.Hash = sha256.New()
		buf []byte
	)
	err := eachRow(ctx, tx, t, func(cells []cell) error {
		buf = buf[:0]
		for i, c := range t.columns {
			v := cells[i]
			switch c.kind {
			case intKind:
				buf = binary.BigEndian.AppendUint64(append(buf, 'i'), uint64(v.n))
			case textKind:
				buf = binary.AppendUvarint(append(buf, 's'), uint64(len(v.s)))
				h.Write(buf)
				io.WriteString(h, v.s)
				buf = buf[:0]
			case timeKind, nullTimeKind:
				if c.kind == nullTimeKind && v.t.IsZero() {
					buf = append(buf, 'n')
					break
				}
				if v.t.Nanosecond()%int(time.Microsecond) != 0 {
					d.finerTimes++
				}
				buf = v.t.UTC().Truncate(time.Microsecond).AppendFormat(append(buf, 't'), canonicalTime)
			case boolKind:
				b := byte('0')
				if v.b {
					b = '1'
				}
				buf = append(buf, 'b', b)
			}
		}
		h.Write(append(buf, '\n'))
		d.rows++
		return nil
	})
	if err != nil {
		return digest{}, err
	}
	d.sum = hex.EncodeToString(h.Sum(nil))
	return d, nil
}
