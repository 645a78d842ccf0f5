<?php
// The PHP-FPM side of the benchmark's "hono jsx" rows: the page that
// contrib/bench/apps/src/jsx.tsx renders with hono/jsx (a layout, a table of
// 100 products, one row each, attributes and text escaped), as a plain PHP
// template; ?items=N the first N of 1,000 (1-1000; anything else is 100).

$items = [];
for ($i = 1; $i <= 1000; $i++) {
    $items[] = ['id' => $i, 'name' => "Item <$i> & co", 'price' => 199 + (($i * 53) % 900), 'stock' => ($i * 7) % 13];
}

function e($s)
{
    return htmlspecialchars((string) $s, ENT_QUOTES | ENT_HTML5, 'UTF-8');
}

if (parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) !== '/products') {
    http_response_code(404);
    header('Content-Type: text/plain; charset=UTF-8');
    echo "404 Not Found";
    exit;
}
$asked = isset($_GET['items']) && is_string($_GET['items']) ? $_GET['items'] : '';
$n = preg_match('/^\d{1,4}$/', $asked) ? (int) $asked : 0;
$count = $n >= 1 && $n <= count($items) ? $n : 100;
$items = array_slice($items, 0, $count);
header('Content-Type: text/html; charset=UTF-8');
$title = 'Products';
// one line, as hono/jsx renders it: the two bodies are the same bytes
?>
<html lang="en"><head><meta charset="utf-8"/><title><?= e($title) ?></title></head><body><header><h1><?= e($title) ?></h1></header><main><table><thead><tr><th>#</th><th>name</th><th>price</th><th>stock</th></tr></thead><tbody><?php foreach ($items as $item): ?><tr class="<?= $item['stock'] === 0 ? 'sold-out' : 'in-stock' ?>"><td><?= $item['id'] ?></td><td><a href="<?= e('/products/' . $item['id'] . '?ref=list&name=' . rawurlencode($item['name'])) ?>"><?= e($item['name']) ?></a></td><td><?= number_format($item['price'] / 100, 2, '.', '') ?></td><td><?= $item['stock'] === 0 ? 'sold out' : $item['stock'] . ' left' ?></td></tr><?php endforeach ?></tbody></table></main><footer><?= $count ?> items</footer></body></html><?php
