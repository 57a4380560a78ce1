// Loads the wasm UI. Kept in its own file so the page needs no inline script under the CSP.
import init from "./homeward-ui.js";
init().then((wasm) => {
  // The size of the UI's memory, read by the memory figures (no content, only a size).
  window.homewardWasmBytes = () => wasm.memory.buffer.byteLength;
});
