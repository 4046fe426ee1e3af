package main

import (
	"context"
	"fmt"
	"io"

	"copydesk/editor"
)

func formatFlag(fsFlags interface {
	String(name, value, usage string) *string
}) *string {
	return fsFlags.String("format", "text", "output `FORMAT`: text or json")
}

func checkFormat(format string) error {
	if format != "text" && format != "json" {
		return badInput("unknown format %q (want text or json)", format)
	}
	return nil
}

func cmdQuotes(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("quotes", "quotes [--format text|json] FILE", stderr)
	format := formatFlag(fs)
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
	doc := editor.Analyze(text)
	if *format == "json" {
		b, err := editor.QuoteSheetJSON(doc)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(stdout, "%s\n", b)
		return err
	}
	return editor.WriteQuoteSheetText(stdout, doc)
}

func cmdCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("check", "check [--format text|json] FILE", stderr)
	format := formatFlag(fs)
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
	checks, err := editor.NewRegistry(editor.DefaultChecks()...)
	if err != nil {
		return err
	}
	doc := editor.Analyze(text)
	findings := checks.Run(doc)
	if *format == "json" {
		b, err := editor.FindingsJSON(doc.Text, findings)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(stdout, "%s\n", b)
		return err
	}
	return editor.WriteFindingsText(stdout, file, doc.Text, findings)
}
