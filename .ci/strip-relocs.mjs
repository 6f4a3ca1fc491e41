// Copies a WASM file without its linker sections ("linking", "reloc.*"). The main bundle is
// linked with --emit-relocs so cargo-leptos can split it; the respondent's bundle is built with
// the same flags (so both share one set of compiled dependencies) but is not split, and
// wasm-bindgen and wasm-opt would carry those sections along (a 15 MB release file).
//
//   node .ci/strip-relocs.mjs in.wasm out.wasm
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output] = process.argv.slice(2);
const bytes = readFileSync(input);

function leb(at) {
  let value = 0, shift = 0, byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

const kept = [bytes.subarray(0, 8)]; // magic and version
let at = 8, dropped = 0;
while (at < bytes.length) {
  const start = at;
  const id = bytes[at++];
  const [size, payload] = leb(at);
  const end = payload + size;
  let drop = false;
  if (id === 0) {
    const [nameLength, nameAt] = leb(payload);
    const name = bytes.subarray(nameAt, nameAt + nameLength).toString('utf8');
    drop = name === 'linking' || name.startsWith('reloc.');
  }
  if (drop) dropped += end - start;
  else kept.push(bytes.subarray(start, end));
  at = end;
}
writeFileSync(output, Buffer.concat(kept));
console.log(`strip-relocs: ${input}: ${(dropped / 1024).toFixed(0)} KB of linker sections removed`);
