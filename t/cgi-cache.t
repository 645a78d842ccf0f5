#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# The bytecode cache of CGI mode (lib/script_cache.c): a script's image is
# kept in FCW_CGI_CACHE (by default fcworker-cgi-UID in TMPDIR) and used by
# the next request while the script's text is the same; rebuilt when the
# script changes or the file is damaged; a folder that is a symbolic link,
# writable by others or not the user's is not used, and nothing is written
# through a symbolic link in it. Each case checks the answer too.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;

my $dir = FcwTest::tmpdir();
my $script = "$dir/app.js";

sub write_script {
    my ($word) = @_;
    FcwTest::write_file($script, <<"EOF2");
var greeting = '$word';
export default {
    fetch: function (request) {
        return new Response(greeting + ' ' + new URL(request.url).pathname);
    }
};
EOF2
}

sub run_cgi { return FcwTest::run_cgi($script, REQUEST_URI => '/p', @_) }

sub cache_files {
    my ($d) = @_;
    opendir(my $dh, $d) or return ();
    my @f = sort grep { !/^\./ } readdir $dh;
    closedir $dh;
    return @f;
}

sub inode { my @s = lstat $_[0]; return @s ? $s[1] : -1 }

write_script('hello');
my $cache = "$dir/cache";

my ($rc, $body, $err) = run_cgi(FCW_CGI_CACHE => $cache);
is($rc, 0, 'a first request exits 0') or diag $err;
is($body, 'hello /p', 'and answers');
ok(-d $cache && (stat $cache)[2] % 01000 == 0700, 'the cache folder is made, mode 0700');
my @files = cache_files($cache);
is(scalar @files, 1, 'with one file for the script') or diag "@files";
my $file = "$cache/$files[0]";
ok(-f $file && (stat $file)[2] % 01000 == 0600, 'mode 0600');
open my $fh, '<:raw', $file or die "$file: $!";
my $head = do { local $/; <$fh> };
close $fh;
like($head, qr/\AFCWCACH1/, 'a cache file');

my $ino = inode($file);
($rc, $body, $err) = run_cgi(FCW_CGI_CACHE => $cache);
is($body, 'hello /p', 'the second request answers the same');
is(inode($file), $ino, 'from the cached bytecode (the file was not written again)');
is($err, '', 'silently');

# the script changes: a new image
sleep 1;
write_script('bonjour');
($rc, $body, $err) = run_cgi(FCW_CGI_CACHE => $cache);
is($body, 'bonjour /p', 'a changed script answers with its new text');
isnt(inode($file), $ino, 'and its image is written again');
is(scalar(cache_files($cache)), 1, 'over the old one');
$ino = inode($file);
($rc, $body) = run_cgi(FCW_CGI_CACHE => $cache);
is($body, 'bonjour /p', 'which the next request uses');
is(inode($file), $ino, 'without writing it again');

# damaged files: rebuilt, never loaded
for my $damage ([ 'a byte of the bytecode changed', sub { my $s = shift; substr($s, -20, 1) ^= "\x55"; $s } ],
    [ 'cut short', sub { substr(shift, 0, 100) } ],
    [ 'empty', sub { '' } ],
    [ 'another build', sub { my $s = shift; $s =~ s/fcworker /fcworkeR /; $s } ]) {
    my ($what, $fn) = @$damage;
    open my $in, '<:raw', $file or die $!;
    my $bytes = do { local $/; <$in> };
    close $in;
    open my $out, '>:raw', $file or die $!;
    print $out $fn->($bytes);
    close $out;
    ($rc, $body, $err) = run_cgi(FCW_CGI_CACHE => $cache);
    is($body, 'bonjour /p', "a cache file $what: the script still answers") or diag $err;
    is($err, '', 'silently');
    open $in, '<:raw', $file or die $!;
    my $again = do { local $/; <$in> };
    close $in;
    is($again, $bytes, 'and the file is made again');
}

# a symbolic link where the cache file would be: replaced, not written through
my $target = FcwTest::write_file("$dir/precious", "precious\n");
unlink $file;
symlink($target, $file) or die "symlink: $!";
($rc, $body) = run_cgi(FCW_CGI_CACHE => $cache);
is($body, 'bonjour /p', 'a symbolic link in place of the cache file: the script answers');
is(FcwTest::read_file($target), "precious\n", 'the file it points to is left alone');
ok(-f $file && !-l $file, 'and the link is replaced by a cache file');

# folders that are not used: the script is compiled, nothing written there
mkdir "$dir/real";
symlink("$dir/real", "$dir/link") or die "symlink: $!";
($rc, $body, $err) = run_cgi(FCW_CGI_CACHE => "$dir/link");
is($body, 'bonjour /p', 'a cache folder that is a symbolic link: the script answers');
is(scalar(cache_files("$dir/real")), 0, 'nothing is written through the link');
like($err, qr/FCW_CGI_CACHE=\Q$dir\E\/link cannot be used/, 'and the log says why');
mkdir "$dir/open";
chmod 0777, "$dir/open";
($rc, $body) = run_cgi(FCW_CGI_CACHE => "$dir/open");
is($body, 'bonjour /p', 'a cache folder others can write to: the script answers');
is(scalar(cache_files("$dir/open")), 0, 'and it is not used');
FcwTest::write_file("$dir/plain", "x\n");
($rc, $body) = run_cgi(FCW_CGI_CACHE => "$dir/plain/cache");
is($body, 'bonjour /p', 'a cache folder that cannot be made: the script answers');
SKIP: {
    skip 'changing a folder\'s owner needs root', 2 if $> != 0;
    my $nobody = getpwnam('nobody') // 65534;
    mkdir "$dir/theirs", 0700;
    chown $nobody, -1, "$dir/theirs";
    ($rc, $body) = run_cgi(FCW_CGI_CACHE => "$dir/theirs");
    is($body, 'bonjour /p', 'a cache folder of another user: the script answers');
    is(scalar(cache_files("$dir/theirs")), 0, 'and it is not used');
}
SKIP: {
    skip 'root writes to read-only folders', 2 if $> == 0;
    mkdir "$dir/ro", 0500;
    ($rc, $body, $err) = run_cgi(FCW_CGI_CACHE => "$dir/ro");
    is($body, 'bonjour /p', 'a read-only cache folder: the script answers');
    is($err, '', 'silently');
}

# off, and the default folder
my $tmp = "$dir/tmp";
mkdir $tmp;
($rc, $body) = run_cgi(FCW_CGI_CACHE => 'off', TMPDIR => $tmp);
is($body, 'bonjour /p', 'FCW_CGI_CACHE=off: the script answers');
ok(!-e "$tmp/fcworker-cgi-$>", 'and no cache is made');
($rc, $body) = run_cgi(TMPDIR => $tmp);
is($body, 'bonjour /p', 'by default');
is(scalar(cache_files("$tmp/fcworker-cgi-$>")), 1, "the cache is fcworker-cgi-UID in TMPDIR");

# a script that does not compile is reported as without the cache
FcwTest::write_file($script, "export default {\n  fetch: function ( {\n};\n");
($rc, $body, $err) = run_cgi(FCW_CGI_CACHE => $cache);
is($rc, 1, 'a broken script exits 1');
like($err, qr/app\.js:\d+: SyntaxError/, 'with file:line on stderr');

done_testing();
