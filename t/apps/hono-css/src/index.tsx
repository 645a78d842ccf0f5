/*
 * Hono's CSS-in-JS helper (hono/css): class names made from css``
 * templates, nesting with &, keyframes, cx() to combine classes, the
 * <Style /> element that collects the rules into the page's <head>, and a
 * global style.
 */
import { Hono } from 'hono';
import { css, cx, keyframes, Style } from 'hono/css';

const fadeIn = keyframes`
  from { opacity: 0; }
  to { opacity: 1; }
`;

const card = css`
  border: 1px solid #ccc;
  padding: 8px;
  animation: ${fadeIn} 1s ease-in;
  &:hover {
    border-color: #333;
  }
`;

const highlight = css`
  background: yellow;
`;

const globalStyle = css`
  :-hono-global {
    body {
      margin: 0;
      font-family: sans-serif;
    }
  }
`;

const app = new Hono();

app.get('/', (c) =>
  c.html(
    <html>
      <head>
        <Style />
      </head>
      <body class={globalStyle}>
        <div class={card}>plain card</div>
        <div class={cx(card, highlight)}>highlighted card</div>
      </body>
    </html>,
  ),
);

export default app;
