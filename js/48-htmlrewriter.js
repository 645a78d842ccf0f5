// SPDX-License-Identifier: MIT
/*
 * Workers' HTMLRewriter: new HTMLRewriter().on(selector, {element,
 * comments, text}).onDocument({doctype, comments, text, end})
 * .transform(response) returns a Response whose body is the original
 * body rewritten as it streams (a TransformStream), never held whole.
 * The body is decoded as UTF-8 (a streaming TextDecoder) and tokenized by
 * native.htmlFeed (lib/api_htmlrewriter.c); this file keeps the stack of
 * open elements (with the implied end tags of p, li, dd/dt, option and
 * table cells), matches selectors against it (`*`, type, #id, .class,
 * [attr], [attr=v], ~=, ^=, $=, *=, |=, the `i` flag, descendant and child
 * combinators, :first-child, :nth-child(), :first-of-type,
 * :nth-of-type(), :not()), calls the handlers in the order they were
 * registered (a handler returning a promise pauses the stream until it
 * settles) and writes the tokens back: unchanged ones as their source
 * bytes, changed ones rebuilt. Content given to before/after/prepend/
 * append/replace/setInnerContent is escaped unless {html: true}. Text
 * and attribute values are passed as written (character references are
 * not decoded), as in Workers.
 */
var STATE = Symbol('HTMLRewriter');
var HTML_NS = 'http://www.w3.org/1999/xhtml';
var MAX_TOKEN = 8 * 1024 * 1024;
var RewriterDecoder = global.TextDecoder;
var RewriterResponse = global.Response;
var RewriterHeaders = global.Headers;
var RewriterTransformStream = global.TransformStream;
var VOID = {};
var P_CLOSERS = {};
'area base br col embed hr img input keygen link meta param source track wbr'.split(' ').forEach(function (n) {
    VOID[n] = true;
});
('address article aside blockquote center details dialog dir div dl dd dt fieldset figcaption figure footer ' +
 'form h1 h2 h3 h4 h5 h6 header hgroup hr li main menu nav ol p pre section summary table ul').split(' ')
    .forEach(function (n) {
        P_CLOSERS[n] = true;
    });

/* ==== selectors ==== */

var IDENT = /^-?(?:[A-Za-z_\u0080-\uffff]|\\.)(?:[-A-Za-z0-9_\u0080-\uffff]|\\.)*/;
var NTH = /^([+-]?\d*)n(?:([+-])(\d+))?$/;

function selectorError(text, why) {
    return new TypeError('HTMLRewriter: invalid selector "' + text + '": ' + why);
}

function unescapeIdent(s) {
    return s.replace(/\\(.)/g, '$1');
}

function parseNth(arg, text) {
    var s = arg.replace(/\s+/g, '').toLowerCase(), m;
    if (s === 'odd') {
        return { a: 2, b: 1 };
    }
    if (s === 'even') {
        return { a: 2, b: 0 };
    }
    if (/^[+-]?\d+$/.test(s)) {
        return { a: 0, b: parseInt(s, 10) };
    }
    m = NTH.exec(s);
    if (m === null) {
        throw selectorError(text, 'bad :nth-child() argument "' + arg + '"');
    }
    var a = m[1] === '' || m[1] === '+' ? 1 : m[1] === '-' ? -1 : parseInt(m[1], 10);
    var b = m[2] ? (m[2] === '-' ? -1 : 1) * parseInt(m[3], 10) : 0;
    return { a: a, b: b };
}

function parseSelector(text) {
    var s = String(text), pos = 0, n = s.length;

    function ws() {
        var start = pos;
        while (pos < n && ' \t\n\r\f'.indexOf(s.charAt(pos)) >= 0) {
            pos++;
        }
        return pos > start;
    }
    function ident() {
        var m = IDENT.exec(s.slice(pos));
        if (m === null) {
            return null;
        }
        pos += m[0].length;
        return unescapeIdent(m[0]);
    }
    function needIdent(what) {
        var id = ident();
        if (id === null) {
            throw selectorError(s, 'expected ' + what + ' at ' + pos);
        }
        return id;
    }
    function value() {
        var q = s.charAt(pos);
        if (q !== '"' && q !== "'") {
            return needIdent('a value');
        }
        var out = '';
        pos++;
        while (pos < n && s.charAt(pos) !== q) {
            if (s.charAt(pos) === '\\' && pos + 1 < n) {
                pos++;
            }
            out += s.charAt(pos++);
        }
        if (pos >= n) {
            throw selectorError(s, 'unterminated string');
        }
        pos++;
        return out;
    }
    function parenArg() {
        if (s.charAt(pos) !== '(') {
            throw selectorError(s, 'expected ( at ' + pos);
        }
        var end = s.indexOf(')', pos);
        if (end < 0) {
            throw selectorError(s, 'expected )');
        }
        var arg = s.slice(pos + 1, end);
        pos = end + 1;
        return arg;
    }
    function compound(inNot) {
        var c = { tag: null, id: null, classes: [], attrs: [], pseudos: [] }, any = false, ch, m;
        if (s.charAt(pos) === '*') {
            pos++;
            any = true;
        } else {
            var tag = ident();
            if (tag !== null) {
                c.tag = tag.toLowerCase();
                any = true;
            }
        }
        for (;;) {
            ch = s.charAt(pos);
            if (ch === '#') {
                pos++;
                c.id = needIdent('an id');
            } else if (ch === '.') {
                pos++;
                c.classes.push(needIdent('a class name'));
            } else if (ch === '[') {
                pos++;
                ws();
                var attr = { name: needIdent('an attribute name').toLowerCase(), op: null, value: null, ci: false };
                ws();
                m = /^([~^$*|]?=)/.exec(s.slice(pos));
                if (m !== null) {
                    pos += m[1].length;
                    ws();
                    attr.op = m[1];
                    attr.value = value();
                    ws();
                    if (/^[iIsS](?![-\w])/.test(s.slice(pos))) {
                        attr.ci = s.charAt(pos).toLowerCase() === 'i';
                        pos++;
                        ws();
                    }
                    if (attr.ci) {
                        attr.value = attr.value.toLowerCase();
                    }
                }
                if (s.charAt(pos) !== ']') {
                    throw selectorError(s, 'expected ] at ' + pos);
                }
                pos++;
                c.attrs.push(attr);
            } else if (ch === ':') {
                pos++;
                var pseudo = needIdent('a pseudo-class').toLowerCase();
                if (pseudo === 'first-child' || pseudo === 'first-of-type') {
                    c.pseudos.push({ kind: pseudo === 'first-child' ? 'nth' : 'nth-type', a: 0, b: 1 });
                } else if (pseudo === 'nth-child' || pseudo === 'nth-of-type') {
                    var nth = parseNth(parenArg(), s);
                    c.pseudos.push({ kind: pseudo === 'nth-child' ? 'nth' : 'nth-type', a: nth.a, b: nth.b });
                } else if (pseudo === 'not' && !inNot) {
                    if (s.charAt(pos) !== '(') {
                        throw selectorError(s, 'expected ( after :not');
                    }
                    pos++;
                    ws();
                    var inner = compound(true);
                    ws();
                    if (s.charAt(pos) !== ')') {
                        throw selectorError(s, 'expected ) at ' + pos);
                    }
                    pos++;
                    c.pseudos.push({ kind: 'not', sel: inner });
                } else {
                    throw selectorError(s, 'unsupported pseudo-class :' + pseudo);
                }
            } else {
                break;
            }
            any = true;
        }
        if (!any) {
            throw selectorError(s, pos >= n ? 'unexpected end' : 'unexpected "' + s.charAt(pos) + '" at ' + pos);
        }
        return c;
    }

    var list = [], cur = { parts: [], combs: [] };
    ws();
    for (;;) {
        cur.parts.push(compound(false));
        var spaced = ws(), ch = s.charAt(pos);
        if (pos >= n) {
            break;
        }
        if (ch === '>') {
            pos++;
            ws();
            cur.combs.push('>');
        } else if (ch === ',') {
            pos++;
            ws();
            list.push(cur);
            cur = { parts: [], combs: [] };
        } else if (ch === '+' || ch === '~') {
            throw selectorError(s, 'the sibling combinator ' + ch + ' is not supported');
        } else if (spaced) {
            cur.combs.push(' ');
        } else {
            throw selectorError(s, 'unexpected "' + ch + '" at ' + pos);
        }
    }
    list.push(cur);
    return list;
}

function attrValue(attrs, name) {
    for (var i = 0; i < attrs.length; i += 2) {
        if (attrs[i] === name) {
            return attrs[i + 1];
        }
    }
    return null;
}

function nthMatches(a, b, index) {
    if (a === 0) {
        return index === b;
    }
    var k = (index - b) / a;
    return k >= 0 && k === Math.floor(k);
}

function compoundMatches(c, e) {
    var i, v;
    if (c.tag !== null && c.tag !== e.name) {
        return false;
    }
    if (c.id !== null && attrValue(e.attrs, 'id') !== c.id) {
        return false;
    }
    if (c.classes.length) {
        v = attrValue(e.attrs, 'class');
        if (v === null) {
            return false;
        }
        var classes = ' ' + v.replace(/[ \t\n\r\f]+/g, ' ') + ' ';
        for (i = 0; i < c.classes.length; i++) {
            if (classes.indexOf(' ' + c.classes[i] + ' ') < 0) {
                return false;
            }
        }
    }
    for (i = 0; i < c.attrs.length; i++) {
        var at = c.attrs[i];
        v = attrValue(e.attrs, at.name);
        if (v === null) {
            return false;
        }
        if (at.op === null) {
            continue;
        }
        if (at.ci) {
            v = v.toLowerCase();
        }
        var want = at.value, ok;
        switch (at.op) {
        case '=': ok = v === want; break;
        case '~=': ok = want !== '' && !/[ \t\n\r\f]/.test(want) &&
            (' ' + v.replace(/[ \t\n\r\f]+/g, ' ') + ' ').indexOf(' ' + want + ' ') >= 0; break;
        case '^=': ok = want !== '' && v.slice(0, want.length) === want; break;
        case '$=': ok = want !== '' && v.length >= want.length && v.slice(v.length - want.length) === want; break;
        case '*=': ok = want !== '' && v.indexOf(want) >= 0; break;
        default: ok = v === want || v.slice(0, want.length + 1) === want + '-'; break;    /* |= */
        }
        if (!ok) {
            return false;
        }
    }
    for (i = 0; i < c.pseudos.length; i++) {
        var p = c.pseudos[i];
        if (p.kind === 'nth' ? !nthMatches(p.a, p.b, e.index) :
            p.kind === 'nth-type' ? !nthMatches(p.a, p.b, e.typeIndex) : compoundMatches(p.sel, e)) {
            return false;
        }
    }
    return true;
}

function matchesFrom(sel, k, stack, j) {
    if (!compoundMatches(sel.parts[k], stack[j])) {
        return false;
    }
    if (k === 0) {
        return true;
    }
    if (sel.combs[k - 1] === '>') {
        return j > 0 && matchesFrom(sel, k - 1, stack, j - 1);
    }
    for (var i = j - 1; i >= 0; i--) {
        if (matchesFrom(sel, k - 1, stack, i)) {
            return true;
        }
    }
    return false;
}

function selectorMatches(list, stack) {
    for (var i = 0; i < list.length; i++) {
        if (matchesFrom(list[i], list[i].parts.length - 1, stack, stack.length - 1)) {
            return true;
        }
    }
    return false;
}

/* ==== content and the objects handlers see ==== */

function escapeHtml(s) {
    return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function content(value, options) {
    var s = String(value);
    if (options !== void 0 && options !== null && typeof options !== 'object') {
        throw new TypeError('HTMLRewriter: content options must be an object');
    }
    return options && options.html ? s : escapeHtml(s);
}

function checkName(value, what) {
    var s = String(value);
    if (!/^[^\s"'>\/=\u0000]+$/.test(s)) {
        throw new TypeError('HTMLRewriter: invalid ' + what + ' "' + s + '"');
    }
    return s;
}

/* before/after/replace/remove shared by elements, end tags, comments and text */
function mutations(proto, canReplace) {
    proto.before = function before(c, options) {
        this[STATE].before.push(content(c, options));
        return this;
    };
    proto.after = function after(c, options) {
        this[STATE].after.unshift(content(c, options));
        return this;
    };
    if (canReplace) {
        proto.replace = function replace(c, options) {
            var st = this[STATE];
            st.replacement = content(c, options);
            st.removed = true;
            return this;
        };
    }
    proto.remove = function remove() {
        var st = this[STATE];
        st.replacement = '';
        st.removed = true;
        return this;
    };
    Object.defineProperty(proto, 'removed', {
        get: function () { return this[STATE].removed; }, enumerable: true, configurable: true
    });
}

function newState() {
    return { before: [], after: [], removed: false, replacement: '' };
}

function Element(tok, entry, canHaveContent) {
    var st = newState();
    st.name = tok[2];
    st.attrs = tok[3];
    st.raw = tok[1];
    st.selfClosing = tok[4];
    st.canHaveContent = canHaveContent;
    st.dirty = false;
    st.renamed = false;
    st.prepend = [];
    st.append = [];
    st.inner = null;
    st.keepContent = false;
    st.endCalls = [];
    this[STATE] = st;
}

mutations(Element.prototype, true);

function ownAttrs(st) {
    if (!st.dirty) {
        st.attrs = st.attrs.slice();
        st.dirty = true;
    }
    return st.attrs;
}

Object.defineProperty(Element.prototype, 'tagName', {
    get: function () { return this[STATE].name; },
    set: function (v) {
        var st = this[STATE];
        st.name = checkName(v, 'tag name').toLowerCase();
        st.renamed = true;
        st.dirty = true;
        st.attrs = st.attrs.slice();
    },
    enumerable: true, configurable: true
});
Object.defineProperty(Element.prototype, 'attributes', {
    get: function () {
        var a = this[STATE].attrs, out = [];
        for (var i = 0; i < a.length; i += 2) {
            out.push([a[i], a[i + 1]]);
        }
        return out;
    },
    enumerable: true, configurable: true
});
['selfClosing', 'canHaveContent'].forEach(function (name) {
    Object.defineProperty(Element.prototype, name, {
        get: function () { return this[STATE][name]; }, enumerable: true, configurable: true
    });
});
Object.defineProperty(Element.prototype, 'namespaceURI', {
    get: function () { return HTML_NS; }, enumerable: true, configurable: true
});
Element.prototype.getAttribute = function getAttribute(name) {
    return attrValue(this[STATE].attrs, String(name).toLowerCase());
};
Element.prototype.hasAttribute = function hasAttribute(name) {
    return attrValue(this[STATE].attrs, String(name).toLowerCase()) !== null;
};
Element.prototype.setAttribute = function setAttribute(name, value) {
    var n = checkName(name, 'attribute name').toLowerCase(), v = String(value), a = ownAttrs(this[STATE]);
    for (var i = 0; i < a.length; i += 2) {
        if (a[i] === n) {
            a[i + 1] = v;
            return this;
        }
    }
    a.push(n, v);
    return this;
};
Element.prototype.removeAttribute = function removeAttribute(name) {
    var n = String(name).toLowerCase(), st = this[STATE];
    if (attrValue(st.attrs, n) === null) {
        return this;
    }
    var a = ownAttrs(st);
    for (var i = 0; i < a.length; i += 2) {
        if (a[i] === n) {
            a.splice(i, 2);
            break;
        }
    }
    return this;
};
Element.prototype.prepend = function prepend(c, options) {
    this[STATE].prepend.unshift(content(c, options));
    return this;
};
Element.prototype.append = function append(c, options) {
    this[STATE].append.push(content(c, options));
    return this;
};
Element.prototype.setInnerContent = function setInnerContent(c, options) {
    var st = this[STATE];
    st.inner = content(c, options);
    st.prepend.length = 0;
    st.append.length = 0;
    return this;
};
Element.prototype.removeAndKeepContent = function removeAndKeepContent() {
    this[STATE].keepContent = true;
    return this;
};
Element.prototype.onEndTag = function onEndTag(handler) {
    var st = this[STATE];
    if (typeof handler !== 'function') {
        throw new TypeError("HTMLRewriter: onEndTag's handler must be a function");
    }
    if (!st.canHaveContent) {
        throw new TypeError('HTMLRewriter: <' + st.name + '> has no end tag');
    }
    st.endCalls.push({ obj: this, fn: handler });
};

function EndTag(name) {
    var st = newState();
    st.name = name;
    st.renamed = false;
    this[STATE] = st;
}
mutations(EndTag.prototype, false);
Object.defineProperty(EndTag.prototype, 'name', {
    get: function () { return this[STATE].name; },
    set: function (v) {
        this[STATE].name = checkName(v, 'tag name').toLowerCase();
        this[STATE].renamed = true;
    },
    enumerable: true, configurable: true
});

function Comment(text) {
    var st = newState();
    st.text = text;
    st.changed = false;
    this[STATE] = st;
}
mutations(Comment.prototype, true);
Object.defineProperty(Comment.prototype, 'text', {
    get: function () { return this[STATE].text; },
    set: function (v) {
        this[STATE].text = String(v);
        this[STATE].changed = true;
    },
    enumerable: true, configurable: true
});

function TextChunk(text, last) {
    var st = newState();
    st.text = text;
    st.last = last;
    this[STATE] = st;
}
mutations(TextChunk.prototype, true);
Object.defineProperty(TextChunk.prototype, 'text', {
    get: function () { return this[STATE].text; }, enumerable: true, configurable: true
});
Object.defineProperty(TextChunk.prototype, 'lastInTextNode', {
    get: function () { return this[STATE].last; }, enumerable: true, configurable: true
});

function Doctype(tok) {
    this.name = tok[2];
    this.publicId = tok[3];
    this.systemId = tok[4];
}

function DocumentEnd(run) {
    this[STATE] = run;
}
DocumentEnd.prototype.append = function append(c, options) {
    this[STATE].out.push(content(c, options));
    return this;
};

function wrap(st, middle) {
    return st.before.join('') + (st.removed ? st.replacement : middle) + st.after.join('');
}

/* ==== one transform: tokens in, text out ==== */

function isThenable(r) {
    return r !== null && (typeof r === 'object' || typeof r === 'function') && typeof r.then === 'function';
}

/* calls[i..] with arg, then done(); a promise if a handler returned one */
function callAll(calls, arg, i, done) {
    while (i < calls.length) {
        var c = calls[i++];
        var r = c.fn.call(c.obj, arg);
        if (isThenable(r)) {
            return Promise.resolve(r).then(function () {
                return callAll(calls, arg, i, done);
            });
        }
    }
    return done();
}

function Run(rewriter) {
    this.selectors = rewriter.selectors.slice();
    this.doc = rewriter.doc.slice();
    this.stack = [];
    this.root = { childCount: 0, typeCounts: {} };
    this.out = [];
    this.suppress = 0;
    this.inText = false;
    this.queue = [];
    this.qi = 0;
    this.tz = native.htmlTokenizer(MAX_TOKEN);
    this.decoder = new RewriterDecoder('utf-8', { ignoreBOM: true });
}

function docCalls(run, kind) {
    var calls = [];
    for (var i = 0; i < run.doc.length; i++) {
        if (typeof run.doc[i][kind] === 'function') {
            calls.push({ obj: run.doc[i], fn: run.doc[i][kind] });
        }
    }
    return calls;
}

/* the handlers of kind ('text', 'comments') of the open elements, then the document's */
function contentCalls(run, kind) {
    var calls = [], stack = run.stack;
    for (var i = 0; i < stack.length; i++) {
        if (stack[i][kind] !== null) {
            calls.push.apply(calls, stack[i][kind]);
        }
    }
    return calls.concat(docCalls(run, kind));
}

Run.prototype.take = function (tokens) {
    for (var i = 0; i < tokens.length; i++) {
        var text = tokens[i][0] === 0;
        if (!text && this.inText) {
            this.queue.push([6, '']);
        }
        this.inText = text;
        this.queue.push(tokens[i]);
    }
};

Run.prototype.drain = function (controller) {
    var self = this;
    while (this.qi < this.queue.length) {
        var r = processToken(this, this.queue[this.qi++]);
        if (isThenable(r)) {
            return r.then(function () {
                return self.drain(controller);
            });
        }
    }
    this.queue = [];
    this.qi = 0;
    var s = this.out.join('');
    this.out = [];
    if (s !== '') {
        controller.enqueue(native.utf8Encode(s));
    }
};

Run.prototype.push = function (chunk, controller) {
    if (!native.isBufferSource(chunk)) {
        throw new TypeError('HTMLRewriter: a body chunk is not an ArrayBuffer or a view of one');
    }
    this.take(native.htmlFeed(this.tz, this.decoder.decode(native.toU8(chunk), { stream: true })));
    return this.drain(controller);
};

Run.prototype.finish = function (controller) {
    var rest = this.decoder.decode();
    if (rest !== '') {
        this.take(native.htmlFeed(this.tz, rest));
    }
    this.take(native.htmlFeed(this.tz, null));
    if (this.inText) {
        this.queue.push([6, '']);
    }
    this.queue.push([7]);
    return this.drain(controller);
};

function textToken(run, text, last) {
    if (run.suppress > 0) {
        return;
    }
    var calls = contentCalls(run, 'text');
    if (calls.length === 0) {
        run.out.push(text);
        return;
    }
    var chunk = new TextChunk(text, last);
    return callAll(calls, chunk, 0, function () {
        run.out.push(wrap(chunk[STATE], text));
    });
}

function commentToken(run, tok) {
    if (run.suppress > 0) {
        return;
    }
    var calls = contentCalls(run, 'comments');
    if (calls.length === 0) {
        run.out.push(tok[1]);
        return;
    }
    var c = new Comment(tok[2]);
    return callAll(calls, c, 0, function () {
        var st = c[STATE];
        run.out.push(wrap(st, st.changed ? '<!--' + st.text + '-->' : tok[1]));
    });
}

function doctypeToken(run, tok) {
    var calls = docCalls(run, 'doctype');
    if (run.suppress === 0) {
        run.out.push(tok[1]);
    }
    if (calls.length !== 0) {
        return callAll(calls, new Doctype(tok), 0, function () {});
    }
}

function startTagString(st) {
    if (!st.dirty) {
        return st.raw;
    }
    var s = '<' + st.name, a = st.attrs;
    for (var i = 0; i < a.length; i += 2) {
        s += ' ' + a[i] + '="' + a[i + 1].replace(/"/g, '&quot;') + '"';
    }
    return s + (st.selfClosing ? ' />' : '>');
}

/* an element closed without its end tag (implied, or the end of the document) */
function closeImplied(run) {
    var e = run.stack.pop();
    if (e.suppressing) {
        run.suppress--;
    }
    if (run.suppress === 0 && e.el !== null) {
        var st = e.el[STATE];
        run.out.push((st.removed ? '' : st.append.join('')) + st.after.join(''));
    }
}

function top(run) {
    return run.stack.length ? run.stack[run.stack.length - 1].name : '';
}

function closeImpliedBy(run, name) {
    var t = top(run);
    if (t === 'p' && P_CLOSERS[name]) {
        closeImplied(run);
        t = top(run);
    }
    if ((name === 'li' && t === 'li') || ((name === 'dd' || name === 'dt') && (t === 'dd' || t === 'dt')) ||
        ((name === 'option' || name === 'optgroup') && t === 'option') ||
        ((name === 'td' || name === 'th' || name === 'tr') && (t === 'td' || t === 'th'))) {
        closeImplied(run);
        t = top(run);
    }
    if ((name === 'optgroup' && t === 'optgroup') || (name === 'tr' && t === 'tr')) {
        closeImplied(run);
    }
}

function startToken(run, tok) {
    var name = tok[2];
    closeImpliedBy(run, name);
    var parent = run.stack.length ? run.stack[run.stack.length - 1] : run.root;
    parent.childCount++;
    parent.typeCounts[name] = (parent.typeCounts[name] || 0) + 1;
    var entry = {
        name: name, attrs: tok[3], index: parent.childCount, typeIndex: parent.typeCounts[name],
        childCount: 0, typeCounts: {}, text: null, comments: null, el: null, suppressing: false
    };
    var canHave = !VOID[name] && !tok[4], calls = [], i;
    run.stack.push(entry);
    for (i = 0; i < run.selectors.length; i++) {
        var s = run.selectors[i];
        if (!selectorMatches(s.list, run.stack)) {
            continue;
        }
        if (typeof s.handlers.element === 'function') {
            calls.push({ obj: s.handlers, fn: s.handlers.element });
        }
        if (typeof s.handlers.text === 'function') {
            (entry.text || (entry.text = [])).push({ obj: s.handlers, fn: s.handlers.text });
        }
        if (typeof s.handlers.comments === 'function') {
            (entry.comments || (entry.comments = [])).push({ obj: s.handlers, fn: s.handlers.comments });
        }
    }
    if (!canHave) {
        run.stack.pop();
    }
    if (run.suppress > 0) {
        return;
    }
    if (calls.length === 0) {
        run.out.push(tok[1]);
        return;
    }
    var el = new Element(tok, entry, canHave);
    entry.el = el;
    return callAll(calls, el, 0, function () {
        var st = el[STATE];
        var out = st.before.join('');
        if (st.removed) {
            out += st.replacement;
        } else {
            out += st.keepContent ? '' : startTagString(st);
            if (canHave) {
                out += st.prepend.join('') + (st.inner !== null ? st.inner : '');
            }
        }
        /* an element without content ignores prepend, append and setInnerContent */
        if (!canHave) {
            out += st.after.join('');
        } else if (st.removed || st.inner !== null) {
            entry.suppressing = true;
            run.suppress++;
        }
        run.out.push(out);
    });
}

function endToken(run, tok) {
    var name = tok[2], stack = run.stack, j = stack.length - 1;
    while (j >= 0 && stack[j].name !== name) {
        j--;
    }
    if (j < 0) {
        if (run.suppress === 0) {
            run.out.push(tok[1]);
        }
        return;
    }
    while (stack.length - 1 > j) {
        closeImplied(run);
    }
    var entry = stack.pop();
    if (entry.suppressing) {
        run.suppress--;
    }
    if (run.suppress > 0) {
        return;
    }
    if (entry.el === null) {
        run.out.push(tok[1]);
        return;
    }
    var st = entry.el[STATE], end = new EndTag(st.name);
    return callAll(st.endCalls, end, 0, function () {
        var es = end[STATE], out = st.removed ? '' : st.append.join('');
        var tag = st.removed || st.keepContent ? '' :
            es.renamed || st.renamed ? '</' + es.name + '>' : tok[1];
        run.out.push(out + wrap(es, tag) + st.after.join(''));
    });
}

function processToken(run, tok) {
    switch (tok[0]) {
    case 0: return textToken(run, tok[1], false);
    case 1: return startToken(run, tok);
    case 2: return endToken(run, tok);
    case 3: return commentToken(run, tok);
    case 4: return doctypeToken(run, tok);
    case 5:
        if (run.suppress === 0) {
            run.out.push(tok[1]);
        }
        return;
    case 6: return textToken(run, '', true);
    default:
        while (run.stack.length) {
            closeImplied(run);
        }
        return callAll(docCalls(run, 'end'), new DocumentEnd(run), 0, function () {});
    }
}

/* ==== HTMLRewriter ==== */

var ELEMENT_HANDLERS = ['element', 'comments', 'text'];
var DOCUMENT_HANDLERS = ['doctype', 'comments', 'text', 'end'];

function checkHandlers(handlers, names, method) {
    if (handlers === null || typeof handlers !== 'object' && typeof handlers !== 'function') {
        throw new TypeError("Failed to execute '" + method + "' on 'HTMLRewriter': handlers must be an object");
    }
    for (var i = 0; i < names.length; i++) {
        var h = handlers[names[i]];
        if (h !== void 0 && typeof h !== 'function') {
            throw new TypeError("Failed to execute '" + method + "' on 'HTMLRewriter': handler '" + names[i] +
                "' is not a function");
        }
    }
    return handlers;
}

function HTMLRewriter() {
    if (new.target === void 0 && !(this instanceof HTMLRewriter)) {
        throw new TypeError("Failed to construct 'HTMLRewriter': Please use the 'new' operator.");
    }
    this[STATE] = { selectors: [], doc: [] };
}

HTMLRewriter.prototype.on = function on(selector, handlers) {
    var list = parseSelector(selector);
    this[STATE].selectors.push({ list: list, handlers: checkHandlers(handlers, ELEMENT_HANDLERS, 'on') });
    return this;
};

HTMLRewriter.prototype.onDocument = function onDocument(handlers) {
    this[STATE].doc.push(checkHandlers(handlers, DOCUMENT_HANDLERS, 'onDocument'));
    return this;
};

HTMLRewriter.prototype.transform = function transform(response) {
    if (!(response instanceof RewriterResponse)) {
        throw new TypeError("Failed to execute 'transform' on 'HTMLRewriter': parameter 1 is not of type 'Response'.");
    }
    var headers = new RewriterHeaders(response.headers);
    headers['delete']('content-length');
    var init = { status: response.status, statusText: response.statusText, headers: headers };
    var body = response.body;
    if (body === null) {
        return new RewriterResponse(null, init);
    }
    var run = new Run(this[STATE]);
    var ts = new RewriterTransformStream({
        transform: function (chunk, controller) {
            return run.push(chunk, controller);
        },
        flush: function (controller) {
            return run.finish(controller);
        }
    });
    return new RewriterResponse(body.pipeThrough(ts), init);
};

native.defineGlobal('HTMLRewriter', HTMLRewriter);
