// SPDX-License-Identifier: MIT
/*
 * URLPattern (WHATWG URL Pattern Standard). A pattern is eight components
 * (protocol ... hash), each compiled from a pattern string: the tokenizer
 * turns the string into tokens, the pattern parser into a part list (fixed
 * text canonicalized through the URL parser of js/30-url.js, named and
 * regexp groups, wildcards, modifiers), from which come the component's
 * regular expression (run on fcworker's own RegExp engine with the "v" flag)
 * and its normalized pattern string. A pattern given as one string is first
 * split into components by the constructor string parser. Every failure is
 * a TypeError.
 */
var COMPONENTS = ['protocol', 'username', 'password', 'hostname', 'port', 'pathname', 'search', 'hash'];
var STATE = Symbol('URLPattern');
var SPECIAL_SCHEMES = ['ftp', 'file', 'http', 'https', 'ws', 'wss'];
var DEFAULT_PORTS = { ftp: '21', http: '80', https: '443', ws: '80', wss: '443' };
var FULL_WILDCARD = '.*';
/* for names beyond ASCII, compiled on first use: building the two Unicode
 * property classes takes longer than loading the rest of the runtime */
var ID_START = null, ID_PART = null;
var toUSVString = native.urlToUSVString;

/* Part types and modifiers. */
var FIXED = 0, REGEXP = 1, SEGMENT = 2, FULL = 3;
var NONE = '', OPTIONAL = '?', ZERO_OR_MORE = '*', ONE_OR_MORE = '+';

function fail(message) {
    throw new TypeError("Failed to construct 'URLPattern': " + message);
}

function hasOwn(obj, key) {
    return Object.prototype.hasOwnProperty.call(obj, key);
}

/* ---- tokenizer ---- */

function codePointAt(s, i) {
    var c = s.charCodeAt(i), d;
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.length) {
        d = s.charCodeAt(i + 1);
        if (d >= 0xDC00 && d <= 0xDFFF) {
            return s.slice(i, i + 2);
        }
    }
    return s.charAt(i);
}

function isNameCodePoint(cp, first) {
    var c = cp.charCodeAt(0);
    if (c < 0x80) {
        return (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || c === 0x24 || c === 0x5F ||
            (!first && c >= 0x30 && c <= 0x39);
    }
    if (ID_START === null) {
        ID_START = new RegExp('^[$_\\p{ID_Start}]$', 'u');
        ID_PART = new RegExp('^[$\\u200C\\u200D\\p{ID_Continue}]$', 'u');
    }
    return (first ? ID_START : ID_PART).test(cp);
}

function isASCII(cp) {
    return cp.length === 1 && cp.charCodeAt(0) < 0x80;
}

/* Tokens are { type, index, value }; type is one of 'open', 'close',
 * 'regexp', 'name', 'char', 'escaped-char', 'other-modifier', 'asterisk',
 * 'end', 'invalid-char'. A lenient tokenizer turns errors into invalid-char
 * tokens, a strict one throws. */
function tokenize(input, lenient) {
    var tokens = [], i = 0, len = input.length;
    function add(type, start, next, valueStart, valueEnd) {
        tokens.push({ type: type, index: start, value: input.slice(valueStart, valueEnd) });
        i = next;
    }
    function error(start, next, message) {
        if (!lenient) {
            fail(message + ' at ' + start + " in '" + input + "'");
        }
        add('invalid-char', start, next, start, next);
    }
    while (i < len) {
        var cp = codePointAt(input, i), start = i, next = i + cp.length;
        if (cp === '*') {
            add('asterisk', start, next, start, next);
        } else if (cp === '+' || cp === '?') {
            add('other-modifier', start, next, start, next);
        } else if (cp === '\\') {
            if (next >= len) {
                error(start, next, 'trailing backslash');
                continue;
            }
            var escaped = codePointAt(input, next);
            add('escaped-char', start, next + escaped.length, next, next + escaped.length);
        } else if (cp === '{') {
            add('open', start, next, start, next);
        } else if (cp === '}') {
            add('close', start, next, start, next);
        } else if (cp === ':') {
            var pos = next, first = true, c;
            while (pos < len) {
                c = codePointAt(input, pos);
                if (!isNameCodePoint(c, first)) {
                    break;
                }
                first = false;
                pos += c.length;
            }
            if (pos === next) {
                error(start, next, 'missing parameter name');
                continue;
            }
            add('name', start, pos, next, pos);
        } else if (cp === '(') {
            var depth = 1, p = next, bad = false, ch;
            if (p < len && input.charAt(p) === '?') {
                error(start, next, 'regexp group starting with ?');
                continue;
            }
            while (p < len) {
                ch = codePointAt(input, p);
                if (!isASCII(ch)) {
                    error(start, p, 'non-ASCII character in a regexp group');
                    bad = true;
                    break;
                }
                if (ch === '\\') {
                    if (p + 1 >= len) {
                        error(start, p, 'trailing backslash in a regexp group');
                        bad = true;
                        break;
                    }
                    ch = codePointAt(input, p + 1);
                    if (!isASCII(ch)) {
                        error(start, p, 'non-ASCII character in a regexp group');
                        bad = true;
                        break;
                    }
                    p += 1 + ch.length;
                    continue;
                }
                if (ch === ')') {
                    depth--;
                    if (depth === 0) {
                        p++;
                        break;
                    }
                } else if (ch === '(') {
                    depth++;
                    if (p + 1 >= len) {
                        error(start, p, 'unterminated regexp group');
                        bad = true;
                        break;
                    }
                    if (input.charAt(p + 1) !== '?') {
                        error(start, p, 'capturing group inside a regexp group');
                        bad = true;
                        break;
                    }
                }
                p++;
            }
            if (bad) {
                continue;
            }
            if (depth !== 0) {
                error(start, p, 'unterminated regexp group');
                continue;
            }
            if (p - 1 === next) {
                error(start, p, 'empty regexp group');
                continue;
            }
            add('regexp', start, p, next, p - 1);
        } else {
            add('char', start, next, start, next);
        }
    }
    tokens.push({ type: 'end', index: len, value: '' });
    return tokens;
}

/* ---- pattern parser ---- */

function escapeRegexpString(s) {
    return s.replace(/[.+*?^${}()[\]|\/\\]/g, '\\$&');
}

function escapePatternString(s) {
    return s.replace(/[+*?:{}()\\]/g, '\\$&');
}

function segmentWildcard(options) {
    return '[^' + escapeRegexpString(options.delimiter) + ']+?';
}

function parsePatternString(input, options, encode) {
    var tokens = tokenize(input, false);
    var parts = [], pending = '', index = 0, nextNumericName = 0;
    var wildcard = segmentWildcard(options);

    function tryConsume(type) {
        var token = tokens[index];
        if (token.type !== type) {
            return null;
        }
        index++;
        return token;
    }
    function tryConsumeModifier() {
        return tryConsume('other-modifier') || tryConsume('asterisk');
    }
    function tryConsumeRegexpOrWildcard(nameToken) {
        var token = tryConsume('regexp');
        if (!token && !nameToken) {
            token = tryConsume('asterisk');
        }
        return token;
    }
    function consumeRequired(type) {
        var token = tryConsume(type);
        if (!token) {
            fail("unexpected '" + tokens[index].value + "' at " + tokens[index].index + " in '" + input + "'");
        }
        return token;
    }
    function consumeText() {
        var result = '', token;
        for (;;) {
            token = tryConsume('char') || tryConsume('escaped-char');
            if (!token) {
                return result;
            }
            result += token.value;
        }
    }
    function flushPending() {
        if (pending !== '') {
            parts.push({ type: FIXED, value: encode(pending), modifier: NONE, name: '', prefix: '', suffix: '' });
            pending = '';
        }
    }
    function addPart(prefix, nameToken, regexpToken, suffix, modifierToken) {
        var modifier = modifierToken ? modifierToken.value : NONE;
        var value, type, name, i;
        if (!nameToken && !regexpToken && modifier === NONE) {
            pending += prefix;
            return;
        }
        flushPending();
        if (!nameToken && !regexpToken) {
            if (prefix !== '') {
                parts.push({ type: FIXED, value: encode(prefix), modifier: modifier, name: '', prefix: '', suffix: '' });
            }
            return;
        }
        if (!regexpToken) {
            value = wildcard;
        } else if (regexpToken.type === 'asterisk') {
            value = FULL_WILDCARD;
        } else {
            value = regexpToken.value;
        }
        type = REGEXP;
        if (value === wildcard) {
            type = SEGMENT;
            value = '';
        } else if (value === FULL_WILDCARD) {
            type = FULL;
            value = '';
        }
        if (nameToken) {
            name = nameToken.value;
        } else {
            name = String(nextNumericName++);
        }
        for (i = 0; i < parts.length; i++) {
            if (parts[i].name === name) {
                fail("duplicate group name '" + name + "' in '" + input + "'");
            }
        }
        parts.push({ type: type, value: value, modifier: modifier, name: name,
                     prefix: encode(prefix), suffix: encode(suffix) });
    }

    while (index < tokens.length) {
        var charToken = tryConsume('char');
        var nameToken = tryConsume('name');
        var regexpToken = tryConsumeRegexpOrWildcard(nameToken);
        if (nameToken || regexpToken) {
            var prefix = charToken ? charToken.value : '';
            if (prefix !== '' && prefix !== options.prefix) {
                pending += prefix;
                prefix = '';
            }
            flushPending();
            addPart(prefix, nameToken, regexpToken, '', tryConsumeModifier());
            continue;
        }
        var fixedToken = charToken || tryConsume('escaped-char');
        if (fixedToken) {
            pending += fixedToken.value;
            continue;
        }
        if (tryConsume('open')) {
            var groupPrefix = consumeText();
            var groupName = tryConsume('name');
            var groupRegexp = tryConsumeRegexpOrWildcard(groupName);
            var suffix = consumeText();
            consumeRequired('close');
            addPart(groupPrefix, groupName, groupRegexp, suffix, tryConsumeModifier());
            continue;
        }
        flushPending();
        consumeRequired('end');
    }
    return parts;
}

/* ---- regular expression and pattern string generation ---- */

function generateRegexp(parts, options) {
    var result = '^', names = [], i, part, value;
    for (i = 0; i < parts.length; i++) {
        part = parts[i];
        if (part.type === FIXED) {
            result += part.modifier === NONE ? escapeRegexpString(part.value)
                : '(?:' + escapeRegexpString(part.value) + ')' + part.modifier;
            continue;
        }
        names.push(part.name);
        value = part.type === SEGMENT ? segmentWildcard(options)
            : part.type === FULL ? FULL_WILDCARD : part.value;
        if (part.prefix === '' && part.suffix === '') {
            result += part.modifier === NONE || part.modifier === OPTIONAL
                ? '(' + value + ')' + part.modifier
                : '((?:' + value + ')' + part.modifier + ')';
            continue;
        }
        if (part.modifier === NONE || part.modifier === OPTIONAL) {
            result += '(?:' + escapeRegexpString(part.prefix) + '(' + value + ')' +
                escapeRegexpString(part.suffix) + ')' + part.modifier;
            continue;
        }
        result += '(?:' + escapeRegexpString(part.prefix) + '((?:' + value + ')(?:' +
            escapeRegexpString(part.suffix) + escapeRegexpString(part.prefix) + '(?:' + value + '))*)' +
            escapeRegexpString(part.suffix) + ')';
        if (part.modifier === ZERO_OR_MORE) {
            result += '?';
        }
    }
    return { source: result + '$', names: names };
}

function isDigit(c) {
    return c >= '0' && c <= '9';
}

function generatePatternString(parts, options) {
    var result = '', i, part, previous, next, customName, needsGrouping, first;
    for (i = 0; i < parts.length; i++) {
        part = parts[i];
        previous = i > 0 ? parts[i - 1] : null;
        next = i + 1 < parts.length ? parts[i + 1] : null;
        if (part.type === FIXED) {
            result += part.modifier === NONE ? escapePatternString(part.value)
                : '{' + escapePatternString(part.value) + '}' + part.modifier;
            continue;
        }
        customName = !isDigit(part.name.charAt(0));
        needsGrouping = part.suffix !== '' || (part.prefix !== '' && part.prefix !== options.prefix);
        if (!needsGrouping && customName && part.type === SEGMENT && part.modifier === NONE &&
                next && next.prefix === '' && next.suffix === '') {
            if (next.type === FIXED) {
                first = next.value === '' ? '' : codePointAt(next.value, 0);
                needsGrouping = first !== '' && isNameCodePoint(first, false);
            } else {
                needsGrouping = isDigit(next.name.charAt(0));
            }
        }
        if (!needsGrouping && part.prefix === '' && previous && previous.type === FIXED &&
                previous.value !== '' && previous.value.charAt(previous.value.length - 1) === options.prefix) {
            needsGrouping = true;
        }
        if (needsGrouping) {
            result += '{';
        }
        result += escapePatternString(part.prefix);
        if (customName) {
            result += ':' + part.name;
        }
        if (part.type === REGEXP) {
            result += '(' + part.value + ')';
        } else if (part.type === SEGMENT && !customName) {
            result += '(' + segmentWildcard(options) + ')';
        } else if (part.type === FULL) {
            if (!customName && (!previous || previous.type === FIXED || previous.modifier !== NONE ||
                    needsGrouping || part.prefix !== '')) {
                result += '*';
            } else {
                result += '(' + FULL_WILDCARD + ')';
            }
        }
        if (part.type === SEGMENT && customName && part.suffix !== '' &&
                isNameCodePoint(codePointAt(part.suffix, 0), false)) {
            result += '\\';
        }
        result += escapePatternString(part.suffix);
        if (needsGrouping) {
            result += '}';
        }
        result += part.modifier;
    }
    return result;
}

/* ---- canonicalization through the URL parser ---- */

function dummyURL() {
    return new URL('https://dummy.invalid/');
}

function canonicalizeProtocol(value) {
    var url;
    if (value === '') {
        return value;
    }
    url = URL.parse(value + '://dummy.invalid/');
    if (!url || url.protocol !== value.toLowerCase() + ':') {
        fail("invalid protocol '" + value + "'");
    }
    return url.protocol.slice(0, -1);
}

function canonicalizeUsername(value) {
    var url;
    if (value === '') {
        return value;
    }
    url = dummyURL();
    url.username = value;
    return url.username;
}

function canonicalizePassword(value) {
    var url;
    if (value === '') {
        return value;
    }
    url = dummyURL();
    url.password = value;
    return url.password;
}

/* The hostname state of the URL parser, as a setter would run it: tabs and
 * newlines go, '/', '?', '#' end the host, ':' outside brackets and the
 * forbidden host code points are errors. A host that is not a valid domain
 * for a special scheme (one with '%', say) is kept as an opaque host. */
function canonicalizeHostname(value, protocol) {
    var buffer = value.replace(/[\t\n\r]/g, ''), end = buffer.search(/[\/?#]/), url;
    if (value === '') {
        return value;
    }
    if (end >= 0) {
        buffer = buffer.slice(0, end);
    }
    if (buffer.charAt(0) === '[') {
        url = URL.parse('https://' + buffer + '/');
        if (!url) {
            fail("invalid hostname '" + value + "'");
        }
        return url.hostname;
    }
    if (buffer === '' || /[\u0000 :<>@\[\\\]\^|]/.test(buffer)) {
        fail("invalid hostname '" + value + "'");
    }
    if (protocol === void 0 || protocol === '' || SPECIAL_SCHEMES.indexOf(protocol) >= 0) {
        url = URL.parse('https://' + buffer + '/');
        if (url) {
            return url.hostname;
        }
    }
    url = URL.parse('fcw-opaque://' + buffer + '/');
    if (!url) {
        fail("invalid hostname '" + value + "'");
    }
    return url.hostname;
}

function canonicalizeIPv6Hostname(value) {
    if (!/^[0-9a-fA-F\[\]:]*$/.test(value)) {
        fail("invalid IPv6 hostname '" + value + "'");
    }
    return value.toLowerCase();
}

function canonicalizePort(value, protocol) {
    var digits, port;
    if (value === '') {
        return value;
    }
    digits = /^[0-9]*/.exec(value.replace(/[\t\n\r]/g, ''))[0];
    if (digits === '') {
        fail("invalid port '" + value + "'");
    }
    port = parseInt(digits, 10);
    if (port > 65535) {
        fail("invalid port '" + value + "'");
    }
    if (protocol !== void 0 && DEFAULT_PORTS[protocol] === String(port)) {
        return '';
    }
    return String(port);
}

function canonicalizePathname(value) {
    var leadingSlash, url;
    if (value === '') {
        return value;
    }
    leadingSlash = value.charAt(0) === '/';
    url = dummyURL();
    url.pathname = leadingSlash ? value : '/-' + value;
    return leadingSlash ? url.pathname : url.pathname.slice(2);
}

/* The opaque path state: C0 controls and non-ASCII are percent-encoded. */
function canonicalizeOpaquePathname(value) {
    return toUSVString(value).replace(/[\u0000-\u001F\u007F-\uFFFF]+/g, function (s) {
        return encodeURIComponent(s);
    });
}

function canonicalizeSearch(value) {
    var url;
    if (value === '') {
        return value;
    }
    url = dummyURL();
    url.search = '?' + value;
    return url.search.slice(1);
}

function canonicalizeHash(value) {
    var url;
    if (value === '') {
        return value;
    }
    url = dummyURL();
    url.hash = '#' + value;
    return url.hash.slice(1);
}

function isSpecialScheme(value) {
    return SPECIAL_SCHEMES.indexOf(value) >= 0;
}

/* ---- components ---- */

var DEFAULT_OPTIONS = { delimiter: '', prefix: '', ignoreCase: false };
var HOSTNAME_OPTIONS = { delimiter: '.', prefix: '', ignoreCase: false };

function compileComponent(input, encode, options) {
    var parts = parsePatternString(input, options, encode);
    var generated = generateRegexp(parts, options);
    var regexp, i, hasGroups = false;
    try {
        regexp = new RegExp(generated.source, options.ignoreCase ? 'vi' : 'v');
    } catch (e) {
        fail("invalid regular expression in '" + input + "': " + e.message);
    }
    for (i = 0; i < parts.length; i++) {
        if (parts[i].type === REGEXP) {
            hasGroups = true;
        }
    }
    return {
        pattern: generatePatternString(parts, options),
        regexp: regexp,
        names: generated.names,
        hasRegExpGroups: hasGroups
    };
}

function matchesSpecialScheme(component) {
    var i;
    for (i = 0; i < SPECIAL_SCHEMES.length; i++) {
        component.regexp.lastIndex = 0;
        if (component.regexp.test(SPECIAL_SCHEMES[i])) {
            return true;
        }
    }
    return false;
}

function isIPv6Pattern(input) {
    var a = input.charAt(0), b = input.charAt(1);
    return input.length >= 2 && (a === '[' || ((a === '{' || a === '\\') && b === '['));
}

/* ---- the constructor string parser ---- */

function parseConstructorString(input) {
    var tokens = tokenize(input, true);
    var result = {}, componentStart = 0, tokenIndex = 0, tokenIncrement = 1;
    var groupDepth = 0, ipv6Depth = 0, protocolIsSpecial = false, state = 'init';
    var EARLY = ['protocol', 'authority', 'username', 'password'];

    function safeToken(i) {
        return i < tokens.length ? tokens[i] : tokens[tokens.length - 1];
    }
    function isNonSpecialChar(i, value) {
        var token = safeToken(i);
        return token.value === value &&
            (token.type === 'char' || token.type === 'escaped-char' || token.type === 'invalid-char');
    }
    function isSearchPrefix() {
        var token, previous;
        if (isNonSpecialChar(tokenIndex, '?')) {
            return true;
        }
        token = tokens[tokenIndex];
        if (token.value !== '?') {
            return false;
        }
        if (tokenIndex === 0) {
            return true;
        }
        previous = safeToken(tokenIndex - 1).type;
        return !(previous === 'name' || previous === 'regexp' || previous === 'close' || previous === 'asterisk');
    }
    function componentString() {
        return input.slice(safeToken(componentStart).index, tokens[tokenIndex].index);
    }
    function changeState(newState, skip) {
        if (state !== 'init' && state !== 'authority' && state !== 'done') {
            result[state] = componentString();
        }
        if (state !== 'init' && newState !== 'done') {
            if (EARLY.indexOf(state) >= 0 && ['port', 'pathname', 'search', 'hash'].indexOf(newState) >= 0 &&
                    !hasOwn(result, 'hostname')) {
                result.hostname = '';
            }
            if ((EARLY.indexOf(state) >= 0 || state === 'hostname' || state === 'port') &&
                    (newState === 'search' || newState === 'hash') && !hasOwn(result, 'pathname')) {
                result.pathname = protocolIsSpecial ? '/' : '';
            }
            if ((EARLY.indexOf(state) >= 0 || state === 'hostname' || state === 'port' || state === 'pathname') &&
                    newState === 'hash' && !hasOwn(result, 'search')) {
                result.search = '';
            }
        }
        state = newState;
        tokenIndex += skip;
        componentStart = tokenIndex;
        tokenIncrement = 0;
    }
    function rewind(newState) {
        tokenIndex = componentStart;
        tokenIncrement = 0;
        state = newState;
    }

    while (tokenIndex < tokens.length) {
        tokenIncrement = 1;
        var token = tokens[tokenIndex];
        if (token.type === 'end') {
            if (state === 'init') {
                rewind('init');
                if (isNonSpecialChar(tokenIndex, '#')) {
                    changeState('hash', 1);
                } else if (isSearchPrefix()) {
                    changeState('search', 1);
                } else {
                    changeState('pathname', 0);
                }
                tokenIndex += tokenIncrement;
                continue;
            }
            if (state === 'authority') {
                rewind('hostname');
                tokenIndex += tokenIncrement;
                continue;
            }
            changeState('done', 0);
            break;
        }
        if (token.type === 'open') {
            groupDepth++;
            tokenIndex += tokenIncrement;
            continue;
        }
        if (groupDepth > 0) {
            if (token.type === 'close') {
                groupDepth--;
            } else {
                tokenIndex += tokenIncrement;
                continue;
            }
        }
        switch (state) {
        case 'init':
            if (isNonSpecialChar(tokenIndex, ':')) {
                rewind('protocol');
            }
            break;
        case 'protocol':
            if (isNonSpecialChar(tokenIndex, ':')) {
                protocolIsSpecial = matchesSpecialScheme(
                    compileComponent(componentString(), canonicalizeProtocol, DEFAULT_OPTIONS));
                if (isNonSpecialChar(tokenIndex + 1, '/') && isNonSpecialChar(tokenIndex + 2, '/')) {
                    changeState('authority', 3);
                } else if (protocolIsSpecial) {
                    changeState('authority', 1);
                } else {
                    changeState('pathname', 1);
                }
            }
            break;
        case 'authority':
            if (isNonSpecialChar(tokenIndex, '@')) {
                rewind('username');
            } else if (isNonSpecialChar(tokenIndex, '/') || isSearchPrefix() || isNonSpecialChar(tokenIndex, '#')) {
                rewind('hostname');
            }
            break;
        case 'username':
            if (isNonSpecialChar(tokenIndex, ':')) {
                changeState('password', 1);
            } else if (isNonSpecialChar(tokenIndex, '@')) {
                changeState('hostname', 1);
            }
            break;
        case 'password':
            if (isNonSpecialChar(tokenIndex, '@')) {
                changeState('hostname', 1);
            }
            break;
        case 'hostname':
            if (isNonSpecialChar(tokenIndex, '[')) {
                ipv6Depth++;
            } else if (isNonSpecialChar(tokenIndex, ']')) {
                ipv6Depth--;
            } else if (isNonSpecialChar(tokenIndex, ':') && ipv6Depth === 0) {
                changeState('port', 1);
            } else if (isNonSpecialChar(tokenIndex, '/')) {
                changeState('pathname', 0);
            } else if (isSearchPrefix()) {
                changeState('search', 1);
            } else if (isNonSpecialChar(tokenIndex, '#')) {
                changeState('hash', 1);
            }
            break;
        case 'port':
            if (isNonSpecialChar(tokenIndex, '/')) {
                changeState('pathname', 0);
            } else if (isSearchPrefix()) {
                changeState('search', 1);
            } else if (isNonSpecialChar(tokenIndex, '#')) {
                changeState('hash', 1);
            }
            break;
        case 'pathname':
            if (isSearchPrefix()) {
                changeState('search', 1);
            } else if (isNonSpecialChar(tokenIndex, '#')) {
                changeState('hash', 1);
            }
            break;
        case 'search':
            if (isNonSpecialChar(tokenIndex, '#')) {
                changeState('hash', 1);
            }
            break;
        }
        tokenIndex += tokenIncrement;
    }
    if (hasOwn(result, 'hostname') && !hasOwn(result, 'port')) {
        result.port = '';
    }
    return result;
}

native.urlPattern = {
    COMPONENTS: COMPONENTS,
    STATE: STATE,
    DEFAULT_OPTIONS: DEFAULT_OPTIONS,
    HOSTNAME_OPTIONS: HOSTNAME_OPTIONS,
    fail: fail,
    hasOwn: hasOwn,
    escapePatternString: escapePatternString,
    compileComponent: compileComponent,
    matchesSpecialScheme: matchesSpecialScheme,
    isIPv6Pattern: isIPv6Pattern,
    isSpecialScheme: isSpecialScheme,
    parseConstructorString: parseConstructorString,
    canonicalizeProtocol: canonicalizeProtocol,
    canonicalizeUsername: canonicalizeUsername,
    canonicalizePassword: canonicalizePassword,
    canonicalizeHostname: canonicalizeHostname,
    canonicalizeIPv6Hostname: canonicalizeIPv6Hostname,
    canonicalizePort: canonicalizePort,
    canonicalizePathname: canonicalizePathname,
    canonicalizeOpaquePathname: canonicalizeOpaquePathname,
    canonicalizeSearch: canonicalizeSearch,
    canonicalizeHash: canonicalizeHash,
    DEFAULT_PORTS: DEFAULT_PORTS
};
