// SPDX-License-Identifier: MIT
export class ValidationError extends Error {
    constructor(message) {
        super(message);
        this.name = this.constructor.name;
    }
}
export function describe() { return 'a'; }
export const arrow = () => 'a';
