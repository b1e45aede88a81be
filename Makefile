# Build and install translint with its man page and shell completions.
#   make                      release build (.build/release/translint)
#   make install PREFIX=~/.local   (default /usr/local; DESTDIR for staging)
#   make man completions      only generate them, under .build/share
# The man page comes from swift-argument-parser's generate-manual plugin, the completion scripts from
# `translint --generate-completion-script`; both are generated from the same command definitions as --help.
PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
BIN := .build/release/translint
SHARE := .build/share

.PHONY: all build man completions install uninstall
all: build

build:
	$(SWIFT) build -c release --product translint

# The plugin builds translint itself (release) and refuses an output folder that does not exist yet.
man:
	mkdir -p $(SHARE)/man
	$(SWIFT) package --allow-writing-to-directory $(SHARE)/man generate-manual --multi-page --output-directory $(SHARE)/man

completions: build
	mkdir -p $(SHARE)/completions
	$(BIN) --generate-completion-script bash > $(SHARE)/completions/translint.bash
	$(BIN) --generate-completion-script zsh > $(SHARE)/completions/_translint
	$(BIN) --generate-completion-script fish > $(SHARE)/completions/translint.fish

install: build man completions
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/translint
	install -m 644 $(SHARE)/man/*.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -m 644 $(SHARE)/completions/translint.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/translint
	install -m 644 $(SHARE)/completions/_translint $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_translint
	install -m 644 $(SHARE)/completions/translint.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/translint.fish
	# The shipped glossaries, which `--glossary zh-en` names.
	for set in glossaries/*/; do \
		install -d $(DESTDIR)$(PREFIX)/share/translint/$$set && install -m 644 $$set*.yaml $(DESTDIR)$(PREFIX)/share/translint/$$set; \
	done

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/translint $(DESTDIR)$(PREFIX)/share/man/man1/translint*.1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions/translint \
		$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_translint \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/translint.fish
	rm -rf $(DESTDIR)$(PREFIX)/share/translint
