// SPDX-License-Identifier: MIT
// RegExp's legacy static properties (RegExp.$1-$9, input/$_, lastMatch/$&,
// lastParen/$+, leftContext/$`, rightContext/$') after each kind of match:
// exec, test, replace and replaceAll (template and function, global or
// not), match, matchAll, split, search (the C fast path and the general
// one), a subclass; groups that did not take part or beyond the count, the
// input setter, failed matches (which leave the statics as they were),
// non-ASCII inputs, the input string kept while other strings are matched,
// and the accessors' shape. t/regexp-statics.t compares what the bundle
// prints in fcworker with expected.txt, and Node's output on this source.
'use strict';
const print_ = typeof print === 'function' ? print : (s) => console.log(s);
const KEYS = ['input', '$_', 'lastMatch', '$&', 'lastParen', '$+', 'leftContext', '$`', 'rightContext', "$'",
  '$1', '$2', '$3', '$4', '$5', '$6', '$7', '$8', '$9'];

function statics() {
  const o = {};
  for (const k of KEYS) {
    o[k] = RegExp[k];
  }
  return o;
}

function show(name) {
  print_(`${name}: ${JSON.stringify(statics())}`);
}

function log(name, value) {
  print_(`${name}: ${JSON.stringify(value)}`);
}

show('before any match');

// exec and test
/(b)(c)?(x)?/.exec('abd');
show('exec, groups 2 and 3 not taking part');
/(\d+)-(\d+)/.test('tel 555-1234 ok');
show('test');
/(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)/.exec('-abcdefghijk-');
show('exec, eleven groups (lastParen is the eleventh)');
/a|(b)/.exec('xa');
show('exec, the last group not taking part');
/()/.exec('');
show('exec, empty input');
const g = /o(.)/g;
g.exec('foo bor');
g.exec('foo bor');
show('exec twice with g');

// failed matches leave the statics as they were
/(zzz)/.exec('abc');
show('after a failed exec');
/(zzz)/.test('abc');
'abc'.replace(/(zzz)/g, 'y');
'abc'.search(/(zzz)/);
'abc'.split(/(zzz)/);
'abc'.match(/(zzz)/g);
/(o)/y.exec('xo');
const late = /(o)/g;
late.lastIndex = 50;
late.exec('foo');
show('after failed test, replace, search, split, match, sticky and lastIndex');

// replace and replaceAll
'a-b-c'.replace(/-(\w)/, '+$1');
show('replace, template, once');
'a-b-c'.replace(/-(\w)/g, '+$1');
show('replace, template, global');
const seen = [];
'a-b-c'.replace(/-(\w)/g, (m, p1) => {
  seen.push([m, p1, RegExp.$1, RegExp.lastMatch, RegExp.leftContext]);
  return p1;
});
log('inside a global replace function (the last match)', seen);
show('replace, function, global');
seen.length = 0;
'a-b-c'.replace(/-(\w)/, (m, p1) => {
  seen.push([RegExp.$1, RegExp.rightContext]);
  return p1;
});
log('inside a replace function, once', seen);
'x1y22z'.replaceAll(/(\d)+/g, '#');
show('replaceAll');
'plain'.replace('a', 'A');
show('replace with a string pattern changes nothing');

// match and matchAll
'key=value'.match(/(\w+)=(\w+)/);
show('match');
'hello'.match(/(l)/g);
show('match, global');
Array.from('a1b22c333'.matchAll(/(\d)+/g));
show('matchAll');

// split
'a1b2c'.split(/(\d)/);
show('split with a group');
'abc'.split(/(?:)/);
show('split with an empty pattern');
'abc'.split(/c/);
show('split at the end');
'abc'.split(/$/);
show('split matching only at the end changes nothing');
''.split(/(x)?/);
show('split of the empty string');
'a,b,c,d'.split(/(,)/, 2);
show('split with a limit');

// search: the fast path (a RegExp as built) and the general one
'hello world'.search(/(o) (w)/);
show('search');
const sticky = /(l+)/y;
sticky.lastIndex = 3;
'hello'.search(sticky);
show('search, sticky (lastIndex is 0 during the search)');
const moved = /(r)(l)/;
moved.lastIndex = 2;
'world'.search(moved);
show('search with lastIndex not 0');

// non-ASCII inputs: offsets are UTF-16 code units
/(é)(.)/.exec('aébc€d');
show('two- and three-byte characters');
/(😀)(.)/u.exec('x😀yz');
show('an astral character, u flag');
/(.)(z)/.exec('€😀😀yz—');
show('astral characters before the match, no u flag');
'αβγ-δ'.replace(/(γ)-(δ)/, '$2$1');
show('replace, Greek');
'日本語の文'.split(/(の)/);
show('split, Japanese');

// the input setter
/(b)/.exec('abc');
RegExp.input = 'set by hand';
show('after RegExp.input = ...');
RegExp.$_ = 42;
log('RegExp.$_ = 42 reads', RegExp.input);
/(none)/.exec('abc');
log('a failed match keeps the assigned input', RegExp.input);
/(q)/.exec('xqy');
show('a successful match replaces the assigned input');
try {
  RegExp.input = Symbol('s');
  log('a symbol', 'assigned');
} catch (e) {
  log('a symbol', e.constructor.name);
}
RegExp.lastMatch = 'ignored';
RegExp.$1 = 'ignored';
show('assigning the others does nothing (strict mode, no throw)');

// the input string is held, whatever is matched (and fails) later
let big = '';
for (let i = 0; i < 100; i++) {
  big += String.fromCharCode(97 + (i % 26));
}
const dynamic = big + 'XY' + 'ü'.repeat(3) + big;
/(X)(Y)(ü+)/.exec(dynamic);
for (let i = 0; i < 2000; i++) {
  /(nomatch)/.test('other ' + i + ' string ' + 'é'.repeat(i % 7));
}
log('the input kept while others are matched', [RegExp.$1, RegExp.$2, RegExp.$3, RegExp.input === dynamic,
  RegExp.leftContext.length, RegExp.rightContext.length]);

// a subclass's matches update them too (as in V8)
class Words extends RegExp {}
new Words('(w)o(r)').exec('a word');
show('a subclass');
log('read through the subclass', Words.$1);

// an exec replaced by the script: the built-in exec did not run
/(k)/.exec('kk');
const custom = /(z)/;
custom.exec = function () {
  return null;
};
custom.test('zzz');
'zz'.replace(custom, 'y');
show('an own exec that matches nothing');

// the accessors
const names = Object.getOwnPropertyNames(RegExp).filter((k) => KEYS.includes(k));
log('own property order', names);
const shapes = KEYS.map((k) => {
  const d = Object.getOwnPropertyDescriptor(RegExp, k);
  return [k, d.get.name, d.get.length, d.set.name, d.set.length, d.enumerable, d.configurable];
});
log('descriptors', shapes);
/(r)(e)/.exec('receiver');
log('a getter read with another receiver', Object.getOwnPropertyDescriptor(RegExp, '$2').get.call({}));
log('keys', Object.keys(RegExp));
log('no $0 or $10', ['$0' in RegExp, '$10' in RegExp]);
