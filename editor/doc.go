// Package editor is Copydesk's editorial engine: the domain types (articles,
// revisions, sources, notes, findings), text decoding, quote extraction and
// attribution, the checks, the word diff and note anchoring.
//
// It imports neither Fyne nor database/sql. All positions are half-open byte
// spans into UTF-8 text.
package editor
