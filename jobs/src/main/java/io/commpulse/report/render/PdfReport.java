package io.commpulse.report.render;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import io.commpulse.report.chart.Palette;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Lays the report out on A4 with OpenPDF, the report font embedded (subset) so Chinese prints as
 * characters.
 */
public final class PdfReport {
  static final float MARGIN = 42;
  static final float TEXT_WIDTH = PageSize.A4.getWidth() - 2 * MARGIN;
  private static final Color GREY_TEXT = new Color(0x555555);
  private static final Color RULE = new Color(0xBBBBBB);
  private static final Color HEADER_FILL = new Color(0xF2F2F2);

  private final BaseFont base;

  private PdfReport(BaseFont base) {
    this.base = base;
  }

  public static byte[] render(ReportContent content, ReportFont font) {
    try {
      BaseFont base = BaseFont.createFont(font.pdfName(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
      return new PdfReport(base).write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private byte[] write(ReportContent c) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN + 10);
    PdfWriter writer = PdfWriter.getInstance(doc, out);
    writer.setStrictImageSequence(true);
    writer.setPageEvent(new Footer(c.footerFormat()));
    doc.addTitle(c.title() + " · " + c.subtitle());
    doc.addCreator("commpulse");
    doc.open();
    // Same content, same bytes: no creation time, and a file id derived from the content rather
    // than the clock.
    byte[] fingerprint = c.fingerprint();
    writer.getInfo().remove(PdfName.CREATIONDATE);
    byte[] id = Arrays.copyOf(fingerprint, 16);
    writer.getInfo().put(PdfName.FILEID, PdfEncryption.createInfoId(id, id));
    base.setSecureRandom(seeded(fingerprint));
    try {
      doc.add(paragraph(c.title(), font(22, Font.BOLD, Palette.INK), 0, 2));
      doc.add(paragraph(c.subtitle(), font(13, Font.NORMAL, GREY_TEXT), 0, 4));
      doc.add(paragraph(c.sourceNote(), font(8.5f, Font.NORMAL, GREY_TEXT), 0, 10));

      doc.add(heading(c.summaryHeading()));
      for (String sentence : c.summary()) {
        Paragraph p = paragraph("•  " + sentence, font(10.5f, Font.NORMAL, Palette.INK), 0, 4);
        p.setIndentationLeft(10);
        p.setFirstLineIndent(-10);
        p.setLeading(15);
        doc.add(p);
      }
      doc.add(heading(c.scorecardHeading()));
      doc.add(table(c.scorecard(), 8.5f));

      doc.newPage();
      for (ReportContent.Chart chart : c.charts()) {
        doc.add(chart(chart));
      }

      doc.newPage();
      doc.add(heading(c.followThroughHeading()));
      for (ReportContent.Part part : c.followThrough()) {
        // Four parts on one page: smaller type and tighter spacing than the rest of the report.
        doc.add(paragraph(part.heading(), font(10.5f, Font.BOLD, Palette.INK), 4, 0));
        if (part.table() != null) {
          PdfPTable table = table(part.table(), 7.5f);
          table.setSpacingAfter(2);
          doc.add(table);
        }
        for (String note : part.notes()) {
          Paragraph p = paragraph(note, font(8f, Font.NORMAL, GREY_TEXT), 0, 2);
          p.setLeading(10.5f);
          doc.add(p);
        }
      }

      doc.newPage();
      doc.add(heading(c.definitionsHeading()));
      doc.add(table(c.definitions(), 8.5f));
      doc.add(heading(c.qualityHeading()));
      if (!c.quality().rows().isEmpty()) {
        doc.add(table(c.quality(), 8f));
      }
      for (String note : c.qualityNotes()) {
        doc.add(paragraph(note, font(8.5f, Font.NORMAL, GREY_TEXT), 4, 2));
      }
      doc.add(heading(c.reproducibilityHeading()));
      doc.add(table(twoUp(c.versions()), 8f));
      for (String note : c.reproducibilityNotes()) {
        doc.add(paragraph(note, font(8.5f, Font.NORMAL, GREY_TEXT), 4, 2));
      }
    } catch (DocumentException e) {
      throw new IllegalStateException("cannot lay out the report", e);
    } finally {
      doc.close();
    }
    return out.toByteArray();
  }

  /**
   * The font subset's name prefix is drawn from this: seeded by the content, it is the same for the
   * same report.
   */
  private static SecureRandom seeded(byte[] seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      return random;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Heading, image and notes of a chart in one unsplittable block, so a chart never loses its
   * heading.
   */
  private PdfPTable chart(ReportContent.Chart chart) throws DocumentException {
    PdfPTable block = new PdfPTable(1);
    block.setWidthPercentage(100);
    block.setKeepTogether(true);
    block.setSpacingAfter(10);
    block.addCell(borderless(heading(chart.heading()), 0));
    if (chart.png() != null) {
      try {
        Image image = Image.getInstance(chart.png());
        float scale = TEXT_WIDTH / chart.width();
        image.scaleAbsolute(chart.width() * scale, chart.height() * scale);
        image.setAlt(chart.alt());
        PdfPCell cell = new PdfPCell(image, false);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        block.addCell(cell);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      block.addCell(
          borderless(paragraph(chart.fallback(), font(10, Font.NORMAL, GREY_TEXT), 2, 6), 0));
    }
    for (String note : chart.notes()) {
      block.addCell(borderless(paragraph(note, font(8.5f, Font.NORMAL, GREY_TEXT), 2, 2), 0));
    }
    return block;
  }

  private PdfPTable table(ReportContent.Table t, float size) throws DocumentException {
    PdfPTable table = new PdfPTable(t.widths());
    table.setWidthPercentage(100);
    table.setHeaderRows(1);
    table.setSpacingBefore(4);
    table.setSpacingAfter(8);
    for (String header : t.header()) {
      PdfPCell cell = new PdfPCell(new Phrase(header, font(size, Font.BOLD, Palette.INK)));
      cell.setBackgroundColor(HEADER_FILL);
      style(cell);
      table.addCell(cell);
    }
    for (List<ReportContent.Cell> row : t.rows()) {
      for (ReportContent.Cell c : row) {
        PdfPCell cell = new PdfPCell(new Phrase(c.text(), font(size, Font.NORMAL, Palette.INK)));
        if (c.status() != null) {
          cell.setBackgroundColor(Palette.statusTint(c.status()));
        }
        cell.setHorizontalAlignment(c.numeric() ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
        style(cell);
        table.addCell(cell);
      }
    }
    return table;
  }

  /** A long two-column table side by side in two halves, so the appendix keeps to one page. */
  static ReportContent.Table twoUp(ReportContent.Table t) {
    int half = (t.rows().size() + 1) / 2;
    List<String> header = new ArrayList<>(t.header());
    header.addAll(t.header());
    List<List<ReportContent.Cell>> rows = new ArrayList<>();
    for (int i = 0; i < half; i++) {
      List<ReportContent.Cell> row = new ArrayList<>(t.rows().get(i));
      if (i + half < t.rows().size()) {
        row.addAll(t.rows().get(i + half));
      } else {
        t.header().forEach(h -> row.add(ReportContent.Cell.text("")));
      }
      rows.add(row);
    }
    float[] widths = new float[t.widths().length * 2];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = t.widths()[i % t.widths().length];
    }
    return new ReportContent.Table(header, rows, widths);
  }

  private static void style(PdfPCell cell) {
    cell.setBorder(Rectangle.BOTTOM);
    cell.setBorderColor(RULE);
    cell.setBorderWidth(0.5f);
    cell.setPaddingTop(3);
    cell.setPaddingBottom(5);
    cell.setPaddingLeft(3);
    cell.setPaddingRight(3);
    cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
  }

  private static PdfPCell borderless(Paragraph content, float padding) {
    PdfPCell cell = new PdfPCell();
    cell.addElement(content);
    cell.setBorder(Rectangle.NO_BORDER);
    cell.setPadding(padding);
    return cell;
  }

  private Paragraph heading(String text) {
    return paragraph(text, font(13, Font.BOLD, Palette.INK), 10, 4);
  }

  private static Paragraph paragraph(String text, Font font, float before, float after) {
    Paragraph p = new Paragraph(text, font);
    p.setSpacingBefore(before);
    p.setSpacingAfter(after);
    return p;
  }

  private Font font(float size, int style, Color color) {
    return new Font(base, size, style, color);
  }

  /** Page number and month at the foot of every page. */
  private final class Footer extends PdfPageEventHelper {
    private final String format;

    Footer(String format) {
      this.format = format;
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
      Phrase text =
          new Phrase(
              String.format(Locale.ROOT, format, writer.getPageNumber()),
              font(7.5f, Font.NORMAL, GREY_TEXT));
      ColumnText.showTextAligned(
          writer.getDirectContent(),
          Element.ALIGN_RIGHT,
          text,
          document.right(),
          document.bottom() - 20,
          0);
    }
  }
}
