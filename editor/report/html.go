package report

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"strings"
	"unicode/utf8"

	"copydesk/editor"
	"copydesk/editor/source"
)

const htmlStyle = `body{font:15px/1.5 "DejaVu Sans",Helvetica,Arial,sans-serif;color:#111;background:#fff;max-width:52em;margin:2em auto;padding:0 1em}
h1{font-size:1.7em;line-height:1.25;margin:.1em 0 .5em}
h2{font-size:1.2em;border-bottom:2px solid #222;padding-bottom:.2em;margin:1.8em 0 .7em}
.kicker{font-size:.8em;text-transform:uppercase;letter-spacing:.08em;color:#666;margin:0}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.15em 1em;margin:0}
dl.meta dt{color:#666}dl.meta dd{margin:0}
table{border-collapse:collapse;width:100%;font-size:.92em}
th,td{text-align:left;vertical-align:top;padding:.35em .5em;border-bottom:1px solid #ccc}
thead th{border-bottom:2px solid #222}
.status{font-size:.8em;font-weight:bold;text-transform:uppercase;letter-spacing:.04em;white-space:nowrap}
.status.misquoted,.status.unverified,.status.open{color:#a00}.status.verbatim,.status.resolved,.status.fixed{color:#070}.status.dismissed,.status.no-sources{color:#666}
.note{border-left:4px solid #999;padding:.2em 0 .2em .9em;margin:0 0 1.3em;break-inside:avoid}
.note.open{border-color:#a00}.note.resolved,.note.fixed{border-color:#070}
.note h3{font-size:1em;margin:0 0 .2em}
.note .by{color:#555;font-size:.88em;margin:0 0 .4em}
blockquote{margin:.4em 0;padding:.3em .8em;background:#f4f4f4}
blockquote.passage{background:#eef3fa;border-left:3px solid #468}
mark{background:#ffe58a;color:inherit}
.orphaned{color:#a00;font-weight:bold}.fixed-line{color:#070;font-weight:bold}
.replies{margin:.4em 0 0;padding-left:1.2em;font-size:.92em}
.text p{margin:0 0 .7em}.text .headline{font-weight:bold;font-size:1.15em}
@media print{body{max-width:none;margin:0;padding:0;font-size:10pt}h2{break-after:avoid}tr,blockquote{break-inside:avoid}
blockquote,blockquote.passage,mark{background:none}mark{font-weight:bold;text-decoration:underline}thead{display:table-header-group}}
@page{size:A4;margin:18mm}`

// contentPolicy forbids scripts, images and requests of any kind: the
// record needs only its own stylesheet, and the text in it comes from
// outside the newsroom.
const contentPolicy = `default-src 'none'; style-src 'unsafe-inline'`

// WriteHTML writes the review record as a standalone, printable UTF-8
// page. Every piece of text in it is escaped; the page holds no scripts.
func WriteHTML(w io.Writer, r Report) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	title := r.title()
	p(`<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="%s">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Review record: %s</title>
<style>
%s
</style>
</head>
<body>
<header>
<p class="kicker">Review record</p>
<h1 dir="auto">%s</h1>
<dl class="meta">
`, contentPolicy, esc(title), htmlStyle, esc(title))
	meta := func(label, value string) {
		if strings.TrimSpace(value) != "" {
			p("<dt>%s</dt><dd>%s</dd>\n", label, esc(value))
		}
	}
	meta("Slug", r.Article.Slug)
	meta("Byline", r.Article.Byline)
	meta("Revision", r.revisionLabel())
	meta("Revision by", r.Revision.Author)
	meta("Revision saved", formatTime(r.Revision.Created))
	meta("Record made", formatTime(r.Generated))
	p("</dl>\n</header>\n")

	p("<section>\n<h2>Summary</h2>\n<p>%s</p>\n<p>%s</p>\n</section>\n", esc(r.noteSummary()), esc(r.quoteSummary()))

	p("<section>\n<h2>Quote sheet</h2>\n")
	if len(r.Quotes) == 0 {
		p("<p>No quotations or reported statements.</p>\n")
	} else {
		p("<table>\n<thead><tr><th>#</th><th>Quotation</th><th>Speaker</th><th>Attribution</th><th>Sources</th></tr></thead>\n<tbody>\n")
		for i, q := range r.Quotes {
			text := esc(q.Text)
			if q.Direct {
				text = "“" + text + "”"
			} else {
				text = "<i>" + text + "</i> <small>(reported)</small>"
			}
			p("<tr><td>%d</td><td dir=\"auto\">%s</td><td>%s</td><td>%s</td><td>", i+1, text, esc(orDash(q.Speaker)), esc(string(q.Attribution)))
			p(`<span class="status %s">%s</span>`, esc(string(q.Status)), esc(statusLabel(q.Status)))
			if q.Source != "" {
				p("<br>%s", esc(q.Source))
			}
			if q.Status == source.Misquoted && q.Passage != "" {
				p(`<blockquote class="passage" dir="auto">%s</blockquote>`, esc(q.Passage))
			}
			p("</td></tr>\n")
		}
		p("</tbody>\n</table>\n")
	}
	p("</section>\n")

	p("<section>\n<h2>Notes</h2>\n")
	if len(r.Notes) == 0 {
		p("<p>No notes.</p>\n")
	}
	for i, n := range r.Notes {
		writeHTMLNote(bw, i+1, n)
	}
	p("</section>\n")

	p("<section class=\"text\">\n<h2>Text of revision %s</h2>\n", esc(r.revisionLabel()))
	for i, para := range paragraphs(r.Revision.Text) {
		if i == 0 {
			p("<p class=\"headline\" dir=\"auto\">%s</p>\n", esc(para))
			continue
		}
		p("<p dir=\"auto\">%s</p>\n", esc(para))
	}
	p("</section>\n</body>\n</html>\n")
	return bw.Flush()
}

func writeHTMLNote(bw *bufio.Writer, num int, n Note) {
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	status := n.status()
	p("<article class=\"note %s\">\n<h3>Note %d · <span class=\"status %s\">%s</span> · %s · %s</h3>\n",
		esc(status), num, esc(status), esc(status), esc(n.Severity.String()), esc(checkLabel(n)))
	by := orDash(n.Author)
	if t := formatTime(n.Created); t != "" {
		by += ", " + t
	}
	if n.Revision > 0 {
		by += fmt.Sprintf(", on revision %d", n.Revision)
	}
	p("<p class=\"by\">%s</p>\n", esc(by))
	if n.Anchor.Exact != "" {
		p("<blockquote class=\"anchor\" dir=\"auto\">%s<mark>%s</mark>%s</blockquote>\n",
			esc(anchorContext(n.Anchor.Prefix, true)), esc(n.Anchor.Exact), esc(anchorContext(n.Anchor.Suffix, false)))
	}
	if n.Orphaned {
		p("<p class=\"orphaned\">The noted words are no longer in the text.</p>\n")
	}
	if n.Fixed {
		p("<p class=\"fixed-line\">%s</p>\n", esc(fixedLine))
	}
	p("<p class=\"message\" dir=\"auto\">%s</p>\n", esc(n.Message))
	if n.Source != nil && n.Source.Text != "" {
		p("<p>Source: %s</p>\n<blockquote class=\"passage\" dir=\"auto\">%s</blockquote>\n", esc(orDash(n.Source.File)), esc(n.Source.Text))
	}
	if len(n.Replies) > 0 {
		p("<ol class=\"replies\">\n")
		for _, rp := range n.Replies {
			who := orDash(rp.Author)
			if t := formatTime(rp.Created); t != "" {
				who += ", " + t
			}
			p("<li><b>%s:</b> <span dir=\"auto\">%s</span></li>\n", esc(who), esc(rp.Text))
		}
		p("</ol>\n")
	}
	p("</article>\n")
}

// anchorContext trims an anchor's context to whole words and marks the cut
// with an ellipsis; before is true for the text before the noted words.
func anchorContext(s string, before bool) string {
	if len(s) < editor.AnchorContext-utf8.UTFMax+1 {
		// Shorter than the context kept, even allowing for a character
		// not cut in two: it runs to the start or end of the text, so no
		// word was cut.
		return strings.ReplaceAll(s, "\n", " ¶ ")
	}
	s = strings.ReplaceAll(s, "\n", " ¶ ")
	if before {
		if i := strings.IndexByte(s, ' '); i >= 0 && i < len(s)-1 {
			return "…" + s[i:]
		}
		return s
	}
	if i := strings.LastIndexByte(s, ' '); i > 0 {
		return s[:i] + " …"
	}
	return s
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

// esc escapes text for an HTML page, in the body or a quoted attribute.
func esc(s string) string { return html.EscapeString(clean(s)) }
