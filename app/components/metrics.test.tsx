import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { Headline } from "./metrics";

const zero = { events: 0, registrations: 0, present: 0, attendanceRate: null, hours: 0, people: 0 };

describe("Headline", () => {
  it("shows the figures in Portuguese, with coverage when given", () => {
    const html = renderToStaticMarkup(
      <Headline figures={{ events: 12, registrations: 1234, present: 1000, attendanceRate: 0.8104, hours: 1500.5, people: 900, coverage: { covered: 40, total: 417, share: 40 / 417 } }} />,
    );
    expect(html).toContain("<dt>Inscrições confirmadas</dt><dd>1.234</dd>");
    expect(html).toContain("<dt>Cobertura de municípios</dt><dd>9,6 % (40 de 417)</dd>");
    expect(html).not.toContain("Nada encontrado");
  });

  it("says plainly when the filters leave nothing, and how to widen them", () => {
    const html = renderToStaticMarkup(<Headline figures={zero} />);
    expect(html).toContain('role="status"');
    expect(html).toContain("Nada encontrado com estes filtros no período. Amplie o período ou retire algum filtro.");
    expect(html).toContain("<dt>Taxa de presença</dt><dd>—</dd>");
  });
});
