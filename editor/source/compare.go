package source

import (
	"fmt"
	"strings"

	"copydesk/editor"
)

// WordChange is one run of words that differs between two wordings: A is
// its span in the first text and B in the second. An empty span marks
// where words were added on the other side.
type WordChange struct {
	A, B editor.Span
}

// maxCompareCells bounds the comparison table; longer pairs of wordings
// are reported as one change.
const maxCompareCells = 4 << 20

// CompareWords compares two wordings word by word, ignoring typography
// (case, quotation-mark and apostrophe style, punctuation, spacing), and
// returns the runs of words that differ, in order. It is meant for showing
// an editor how a quotation differs from its source: spans are byte
// offsets into a and b.
func CompareWords(a, b string) []WordChange {
	wa, wb := splitWords(a), splitWords(b)
	pairs := lcsWords(wa, wb, func(x, y srcWord) bool { return x.norm == y.norm })
	return changesBetween(wa, wb, pairs, len(a), len(b))
}

// lcsWords returns the index pairs (i, j) of a longest common subsequence
// of a and b under eq, in order. Very long inputs get no pairs.
func lcsWords(a, b []srcWord, eq func(x, y srcWord) bool) [][2]int {
	return lcsPairs(len(a), len(b), func(i, j int) bool { return eq(a[i], b[j]) }, nil)
}

// lcsPairs is lcsWords over indexes: eq(i, j) compares item i of the first
// sequence with item j of the second. buf, when not nil, is reused for the
// table.
func lcsPairs(na, nb int, eq func(i, j int) bool, buf *[]int32) [][2]int {
	// Common ends first: the usual case is a few changed words.
	pre := 0
	for pre < na && pre < nb && eq(pre, pre) {
		pre++
	}
	suf := 0
	for suf < na-pre && suf < nb-pre && eq(na-1-suf, nb-1-suf) {
		suf++
	}
	pairs := make([][2]int, 0, pre+suf+8)
	for i := 0; i < pre; i++ {
		pairs = append(pairs, [2]int{i, i})
	}
	n, m := na-pre-suf, nb-pre-suf
	if n > 0 && m > 0 && n*m <= maxCompareCells {
		var t []int32
		if buf != nil && cap(*buf) >= (n+1)*(m+1) {
			t = (*buf)[:(n+1)*(m+1)]
			clear(t)
		} else {
			t = make([]int32, (n+1)*(m+1))
			if buf != nil {
				*buf = t
			}
		}
		w := m + 1
		for i := n - 1; i >= 0; i-- {
			for j := m - 1; j >= 0; j-- {
				if eq(pre+i, pre+j) {
					t[i*w+j] = t[(i+1)*w+j+1] + 1
				} else {
					t[i*w+j] = max(t[(i+1)*w+j], t[i*w+j+1])
				}
			}
		}
		for i, j := 0, 0; i < n && j < m; {
			switch {
			case eq(pre+i, pre+j):
				pairs = append(pairs, [2]int{pre + i, pre + j})
				i++
				j++
			case t[(i+1)*w+j] >= t[i*w+j+1]:
				i++
			default:
				j++
			}
		}
	}
	for k := suf; k > 0; k-- {
		pairs = append(pairs, [2]int{na - k, nb - k})
	}
	return pairs
}

// changesBetween turns matched pairs into the runs between them.
func changesBetween(wa, wb []srcWord, pairs [][2]int, lenA, lenB int) []WordChange {
	var out []WordChange
	i, j := 0, 0
	emit := func(i2, j2 int) {
		if i2 == i && j2 == j {
			return
		}
		out = append(out, WordChange{A: runSpan(wa, i, i2, lenA), B: runSpan(wb, j, j2, lenB)})
	}
	for _, p := range pairs {
		emit(p[0], p[1])
		i, j = p[0]+1, p[1]+1
	}
	emit(len(wa), len(wb))
	return out
}

// runSpan returns the span of words [lo, hi), or the empty span where
// word lo would start (the end of the text when there is none).
func runSpan(ws []srcWord, lo, hi, textLen int) editor.Span {
	if lo < hi {
		return editor.Span{Start: ws[lo].span.Start, End: ws[hi-1].span.End}
	}
	if lo < len(ws) {
		return editor.Span{Start: ws[lo].span.Start, End: ws[lo].span.Start}
	}
	if len(ws) > 0 {
		e := ws[len(ws)-1].span.End
		return editor.Span{Start: e, End: e}
	}
	return editor.Span{Start: textLen, End: textLen}
}

// describeChanges says in words how b differs from a, for a message:
// `"serious" instead of "major"; adds "very"`. At most three changes are
// spelled out.
func describeChanges(a, b string, changes []WordChange) string {
	var parts []string
	for k, c := range changes {
		if k == 3 {
			parts = append(parts, fmt.Sprintf("and %d more", len(changes)-3))
			break
		}
		wa, wb := clipWords(c.A.In(a)), clipWords(c.B.In(b))
		switch {
		case wa == "":
			parts = append(parts, fmt.Sprintf("adds %q", wb))
		case wb == "":
			parts = append(parts, fmt.Sprintf("leaves out %q", wa))
		default:
			parts = append(parts, fmt.Sprintf("%q instead of %q", wb, wa))
		}
	}
	return strings.Join(parts, "; ")
}

// clipWords shortens a long run of words for a message.
func clipWords(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	ws := strings.Fields(s)
	if len(ws) > 8 {
		return strings.Join(ws[:4], " ") + " … " + strings.Join(ws[len(ws)-3:], " ")
	}
	return s
}
