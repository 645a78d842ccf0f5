// SPDX-License-Identifier: MIT
// Calls of names of the module's top level, which fcworker-build writes
// `(0, f)(...)` (lib/call-constants.js): run by Node as it is and by
// fcworker as bundled, the two must print the same.
const out = [];
const print_ = typeof print === 'function' ? print : (s) => console.log(s);

function whoIsThis() {
    return this === undefined ? 'undefined' : typeof this;
}
function add(a, b) {
    return a + b;
}
let swapped = () => 'first';
const callSwapped = () => swapped();

out.push(`this: ${whoIsThis()}`);
out.push(`args: ${add(2, 3)}`);
out.push(`first: ${callSwapped()}`);
swapped = () => 'second';
out.push(`reassigned: ${callSwapped()}`);
out.push(`a global: ${parseInt('42', 10)}`);

function shadows() {
    function add(a, b) {
        return `local ${a}${b}`;
    }
    return add(1, 2);
}
out.push(`shadowed: ${shadows()}`);
function param(add) {
    return add(3);
}
out.push(`a parameter: ${param((x) => `param ${x}`)}`);
try {
    throw (x) => `caught ${x}`;
} catch (add) {
    out.push(`a catch binding: ${add(4)}`);
}

function direct() {
    const local = 'seen by a direct eval';
    return eval('local');
}
out.push(`eval: ${direct()}`);

const order = [];
function tag(name, value) {
    order.push(name);
    return value;
}
function three(a, b, c) {
    return [a, b, c].join('+');
}
out.push(`arguments in order: ${three(tag('a', 1), tag('b', 2), tag('c', 3))} ${order.join()}`);
function recurse(n) {
    return n === 0 ? 0 : n + recurse(n - 1);
}
out.push(`recursion: ${recurse(10)}`);
class Point {
    constructor(x) {
        this.x = x;
    }
}
function makePoint(x) {
    return new Point(x);
}
out.push(`new: ${makePoint(7).x}`);
async function later(v) {
    return v * 2;
}
(async () => {
    out.push(`async: ${await later(21)}`);
    let threw = '';
    try {
        notDefinedAnywhere();
    } catch (e) {
        threw = e.constructor.name;
    }
    out.push(`an undeclared name: ${threw}`);
    print_(out.join('\n'));
})();
export default { out };
