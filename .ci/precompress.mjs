// Writes a .br (quality 11) and a .gz (level 9) beside every .wasm, .js and .css in the given
// folder, which the server's /pkg route sends to browsers that accept them. Compressing a
// 2 MB bundle this hard takes seconds, so it is done once at build time, not per request.
//   node .ci/precompress.mjs target/site/pkg
import fs from 'fs';
import path from 'path';
import zlib from 'zlib';

const dir = process.argv[2] ?? 'target/site/pkg';
for (const name of fs.readdirSync(dir)) {
  if (!/\.(wasm|js|css)$/.test(name)) continue;
  const file = path.join(dir, name);
  const bytes = fs.readFileSync(file);
  const br = zlib.brotliCompressSync(bytes, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  fs.writeFileSync(`${file}.br`, br);
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(bytes, { level: 9 }));
  console.log(`${name}: ${bytes.length} B, br ${br.length} B`);
}
