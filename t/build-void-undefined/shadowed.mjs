// SPDX-License-Identifier: MIT
// A module that binds the name keeps every `undefined` as written.
function f(undefined) {
    return undefined;
}
for (const x of [1]) {
    print(f(x) + ' ' + (f() === void 0));
}
