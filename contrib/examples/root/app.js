// SPDX-License-Identifier: MIT
// Browser-side JavaScript: the front server must send this file as it is
// (application/javascript), never hand it to fcworker. It fills the list on
// the page rendered by index.sjs from the JSON of api.sjs.
(function () {
    var target = document.getElementById('items');
    if (!target) {
        return;
    }
    fetch('api.sjs/items').then(function (r) {
        return r.json();
    }).then(function (data) {
        target.textContent = data.items.join(', ');
    }, function () {
        target.textContent = 'unavailable';
    });
})();
