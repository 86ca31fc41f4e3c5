/*
 * The built site over HTTP/2 and TLS, on 127.0.0.1, as a static host serves it (GitHub Pages and
 * the others speak HTTP/2 over HTTPS): text compressed with gzip when the browser asks for it,
 * everything else as is, a folder's address answered by its index.html. For `make lighthouse`
 * (scripts/static_host.py starts it: `serve_http2`), whose simulation of a phone's connection
 * follows the protocol it sees: over HTTP/1.1 it queues a page's requests six at a time, as no
 * reader of an HTTP/2 host waits.
 *
 *   node h2_host.mjs SETTINGS_JSON
 *
 * SETTINGS_JSON: {root, key, cert, compressed: [".html", …], types: {".html": "text/html", …}},
 * decided in static_host.py so that the two hosts serve the same bytes. Prints the port it
 * listens on, then serves until it is stopped.
 */

import fs from "node:fs";
import http2 from "node:http2";
import path from "node:path";
import zlib from "node:zlib";

const settings = JSON.parse(process.argv[2]);
const root = path.resolve(settings.root);
const compressed = new Set(settings.compressed);

/** The file an address names under the root (a folder: its index.html), or null. */
const fileOf = (pathname) => {
  let name;
  try {
    name = path.resolve(root, `.${decodeURIComponent(pathname)}`);
  } catch {
    return null;
  }
  if (name !== root && !name.startsWith(root + path.sep)) return null;
  return name;
};

/** Answers one request: the file, a folder's redirect (its query kept), or 404. */
const answer = (request, response) => {
  const { pathname, search } = new URL(request.url, "https://127.0.0.1");
  let name = fileOf(pathname);
  let stat = name && !name.includes("\0") ? fs.statSync(name, { throwIfNoEntry: false }) : null;
  if (stat?.isDirectory()) {
    if (!pathname.endsWith("/")) {
      response.writeHead(301, { location: `${pathname}/${search}` });
      response.end();
      return;
    }
    name = path.join(name, "index.html");
    stat = fs.statSync(name, { throwIfNoEntry: false });
  }
  if (!stat?.isFile()) {
    response.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
    response.end("404");
    return;
  }
  const extension = path.extname(name);
  const headers = {
    "content-type": settings.types[extension.toLowerCase()] ?? "application/octet-stream",
    "cache-control": "max-age=600",
  };
  let body = fs.readFileSync(name);
  if (compressed.has(extension)) {
    headers.vary = "Accept-Encoding";
    if (/\bgzip\b/.test(request.headers["accept-encoding"] ?? "")) {
      body = zlib.gzipSync(body, { level: 6 });
      headers["content-encoding"] = "gzip";
    }
  }
  headers["content-length"] = body.length;
  response.writeHead(200, headers);
  response.end(request.method === "HEAD" ? undefined : body);
};

const server = http2.createSecureServer(
  { key: fs.readFileSync(settings.key), cert: fs.readFileSync(settings.cert), allowHTTP1: true },
  (request, response) => {
    try {
      answer(request, response);
    } catch {
      // A name the file system refuses (a path below a file, say): no such page.
      if (!response.headersSent) response.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      response.end("404");
    }
  },
);

server.listen(0, "127.0.0.1", () => {
  console.log(server.address().port);
});
