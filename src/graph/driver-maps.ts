import { createRequire } from "node:module";

interface Unpacker {
  unpack(buffer: unknown, hydrateStructure?: unknown): unknown;
}
type UnpackMap = (this: Unpacker, size: number, buffer: unknown, hydrateStructure: unknown) => object;

/** On the installed function: the driver's own, which it replaced (Symbol.for: one key for every copy of this module). */
const DRIVER = Symbol.for("governance-graph.fast-driver-maps");

/**
 * neo4j-driver's packstream decoder. Every Bolt protocol version's Unpacker inherits its map
 * decoding from this class, so what is put on its prototype decodes every map the database sends
 * (each record of a generated query is one nested map). Resolved from neo4j-driver's own folder:
 * the copy it loads, whatever npm hoists.
 */
const packstream = createRequire(createRequire(import.meta.url).resolve("neo4j-driver"))(
  "neo4j-driver-bolt-connection/lib/packstream/packstream-v1.js",
) as { Unpacker: { prototype: { _unpackMapWithSize: UnpackMap & { [DRIVER]?: UnpackMap } } } };

const prototype = packstream.Unpacker.prototype;

/**
 * The driver's own: the fallback, and what the tests compare with. Taken from the installed
 * function when there is one: this module may be evaluated again (a test runner's isolation)
 * after another copy of it has installed.
 */
export const driverUnpackMap: UnpackMap =
  prototype._unpackMapWithSize[DRIVER] ?? prototype._unpackMapWithSize;

/**
 * The driver's map decoding with the same result: an object of Object.prototype whose own,
 * enumerable, writable, configurable properties are the map's entries in order. The driver sets
 * every entry with `Object.defineProperty`, so that a key `__proto__` cannot replace the
 * object's prototype; V8 runs each of those calls in its runtime, not inline: a quarter of the
 * driver's CPU on the report's tree, which this decodes in 0.57 of the time (`npm run
 * bench:decode`; BENCHMARKS.md, session 11). Here an entry is
 * assigned unless its key names something Object.prototype has (`__proto__`, `constructor`,
 * `toString`, ...), where an assignment could reach the prototype: those are still defined.
 */
export function unpackMap(this: Unpacker, size: number, buffer: unknown, hydrateStructure: unknown): object {
  const map: Record<string, unknown> = {};
  for (let i = 0; i < size; i++) {
    const key = this.unpack(buffer, hydrateStructure) as string;
    const value = this.unpack(buffer, hydrateStructure);
    if (key in Object.prototype)
      Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
    else map[key] = value;
  }
  return map;
}

/** Puts unpackMap in the driver's place, once; the driver's own stays as the fallback. */
export function installFastDriverMaps(): void {
  if (prototype._unpackMapWithSize[DRIVER]) return;
  prototype._unpackMapWithSize = Object.assign(
    function (this: Unpacker, size: number, buffer: unknown, hydrateStructure: unknown) {
      return unpackMap.call(this, size, buffer, hydrateStructure);
    },
    { [DRIVER]: driverUnpackMap },
  );
}
