// SPDX-License-Identifier: MIT
// Closures that need nothing of the function they are made in, moved out
// of it by fcworker-build (contrib/fcworker-build/lib/hoist-closures.js),
// and the ones it must leave: t/build-hoist.t runs this file in Node and
// its bundle in fcworker, and the two outputs must be the same; it also
// checks which variables' functions were moved (the names with "moved"
// are, those with "kept" are not).
const out = typeof print === 'function' ? print : (s) => console.log(s);
const step = (label, fn) => {
  let r;
  try {
    r = JSON.stringify(fn());
  } catch (e) {
    r = `threw ${e.constructor.name}: ${e.message.replace(/ is not a function.*| is not callable.*|not callable.*/, ' not callable')}`;
  }
  out(`${label}: ${r}`);
};
const base = 10;
function moduleHelper(x) { return x * 2; }

// ---- moved: they use only their own names, the module's and globals
function render(tag, items) {
  const movedNormalize = tag === 'svg' ? (k) => k.toUpperCase() : (k) => moduleHelper(k.length) + base;
  const movedSum = function (a, b) { return a + b + arguments.length; };
  const movedThis = function () { return this === undefined ? 'undefined this' : typeof this; };
  const movedNamed = function inner(x) { return Math.max(x, base); };
  const movedWithCatch = (x) => { try { return JSON.parse(x); } catch (e) { return 'bad: ' + x; } };
  const movedNested = (n) => [1, 2, 3].map((v) => v * n + base);
  return [items.map((k) => movedNormalize(k)), movedSum(1, 2), movedThis(), movedNamed(3), movedWithCatch('[1]'),
    movedWithCatch('{'), movedNested(2)];
}
step('render div', () => render('div', ['ab', 'cde']));
step('render svg', () => render('svg', ['ab', 'cde']));
step('called twice, same answers', () => JSON.stringify(render('div', ['x'])) === JSON.stringify(render('div', ['x'])));

// one inside another: both moved, the inner one out of the outer's text
function twoLevels(v) {
  const movedOuterLevel = (x) => {
    const movedInnerLevel = (y) => y * 3;
    return movedInnerLevel(x) + 1;
  };
  return movedOuterLevel(v);
}
step('one moved function inside another', () => [twoLevels(2), twoLevels(5)]);

// ---- kept: each would behave otherwise, or might
function kept(tag, items) {
  const local = 5;
  const keptCaptures = (x) => x + local; // uses a variable of kept()
  const keptParam = (x) => x + tag.length; // uses a parameter
  const keptEscapes = (x) => x * 3; // passed to map: its identity is seen
  const keptRead = (x) => x; // read as a value
  const keptTypeof = () => 1;
  const keptNew = function (v) { this.v = v; };
  const keptRecursive = (n) => (n > 1 ? n * keptRecursive(n - 1) : 1); // uses its own variable
  const keptNamedSelf = function again(n) { return n > 0 ? again(n - 1) + 1 : 0; }; // uses its own name
  let keptReassigned = (x) => x + 1;
  const first = keptReassigned(1);
  keptReassigned = (x) => x + 2;
  const keptEval = (s) => eval(s);
  return [keptCaptures(1), keptParam(1), items.map(keptEscapes), keptRead === keptRead, typeof keptTypeof,
    new keptNew(4).v, keptRecursive(5), keptNamedSelf(3), first, keptReassigned(1), keptEval('1 + 2')];
}
step('kept', () => kept('div', [1, 2]));

// a direct eval in the function that makes it could read or set the variable
const seenByEval = [];
function evalAround() {
  let keptByEval = (x) => x + 1;
  seenByEval.push(eval('keptByEval'));
  return [keptByEval(1), eval('keptByEval = function (x) { return x + 10; }; keptByEval(1)'), keptByEval(2)];
}
step('a direct eval beside it', () => [evalAround(), evalAround(), seenByEval[0] === seenByEval[1]]);

// a name of a function in between (not the one that makes the closure)
function outer() {
  const between = 7;
  return function middle() {
    const keptOuterName = () => between;
    return keptOuterName();
  };
}
step('a name of an enclosing function', () => outer()());

// a catch parameter around the closure
function inCatch() {
  try {
    throw new Error('caught');
  } catch (err) {
    const keptCatch = () => err.message;
    return keptCatch();
  }
}
step('a catch parameter', inCatch);

// a module name shadowed by a function in between
function shadows() {
  const base = 99;
  const keptShadowed = () => base;
  return keptShadowed();
}
step('a module name shadowed', shadows);

// called before the variable has its value: as before, not a function
function early() {
  const r = [];
  try {
    r.push(movedLater(1));
  } catch (e) {
    r.push(e.constructor.name);
  }
  var movedLater = (x) => x + 1;
  r.push(movedLater(1));
  return r;
}
step('called before its variable is set', early);

// an exception thrown inside a moved function
function throws() {
  const movedThrows = (x) => { throw new RangeError('from a moved function ' + x); };
  return movedThrows(1);
}
step('a moved function throws', throws);
// ---- the bodies of async functions: moved out with the names they take
let asyncOut = [];
async function movedAsync(a, b) {
  const first = await a;
  a = first + 1; // its own copy of the parameter
  return [first, a, b, await Promise.resolve(b * 2)];
}
async function movedAsyncNoParams() {
  await null;
  return base;
}
const counter = { n: 0, async movedAsyncMethod(step) { await null; this.n += step; return this.n; } };
function keptOuter(k) {
  async function keptAsyncCapture(x) { await null; return x + k; } // uses k of keptOuter
  return keptAsyncCapture(1);
}
async function keptAsyncArguments() { await null; return arguments.length; }
const keptAsyncNamed = async function again(n) { await null; return n > 0 ? again(n - 1) : 'down'; };
async function movedAsyncThrows(why) { await null; throw new TypeError(why); }
async function movedAsyncNested(x) {
  const inner = async (y) => { await null; return y * 10; };
  return [await inner(x), await inner(x + 1)];
}
(async () => {
  asyncOut.push(await movedAsync(1, 5), await movedAsyncNoParams(), await counter.movedAsyncMethod(2),
    await counter.movedAsyncMethod(3), await keptOuter(41), await keptAsyncArguments(1, 2, 3), await keptAsyncNamed(3));
  try { await movedAsyncThrows('async why'); } catch (e) { asyncOut.push(`${e.name}: ${e.message}`); }
  asyncOut.push(await movedAsyncNested(2));
  out(`async: ${JSON.stringify(asyncOut)}`);
  out('end');
})();
