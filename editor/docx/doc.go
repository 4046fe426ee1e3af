// Package docx reads Word (.docx) files into Copydesk's article text and
// writes article text back out as clean copy or as a redline with real
// tracked changes.
//
// A .docx file is a zip of OOXML parts. Copydesk needs a small subset of
// WordprocessingML: paragraphs, runs and text on the way in, with tracked
// changes resolved; on the way out, paragraphs in two styles and w:ins /
// w:del revisions, including inserted and deleted paragraph marks. Both
// ways, comments: word/comments.xml, their ranges in the text, and the
// reply threads and resolved marks of word/commentsExtended.xml. The Go
// libraries on the module proxy either model whole documents without
// revisions (github.com/gomutex/godocx, github.com/fumiama/go-docx, neither
// with a tagged release), only fill in templates
// (github.com/nguyenthenguyen/docx, unmaintained since 2023), or are
// commercial and not on the proxy (unioffice). None reads or writes w:ins
// and w:del, which is the point of a redline, so the subset is written here
// with archive/zip and encoding/xml: a streaming reader that never builds a
// tree, and writers that emit fixed, minimal parts.
//
// Reading is defensive, because Word files arrive by mail from anyone:
// the file size, the number of zip entries, the uncompressed size of the
// document part and the XML nesting depth are capped, and any error
// refuses the whole file rather than returning part of it.
package docx
