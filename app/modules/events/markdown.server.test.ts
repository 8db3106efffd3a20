import { describe, expect, it } from "vitest";

import { renderMarkdown } from "./markdown.server";

describe("renderMarkdown safety", () => {
  it("shows a <script> tag as text instead of running it", () => {
    const html = renderMarkdown("<script>alert(1)</script>");
    expect(html).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
    expect(html).not.toContain("<script");
  });

  it("shows an <img onerror> tag as text", () => {
    const html = renderMarkdown("<img src=x onerror=alert(1)>");
    expect(html).toBe("<p>&lt;img src=x onerror=alert(1)&gt;</p>\n");
    expect(html).not.toContain("<img");
  });

  it("shows a raw <a href=javascript:> tag as text", () => {
    const html = renderMarkdown('<a href="javascript:alert(1)">clique</a>');
    expect(html).not.toContain("<a");
    expect(html).toContain("&lt;a href=&quot;javascript:alert(1)&quot;&gt;");
  });

  it.each([
    "[x](javascript:alert(1))",
    "[x](JAVASCRIPT:alert(1))",
    "[x](  javascript:alert(1))",
    "[x](java\tscript:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](vbscript:msgbox(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "<javascript:alert(1)>",
  ])("makes no link out of the unsafe target in %j", (source) => {
    const html = renderMarkdown(source);
    expect(html).not.toMatch(/<a\b/);
    expect(html).not.toMatch(/href=/i);
  });

  it("refuses a protocol-relative link to another site", () => {
    expect(renderMarkdown("[x](//evil.example)")).not.toContain("href");
  });

  it("does not embed images", () => {
    const html = renderMarkdown("![logo](https://example.org/logo.png)");
    expect(html).not.toContain("<img");
  });

  it("escapes HTML inside link text and code", () => {
    const html = renderMarkdown("[<b>oi</b>](https://gov.br) `<i>x</i>`");
    expect(html).toContain("&lt;b&gt;oi&lt;/b&gt;");
    expect(html).toContain("<code>&lt;i&gt;x&lt;/i&gt;</code>");
    expect(html).not.toContain("<b>");
  });

  it("escapes quotes in a link target so it cannot break out of the attribute", () => {
    const html = renderMarkdown('[x](https://gov.br/"onmouseover="alert(1))');
    expect(html).toContain('href="https://gov.br/%22onmouseover=%22alert(1)"');
    expect(html).not.toMatch(/"\s*onmouseover=/);
  });
});

describe("renderMarkdown links", () => {
  it("opens http(s) links in a new tab with rel=noopener noreferrer nofollow", () => {
    expect(renderMarkdown("[Portal](https://www.gov.br/mds)")).toBe(
      '<p><a href="https://www.gov.br/mds" rel="noopener noreferrer nofollow" target="_blank">Portal</a></p>\n',
    );
    expect(renderMarkdown("[site](http://example.org)")).toContain('rel="noopener noreferrer nofollow"');
  });

  it("turns a bare address into a safe link", () => {
    expect(renderMarkdown("Veja https://www.gov.br/mds hoje")).toBe(
      '<p>Veja <a href="https://www.gov.br/mds" rel="noopener noreferrer nofollow" target="_blank">https://www.gov.br/mds</a> hoje</p>\n',
    );
  });

  it("keeps mailto and same-site links without opening a new tab", () => {
    expect(renderMarkdown("[fale conosco](mailto:suas@mds.gov.br)")).toBe('<p><a href="mailto:suas@mds.gov.br">fale conosco</a></p>\n');
    expect(renderMarkdown("[agenda](/eventos)")).toBe('<p><a href="/eventos">agenda</a></p>\n');
    expect(renderMarkdown("[programação](#programacao)")).toBe('<p><a href="#programacao">programação</a></p>\n');
  });
});

describe("renderMarkdown formatting", () => {
  it("renders headings, lists, bold and italics", () => {
    expect(renderMarkdown("## Programação\n\n- Abertura\n- **Mesa** redonda\n\n1. _um_\n2. dois")).toBe(
      "<h2>Programação</h2>\n<ul>\n<li>Abertura</li>\n<li><strong>Mesa</strong> redonda</li>\n</ul>\n<ol>\n<li><em>um</em></li>\n<li>dois</li>\n</ol>\n",
    );
  });

  it("turns single line breaks into <br>", () => {
    expect(renderMarkdown("linha 1\nlinha 2")).toBe("<p>linha 1<br>\nlinha 2</p>\n");
  });

  it("renders only the first 20,000 characters", () => {
    const html = renderMarkdown(`${"a".repeat(20_000)}FIM`);
    expect(html).toBe(`<p>${"a".repeat(20_000)}</p>\n`);
  });

  it("renders an empty description as nothing", () => {
    expect(renderMarkdown("")).toBe("");
  });
});
