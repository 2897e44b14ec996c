import { renderApiReference } from './api-reference';

const SDL = `
"""隐患：一患一档"""
type Hazard {
  id: ID!
  """隐患标题 <含尖括号>"""
  title: String!
  grade: HazardGrade!
  placeText: String @deprecated(reason: "请改用 place 字段")
}
"""隐患等级"""
enum HazardGrade {
  """一般隐患"""
  GENERAL
  """重大隐患"""
  MAJOR
}
input VoidHazardInput { id: ID! """作废原因""" reason: String! }
type Query {
  """我的管辖范围内的隐患"""
  hazards("""每页条数，最多 100""" first: Int! = 20): [Hazard!]!
}
type Mutation { voidHazard(input: VoidHazardInput!): Hazard! }
`;

describe('the HTML reference of the public API', () => {
  const html = renderApiReference(SDL);

  it('lists the operations, types, fields, arguments and enum values with their Chinese descriptions, linked by name', () => {
    expect(html).toContain('<h3 id="Query">Query <small>type</small></h3>');
    expect(html).toContain('<code>hazards</code></td><td>[<a href="#Hazard">Hazard</a>!]!</td><td>我的管辖范围内的隐患<ul><li><code>first</code>: Int! = <code>20</code> 每页条数，最多 100</li></ul>');
    expect(html).toContain('<h3 id="Hazard">Hazard <small>type</small></h3><p>隐患：一患一档</p>');
    expect(html).toContain('<tr><td><code>MAJOR</code></td><td>重大隐患</td></tr>');
    expect(html).toContain('<h3 id="VoidHazardInput">VoidHazardInput <small>input</small></h3>');
    expect(html).toContain('<code>reason</code></td><td>String!</td><td>作废原因</td>');
  });

  it('marks deprecations with their reason and escapes what it prints', () => {
    expect(html).toContain('<code>placeText</code> <span class="deprecated">已弃用：请改用 place 字段</span>');
    expect(html).toContain('隐患标题 &lt;含尖括号&gt;');
    expect(html).not.toContain('<含尖括号>');
  });

  it('ends with the refusal reasons a client branches on', () => {
    expect(html).toContain('<h2 id="reasons">错误原因 Reasons</h2>');
    expect(html).toContain('<tr><td><code>STALE_VERSION</code></td><td><code>CONFLICT</code></td><td>记录已被他人修改，请刷新后重试</td></tr>');
  });
});
