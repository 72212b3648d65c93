// Preloaded (node --require) into the AutoRest test server by armgen's
// conformance driver. The server listens on every interface by default;
// this makes it listen on 127.0.0.1 only, whatever host it asks for, and
// tells the driver the port it got (it is started on port 0, so the system
// picks a free one). It also records, for every scenario the server counts,
// the request that made it count, so the coverage report can tell apart
// Swagger files that share a route.
"use strict";

const fs = require("fs");
const net = require("net");
const path = require("path");
const { AsyncLocalStorage } = require("async_hooks");

const portFile = process.env.ARMGEN_TESTSERVER_PORT_FILE;
const hitsFile = process.env.ARMGEN_TESTSERVER_HITS_FILE;

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  // listen(port[, host][, backlog][, cb]) or listen(options[, cb]): keep the
  // port and the callback, force the host.
  let port = 0;
  let cb;
  if (typeof args[args.length - 1] === "function") cb = args.pop();
  if (args[0] !== null && typeof args[0] === "object") {
    port = args[0].port ?? 0;
  } else if (args[0] !== undefined) {
    port = Number(args[0]);
  }
  this.once("listening", () => {
    const addr = this.address();
    if (portFile && addr && typeof addr === "object") {
      // Written then renamed, so the driver never reads half a file.
      fs.writeFileSync(portFile + ".tmp", String(addr.port));
      fs.renameSync(portFile + ".tmp", portFile);
    }
  });
  return cb ? listen.call(this, { port, host: "127.0.0.1" }, cb) : listen.call(this, { port, host: "127.0.0.1" });
};

if (hitsFile) {
  const current = new AsyncLocalStorage();
  const http = require("http");
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (event, req, ...rest) {
    if (event === "request") {
      return current.run({ method: req.method, url: req.url }, () => emit.call(this, event, req, ...rest));
    }
    return emit.call(this, event, req, ...rest);
  };
  const record = (category, name) => {
    const req = current.getStore();
    if (!req) return;
    const p = req.url.split("?")[0];
    fs.appendFileSync(hitsFile, JSON.stringify({ category, name, method: req.method, path: p }) + "\n");
  };
  // The coverage service is a singleton of the installed package: patch it
  // where the server will load it from.
  const root = path.dirname(require.resolve("@microsoft.azure/autorest.testserver/package.json", { paths: [__dirname] }));
  const { coverageService } = require(path.join(root, "dist/services"));
  const track = coverageService.track;
  coverageService.track = function (category, name) {
    record(category, name);
    return track.apply(this, arguments);
  };
  const legacyTrack = coverageService.legacyTrack;
  coverageService.legacyTrack = function (category, name, value) {
    if (value > 0) record(category, name);
    return legacyTrack.apply(this, arguments);
  };
}
