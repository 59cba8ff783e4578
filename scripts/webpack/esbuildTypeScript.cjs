// A webpack loader: TypeScript and TSX to JavaScript with esbuild's transform, one file at a time.
//
// Why not ts-loader: with type checking left to `npm run lint` (tsc --noEmit), ts-loader only strips types, and did
// so with the whole TypeScript compiler: 8 of the production build's 62 s of CPU. esbuild strips the same types in a
// fraction of that. Each file stands alone (tsconfig's isolatedModules), so a file-by-file transform is exact.
// ES modules stay ES modules: webpack needs the imports and exports to leave out what nothing uses.
const path = require("node:path");
const { transform } = require("esbuild");

module.exports = function esbuildTypeScript(source, map) {
  const done = this.async();
  const file = this.resourcePath;
  transform(source, {
    loader: path.extname(file) === ".tsx" ? "tsx" : "ts",
    // tsconfig.json: "target": "ES2022", "jsx": "react-jsx".
    target: "es2022",
    jsx: "automatic",
    sourcemap: this.sourceMap ? "external" : false,
    sourcefile: file,
    // Only the options that change what a file compiles to; the rest of tsconfig.json is about type checking.
    tsconfigRaw: { compilerOptions: { useDefineForClassFields: true, verbatimModuleSyntax: false } },
  }).then(
    (result) => done(null, result.code, result.map ? JSON.parse(result.map) : map),
    (error) => done(error),
  );
};
