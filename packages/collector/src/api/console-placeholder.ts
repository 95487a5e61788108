import type { ServerResponse } from 'node:http';

const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>pushtrace</title></head>
<body>
<h1>pushtrace collector</h1>
<p>The web console is coming. Until then, the JSON API answers at
<a href="/api/v1/sensors">/api/v1/sensors</a> and
<a href="/api/v1/processes">/api/v1/processes</a>
(send <code>Authorization: Bearer &lt;token&gt;</code>), and the CLI reads it:
<code>pushtrace sensors</code>.</p>
</body>
</html>
`;

/** `/` is reserved for the console; until it exists, a page that says so. */
export function sendConsolePlaceholder(res: ServerResponse): void {
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(PAGE),
  });
  res.end(PAGE);
}
