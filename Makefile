# Copydesk. Quick start: `make run` opens the app, `make test` runs the tests.
GO      ?= go
BIN     := bin/copydesk
FYNE    := $(GO) run fyne.io/tools/cmd/fyne@v1.7.4
PKGS    := ./...

.PHONY: run build test vet fuzz bench package screenshot clean

run: build
	./$(BIN)

build:
	scripts/deps.sh gui
	$(GO) build -o $(BIN) .

test:
	scripts/deps.sh test
	$(GO) vet -tags ci $(PKGS)
	$(GO) test -race -tags ci $(PKGS)

vet:
	$(GO) vet -tags ci $(PKGS)

# A short fuzzing pass over each fuzz target of every package (FUZZTIME=30s
# by default).
FUZZTIME ?= 30s
fuzz:
	scripts/deps.sh test
	@for pkg in $$($(GO) list ./...); do \
		for target in $$($(GO) test -tags ci -list '^Fuzz' $$pkg | grep ^Fuzz); do \
			$(GO) test -tags ci -run '^$$' -fuzz "^$$target$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
		done; \
	done

bench:
	scripts/deps.sh test
	$(GO) test -tags ci -run '^$$' -bench . -benchmem $(PKGS)

# Installable bundle: a Linux archive with the binary, .desktop entry and icon.
# The fyne tool bumps Build in FyneApp.toml and leaves a generated Go file;
# both are put back so packaging leaves the tree as it was.
package:
	scripts/deps.sh gui
	cp FyneApp.toml .FyneApp.toml.orig
	$(FYNE) package --os linux --release; status=$$?; \
		mv .FyneApp.toml.orig FyneApp.toml; rm -f fyne_metadata_init.go; exit $$status
	@ls -l Copydesk.tar.xz

screenshot: build
	scripts/deps.sh xvfb
	scripts/screenshots.sh

clean:
	rm -rf bin Copydesk.tar.xz
