// What the bundle gives citation-js for "node-fetch": the browser's own fetch. citation-js
// imports node-fetch for Node.js and uses the global fetch in a browser, so this only keeps
// esbuild from bundling node-fetch's Node.js modules (build.mjs maps the import here). The
// exports never fetch anything: they only format.
export default (...args) => globalThis.fetch(...args);
export const Headers = globalThis.Headers;
