import { createRequire } from "node:module";
import { describe, expect, it, vi } from "vitest";
import { createDriver, driverUnpackMap, unpackMap } from "../../../src/graph/index.ts";

type UnpackMap = typeof driverUnpackMap;
interface Unpacker {
  unpack(buffer: unknown): unknown;
}
interface Buffer {
  position: number;
  reset(): void;
  writeUInt8(byte: number): void;
}

const fromDriver = createRequire(createRequire(import.meta.url).resolve("neo4j-driver"));
const v1 = fromDriver("neo4j-driver-bolt-connection/lib/packstream/packstream-v1.js") as {
  Packer: new (channel: Buffer) => { packable(value: unknown): () => void };
  Unpacker: (new (disableLosslessIntegers?: boolean) => Unpacker) & {
    prototype: { _unpackMapWithSize: UnpackMap };
  };
};
const v2 = fromDriver("neo4j-driver-bolt-connection/lib/packstream/packstream-v2.js") as {
  Unpacker: new () => Unpacker;
};
const { alloc } = fromDriver("neo4j-driver-bolt-connection/lib/channel/index.js") as {
  alloc: (size: number) => Buffer;
};

/** A Bolt buffer holding `value` as the driver packs it, ready to read. */
function packed(value: unknown): Buffer {
  const buffer = alloc(1 << 16);
  new v1.Packer(buffer).packable(value)();
  buffer.reset();
  return buffer;
}

/** A Bolt buffer of raw bytes (a map the driver's Packer could not write: a key twice). */
function bytes(...values: number[]): Buffer {
  const buffer = alloc(values.length);
  for (const value of values) buffer.writeUInt8(value);
  buffer.reset();
  return buffer;
}

/** Decodes `buffer` with `decode` as the map decoder of the driver's own Unpacker. */
function decodeWith(decode: UnpackMap, buffer: () => Buffer): unknown {
  const installed = v1.Unpacker.prototype._unpackMapWithSize;
  v1.Unpacker.prototype._unpackMapWithSize = decode;
  try {
    return new v1.Unpacker().unpack(buffer());
  } finally {
    v1.Unpacker.prototype._unpackMapWithSize = installed;
  }
}

/** Everything about an object that decoding decides: prototype, own keys in order, each descriptor; recursively. */
function anatomy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(anatomy);
  if (typeof value !== "object" || value === null) return value;
  if (Object.getPrototypeOf(value) !== Object.prototype) return value; // a driver type (an Integer): compared by value
  return {
    prototype: "Object.prototype",
    keys: Reflect.ownKeys(value),
    descriptors: Object.fromEntries(
      Reflect.ownKeys(value).map((key) => {
        const { value: entry, ...flags } = Object.getOwnPropertyDescriptor(value, key)!;
        return [String(key), { ...flags, value: anatomy(entry) }];
      }),
    ),
  };
}

const MAPS: [string, () => Buffer][] = [
  ["an empty map", () => packed({})],
  [
    "a record of the report's tree",
    () =>
      packed({
        id: "objective:p000:1",
        ref: "1",
        leads: [{ id: "person:a", name: "Ann", __resolveType: "Person", __id: "4:x:12" }],
        actions: [{ id: "action:1", dueDate: null, leads: [] }],
        measurements: [{ value: 12.5, rag: "GREEN", rank: 3 }],
      }),
  ],
  [
    "keys Object.prototype has",
    () =>
      packed({
        ["__proto__"]: { admin: true },
        constructor: "c",
        toString: "t",
        hasOwnProperty: 1,
        valueOf: [1, 2],
        isPrototypeOf: null,
        __defineGetter__: "g",
      }),
  ],
  [
    "integer-like and non-ASCII keys",
    () => packed({ 2: "two", 1: "one", name: "n", Département: "é", "👥": 1 }),
  ],
  [
    "a map of more than 15 entries (MAP_8)",
    () => packed(Object.fromEntries([...Array(40)].map((_, i) => [`k${i}`, i]))),
  ],
  // TINY_MAP of 3: "a" -> 1, "__proto__" -> 2, "a" -> 3: the later entry wins.
  [
    "a key twice",
    () => bytes(0xa3, 0x81, 0x61, 0x01, 0x89, ...Buffer.from("__proto__"), 0x02, 0x81, 0x61, 0x03),
  ],
];

describe("unpackMap, the driver's map decoding without defineProperty", () => {
  it.each(MAPS)(
    "decodes %s exactly as the driver does: prototype, keys in order, descriptors",
    (_, buffer) => {
      const driver = decodeWith(driverUnpackMap, buffer);
      const fast = decodeWith(unpackMap, buffer);
      expect(anatomy(fast)).toEqual(anatomy(driver));
      expect(Object.getPrototypeOf(fast)).toBe(Object.prototype);
    },
  );

  it("keeps a key __proto__ an own entry and never calls a setter put on Object.prototype", () => {
    let called = 0;
    Object.defineProperty(Object.prototype, "pollutedSetter", {
      set: () => void called++,
      configurable: true,
    });
    try {
      const map = decodeWith(unpackMap, () =>
        packed({ ["__proto__"]: { admin: true }, pollutedSetter: 1 }),
      ) as Record<string, unknown>;
      expect(Object.getPrototypeOf(map)).toBe(Object.prototype);
      expect(Object.hasOwn(map, "__proto__") && Object.hasOwn(map, "pollutedSetter")).toBe(true);
      expect((map as { admin?: unknown }).admin).toBeUndefined();
      expect(called).toBe(0);
    } finally {
      delete (Object.prototype as { pollutedSetter?: unknown }).pollutedSetter;
    }
  });

  it("is what the driver decodes every map with, in every protocol's Unpacker, once createDriver has installed it", async () => {
    // A driver connects only when first used: nothing listens on port 1, and nothing is asked.
    await createDriver({ uri: "bolt://127.0.0.1:1", username: "neo4j", password: "" }).close();
    const installed = v1.Unpacker.prototype._unpackMapWithSize;
    expect(installed).not.toBe(driverUnpackMap);
    const seen = vi.fn(installed);
    v1.Unpacker.prototype._unpackMapWithSize = seen;
    try {
      const map = new v2.Unpacker().unpack(packed({ outer: { inner: "x" } }));
      // Fails if the driver stops decoding maps through this method: every map would pay defineProperty again.
      expect(seen).toHaveBeenCalledTimes(2);
      expect(map).toEqual({ outer: { inner: "x" } });
    } finally {
      v1.Unpacker.prototype._unpackMapWithSize = installed;
    }
    // A second copy of the module, evaluated after the install (as a test runner's isolation may),
    // still falls back to the driver's own, not to the installed function.
    const copy = new URL("../../../src/graph/driver-maps.ts?evaluated-again", import.meta.url).href;
    const again = (await import(/* @vite-ignore */ copy)) as typeof import("../../../src/graph/index.ts");
    expect(again.unpackMap).not.toBe(unpackMap);
    expect(again.driverUnpackMap).toBe(driverUnpackMap);
  });
});
