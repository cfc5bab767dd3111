// Preload for Node outside Next.js (tsx scripts, drizzle-kit): `tsx --require ./scripts/server-only.cjs <script>`.
//
// Server modules start with `import "server-only"` so that a client component importing
// one fails `next build`. The package throws unless resolved under React's "react-server"
// condition, which Next's server build uses; plain Node does not (and must not: that
// condition also swaps React for its server build, which breaks route modules). Here
// the marker is answered with an empty module, as it is on Next's server.
const { Module } = require("node:module");

const marker = require.resolve("server-only");
require.cache[marker] ??= Object.assign(new Module(marker), { loaded: true, exports: {} });
