// SPDX-License-Identifier: MIT
/*
 * The URLPattern class (WHATWG URL Pattern Standard) on the pattern
 * compiler of js/32-urlpattern.js: the constructor's overloads, processing
 * of a URLPatternInit (base URL inheritance, per-component canonicalization
 * for inputs), the component getters, hasRegExpGroups, test() and exec().
 */
var up = native.urlPattern;
var COMPONENTS = up.COMPONENTS;
var STATE = up.STATE;
var fail = up.fail;
var hasOwn = up.hasOwn;

function processBase(value, isPattern) {
    return isPattern ? up.escapePatternString(value) : value;
}

function isAbsolutePathname(value, isPattern) {
    var a = value.charAt(0), b = value.charAt(1);
    if (value === '') {
        return false;
    }
    if (a === '/') {
        return true;
    }
    if (!isPattern || value.length < 2) {
        return false;
    }
    return (a === '\\' || a === '{') && b === '/';
}

function stringMember(init, key) {
    var value = init[key];
    return value === void 0 ? void 0 : String(value);
}

/* "process a URLPatternInit": type 'pattern' keeps values as pattern
 * strings, type 'url' canonicalizes them (a failure throws). */
function processInit(init, isPattern) {
    var result = {}, base = null, value, i, has = {}, path, slash;
    for (i = 0; i < COMPONENTS.length; i++) {
        value = stringMember(init, COMPONENTS[i]);
        has[COMPONENTS[i]] = value !== void 0;
        if (!isPattern) {
            result[COMPONENTS[i]] = '';
        }
    }
    value = stringMember(init, 'baseURL');
    if (value !== void 0) {
        base = URL.parse(value);
        if (!base) {
            fail("invalid baseURL '" + value + "'");
        }
        if (!has.protocol) {
            result.protocol = processBase(base.protocol.slice(0, -1), isPattern);
        }
        if (!isPattern && !has.protocol && !has.hostname && !has.port && !has.username) {
            result.username = base.username;
        }
        if (!isPattern && !has.protocol && !has.hostname && !has.port && !has.username && !has.password) {
            result.password = base.password;
        }
        if (!has.protocol && !has.hostname) {
            result.hostname = processBase(base.hostname, isPattern);
        }
        if (!has.protocol && !has.hostname && !has.port) {
            result.port = base.port;
        }
        if (!has.protocol && !has.hostname && !has.port && !has.pathname) {
            result.pathname = processBase(base.pathname, isPattern);
        }
        if (!has.protocol && !has.hostname && !has.port && !has.pathname && !has.search) {
            result.search = processBase(base.search.slice(1), isPattern);
        }
        if (!has.protocol && !has.hostname && !has.port && !has.pathname && !has.search && !has.hash) {
            result.hash = processBase(base.hash.slice(1), isPattern);
        }
    }
    if (has.protocol) {
        value = String(init.protocol).replace(/:$/, '');
        result.protocol = isPattern ? value : up.canonicalizeProtocol(value);
    }
    if (has.username) {
        value = String(init.username);
        result.username = isPattern ? value : up.canonicalizeUsername(value);
    }
    if (has.password) {
        value = String(init.password);
        result.password = isPattern ? value : up.canonicalizePassword(value);
    }
    if (has.hostname) {
        value = String(init.hostname);
        result.hostname = isPattern ? value : up.canonicalizeHostname(value, result.protocol);
    }
    if (has.port) {
        value = String(init.port);
        result.port = isPattern ? value : up.canonicalizePort(value, result.protocol);
    }
    if (has.pathname) {
        value = String(init.pathname);
        if (base && !isAbsolutePathname(value, isPattern) &&
                base.pathname.charAt(0) === '/') {
            path = processBase(base.pathname, isPattern);
            slash = path.lastIndexOf('/');
            if (slash >= 0) {
                value = path.slice(0, slash + 1) + value;
            }
        }
        if (!isPattern) {
            value = result.protocol === '' || up.isSpecialScheme(result.protocol)
                ? up.canonicalizePathname(value) : up.canonicalizeOpaquePathname(value);
        }
        result.pathname = value;
    }
    if (has.search) {
        value = String(init.search).replace(/^\?/, '');
        result.search = isPattern ? value : up.canonicalizeSearch(value);
    }
    if (has.hash) {
        value = String(init.hash).replace(/^#/, '');
        result.hash = isPattern ? value : up.canonicalizeHash(value);
    }
    return result;
}

function toInit(input) {
    if (input === void 0 || input === null) {
        return {};
    }
    if (typeof input !== 'object' && typeof input !== 'function') {
        throw new TypeError("Failed to construct 'URLPattern': the input is neither a string nor a URLPatternInit");
    }
    return input;
}

function URLPattern(input, baseURL, options) {
    var init, processed, i, name, components = {}, opts, compileOptions, pathOptions, protocol;
    if (new.target === void 0 && !(this instanceof URLPattern)) {
        throw new TypeError("Failed to construct 'URLPattern': Please use the 'new' operator");
    }
    if (arguments.length < 3 && typeof baseURL !== 'string') {
        options = baseURL;
        baseURL = void 0;
    } else if (baseURL !== void 0) {
        baseURL = String(baseURL);
    }
    opts = options === void 0 || options === null ? {} : options;
    if (typeof opts !== 'object' && typeof opts !== 'function') {
        throw new TypeError("Failed to construct 'URLPattern': options is not an object");
    }
    if (typeof input === 'string') {
        init = up.parseConstructorString(input);
        if (baseURL === void 0 && !hasOwn(init, 'protocol')) {
            fail("relative pattern '" + input + "' without a baseURL");
        }
        if (baseURL !== void 0) {
            init.baseURL = baseURL;
        }
    } else {
        if (baseURL !== void 0) {
            fail('a baseURL is only allowed with a string pattern');
        }
        init = toInit(input);
    }
    processed = processInit(init, true);
    for (i = 0; i < COMPONENTS.length; i++) {
        name = COMPONENTS[i];
        if (processed[name] === void 0) {
            processed[name] = '*';
        }
    }
    if (!/[:{}()*+?\\]/.test(processed.port)) {
        processed.port = up.canonicalizePort(processed.port);
    }
    if (up.isSpecialScheme(processed.protocol) && processed.port === up.DEFAULT_PORTS[processed.protocol]) {
        processed.port = '';
    }
    compileOptions = { delimiter: '', prefix: '', ignoreCase: !!opts.ignoreCase };
    components.protocol = protocol = up.compileComponent(processed.protocol, up.canonicalizeProtocol, up.DEFAULT_OPTIONS);
    components.username = up.compileComponent(processed.username, up.canonicalizeUsername, up.DEFAULT_OPTIONS);
    components.password = up.compileComponent(processed.password, up.canonicalizePassword, up.DEFAULT_OPTIONS);
    components.hostname = up.compileComponent(processed.hostname,
        up.isIPv6Pattern(processed.hostname) ? up.canonicalizeIPv6Hostname : up.canonicalizeHostname,
        up.HOSTNAME_OPTIONS);
    components.port = up.compileComponent(processed.port, up.canonicalizePort, up.DEFAULT_OPTIONS);
    if (up.matchesSpecialScheme(protocol)) {
        pathOptions = { delimiter: '/', prefix: '/', ignoreCase: !!opts.ignoreCase };
        components.pathname = up.compileComponent(processed.pathname, up.canonicalizePathname, pathOptions);
    } else {
        components.pathname = up.compileComponent(processed.pathname, up.canonicalizeOpaquePathname, compileOptions);
    }
    components.search = up.compileComponent(processed.search, up.canonicalizeSearch, compileOptions);
    components.hash = up.compileComponent(processed.hash, up.canonicalizeHash, compileOptions);
    this[STATE] = components;
}

function stateOf(pattern) {
    var state = pattern !== null && typeof pattern === 'object' ? pattern[STATE] : void 0;
    if (!state) {
        throw new TypeError('Illegal invocation: not a URLPattern');
    }
    return state;
}

COMPONENTS.forEach(function (name) {
    Object.defineProperty(URLPattern.prototype, name, {
        get: function () { return stateOf(this)[name].pattern; },
        enumerable: true, configurable: true
    });
});

Object.defineProperty(URLPattern.prototype, 'hasRegExpGroups', {
    get: function () {
        var state = stateOf(this), i;
        for (i = 0; i < COMPONENTS.length; i++) {
            if (state[COMPONENTS[i]].hasRegExpGroups) {
                return true;
            }
        }
        return false;
    },
    enumerable: true, configurable: true
});

/* "match": the components of the input, or null when the input does not
 * parse (an init whose baseURL is combined with a separate baseURL throws). */
function match(pattern, input, baseURL, haveBase) {
    var state = stateOf(pattern), values, inputs, url, base, result, i, j, name, m, groups, component;
    if (input === void 0) {
        input = {};
    }
    inputs = [input];
    if (typeof input === 'string') {
        if (haveBase) {
            baseURL = String(baseURL);
            inputs.push(baseURL);
            base = URL.parse(baseURL);
            if (!base) {
                return null;
            }
        }
        url = URL.parse(input, base);
        if (!url) {
            return null;
        }
        values = {
            protocol: url.protocol.slice(0, -1), username: url.username, password: url.password,
            hostname: url.hostname, port: url.port, pathname: url.pathname,
            search: url.search.slice(1), hash: url.hash.slice(1)
        };
    } else {
        if (haveBase) {
            throw new TypeError("Failed to execute 'exec' on 'URLPattern': a baseURL is only allowed with a string input");
        }
        try {
            values = processInit(toInit(input), false);
        } catch (e) {
            if (e instanceof TypeError) {
                return null;
            }
            throw e;
        }
    }
    result = { inputs: inputs };
    for (i = 0; i < COMPONENTS.length; i++) {
        name = COMPONENTS[i];
        component = state[name];
        component.regexp.lastIndex = 0;
        m = component.regexp.exec(values[name]);
        if (!m) {
            return null;
        }
        groups = {};
        for (j = 0; j < component.names.length; j++) {
            groups[component.names[j]] = m[j + 1];
        }
        result[name] = { input: values[name], groups: groups };
    }
    return result;
}

URLPattern.prototype.test = function test(input, baseURL) {
    return match(this, input, baseURL, arguments.length > 1 && baseURL !== void 0) !== null;
};

URLPattern.prototype.exec = function exec(input, baseURL) {
    return match(this, input, baseURL, arguments.length > 1 && baseURL !== void 0);
};

native.defineGlobal('URLPattern', URLPattern);
