// SPDX-License-Identifier: MIT
/*
 * SWC inlines its helpers at the top of the lowered module. For the ones
 * the runtime has a faster form of (js/15-build-helpers.js, the global
 * `__fcw_helpers`), the wrapper's first line assigns the runtime's form
 * over the inlined function: a function declaration is bound before the
 * wrapper's first statement runs, and every use comes after. The line
 * tests for the global first, so the bundle still runs, on SWC's own
 * helpers, elsewhere (workerd, Node). A helper is replaced only when its
 * opening lines are exactly SWC's, so a user function that merely has the
 * same name is never touched.
 */
'use strict';

const HELPERS = [
    {
        name: '_async_to_generator',
        runtime: 'asyncToGenerator',
        opening: /^function _async_to_generator\(fn\) \{\n\s*return function\(\) \{\n\s*var self = this, args = arguments;\n\s*return new Promise\(function\(resolve, reject\) \{\n\s*var gen = fn\.apply\(self, args\);$/m
    },
    {
        name: '_ts_generator',
        runtime: 'generator',
        opening: /^function _ts_generator\(thisArg, body\) \{\n\s*var f, y, t, _ = \{\n\s*label: 0,\n\s*sent: function\(\) \{\n\s*if \(t\[0\] & 1\) throw t\[1\];$/m
    },
    {
        name: '_define_property',
        runtime: 'defineField',
        opening: /^function _define_property\(obj, key, value\) \{\n\s*if \(key in obj\) \{\n\s*Object\.defineProperty\(obj, key, \{\n\s*value: value,\n\s*enumerable: true,\n\s*configurable: true,\n\s*writable: true\n\s*\}\);\n\s*\} else obj\[key\] = value;\n\s*return obj;\n\}$/m
    },
    {
        /* wrap: the runtime's form takes the inlined helper, for what its
         * fast path leaves */
        name: '_sliced_to_array',
        runtime: 'slicedToArray',
        wrap: true,
        opening: /^function _sliced_to_array\(arr, i\) \{\n\s*return _array_with_holes\(arr\) \|\| _iterable_to_array_limit\(arr, i\) \|\| _unsupported_iterable_to_array\(arr, i\) \|\| _non_iterable_rest\(\);\n\}$/m,
        requires: /^function _array_with_holes\(arr\) \{\n\s*if \(Array\.isArray\(arr\)\) return arr;\n\}$/m
    },
    {
        name: '_to_consumable_array',
        runtime: 'toConsumableArray',
        wrap: true,
        opening: /^function _to_consumable_array\(arr\) \{\n\s*return _array_without_holes\(arr\) \|\| _iterable_to_array\(arr\) \|\| _unsupported_iterable_to_array\(arr\) \|\| _non_iterable_spread\(\);\n\}$/m,
        requires: /^function _array_without_holes\(arr\) \{\n\s*if \(Array\.isArray\(arr\)\) return _array_like_to_array\(arr\);\n\}$/m
    },
    {
        name: '_object_spread',
        runtime: 'objectSpread',
        wrap: true,
        opening: /^function _object_spread\(target\) \{\n\s*for\(var i = 1; i < arguments\.length; i\+\+\)\{\n\s*var source = arguments\[i\] != null \? arguments\[i\] : \{\};\n\s*var ownKeys = Object\.keys\(source\);\n\s*if \(typeof Object\.getOwnPropertySymbols === "function"\) \{\n\s*ownKeys = ownKeys\.concat\(Object\.getOwnPropertySymbols\(source\)\.filter\(function\(sym\) \{\n\s*return Object\.getOwnPropertyDescriptor\(source, sym\)\.enumerable;\n\s*\}\)\);\n\s*\}\n\s*ownKeys\.forEach\(function\(key\) \{\n\s*_define_property\(target, key, source\[key\]\);\n\s*\}\);\n\s*\}\n\s*return target;\n\}$/m
    },
    {
        /* wrap: the runtime's form gives the class's prototype
         * %AsyncIteratorPrototype% as its [[Prototype]] and returns it */
        name: '_async_generator',
        runtime: 'asyncGenerator',
        wrap: true,
        opening: /^function _async_generator\(gen\) \{\n\s*var front, back;\n\s*function send\(key, arg\) \{$/m
    },
    {
        name: '_call_super',
        runtime: 'callSuper',
        opening: /^function _call_super\(_this, derived, args\) \{\n\s*derived = _get_prototype_of\(derived\);\n\s*return _possible_constructor_return\(_this, _is_native_reflect_construct\(\) \? Reflect\.construct\(derived, args \|\| \[\], _get_prototype_of\(_this\)\.constructor\) : derived\.apply\(_this, args\)\);\n\}$/m
    },
    {
        /* the runtime's also passes an instance whose class's static
         * [Symbol.hasInstance] says no (LangChain's messages) */
        name: '_class_call_check',
        runtime: 'classCallCheck',
        opening: /^function _class_call_check\(instance, Constructor\) \{\n\s*if \(!\(instance instanceof Constructor\)\) throw new TypeError\("Cannot call a class as a function"\);\n\}$/m
    },
    {
        name: '_class_private_field_loose_base',
        runtime: 'privateBase',
        opening: /^function _class_private_field_loose_base\(receiver, privateKey\) \{\n\s*if \(!Object\.prototype\.hasOwnProperty\.call\(receiver, privateKey\)\) \{\n\s*throw new TypeError\("attempted to use private field on non-instance"\);$/m
    }
];

/* The line (with its newline) that installs the runtime's helpers over
 * those inlined in `code`, followed by the `declarations` (of the helpers
 * of lib/private-fields.js and lib/async-run.js); '' when it has neither. */
function runtimeHelpersLine(code, declarations = []) {
    const found = HELPERS.filter((h) => h.opening.test(code) && (!h.requires || h.requires.test(code)));
    const parts = [];
    if (found.length > 0) {
        const assignments = found
            .map((h) => (h.wrap ? `${h.name} = __fcw_helpers.${h.runtime}(${h.name});` : `${h.name} = __fcw_helpers.${h.runtime};`))
            .join(' ');
        parts.push(`if (typeof __fcw_helpers === "object" && __fcw_helpers !== null) { ${assignments} }`);
    }
    parts.push(...declarations);
    return parts.length > 0 ? parts.join(' ') + '\n' : '';
}

module.exports = { runtimeHelpersLine, HELPERS };
