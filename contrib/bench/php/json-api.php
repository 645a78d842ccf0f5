<?php
// The PHP-FPM side of the benchmark's "json-api" rows: the same routes and
// responses as contrib/examples/json-api.js. Like the fcworker worker, the
// items live per process (each PHP-FPM child has its own list): PHP keeps
// nothing between requests, so the list is held in APCu under a key that
// names the child's PID.
//
//   GET    /api/items        list
//   POST   /api/items        create from {"name": ...}      → 201
//   GET    /api/items/:id    one item, or 404
//   DELETE /api/items/:id    remove it                       → 204

function state_key()
{
    return 'fcw-bench-json-api-' . getmypid();
}

function load_state()
{
    $state = apcu_fetch(state_key(), $found);
    return $found ? $state : ['items' => [], 'next_id' => 1];
}

function save_state($state)
{
    apcu_store(state_key(), $state);
}

function json($data, $status = 200)
{
    http_response_code($status);
    header('Content-Type: application/json');
    echo json_encode($data, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
}

function not_found()
{
    json(['error' => 'not found'], 404);
}

function list_items()
{
    json(array_values(load_state()['items']));
}

function create_item()
{
    $body = json_decode(file_get_contents('php://input'), true);
    if (json_last_error() !== JSON_ERROR_NONE) {
        json(['error' => 'the body is not valid JSON'], 400);
        return;
    }
    if (!is_array($body) || !isset($body['name']) || !is_string($body['name']) || $body['name'] === '') {
        json(['error' => 'name (a non-empty string) is required'], 400);
        return;
    }
    $state = load_state();
    $item = ['id' => $state['next_id']++, 'name' => $body['name']];
    $state['items'][$item['id']] = $item;
    save_state($state);
    json($item, 201);
}

function get_item($id)
{
    $items = load_state()['items'];
    if (isset($items[(int) $id])) {
        json($items[(int) $id]);
    } else {
        not_found();
    }
}

function delete_item($id)
{
    $state = load_state();
    if (!isset($state['items'][(int) $id])) {
        not_found();
        return;
    }
    unset($state['items'][(int) $id]);
    save_state($state);
    http_response_code(204);
}

$routes = [
    ['GET', '#^/api/items$#', 'list_items'],
    ['POST', '#^/api/items$#', 'create_item'],
    ['GET', '#^/api/items/(\d+)$#', 'get_item'],
    ['DELETE', '#^/api/items/(\d+)$#', 'delete_item'],
];

$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
$allowed = [];
foreach ($routes as [$method, $pattern, $handler]) {
    if (preg_match($pattern, $path, $m)) {
        if ($method === $_SERVER['REQUEST_METHOD']) {
            $handler(isset($m[1]) ? $m[1] : null);
            exit;
        }
        $allowed[] = $method;
    }
}
if ($allowed) {
    http_response_code(405);
    header('Allow: ' . implode(', ', $allowed));
    header('Content-Type: text/plain;charset=UTF-8');
    echo "method not allowed\n";
    exit;
}
not_found();
