package io.commpulse.report.chart;

import io.commpulse.metrics.Rollup;
import io.commpulse.report.i18n.Message;
import io.commpulse.report.i18n.Messages;
import io.commpulse.report.i18n.Vocabulary;
import io.commpulse.report.model.MonthData;
import io.commpulse.surveys.SatisfactionRow;
import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Mean answer per department (columns, company first) and question (rows) as a heat map. Hidden
 * cells are drawn as hatched grey boxes with a word, never a number: they are not in the plotted
 * dataset at all.
 */
public final class SatisfactionChart {
  static final String ID = "03-satisfaction";

  private SatisfactionChart() {}

  /**
   * Blues from light to dark: lightness falls steadily, so the order survives grayscale printing.
   */
  record Scale(double lower, double upper) implements PaintScale {
    static final Color LIGHT = new Color(0xEFF3FF);
    static final Color DARK = new Color(0x08519C);

    @Override
    public double getLowerBound() {
      return lower;
    }

    @Override
    public double getUpperBound() {
      return upper;
    }

    @Override
    public Paint getPaint(double value) {
      double t = Math.max(0, Math.min(1, (value - lower) / (upper - lower)));
      return new Color(
          mix(LIGHT.getRed(), DARK.getRed(), t),
          mix(LIGHT.getGreen(), DARK.getGreen(), t),
          mix(LIGHT.getBlue(), DARK.getBlue(), t));
    }

    boolean dark(double value) {
      Color c = (Color) getPaint(value);
      return 0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue() < 140;
    }

    private static int mix(int a, int b, double t) {
      return (int) Math.round(a + (b - a) * t);
    }
  }

  public static Optional<Figure> build(MonthData data, Messages m, ChartStyle style) {
    List<SatisfactionRow> cells = data.satisfaction();
    if (cells.isEmpty()) {
      return Optional.empty();
    }
    List<String> departments = departments(cells);
    List<String> questions = questions(cells);
    String[] departmentNames = departments.stream().map(m::department).toArray(String[]::new);
    String[] questionNames =
        questions.stream().map(q -> m.name(Vocabulary.QUESTION, q)).toArray(String[]::new);

    List<double[]> plotted = new ArrayList<>();
    Scale scale = new Scale(2.5, 4.5);
    for (SatisfactionRow c : cells) {
      if (!c.suppressed() && c.mean() != null) {
        plotted.add(
            new double[] {
              departments.indexOf(c.department()), questions.indexOf(c.questionId()), c.mean()
            });
      }
    }
    DefaultXYZDataset dataset = new DefaultXYZDataset();
    double[][] series = new double[3][plotted.size()];
    for (int i = 0; i < plotted.size(); i++) {
      for (int d = 0; d < 3; d++) {
        series[d][i] = plotted.get(i)[d];
      }
    }
    dataset.addSeries("mean", series);

    SymbolAxis x = new SymbolAxis(null, departmentNames);
    x.setGridBandsVisible(false);
    x.setRange(-0.5, departments.size() - 0.5);
    // What is left of the width after the question labels, the colour legend and the paddings.
    double columnWidth =
        (Figure.WIDTH - Axes.widest(style.tickFont(), List.of(questionNames)) - 96.0)
            / departments.size();
    x.setVerticalTickLabels(
        Axes.widest(style.tickFont(), List.of(departmentNames)) > columnWidth - 4);
    SymbolAxis y = new SymbolAxis(null, questionNames);
    y.setGridBandsVisible(false);
    y.setInverted(true);
    y.setRange(-0.5, questions.size() - 0.5);

    XYBlockRenderer renderer = new XYBlockRenderer();
    renderer.setPaintScale(scale);
    renderer.setBlockWidth(0.96);
    renderer.setBlockHeight(0.92);
    XYPlot plot = new XYPlot(dataset, x, y, renderer);
    plot.setRangeGridlinesVisible(false);
    for (double[] p : plotted) {
      XYTextAnnotation label = new XYTextAnnotation(m.fmt().likert(p[2]), p[0], p[1]);
      label.setFont(style.valueFont());
      label.setPaint(scale.dark(p[2]) ? Palette.WHITE : Palette.INK);
      plot.addAnnotation(label);
    }
    for (SatisfactionRow c : cells) {
      if (c.suppressed()) {
        hidden(
            plot, departments.indexOf(c.department()), questions.indexOf(c.questionId()), m, style);
      }
    }

    String title = title(cells, m);
    JFreeChart chart = style.chart(title, m.text(Message.CHART_SATISFACTION_SUBTITLE), plot, false);
    NumberAxis legendAxis = new NumberAxis(m.text(Message.AXIS_UNIT_LIKERT));
    legendAxis.setTickLabelFont(style.tickFont());
    legendAxis.setLabelFont(style.tickFont());
    legendAxis.setNumberFormatOverride(Axes.format("0.0"));
    legendAxis.setRange(scale.lower(), scale.upper());
    PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setStripWidth(10);
    legend.setFrame(BlockBorder.NONE);
    legend.setMargin(new RectangleInsets(40, 8, 40, 0));
    legend.setBackgroundPaint(Palette.WHITE);
    chart.addSubtitle(legend);
    int height = 96 + 30 * questions.size() + (x.isVerticalTickLabels() ? 96 : 24);
    return Optional.of(new Figure.Single(ID, title, chart, height));
  }

  private static void hidden(XYPlot plot, int col, int row, Messages m, ChartStyle style) {
    double x0 = col - 0.48;
    double y0 = row - 0.46;
    plot.addAnnotation(
        new XYShapeAnnotation(
            new Rectangle2D.Double(x0, y0, 0.96, 0.92), null, null, Palette.HIDDEN_FILL));
    for (double t : new double[] {0.24, 0.48, 0.72}) {
      plot.addAnnotation(
          new XYLineAnnotation(
              x0 + 0.96 * t - 0.2,
              y0 + 0.92,
              x0 + 0.96 * t + 0.2,
              y0,
              Palette.THIN,
              new Color(0xC8C8C8)));
    }
    XYTextAnnotation label = new XYTextAnnotation(m.text(Message.SUPPRESSED), col, row);
    label.setFont(style.font(8.5f));
    label.setPaint(Palette.MUTED_INK);
    plot.addAnnotation(label);
  }

  static String title(List<SatisfactionRow> cells, Messages m) {
    return cells.stream()
        .filter(
            c ->
                "overall".equals(c.questionId())
                    && !Rollup.ALL.equals(c.department())
                    && !c.suppressed()
                    && c.mean() != null)
        .min(
            Comparator.comparingDouble(SatisfactionRow::mean)
                .thenComparing(SatisfactionRow::department))
        .map(
            c ->
                m.text(
                    Message.CHART_SATISFACTION_TITLE,
                    m.department(c.department()),
                    m.fmt().likert(c.mean())))
        .orElseGet(() -> m.text(Message.CHART_SATISFACTION_NONE_TITLE));
  }

  /**
   * Which cells are hidden, by department: "Human Resources (all questions); Finance: Feedback is
   * heard".
   */
  public static String hiddenSummary(List<SatisfactionRow> cells, Messages m) {
    Map<String, List<String>> byDepartment = new LinkedHashMap<>();
    List<String> questions = questions(cells);
    for (String department : departments(cells)) {
      for (String q : questions) {
        cells.stream()
            .filter(
                c ->
                    c.suppressed() && c.department().equals(department) && c.questionId().equals(q))
            .findFirst()
            .ifPresent(
                c -> byDepartment.computeIfAbsent(department, d -> new ArrayList<>()).add(q));
      }
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : byDepartment.entrySet()) {
      long asked = cells.stream().filter(c -> c.department().equals(e.getKey())).count();
      if (e.getValue().size() == asked) {
        parts.add(m.text(Message.SUPPRESSED_ALL_QUESTIONS, m.department(e.getKey())));
      } else {
        parts.add(
            m.text(
                Message.SUPPRESSED_SOME,
                m.department(e.getKey()),
                String.join(
                    m.text(Message.ITEM_SEPARATOR),
                    e.getValue().stream().map(q -> m.name(Vocabulary.QUESTION, q)).toList())));
      }
    }
    return parts.isEmpty() ? "" : String.join(m.text(Message.LIST_SEPARATOR), parts);
  }

  static List<String> departments(List<SatisfactionRow> cells) {
    List<String> known = new ArrayList<>(Vocabulary.DEPARTMENT.names().keySet());
    return cells.stream()
        .map(SatisfactionRow::department)
        .distinct()
        .sorted(
            Comparator.comparingInt(
                    (String d) -> known.contains(d) ? known.indexOf(d) : known.size())
                .thenComparing(Comparator.naturalOrder()))
        .toList();
  }

  static List<String> questions(List<SatisfactionRow> cells) {
    List<String> known = new ArrayList<>(Vocabulary.QUESTION.names().keySet());
    return cells.stream()
        .map(SatisfactionRow::questionId)
        .distinct()
        .sorted(
            Comparator.comparingInt(
                    (String q) -> known.contains(q) ? known.indexOf(q) : known.size())
                .thenComparing(Comparator.naturalOrder()))
        .toList();
  }
}
