/**
 * A proxy of `target` with some members replaced; every other method is bound to the real
 * object, so wrapping a driver, session or transaction never breaks its private fields.
 */
export function forward<T extends object>(target: T, override: Partial<Record<PropertyKey, unknown>>): T {
  return new Proxy(target, {
    get(object, property) {
      if (property in override) return override[property];
      const value = Reflect.get(object, property, object) as unknown;
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(object) : value;
    },
  });
}
