// SPDX-License-Identifier: MIT
import { createConfig, tracked } from './config.js';

const json = (data, status = 200) => new Response(JSON.stringify(data), {
  status, headers: { 'content-type': 'application/json' },
});

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const config = createConfig(env, { name: 'string', limit: 'number' });
    if (url.pathname === '/config') {
      const { name, ...rest } = config;
      return json({
        keys: Object.keys(config),
        entries: Object.entries(config),
        spread: { ...config, source: 'env' },
        assigned: Object.assign({}, config),
        name,
        rest,
        has: [Object.hasOwn(config, 'limit'), Object.prototype.hasOwnProperty.call(config, 'secret'), 'name' in config],
        descriptor: Object.getOwnPropertyDescriptor(config, 'limit'),
      });
    }
    if (url.pathname === '/cart') {
      const reads = [];
      const cart = tracked({ items: 2, total: 30 }, reads);
      Object.defineProperty(cart, 'currency', { value: 'EUR', enumerable: true, configurable: true });
      const copy = { ...cart };
      return json({ copy, values: Object.values(cart), own: cart.hasOwnProperty('currency'), reads });
    }
    if (url.pathname === '/frozen') {
      // freezing through the traps: the tracked record is frozen on its
      // target through the defineProperty trap; the config's keys exist
      // only in its traps, so once its target cannot be extended the
      // ownKeys trap breaks an invariant and freeze throws, as in Node
      const reads = [];
      const cart = tracked({ items: 2, total: 30 }, reads);
      Object.freeze(cart);
      let configFreeze;
      try {
        Object.freeze(config);
        configFreeze = 'frozen';
      } catch (e) {
        configFreeze = e.constructor.name;
      }
      return json({
        cart: [Object.isFrozen(cart), Object.isExtensible(cart), cart instanceof Object, Reflect.set(cart, 'items', 3), cart.items],
        reads, configFreeze, configExtensible: Object.isExtensible(config),
      });
    }
    return json({ error: 'not found' }, 404);
  },
};
