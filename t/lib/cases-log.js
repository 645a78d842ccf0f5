// SPDX-License-Identifier: MIT
// The record of a t/build-*/cases.js, which Node runs as it is and fcworker
// as fcworker-build bundles it: log(name, f) notes "name: " and what f
// returns as a string, or the name of the class of what it throws;
// printAll() prints the notes, one per line, through fcworker's print or
// Node's console.log.
const out = [];

function log(name, f) {
    let v;
    try {
        v = String(f());
    } catch (e) {
        v = e.constructor.name;
    }
    out.push(`${name}: ${v}`);
}

function printAll() {
    (typeof print === 'function' ? print : console.log)(out.join('\n'));
}

module.exports = { log, printAll };
