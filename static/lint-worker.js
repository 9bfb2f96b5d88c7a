// apifront's lint worker: runs the core's lint off the page's main thread, so typing stays
// smooth in a large text. It runs the page's own WebAssembly: the page sends the URL of its
// wasm-bindgen glue and the WebAssembly.Module it already compiled (nothing is downloaded or
// compiled twice), then jobs {id, fixAll, text}, answered with {id, answer}: the answer is a
// plain object made by the core through serde-wasm-bindgen (the findings' one shape, as the npm
// package returns them), structured-cloned to the page.
// Nothing here talks to the network beyond loading the glue from the page's own origin.
let bindings;
const waiting = [];

function run({ id, fixAll, text }) {
  try {
    const answer = bindings.lint_worker_answer(fixAll, text);
    self.postMessage({ id, answer });
  } catch (error) {
    self.postMessage({ id, failed: String(error) });
  }
}

self.onmessage = async ({ data }) => {
  if (data.glue) {
    try {
      const glue = await import(data.glue);
      await glue.default({ module_or_path: data.module });
      bindings = glue;
      self.postMessage({ ready: true });
      waiting.splice(0).forEach(run);
    } catch (error) {
      self.postMessage({ failed: String(error) });
    }
  } else if (bindings) {
    run(data);
  } else {
    waiting.push(data);
  }
};
