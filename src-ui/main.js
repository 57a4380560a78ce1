// Loads the wasm UI. Kept in its own file so the page needs no inline script under the CSP.
import init from "./homeward-ui.js";
init();
