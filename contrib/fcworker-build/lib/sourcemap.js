// SPDX-License-Identifier: MIT
/*
 * Source maps of fcworker-build's steps: composing the maps of consecutive
 * steps into one from the final output to the original files, shifting a
 * map by lines put in front of its code, and looking up the original
 * position of an output position for error messages.
 */
'use strict';

const path = require('path');
const { SourceMap } = require('module');
const remapping = require('@jridgewell/remapping');

/* `maps` runs from the last step to the first: maps[0] maps the final code
 * to the input of the last step, ..., the last one maps esbuild's output to
 * the original files. Every map but the last has a single source. */
function compose(maps) {
    const present = maps.filter(Boolean);
    if (present.length === 1) {
        return present[0];
    }
    const composed = remapping(present, () => null);
    return JSON.parse(composed.toString());
}

/* The map of code that got `lines` more lines in front of it. */
function shiftLines(map, lines) {
    return { ...map, mappings: ';'.repeat(lines) + map.mappings };
}

/* { file, line, column } (1-based) in the original source of a 1-based
 * line and 0-based column of generated code, or null; map sources are
 * relative to baseDir. */
function originalPosition(map, baseDir, line, column) {
    const entry = new SourceMap(map).findEntry(line - 1, column);
    if (!entry || entry.originalSource === undefined) {
        return null;
    }
    return {
        file: path.resolve(baseDir, entry.originalSource),
        line: entry.originalLine + 1,
        column: entry.originalColumn + 1
    };
}

module.exports = { compose, shiftLines, originalPosition };
