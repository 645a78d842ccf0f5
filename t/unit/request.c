/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of src/request.c's request_build: the parameter sets nginx,
 * Apache (mod_proxy_fcgi) and Caddy send, the URL from REQUEST_URI or from
 * SCRIPT_NAME + PATH_INFO + QUERY_STRING, the host from HTTP_HOST or
 * SERVER_NAME and SERVER_PORT, the scheme, the header list (order, names,
 * httpoxy, CONTENT_* against HTTP_CONTENT_*), the script file, the log
 * context and request_param. Prints TAP; run with the sanitizers, leaks
 * fail it.
 */
#include "config.h"

#include "request.h"
#include "tap.h"

#include <stdlib.h>
#include <string.h>

static int str_is(const char *got, const char *want, const char *what)
{
    if (got == want || (got != NULL && want != NULL && strcmp(got, want) == 0)) {
        return 1;
    }
    printf("# %s: got '%s', want '%s'\n", what, got ? got : "(null)", want ? want : "(null)");
    return 0;
}

/* The headers as "name: value\n" lines, and the public view agreeing. */
static int headers_are(const struct request *r, const char *want)
{
    char got[4096] = "";
    size_t n = 0;
    for (size_t i = 0; i < r->nheaders && n < sizeof(got); i++) {
        n += (size_t)snprintf(got + n, sizeof(got) - n, "%s: %s\n", r->headers[2 * i], r->headers[2 * i + 1]);
    }
    if (r->req.nheaders != r->nheaders || r->req.headers != (const char *const *)r->headers) {
        printf("# the public header list differs\n");
        return 0;
    }
    return str_is(got, want, "headers");
}

static int url_is(const struct request *r, const char *want)
{
    return str_is(r->url, want, "url") && r->req.url == r->url;
}

static void test_nginx(void)
{
    /* /etc/nginx/fastcgi_params and SCRIPT_FILENAME, then the request's
     * headers as nginx passes them */
    char *params[] = {
        "FCGI_ROLE=RESPONDER",
        "SCRIPT_FILENAME=/srv/www/app.js",
        "QUERY_STRING=a=1&b=2",
        "REQUEST_METHOD=POST",
        "CONTENT_TYPE=application/json",
        "CONTENT_LENGTH=13",
        "SCRIPT_NAME=/app/items",
        "REQUEST_URI=/app/items?a=1&b=2",
        "DOCUMENT_URI=/app/items",
        "DOCUMENT_ROOT=/srv/www",
        "SERVER_PROTOCOL=HTTP/1.1",
        "REQUEST_SCHEME=http",
        "GATEWAY_INTERFACE=CGI/1.1",
        "SERVER_SOFTWARE=nginx/1.22.1",
        "REMOTE_ADDR=192.0.2.7",
        "REMOTE_PORT=51234",
        "REMOTE_USER=",
        "SERVER_ADDR=192.0.2.1",
        "SERVER_PORT=8080",
        "SERVER_NAME=example.org",
        "REDIRECT_STATUS=200",
        "HTTP_HOST=example.org:8080",
        "HTTP_USER_AGENT=curl/7.88.1",
        "HTTP_ACCEPT=*/*",
        "HTTP_CONTENT_TYPE=application/json",
        "HTTP_CONTENT_LENGTH=13",
        "HTTP_X_FORWARDED_FOR=198.51.100.9",
        "HTTP_COOKIE=a=b; c=d",
        NULL,
    };
    struct request r;
    ok(request_build(&r, params) == 0, "nginx: builds");
    ok(str_is(r.req.method, "POST", "method"), "nginx: method");
    ok(url_is(&r, "http://example.org:8080/app/items?a=1&b=2"), "nginx: URL from HTTP_HOST and REQUEST_URI");
    ok(str_is(r.path, "/app/items?a=1&b=2", "path"), "nginx: path is REQUEST_URI");
    ok(headers_are(&r, "content-type: application/json\n"
                       "content-length: 13\n"
                       "host: example.org:8080\n"
                       "user-agent: curl/7.88.1\n"
                       "accept: */*\n"
                       "x-forwarded-for: 198.51.100.9\n"
                       "cookie: a=b; c=d\n"
                       "cf-connecting-ip: 192.0.2.7\n"),
       "nginx: headers in parameter order, CONTENT_* once, names lower-cased with '-'");
    ok(str_is(r.script_filename, "/srv/www/app.js", "script_filename") &&
           str_is(r.document_root, "/srv/www", "document_root"),
       "nginx: script file and document root");
    ok(str_is(r.log_context, "POST /app/items?a=1&b=2", "log_context") && r.req.log_context == r.log_context,
       "nginx: log context");
    ok(request_param(params, "REMOTE_ADDR") != NULL && strcmp(request_param(params, "REMOTE_ADDR"), "192.0.2.7") == 0,
       "request_param finds a variable request_build does not read");
    ok(request_param(params, "REMOTE") == NULL && request_param(params, "HTTP_HOS") == NULL &&
           request_param(params, "NOPE") == NULL,
       "request_param matches whole names only");
    unsigned long id = r.req.id;
    request_free(&r);
    ok(r.headers == NULL && r.url == NULL && r.nheaders == 0, "request_free clears the request");
    ok(request_build(&r, params) == 0 && r.req.id == id + 1, "each request gets the next id");
    request_free(&r);
}

static void test_apache(void)
{
    /* mod_proxy_fcgi: the environment of a CGI program, HTTP_* first */
    char *params[] = {
        "HTTP_HOST=www.example.com",
        "HTTP_USER_AGENT=Mozilla/5.0",
        "HTTP_ACCEPT_ENCODING=gzip",
        "PATH=/usr/local/bin:/usr/bin:/bin",
        "SERVER_SIGNATURE=",
        "SERVER_SOFTWARE=Apache/2.4.57 (Debian)",
        "SERVER_NAME=www.example.com",
        "SERVER_ADDR=127.0.0.1",
        "SERVER_PORT=443",
        "REMOTE_ADDR=127.0.0.1",
        "DOCUMENT_ROOT=/var/www/html",
        "REQUEST_SCHEME=https",
        "CONTEXT_PREFIX=",
        "SCRIPT_FILENAME=proxy:fcgi://127.0.0.1:9000/var/www/html/app.js",
        "REMOTE_PORT=40000",
        "GATEWAY_INTERFACE=CGI/1.1",
        "SERVER_PROTOCOL=HTTP/1.1",
        "REQUEST_METHOD=DELETE",
        "QUERY_STRING=",
        "REQUEST_URI=/app.js/thing/7",
        "SCRIPT_NAME=/app.js",
        "PATH_INFO=/thing/7",
        NULL,
    };
    struct request r;
    ok(request_build(&r, params) == 0, "apache: builds");
    ok(url_is(&r, "https://www.example.com/app.js/thing/7"), "apache: https URL from REQUEST_SCHEME");
    ok(headers_are(
           &r, "host: www.example.com\nuser-agent: Mozilla/5.0\naccept-encoding: gzip\ncf-connecting-ip: 127.0.0.1\n"),
       "apache: only HTTP_* give headers");
    ok(str_is(r.script_filename, "/var/www/html/app.js", "script_filename"),
       "apache: proxy:fcgi://HOST/path gives the path");
    ok(str_is(r.log_context, "DELETE /app.js/thing/7", "log_context"), "apache: log context");
    request_free(&r);

    char *bare[] = {"SCRIPT_FILENAME=proxy:fcgi://127.0.0.1:9000", NULL};
    ok(request_build(&r, bare) == 0 && str_is(r.script_filename, "", "script_filename"),
       "apache: proxy:fcgi:// without a path gives an empty script file");
    request_free(&r);
}

static void test_hosts(void)
{
    struct request r;
    char *port[] = {"SERVER_NAME=example.org", "SERVER_PORT=8443", "REQUEST_SCHEME=https", "REQUEST_URI=/x", NULL};
    ok(request_build(&r, port) == 0 && url_is(&r, "https://example.org:8443/x"),
       "no HTTP_HOST: SERVER_NAME with a non-default port");
    request_free(&r);

    char *https443[] = {"HTTP_HOST=", "SERVER_NAME=example.org", "SERVER_PORT=443", "HTTPS=on", "REQUEST_URI=/", NULL};
    ok(request_build(&r, https443) == 0 && url_is(&r, "https://example.org/"),
       "empty HTTP_HOST: 443 left out for https");
    request_free(&r);

    char *http443[] = {"SERVER_NAME=example.org", "SERVER_PORT=443", "REQUEST_URI=/", NULL};
    ok(request_build(&r, http443) == 0 && url_is(&r, "http://example.org:443/"), "443 kept for http");
    request_free(&r);

    char *http80[] = {"SERVER_NAME=example.org", "SERVER_PORT=80", "REQUEST_URI=/", NULL};
    ok(request_build(&r, http80) == 0 && url_is(&r, "http://example.org/"), "80 left out for http");
    request_free(&r);

    char *noname[] = {"SERVER_NAME=", "SERVER_PORT=8080", "REQUEST_URI=/", NULL};
    ok(request_build(&r, noname) == 0 && url_is(&r, "http://localhost:8080/"), "empty SERVER_NAME: localhost");
    request_free(&r);

    char *emptyport[] = {"SERVER_NAME=h", "SERVER_PORT=", "REQUEST_URI=/", NULL};
    ok(request_build(&r, emptyport) == 0 && url_is(&r, "http://h:/"), "an empty SERVER_PORT is not a default one");
    request_free(&r);

    ok(request_build(&r, NULL) == 0 && url_is(&r, "http://localhost/") && str_is(r.req.method, "GET", "method") &&
           str_is(r.path, "/", "path") && r.nheaders == 0 && str_is(r.log_context, "GET /", "log_context") &&
           r.script_filename == NULL && r.document_root == NULL,
       "no parameters at all");
    request_free(&r);
}

static void test_schemes(void)
{
    static const struct {
        const char *scheme, *https, *want;
    } cases[] = {
        {NULL, "HTTPS=on", "https://h/"},
        {NULL, "HTTPS=1", "https://h/"},
        {NULL, "HTTPS=off", "http://h/"},
        {NULL, "HTTPS=OFF", "http://h/"},
        {NULL, "HTTPS=", "http://h/"},
        {"REQUEST_SCHEME=ftp", "HTTPS=on", "https://h/"},
        {"REQUEST_SCHEME=HTTPS", NULL, "http://h/"},
        {"REQUEST_SCHEME=https", "HTTPS=off", "https://h/"},
        {"REQUEST_SCHEME=http", "HTTPS=on", "http://h/"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char *params[4] = {"HTTP_HOST=h", NULL, NULL, NULL};
        size_t n = 1;
        if (cases[i].scheme) {
            params[n++] = (char *)cases[i].scheme;
        }
        if (cases[i].https) {
            params[n++] = (char *)cases[i].https;
        }
        struct request r;
        ok(request_build(&r, params) == 0 && url_is(&r, cases[i].want), "scheme: %s %s -> %s",
           cases[i].scheme ? cases[i].scheme : "-", cases[i].https ? cases[i].https : "-", cases[i].want);
        request_free(&r);
    }
}

static void test_no_request_uri(void)
{
    struct request r;
    char *all[] = {"HTTP_HOST=h", "SCRIPT_NAME=/app", "PATH_INFO=/x/y", "QUERY_STRING=q=1", NULL};
    ok(request_build(&r, all) == 0 && url_is(&r, "http://h/app/x/y?q=1") && str_is(r.path, "/app", "path"),
       "no REQUEST_URI: SCRIPT_NAME + PATH_INFO + ?QUERY_STRING, path SCRIPT_NAME");
    request_free(&r);

    char *empty[] = {"HTTP_HOST=h", "SCRIPT_NAME=", "PATH_INFO=", "QUERY_STRING=", NULL};
    ok(request_build(&r, empty) == 0 && url_is(&r, "http://h/") && str_is(r.path, "", "path"),
       "no REQUEST_URI, all empty: '/' appended, path SCRIPT_NAME");
    request_free(&r);

    char *query[] = {"HTTP_HOST=h", "QUERY_STRING=q", NULL};
    ok(request_build(&r, query) == 0 && url_is(&r, "http://h?q") && str_is(r.path, "/", "path"),
       "no REQUEST_URI, only a query: no '/' added");
    request_free(&r);

    char *relative[] = {"HTTP_HOST=h", "REQUEST_URI=x/y", "PATH_INFO=/p", NULL};
    ok(request_build(&r, relative) == 0 && url_is(&r, "http://h/p") && str_is(r.path, "x/y", "path"),
       "a REQUEST_URI not starting with '/' is not the URL's path, but is r->path");
    request_free(&r);
}

static void test_options_star(void)
{
    char *params[] = {"REQUEST_METHOD=OPTIONS", "REQUEST_URI=*", "SCRIPT_NAME=", "HTTP_HOST=h:81", NULL};
    struct request r;
    ok(request_build(&r, params) == 0 && url_is(&r, "http://h:81/") && str_is(r.path, "*", "path") &&
           str_is(r.log_context, "OPTIONS *", "log_context"),
       "OPTIONS *: URL of the host, path and log context '*'");
    request_free(&r);
}

static void test_header_rules(void)
{
    struct request r;
    char *httpoxy[] = {"HTTP_PROXY=http://evil:3128",
                       "HTTP_PROXY_AUTHORIZATION=x",
                       "HTTP_=nameless",
                       "HTTP_X_Mixed_Case9=v=w",
                       "NOEQUALS",
                       "HTTP_NOEQUALS",
                       "HTTP_\xc3\x89T\xc3\x89=\xc3\xa9",
                       "CONTENT=1",
                       NULL};
    ok(request_build(&r, httpoxy) == 0 &&
           headers_are(&r, "proxy-authorization: x\nx-mixed-case9: v=w\n\xc3\x89t\xc3\x89: \xc3\xa9\n"),
       "HTTP_PROXY dropped (httpoxy), HTTP_PROXY_* kept; nameless and '='-less parameters skipped; "
       "only ASCII lower-cased");
    request_free(&r);

    char *ctype[] = {"HTTP_CONTENT_TYPE=text/html", "CONTENT_TYPE=text/plain", "CONTENT_TYPE=", "HTTP_A=1", NULL};
    ok(request_build(&r, ctype) == 0 && headers_are(&r, "content-type: text/plain\ncontent-type: \na: 1\n"),
       "CONTENT_TYPE wins over HTTP_CONTENT_TYPE, every CONTENT_TYPE kept");
    request_free(&r);

    char *empty_ctype[] = {"CONTENT_TYPE=", "HTTP_CONTENT_TYPE=text/html", "CONTENT_TYPE=text/plain", NULL};
    ok(request_build(&r, empty_ctype) == 0 && headers_are(&r, "content-type: text/html\n"),
       "an empty (first) CONTENT_TYPE leaves HTTP_CONTENT_TYPE");
    request_free(&r);

    char *caddy[] = {"CONTENT_LENGTH=-1", "HTTP_TRANSFER_ENCODING=chunked", "CONTENT_TYPE=text/plain", NULL};
    ok(request_build(&r, caddy) == 0 && headers_are(&r, "transfer-encoding: chunked\ncontent-type: text/plain\n"),
       "Caddy's CONTENT_LENGTH=-1 gives no content-length");
    request_free(&r);

    char *caddy_both[] = {"CONTENT_LENGTH=-1", "HTTP_CONTENT_LENGTH=5", NULL};
    ok(request_build(&r, caddy_both) == 0 && headers_are(&r, "content-length: 5\n"),
       "an invalid CONTENT_LENGTH leaves HTTP_CONTENT_LENGTH");
    request_free(&r);

    char *clen[] = {"HTTP_CONTENT_LENGTH=7", "CONTENT_LENGTH=7", "CONTENT_LENGTH=x", NULL};
    ok(request_build(&r, clen) == 0 && headers_are(&r, "content-length: 7\ncontent-length: x\n"),
       "a valid (first) CONTENT_LENGTH wins, every CONTENT_LENGTH kept");
    request_free(&r);

    char *first[] = {"REQUEST_URI=/one",
                     "REQUEST_URI=/two",
                     "REQUEST_METHOD=",
                     "REQUEST_METHOD=PUT",
                     "HTTP_HOST=a",
                     "HTTP_HOST=b",
                     NULL};
    ok(request_build(&r, first) == 0 && url_is(&r, "http://a/one") && str_is(r.req.method, "GET", "method") &&
           headers_are(&r, "host: a\nhost: b\n"),
       "the first of a repeated variable wins (an empty method is GET); repeated headers all kept");
    request_free(&r);

    char *spoof[] = {"HTTP_CF_CONNECTING_IP=6.6.6.6", "HTTP_cf-connecting-ip=6.6.6.7", "HTTP_Cf_Connecting-Ip=6.6.6.8",
                     "REMOTE_ADDR=192.0.2.9",         "HTTP_CF_CONNECTING_IPX=kept",   NULL};
    ok(request_build(&r, spoof) == 0 && headers_are(&r, "cf-connecting-ipx: kept\ncf-connecting-ip: 192.0.2.9\n"),
       "the client's own cf-connecting-ip is dropped however its parameter is spelled; REMOTE_ADDR's is added");
    request_free(&r);

    char *no_remote[] = {"HTTP_cf-connecting-ip=x", "HTTP_CF_CONNECTING_IP=y", "HTTP_A=1", NULL};
    ok(request_build(&r, no_remote) == 0 && headers_are(&r, "a: 1\n"),
       "without REMOTE_ADDR the client's own cf-connecting-ip is dropped too");
    request_free(&r);
}

static void test_long(void)
{
    struct request r;
    size_t n = 5000;
    char *uri = malloc(n + sizeof("REQUEST_URI="));
    char *server = malloc(600 + sizeof("SERVER_NAME="));
    char *header = malloc(n + sizeof("HTTP_X_LONG="));
    if (uri == NULL || server == NULL || header == NULL) {
        ok(0, "long: allocations");
        free(uri);
        free(server);
        free(header);
        return;
    }
    strcpy(uri, "REQUEST_URI=/");
    memset(uri + 13, 'u', n - 1);
    uri[12 + n] = '\0';
    strcpy(server, "SERVER_NAME=");
    memset(server + 12, 's', 509);
    server[12 + 509] = '\0';
    strcpy(header, "HTTP_X_LONG=");
    memset(header + 12, 'h', n);
    header[12 + n] = '\0';
    char *params[] = {uri, server, "SERVER_PORT=8080", header, NULL};
    ok(request_build(&r, params) == 0, "long: builds");
    /* "SERVER_NAME:PORT" is cut at 511 bytes */
    size_t host_at = strlen("http://");
    ok(strlen(r.url) == host_at + 511 + n && memcmp(r.url + host_at + 509, ":8/", 3) == 0 &&
           strcmp(r.url + host_at + 511, uri + 12) == 0,
       "long: the whole REQUEST_URI, the host cut at 511 bytes");
    ok(strlen(r.log_context) == sizeof(r.log_context) - 1 && memcmp(r.log_context, "GET /uuu", 8) == 0,
       "long: log context cut to its buffer");
    ok(r.nheaders == 1 && strlen(r.headers[1]) == n, "long: a long header value");
    request_free(&r);

    memset(server + 12, 's', 600);
    server[12 + 600] = '\0';
    char *method = malloc(300 + sizeof("REQUEST_METHOD="));
    if (method == NULL) {
        ok(0, "long: allocations");
    } else {
        strcpy(method, "REQUEST_METHOD=");
        memset(method + 15, 'M', 300);
        method[15 + 300] = '\0';
        char *more[] = {server, "SERVER_PORT=8080", method, "SCRIPT_NAME=/s", NULL};
        ok(request_build(&r, more) == 0 && strlen(r.url) == host_at + 511 + 2 &&
               strcmp(r.url + host_at + 511, "/s") == 0,
           "long: a SERVER_NAME over 511 bytes is cut, the port left out");
        ok(strlen(r.log_context) == sizeof(r.log_context) - 1 && r.log_context[254] == 'M',
           "long: a long method fills the log context alone");
        request_free(&r);
        free(method);
    }
    free(uri);
    free(server);
    free(header);
}

/* HTTP_HOST that would reshape the URL is refused (bad_host), valid ones
 * are kept as they are. */
static void test_host_check(void)
{
    static const struct {
        const char *host;
        int bad;
    } cases[] = {
        {"example.org", 0},
        {"example.org:8080", 0},
        {"127.0.0.1:9000", 0},
        {"[::1]", 0},
        {"[2001:db8::7]:443", 0},
        {"xn--bcher-kva.example", 0},
        {"b\xc3\xbc"
         "cher.example",
         0},
        {"a_b-c~d.example", 0},
        {"evil.com#", 1},
        {"evil.com/x", 1},
        {"evil.com?x", 1},
        {"user@evil.com", 1},
        {"a b", 1},
        {"evil.com:80x", 1},
        {"evil.com:123456", 1},
        {":80", 1},
        {"[::1", 1},
        {"[::1]x", 1},
        {"[evil]", 1},
        {"a\\b", 1},
        {"a%2fb", 1},
        {"<x>", 1},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char host[128];
        snprintf(host, sizeof(host), "HTTP_HOST=%s", cases[i].host);
        char *params[] = {"REQUEST_METHOD=GET", "REQUEST_URI=/public?name=z", host, NULL};
        struct request r;
        int built = request_build(&r, params) == 0;
        ok(built && r.bad_host == cases[i].bad, "host check: \"%s\" is %s", cases[i].host,
           cases[i].bad ? "refused" : "kept");
        request_free(&r);
    }
}

int main(void)
{
    test_nginx();
    test_apache();
    test_hosts();
    test_schemes();
    test_no_request_uri();
    test_options_star();
    test_header_rules();
    test_long();
    test_host_check();
    return done_testing();
}
