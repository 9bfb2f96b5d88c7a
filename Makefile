# apifront: the two commands a newcomer needs.
#   make serve   install what is missing, build the app in release mode, serve it on 127.0.0.1:8080
#   make test    install what is missing, then run every test layer (see scripts/test.sh)
.PHONY: serve test build size bench fuzz mutants mutants-by-file

serve:
	scripts/setup.sh serve
	. scripts/env.sh && trunk serve --release --offline --no-autoreload

build:
	scripts/setup.sh serve
	. scripts/env.sh && trunk build --release --offline

# Bundle size against the budget, then what each crate weighs (twiggy, installed when missing).
size: build
	scripts/size-report.sh dist
	command -v twiggy >/dev/null || cargo install twiggy --locked
	scripts/size-breakdown.py

test:
	scripts/setup.sh test
	scripts/test.sh

# Criterion benches of the core, then the whole-process comparisons with cfn-lint, per template
# and on a batch of 171 templates (BENCHMARKS.md sections 2 and 5).
bench:
	cargo bench -p apifront-core && scripts/bench-vs-cfnlint.sh && scripts/bench-batch.sh 5

# Bounded fuzzing of every target (FUZZING.md); SECONDS per target, default 60.
fuzz:
	scripts/fuzz.sh $(or $(SECONDS),60)

# Mutation testing (TESTING.md) of the code the verdicts stand on, with the core's tests, one
# mutant at a time. Bounded: FILES narrows it (default: all of MUTANTS_FILES, hours here), and
# MUTANTS_ARGS passes more, e.g.
#   make mutants FILES=crates/core/src/classify.rs
#   make mutants MUTANTS_ARGS="--cargo-arg=--lib --in-diff changes.diff"
#       (day to day: git diff main > changes.diff; --cargo-arg=--lib builds and runs only the
#       core's unit tests, about 12 s a mutant instead of about a minute; not with
#       --cargo-test-arg=--lib, which cargo then refuses as a second --lib)
MUTANTS_FILES = crates/core/src/forwarding.rs crates/core/src/classify.rs \
	crates/core/src/parse/intrinsics.rs crates/core/src/parse/resolve.rs \
	crates/core/src/parse/terraform/eval.rs 'crates/core/src/rules/**/*.rs' \
	'crates/core/src/api/**/*.rs' 'crates/core/src/trace/**/*.rs'
mutants:
	cargo mutants -p apifront-core --jobs 1 --timeout $(or $(TIMEOUT),300) \
		$(foreach f,$(or $(FILES),$(MUTANTS_FILES)),--file $(f)) $(MUTANTS_ARGS)

# The same files one at a time, each with only the unit tests that pin it (a rule file: its own
# table), in place: about 4 s a mutant on an idle machine. Results in mutants.by-file/.
#   make mutants-by-file FILES='crates/core/src/rules/*.rs'
mutants-by-file:
	scripts/mutants-by-file.sh $(or $(FILES),$(MUTANTS_FILES))
