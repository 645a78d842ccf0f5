// SPDX-License-Identifier: MIT
// Default and rest parameters, which contrib/fcworker-build/lib/hidden-params.js
// gives as formals of their own: t/build-hidden-params.t runs this in Node
// and its bundle in fcworker and compares what they print. `fns` names the
// functions whose arguments objects the test asks about.
const out = (...a) => (typeof print === 'function' ? print(a.join(' ')) : console.log(a.join(' ')));
const fns = {};

function aborted(x, startIndex = 0) {
    return [x, startIndex].join('/');
}
fns.aborted = aborted;
out('defaults', aborted.length, aborted(1), aborted(1, 2), aborted(1, undefined), aborted(1, null), aborted(1, 0, 9));

function mid(a, b = a + 1, c) {
    return [a, b, c].join('/');
}
fns.mid = mid;
out('after a default', mid.length, mid(1), mid(1, 5), mid(1, undefined, 3), mid(1, 2, 3, 4));

function none(a = 'A', b = () => a) {
    return a + b();
}
fns.none = none;
out('only defaults', none.length, none(), none('x'), none(undefined, () => 'z'));

const arrow = (x, y = 10) => x + y;
fns.arrow = arrow;
out('arrow', arrow.length, arrow(1), arrow(1, 2), arrow.name);

class C {
    constructor(req, path = '/', match = [[]]) {
        this.r = req;
        this.p = path;
        this.m = match.length;
    }
    m2(a, b = 3) {
        return a * b;
    }
}
fns.C = C;
const c = new C('r');
out('class', C.length, c.p, c.m, new C('r', '/x', [1, 2]).p, c.m2.length, c.m2(2), c.m2(2, 4));
class D extends C {}
out('derived', D.length, new D('q', '/d').p, new D('q').p);

function fetchLike(request, ...rest) {
    return [request, rest[1], rest[0]].join('|');
}
fns.fetchLike = fetchLike;
out('rest read at indexes', fetchLike.length, fetchLike('a'), fetchLike('a', 'b'), fetchLike('a', 'b', 'c', 'd'));

function restAll(...all) {
    const first = () => all[0];
    return first() + ':' + all[2];
}
fns.restAll = restAll;
out('rest only', restAll.length, restAll('x', 'y', 'z'), restAll());

// the array itself is used: an arguments object stays
function restLen(a, ...rest) {
    return rest.length;
}
fns.restLen = restLen;
out('rest length', restLen.length, restLen(1, 2, 3), restLen(1));

function restCall(a, ...rest) {
    return typeof rest[0] === 'function' ? rest[0]() : 'no';
}
fns.restCall = restCall;
out('rest element called', restCall(1, function () { return Array.isArray(this) ? 'array this' : 'other this'; }));

function restWrite(...rest) {
    rest[0] = 'w';
    return rest[0] + rest.length;
}
fns.restWrite = restWrite;
out('rest written', restWrite(), restWrite('a', 'b'));

function restPassed(...rest) {
    return JSON.stringify(rest);
}
fns.restPassed = restPassed;
out('rest passed on', restPassed(1, 2));

// a copy of the rest that does not always run: left alone
function restLater(a) {
    if (a) {
        for (var _len = arguments.length, r = new Array(_len > 1 ? _len - 1 : 0), _key = 1; _key < _len; _key++) {
            r[_key - 1] = arguments[_key];
        }
    }
    try {
        return r[0];
    } catch (e) {
        return 'threw ' + (e instanceof TypeError);
    }
}
fns.restLater = restLater;
out('rest copied conditionally', restLater(0, 'x'), restLater(1, 'y'));

function usesArgs(a, b = 2) {
    return arguments.length + ':' + b;
}
fns.usesArgs = usesArgs;
out('arguments read too', usesArgs.length, usesArgs(1), usesArgs(1, 5, 6));

function inner(a = 1) {
    return function (b = 2) {
        return a + b;
    };
}
fns.inner = inner;
fns.innerClosure = inner();
out('nested', inner.length, inner()(), inner(5)(6), inner().length);

const obj = {
    get g() { return 1; },
    set s(v) { this.v = v; },
    meth(x = 7) { return x; }
};
fns.meth = obj.meth;
out('object', obj.meth.length, obj.meth(), obj.meth(8), obj.g);

function destructured({ a, b } = { a: 1, b: 2 }, [c2, d2] = [3, 4]) {
    return a + b + c2 + d2;
}
fns.destructured = destructured;
out('destructured', destructured.length, destructured(), destructured({ a: 10, b: 20 }), destructured(undefined, [5, 5]));

async function asyncDefault(a, b = 5) {
    await null;
    return a + b;
}
fns.asyncDefault = asyncDefault;

function* genDefault(a, b = 2) {
    yield a;
    yield b;
}
out('generator', genDefault.length, [...genDefault(1)].join(','), [...genDefault(1, 7)].join(','));

function many(a, b = 1, c = 2, d = 3, e = 4, f = 5) {
    return [a, b, c, d, e, f].join('');
}
fns.many = many;
out('many', many.length, many(0), many(0, 9, 9, 9, 9, 9), many(0, undefined, 8));

const self = function named(n = 3) {
    return n <= 0 ? 'done' : named(n - 1);
};
fns.self = self;
out('recursive', self.length, self(), self.name);

function thrower(a = (() => { throw new Error('default threw'); })()) {
    return a;
}
try {
    thrower();
} catch (e) {
    out('a default throws', e.message);
}
out('not when given', thrower(1));

function scopeCheck(a, b = () => a) {
    const before = a;
    a = 'changed';
    return b() + ',' + before;
}
fns.scopeCheck = scopeCheck;
out('parameter scope', scopeCheck('orig'));

function bound(a, b = 'dflt') {
    return this.k + a + b;
}
const bf = bound.bind({ k: 'K' }, 'x');
out('bound', bound.length, bf.length, bf(), bf('y'));
out('call and apply', bound.call({ k: 1 }, 2), bound.apply({ k: 1 }, [2, 3]), Reflect.apply(bound, { k: 'r' }, ['s']));
out('new with spread', new C(...['s', '/spread']).p);

asyncDefault(1).then((v) => {
    out('async', asyncDefault.length, v);
    globalThis.hiddenParamsCases = fns;
    out('end');
});
