/* SPDX-License-Identifier: MIT */
/*
 * fcworker: Workers-style JavaScript as a FastCGI application.
 *
 *   fcworker -c FILE [-D] [-R]   run the pools of FILE (foreground; -D
 *                                daemonizes; -R lets pools without a user
 *                                run their children as root)
 *   fcworker -t -c FILE [-R]     test FILE and every pool's script, then exit
 *   fcworker -tt -c FILE [-R]    the same, and print the effective configuration
 *   fcworker dev [DIR|wrangler.toml] [--port N]   the development loop (dev.c)
 *   fcworker SCRIPT.js      CGI mode (or FastCGI on an inherited socket on fd 0)
 *   #!/usr/bin/fcworker     the same, as a script interpreter
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cgi.h"
#include "clock.h"
#include "conf.h"
#include "dev.h"
#include "listen.h"
#include "log.h"
#include "master.h"
#include "migrations.h"
#include "triggers.h"

static void usage(FILE *f)
{
    fprintf(f, "usage: fcworker -c FILE [-D] [-R]  run the pools configured in FILE\n"
               "       fcworker -t -c FILE [-R]    test the configuration and the pools' scripts\n"
               "       fcworker -tt -c FILE [-R]   the same, and print the effective configuration\n"
               "         -R, --allow-to-run-as-root: pools without user = may run as root\n"
               "       fcworker --scheduled POOL -c FILE [--cron EXPR]  run a pool's scheduled handler once\n"
               "       fcworker dev [DIR|wrangler.toml] [--port N]  serve a project on 127.0.0.1, reloaded on change\n"
               "       fcworker --d1-migrations POOL -c FILE [--database NAME]  apply a pool's pending D1 migrations\n"
               "       fcworker SCRIPT.js        serve one CGI request (or FastCGI on a socket on fd 0)\n"
               "       fcworker -v | -V | -h         version; -V adds the engine's build and start-up time\n");
}

/* -V: the version, how the runtime is loaded, and what starting an engine
 * costs (the median of a few, as each CGI request pays it). */
static int build_info(void)
{
    char info[1024];
    fcw_runtime_image_describe(info, sizeof(info));
    printf("fcworker %s\n%s\n", fcw_version(), info);
    struct fcw_engine_config cfg;
    memset(&cfg, 0, sizeof(cfg));
    double ms[5];
    size_t heap = 0;
    for (int i = 0; i < 5; i++) {
        char err[512];
        double t0 = clock_now_ms();
        struct fcw_engine *e = fcw_engine_new(&cfg, err, sizeof(err));
        ms[i] = clock_now_ms() - t0;
        if (e == NULL) {
            fprintf(stderr, "fcworker: %s\n", err);
            return 1;
        }
        heap = fcw_engine_memory(e);
        fcw_engine_free(e);
        for (int j = i; j > 0 && ms[j] < ms[j - 1]; j--) {
            double t = ms[j];
            ms[j] = ms[j - 1];
            ms[j - 1] = t;
        }
    }
    printf("engine start-up: %.2f ms (median of 5), heap %zu KB\n", ms[2], heap / 1024);
    return 0;
}

/* -t: test; -tt: and print the effective configuration on stdout */
static int test_config(const char *path, int allow_root, int print)
{
    char err[1024];
    struct conf *conf = conf_load(path, err, sizeof(err));
    if (conf == NULL) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    conf->global.allow_root = allow_root;
    fcw_log_open("stderr", FCW_LOG_WARNING);
    if (master_check(conf, err, sizeof(err)) < 0) {
        fprintf(stderr, "%s\n", err);
        conf_free(conf);
        return 1;
    }
    if (print && conf_print(stdout, conf) < 0) {
        perror("fcworker: stdout");
        conf_free(conf);
        return 1;
    }
    fprintf(stderr, "configuration file %s test is successful (%zu pool%s)\n", path, conf->npools,
            conf->npools == 1 ? "" : "s");
    conf_free(conf);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "dev") == 0 && !listen_is_socket(0)) {
        return dev_main(argc - 1, argv + 1);
    }
    const char *conf_path = NULL;
    const char *scheduled = NULL, *cron = NULL, *migrate = NULL, *database = NULL;
    int test = 0, daemonize = 0, allow_root = 0, c;
    static const struct option longopts[] = {{"config", required_argument, NULL, 'c'},
                                             {"test", no_argument, NULL, 't'},
                                             {"daemonize", no_argument, NULL, 'D'},
                                             {"version", no_argument, NULL, 'v'},
                                             {"build-info", no_argument, NULL, 'V'},
                                             {"help", no_argument, NULL, 'h'},
                                             {"allow-to-run-as-root", no_argument, NULL, 'R'},
                                             {"scheduled", required_argument, NULL, 'S'},
                                             {"cron", required_argument, NULL, 'C'},
                                             {"d1-migrations", required_argument, NULL, 'M'},
                                             {"database", required_argument, NULL, 'B'},
                                             {NULL, 0, NULL, 0}};
    /* "+": stop at the first non-option, so a CGI script's own arguments
     * (from a query string without '=') are left alone */
    while ((c = getopt_long(argc, argv, "+c:tDRvVh", longopts, NULL)) != -1) {
        switch (c) {
        case 'c': conf_path = optarg; break;
        case 't': test++; break;
        case 'D': daemonize = 1; break;
        case 'R': allow_root = 1; break;
        case 'v': printf("fcworker %s\n", fcw_version()); return 0;
        case 'V': return build_info();
        case 'h': usage(stdout); return 0;
        case 'S': scheduled = optarg; break;
        case 'C': cron = optarg; break;
        case 'M': migrate = optarg; break;
        case 'B': database = optarg; break;
        default: usage(stderr); return 2;
        }
    }
    const char *script = optind < argc ? argv[optind] : NULL;
    if (migrate != NULL || database != NULL) {
        if (migrate == NULL || conf_path == NULL) {
            fprintf(stderr, "fcworker: --d1-migrations POOL needs -c FILE (and --database needs --d1-migrations)\n");
            return 2;
        }
        return migrations_apply(conf_path, migrate, database, allow_root);
    }
    if (scheduled != NULL || cron != NULL) {
        if (scheduled == NULL || conf_path == NULL) {
            fprintf(stderr, "fcworker: --scheduled POOL needs -c FILE (and --cron needs --scheduled)\n");
            return 2;
        }
        return triggers_run_by_hand(conf_path, scheduled, cron, allow_root);
    }
    if (conf_path != NULL) {
        return test ? test_config(conf_path, allow_root, test > 1) : master_run(conf_path, daemonize, allow_root);
    }
    if (listen_is_socket(0)) {
        return cgi_fastcgi_on_stdin(script);
    }
    if (script == NULL) {
        script = getenv("PATH_TRANSLATED");
    }
    if (script == NULL || test) {
        usage(stderr);
        return 2;
    }
    return cgi_main(script);
}
