// SPDX-License-Identifier: MIT
/*
 * Text transforms for the stream proxy: a TransformStream that upper-cases
 * UTF-8 text chunk by chunk (a character split across chunks is decoded
 * once complete), and one that counts the bytes passing through.
 */
export function upperCaseStream() {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  const emit = (controller, text) => {
    if (text) controller.enqueue(encoder.encode(text.toUpperCase()));
  };
  return new TransformStream({
    transform(chunk, controller) {
      emit(controller, decoder.decode(chunk, { stream: true }));
    },
    flush(controller) {
      emit(controller, decoder.decode());
    },
  });
}

export class ByteCounter {
  bytes = 0;
  chunks = 0;

  stream() {
    return new TransformStream({
      transform: (chunk, controller) => {
        this.bytes += chunk.byteLength;
        this.chunks += 1;
        controller.enqueue(chunk);
      },
    });
  }
}
