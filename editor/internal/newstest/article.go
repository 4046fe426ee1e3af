package newstest

import (
	"fmt"
	"strings"
)

// benchParagraphs is realistic news copy of our own, cycled with varied
// names to build long articles.
var benchParagraphs = []string{
	"%s %s, the state's %s, said on Monday that the budget would be balanced by next spring, despite warnings from the treasury.",
	"“We have made hard choices, and we will keep making them,” %[2]s said at a news conference in the capital. “Nobody enjoys cutting programs.”",
	"Critics of the plan, including several members of the finance committee, argued that the cuts would fall hardest on rural schools.",
	"“It is the wrong plan at the wrong time,” said Sen. %[1]s Okafor, a Democrat who has opposed the measure since January.",
	"According to figures released by the budget office, spending on roads rose 4.5 percent last year while school funding fell.",
	"“We’ll see,” she said.",
	"Officials said a vote could come as early as Thursday, though party leaders have not yet agreed on a date.",
	"The so-called “rainy day fund” has shrunk by a third since 2019, and the governor has called it “a cushion we no longer have.”",
	"Mr. %[2]s, who served two terms in the legislature before his election, told reporters he was confident the bill would pass.",
	"“Our children deserve better than this,” he remarked.",
}

var benchFirst = []string{"Anna", "David", "Maria", "James", "Laura", "Peter"}
var benchLast = []string{"Lindqvist", "Moreno", "Achebe", "Novak", "Tanaka", "Brennan"}
var benchRole = []string{"governor", "budget director", "treasurer"}

// Article builds an article of about n words (a headline, then paragraphs
// of realistic news copy of our own, cycled with varied names), for
// benchmarks that need long input.
func Article(n int) string {
	var b strings.Builder
	b.WriteString("Governor Says Budget Will Be ‘Balanced’ by Spring\n")
	words := 0
	for i := 0; words < n; i++ {
		tmpl := benchParagraphs[i%len(benchParagraphs)]
		k := i / len(benchParagraphs)
		p := fmt.Sprintf(tmpl, benchFirst[k%len(benchFirst)], benchLast[(k/2)%len(benchLast)], benchRole[k%len(benchRole)])
		p = strings.ReplaceAll(p, "%!(EXTRA", "")
		b.WriteString(p)
		b.WriteString("\n\n")
		words += len(strings.Fields(p))
	}
	return b.String()
}
