// A webpack loader: writes Fluent UI's design tokens (`tokens.colorNeutralForeground1`) as the strings they stand for
// ("var(--colorNeutralForeground1)"), taken from @fluentui/react-theme itself, so the result is the same value.
//
// Why: `tokens` is one object of 467 entries (30 KB minified). Fluent's components ship their styles precompiled,
// but a few keep a stray `tokens.x` outside them (an unused constant the minifier cannot prove pure), and one such
// read ships the whole object to the first view. With every read inlined, nothing uses the object and webpack
// leaves it out.
//
// Only files that import `tokens` by that name from a Fluent package are touched, and only names the object has.
const { tokens } = require("@fluentui/react-theme");

const IMPORTS_TOKENS = /import\s*\{[^}]*\btokens\b[^}]*\}\s*from\s*["']@fluentui\/(?:react-theme|tokens|react-components)["']/;
const TOKEN_READ = /(?<![\w$.])tokens\.([A-Za-z_$][\w$]*)/g;

// The incoming source map is passed on, so the build's maps still lead to the TypeScript; a replaced read shifts the
// columns after it on its line, never the lines.
module.exports = function inlineFluentTokens(source, map) {
  if (!IMPORTS_TOKENS.test(source)) return this.callback(null, source, map);
  const inlined = source.replace(TOKEN_READ, (read, name) => (Object.hasOwn(tokens, name) ? JSON.stringify(tokens[name]) : read));
  return this.callback(null, inlined, map);
};
