using System.Net;
using System.Text.RegularExpressions;
using ScottPlot;

namespace Brobygge.Reports;

/// <summary>One series of a chart: its name and one value per category.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);

/// <summary>
/// Charts drawn on the server as SVG with ScottPlot, put in the page as they are (no script, no image request). The
/// page's Content-Security-Policy allows no inline style, so style attributes become presentation attributes. Every
/// chart stands beside a table with its figures: the chart is for looking, the table for reading.
/// </summary>
public static partial class Charts
{
    private const int Width = 640, Height = 300;

    /// <summary>Bars per category, one bar per series side by side.</summary>
    public static string Bars(string label, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var group = series.Count + 1;
        for (var s = 0; s < series.Count; s++)
        {
            var bars = categories.Select((_, i) => new Bar { Position = i * group + s, Value = series[s].Values[i], FillColor = palette.GetColor(s) }).ToList();
            var plotted = plot.Add.Bars(bars);
            plotted.LegendText = series[s].Name;
        }
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < categories.Count; i++)
            ticks.AddMajor(i * group + (series.Count - 1) / 2.0, categories[i]);
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Margins(bottom: 0);
        if (series.Count > 1)
            plot.ShowLegend(Alignment.UpperRight);
        return Svg(plot, label);
    }

    /// <summary>A line per series over the categories (months).</summary>
    public static string Lines(string label, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var xs = categories.Select((_, i) => (double)i).ToArray();
        for (var s = 0; s < series.Count; s++)
        {
            var line = plot.Add.Scatter(xs, series[s].Values.ToArray());
            line.LegendText = series[s].Name;
            line.Color = palette.GetColor(s);
            line.MarkerSize = categories.Count > 24 ? 0 : 4;
        }
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var step = Math.Max(1, (int)Math.Ceiling(categories.Count / 8.0));
        for (var i = 0; i < categories.Count; i += step)
            ticks.AddMajor(i, categories[i]);
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Alignment.UpperLeft);
        return Svg(plot, label);
    }

    /// <summary>The SVG element, named for screen readers, without its XML declaration and inline styles.</summary>
    private static string Svg(Plot plot, string label)
    {
        var svg = plot.GetSvgXml(Width, Height);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        svg = start > 0 ? svg[start..] : svg;
        svg = StyleAttribute().Replace(svg, match => string.Join(' ', match.Groups[1].Value
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(declaration => declaration.Split(':', 2))
            .Where(pair => pair.Length == 2 && PropertyName().IsMatch(pair[0].Trim()))
            .Select(pair => $"{pair[0].Trim()}=\"{pair[1].Trim().Replace("\"", "'", StringComparison.Ordinal)}\"")));
        return "<svg role=\"img\" class=\"chart\" aria-label=\"" + WebUtility.HtmlEncode(label) + "\"" + svg[4..];
    }

    [GeneratedRegex("style=\"([^\"]*)\"")]
    private static partial Regex StyleAttribute();

    [GeneratedRegex("^[a-z-]+$")]
    private static partial Regex PropertyName();
}
