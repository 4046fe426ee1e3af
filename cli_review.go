package main

import (
	"context"
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
	fs := newFlags("quotes", "quotes [--format text|json] [--explain] FILE", stderr)
	format := formatFlag(fs)
	explain := explainFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := checkFormat(*format); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return badInput("want one file")
	}
	text, _, err := readArticleFile(fs.Arg(0))
	if err != nil {
		return err
	}
	doc := quote.Analyze(text)
	if *format == "json" {
		b, err := quote.SheetJSON(doc)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(stdout, "%s\n", b)
		return err
	}
	return quote.WriteSheetText(stdout, doc, *explain)
}

// sourceFiles collects repeated --source flags.
type sourceFiles []string

func (s *sourceFiles) String() string { return strings.Join(*s, ",") }

func (s *sourceFiles) Set(v string) error {
	*s = append(*s, v)
	return nil
}

func cmdCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("check", "check [--source FILE]... [--previous FILE] [--format text|json] [--explain] FILE", stderr)
	format := formatFlag(fs)
	explain := explainFlag(fs)
	var sources sourceFiles
	fs.Var(&sources, "source", "check quotations and paraphrase against source `FILE` (notes, transcript, wire copy); repeatable")
	previous := fs.String("previous", "", "flag quotations changed since the previous revision in `FILE`")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := checkFormat(*format); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return badInput("want one file")
	}
	file := fs.Arg(0)
	text, _, err := readArticleFile(file)
	if err != nil {
		return err
	}
	in := review.Input{Text: text}
	for _, path := range sources {
		st, _, err := readArticleFile(path)
		if err != nil {
			return err
		}
		in.Sources = append(in.Sources, source.Text{Title: filepath.Base(path), File: path, Text: st})
	}
	if *previous != "" {
		if in.Previous, _, err = readArticleFile(*previous); err != nil {
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
