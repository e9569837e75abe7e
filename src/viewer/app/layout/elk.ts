import ElkModule from "elkjs/lib/elk.bundled.js";
import type { ELK, ElkNode } from "elkjs/lib/elk-api.js";

/**
 * ELK's bundled build (layout on the calling thread; 50 bodies take milliseconds). Its typings
 * describe an ES module while the file is CommonJS, so the default import is typed loosely here.
 */
export function createElk(): ELK {
  // Bundlers differ in CommonJS interop: some hand over module.exports, some wrap it in { default }.
  const loaded = ElkModule as unknown as (new () => ELK) | { default: new () => ELK };
  const Constructor = typeof loaded === "function" ? loaded : loaded.default;
  return new Constructor();
}

export type { ElkNode };
