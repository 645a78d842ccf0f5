<?php
// The PHP-FPM side of the benchmark's "hello" rows: the same response as
// contrib/examples/hello.js, a line of text.
header('Content-Type: text/plain; charset=utf-8');
echo "Hello from fcworker!\n";
