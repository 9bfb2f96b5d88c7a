# Sourced by the scripts: puts npm's binaries (wasm-opt 132, playwright) first on PATH and
# keeps Trunk away from the network.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export CHROMEDRIVER=/usr/bin/chromedriver
