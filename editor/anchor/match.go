package anchor

import "unicode/utf8"

// Byte-level similarity and alignment used to re-anchor notes. They work on
// bytes, not runes, so that offsets stay byte offsets; callers snap the
// results to rune boundaries.

// editDistance returns the Levenshtein distance between a and b in bytes.
// Strings of up to 64 bytes go through Myers' bit-parallel algorithm; longer
// ones through the usual two-row table.
func editDistance(a, b string) int {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 0 {
		return len(b)
	}
	if len(a) <= 64 {
		return editDistance64(a, b)
	}
	prev := make([]int, len(a)+1)
	cur := make([]int, len(a)+1)
	for i := range prev {
		prev[i] = i
	}
	for j := 1; j <= len(b); j++ {
		cur[0] = j
		for i := 1; i <= len(a); i++ {
			c := prev[i-1]
			if a[i-1] != b[j-1] {
				c = 1 + min(c, prev[i], cur[i-1])
			}
			cur[i] = c
		}
		prev, cur = cur, prev
	}
	return prev[len(a)]
}

// editDistance64 is Myers' bit-vector edit distance (as reformulated by
// Hyyrö) for a pattern p of 1 to 64 bytes against t.
func editDistance64(p, t string) int {
	final, _ := myers64(p, t)
	return final
}

// editDistancePrefix returns the least edit distance between p (1 to 64
// bytes) and a prefix of t.
func editDistancePrefix(p, t string) int {
	_, best := myers64(p, t)
	return best
}

// myers64 runs the bit-vector edit distance of p (1 to 64 bytes) against t
// and returns the distance to all of t and the least distance to any
// prefix of t.
func myers64(p, t string) (final, best int) {
	var peq [256]uint64
	for i := 0; i < len(p); i++ {
		peq[p[i]] |= 1 << uint(i)
	}
	m := len(p)
	last := uint64(1) << uint(m-1)
	pv, mv := ^uint64(0), uint64(0)
	score := m
	best = m
	for j := 0; j < len(t); j++ {
		eq := peq[t[j]]
		xv := eq | mv
		xh := (((eq & pv) + pv) ^ pv) | eq
		ph := mv | ^(xh | pv)
		mh := pv & xh
		if ph&last != 0 {
			score++
		} else if mh&last != 0 {
			score--
		}
		best = min(best, score)
		ph = ph<<1 | 1
		mh <<= 1
		pv = mh | ^(xv | ph)
		mv = ph & xv
	}
	return score, best
}

func reverseBytes(s string) string {
	b := make([]byte, len(s))
	for i := range b {
		b[i] = s[len(s)-1-i]
	}
	return string(b)
}

// similarity is 1 minus the edit distance of a and b over the longer
// length: 1 for equal strings, 0 for strings with nothing in common.
func similarity(a, b string) float64 {
	n := max(len(a), len(b))
	if n == 0 {
		return 1
	}
	return 1 - float64(editDistance(a, b))/float64(n)
}

// runeStartAtOrBefore moves i back to the start of the rune holding it.
func runeStartAtOrBefore(text string, i int) int {
	i = max(0, min(i, len(text)))
	for i > 0 && i < len(text) && !utf8.RuneStart(text[i]) {
		i--
	}
	return i
}

// runeStartAtOrAfter moves i forward to the next rune boundary.
func runeStartAtOrAfter(text string, i int) int {
	i = max(0, min(i, len(text)))
	for i < len(text) && !utf8.RuneStart(text[i]) {
		i++
	}
	return i
}

// Alignment steps, in the order a traceback prefers them on ties.
const (
	alignDiag = iota // pattern byte against window byte (match or change)
	alignUp          // pattern byte missing from the window
	alignLeft        // window byte missing from the pattern
)

// alignBoundaries aligns pattern against some substring of window and
// returns where the pattern offsets lo and hi (0 ≤ lo ≤ hi ≤ len(pattern))
// fall in the window. A match scores and a change or gap costs, so the
// alignment takes in as much of the pattern as it can. The substring may
// start and end anywhere, except that atStart pins it to the window's start
// and atEnd to its end.
func alignBoundaries(pattern, window string, lo, hi int, atStart, atEnd bool) (start, end int) {
	m, n := len(pattern), len(window)
	w := n + 1
	cost := make([]int32, (m+1)*w)
	step := make([]uint8, (m+1)*w)
	for i := 1; i <= m; i++ {
		cost[i*w] = int32(i)
		step[i*w] = alignUp
	}
	for j := 1; j <= n; j++ {
		step[j] = alignLeft
		if atStart {
			cost[j] = int32(j)
		}
	}
	for i := 1; i <= m; i++ {
		pc := pattern[i-1]
		row, up := i*w, (i-1)*w
		for j := 1; j <= n; j++ {
			d := cost[up+j-1] - 1
			if pc != window[j-1] {
				d += 2
			}
			best, how := d, uint8(alignDiag)
			if u := cost[up+j] + 1; u < best {
				best, how = u, alignUp
			}
			if l := cost[row+j-1] + 1; l < best {
				best, how = l, alignLeft
			}
			cost[row+j], step[row+j] = best, how
		}
	}
	bestJ := 0
	if atEnd {
		bestJ = n
	}
	for j := 1; j <= n && !atEnd; j++ {
		if cost[m*w+j] < cost[m*w+bestJ] {
			bestJ = j
		}
	}
	// Walk back. At row hi the first column seen is the largest and at row lo
	// the last column seen is the smallest, so window bytes the alignment
	// inserts right at a boundary end up inside [start, end).
	i, j := m, bestJ
	start, end = -1, -1
	if i == hi {
		end = j
	}
	if i == lo {
		start = j
	}
	for i > 0 || j > 0 {
		if i == 0 && !atStart {
			// Free leading gap in the window.
			break
		}
		switch step[i*w+j] {
		case alignDiag:
			i--
			j--
		case alignUp:
			i--
		default:
			j--
		}
		if i == hi && end < 0 {
			end = j
		}
		if i == lo {
			start = j
		}
	}
	if start < 0 {
		start = 0
	}
	if end < 0 {
		end = start
	}
	return start, max(start, end)
}
