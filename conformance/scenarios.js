// Prints, as JSON, every scenario the installed AutoRest test server counts,
// with its coverage category and the Swagger files (in the package's
// swagger/ folder) whose operations reach it:
//
//   {"scenarios": [{"name": "getBoolTrue", "category": "vanilla",
//                   "files": ["body-boolean.json", ...]}, ...],
//    "files": {"body-boolean.json": [{"method": "get", "path": "/bool/true"}, ...]}}
//
// Nothing here is a table kept by hand: the server's own route modules are
// loaded (as its validate-spec-coverage command does) and each scenario is
// traced to the routes that count it, then each route to the Swagger
// operations it serves:
//   - a route of the newer kind names its scenario when it is registered;
//   - a legacy route counts scenarios in its handler, whose source names
//     them ("coverage['getIntegerNull']++") or names a prefix of them
//     ("coverage['UrlQueries' + test]++"); the longest such literal wins;
//   - a scenario counted elsewhere (an LRO's polling route) falls back to
//     every route of the module that declares it.
// The driver runs this once per run and narrows a scenario that several
// files share with the requests that actually counted it.
"use strict";

const fs = require("fs");
const path = require("path");

const root = path.dirname(require.resolve("@microsoft.azure/autorest.testserver/package.json", { paths: [__dirname] }));
const dist = (p) => require(path.join(root, "dist", p));
const { logger } = dist("logger");
for (const t of logger.transports || []) t.silent = true;
const { coverageService } = dist("services");
const appModule = dist("app");
const { app } = dist("api");
const { registerLegacyRoutes } = dist("legacy");
const { findFilesFromPattern } = dist("utils");
const express = require(require.resolve("express", { paths: [root] }));

const categories = ["vanilla", "azure", "optional", "dpg"];
const allNames = () => new Set(categories.flatMap((c) => Object.keys(coverageService.getAllForCategory(c))));

// The same join of a router's and a route's patterns as the server's
// validate-spec-coverage command.
const concatRegexp = (router, child) =>
  new RegExp(router.source.replace("\\/?(?=\\/|$)", child.source.slice(1)), child.flags);

// String literals of a source: "x", 'x', and the constant head of `x${…}`.
const literals = (src) =>
  [...(src || "").matchAll(/"([A-Za-z0-9_.]+)"|'([A-Za-z0-9_.]+)'|`([A-Za-z0-9_.]+)\$\{/g)].map((m) => m[1] || m[2] || m[3]);

async function main() {
  // Loading routes must not write reports anywhere.
  coverageService.legacySaveCoverage = () => {};
  coverageService.saveCoverage = async () => {};

  const modules = []; // {name, routes: [{regexp, path, methods, name?, src?}], names: Set}
  const files = (await findFilesFromPattern(path.join(appModule.ROUTE_FOLDER, "**/*.js"))).sort();
  for (const f of files) {
    const before = allNames();
    const from = app.router.stack.length;
    require(path.resolve(f));
    const routes = app.router.stack
      .slice(from)
      .filter((l) => l.route)
      .map((l) => {
        const methods = Object.keys(l.route.methods);
        return { regexp: l.regexp, path: l.route.path, methods, name: (app.registeredRoutes.get(l.route.path) || {})[methods[0]] };
      });
    modules.push({ name: path.relative(root, f), routes, names: new Set([...allNames()].filter((n) => !before.has(n))) });
  }

  const legacy = express.Router();
  const use = legacy.use.bind(legacy);
  let before;
  legacy.use = (prefix, router) => {
    use(prefix, router);
    const layer = legacy.stack[legacy.stack.length - 1];
    // The first module is mounted after every name legacy.js declares up
    // front; those belong to no module in particular.
    const names = before ? [...allNames()].filter((n) => !before.has(n)) : [];
    before = allNames();
    const routes = router.stack
      .filter((l) => l.route)
      .map((l) => ({
        regexp: concatRegexp(layer.regexp, l.regexp),
        path: (prefix === "/" ? "" : prefix) + l.route.path,
        methods: Object.keys(l.route.methods),
        src: l.route.stack.map((s) => s.handle.toString()).join("\n"),
      }));
    modules.push({ name: "legacy" + prefix, routes, names: new Set(names) });
    return legacy;
  };
  registerLegacyRoutes(legacy);

  const category = {};
  for (const c of categories) for (const n of Object.keys(coverageService.getAllForCategory(c))) category[n] = c;

  const routeLiterals = (r) => (r.lits ??= r.name ? [r.name] : literals(r.src));
  const owner = {};
  for (const m of modules) for (const n of m.names) owner[n] = m;
  for (const n of Object.keys(category)) {
    if (owner[n]) continue;
    let best = 0;
    for (const m of modules)
      for (const r of m.routes)
        for (const l of routeLiterals(r))
          if (n.startsWith(l) && l.length > best) {
            best = l.length;
            owner[n] = m;
          }
  }

  const specs = fs.readdirSync(path.join(root, "swagger")).filter((f) => f.endsWith(".json")).sort();
  const ops = [];
  const fileOps = {};
  for (const f of specs) {
    const spec = JSON.parse(fs.readFileSync(path.join(root, "swagger", f), "utf8").replace(/^\uFEFF/, ""));
    const base = spec.basePath && spec.basePath !== "/" ? spec.basePath : "";
    fileOps[f] = [];
    for (const section of ["paths", "x-ms-paths"])
      for (const [p, item] of Object.entries(spec[section] || {})) {
        const full = base + p.split("?")[0];
        const re = new RegExp(
          "^" + full.split(/\{[^}]*\}/).map((x) => x.replace(/[.*+?^$()|[\]\\]/g, "\\$&")).join("[^/]*") + "/?$",
          "i",
        );
        for (const method of Object.keys(item || {})) {
          if (method === "parameters" || method.startsWith("x-")) continue;
          ops.push({ file: f, method, path: full, re });
          fileOps[f].push({ method, path: full });
        }
      }
  }
  // A route serves an operation when its pattern matches the operation's
  // template, or the template matches the route's literal path (a route
  // for a constant path parameter).
  const filesOf = (routes) => {
    const out = new Set();
    for (const r of routes)
      for (const o of ops)
        if (r.methods.includes(o.method) && (r.regexp.test(o.path) || (r.path && o.re.test(r.path)))) out.add(o.file);
    return out;
  };

  const scenarios = [];
  for (const n of Object.keys(category).sort()) {
    const m = owner[n];
    let found = new Set();
    if (m) {
      found = filesOf(m.routes.filter((r) => routeLiterals(r).includes(n)));
      if (found.size === 0) {
        let best = 0;
        for (const r of m.routes) for (const l of routeLiterals(r)) if (n.startsWith(l)) best = Math.max(best, l.length);
        if (best > 0) found = filesOf(m.routes.filter((r) => routeLiterals(r).some((l) => l.length === best && n.startsWith(l))));
      }
      if (found.size === 0) found = filesOf(m.routes);
    }
    scenarios.push({ name: n, category: category[n], module: m ? m.name : "", files: [...found].sort() });
  }
  // Loaded routes may keep the event loop alive: exit once the output, which
  // is asynchronous on a pipe, is written.
  process.stdout.write(JSON.stringify({ scenarios, files: fileOps }, null, 1) + "\n", () => process.exit(0));
}

main().then(
  () => {},
  (e) => {
    process.stderr.write("scenarios.js: " + (e && e.stack ? e.stack : e) + "\n");
    process.exit(1);
  },
);
