// SPDX-License-Identifier: MIT
// A worker with default and rest parameters (t/build-hidden-params.t runs
// its bundle in a pool and in CGI mode, from source and from the bytecode
// cache): each answer lists the functions' lengths and results.
function aborted(x, startIndex = 0) {
    return x + startIndex;
}
function dispatch(request, ...rest) {
    return [typeof request, rest[0], rest[1]].join('|');
}
class Req {
    constructor(raw, path = '/', match = [[]]) {
        this.path = path;
        this.n = match.length;
    }
}
function withEval(a, b = 1) {
    return eval('arguments.length') + b;
}
export default {
    fetch(request, ...rest) {
        const lines = [
            `aborted ${aborted.length} ${aborted(1)} ${aborted(1, 2)}`,
            `dispatch ${dispatch.length} ${dispatch(request, 'e')} ${dispatch(request, 'e', 'c', 'x')}`,
            `Req ${Req.length} ${new Req('r').path} ${new Req('r', '/p', [1, 2]).n}`,
            `withEval ${withEval.length} ${withEval(0)} ${withEval(0, 5, 6)}`,
            `fetch ${this.fetch.length} ${rest.length}`
        ];
        return new Response(lines.join('\n') + '\n');
    }
};
