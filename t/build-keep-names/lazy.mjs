// SPDX-License-Identifier: MIT
// Loaded with import(): the bundler initializes it lazily and names a
// class that refers to itself _Lazy.
export class Lazy {
    static make() { return new Lazy(); }
}
export default class {
    static tag = 'x';
}
export function lazyFunction() {}
