// SPDX-License-Identifier: MIT
/*
 * Source maps for the log: when a worker script was built (fcworker-build
 * --sourcemap), the C loader loads this file (a group of lib/runtime_lazy.c
 * of its own: a worker without a map does not hold it) and hands its map to
 * native.registerSourceMap, and native.mapStack rewrites every
 * "SCRIPT:LINE" of a stack trace into the original "SOURCE:LINE", so that
 * an exception in a built TypeScript worker is logged at its line in the
 * .ts file. native.errorText applies it.
 *
 * Maps follow the Source Map Revision 3 format: `mappings` holds one group
 * of segments per generated line (separated by ";"), segments separated by
 * ",", each a run of Base64 VLQ numbers: generated column, then optionally
 * source index, original line, original column and name index, all relative
 * to the previous segment's values (the generated column only within its
 * line). Duktape's stack traces carry lines and no columns, so a generated
 * line stands for the original line that most of its segments name (the
 * first of those on a tie): lowered code often starts a line with a segment
 * for the enclosing block, as regenerator does for `throw` in an async
 * function, while the rest of the line maps to the statement. A map is
 * decoded on first use, not at load time, and index maps (`sections`) are
 * refused. Sources are resolved like URLs against the script's folder
 * (through `sourceRoot`), giving absolute paths for a build's relative ones.
 */
var BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
var base64Values = {};
var maps = {};
var mapPaths = [];

(function () {
    for (var i = 0; i < BASE64.length; i++) {
        base64Values[BASE64.charAt(i)] = i;
    }
})();

/* Reads one Base64 VLQ number at state.pos of text. */
function readVlq(text, state) {
    var value = 0, scale = 1, digit;
    do {
        if (state.pos >= text.length) {
            throw new SyntaxError('source map: truncated VLQ number in mappings');
        }
        digit = base64Values[text.charAt(state.pos++)];
        if (digit === void 0) {
            throw new SyntaxError('source map: bad Base64 digit in mappings at ' + (state.pos - 1));
        }
        value += (digit & 31) * scale;
        scale *= 32;
    } while (digit & 32);
    return value % 2 === 1 ? -(value - 1) / 2 : value / 2;
}

/* The original position a generated line stands for: of the [source,
 * line] pairs its segments name, the most frequent, the first on a tie. */
function lineTarget(pairs) {
    var best = null, bestCount = 0;
    for (var i = 0; i < pairs.length; i++) {
        var count = 0;
        for (var j = 0; j < pairs.length; j++) {
            if (pairs[j][0] === pairs[i][0] && pairs[j][1] === pairs[i][1]) {
                count++;
            }
        }
        if (count > bestCount) {
            best = pairs[i];
            bestCount = count;
        }
    }
    return best;
}

/* Decodes every segment (the fields are relative to the previous segment's,
 * across lines); for each generated line (0-based) the [source index,
 * original line (0-based)] it stands for, or null. */
function decodeMappings(mappings) {
    var lines = [];
    var state = { pos: 0 };
    var source = 0, originalLine = 0, originalColumn = 0, name = 0;
    var pairs = [], fields;
    while (state.pos <= mappings.length) {
        var c = mappings.charAt(state.pos);
        if (c === ';' || c === '') {
            lines.push(lineTarget(pairs));
            pairs = [];
            state.pos++;
            continue;
        }
        if (c === ',') {
            state.pos++;
            continue;
        }
        fields = 0;
        readVlq(mappings, state);
        while (state.pos < mappings.length && mappings.charAt(state.pos) !== ',' &&
               mappings.charAt(state.pos) !== ';') {
            var delta = readVlq(mappings, state);
            fields++;
            if (fields === 1) {
                source += delta;
            } else if (fields === 2) {
                originalLine += delta;
            } else if (fields === 3) {
                originalColumn += delta;
            } else if (fields === 4) {
                name += delta;
            } else {
                throw new SyntaxError('source map: a segment has more than 5 fields');
            }
        }
        if (fields === 1 || fields === 2) {
            throw new SyntaxError('source map: a segment has ' + (fields + 1) + ' fields');
        }
        if (fields >= 3) {
            pairs.push([source, originalLine]);
        }
    }
    return lines;
}

function isAbsoluteUrl(s) {
    return /^[A-Za-z][A-Za-z0-9+.\-]*:/.test(s);
}

/* rel resolved against dir, with "." and ".." segments removed; absolute
 * paths and URLs are kept as they are. */
function joinPath(dir, rel) {
    if (rel.charAt(0) === '/' || isAbsoluteUrl(rel)) {
        return rel;
    }
    var combined = dir === '' ? rel : dir.charAt(dir.length - 1) === '/' ? dir + rel : dir + '/' + rel;
    if (isAbsoluteUrl(combined)) {
        return combined;
    }
    var parts = combined.split('/');
    var out = [];
    for (var i = 0; i < parts.length; i++) {
        var atRoot = out.length === 1 && out[0] === '';
        if (parts[i] === '..') {
            if (out.length > 0 && out[out.length - 1] !== '..' && !atRoot) {
                out.pop();
            } else if (!atRoot) {
                out.push('..');
            }
        } else if (parts[i] !== '.' && (parts[i] !== '' || i === 0 || i === parts.length - 1)) {
            out.push(parts[i]);
        }
    }
    return out.join('/');
}

function dirName(path) {
    var slash = path.lastIndexOf('/');
    return slash < 0 ? '' : path.slice(0, slash + 1);
}

function resolveSources(scriptPath, map) {
    var base = dirName(scriptPath);
    var root = typeof map.sourceRoot === 'string' ? map.sourceRoot : '';
    if (root !== '') {
        base = joinPath(base, root);
    }
    var sources = [];
    for (var i = 0; i < map.sources.length; i++) {
        var s = map.sources[i];
        sources.push(typeof s === 'string' ? joinPath(base, s) : null);
    }
    return sources;
}

native.registerSourceMap = function (scriptPath, mapText) {
    var map = JSON.parse(mapText);
    if (map === null || typeof map !== 'object' || map.version !== 3) {
        throw new TypeError('source map: not a version 3 source map');
    }
    if (map.sections !== void 0) {
        throw new TypeError('source map: index maps (sections) are not supported');
    }
    if (typeof map.mappings !== 'string' || !(map.sources instanceof Array)) {
        throw new TypeError('source map: mappings or sources missing');
    }
    if (!Object.prototype.hasOwnProperty.call(maps, scriptPath)) {
        mapPaths.push(scriptPath);
    }
    maps[scriptPath] = { sources: resolveSources(scriptPath, map), mappings: map.mappings, lines: null };
};

/* The original "SOURCE:LINE" of a 1-based generated line, or null. */
function originalPosition(entry, line) {
    if (entry.lines === null) {
        entry.lines = decodeMappings(entry.mappings);
        entry.mappings = null;
    }
    var hit = entry.lines[line - 1];
    if (!hit || typeof entry.sources[hit[0]] !== 'string') {
        return null;
    }
    return entry.sources[hit[0]] + ':' + (hit[1] + 1);
}

function isDigit(c) {
    return c >= '0' && c <= '9';
}

/* Replaces each "PATH:LINE" of one registered script in text. */
function mapScript(text, path) {
    var entry = maps[path];
    var needle = path + ':';
    var out = '', from = 0, at;
    while ((at = text.indexOf(needle, from)) >= 0) {
        var end = at + needle.length;
        while (end < text.length && isDigit(text.charAt(end))) {
            end++;
        }
        var before = at === 0 ? '' : text.charAt(at - 1);
        var mapped = end > at + needle.length && (before === '' || before === '(' || before === ' ' ||
            before === '\n' || before === '\t') ? originalPosition(entry, Number(text.slice(at + needle.length, end)))
            : null;
        out += text.slice(from, at) + (mapped === null ? text.slice(at, end) : mapped);
        from = end;
    }
    return out + text.slice(from);
}

native.mapStack = function (text) {
    text = String(text);
    for (var i = 0; i < mapPaths.length; i++) {
        try {
            text = mapScript(text, mapPaths[i]);
        } catch (e) {
            maps[mapPaths[i]].lines = [];
        }
    }
    return text;
};
