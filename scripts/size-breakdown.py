#!/usr/bin/env python3
"""What each part of the browser bundle weighs: code by crate (and apifront-core by module).

Reads the wasm before wasm-bindgen and wasm-opt (it keeps its name section), as
`twiggy top` lists it, and prints a Markdown table. Generic code counts where it is defined,
so core/alloc include copies made for other crates.

    scripts/size-breakdown.py [WASM]   default: target/wasm32-unknown-unknown/wasm-release/apifront-web.wasm
"""
import collections
import re
import subprocess
import sys

WASM = sys.argv[1] if len(sys.argv) > 1 else "target/wasm32-unknown-unknown/wasm-release/apifront-web.wasm"
# A function's crate: the first path segment of the type, or of the trait when the type is a
# generic parameter or a primitive (`<&T as core::fmt::Debug>::fmt` is core's).
PATH = re.compile(r"^[<&\[(\s]*(?:dyn\s+|mut\s+)?([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::([a-z_][a-z0-9_]*)?")
TRAIT = re.compile(r" as ([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::")
GROUPS = {"core": "std / core / alloc", "alloc": "std / core / alloc", "std": "std / core / alloc",
          "hashbrown": "std / core / alloc", "dlmalloc": "std / core / alloc",
          "winnow": "hcl_edit + winnow", "hcl_edit": "hcl_edit + winnow", "hcl_primitives": "hcl_edit + winnow",
          "serde_core": "serde + serde_json", "serde": "serde + serde_json", "serde_json": "serde + serde_json",
          "web_sys": "wasm-bindgen, js-sys, web-sys", "js_sys": "wasm-bindgen, js-sys, web-sys",
          "wasm_bindgen": "wasm-bindgen, js-sys, web-sys", "gloo_utils": "gloo", "gloo_events": "gloo",
          "gloo_timers": "gloo", "gloo_file": "gloo"}

rows = subprocess.run(["twiggy", "top", "-n", "1000000", WASM], check=True, capture_output=True,
                      text=True).stdout.splitlines()[2:]
by_crate, by_module, data, total_code = collections.Counter(), collections.Counter(), 0, 0
for row in rows:
    cells = [c.strip() for c in row.split("┊")]
    if len(cells) < 3 or not cells[0].isdigit():
        continue
    size, name = int(cells[0]), cells[2]
    if name.startswith("data[") or name.startswith("data segment"):
        data += size
        continue
    # Descriptors and their exports exist only for wasm-bindgen, which removes them.
    if name.startswith(("Σ", "...", "custom section", '"function names"', "export ", "import ",
                        "table[", "elem[", "type[", "global[", "memory[", "__wbindgen_describe")):
        continue
    total_code += size
    m = PATH.match(name)
    t = TRAIT.search(name)
    crate = m.group(1) if m else t.group(1) if t else "other (shims, glue)"
    if crate == "apifront_core" and m and m.group(2):
        by_module[m.group(2)] += size
    by_crate[GROUPS.get(crate, crate)] += size

print(f"Code: {total_code / 1024:.0f} KiB in functions, data segments {data / 1024:.0f} KiB "
      f"(strings: rule docs, messages, presets), before wasm-opt, from `{WASM}`.\n")
print("| part | KiB | share of code |\n| --- | ---: | ---: |")
small = 0
for crate, size in by_crate.most_common():
    if size / total_code < 0.01:
        small += size
        continue
    print(f"| {crate} | {size / 1024:.0f} | {100 * size / total_code:.1f} % |")
print(f"| everything under 1 % each | {small / 1024:.0f} | {100 * small / total_code:.1f} % |")
print("\nWithin apifront_core: " + ", ".join(f"{m} {s / 1024:.0f} KiB" for m, s in by_module.most_common(8)) + ".")
