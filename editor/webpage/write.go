package webpage

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"strings"
)

// pageStyle is the stylesheet of the pages Write produces: plain reading
// type on screen, and on paper no colours or margins the printer adds.
const pageStyle = `body{font:18px/1.55 Georgia,"DejaVu Serif",serif;max-width:38em;margin:2em auto;padding:0 1em;color:#111;background:#fff}
h1{font-size:1.8em;line-height:1.2;margin:0 0 .8em}
p{margin:0 0 .9em}
@media print{body{font-size:11pt;max-width:none;margin:0;padding:0}h1{font-size:18pt}p{orphans:2;widows:2}}
@page{margin:2cm}`

// contentPolicy forbids scripts, images, frames and requests of any kind:
// a page of copy needs only its own stylesheet. Escaping already keeps
// markup in the text from becoming elements; this is the second lock.
const contentPolicy = `default-src 'none'; style-src 'unsafe-inline'`

// Write writes article text as a standalone UTF-8 HTML page of clean copy:
// the first non-blank line as the <h1> headline and a <p> for each other
// non-blank line, in an <article>, so that Read gives the text back. title is the page's <title>; when blank the headline is
// used. All text is escaped and invalid UTF-8 replaced, so markup in the
// copy shows as text; the page holds no scripts.
func Write(w io.Writer, title, text string) error {
	bw := bufio.NewWriter(w)
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) != "" {
			lines = append(lines, strings.TrimSpace(l))
		}
	}
	if strings.TrimSpace(title) == "" && len(lines) > 0 {
		title = lines[0]
	}
	writeHead(bw, title, pageStyle)
	bw.WriteString("<article>\n")
	for i, l := range lines {
		tag := "p"
		if i == 0 {
			tag = "h1"
		}
		fmt.Fprintf(bw, "<%s>%s</%s>\n", tag, escape(l), tag)
	}
	bw.WriteString("</article>\n</body>\n</html>\n")
	return bw.Flush()
}

// writeHead writes the start of a page up to and including <body>.
func writeHead(bw *bufio.Writer, title, style string) {
	fmt.Fprintf(bw, `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="%s">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%s</title>
<style>
%s
</style>
</head>
<body>
`, contentPolicy, escape(strings.TrimSpace(title)), style)
}

// escape makes text safe anywhere in an HTML page's body or in a quoted
// attribute, replacing invalid UTF-8 so the page stays UTF-8.
func escape(s string) string {
	return html.EscapeString(strings.ToValidUTF8(s, "\uFFFD"))
}
