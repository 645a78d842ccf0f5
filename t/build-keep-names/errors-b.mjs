// SPDX-License-Identifier: MIT
// Names that collide with errors-a.mjs's: the bundler renames these.
export class ValidationError extends Error {
    constructor(message) {
        super(message);
        this.name = new.target.name;
    }
    static kind = this.name;
}
export function describe() { return 'b'; }
export const arrow = () => 'b';
export default function () { return 'default'; }
// a closure the bundler renames (it shadows its function): named as the
// bundle names it, so that no call pays for the helper
export function shadow() {
    const shadow = () => 1;
    return shadow;
}
