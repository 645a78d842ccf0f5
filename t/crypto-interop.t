#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# Web Crypto against Node's crypto module, both ways: node makes keys (SPKI,
# PKCS #8, JWK), RS256/PS256/ES256/ES384/ES512/EdDSA signatures, an RSA-OAEP
# ciphertext and ECDH/X25519 peers (t/crypto/interop-node.js make); fcworker
# verifies, decrypts, derives and imports them and makes its own
# (t/crypto/interop.js in t/jsrun); node then verifies fcworker's signatures
# and exports, decrypts its ciphertext and checks its shared secrets
# (interop-node.js check). One TAP line per check.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;

my $top = FcwTest::top();
my $n = 0;

if (system('node --version >/dev/null 2>&1') != 0) {
    print "1..0 # SKIP node is not installed\n";
    exit 0;
}
my $dir = FcwTest::tmpdir();
system('node', "$top/t/crypto/interop-node.js", 'make', $dir) == 0 or die "interop-node.js make failed\n";

$ENV{FCW_INTEROP_DIR} = $dir;
my $result = FcwTest::run_js_file("$top/t/crypto/interop.js");
my ($json) = map { $_->[1] =~ /^INTEROP (.*)$/ ? ($1) : () } grep { $_->[0] eq 'comment' } @{ $result->{events} };
$result->{events} = [ grep { !($_->[0] eq 'comment' && $_->[1] =~ /^INTEROP /) } @{ $result->{events} } ];
FcwTest::print_js_result($result, 'fcworker', \$n);

$n++;
if (defined $json) {
    FcwTest::write_file("$dir/fcw.json", $json);
    print "ok $n - fcworker printed its keys and signatures\n";
    for my $line (`node '$top/t/crypto/interop-node.js' check '$dir' 2>&1`) {
        chomp $line;
        if ($line =~ /^(not ok|ok) - (.*)$/) {
            $n++;
            print "$1 $n - $2\n";
        } else {
            print "# $line\n";
        }
    }
} else {
    print "not ok $n - fcworker printed its keys and signatures\n";
}
print "1..$n\n";
