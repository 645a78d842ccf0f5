# SPDX-License-Identifier: MIT
# Sourced by serve.sh and test.sh: installs the Debian packages a step needs,
# only those that are missing, without prompting.
#   deps_install build | serve | test ...
FCW_DEPS_BUILD="autoconf automake make gcc pkg-config duktape-dev libcurl4-openssl-dev libinih-dev libidn2-dev libssl-dev libunistring-dev zlib1g-dev libsqlite3-dev libhiredis-dev"
FCW_DEPS_SERVE="nginx-light curl tzdata"
FCW_DEPS_TEST="clang-format nginx-light curl libfcgi-bin libfcgi-dev perl python3-prometheus-client spawn-fcgi apache2 libapache2-mod-fcgid lighttpd caddy clang libclang-rt-14-dev valgrind redis-server sqlite3 tzdata logrotate debhelper dpkg-dev groff-base man-db"

deps_install() {
    want=
    for set in "$@"; do
        case $set in
            build) want="$want $FCW_DEPS_BUILD" ;;
            serve) want="$want $FCW_DEPS_SERVE" ;;
            test) want="$want $FCW_DEPS_TEST" ;;
        esac
    done
    missing=
    for pkg in $want; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
    done
    # Node.js and npm (for the build tool) may come from elsewhere than Debian
    case " $* " in
        *" test "*) command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || missing="$missing nodejs npm" ;;
    esac
    [ -n "$missing" ] || return 0
    echo "installing:$missing"
    if [ "$(id -u)" -ne 0 ]; then
        echo "missing Debian packages:$missing (run as root, or install them)" >&2
        return 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # the nginx package must not start a system nginx on port 80
    policy_added=
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && policy_added=1
    fi
    apt-get install -y -qq --no-install-recommends $missing </dev/null
    rc=$?
    [ -z "$policy_added" ] || rm -f /usr/sbin/policy-rc.d
    return $rc
}

# Builds in the source tree (./bootstrap, ./configure, make) when needed.
build_tree() {
    [ -x ./configure ] || ./bootstrap
    if [ ! -f Makefile ]; then
        if [ "${CI:-}" = true ]; then ./configure --enable-werror; else ./configure; fi
    fi
    make -j"$(nproc)"
}
