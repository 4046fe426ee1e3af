package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"copydesk/editor"
)

// AddSource attaches source material to an article and returns it as
// stored. s.ID and s.Created are ignored.
func (db *DB) AddSource(ctx context.Context, s editor.Source) (editor.Source, error) {
	var out editor.Source
	err := db.update(ctx, func(tx *txn, now time.Time) error {
		if !s.Kind.Valid() {
			return fmt.Errorf("%w: unknown source kind %q", ErrInvalid, s.Kind)
		}
		for _, f := range []struct{ name, value string }{{"title", s.Title}, {"text", s.Text}} {
			if err := checkText(f.name, f.value); err != nil {
				return err
			}
		}
		if err := articleMustExist(ctx, tx, s.ArticleID); err != nil {
			return err
		}
		out = s
		out.Created = now
		return tx.QueryRowContext(ctx, `
			INSERT INTO sources (article_id, title, kind, text, created) VALUES (?, ?, ?, ?, ?)
			RETURNING id`,
			s.ArticleID, s.Title, string(s.Kind), s.Text, tx.time(now)).Scan(&out.ID)
	})
	if err != nil {
		return editor.Source{}, fmt.Errorf("storage: add source: %w", err)
	}
	return out, nil
}

const sourceColumns = `id, article_id, title, kind, text, created`

func scanSource(row scanner) (editor.Source, error) {
	var s editor.Source
	err := row.Scan(&s.ID, &s.ArticleID, &s.Title, &s.Kind, &s.Text, timeColumn{&s.Created})
	return s, err
}

// Source returns the source with the given ID.
func (db *DB) Source(ctx context.Context, id int64) (editor.Source, error) {
	var s editor.Source
	err := db.view(ctx, func(tx *txn) error {
		var err error
		s, err = scanSource(tx.QueryRowContext(ctx, `SELECT `+sourceColumns+` FROM sources WHERE id = ?`, id))
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("source %d: %w", id, ErrNotFound)
		}
		return err
	})
	if err != nil {
		return editor.Source{}, fmt.Errorf("storage: source: %w", err)
	}
	return s, nil
}

// Sources returns the sources of an article in the order they were added.
func (db *DB) Sources(ctx context.Context, articleID int64) ([]editor.Source, error) {
	var list []editor.Source
	err := db.view(ctx, func(tx *txn) error {
		if err := articleMustExist(ctx, tx, articleID); err != nil {
			return err
		}
		var err error
		list, err = queryAll(ctx, tx, scanSource,
			`SELECT `+sourceColumns+` FROM sources WHERE article_id = ? ORDER BY id`, articleID)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("storage: sources: %w", err)
	}
	return list, nil
}

// DeleteSource removes a source from its article.
func (db *DB) DeleteSource(ctx context.Context, id int64) error {
	err := db.update(ctx, func(tx *txn, now time.Time) error {
		return updateOne(ctx, tx, fmt.Sprintf("source %d", id), `DELETE FROM sources WHERE id = ?`, id)
	})
	if err != nil {
		return fmt.Errorf("storage: delete source: %w", err)
	}
	return nil
}
