package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"copydesk/editor/quote"
	"copydesk/editor/review"
	"copydesk/editor/source"
)

func formatFlag(fsFlags interface {
	String(name, value, usage string) *string
}) *string {
	return fsFlags.String("format", "text", "output `FORMAT`: text or json")
}

func explainFlag(fsFlags interface {
	Bool(string, bool, string) *bool
}) *bool {
	return fsFlags.Bool("explain", false, "say which rule chose each speaker or raised each finding (JSON always carries it as \"why\")")
}

func checkFormat(format string) error {
	if format != "text" && format != "json" {
		return badInput("unknown format %q (want text or json)", format)
	}
	return nil
}

func cmdQuotes(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("quotes", "quotes [--format text|json] [--explain] FILE\n       copydesk quotes [--db PATH] [--revision N | --working] [--format text|json] [--explain] ID", stderr)
	format := formatFlag(fs)
	explain := explainFlag(fs)
	stored := storedFlags(fs)
	pos, err := parseMixed(fs, args)
	if err != nil {
		return err
	}
	if err := checkFormat(*format); err != nil {
		return err
	}
	if len(pos) != 1 {
		fs.Usage()
		return badInput("want one file, or an article ID")
	}
	var doc *quote.Document
	var verified []source.Verification
	if stored.wanted(pos[0]) {
		in, _, err := stored.load(ctx, pos[0])
		if err != nil {
			return err
		}
		r := review.Run(in.Input)
		doc, verified = r.Doc, r.Quotes
		if r.NoSources {
			verified = nil
		}
	} else {
		text, err := readArticleFile(pos[0], stderr)
		if err != nil {
			return err
		}
		doc = quote.Analyze(text)
	}
	if *format == "json" {
		b, err := quote.SheetJSON(doc)
		if err != nil {
			return err
		}
		if b, err = withSourceStatus(b, verified); err != nil {
			return err
		}
		_, err = fmt.Fprintf(stdout, "%s\n", b)
		return err
	}
	return quote.WriteSheetText(stdout, doc, *explain)
}

// withSourceStatus adds to each quotation of a quote sheet in JSON what
// the article's sources say of it: "source_status" and "source".
func withSourceStatus(sheet []byte, verified []source.Verification) ([]byte, error) {
	if len(verified) == 0 {
		return sheet, nil
	}
	var out struct {
		Quotes []map[string]any `json:"quotes"`
	}
	if err := json.Unmarshal(sheet, &out); err != nil {
		return nil, err
	}
	for _, v := range verified {
		if v.Quote < 0 || v.Quote >= len(out.Quotes) {
			continue
		}
		out.Quotes[v.Quote]["source_status"] = v.Status
		if v.Source != "" {
			out.Quotes[v.Quote]["source"] = v.Source
		}
	}
	return json.MarshalIndent(out, "", "  ")
}

// sourceFiles collects repeated --source flags.
type sourceFiles []string

func (s *sourceFiles) String() string { return strings.Join(*s, ",") }

func (s *sourceFiles) Set(v string) error {
	*s = append(*s, v)
	return nil
}

func cmdCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("check", "check [--source FILE]... [--previous FILE] [--format text|json] [--explain] FILE\n       copydesk check [--db PATH] [--revision N | --working] [--keep] [--format text|json] [--explain] ID", stderr)
	format := formatFlag(fs)
	explain := explainFlag(fs)
	var sources sourceFiles
	fs.Var(&sources, "source", "check quotations and paraphrase against source `FILE` (notes, transcript, wire copy); repeatable")
	previous := fs.String("previous", "", "flag quotations changed since the previous revision in `FILE`")
	stored := storedFlags(fs)
	keep := fs.Bool("keep", false, "stored article: keep the findings as open notes on it, as the app's Keep does (findings already noted are skipped)")
	pos, err := parseMixed(fs, args)
	if err != nil {
		return err
	}
	if err := checkFormat(*format); err != nil {
		return err
	}
	if len(pos) != 1 {
		fs.Usage()
		return badInput("want one file, or an article ID")
	}
	if stored.wanted(pos[0]) || *keep {
		if len(sources) > 0 || *previous != "" {
			return badInput("--source and --previous are for a file; a stored article is checked with its own sources and previous revision")
		}
		return checkStored(ctx, stored, pos[0], *keep, *format, *explain, stdout, stderr)
	}
	file := pos[0]
	text, err := readArticleFile(file, stderr)
	if err != nil {
		return err
	}
	in := review.Input{Text: text}
	for _, path := range sources {
		st, err := readArticleFile(path, stderr)
		if err != nil {
			return err
		}
		in.Sources = append(in.Sources, source.Text{Title: filepath.Base(path), File: path, Text: st})
	}
	if *previous != "" {
		if in.Previous, err = readArticleFile(*previous, stderr); err != nil {
			return err
		}
	}
	r := review.Run(in)
	if *format == "json" {
		b, err := review.FindingsJSON(r.Doc.Text, r.Findings)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(stdout, "%s\n", b)
		return err
	}
	if len(sources) > 0 && r.NoSources {
		fmt.Fprintf(stderr, "copydesk check: %s\n", review.NoSourcesMessage)
	}
	return review.WriteFindingsText(stdout, file, r.Doc.Text, r.Findings, *explain)
}
