// SPDX-License-Identifier: MIT
/*
 * HTMLRewriter: every selector kind, every mutation, text/comment/doctype
 * and document handlers, async handlers, errors. Each rewrite is run with
 * the body whole, one byte at a time and in 3- and 7-byte chunks, and must
 * give the same output every time.
 */
var enc = new TextEncoder();

function bodyIn(html, size) {
    var bytes = enc.encode(html), pos = 0;
    return new ReadableStream({
        pull: function (controller) {
            if (pos >= bytes.length) {
                controller.close();
                return;
            }
            var n = size > 0 ? size : bytes.length;
            controller.enqueue(bytes.slice(pos, pos + n));
            pos += n;
        }
    });
}

function rewrite(html, setup, size) {
    var rw = new HTMLRewriter();
    setup(rw);
    return rw.transform(new Response(bodyIn(html, size))).text();
}

/* the rewrite of html by setup, whole and in chunks of 1, 3 and 7 bytes, is want */
function check(t, html, setup, want, msg) {
    var sizes = [0, 1, 3, 7];
    function next(i) {
        if (i === sizes.length) {
            return;
        }
        return rewrite(html, setup, sizes[i]).then(function (out) {
            t.equal(out, want, (msg || html) + (sizes[i] ? ' (' + sizes[i] + '-byte chunks)' : ''));
            return next(i + 1);
        });
    }
    return next(0);
}

var DOC = '<div id=a class="x y" t="alpha"><p id=b t=\'beta\' lang="en-US" data-k="foo bar">1</p>' +
    '<p id=c t="gamma">2</p><span id=d t="delta"><p id=e t="epsilon">3</p></span></div>';

/* the ids of the elements a selector matches, in document order */
function ids(selector) {
    var seen = [];
    return rewrite(DOC, function (rw) {
        rw.on(selector, { element: function (e) { seen.push(e.getAttribute('id')); } });
    }, 1).then(function () {
        return seen.join(' ');
    });
}

var SELECTORS = [
    ['*', 'a b c d e'], ['p', 'b c e'], ['#c', 'c'], ['.y', 'a'], ['.x.y', 'a'], ['.x.z', ''],
    ['[lang]', 'b'], ['[lang="en-US"]', 'b'], ['[lang=en]', ''], ['[lang|=en]', 'b'],
    ['[data-k~=bar]', 'b'], ['[data-k~=ba]', ''], ['[t^=ga]', 'c'], ['[t$=ta]', 'b d'], ['[t*=ps]', 'e'],
    ['[T=ALPHA i]', 'a'], ['[t=ALPHA]', ''], ['div p', 'b c e'], ['div > p', 'b c'], ['span p', 'e'],
    ['div span > p', 'e'], ['div > span p', 'e'], ['p:first-child', 'b e'], ['p:nth-child(2)', 'c'],
    ['*:nth-child(odd)', 'a b d e'], [':nth-child(2n)', 'c'], [':nth-child(-n+2)', 'a b c e'],
    ['p:not(#c)', 'b e'], [':not(p)', 'a d'], ['p:nth-of-type(2)', 'c'], ['span:first-of-type', 'd'],
    ['#b, #e', 'b e'], ['div#a.x[t]', 'a'], ['\tp  >  *', '']
];

SELECTORS.forEach(function (c) {
    test('selector ' + c[0], function (t) {
        return ids(c[0]).then(function (got) { t.equal(got, c[1]); });
    });
});

test('invalid selectors are TypeErrors', function (t) {
    ['', 'p >', 'a + b', 'a ~ b', 'p:hover', '[x', 'p:nth-child(x)', '#', '.', 'p,', 'a!'].forEach(function (s) {
        t.throws(function () { new HTMLRewriter().on(s, {}); }, TypeError, JSON.stringify(s));
    });
    t.throws(function () { new HTMLRewriter().on('p', { element: 1 }); }, TypeError, 'a handler that is not a function');
    t.throws(function () { new HTMLRewriter().on('p', null); }, TypeError, 'null handlers');
    t.throws(function () { new HTMLRewriter().onDocument({ end: 'x' }); }, TypeError, 'onDocument end not a function');
    t.throws(function () { new HTMLRewriter().transform('x'); }, TypeError, 'transform of a string');
    t.throws(function () { HTMLRewriter(); }, TypeError, 'without new');
});

test('unchanged documents come out byte for byte', function (t) {
    var html = '<!DOCTYPE html>\n<html><head><title>a <b> &amp;</title><script>if (a<b && c>d) x("</p>")</script>' +
        '<style>p>a{}</style></head><body class=\'q\' data-x=1 hidden>\u00e9\u4e2d\ud83d\ude00<!-- c -->' +
        '<br/><img src=x alt="a>b"></>text <3</body></html><p';
    return check(t, html, function (rw) {
        rw.on('*', { element: function () {}, text: function () {}, comments: function () {} })
            .onDocument({ doctype: function () {}, text: function () {}, comments: function () {} });
    }, html);
});

test('before, after, prepend, append: escaped text or html, in order', function (t) {
    return check(t, '<p>x</p><br>', function (rw) {
        rw.on('p', {
            element: function (e) {
                e.before('<1>');
                e.before('<2>', { html: true });
                e.after('a&b');
                e.after('<i>', { html: true });
                e.prepend('"p1"');
                e.prepend('<p2>', { html: true });
                e.append('a1');
                e.append('<a2>', { html: true });
            }
        }).on('br', { element: function (e) { e.after('!'); e.append('never'); e.before('^'); } });
    }, '&lt;1&gt;<2><p><p2>&quot;p1&quot;xa1<a2></p><i>a&amp;b^<br>!');
});

test('replace, setInnerContent, remove, removeAndKeepContent', function (t) {
    var html = '<a>1<b>2</b></a><c>3<d>4</d></c><e>5<f>6</f></e><g>7<h>8</h></g><i>9</i>';
    return check(t, html, function (rw) {
        rw.on('a', { element: function (e) { e.replace('<r>', { html: true }); } })
            .on('b', { element: function (e) { e.setAttribute('never', '1'); } })
            .on('c', { element: function (e) { e.setInnerContent('<in>'); } })
            .on('e', { element: function (e) { e.remove(); t.ok(e.removed, 'removed'); } })
            .on('g', { element: function (e) { e.removeAndKeepContent(); } })
            .on('i', { element: function (e) { e.before('['); e.replace('x'); e.after(']'); } });
    }, '<r><c>&lt;in&gt;</c>7<h>8</h>[x]');
});

test('attributes: get, has, set, remove, list; tagName renames both tags', function (t) {
    var html = '<div a=1 B="2" c=\'3\' d>x</div><p data-q="&quot;">y</p>';
    return check(t, html, function (rw) {
        rw.on('div', {
            element: function (e) {
                t.equal(e.tagName, 'div');
                t.equal(e.getAttribute('b'), '2');
                t.equal(e.getAttribute('B'), '2', 'names are case-insensitive');
                t.equal(e.getAttribute('d'), '');
                t.equal(e.getAttribute('zz'), null);
                t.ok(e.hasAttribute('c') && !e.hasAttribute('zz'), 'hasAttribute');
                t.deepEqual(e.attributes, [['a', '1'], ['b', '2'], ['c', '3'], ['d', '']]);
                e.setAttribute('a', 'say "hi"');
                e.setAttribute('e', 'new');
                e.removeAttribute('c');
                e.removeAttribute('nope');
                t.equal(e.getAttribute('a'), 'say "hi"');
                e.tagName = 'section';
                t.throws(function () { e.setAttribute('a b', 'x'); }, TypeError, 'bad attribute name');
                t.throws(function () { e.tagName = 'a>'; }, TypeError, 'bad tag name');
            }
        }).on('p', {
            element: function (e) {
                t.equal(e.getAttribute('data-q'), '&quot;', 'values are not decoded');
                t.equal(e.namespaceURI, 'http://www.w3.org/1999/xhtml');
            }
        });
    }, '<section a="say &quot;hi&quot;" b="2" d="" e="new">x</section><p data-q="&quot;">y</p>');
});

test('selfClosing, canHaveContent and onEndTag', function (t) {
    var html = '<br><svg/><div>x</div><span>y</span>';
    return check(t, html, function (rw) {
        rw.on('br', {
            element: function (e) {
                t.ok(!e.canHaveContent && !e.selfClosing, 'br: void');
                t.throws(function () { e.onEndTag(function () {}); }, TypeError, 'no end tag');
            }
        }).on('svg', { element: function (e) { t.ok(e.selfClosing && !e.canHaveContent, '<svg/>'); } })
            .on('div', {
                element: function (e) {
                    t.ok(e.canHaveContent && !e.selfClosing, 'div');
                    e.onEndTag(function (end) {
                        t.equal(end.name, 'div');
                        end.before('<b4>', { html: true });
                        end.after('<af>', { html: true });
                        end.name = 'DIV2';
                    });
                }
            }).on('span', {
                element: function (e) {
                    e.onEndTag(function (end) { end.remove(); t.ok(end.removed, 'end tag removed'); });
                }
            });
    }, '<br><svg/><div>x<b4></div2><af><span>y');
});

test('async handlers pause the stream and keep the order', function (t) {
    var html = '<p>a</p><p>b</p><p>c</p>';
    var n = 0;
    return check(t, html, function (rw) {
        n = 0;
        rw.on('p', {
            element: function (e) {
                var k = ++n;
                return new Promise(function (resolve) {
                    setTimeout(function () { e.setAttribute('n', String(k)); resolve(); }, 3 - k);
                });
            },
            text: function (c) {
                if (c.text) {
                    return Promise.resolve().then(function () { c.replace(c.text.toUpperCase()); });
                }
            }
        }).onDocument({
            end: function (end) {
                return new Promise(function (resolve) { setTimeout(resolve, 1); }).then(function () {
                    end.append('<!--done-->', { html: true });
                });
            }
        });
    }, '<p n="1">A</p><p n="2">B</p><p n="3">C</p><!--done-->');
});

test('text chunks: text, lastInTextNode, replace, before, after, remove', function (t) {
    var pieces = [];
    return rewrite('<p>h\u00e9llo <b>w</b></p><q>gone</q>', function (rw) {
        rw.on('p', {
            text: function (c) {
                pieces.push(c.text + (c.lastInTextNode ? '|' : ''));
            }
        }).on('b', { text: function (c) { if (c.text) { c.before('['); c.after(']'); } } })
            .on('q', { text: function (c) { c.remove(); } });
    }, 1).then(function (out) {
        t.equal(pieces.join(''), 'h\u00e9llo |w|', 'the node text, then an empty last chunk');
        t.ok(pieces.length > 3, 'a text node came in pieces (' + pieces.length + ')');
        t.equal(out, '<p>h\u00e9llo <b>[w]</b></p><q></q>');
        return check(t, '<p>one <i>two</i></p>', function (rw) {
            rw.on('p', { text: function (c) { if (c.lastInTextNode) { c.after('.'); } } });
        }, '<p>one .<i>two.</i></p>');
    });
});

test('comments: element and document handlers, text setter, remove, replace', function (t) {
    var html = '<!--a--><div><!--b--><!--c--></div><!--d-->';
    var seen = [];
    return check(t, html, function (rw) {
        seen = [];
        rw.on('div', {
            comments: function (c) {
                if (c.text === 'b') {
                    c.text = 'B';
                } else {
                    c.replace('<x>', { html: true });
                }
            }
        }).onDocument({
            comments: function (c) {
                seen.push(c.text);
                if (c.text === 'd') {
                    c.remove();
                }
            }
        });
    }, '<!--a--><div><!--B--><x></div>').then(function () {
        t.deepEqual(seen, ['a', 'B', 'c', 'd'], 'the document handler saw every comment');
    });
});

test('doctype and document text and end', function (t) {
    var dt = null, text = '';
    return rewrite('<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd">' +
        '<p>x</p>y', function (rw) {
        rw.onDocument({
            doctype: function (d) { dt = d; },
            text: function (c) { text += c.text; },
            end: function (e) { e.append('<end>'); }
        });
    }, 5).then(function (out) {
        t.equal(dt.name, 'html');
        t.equal(dt.publicId, '-//W3C//DTD HTML 4.01//EN');
        t.equal(dt.systemId, 'http://www.w3.org/TR/html4/strict.dtd');
        t.equal(text, 'xy');
        t.ok(/<p>x<\/p>y&lt;end&gt;$/.test(out), out);
        return rewrite('<!doctype html>', function (rw) {
            rw.onDocument({ doctype: function (d) { dt = d; } });
        }, 0);
    }).then(function () {
        t.equal(dt.publicId, null, 'no public id: null');
    });
});

test('raw text elements and implied end tags', function (t) {
    var html = '<script>var a = "<p>x</p>";</script><textarea><p></textarea><ul><li>a<li>b</ul><p>c<div>d</div>';
    return check(t, html, function (rw) {
        rw.on('p', { element: function (e) { e.setAttribute('k', ''); } })
            .on('li', { element: function (e) { e.append('!'); } })
            .on('ul > li', { element: function (e) { e.before('-'); } })
            .on('p div', { element: function (e) { e.before('never'); } });
    }, '<script>var a = "<p>x</p>";</script><textarea><p></textarea><ul>-<li>a!-<li>b!</ul><p k="">c<div>d</div>');
});

test('content inside removed elements is not handed to handlers', function (t) {
    var calls = 0;
    return rewrite('<div><p>x</p></div><p>y</p>', function (rw) {
        rw.on('div', { element: function (e) { e.remove(); } })
            .on('p', { element: function () { calls++; }, text: function () { calls += 10; } });
    }, 1).then(function (out) {
        t.equal(out, '<p>y</p>');
        t.equal(calls, 1 + 20, 'only the kept <p> and its text');
    });
});

test('transform keeps the status and headers, drops Content-Length', function (t) {
    var res = new Response('<p>x</p>', { status: 201, statusText: 'Made', headers: { 'X-A': '1', 'Content-Length': '8' } });
    var out = new HTMLRewriter().on('p', { element: function (e) { e.append('y'); } }).transform(res);
    t.equal(out.status, 201);
    t.equal(out.statusText, 'Made');
    t.equal(out.headers.get('x-a'), '1');
    t.equal(out.headers.get('content-length'), null);
    t.ok(res.bodyUsed || res.body.locked, 'the original body is taken');
    var empty = new HTMLRewriter().transform(new Response(null, { status: 204 }));
    t.equal(empty.body, null, 'no body, no stream');
    return out.text().then(function (s) { t.equal(s, '<p>xy</p>'); });
});

test('a handler that throws errors the body', function (t) {
    var out = new HTMLRewriter().on('p', { element: function () { throw new RangeError('boom'); } })
        .transform(new Response('<p>x</p>'));
    return t.rejects(out.text(), RangeError);
});

test('a rejected async handler errors the body', function (t) {
    var out = new HTMLRewriter().on('p', { element: function () { return Promise.reject(new SyntaxError('no')); } })
        .transform(new Response('<p>x</p>'));
    return t.rejects(out.text(), SyntaxError);
});

test('one rewriter transforms several responses', function (t) {
    var rw = new HTMLRewriter().on('b', { element: function (e) { e.tagName = 'strong'; } });
    return Promise.all([rw.transform(new Response('<b>1</b>')).text(), rw.transform(new Response('<b>2</b>')).text()])
        .then(function (r) { t.deepEqual(r, ['<strong>1</strong>', '<strong>2</strong>']); });
});

test('a comment longer than the 8 MB token limit errors the body with a TypeError', function (t) {
    var big = '<p>x</p><!--' + new Array(9 * 1024 + 1).join(new Array(1025).join('a')) + '-->';
    var out = new HTMLRewriter().transform(new Response(big));
    return t.rejects(out.text(), TypeError);
});
