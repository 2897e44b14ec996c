import { ExampleTab } from './examples';

/**
 * The explorer page sends nothing to any host but the gateway: its scripts and styles come from the gateway
 * (GraphiQL's fonts are data: URLs inside its CSS), and the policy below makes the browser refuse anything else.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
].join('; ');

/** The page, given each asset's URL by name (see explorer.ts). */
export function explorerHtml(assetUrl: (name: string) => string, examples: ExampleTab[]): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<title>API 浏览器 · 校园安全管理平台</title>
<link rel="stylesheet" href="${assetUrl('graphiql.min.css')}">
<style>
  html, body { height: 100%; margin: 0; }
  body { display: flex; flex-direction: column; font-family: system-ui, sans-serif; }
  .explorer-help { padding: 6px 12px; font-size: 13px; background: #f4f6f8; border-bottom: 1px solid #dde1e5; }
  #graphiql { flex: 1; min-height: 0; }
</style>
</head>
<body>
<div class="explorer-help">
  <strong>校园安全管理平台 API 浏览器</strong>：先运行第一个标签页（Login）登录，之后的请求自动带上令牌，也可在 Headers 中填
  <code>{"Authorization": "Bearer &lt;token&gt;"}</code>；右上角 Docs 有每个字段的中文说明。
  · Run the Login tab first: later requests carry its token, or put <code>{"Authorization": "Bearer &lt;token&gt;"}</code>
  in Headers; Docs describes every field.
</div>
<div id="graphiql">正在加载… / Loading…</div>
<script id="explorer-examples" type="application/json">${jsonForScript(examples)}</script>
<script src="${assetUrl('react.production.min.js')}"></script>
<script src="${assetUrl('react-dom.production.min.js')}"></script>
<script src="${assetUrl('graphiql.min.js')}"></script>
<script src="${assetUrl('explorer.js')}"></script>
</body>
</html>
`;
}

/** JSON inside <script>: "<" escaped so no value can close the element. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * Starts GraphiQL (globals React, ReactDOM, GraphiQL from the scripts above). GraphiQL keeps headers per tab,
 * so the token of the last login is remembered for the browser tab and sent whenever the Headers editor names
 * no Authorization of its own.
 */
export const EXPLORER_SCRIPT = `'use strict';
(function () {
  var TOKEN_KEY = 'campus-explorer-token';
  var examples = JSON.parse(document.getElementById('explorer-examples').textContent);

  function namesAuthorization(headers) {
    return Object.keys(headers).some(function (name) { return name.toLowerCase() === 'authorization'; });
  }

  async function fetcher(params, options) {
    var headers = Object.assign({ 'content-type': 'application/json' }, options && options.headers);
    var token = sessionStorage.getItem(TOKEN_KEY);
    if (token && !namesAuthorization(headers)) headers.authorization = 'Bearer ' + token;
    var response = await fetch('/graphql', { method: 'POST', headers: headers, body: JSON.stringify(params) });
    var type = response.headers.get('content-type') || '';
    if (type.indexOf('json') < 0) return { errors: [{ message: 'HTTP ' + response.status + ': ' + (await response.text()) }] };
    var answer = await response.json();
    var login = answer && answer.data && answer.data.login;
    if (login && login.token) sessionStorage.setItem(TOKEN_KEY, login.token);
    return answer;
  }

  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, { fetcher: fetcher, defaultTabs: examples, defaultEditorToolsVisibility: 'headers' }),
  );
})();
`;
