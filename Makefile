# apifront: the two commands a newcomer needs.
#   make serve   install what is missing, build the app in release mode, serve it on 127.0.0.1:8080
#   make test    install what is missing, then run every test layer (see scripts/test.sh)
.PHONY: serve test build size

serve:
	scripts/setup.sh serve
	. scripts/env.sh && trunk serve --release --offline --no-autoreload

build:
	scripts/setup.sh serve
	. scripts/env.sh && trunk build --release --offline

size: build
	scripts/size-report.sh dist

test:
	scripts/setup.sh test
	scripts/test.sh
