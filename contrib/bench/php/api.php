<?php
// The PHP-FPM side of the benchmark's "hono api" rows: the same requests
// and answers as contrib/bench/apps/src/api.ts (Hono with cors, etag and
// zod), written as a PHP developer would: one script, a router on the
// path, CORS and ETag headers, the query and the JSON body checked field
// by field with the same rules and the same kind of 400 answer.
//
//   GET  /api/products?limit=N&offset=M   a page of the catalogue (ETag, 304)
//   GET  /api/products/:sku               one product, or 404
//   POST /api/orders                      an order → 201

const ORIGINS = ['https://shop.example', 'https://admin.shop.example'];

function catalogue()
{
    $items = [];
    for ($i = 0; $i < 50; $i++) {
        $items[] = [
            'sku' => 'SKU-' . (1000 + $i),
            'name' => 'Product number ' . ($i + 1),
            'price' => 250 + (($i * 37) % 400),
            'tags' => $i % 3 === 0 ? ['new', 'sale'] : ['stock'],
        ];
    }
    return $items;
}

function send($status, $data)
{
    $body = json_encode($data, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
    $tag = '"' . sha1($body) . '"';
    if ($status === 200) {
        header('ETag: ' . $tag);
    }
    if ($status === 200 && isset($_SERVER['HTTP_IF_NONE_MATCH'])
        && in_array($tag, array_map('trim', explode(',', $_SERVER['HTTP_IF_NONE_MATCH'])), true)) {
        http_response_code(304);
        return;
    }
    http_response_code($status);
    header('Content-Type: application/json');
    echo $body;
}

// the length of a UTF-8 string in characters (zod counts UTF-16 units; the
// same for the texts of the benchmark)
function chars($s)
{
    return preg_match_all('/./su', $s);
}

function invalid($issues)
{
    send(400, ['success' => false, 'error' => ['name' => 'ZodError', 'issues' => $issues]]);
}

function int_param($query, $name, $default, $min, $max, &$issues)
{
    if (!isset($query[$name]) || $query[$name] === '') {
        return $default;
    }
    $v = $query[$name];
    if (!is_string($v) || !is_numeric($v) || (float) $v != (int) $v || (int) $v < $min || ($max !== null && (int) $v > $max)) {
        $issues[] = ['path' => [$name], 'message' => "expected an integer from $min" . ($max !== null ? " to $max" : '')];
        return $default;
    }
    return (int) $v;
}

function list_products()
{
    $issues = [];
    $limit = int_param($_GET, 'limit', 10, 1, 50, $issues);
    $offset = int_param($_GET, 'offset', 0, 0, null, $issues);
    if ($issues) {
        invalid($issues);
        return;
    }
    $all = catalogue();
    send(200, ['total' => count($all), 'offset' => $offset, 'items' => array_slice($all, $offset, $limit)]);
}

function one_product($sku)
{
    foreach (catalogue() as $p) {
        if ($p['sku'] === $sku) {
            send(200, $p);
            return;
        }
    }
    send(404, ['error' => 'no such product']);
}

function check_order($order)
{
    $issues = [];
    if (!is_array($order) || array_is_list($order) && $order !== []) {
        return [['path' => [], 'message' => 'expected an object']];
    }
    $c = $order['customer'] ?? null;
    if (!is_string($c) || chars($c) < 1 || chars($c) > 100) {
        $issues[] = ['path' => ['customer'], 'message' => 'expected a string of 1 to 100 characters'];
    }
    $e = $order['email'] ?? null;
    if (!is_string($e) || !preg_match('/^(?!\.)(?!.*\.\.)([A-Za-z0-9_\'+\-\.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/', $e)) {
        $issues[] = ['path' => ['email'], 'message' => 'invalid email address'];
    }
    $items = $order['items'] ?? null;
    if (!is_array($items) || !array_is_list($items) || count($items) < 1 || count($items) > 20) {
        $issues[] = ['path' => ['items'], 'message' => 'expected an array of 1 to 20 items'];
    } else {
        foreach ($items as $i => $line) {
            if (!is_array($line) || !is_string($line['sku'] ?? null) || !preg_match('/^SKU-\d{4}$/', $line['sku'])) {
                $issues[] = ['path' => ['items', $i, 'sku'], 'message' => 'invalid sku'];
            }
            $q = $line['quantity'] ?? null;
            if (!is_int($q) || $q < 1 || $q > 99) {
                $issues[] = ['path' => ['items', $i, 'quantity'], 'message' => 'expected an integer from 1 to 99'];
            }
        }
    }
    if (isset($order['note']) && (!is_string($order['note']) || chars($order['note']) > 500)) {
        $issues[] = ['path' => ['note'], 'message' => 'expected a string of at most 500 characters'];
    }
    return $issues;
}

function create_order()
{
    $order = json_decode(file_get_contents('php://input'), true);
    if (json_last_error() !== JSON_ERROR_NONE) {
        send(400, ['error' => 'Malformed JSON in request body']);
        return;
    }
    $issues = check_order($order);
    if ($issues) {
        invalid($issues);
        return;
    }
    $prices = array_column(catalogue(), 'price', 'sku');
    $total = 0;
    foreach ($order['items'] as $line) {
        if (!isset($prices[$line['sku']])) {
            send(422, ['error' => 'no such product: ' . $line['sku']]);
            return;
        }
        $total += $prices[$line['sku']] * $line['quantity'];
    }
    // an order number per process, as the Hono worker counts per isolate
    $id = apcu_inc('fcw-bench-orders-' . getmypid(), 1, $ok);
    if (!$ok) {
        apcu_store('fcw-bench-orders-' . getmypid(), 1);
        $id = 1;
    }
    send(201, ['id' => $id, 'customer' => $order['customer'], 'lines' => count($order['items']), 'total' => $total]);
}

$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
$method = $_SERVER['REQUEST_METHOD'];
if (str_starts_with($path, '/api/')) {
    $origin = $_SERVER['HTTP_ORIGIN'] ?? '';
    if (in_array($origin, ORIGINS, true)) {
        header('Access-Control-Allow-Origin: ' . $origin);
    }
    header('Vary: Origin');
    if ($method === 'OPTIONS') {
        header('Access-Control-Max-Age: 600');
        header('Access-Control-Allow-Methods: GET,HEAD,PUT,POST,DELETE,PATCH');
        http_response_code(204);
        exit;
    }
}
if ($method === 'GET' && $path === '/api/products') {
    list_products();
} elseif ($method === 'GET' && preg_match('#^/api/products/([^/]+)$#', $path, $m)) {
    one_product(rawurldecode($m[1]));
} elseif ($method === 'POST' && $path === '/api/orders') {
    create_order();
} else {
    send(404, ['error' => 'not found']);
}
