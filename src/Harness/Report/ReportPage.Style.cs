namespace Parity.Harness.Report;

internal static partial class ReportPage
{
    // System fonts only (nothing to download); no '<' or '&', so the page stays well-formed XML.
    private const string Style = """
        :root { color-scheme: light; }
        body { margin: 0; background: #f6f7f9; color: #1f2328;
               font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
        main { max-width: 1100px; margin: 0 auto; padding: 24px 28px 48px; }
        h1 { font-size: 28px; margin: 8px 0 4px; }
        h2 { font-size: 20px; margin: 0 0 6px; display: flex; align-items: center; gap: 12px; flex-wrap: wrap; }
        h2 a { color: inherit; text-decoration: none; }
        a { color: #0b5cad; }
        code, pre { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 13px; }
        .totals.ok strong { color: #1a7f37; }
        .totals.unexpected strong { color: #cf222e; }
        .reference { color: #57606a; margin-top: 0; }
        table.overview { width: 100%; border-collapse: collapse; background: #ffffff; margin: 16px 0 28px;
                         border: 1px solid #d0d7de; font-size: 14px; }
        .overview th, .overview td { padding: 6px 10px; border-bottom: 1px solid #e6e9ed; text-align: left; vertical-align: top; }
        .overview th { background: #eef1f4; font-weight: 600; white-space: nowrap; }
        .overview td.name, .overview td.kind { white-space: nowrap; }
        .overview .number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .overview tr.unexpected td { background: #fff0f0; }
        .verdict { display: inline-block; padding: 1px 9px; border-radius: 10px; font-size: 13px; font-weight: 600;
                   white-space: nowrap; }
        .verdict.good { background: #dafbe1; color: #116329; }
        .verdict.demo { background: #fff1c2; color: #7a4b00; }
        .verdict.bad { background: #ffd8d3; color: #a40e26; }
        section.scenario { background: #ffffff; border: 1px solid #d0d7de; border-radius: 8px; padding: 18px 22px;
                           margin: 0 0 24px; }
        .description { margin: 0 0 8px; color: #57606a; }
        .diagnosis { margin: 0 0 10px; }
        pre.summary { background: #f6f8fa; border: 1px solid #e6e9ed; border-radius: 6px; padding: 10px 12px;
                      overflow-x: auto; margin: 0 0 14px; line-height: 1.4; }
        figure.plot { margin: 0; }
        figure.plot svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
        figcaption { color: #57606a; font-size: 13px; text-align: center; margin-top: 4px; }
        .extra { margin-top: 14px; }
        .back { margin: 10px 0 0; font-size: 13px; text-align: right; }
        """;
}
