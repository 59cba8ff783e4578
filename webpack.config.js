// Builds the add-in into dist/: one taskpane.html that loads all three bundles (Office's shared runtime runs the
// task pane, the custom functions and the ribbon command in that one page), functions.json, the icons and
// manifest.xml.
//
//   npm run build                                     production, manifest pointing at https://localhost:3000/
//   WFP_PUBLIC_URL=https://host/path/ npm run build   production, manifest pointing at https://host/path/
//   npx webpack serve --mode development              dev server on https://localhost:3000/
//     WFP_HTTPS_KEY / WFP_HTTPS_CERT (/ WFP_HTTPS_CA): PEM files for a certificate the machine trusts; without them
//     the dev server makes a self-signed one, which a browser accepts once but desktop Excel does not.
const path = require("node:path");
const { gzipSync } = require("node:zlib");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const FUNCTIONS_ENTRY = "./src/functions/functions.ts";

/** $WFP_PUBLIC_URL as the base every manifest URL is rewritten to, or null to keep the dev URL. */
function publicUrl() {
  const raw = process.env.WFP_PUBLIC_URL;
  if (!raw) return null;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`WFP_PUBLIC_URL is not a URL: ${raw}`);
  }
  // Office loads add-ins over https only; a query or fragment would break the file names appended to the base.
  if (url.protocol !== "https:") throw new Error(`WFP_PUBLIC_URL must be https: ${raw}`);
  if (url.search || url.hash) throw new Error(`WFP_PUBLIC_URL must not have a query or fragment: ${raw}`);
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url.href;
}

function xmlEscape(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Prints what the task pane page downloads, gzipped, as the size users wait for. */
class ReportGzipSize {
  apply(compiler) {
    let report = "";
    compiler.hooks.thisCompilation.tap("ReportGzipSize", (compilation) => {
      // The last stage sees the minified files; after emit webpack drops their contents.
      const stage = compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT;
      compilation.hooks.processAssets.tap({ name: "ReportGzipSize", stage }, () => {
        const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`.padStart(11);
        const line = (name, raw, gzip) => `  ${name.padEnd(28)} ${kib(raw)}  gzip ${kib(gzip)}`;
        const lines = [];
        let raw = 0;
        let gzip = 0;
        for (const entry of ["functions", "taskpane", "commands"]) {
          for (const file of compilation.entrypoints.get(entry).getFiles()) {
            if (!file.endsWith(".js")) continue;
            const bytes = compilation.getAsset(file).source.buffer();
            const zipped = gzipSync(bytes, { level: 9 }).length;
            raw += bytes.length;
            gzip += zipped;
            lines.push(line(file, bytes.length, zipped));
          }
        }
        lines.push(line("total", raw, gzip));
        report = `Task pane bundle (the scripts taskpane.html loads besides office.js):\n${lines.join("\n")}`;
      });
    });
    compiler.hooks.done.tap("ReportGzipSize", (stats) => {
      if (!stats.hasErrors()) console.log(`\n${report}\n`);
    });
  }
}

module.exports = (_env, argv) => {
  const production = argv.mode === "production";
  const baseUrl = publicUrl();
  const httpsFiles = process.env.WFP_HTTPS_KEY && process.env.WFP_HTTPS_CERT;

  return {
    // eval-based source maps would need 'unsafe-eval', which taskpane.html's Content-Security-Policy refuses.
    devtool: "source-map",
    entry: {
      functions: FUNCTIONS_ENTRY,
      // The task pane takes the modules it shares with the functions (the domain, the catalog) from functions.js:
      // the page downloads them once, and both sides of the shared runtime see one instance of each module.
      taskpane: { import: "./src/taskpane/index.tsx", dependOn: "functions" },
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      // The manifest names functions.js, so it keeps its name; the others get a hash so Office's cache of the
      // task pane cannot serve last release's code after an update.
      filename: (pathData) =>
        production && pathData.chunk.name !== "functions" ? "[name].[contenthash:8].js" : "[name].js",
      // Chunks loaded on demand (pdf.js, only when a PDF is imported) are hashed for the same reason.
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Type checking is `npm run lint` (tsc --noEmit); here it would only slow every build.
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    plugins: [
      // Generates functions.json from the JSDoc in functions.ts and appends the CustomFunctions.associate calls.
      new CustomFunctionsMetadataPlugin({ input: FUNCTIONS_ENTRY, output: "functions.json" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // functions.js first: it carries the webpack runtime and modules the task pane needs.
        chunks: ["functions", "taskpane", "commands"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            // Every occurrence: a manifest with one localhost URL left over loads that part from the wrong place.
            transform: (content) =>
              baseUrl ? content.toString().split(DEV_URL).join(xmlEscape(baseUrl)) : content,
          },
        ],
      }),
      ...(production ? [new ReportGzipSize()] : []),
    ],
    // ReportGzipSize gives the number that matters; webpack's hint measures uncompressed bytes.
    performance: { hints: false },
    devServer: {
      port: 3000,
      // Loopback only, as scripts/start.mjs serves; WFP_HOST=0.0.0.0 when the browser is on another machine.
      host: process.env.WFP_HOST || "localhost",
      // Office fetches functions.json and the icons from its own origin, not the add-in's.
      headers: { "Access-Control-Allow-Origin": "*" },
      server: httpsFiles
        ? {
            type: "https",
            options: {
              key: process.env.WFP_HTTPS_KEY,
              cert: process.env.WFP_HTTPS_CERT,
              ...(process.env.WFP_HTTPS_CA ? { ca: process.env.WFP_HTTPS_CA } : {}),
            },
          }
        : "https",
      // Three entries share one page; hot module replacement across them is more trouble than a reload.
      hot: false,
    },
  };
};
