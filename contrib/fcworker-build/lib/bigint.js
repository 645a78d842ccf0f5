// SPDX-License-Identifier: MIT
/*
 * BigInt lowering: a source pre-pass on esbuild's ES2022 output that lets
 * code using BigInt run on fcworker's runtime, which has BigInt as an object
 * type (js/16-bigint.js) but no BigInt syntax or operator semantics.
 *
 * transform(ast, ms, code) edits the MagicString `ms` of `code` (whose acorn
 * Program is `ast`) in place and returns true when it changed anything. A
 * program with no BigInt literal, no `typeof x === "bigint"` and no name
 * of BigInt's (below) is left alone: it cannot make a BigInt (a `typeof`
 * used as a value alone does not count here). Otherwise:
 *   - every BigInt literal becomes __fcw_bigint.lit("<digits>");
 *   - `typeof x` compared with "bigint" becomes __fcw_bigint.isBigInt(x)
 *     (negated for != and !==); compared with "object", or used any other
 *     way, it becomes __fcw_bigint.typeOf(x); comparisons with the other
 *     type names stay native. An identifier operand is tested with a native
 *     `typeof` first, so an undeclared global still gives no ReferenceError;
 *   - in "BigInt scopes" only, a value tested for truth (the test of if,
 *     while, do-while, for and ?:, the operand of !, and through && and ||
 *     in those places) becomes __fcw_bigint.truthy(x), as 0n is false
 *     and a BigInt here is an object (a comparison, !, in and instanceof
 *     give booleans and stay as they are);
 *   - in "BigInt scopes" only, arithmetic, bitwise, relational, equality,
 *     unary -, +, ~, ++, -- and compound assignments become calls of
 *     __fcw_bigint (add, sub, ..., update, assign; the contract is in the
 *     runtime file). `x += y` becomes `x = add(x, y)`, also for a member of
 *     `this` or of a name (`this.#n++`, `o.p -= 1n`); other member targets
 *     (`f().p += 1n`, `o[k()]++`) go through update/assign, which evaluate
 *     the object once (the right-hand side is then evaluated before the
 *     property is read). Private fields of other objects, `super` members
 *     and targets in parentheses stay native, and so do `===`/`!==` with a
 *     literal that is not a BigInt, `==`/`!=` with null or undefined, and
 *     `+`/`+=` with a string literal: their native result is already right
 *     for BigInts;
 *   - so does an operator whose operand is surely no BigInt (notBig: a
 *     literal, a template, `x >>> s`, `x | 0`, `a.length`, Number(x), ...),
 *     unless the other is visibly one (`1n + 1` keeps its TypeError):
 *     arithmetic and bitwise operators then (`h >>> s | l << 32 - s`,
 *     `(a >>> 0) + (b >>> 0)`, `2 ** 32`, `i += 1`), comparisons and `==`
 *     when both operands are such, `===` when one is, and `>>>` always (a
 *     BigInt operand would throw a TypeError in both forms, or for `+` with
 *     a string give the same string). A BigInt reaching them unseen gives
 *     a number or a string where the language throws;
 *   - in "BigInt scopes" only, `Boolean(x)` and a `Boolean` passed to a
 *     call (`list.filter(Boolean)`) become __fcw_bigint.truthy, and `a ||
 *     b` and `a && b` used as values (not tested), for a name a, become
 *     `(__fcw_bigint.truthy(a) ? a : b)` and `(__fcw_bigint.truthy(a) ? b :
 *     a)`; for any other a that may be a BigInt (`o.x || y`, `f() && y`),
 *     `__fcw_bigint.nz(a) || b` and `(__fcw_bigint.test(a) ? b :
 *     __fcw_bigint.tested())`, which evaluate a once; `x ||= y` and `x &&=
 *     y`, for a name or a member of `this` or of a name, become
 *     `(__fcw_bigint.nz(x) || (x = y))` and `(__fcw_bigint.test(x) ? (x =
 *     y) : __fcw_bigint.tested())` (other targets stay native); what a
 *     function given to filter, some, every, find, findIndex, findLast or
 *     findLastIndex returns is tested for truth (`list.filter((v) => v)`).
 *
 * BigInt scopes: a function that contains a BigInt literal, a name that
 * contains "bigint" in any case (BigInt, BigInt64Array, getBigInt64,
 * isBigInt, a library's BIGINT_LIMITS...; not BigInteger), BigUint64Array,
 * getBigUint64, setBigUint64, a `typeof x === "bigint"` test, a `typeof x`
 * used as a value (`names[typeof x]`: code generic over types, such as a
 * validator's `value <= limit` for numbers and BigInts alike; not in a
 * message, `"got " + typeof x`), or a name that a top-level declaration
 * binds to a BigInt (bigNames: `const _32n = BigInt(32)`, `const MASK =
 * (() => BigInt(2 ** 32 - 1))()`, `const CURVE = { p: ... }`, so
 * @noble/hashes' `fromBig(n)`, which does `n & U32_MASK64`, is one), and
 * every function nested in it (callbacks such as `list.reduce((a, b) => a
 * + b, 0n)` get their BigInts
 * from there). At the top level the unit is the statement, not the program:
 * esbuild hoists every ES module of the bundle to that level, so one
 * top-level `const MAX = 2n ** 64n` would otherwise put every operator of
 * the program behind a call; a top-level statement that mentions (outside its
 * functions) a name bound by such a statement is one too. A module that
 * esbuild wraps to load it lazily (required, or imported with import():
 * `var _0n; var init_m = __esm({ "path"() { _0n = BigInt(0); ... } })`,
 * as viem's copy of @noble/curves is) has its top level in that function:
 * its statements count as top-level statements, and its assignments to
 * names declared at the top level as their bindings. But a module of
 * the bundle (from one of esbuild's `// path` comments to the next) that
 * binds a top-level name to a BigInt value (not an object or array holding
 * some, as zod's table of int64 bounds) and uses it in a function or a
 * class (not only in top-level code, as @noble/hashes' SHA-3 module builds
 * its table of round constants: its permutation is number code that a
 * lowering makes ten times dearer) is a BigInt module: all its
 * top-level statements, and so all its functions, are scopes, since a
 * BigInt library's functions also get BigInts through parameters and
 * fields (@noble/curves' field methods `add(a, b) { return mod(a + b,
 * this.ORDER); }`, `inRange(n, min, max)`), which no rule of the text of
 * one function can see. Values are also followed through variables,
 * parameters and return values (spreadFlow), anywhere in the program: a
 * function with a name (a local or a parameter) that holds a BigInt is a
 * scope, a name holds one when it is assigned a BigInt value (bigValued:
 * `BigInt(t)`, `a + b` with a such a name, a call of a function returning
 * one), a parameter when a call passes one in its place (`sum(x, 1n)`,
 * `sum(a, b)` with `a` such a local, a method called by its name,
 * `o.mul(a, b)`: every method of that name, as nothing more of `o` is
 * known, but not for the names of built-in objects' methods such as `set`,
 * `add` and `push`, and `new C(a)`: C's constructor), and a function
 * returns one when one of its returns is one. A class that keeps a BigInt
 * in a field of `this` (`this.v = v` with v one, `total = BigInt(0)`) has
 * all its methods lowered, as they get it back as `this.v`; the parameters
 * of a function given to a method of a value that holds BigInts
 * (`list.map(square)`, `[a, b].reduce(add)`) are BigInts. What goes
 * through other objects' fields or other callbacks is not followed (`o.v =
 * v` then `o.v * 2` in a function given o;
 * `Promise.resolve(x).then(square)`). Lowering every module that makes
 * BigInts would have lowered zod 4's schemas (+5% instructions on the
 * bench's Hono API GET, +19% on its POST); the number operators of a
 * BigInt module's other code stay native as above (@noble/hashes' _u64 is
 * one: SHA-512 of 32 KB costs 1.28 billion instructions in t/jsrun as when
 * nothing of it was lowered, 11.8 billion with its operators lowered, 1.68
 * billion with only those next to a number kept native). Operators
 * elsewhere stay native, so hot code that never sees a BigInt pays
 * nothing; a BigInt reaching them is compared through its @@toPrimitive
 * (exact for safe integers, approximate beyond 2^53), and arithmetic on it
 * there gives a number or a string instead of a TypeError or a BigInt.
 */
'use strict';

const { tokenAfter } = require('./edits');

const OPS = '__fcw_bigint';
/* Names that mark a BigInt scope: these, and every identifier or property
 * name containing "bigint" in any case (BIGINT_FORMAT_RANGES, isBigInt,
 * ZodBigInt, getBigInt64: code named after BigInts handles them), but not
 * as part of "BigInteger": jsbn's class of numbers held in arrays of
 * numbers (node-forge's RSA), whose arithmetic lowered costs seven times
 * as much (an RSA-2048 signature 14 s instead of 1.9 s). */
const TRIGGER_NAMES = new Set(['BigUint64Array', 'getBigUint64', 'setBigUint64']);
const TRIGGER_PATTERN = /bigint(?!eger)/i;
const BINARY = {
    '+': 'add', '-': 'sub', '*': 'mul', '/': 'div', '%': 'mod', '**': 'exp',
    '&': 'and', '|': 'or', '^': 'xor', '<<': 'shl', '>>': 'sar', '>>>': 'shr',
    '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge',
    '==': 'eq', '!=': 'ne', '===': 'seq', '!==': 'sne'
};
const UNARY = { '-': 'neg', '+': 'pos', '~': 'not' };
/* Array methods that test what their callback returns for truth. */
const PREDICATES = new Set(['filter', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex']);
/* Methods of built-in objects that values are stored in or handed to
 * (arrays, maps, sets, promises, functions, console, streams, headers): a
 * call `o.set(k, big)` is most often one of these, and taking its
 * arguments for BigInts in every method of the bundle with that name would
 * lower unrelated code (a Hono router's `add(method, path, handler)`, for
 * `seen.add(wei)`). */
const BUILTIN_METHODS = new Set(['push', 'unshift', 'splice', 'concat', 'fill', 'includes', 'indexOf',
    'lastIndexOf', 'add', 'set', 'get', 'has', 'delete', 'then', 'catch', 'finally', 'resolve', 'reject',
    'call', 'apply', 'bind', 'log', 'info', 'warn', 'error', 'debug', 'enqueue', 'write', 'append',
    'postMessage', 'send', 'emit', 'assign', 'freeze', 'stringify', 'from', 'of']);
const BOOLEAN_BINARY = new Set(['<', '<=', '>', '>=', '==', '!=', '===', '!==', 'in', 'instanceof']);
const TESTED = { IfStatement: 'test', WhileStatement: 'test', DoWhileStatement: 'test', ForStatement: 'test',
    ConditionalExpression: 'test' };
const EQUALITY = new Set(['==', '!=', '===', '!==']);
const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);
const SKIP_KEYS = new Set(['type', 'start', 'end', 'loc', 'range']);

function isNode(x) {
    return x !== null && typeof x === 'object' && typeof x.type === 'string';
}

/* Calls fn(child, key) for each child node of node. */
function eachChild(node, fn) {
    for (const key of Object.keys(node)) {
        if (SKIP_KEYS.has(key)) {
            continue;
        }
        const v = node[key];
        if (Array.isArray(v)) {
            for (const item of v) {
                if (isNode(item)) {
                    fn(item, key);
                }
            }
        } else if (isNode(v)) {
            fn(v, key);
        }
    }
}

/* The body of esbuild's lazy module wrapper `var init_x = __esm({ "path"()
 * { ... } })` (a module that is require()d or imported dynamically): its
 * statements are the module's top level; or null. */
function esmBody(statement) {
    if (statement.type !== 'VariableDeclaration' || statement.declarations.length !== 1) {
        return null;
    }
    const init = statement.declarations[0].init;
    if (!init || init.type !== 'CallExpression' || init.callee.type !== 'Identifier' || init.callee.name !== '__esm' ||
        init.arguments.length !== 1 || init.arguments[0].type !== 'ObjectExpression' ||
        init.arguments[0].properties.length !== 1) {
        return null;
    }
    const prop = init.arguments[0].properties[0];
    if (prop.type !== 'Property' || prop.value.type !== 'FunctionExpression' || prop.value.async ||
        prop.value.generator) {
        return null;
    }
    return prop.value.body.body;
}

/* The program's units of top-level code in order: its statements, and in
 * place of each __esm wrapper the statements of its body. */
const unitsOf = new WeakMap();
function topUnits(ast) {
    let units = unitsOf.get(ast);
    if (units === undefined) {
        const list = [];
        for (const statement of ast.body) {
            const body = esmBody(statement);
            if (body === null) {
                list.push(statement);
            } else {
                list.push(...body);
            }
        }
        units = { list, set: new Set(list) };
        unitsOf.set(ast, units);
    }
    return units;
}

/* The { name, value } pairs a top-level unit binds: `const a = v, b`
 * (with an initializer) and, as esbuild writes a lazy module's top level,
 * `a = v;` and `a = v, b = w;`. */
function bindings(statement) {
    const out = [];
    if (statement.type === 'VariableDeclaration') {
        for (const d of statement.declarations) {
            if (d.id.type === 'Identifier' && d.init) {
                out.push({ name: d.id.name, value: d.init });
            }
        }
    } else if (statement.type === 'ExpressionStatement') {
        const e = statement.expression;
        for (const a of e.type === 'SequenceExpression' ? e.expressions : [e]) {
            if (a.type === 'AssignmentExpression' && a.operator === '=' && a.left.type === 'Identifier') {
                out.push({ name: a.left.name, value: a.right });
            }
        }
    }
    return out;
}

function isBigIntLiteral(node) {
    return node.type === 'Literal' && typeof node.bigint === 'string';
}

/* Whether the value of expression node is a BigInt, or an array or object
 * literal holding one, as far as its text shows: a BigInt literal or
 * `BigInt(...)`, arithmetic on one, a name of `names`, a function called
 * at once that returns one (`(() => BigInt(2 ** 32 - 1))()`). */
function bigValued(node, names) {
    switch (node.type) {
    case 'Literal':
        return isBigIntLiteral(node);
    case 'Identifier':
        return names.has(node.name);
    case 'CallExpression': {
        const callee = node.callee;
        if (callee.type === 'Identifier') {
            /* BigInt(x), or a function that returns a BigInt (spreadFlow) */
            return callee.name === 'BigInt' || (names.returns !== undefined && names.returns(callee.name));
        }
        if (callee.type === 'MemberExpression') {
            /* BigInt.asUintN(...), Object.freeze({ ... }) */
            return callee.object.type === 'Identifier' && (callee.object.name === 'BigInt' ||
                (callee.object.name === 'Object' && !callee.computed && callee.property.name === 'freeze' &&
                 node.arguments.length === 1 && bigValued(node.arguments[0], names)));
        }
        if (FUNCTIONS.has(callee.type) && !callee.async && !callee.generator) {
            if (callee.body.type !== 'BlockStatement') {
                return bigValued(callee.body, names);
            }
            return callee.body.body.some((s) => s.type === 'ReturnStatement' && s.argument !== null &&
                bigValued(s.argument, names));
        }
        return false;
    }
    case 'UnaryExpression':
        return (node.operator === '-' || node.operator === '~') && bigValued(node.argument, names);
    case 'BinaryExpression':
        return BINARY[node.operator] !== undefined && !BOOLEAN_BINARY.has(node.operator) &&
            (bigValued(node.left, names) || bigValued(node.right, names));
    case 'ConditionalExpression':
        return bigValued(node.consequent, names) || bigValued(node.alternate, names);
    case 'SequenceExpression':
        return bigValued(node.expressions[node.expressions.length - 1], names);
    case 'ArrayExpression':
        return node.elements.some((e) => e !== null && bigValued(e.type === 'SpreadElement' ? e.argument : e, names));
    case 'ObjectExpression':
        return node.properties.some((p) => p.type === 'Property' && bigValued(p.value, names));
    default:
        return false;
    }
}

/* The names that top-level declarations bind to BigInt values
 * (`const _32n = BigInt(32)`, `const CURVE = { p: 2n ** 255n - 19n }`):
 * code that mentions one handles BigInts. */
const bigNamesOf = new WeakMap();
function bigNames(ast) {
    let names = bigNamesOf.get(ast);
    if (names !== undefined) {
        return names;
    }
    names = new Set();
    for (const statement of topUnits(ast).list) {
        for (const { name, value } of bindings(statement)) {
            if (bigValued(value, names)) {
                names.add(name);
            }
        }
    }
    bigNamesOf.set(ast, names);
    return names;
}

/* Whether the identifier child `key` of `parent` names a variable (not a
 * property). */
function isReference(parent, key) {
    if (parent === null) {
        return true;
    }
    switch (parent.type) {
    case 'MemberExpression':
        return key !== 'property' || parent.computed;
    case 'Property':
    case 'PropertyDefinition':
    case 'MethodDefinition':
        return key !== 'key' || parent.computed || (parent.type === 'Property' && parent.shorthand);
    default:
        return true;
    }
}

/* The functions and top-level statements that contain a trigger directly
 * (in no nested function). */
function findTriggers(ast) {
    const marked = new Set();
    const names = bigNames(ast);
    const units = topUnits(ast).set;
    let bigint = false;
    (function visit(node, parent, key, fn) {
        let trigger = false;
        if (isBigIntLiteral(node)) {
            trigger = true;
        } else if (node.type === 'Identifier' || node.type === 'PrivateIdentifier') {
            trigger = TRIGGER_NAMES.has(node.name) || TRIGGER_PATTERN.test(node.name) ||
                (names.has(node.name) && node.type === 'Identifier' && isReference(parent, key));
        } else if (node.type === 'BinaryExpression' && EQUALITY.has(node.operator)) {
            trigger = (isTypeof(node.left) && isStringLiteral(node.right) && node.right.value === 'bigint') ||
                (isTypeof(node.right) && isStringLiteral(node.left) && node.left.value === 'bigint');
        } else if (isTypeof(node)) {
            /* a type name used as a value (`names[typeof x]`, `switch
             * (typeof x)`): code generic over types, BigInts included */
            trigger = !(parent && parent.type === 'BinaryExpression' && EQUALITY.has(parent.operator) &&
                (isStringLiteral(parent.left) || isStringLiteral(parent.right))) &&
                /* but not in a message: `"got " + typeof x`, `${typeof x}` */
                !(parent && ((parent.type === 'BinaryExpression' && parent.operator === '+') ||
                    parent.type === 'TemplateLiteral'));
        }
        bigint = bigint || (trigger && !isTypeof(node));
        if (trigger && fn !== null) {
            marked.add(fn);
        }
        const inner = FUNCTIONS.has(node.type) || units.has(node) ? node : fn;
        eachChild(node, (child, k) => visit(child, node, k, inner));
    })(ast, null, null, null);
    if (!bigint) {
        return new Set();
    }
    spreadTopLevel(ast, marked);
    return marked;
}

/* Names a top-level statement binds or assigns (simple forms). */
function boundNames(statement, names) {
    if (statement.type === 'VariableDeclaration') {
        for (const d of statement.declarations) {
            if (d.id.type === 'Identifier') {
                names.add(d.id.name);
            }
        }
    } else if ((statement.type === 'FunctionDeclaration' || statement.type === 'ClassDeclaration') && statement.id) {
        names.add(statement.id.name);
    } else if (statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression' &&
               statement.expression.left.type === 'Identifier') {
        names.add(statement.expression.left.name);
    }
}

/* Whether node mentions one of names outside the functions in it. */
function mentions(node, names) {
    if (node.type === 'Identifier' && names.has(node.name)) {
        return true;
    }
    if (FUNCTIONS.has(node.type)) {
        return false;
    }
    let found = false;
    eachChild(node, (child) => {
        found = found || mentions(child, names);
    });
    return found;
}

/* A top-level statement that uses a binding of a BigInt statement
 * (`let n = 10n; ... n++;`) is a BigInt scope too. */
function spreadTopLevel(ast, marked) {
    const names = new Set();
    for (const statement of topUnits(ast).list) {
        if (!marked.has(statement) && names.size > 0 && !FUNCTIONS.has(statement.type) && mentions(statement, names)) {
            marked.add(statement);
        }
        if (marked.has(statement)) {
            boundNames(statement, names);
        }
    }
}

function isStringLiteral(node) {
    return node.type === 'Literal' && typeof node.value === 'string';
}

function isTypeof(node) {
    return node.type === 'UnaryExpression' && node.operator === 'typeof';
}

/* A literal or undefined/void 0: === with it needs no lowering. */
function isPlainPrimitive(node) {
    if (node.type === 'Literal') {
        return !isBigIntLiteral(node) && !node.regex;
    }
    return (node.type === 'Identifier' && node.name === 'undefined') ||
        (node.type === 'UnaryExpression' && node.operator === 'void');
}

/* Whether node's value is surely no BigInt: a literal, a template, the
 * result of an operator that gives a boolean, a string or a number (`>>>`,
 * unary +, and arithmetic with such an operand, which throws a TypeError
 * for a BigInt, but for + with a string, which gives a string), a
 * `.length`, Number(...) or Math.x(...). */
function notBig(node) {
    switch (node.type) {
    case 'Literal':
        return !isBigIntLiteral(node);
    case 'TemplateLiteral':
        return true;
    case 'UnaryExpression':
        return (node.operator !== '-' && node.operator !== '~') || notBig(node.argument);
    case 'BinaryExpression':
        return BOOLEAN_BINARY.has(node.operator) || node.operator === '>>>' ||
            notBig(node.left) || notBig(node.right);
    case 'ConditionalExpression':
        return notBig(node.consequent) && notBig(node.alternate);
    case 'MemberExpression':
        return !node.computed && node.property.type === 'Identifier' && node.property.name === 'length';
    case 'CallExpression': {
        const c = node.callee;
        return (c.type === 'Identifier' && (c.name === 'Number' || c.name === 'String' || c.name === 'parseInt' ||
            c.name === 'parseFloat')) ||
            (c.type === 'MemberExpression' && c.object.type === 'Identifier' && c.object.name === 'Math');
    }
    default:
        return false;
    }
}

function isNullish(node) {
    return (node.type === 'Literal' && node.value === null && !node.regex) ||
        (node.type === 'Identifier' && node.name === 'undefined') ||
        (node.type === 'UnaryExpression' && node.operator === 'void');
}

class Lowering {
    constructor(ms, code, names, units) {
        this.ms = ms;
        this.units = units;
        this.code = code;
        this.names = names;
        this.tests = new Set();
        this.numeric = new Set();
        this.changed = false;
    }

    /* The index of the first character in [from, to) that is not blank, a
     * comment or a parenthesis. */
    token(from, to) {
        const i = tokenAfter(this.code, from, to);
        if (i < 0) {
            throw new Error(`bigint lowering: no token between ${from} and ${to}`);
        }
        return i;
    }

    overwrite(start, end, text) {
        this.ms.overwrite(start, end, text);
        this.changed = true;
    }

    /* Wraps node in OPS.fn( ... ) with the operator token between a and b
     * turned into a comma. */
    binaryCall(node, fn, left, right, opLength) {
        const at = this.token(left.end, right.start);
        this.ms.prependRight(node.start, `${OPS}.${fn}(`);
        this.overwrite(at, at + opLength, ',');
        this.ms.appendLeft(node.end, ')');
    }

    literal(node, parent, key) {
        const digits = node.raw.slice(0, -1).replace(/_/g, '');
        const isKey = parent && !parent.computed && key === 'key' &&
            (parent.type === 'Property' || parent.type === 'PropertyDefinition' || parent.type === 'MethodDefinition');
        const text = isKey ? JSON.stringify(String(node.value)) : `${OPS}.lit(${JSON.stringify(digits)})`;
        this.overwrite(node.start, node.end, text);
    }

    /* A value tested for truth: wrapped in OPS.truthy( ... ), but for
     * what gives a boolean already; the operands of && and || (and of ?:
     * in a test) are tests themselves. Runs after the node's children were
     * lowered, so the wrapper goes around their edits. */
    truthTest(node) {
        switch (node.type) {
        case 'LogicalExpression':
            if (node.operator !== '??') {
                this.truthTest(node.left);
                this.truthTest(node.right);
                return;
            }
            break;
        case 'UnaryExpression':
            if (node.operator === '!' || node.operator === 'typeof' || node.operator === 'delete') {
                return;
            }
            break;
        case 'BinaryExpression':
            if (BOOLEAN_BINARY.has(node.operator)) {
                return;
            }
            break;
        case 'Literal':
            if (typeof node.value === 'boolean') {
                return;
            }
            break;
        case 'ConditionalExpression':
            this.truthTest(node.consequent);
            this.truthTest(node.alternate);
            return;
        case 'SequenceExpression':
            // `while (x = f(), x)`: the last value is the one tested (a
            // wrapper around the whole would make it a call's arguments)
            this.truthTest(node.expressions[node.expressions.length - 1]);
            return;
        }
        if (notBig(node)) {
            return;
        }
        this.ms.prependRight(node.start, `${OPS}.truthy(`);
        this.ms.appendLeft(node.end, ')');
        this.changed = true;
    }

    /* `typeof x` used other than in a comparison with a type name. */
    typeOf(node) {
        const arg = node.argument;
        if (arg.type === 'Identifier') {
            this.overwrite(node.start, node.end,
                `${OPS}.typeOf(typeof ${arg.name} === "undefined" ? void 0 : ${arg.name})`);
        } else {
            this.overwrite(node.start, node.start + 'typeof'.length, `${OPS}.typeOf(`);
            this.ms.appendLeft(node.end, ')');
        }
    }

    /* The typeof operand of `typeof x OP "name"`, or null. */
    typeofCompared(node) {
        if (node.type !== 'BinaryExpression' || !EQUALITY.has(node.operator)) {
            return null;
        }
        if (isTypeof(node.left) && isStringLiteral(node.right)) {
            return node.left;
        }
        if (isTypeof(node.right) && isStringLiteral(node.left)) {
            return node.right;
        }
        return null;
    }

    /* `typeof x OP "name"`: "bigint" and "object" are lowered, the other
     * names stay native. */
    typeofComparison(node, unary) {
        const name = (unary === node.left ? node.right : node.left).value;
        const negate = node.operator[0] === '!';
        const arg = unary.argument;
        if (name === 'bigint') {
            if (arg.type === 'Identifier') {
                const test = `typeof ${arg.name} === "object" && ${OPS}.isBigInt(${arg.name})`;
                this.overwrite(node.start, node.end, negate ? `!(${test})` : `(${test})`);
            } else {
                this.overwrite(node.start, arg.start, `${negate ? '!' : ''}${OPS}.isBigInt(`);
                if (arg.end < node.end) {
                    this.overwrite(arg.end, node.end, ')');
                } else { // `"bigint" === typeof o.v`: nothing after the operand
                    this.ms.appendLeft(arg.end, ')');
                }
            }
        } else if (name === 'object') {
            if (arg.type === 'Identifier') {
                const test = negate ?
                    `typeof ${arg.name} !== "object" || ${OPS}.isBigInt(${arg.name})` :
                    `typeof ${arg.name} === "object" && !${OPS}.isBigInt(${arg.name})`;
                this.overwrite(node.start, node.end, `(${test})`);
            } else {
                this.typeOf(unary);
            }
        }
    }

    /* Whether the binary node keeps its native operator: `>>>` (a TypeError
     * for BigInts), arithmetic with an operand that is no BigInt (a
     * TypeError for a BigInt, or a string), comparisons of two such, and
     * what a BigInt cannot be equal to. */
    staysNative(node) {
        const { operator, left, right } = node;
        if (operator === '===' || operator === '!==') {
            return isPlainPrimitive(left) || isPlainPrimitive(right) || notBig(left) || notBig(right);
        }
        if (operator === '==' || operator === '!=') {
            return isNullish(left) || isNullish(right) || (notBig(left) && notBig(right));
        }
        if (BOOLEAN_BINARY.has(operator)) {
            return notBig(left) && notBig(right);
        }
        const names = this.names;
        if (bigValued(left, names) || bigValued(right, names)) {
            return false; /* `1n + 1`: the TypeError */
        }
        return operator === '>>>' || notBig(left) || notBig(right) || this.numeric.has(node);
    }

    /* Before node's children are walked: the operands of an arithmetic or
     * bitwise operator that stays native are no BigInts either (a BigInt
     * there would throw; for + next to a string, the native + gives the
     * same string), nor those of unary -, ~ in such a place and of unary
     * +: in `(Ah + Bh + Ch + ((low / 2 ** 32) | 0)) | 0` every + stays
     * native. */
    markNumeric(node) {
        if (node.type === 'BinaryExpression' && BINARY[node.operator] !== undefined &&
            !BOOLEAN_BINARY.has(node.operator) && this.staysNative(node)) {
            this.numeric.add(node.left);
            this.numeric.add(node.right);
        } else if (node.type === 'UnaryExpression' && (node.operator === '+' ||
                   (this.numeric.has(node) && (node.operator === '-' || node.operator === '~')))) {
            this.numeric.add(node.argument);
        }
    }

    binary(node) {
        const fn = BINARY[node.operator];
        if (fn === undefined || this.staysNative(node)) {
            return;
        }
        this.binaryCall(node, fn, node.left, node.right, node.operator.length);
    }

    unary(node) {
        const fn = UNARY[node.operator];
        const arg = node.argument;
        if (fn === undefined || notBig(arg) ||
            ((this.numeric.has(node) || node.operator === '+') && !bigValued(arg, this.names))) {
            return;
        }
        this.overwrite(node.start, node.start + 1, `${OPS}.${fn}(`);
        this.ms.appendLeft(node.end, ')');
    }

    /* The member target of an update or compound assignment as
     * `object, key`: its "." or "[" becomes a comma, a name a string and
     * "]" nothing. False if it must stay native. */
    memberArguments(member) {
        if (member.property.type === 'PrivateIdentifier' || member.object.type === 'Super' || member.optional) {
            return false;
        }
        const at = this.token(member.object.end, member.property.start);
        if (member.computed) {
            this.overwrite(at, at + 1, ',');
            const close = this.token(member.property.end, member.end);
            this.overwrite(close, close + 1, '');
        } else {
            this.overwrite(at, at + 1, ',');
            this.overwrite(member.property.start, member.property.end, JSON.stringify(member.property.name));
        }
        return true;
    }

    /* The source of a target that can be evaluated twice: a name, or a
     * member of `this` or of a name by a name or a literal; else null. */
    simpleTarget(node) {
        if (node.type === 'Identifier') {
            return node.name;
        }
        if (node.type === 'MemberExpression' && !node.optional &&
            (node.object.type === 'ThisExpression' || node.object.type === 'Identifier') &&
            (!node.computed || node.property.type === 'Literal')) {
            return this.code.slice(node.start, node.end);
        }
        return null;
    }

    update(node, statement) {
        const arg = node.argument;
        const fn = node.operator === '++' ? 'inc' : 'dec';
        const simple = this.simpleTarget(arg);
        if (simple !== null) {
            const name = simple;
            const assign = `${name} = ${OPS}.${fn}(${name})`;
            let text = assign;
            if (!statement) {
                text = node.prefix ? `(${assign})` : `${OPS}.post(${name}, ${assign})`;
            }
            this.overwrite(node.start, node.end, text);
            return;
        }
        if (arg.type !== 'MemberExpression') {
            return;
        }
        /* only `o.p++` and `++o.p` without parentheses around the target */
        const around = node.prefix ? [this.code.slice(node.start + 2, arg.start), this.code.slice(arg.end, node.end)] :
            [this.code.slice(node.start, arg.start), this.code.slice(arg.end, node.end).trim().slice(2)];
        if (around[0].trim() !== '' || around[1].trim() !== '') {
            return;
        }
        if (!this.memberArguments(arg)) {
            return;
        }
        const tail = `, ${node.operator === '++' ? 1 : -1}, ${!node.prefix})`;
        if (node.prefix) {
            this.overwrite(node.start, node.start + 2, `${OPS}.update(`);
            this.ms.appendLeft(node.end, tail);
        } else {
            this.ms.prependRight(node.start, `${OPS}.update(`);
            this.overwrite(this.token(arg.end, node.end), node.end, tail);
        }
    }

    /* `x ||= y` and `x &&= y` for a target that can be evaluated twice:
     * `(nz(x) || (x = y))` and `(test(x) ? (x = y) : tested())`. */
    logicalAssignment(node) {
        const left = node.left;
        const simple = this.simpleTarget(left);
        if (simple === null || left.start !== node.start || (left.property && isBigIntLiteral(left.property))) {
            return;
        }
        const at = this.token(left.end, node.right.start);
        if (node.operator === '||=') {
            this.overwrite(left.start, at + 3, `(${OPS}.nz(${simple}) || (${simple} =`);
            this.ms.appendLeft(node.end, '))');
        } else {
            this.overwrite(left.start, at + 3, `(${OPS}.test(${simple}) ? (${simple} =`);
            this.ms.appendLeft(node.end, `) : ${OPS}.tested())`);
        }
    }

    assignment(node) {
        if (node.operator === '||=' || node.operator === '&&=') {
            this.logicalAssignment(node);
            return;
        }
        const op = node.operator.slice(0, -1);
        const fn = BINARY[op];
        if (fn === undefined || ((op === '>>>' || notBig(node.right)) && !bigValued(node.left, this.names) &&
            !bigValued(node.right, this.names))) {
            return;
        }
        const left = node.left;
        const at = this.token(left.end, node.right.start);
        const simple = this.simpleTarget(left);
        if (simple !== null) {
            this.overwrite(at, at + node.operator.length, `= ${OPS}.${fn}(${simple},`);
            this.ms.appendLeft(node.end, ')');
            return;
        }
        if (left.type !== 'MemberExpression' || left.start !== node.start ||
            this.code.slice(left.end, at).trim() !== '') {
            return;
        }
        if (!this.memberArguments(left)) {
            return;
        }
        this.ms.prependRight(node.start, `${OPS}.assign(`);
        this.overwrite(at, at + node.operator.length, `, ${OPS}.${fn},`);
        this.ms.appendLeft(node.end, ')');
    }

    /* Adds the nodes that node tests for truth to this.tests (before its
     * children are walked): what truthTest will wrap. */
    markTests(node) {
        const tests = this.tests;
        if (TESTED[node.type] !== undefined) {
            if (node[TESTED[node.type]]) {
                tests.add(node[TESTED[node.type]]);
            }
            // a conditional that is itself tested (`if (c ? a && b : d)`)
            // tests its branches too, which are then not lowered as values
            if (node.type === 'ConditionalExpression' && tests.has(node)) {
                tests.add(node.consequent);
                tests.add(node.alternate);
            }
        } else if (node.type === 'UnaryExpression' && node.operator === '!') {
            tests.add(node.argument);
        } else if (tests.has(node) && node.type === 'LogicalExpression' && node.operator !== '??') {
            tests.add(node.left);
            tests.add(node.right);
        } else if (tests.has(node) && node.type === 'SequenceExpression') {
            tests.add(node.expressions[node.expressions.length - 1]); // as truthTest
        } else if (node.type === 'CallExpression') {
            for (const result of this.predicateResults(node) || []) {
                tests.add(result);
            }
        }
    }

    /* `a || b` and `a && b` used as values, for a name a: `(truthy(a) ? a :
     * b)` and `(truthy(a) ? b : a)`. */
    logicalValue(node) {
        const left = node.left;
        if ((node.operator !== '||' && node.operator !== '&&') || notBig(left) ||
            (left.type === 'Identifier' && left.name === 'Boolean')) {
            return;
        }
        if (left.type !== 'Identifier' || left.start !== node.start) {
            this.logicalOperand(node);
            return;
        }
        const at = this.token(left.end, node.right.start);
        if (this.code.slice(left.end, at).trim() !== '') {
            return;
        }
        const a = left.name;
        if (node.operator === '||') {
            this.overwrite(left.start, at + 2, `(${OPS}.truthy(${a}) ? ${a} :`);
            this.ms.appendLeft(node.end, ')');
        } else {
            this.overwrite(left.start, at + 2, `(${OPS}.truthy(${a}) ?`);
            this.ms.appendLeft(node.end, ` : ${a})`);
        }
    }

    /* `E || b` and `E && b` used as values, for any other E: `nz(E) || b`
     * and `(test(E) ? b : tested())` (E is evaluated once). */
    logicalOperand(node) {
        const left = node.left;
        const at = this.token(left.end, node.right.start);
        if (node.operator === '||') {
            this.ms.prependRight(left.start, `${OPS}.nz(`);
            this.ms.appendLeft(left.end, ')');
            this.changed = true;
        } else {
            this.ms.prependRight(node.start, `(${OPS}.test(`);
            this.overwrite(at, at + 2, ') ?');
            this.ms.appendLeft(node.end, ` : ${OPS}.tested())`);
        }
    }

    /* Post-order walk: children are edited before their parents, so that a
     * parent's opening text goes in front of a child's (prependRight) and
     * its closing text after (appendLeft). */
    walk(node, parent, key, active, inherit, marked) {
        if (FUNCTIONS.has(node.type) || this.units.has(node)) {
            active = inherit || marked.has(node);
            inherit = active;
        }
        const compared = this.typeofCompared(node);
        if (compared !== null) {
            this.walk(compared.argument, compared, 'argument', active, inherit, marked);
            this.typeofComparison(node, compared);
            return;
        }
        if (active) {
            this.markTests(node);
            this.markNumeric(node);
        }
        eachChild(node, (child, k) => this.walk(child, node, k, active, inherit, marked));
        if (active && TESTED[node.type] !== undefined && node[TESTED[node.type]]) {
            this.truthTest(node[TESTED[node.type]]);
        }
        switch (node.type) {
        case 'Literal':
            if (isBigIntLiteral(node)) {
                this.literal(node, parent, key);
            }
            break;
        case 'UnaryExpression':
            if (node.operator === 'typeof') {
                this.typeOf(node);
            } else if (active && node.operator === '!') {
                this.truthTest(node.argument);
            } else if (active) {
                this.unary(node);
            }
            break;
        case 'BinaryExpression':
            if (active) {
                this.binary(node);
            }
            break;
        case 'UpdateExpression':
            if (active) {
                this.update(node, parent.type === 'ExpressionStatement' ||
                    (parent.type === 'ForStatement' && key === 'update'));
            }
            break;
        case 'AssignmentExpression':
            if (active && node.operator !== '=') {
                this.assignment(node);
            }
            break;
        case 'Identifier':
            /* list.filter(Boolean) */
            if (active && node.name === 'Boolean' && parent.type === 'CallExpression' && key === 'arguments') {
                this.overwrite(node.start, node.end, `${OPS}.truthy`);
            }
            break;
        case 'LogicalExpression':
            if (active && !this.tests.has(node)) {
                this.logicalValue(node);
            }
            break;
        case 'CallExpression':
            /* Boolean(x): ToBoolean, as a test */
            if (active && node.callee.type === 'Identifier' && node.callee.name === 'Boolean' &&
                node.arguments.length === 1 && node.arguments[0].type !== 'SpreadElement' &&
                !notBig(node.arguments[0])) {
                this.overwrite(node.callee.start, node.callee.end, `${OPS}.truthy`);
            } else if (active) {
                for (const result of this.predicateResults(node) || []) {
                    this.truthTest(result);
                }
            }
            break;
        }
    }

    /* What the function given to call (filter, some, every, find...)
     * returns, which the method tests for truth (`list.filter((v) => v)`
     * drops 0n); null for another call. */
    predicateResults(call) {
        const callee = call.callee;
        if (call.type !== 'CallExpression' || callee.type !== 'MemberExpression' || callee.computed ||
            callee.property.type !== 'Identifier' || !PREDICATES.has(callee.property.name) ||
            call.arguments.length === 0 || !FUNCTIONS.has(call.arguments[0].type)) {
            return null;
        }
        const fn = call.arguments[0];
        if (fn.body.type !== 'BlockStatement') {
            return [fn.body];
        }
        const results = [];
        const visit = (node) => {
            if (node.type === 'ReturnStatement' && node.argument) {
                results.push(node.argument);
            }
            if (!FUNCTIONS.has(node.type)) {
                eachChild(node, visit);
            }
        };
        eachChild(fn.body, visit);
        return results;
    }
}

/* The offsets where esbuild's bundle starts a module: the line before
 * each is a comment of its path (`// node_modules/pkg/file.js`), which
 * esbuild writes unless it minifies. */
function moduleStarts(code) {
    const starts = [];
    const re = /(?:^|\n)\/\/ ([^\s]*[./][^\s]*)\n/g;
    let m;
    while ((m = re.exec(code)) !== null) {
        starts.push(m.index + m[0].length);
        re.lastIndex = m.index + m[0].length - 1;
    }
    return starts;
}

/* Module granularity: esbuild hoists each module's top level to the
 * program's, so a module that binds a top-level name to a BigInt
 * (`const _0n = BigInt(0)`: a BigInt library's constants) has all its
 * top-level statements marked, and so its functions: they get BigInts
 * through parameters and fields too (a field's `add(a, b) { return mod(a +
 * b, this.ORDER); }`). Objects and arrays holding BigInts (zod's table of
 * int64 bounds) do not count. Code before the first module comment is in
 * no module. */
function spreadModules(ast, code, marked) {
    const starts = moduleStarts(code);
    if (starts.length === 0) {
        return;
    }
    const names = bigNames(ast);
    const units = topUnits(ast).list;
    /* the module of each unit and of each statement (a lazy module's
     * wrapper too) */
    const moduleOf = new Map();
    const place = (list) => {
        let i = -1;
        for (const statement of list) {
            while (i + 1 < starts.length && starts[i + 1] <= statement.start) {
                i++;
            }
            moduleOf.set(statement, i);
        }
    };
    place(ast.body);
    place(units);
    /* each module's top-level names bound to a BigInt */
    const own = new Map();
    for (const statement of units) {
        const m = moduleOf.get(statement);
        for (const { name, value } of m >= 0 ? bindings(statement) : []) {
            if (value.type !== 'ArrayExpression' && value.type !== 'ObjectExpression' && bigValued(value, names)) {
                own.set(name, m);
            }
        }
    }
    /* a module is one when its functions or classes use such a name: one
     * that uses its BigInts only at its top level (SHA-3's table of round
     * constants) has number code in its functions */
    const big = new Set();
    for (const statement of units) {
        const m = moduleOf.get(statement);
        if (big.has(m)) {
            continue;
        }
        (function visit(node, parent, key, inside) {
            if (inside && node.type === 'Identifier' && own.get(node.name) === m && isReference(parent, key)) {
                big.add(m);
            }
            const deeper = inside || FUNCTIONS.has(node.type) || node.type === 'ClassBody';
            eachChild(node, (child, k) => visit(child, node, k, deeper));
        })(statement, null, null, false);
    }
    for (const statement of moduleOf.keys()) {
        if (big.has(moduleOf.get(statement))) {
            marked.add(statement);
        }
    }
}

/* The names a pattern binds (`a`, `a = 1`, `...a`; not destructuring). */
function patternName(node) {
    if (node.type === 'AssignmentPattern') {
        return patternName(node.left);
    }
    if (node.type === 'RestElement') {
        return null;
    }
    return node.type === 'Identifier' ? node.name : null;
}

/* What each function (and the top level, key null) declares, assigns,
 * returns and calls, outside the functions nested in it. */
function collectFunctions(ast) {
    const info = new Map();
    const bodies = []; /* { members: [function], fields: [{ value, fn }] } of each class */
    const methods = new Map(); /* method name -> [function] */
    const classes = new Map(); /* class name -> constructor function */
    const scope = (fn) => {
        let i = info.get(fn);
        if (i === undefined) {
            i = { fn, parent: null, params: [], declared: new Map(), assigns: [], fields: [], returns: [], calls: [] };
            info.set(fn, i);
        }
        return i;
    };
    scope(null);
    const addMethod = (name, fn) => {
        const list = methods.get(name);
        if (list === undefined) {
            methods.set(name, [fn]);
        } else {
            list.push(fn);
        }
    };
    (function visit(node, parent, key, fn) {
        const here = scope(fn);
        switch (node.type) {
        case 'VariableDeclarator':
            if (node.id.type === 'Identifier') {
                here.declared.set(node.id.name, node.init && FUNCTIONS.has(node.init.type) ? node.init : true);
                if (node.init) {
                    here.assigns.push({ name: node.id.name, value: node.init });
                }
            }
            break;
        case 'FunctionDeclaration':
            if (node.id) {
                here.declared.set(node.id.name, node);
            }
            break;
        case 'AssignmentExpression':
            if (node.operator === '=' && node.left.type === 'Identifier') {
                here.assigns.push({ name: node.left.name, value: node.right });
            } else if (node.left.type === 'MemberExpression' && node.left.object.type === 'ThisExpression') {
                here.fields.push(node.operator === '=' ? node.right : node);
            }
            break;
        case 'ClassBody': {
            const body = { members: [], fields: [] };
            for (const m of node.body) {
                if (m.type === 'MethodDefinition') {
                    body.members.push(m.value);
                } else if (m.type === 'PropertyDefinition' && m.value) {
                    body.fields.push({ value: m.value, fn });
                }
            }
            bodies.push(body);
            break;
        }
        case 'ReturnStatement':
            if (node.argument) {
                here.returns.push(node.argument);
            }
            break;
        case 'CallExpression':
        case 'NewExpression':
            here.calls.push(node);
            break;
        case 'MethodDefinition':
            if (!node.computed && node.key.type === 'Identifier') {
                if (node.kind === 'method') {
                    addMethod(node.key.name, node.value);
                }
            }
            break;
        case 'Property':
            if (!node.computed && node.key.type === 'Identifier' && FUNCTIONS.has(node.value.type)) {
                addMethod(node.key.name, node.value);
            }
            break;
        case 'ClassDeclaration':
        case 'ClassExpression': {
            const ctor = node.body.body.find((m) => m.type === 'MethodDefinition' && m.kind === 'constructor');
            const name = node.id ? node.id.name :
                (parent && parent.type === 'VariableDeclarator' && parent.id.type === 'Identifier' ? parent.id.name :
                    (parent && parent.type === 'AssignmentExpression' && parent.left.type === 'Identifier' ?
                        parent.left.name : null));
            if (ctor && name !== null) {
                classes.set(name, ctor.value);
            }
            break;
        }
        }
        let inner = fn;
        if (FUNCTIONS.has(node.type)) {
            inner = node;
            const i = scope(node);
            i.parent = fn;
            i.params = node.params.map(patternName);
            for (const p of i.params) {
                if (p !== null) {
                    i.declared.set(p, true);
                }
            }
            if (node.type === 'FunctionExpression' && node.id) {
                i.declared.set(node.id.name, node);
            }
            if (node.body.type !== 'BlockStatement') {
                i.returns.push(node.body);
            }
        }
        eachChild(node, (child, k) => visit(child, node, k, inner));
    })(ast, null, null, null);
    return { info, methods, classes, bodies };
}

/* Values through variables, parameters, return values and fields of
 * `this`: a flow-insensitive inference over the bundle (the file's header
 * has the rules and their limits). A name of a function is a BigInt
 * when it is assigned a BigInt value (bigValued, with the names and the
 * functions known so far); a parameter when a call passes a BigInt in its
 * place: a call of a function by its name (top-level or in an enclosing
 * function), of a method by its name (`o.mul(x, y)`: every method or
 * object-literal function of that name, as no more of the object is known,
 * but for BUILTIN_METHODS)
 * and `new C(...)` of a class by its name; a function returns one when one
 * of its returns is one, and a call of it by its name is then a BigInt
 * value; the parameters of a function given to a method of a BigInt
 * value (an array holding some: `list.map(square)`) are BigInts. Each
 * function with such a name is a BigInt scope, and so is each method of a
 * class that stores a BigInt in a field of `this`. */
function spreadFlow(ast, marked, names) {
    const { info, methods, classes, bodies } = collectFunctions(ast);
    const big = new Map(); /* function -> Set of its names holding BigInts */
    const returning = new Set(); /* functions returning BigInts */
    const callers = new Map(); /* function -> Set of the functions calling it by name */
    const inner = new Map(); /* function -> the functions directly in it */
    for (const [fn, i] of info) {
        if (fn !== null) {
            const list = inner.get(i.parent);
            if (list === undefined) {
                inner.set(i.parent, [fn]);
            } else {
                list.push(fn);
            }
        }
    }
    const queue = [...info.keys()];
    const queued = new Set(queue);
    const enqueue = (fn) => {
        if (!queued.has(fn)) {
            queued.add(fn);
            queue.push(fn);
        }
    };
    /* the function that declares name, seen from fn (undefined: the top
     * level or a global) and what it binds there */
    const declaring = (fn, name) => {
        for (let f = fn; f !== null; f = info.get(f).parent) {
            if (info.get(f).declared.has(name)) {
                return f;
            }
        }
        return info.get(null).declared.has(name) ? null : undefined;
    };
    const functionNamed = (fn, name) => {
        const d = declaring(fn, name);
        if (d === undefined) {
            return null;
        }
        const v = info.get(d).declared.get(name);
        return v === true ? null : v;
    };
    const env = (fn) => ({
        has: (name) => {
            const d = declaring(fn, name);
            if (d === null || d === undefined) {
                return names.has(name);
            }
            const set = big.get(d);
            return set !== undefined && set.has(name);
        },
        returns: (name) => {
            const target = functionNamed(fn, name);
            if (target === null) {
                return false;
            }
            let set = callers.get(target);
            if (set === undefined) {
                callers.set(target, set = new Set());
            }
            set.add(fn);
            return returning.has(target);
        }
    });
    const addBig = (fn, name) => {
        let set = big.get(fn);
        if (set === undefined) {
            big.set(fn, set = new Set());
        }
        if (!set.has(name)) {
            set.add(name);
            /* fn and the functions nested in it, which see the name */
            const work = [fn];
            while (work.length > 0) {
                const f = work.pop();
                enqueue(f);
                work.push(...(inner.get(f) || []));
            }
        }
    };
    const passArguments = (target, args, e) => {
        const params = info.get(target).params;
        args.forEach((a, k) => {
            if (k < params.length && params[k] !== null && a.type !== 'SpreadElement' && bigValued(a, e)) {
                addBig(target, params[k]);
            }
        });
    };
    for (let head = 0; head < queue.length; head++) {
        const fn = queue[head];
        queued.delete(fn);
        const i = info.get(fn);
        const e = env(fn);
        for (const { name, value } of i.assigns) {
            const d = declaring(fn, name);
            if (d !== null && d !== undefined && !e.has(name) && bigValued(value, e)) {
                addBig(d, name);
            }
        }
        if (fn !== null && !returning.has(fn) && i.returns.some((r) => bigValued(r, e))) {
            returning.add(fn);
            for (const c of callers.get(fn) || []) {
                enqueue(c);
            }
        }
        for (const call of i.calls) {
            const callee = call.callee;
            if (call.arguments.length === 0) {
                continue;
            }
            if (callee.type === 'Identifier') {
                const target = call.type === 'NewExpression' ? classes.get(callee.name) : functionNamed(fn, callee.name);
                if (target !== null && target !== undefined && info.has(target)) {
                    passArguments(target, call.arguments, e);
                }
            } else if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' &&
                       call.type === 'CallExpression') {
                if (!BUILTIN_METHODS.has(callee.property.name)) {
                    for (const target of methods.get(callee.property.name) || []) {
                        passArguments(target, call.arguments, e);
                    }
                }
                if (bigValued(callee.object, e)) {
                    /* list.map(square), list.reduce(add, z) over BigInts:
                     * the callbacks get them */
                    for (const a of call.arguments) {
                        const target = a.type === 'Identifier' ? functionNamed(fn, a.name) :
                            (FUNCTIONS.has(a.type) ? a : null);
                        for (const p of target !== null && info.has(target) ? info.get(target).params : []) {
                            if (p !== null) {
                                addBig(target, p);
                            }
                        }
                    }
                }
            }
        }
    }
    for (const [fn, set] of big) {
        if (fn !== null && set.size > 0) {
            marked.add(fn);
        }
    }
    /* a class that keeps a BigInt in a field (`this.v = v` with v one,
     * `this.v += x`, `total = BigInt(0)`) has all its methods lowered:
     * they get it back as `this.v` */
    const nested = (fn, inside) => {
        for (let f = fn; f !== null; f = info.get(f).parent) {
            if (inside.has(f)) {
                return true;
            }
        }
        return false;
    };
    for (const body of bodies) {
        const inside = new Set(body.members);
        let keeps = body.fields.some(({ value, fn }) => bigValued(value, env(fn)));
        for (const [fn, i] of info) {
            if (keeps) {
                break;
            }
            if (fn !== null && i.fields.length > 0 && nested(fn, inside)) {
                const e = env(fn);
                keeps = i.fields.some((v) => (v.type === 'AssignmentExpression' ?
                    bigValued(v.right, e) : bigValued(v, e)));
            }
        }
        if (keeps) {
            for (const m of body.members) {
                marked.add(m);
            }
        }
    }
}

function transform(ast, ms, code) {
    const marked = findTriggers(ast);
    if (marked.size === 0) {
        return false;
    }
    const names = bigNames(ast);
    spreadModules(ast, code, marked);
    spreadFlow(ast, marked, names);
    const lowering = new Lowering(ms, code, names, topUnits(ast).set);
    lowering.walk(ast, null, null, false, false, marked);
    return lowering.changed;
}

module.exports = { transform };
