// SPDX-License-Identifier: MIT
// A typed view of env as config libraries make one: a Proxy whose keys
// exist only through its traps (ownKeys, getOwnPropertyDescriptor, get),
// so that Object.keys, Object.entries, spread and hasOwnProperty see them.
export function createConfig(env, schema) {
  const parse = (key) => {
    const raw = env[`APP_${key.toUpperCase()}`];
    return schema[key] === 'number' ? Number(raw) : raw;
  };
  return new Proxy({}, {
    ownKeys: () => Object.keys(schema),
    getOwnPropertyDescriptor: (_, key) => (Object.hasOwn(schema, key)
      ? { value: parse(key), enumerable: true, configurable: true, writable: false }
      : undefined),
    get: (_, key) => (typeof key === 'string' && Object.hasOwn(schema, key) ? parse(key) : undefined),
    has: (_, key) => Object.hasOwn(schema, key),
    set: () => { throw new TypeError('config is read-only'); },
  });
}

// A record that counts reads, over a real object (a reactive store).
export function tracked(target, reads) {
  return new Proxy(target, {
    get(t, key, receiver) {
      if (typeof key === 'string') reads.push(key);
      return Reflect.get(t, key, receiver);
    },
    defineProperty(t, key, descriptor) {
      reads.push(`define:${String(key)}`);
      return Reflect.defineProperty(t, key, descriptor);
    },
  });
}
