import { REASONS } from '@campus/graphql';
import {
  buildSchema,
  GraphQLArgument,
  GraphQLEnumType,
  GraphQLField,
  GraphQLInputField,
  GraphQLInputObjectType,
  GraphQLInterfaceType,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLUnionType,
  isIntrospectionType,
  isSpecifiedScalarType,
  getNamedType,
  GraphQLType,
} from 'graphql';

/**
 * The public API as one static HTML page (docs/api-reference.html, written by npm run schema:write and served by
 * the gateway in development at /docs): every operation, type, field, argument and enum value with its Chinese
 * description, deprecations with their reasons, and the catalogue of refusal reasons a client branches on.
 */
export function renderApiReference(apiSdl: string): string {
  const schema = buildSchema(apiSdl);
  const types = Object.values(schema.getTypeMap())
    .filter((type) => !isIntrospectionType(type) && !isSpecifiedScalarType(type))
    .sort((a, b) => a.name.localeCompare(b.name));
  const roots = [schema.getQueryType(), schema.getMutationType()].filter((type): type is GraphQLObjectType => !!type);
  const others = types.filter((type) => !roots.includes(type as GraphQLObjectType));
  const groups: [string, GraphQLNamedType[]][] = [
    ['对象类型 Objects', others.filter((type) => type instanceof GraphQLObjectType || type instanceof GraphQLInterfaceType || type instanceof GraphQLUnionType)],
    ['输入类型 Inputs', others.filter((type) => type instanceof GraphQLInputObjectType)],
    ['枚举 Enums', others.filter((type) => type instanceof GraphQLEnumType)],
    ['标量 Scalars', others.filter((type) => type instanceof GraphQLScalarType)],
  ];
  return page([
    '<h1>校园安全管理平台 API 参考 <small>(public GraphQL API)</small></h1>',
    '<p>由 <code>apps/gateway/api-schema.graphql</code> 生成（<code>npm run schema:write</code>）。每个错误都带 <code>extensions.code</code> 与 <code>extensions.reason</code>，前端按 reason 分支，见文末。</p>',
    `<nav>${[...roots.map((root) => `<a href="#${root.name}">${root.name}</a>`), ...groups.map(([title]) => `<a href="#${anchorOf(title)}">${escape(title)}</a>`), '<a href="#reasons">错误原因 Reasons</a>'].join(' · ')}</nav>`,
    ...roots.map((root) => section(root)),
    ...groups.flatMap(([title, members]) => [`<h2 id="${anchorOf(title)}">${escape(title)}</h2>`, ...members.map(section)]),
    reasonsTable(),
  ]);
}

function section(type: GraphQLNamedType): string {
  const heading = `<h3 id="${type.name}">${type.name} <small>${kindOf(type)}</small></h3>${description(type.description)}`;
  if (type instanceof GraphQLObjectType || type instanceof GraphQLInterfaceType) return heading + fieldTable(Object.values(type.getFields()));
  if (type instanceof GraphQLInputObjectType) return heading + fieldTable(Object.values(type.getFields()));
  if (type instanceof GraphQLUnionType) return `${heading}<p>${type.getTypes().map((member) => link(member)).join(' | ')}</p>`;
  if (type instanceof GraphQLEnumType) {
    const rows = type.getValues().map((value) => `<tr><td><code>${value.name}</code>${deprecation(value.deprecationReason)}</td><td>${escape(value.description ?? '')}</td></tr>`);
    return `${heading}<table><tr><th>值</th><th>说明</th></tr>${rows.join('')}</table>`;
  }
  return heading;
}

function fieldTable(fields: (GraphQLField<unknown, unknown> | GraphQLInputField)[]): string {
  const rows = fields.map((field) => {
    const args = 'args' in field && field.args.length ? `<ul>${field.args.map(argumentItem).join('')}</ul>` : '';
    const reason = 'deprecationReason' in field ? field.deprecationReason : undefined;
    return `<tr><td><code>${field.name}</code>${deprecation(reason)}</td><td>${typeLink(field.type)}</td><td>${escape(field.description ?? '')}${args}</td></tr>`;
  });
  return `<table><tr><th>字段</th><th>类型</th><th>说明</th></tr>${rows.join('')}</table>`;
}

function argumentItem(argument: GraphQLArgument): string {
  const fallback = argument.defaultValue === undefined ? '' : ` = <code>${escape(JSON.stringify(argument.defaultValue))}</code>`;
  return `<li><code>${argument.name}</code>: ${typeLink(argument.type)}${fallback} ${escape(argument.description ?? '')}</li>`;
}

function reasonsTable(): string {
  const rows = Object.entries(REASONS).map(([reason, spec]) => `<tr><td><code>${reason}</code></td><td><code>${spec.code}</code></td><td>${escape(spec.message)}</td></tr>`);
  return `<h2 id="reasons">错误原因 Reasons</h2><table><tr><th>reason</th><th>code</th><th>默认提示</th></tr>${rows.join('')}</table>`;
}

/** A type as written in SDL, its named type a link to its section (built-in scalars stay plain). */
function typeLink(type: GraphQLType): string {
  const named = getNamedType(type);
  return escape(String(type)).replace(named.name, isSpecifiedScalarType(named) ? named.name : link(named));
}

const link = (type: GraphQLNamedType) => `<a href="#${type.name}">${type.name}</a>`;
const description = (text: string | null | undefined) => (text ? `<p>${escape(text)}</p>` : '');
const deprecation = (reason: string | null | undefined) => (reason ? ` <span class="deprecated">已弃用：${escape(reason)}</span>` : '');
const anchorOf = (title: string) => title.split(' ')[1].toLowerCase();

function kindOf(type: GraphQLNamedType): string {
  if (type instanceof GraphQLInterfaceType) return 'interface';
  if (type instanceof GraphQLUnionType) return 'union';
  if (type instanceof GraphQLInputObjectType) return 'input';
  if (type instanceof GraphQLEnumType) return 'enum';
  if (type instanceof GraphQLScalarType) return 'scalar';
  return 'type';
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function page(body: string[]): string {
  const style = [
    'body{font:14px/1.6 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:1100px;margin:0 auto;padding:1em 2em;color:#222}',
    'table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}td,th{border:1px solid #ddd;padding:4px 8px;vertical-align:top;text-align:left}',
    'th{background:#f4f4f4}code{font-family:ui-monospace,Menlo,monospace}h3{margin-top:2em;border-bottom:1px solid #eee}small{color:#888;font-weight:normal}',
    'nav{position:sticky;top:0;background:#fff;padding:.5em 0;border-bottom:1px solid #eee}.deprecated{color:#b00;font-size:12px}ul{margin:.3em 0;padding-left:1.2em}',
  ].join('\n');
  return `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>校园安全管理平台 API 参考</title><style>\n${style}\n</style></head>\n<body>\n${body.join('\n')}\n</body></html>\n`;
}
