// Copyright (C) 2023 Ron Buckton. All rights reserved.
// This code is governed by the BSD license found in the LICENSE file.

/*---
esid: sec-asyncdisposablestack.prototype.adopt
description: Returns the argument provided.
info: |
  AsyncDisposableStack.prototype.adopt ( value, onDisposeAsync )

  ...
  8. Return value.

features: [explicit-resource-management]
---*/

var stack = new AsyncDisposableStack();
var resource = {};
assert.sameValue(stack.adopt(resource, async _ => {}), resource);
assert.sameValue(stack.adopt(null, async _ => {}), null);
assert.sameValue(stack.adopt(undefined, async _ => {}), undefined);
